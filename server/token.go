package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"brandshow/ent"
	"brandshow/ent/token"
	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/config"
)

// tokenCommand manages editors' API tokens:
//
//	server token create -name NAME -role editor|publisher|admin
//	server token list
//	server token revoke NAME
func tokenCommand(ctx context.Context, args []string, out io.Writer, logger *slog.Logger) error {
	const usage = "usage: server token create -name NAME -role editor|publisher|admin | list | revoke NAME"
	if len(args) == 0 {
		return fmt.Errorf("%s", usage)
	}
	sub, args := args[0], args[1:]
	switch sub {
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(out, usage)
		return nil
	case "create", "list", "revoke":
	default:
		// Refused before the database is opened (or created).
		return fmt.Errorf("unknown token command %q (create, list, revoke)", sub)
	}
	fs := flag.NewFlagSet("token "+sub, flag.ContinueOnError)
	dbURL := fs.String("database-url", config.Getenv("DATABASE_URL"), "database (DATABASE_URL)")
	name := fs.String("name", "", "who holds the token (create)")
	role := fs.String("role", "editor", "editor, publisher or admin (create)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Parse([]string{"-database-url", *dbURL}, config.Getenv)
	if err != nil {
		return err
	}
	cfg.DatabaseReadURL = "" // tokens are read and written on the primary
	// Whoever runs the command administers the server.
	ctx = visibility.WithSystem(ctx)
	db, err := openAndMigrate(ctx, cfg, logger, cfg.AutoMigrate || !cfg.IsPostgres())
	if err != nil {
		return err
	}
	defer db.Close()
	c := db.Client
	switch sub {
	case "create":
		r := token.Role(strings.ToUpper(*role))
		if err := token.RoleValidator(r); err != nil {
			return fmt.Errorf("-role must be editor, publisher or admin, got %q", *role)
		}
		tok, hash, err := auth.NewToken()
		if err != nil {
			return err
		}
		if _, err := c.Token.Create().SetName(*name).SetRole(r).SetHash(hash).Save(ctx); err != nil {
			if ent.IsConstraintError(err) {
				return fmt.Errorf("a token named %q exists already", *name)
			}
			if ent.IsValidationError(err) {
				return fmt.Errorf("-name must be 1-64 letters, digits or ._@- : %w", err)
			}
			return err
		}
		fmt.Fprintf(out, "%s\n", tok)
		logger.Info("token created; it is shown once, store it now", "name", *name, "role", r)
		return nil
	case "list":
		tokens, err := c.Token.Query().Order(token.ByName()).All(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
		fmt.Fprintln(w, "NAME\tROLE\tCREATED\tLAST USED\tREVOKED")
		for _, t := range tokens {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", t.Name, strings.ToLower(string(t.Role)), t.CreatedAt.Format(time.DateTime), when(t.LastUsedAt), when(t.RevokedAt))
		}
		return w.Flush()
	case "revoke":
		target := *name
		if target == "" && fs.NArg() == 1 {
			target = fs.Arg(0)
		}
		n, err := c.Token.Update().Where(token.Name(target), token.RevokedAtIsNil()).SetRevokedAt(time.Now()).Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("no active token named %q", target)
		}
		fmt.Fprintf(out, "revoked %s\n", target)
		return nil
	}
	panic("unreachable: the command was checked above")
}

func when(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format(time.DateTime)
}
