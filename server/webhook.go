package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"brandshow/ent"
	"brandshow/ent/visibility"
	"brandshow/ent/webhook"
	"brandshow/ent/webhookdelivery"
	"brandshow/server/config"
	"brandshow/server/store"
	"brandshow/server/webhooks"
)

// webhookCommand manages webhook endpoints:
//
//	server webhook add -url URL [-events item.published,item.unpublished,item.deleted]
//	server webhook list
//	server webhook remove ID
func webhookCommand(ctx context.Context, args []string, out io.Writer, logger *slog.Logger) error {
	const usage = "usage: server webhook add -url URL [-events item.published,item.unpublished,item.deleted] | list | remove ID"
	if len(args) == 0 {
		return fmt.Errorf("%s", usage)
	}
	sub, args := args[0], args[1:]
	switch sub {
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(out, usage)
		return nil
	case "add", "list", "remove":
	default:
		// Refused before the database is opened (or created).
		return fmt.Errorf("unknown webhook command %q (add, list, remove)", sub)
	}
	fs := flag.NewFlagSet("webhook "+sub, flag.ContinueOnError)
	dbURL := fs.String("database-url", config.Getenv("DATABASE_URL"), "database (DATABASE_URL)")
	rawURL := fs.String("url", "", "where to POST the events: http or https (add)")
	events := fs.String("events", "", "comma-separated event types; empty: all of them (add)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Parse([]string{"-database-url", *dbURL}, config.Getenv)
	if err != nil {
		return err
	}
	cfg.DatabaseReadURL = ""
	// Whoever runs the command administers the server.
	ctx = visibility.WithSystem(ctx)
	db, err := openAndMigrate(ctx, cfg, logger, cfg.AutoMigrate || !cfg.IsPostgres())
	if err != nil {
		return err
	}
	defer db.Close()
	c := db.Client
	switch sub {
	case "add":
		w, secret, err := webhooks.Register(ctx, c, *rawURL, webhooks.ParseEvents(*events), cfg.WebhookAllowPrivate)
		var bad *webhooks.InputError
		if errors.As(err, &bad) {
			return fmt.Errorf("-%s", bad.Msg)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s\n", secret)
		logger.Info("webhook added; its secret (printed above) is shown once, give it to the receiver now",
			"id", w.ID, "url", w.URL, "events", strings.Join(w.Events, ","))
		return nil
	case "list":
		hooks, err := c.Webhook.Query().Order(webhook.ByID()).All(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tURL\tEVENTS\tCREATED\tPENDING\tFAILED")
		for _, h := range hooks {
			pending := h.QueryDeliveries().Where(webhookdelivery.StateEQ(webhookdelivery.StatePENDING)).CountX(ctx)
			failed := h.QueryDeliveries().Where(webhookdelivery.StateEQ(webhookdelivery.StateFAILED)).CountX(ctx)
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%d\t%d\n", h.ID, h.URL, strings.Join(h.Events, ","), h.CreatedAt.Format(time.DateTime), pending, failed)
		}
		return w.Flush()
	case "remove":
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: server webhook remove ID")
		}
		id, err := strconv.Atoi(fs.Arg(0))
		if err != nil {
			return fmt.Errorf("webhook remove: the ID is a number (server webhook list shows it), got %q", fs.Arg(0))
		}
		if err := c.Webhook.DeleteOneID(id).Exec(ctx); err != nil {
			if ent.IsNotFound(err) {
				return fmt.Errorf("no webhook with ID %d", id)
			}
			return err
		}
		fmt.Fprintf(out, "removed %d\n", id)
		return nil
	}
	panic("unreachable: the command was checked above")
}

// startWebhooks runs the webhook dispatcher until ctx ends: it is woken at
// each commit of this process (and, on PostgreSQL with the change
// listener, of others) and polls the outbox every WEBHOOK_POLL. The
// returned function stops it and waits, before the database closes.
func startWebhooks(ctx context.Context, cfg config.Config, db *store.DB, logger *slog.Logger) func() {
	d := webhooks.New(db.Client, db.Dialect, webhooks.Options{
		Timeout:      cfg.WebhookTimeout,
		MaxAttempts:  cfg.WebhookMaxAttempts,
		RetryBase:    cfg.WebhookRetryBase,
		Poll:         cfg.WebhookPoll,
		AllowPrivate: cfg.WebhookAllowPrivate,
		Logger:       logger,
	})
	db.OnChange(func(c store.Change) {
		if c == store.LocalWrite || c == store.RemoteWrite {
			d.Wake()
		}
	})
	if cfg.WebhookAllowPrivate {
		logger.Warn("webhooks may reach private and loopback addresses (WEBHOOK_ALLOW_PRIVATE)")
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		d.Run(ctx)
	}()
	return func() {
		cancel()
		wg.Wait()
	}
}
