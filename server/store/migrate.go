package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"time"

	"brandshow/ent/migrate"
	"brandshow/ent/visibility"
	"brandshow/ent/workers"
	"brandshow/server/search"

	atlasmigrate "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
)

// migrationFiles are the PostgreSQL migrations in Atlas's format, generated
// from ent/schema by gen_migration.go and checked by atlas.sum. An applied
// migration is never edited; a schema change adds a new file.
//
//go:embed migrations/*.sql migrations/atlas.sum
var migrationFiles embed.FS

// migrationLockID is the pg_advisory_lock key that serialises migrations
// when several replicas start at once.
const migrationLockID = 0x6272616e64 // "brand"

// Migrate brings the schema up to date. PostgreSQL gets the versioned
// migrations (each file in its own transaction, recorded in
// schema_migrations); SQLite, the zero-setup development default, gets ent's
// automatic migration.
func (db *DB) Migrate(ctx context.Context, logger *slog.Logger) error {
	if logger == nil {
		logger = slog.Default()
	}
	if db.Dialect == dialect.SQLite {
		if err := db.Client.Schema.Create(ctx, migrate.WithDropIndex(true), schema.WithHooks(search.WithoutGINIndexes)); err != nil {
			return fmt.Errorf("store: migrate sqlite: %w", err)
		}
		if err := search.SetupSQLite(ctx, db.SQL); err != nil {
			return fmt.Errorf("store: migrate sqlite: %w", err)
		}
		if err := search.EnsureBuilt(ctx, db.Client); err != nil {
			return err
		}
		if err := carryOverWorkers(ctx, db, logger); err != nil {
			return err
		}
		return db.Optimize(ctx)
	}
	dir, err := MigrationDir()
	if err != nil {
		return err
	}
	files, err := dir.Files()
	if err != nil {
		return fmt.Errorf("store: read migrations: %w", err)
	}
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLockID); err != nil {
		return fmt.Errorf("store: migrate: lock: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrationLockID) //nolint:errcheck
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version text PRIMARY KEY,
		description text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("store: migrate: history table: %w", err)
	}
	applied := map[string]bool{}
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("store: migrate: read history: %w", err)
	}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("store: migrate: read history: %w", err)
		}
		applied[v] = true
	}
	rows.Close()
	for _, f := range files {
		if applied[f.Version()] {
			continue
		}
		stmts, err := f.Stmts()
		if err != nil {
			return fmt.Errorf("store: migration %s: %w", f.Name(), err)
		}
		start := time.Now()
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("store: migration %s: %w", f.Name(), err)
		}
		for _, stmt := range stmts {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				tx.Rollback() //nolint:errcheck
				return fmt.Errorf("store: migration %s failed, nothing of it applied: %w", f.Name(), err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, description) VALUES ($1, $2)`, f.Version(), f.Desc()); err != nil {
			tx.Rollback() //nolint:errcheck
			return fmt.Errorf("store: migration %s: record: %w", f.Name(), err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("store: migration %s: commit: %w", f.Name(), err)
		}
		logger.InfoContext(ctx, "applied migration", "version", f.Version(), "name", f.Desc(), "duration", time.Since(start).String())
	}
	// Content written before search existed gets its index rows.
	if err := search.EnsureBuilt(ctx, db.Client); err != nil {
		return err
	}
	return carryOverWorkers(ctx, db, logger)
}

// carryOverWorkers turns the brands' workers columns of a database written
// before the columns were derived from figures into undated figures
// (ent/workers.CarryOver), in one transaction. A data step rather than a
// versioned migration: both databases need it (SQLite has no versioned
// migrations), it goes through ent's hooks (slugs, audit, change log,
// search), and finding nothing to carry is one statement per column.
func carryOverWorkers(ctx context.Context, db *DB, logger *slog.Logger) error {
	tx, err := db.Client.Tx(ctx)
	if err != nil {
		return fmt.Errorf("store: carry over workers: %w", err)
	}
	carried, skipped, err := workers.CarryOver(visibility.WithSystem(ctx), tx.Client())
	if err != nil {
		tx.Rollback() //nolint:errcheck
		return fmt.Errorf("store: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: carry over workers: %w", err)
	}
	if carried+skipped > 0 {
		logger.InfoContext(ctx, "carried brands' workers columns over as undated figures", "carried", carried, "skipped", skipped)
	}
	return nil
}

// MigrationDir returns the embedded migrations, verified against atlas.sum so
// an edited migration refuses to run.
func MigrationDir() (atlasmigrate.Dir, error) {
	dir := atlasmigrate.OpenMemDir("brandshow-migrations")
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	for _, e := range entries {
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("store: migrations: %w", err)
		}
		if err := dir.WriteFile(e.Name(), b); err != nil {
			return nil, fmt.Errorf("store: migrations: %w", err)
		}
	}
	if err := atlasmigrate.Validate(dir); err != nil {
		return nil, fmt.Errorf("store: migrations do not match atlas.sum (was an applied migration edited?): %w", err)
	}
	return dir, nil
}
