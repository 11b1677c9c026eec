package webhooks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	"brandshow/ent"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/ent/webhookdelivery"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// Options tune the dispatcher; zero values take the defaults.
type Options struct {
	// Timeout bounds one POST (default 10 s). A claimed row is leased for
	// twice as long plus a second: a process that dies mid-POST leaves the
	// row to be retried once the lease ends.
	Timeout time.Duration
	// MaxAttempts is how many times an event is tried (default 10).
	MaxAttempts int
	// RetryBase is the wait after the first failure (default 30 s); each
	// further failure doubles it, up to RetryMax (default 1 h), with ±20 %
	// jitter.
	RetryBase, RetryMax time.Duration
	// Poll is the longest sleep between looks at the outbox (default 5 s):
	// writes of this process wake the dispatcher at once (Wake), other
	// processes' writes are seen within Poll.
	Poll time.Duration
	// Batch is how many rows are claimed and POSTed at once (default 16).
	Batch int
	// AllowPrivate lets deliveries reach private and loopback addresses
	// (WEBHOOK_ALLOW_PRIVATE; tests and closed networks).
	AllowPrivate bool
	Logger       *slog.Logger
}

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 10
	}
	if o.RetryBase <= 0 {
		o.RetryBase = 30 * time.Second
	}
	if o.RetryMax <= 0 {
		o.RetryMax = time.Hour
	}
	if o.RetryMax < o.RetryBase {
		o.RetryMax = o.RetryBase
	}
	if o.Poll <= 0 {
		o.Poll = 5 * time.Second
	}
	if o.Batch <= 0 {
		o.Batch = 16
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
}

// Lease is how long a claimed row is left to its claimer.
func (o Options) Lease() time.Duration { return 2*o.Timeout + time.Second }

// Dispatcher delivers the outbox.
type Dispatcher struct {
	client  *ent.Client
	dialect string
	opts    Options
	http    *http.Client
	wake    chan struct{}
}

// New returns a dispatcher of the outbox of client (the writer client of
// a database of the dialect).
func New(client *ent.Client, dia string, opts Options) *Dispatcher {
	opts.defaults()
	return &Dispatcher{client: client, dialect: dia, opts: opts,
		http: NewHTTPClient(opts.Timeout, opts.AllowPrivate), wake: make(chan struct{}, 1)}
}

// Wake asks the dispatcher to look at the outbox now (after a commit). It
// never blocks.
func (d *Dispatcher) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run delivers until ctx ends: due rows at once, then it sleeps until the
// next row is due, Poll passes or Wake is called.
func (d *Dispatcher) Run(ctx context.Context) {
	for {
		n, err := d.DeliverDue(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			d.opts.Logger.Warn("webhooks: delivering", "error", err.Error())
		} else if n == d.opts.Batch {
			continue // there may be more
		}
		t := time.NewTimer(d.untilNextDue(ctx))
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-d.wake:
			t.Stop()
		case <-t.C:
		}
	}
}

// untilNextDue is how long to sleep: until the earliest pending row is
// due, at most Poll.
func (d *Dispatcher) untilNextDue(ctx context.Context) time.Duration {
	next, err := d.client.WebhookDelivery.Query().
		Where(webhookdelivery.StateEQ(webhookdelivery.StatePENDING)).
		Order(webhookdelivery.ByNextAttemptAt()).First(visibility.WithSystem(ctx))
	if err != nil {
		return d.opts.Poll
	}
	wait := time.Until(next.NextAttemptAt)
	switch {
	case wait < 0:
		return 0
	case wait > d.opts.Poll:
		return d.opts.Poll
	}
	return wait
}

// DeliverDue claims up to Batch due rows, POSTs them concurrently and
// records the outcomes; it returns how many it claimed.
func (d *Dispatcher) DeliverDue(ctx context.Context) (int, error) {
	sys := visibility.WithSystem(ctx)
	ids, err := d.claim(sys)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	rows, err := d.client.WebhookDelivery.Query().Where(webhookdelivery.IDIn(ids...)).WithWebhook().All(sys)
	if err != nil {
		return len(ids), fmt.Errorf("webhooks: load claimed rows: %w", err)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(rows))
	for i, row := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = d.deliver(sys, row)
		}()
	}
	wg.Wait()
	return len(ids), errors.Join(errs...)
}

