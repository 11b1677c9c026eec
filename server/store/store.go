// Package store opens the database behind the showcase: an embedded SQLite
// file by default (zero setup, under ./data), PostgreSQL when DATABASE_URL
// is a postgres:// URL. It also brings the schema up to date: versioned
// migrations on PostgreSQL, ent's automatic migration on SQLite.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/visibility"

	entgo "entgo.io/ent"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/XSAM/otelsql"
	_ "github.com/lib/pq" // registers "postgres"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	_ "modernc.org/sqlite" // registers "sqlite" (pure Go)
)

// DefaultSQLitePath is where the embedded database lives, relative to the
// working directory.
const DefaultSQLitePath = "data/brandshow.db"

// DB is an open database with its ent clients.
type DB struct {
	// Client can read and write; it is for editors, import and seeding.
	Client *ent.Client
	// Public cannot write by construction (every create, update and delete
	// is rejected by a hook): anonymous requests run on it.
	Public *ent.Client
	SQL    *sql.DB
	// ReadSQL is the read replica's pool (DATABASE_READ_URL), or nil.
	ReadSQL *sql.DB
	Dialect string // dialect.SQLite or dialect.Postgres
	// Driver is the ent driver under Client; tests wrap it to count statements.
	Driver dialect.Driver

	url           string // the primary's, for the change listener
	changes       changeHub
	replicaHealth *replicaHealth
}

// Close closes the client and the pools.
func (db *DB) Close() error { return db.Client.Close() }

// Ping reports whether the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.SQL.PingContext(ctx) }

// Options tune Open.
type Options struct {
	// WrapDriver, if set, wraps the ent driver (tests count statements with it).
	WrapDriver func(dialect.Driver) dialect.Driver
	// ConnectTimeout bounds how long Open retries an unreachable database.
	ConnectTimeout time.Duration
	Logger         *slog.Logger
	// TracerProvider, when set, records an OpenTelemetry span per SQL
	// statement (otelsql); nil installs nothing.
	TracerProvider trace.TracerProvider
	// ReadURL, when set, is a PostgreSQL read replica: anonymous requests'
	// reads (see WithReplicaReads) go there, everything else to the primary.
	ReadURL string
}

// Open connects to the database named by databaseURL: "" means the SQLite
// file under ./data; "sqlite:PATH" or a path ending in .db another SQLite
// file; postgres:// or postgresql:// a PostgreSQL server. A server that does
// not answer yet is retried with backoff up to ConnectTimeout, so the API can
// start together with its database.
func Open(ctx context.Context, databaseURL string, opts Options) (*DB, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	driverName, dsn, dia, err := parseURL(databaseURL)
	if err != nil {
		return nil, err
	}
	if path, ok := sqlitePath(databaseURL); ok {
		if err := ownerOnly(path, opts.Logger); err != nil {
			return nil, err
		}
	}
	sqlDB, err := opts.open(driverName, dsn, dia)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dia, err)
	}
	if dia == dialect.SQLite {
		// One writer at a time is SQLite's rule; WAL lets readers go on
		// while it writes. A few connections keep reads parallel.
		sqlDB.SetMaxOpenConns(4)
	} else {
		sizePostgresPool(sqlDB)
	}
	if err := pingWithBackoff(ctx, sqlDB, opts); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("store: %s unreachable: %w", dia, err)
	}
	db := &DB{SQL: sqlDB, Dialect: dia, url: dsn}
	// Writes are watched on the primary, below everything else, so that
	// every committed write of this process reaches the subscribers.
	var base dialect.Driver = entsql.OpenDB(dia, sqlDB)
	if dia == dialect.Postgres {
		base = newPreparedReads(dia, sqlDB)
	}
	base = utcTimes{base} // every time is stored in UTC (utc.go)
	var drv dialect.Driver = writeWatch{Driver: base, hub: &db.changes}
	if opts.ReadURL != "" {
		if dia != dialect.Postgres {
			sqlDB.Close()
			return nil, fmt.Errorf("store: DATABASE_READ_URL needs a PostgreSQL DATABASE_URL")
		}
		readDB, pingErr, err := openReplica(ctx, opts.ReadURL, opts)
		if err != nil {
			sqlDB.Close()
			return nil, err
		}
		db.ReadSQL = readDB
		db.replicaHealth = newReplicaHealth(readDB, opts.Logger)
		if pingErr != nil {
			db.replicaHealth.failed(pingErr)
		}
		drv = routedDriver{Driver: drv, replica: utcTimes{newPreparedReads(dia, readDB)}, health: db.replicaHealth}
	}
	if opts.WrapDriver != nil {
		drv = opts.WrapDriver(drv)
	}
	public := ent.NewClient(ent.Driver(drv))
	// Every write is refused, as one without a token (UNAUTHENTICATED);
	// rejectWrites stays behind it as the last word.
	public.Use(visibility.WritesNeedToken, rejectWrites)
	writer := ent.NewClient(ent.Driver(drv))
	writer.Use(markWrites)
	db.Client, db.Public, db.Driver = writer, public, drv
	return db, nil
}