// claim leases due rows in one transaction: their next attempt moves to
// the end of the lease, so neither this process nor another takes them
// again while they are being POSTed, and a crash leaves them due once the
// lease ends. On PostgreSQL the rows are selected FOR UPDATE SKIP LOCKED,
// so replicas claiming at the same moment take different rows and never
// wait for each other; SQLite has one writer (one server process) anyway.
func (d *Dispatcher) claim(ctx context.Context) ([]int, error) {
	tx, err := d.client.Tx(ctx)
	if err != nil {
		return nil, fmt.Errorf("webhooks: claim: %w", err)
	}
	now := time.Now()
	q := tx.WebhookDelivery.Query().
		Where(webhookdelivery.StateEQ(webhookdelivery.StatePENDING), webhookdelivery.NextAttemptAtLTE(now)).
		Order(webhookdelivery.ByNextAttemptAt(), webhookdelivery.ByID()).Limit(d.opts.Batch)
	if d.dialect == dialect.Postgres {
		q = q.Unique(false).ForUpdate(sql.WithLockAction(sql.SkipLocked)) // no DISTINCT with FOR UPDATE
	}
	ids, err := q.IDs(ctx)
	if err == nil && len(ids) > 0 {
		err = tx.WebhookDelivery.Update().Where(webhookdelivery.IDIn(ids...)).
			SetNextAttemptAt(now.Add(d.opts.Lease())).Exec(ctx)
	}
	if err != nil {
		_ = tx.Rollback()
		return nil, fmt.Errorf("webhooks: claim: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("webhooks: claim: %w", err)
	}
	return ids, nil
}

// deliver POSTs one row and records the attempt. When ctx ends during the
// POST (shutdown) nothing is recorded: the lease runs out and the row is
// tried again, by this process after a restart or by another.
func (d *Dispatcher) deliver(ctx context.Context, row *ent.WebhookDelivery) error {
	hook := row.Edges.Webhook
	if hook == nil {
		return nil // the endpoint was removed meanwhile (its rows go with it)
	}
	attempt := d.post(ctx, hook, row)
	if ctx.Err() != nil {
		return nil
	}
	done := attempt.Error == "" && attempt.StatusCode >= 200 && attempt.StatusCode < 300
	upd := d.client.WebhookDelivery.UpdateOneID(row.ID).AddAttempts(1).AppendLog([]schematype.DeliveryAttempt{attempt})
	n := row.Attempts + 1
	switch {
	case done:
		upd.SetState(webhookdelivery.StateDELIVERED).SetDeliveredAt(time.Now())
	case n >= d.opts.MaxAttempts:
		upd.SetState(webhookdelivery.StateFAILED)
		d.opts.Logger.Warn("webhooks: giving up on an event", "webhook", hook.ID, "event_id", row.EventID, "attempts", n, "status", attempt.StatusCode, "error", attempt.Error)
	default:
		upd.SetNextAttemptAt(time.Now().Add(d.Backoff(n)))
	}
	err := upd.Exec(ctx)
	if ent.IsNotFound(err) {
		return nil // removed with its endpoint
	}
	if err != nil {
		return fmt.Errorf("webhooks: record attempt: %w", err)
	}
	return nil
}

// Backoff is the wait after the n-th failed attempt: RetryBase doubled
// n-1 times, at most RetryMax, times a random factor in [0.8, 1.2) so
// that endpoints that failed together are not retried together.
func (d *Dispatcher) Backoff(n int) time.Duration {
	wait := d.opts.RetryBase
	for i := 1; i < n && wait < d.opts.RetryMax; i++ {
		wait *= 2
	}
	wait = min(wait, d.opts.RetryMax)
	return time.Duration(float64(wait) * (0.8 + 0.4*rand.Float64()))
}

// maxErrorLength bounds an error kept in the delivery log.
const maxErrorLength = 300

// post sends the row's payload to the endpoint, signed now.
func (d *Dispatcher) post(ctx context.Context, hook *ent.Webhook, row *ent.WebhookDelivery) schematype.DeliveryAttempt {
	start := time.Now()
	attempt := schematype.DeliveryAttempt{At: start.UTC()}
	body := []byte(row.Payload)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.URL, bytes.NewReader(body))
	if err == nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "brandshow-webhooks/1")
		req.Header.Set(EventHeader, row.Event)
		req.Header.Set(DeliveryHeader, row.EventID)
		req.Header.Set(SignatureHeader, Sign(hook.Secret, start, body))
		var resp *http.Response
		if resp, err = d.http.Do(req); err == nil {
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
			attempt.StatusCode = resp.StatusCode
			if resp.StatusCode < 200 || resp.StatusCode > 299 {
				attempt.Error = "answered " + resp.Status
				if loc := resp.Header.Get("Location"); loc != "" {
					attempt.Error += " (redirects are not followed)"
				}
			}
		}
	}
	if err != nil {
		attempt.Error = err.Error()
		if errors.Is(err, ErrRefusedTarget) {
			attempt.Error = ErrRefusedTarget.Error()
		}
	}
	if len(attempt.Error) > maxErrorLength {
		attempt.Error = strings.ToValidUTF8(attempt.Error[:maxErrorLength], "")
	}
	attempt.DurationMS = int(time.Since(start).Milliseconds())
	return attempt
}