// open opens a pool, traced when a TracerProvider is set.
func (opts Options) open(driverName, dsn, dia string) (*sql.DB, error) {
	if opts.TracerProvider == nil {
		return sql.Open(driverName, dsn)
	}
	system := "sqlite"
	if dia == dialect.Postgres {
		system = "postgresql"
	}
	return otelsql.Open(driverName, dsn,
		otelsql.WithTracerProvider(opts.TracerProvider),
		otelsql.WithAttributes(attribute.String("db.system.name", system)),
		otelsql.WithSpanOptions(otelsql.SpanOptions{OmitConnResetSession: true, OmitRows: true}),
	)
}

// ErrReadOnly is the public client's answer to any write: a resolver that
// reached it forgot that anonymous requests change nothing.
var ErrReadOnly = errors.New("the public client is read-only")

// rejectWrites makes a client read-only (GUAC's hook.Reject, with an error
// the presenter can recognise by errors.Is).
func rejectWrites(entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(_ context.Context, m entgo.Mutation) (entgo.Value, error) {
		return nil, fmt.Errorf("%s %s: %w", m.Op(), m.Type(), ErrReadOnly)
	})
}

// parseURL maps DATABASE_URL to a database/sql driver, DSN and ent dialect.
func parseURL(databaseURL string) (driverName, dsn, dia string, err error) {
	switch {
	case strings.HasPrefix(databaseURL, "postgres://"), strings.HasPrefix(databaseURL, "postgresql://"):
		return "postgres", databaseURL, dialect.Postgres, nil
	}
	if path, ok := sqlitePath(databaseURL); ok {
		return sqliteDSN(path)
	}
	return "", "", "", fmt.Errorf("store: DATABASE_URL must be postgres://..., sqlite:PATH or a .db file path, got %q", redact(databaseURL))
}

// sqlitePath is the SQLite file DATABASE_URL names, if it names one.
func sqlitePath(databaseURL string) (string, bool) {
	switch {
	case databaseURL == "":
		return DefaultSQLitePath, true
	case strings.HasPrefix(databaseURL, "sqlite:"):
		return strings.TrimPrefix(strings.TrimPrefix(databaseURL, "sqlite:"), "//"), true
	case strings.HasSuffix(databaseURL, ".db") && !strings.Contains(databaseURL, "://"):
		return databaseURL, true
	}
	return "", false
}

// ownerOnly keeps the SQLite database, which holds token hashes and drafts,
// readable by its owner only: a new file is created 0600 before SQLite
// opens it (SQLite gives its -wal and -shm files the database file's mode),
// and an existing file, -wal or -shm that others may read is tightened,
// with a log line. A file the process cannot change is left as it is,
// with an error in the log.
func ownerOnly(path string, logger *slog.Logger) error {
	if runtime.GOOS == "windows" || path == "" || strings.HasPrefix(path, ":memory:") || strings.HasPrefix(path, "file:") {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		return f.Close()
	case !errors.Is(err, fs.ErrExist):
		return fmt.Errorf("store: create %s: %w", path, err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm()&0o077 == 0 {
			continue
		}
		was := fi.Mode().Perm()
		if err := os.Chmod(p, was&0o700); err != nil {
			logger.Error("store: the SQLite file is readable by others and its mode cannot be changed", "file", p, "mode", fmt.Sprintf("%#o", was), "error", err.Error())
			continue
		}
		logger.Warn("store: the SQLite file was readable by others; made it owner-only", "file", p, "was", fmt.Sprintf("%#o", was), "now", fmt.Sprintf("%#o", was&0o700))
	}
	return nil
}

// sqliteDSN builds a modernc.org/sqlite DSN with WAL, a busy timeout and
// foreign keys on, creating the file's directory (owner-only).
func sqliteDSN(path string) (string, string, string, error) {
	if path == "" {
		return "", "", "", errors.New("store: empty SQLite path")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", "", "", fmt.Errorf("store: create %s: %w", dir, err)
		}
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Reads through memory-mapped pages instead of one system call per page:
	// search reads the folded texts of hundreds of candidates per query.
	q.Add("_pragma", "mmap_size(1073741824)")
	q.Set("_txlock", "immediate")
	return "sqlite", "file:" + path + "?" + q.Encode(), dialect.SQLite, nil
}

// redact hides a password in a URL for error messages and logs.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

func pingWithBackoff(ctx context.Context, db *sql.DB, opts Options) error {
	timeout := opts.ConnectTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	deadline := time.Now().Add(timeout)
	wait := 200 * time.Millisecond
	for {
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := db.PingContext(pctx)
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().Add(wait).After(deadline) {
			return err
		}
		opts.Logger.WarnContext(ctx, "database not ready, retrying", "error", err.Error(), "in", wait.String())
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, 5*time.Second)
	}
}

// sizePostgresPool bounds a PostgreSQL pool. As many connections stay idle
// as may be open: with fewer, a burst above the idle count closes and
// reopens connections all the time (a new PostgreSQL backend costs a fork
// and milliseconds), which measured as most of the latency under load.
// Idle connections are closed after a quiet five minutes.
func sizePostgresPool(db *sql.DB) {
	const open = 20
	db.SetMaxOpenConns(open)
	db.SetMaxIdleConns(open)
	db.SetConnMaxIdleTime(5 * time.Minute)
}
