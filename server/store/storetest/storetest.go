// Package storetest gives tests real databases: a SQLite file in a temporary
// directory always, and a PostgreSQL schema of its own when
// TEST_POSTGRES_URL is set (as .ci/run does). Every API test runs once per
// database, so both give the same answers.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "brandshow/ent/runtime" // hooks, interceptors and defaults of ent/schema

	"brandshow/server/seed"
	"brandshow/server/store"

	"entgo.io/ent/dialect"
)

// PostgresEnv names the variable with the PostgreSQL server for tests.
const PostgresEnv = "TEST_POSTGRES_URL"

// DialectsEnv, when set, keeps the databases tests run on to those it
// names ("sqlite3", "postgres", comma-separated). CI runs the PostgreSQL
// half under the race detector and the SQLite half without it: the race
// detector instruments the pure-Go SQLite engine itself and made the
// SQLite half twice as slow as the PostgreSQL one, for no race of ours
// (see .ci/run).
const DialectsEnv = "TEST_DIALECTS"

// Dialects lists the databases tests run on here: "sqlite3" always, and
// "postgres" when TEST_POSTGRES_URL is set; TEST_DIALECTS narrows them.
func Dialects() []string {
	all := []string{dialect.SQLite}
	if os.Getenv(PostgresEnv) != "" {
		all = append(all, dialect.Postgres)
	}
	only := os.Getenv(DialectsEnv)
	if only == "" {
		return all
	}
	var out []string
	for _, d := range strings.Split(only, ",") {
		d = strings.TrimSpace(d)
		if !slices.Contains(all, d) {
			// A misspelt or unavailable database would run nothing and pass.
			panic(fmt.Sprintf("storetest: %s names %q, but the tests can run on %v here (is %s set?)", DialectsEnv, d, all, PostgresEnv))
		}
		out = append(out, d)
	}
	return out
}

// Each runs fn as a subtest once per database.
func Each(t *testing.T, fn func(t *testing.T, dia string)) {
	t.Helper()
	for _, dia := range Dialects() {
		t.Run(dia, func(t *testing.T) { fn(t, dia) })
	}
}

// Counter counts, and keeps, the SQL statements sent through a wrapped driver.
type Counter struct {
	n     atomic.Int64
	mu    sync.Mutex
	stmts []string
}

// Count returns the statements so far.
func (c *Counter) Count() int64 { return c.n.Load() }

// Statements returns the SQL text of the statements so far.
func (c *Counter) Statements() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.stmts...)
}

// Reset sets the count to zero and forgets the statements.
func (c *Counter) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n.Store(0)
	c.stmts = nil
}

func (c *Counter) add(query string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n.Add(1)
	c.stmts = append(c.stmts, query)
}

// Fresh opens an empty, migrated database of the dialect, closed and removed
// when the test ends. With demo, the demo content is loaded. The returned
// counter counts every statement sent after Fresh returns.
func Fresh(t testing.TB, dia string, demo bool) (*store.DB, *Counter) {
	t.Helper()
	ctx := context.Background()
	counter := &Counter{}
	var counting atomic.Bool
	url := databaseURL(t, dia)
	db, err := store.Open(ctx, url, store.Options{
		Logger: quietLogger(),
		WrapDriver: func(d dialect.Driver) dialect.Driver {
			return store.ObservedDriver{Driver: d, OnStatement: func(_ context.Context, query string) {
				if counting.Load() {
					counter.add(query)
				}
			}}
		},
	})
	if err != nil {
		t.Fatalf("open %s: %v", dia, err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx, quietLogger()); err != nil {
		t.Fatalf("migrate %s: %v", dia, err)
	}
	if demo {
		if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
			t.Fatalf("seed %s: %v", dia, err)
		}
		if err := db.Optimize(ctx); err != nil {
			t.Fatalf("analyze %s: %v", dia, err)
		}
	}
	counting.Store(true)
	return db, counter
}

var (
	sharedMu sync.Mutex
	shared   = map[string]*store.DB{}
)

// SharedDemo returns one database per dialect with the demo content, shared
// by the read-only tests of a package. Tests must not write to it.
func SharedDemo(t testing.TB, dia string) *store.DB {
	t.Helper()
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if db, ok := shared[dia]; ok {
		return db
	}
	ctx := context.Background()
	url := databaseURL(nil, dia)
	db, err := store.Open(ctx, url, store.Options{Logger: quietLogger()})
	if err != nil {
		t.Fatalf("open %s: %v", dia, err)
	}
	if err := db.Migrate(ctx, quietLogger()); err != nil {
		t.Fatalf("migrate %s: %v", dia, err)
	}
	if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
		t.Fatalf("seed %s: %v", dia, err)
	}
	if err := db.Optimize(ctx); err != nil {
		t.Fatalf("analyze %s: %v", dia, err)
	}
	shared[dia] = db
	return db
}

// NewURL makes a new, empty database of the dialect and returns its
// DATABASE_URL (a PostgreSQL URL names a schema of its own through
// search_path); it is removed when the test ends. Tests that open the
// database themselves (a second pool, a read replica, a server process) use
// it.
func NewURL(t testing.TB, dia string) string {
	t.Helper()
	return databaseURL(t, dia)
}

// databaseURL makes a new empty database: a file in a temporary directory
// for SQLite, a new schema for PostgreSQL (dropped after the test when t is
// given, left for the process otherwise — see CleanupShared).
func databaseURL(t testing.TB, dia string) string {
	switch dia {
	case dialect.SQLite:
		var dir string
		if t != nil {
			dir = t.TempDir()
		} else {
			d, err := os.MkdirTemp("", "brandshow-test-")
			if err != nil {
				panic(err)
			}
			dir = d
			sharedDirs = append(sharedDirs, d)
		}
		return filepath.Join(dir, "test.db")
	case dialect.Postgres:
		base := os.Getenv(PostgresEnv)
		schema := "t_" + randomHex(6)
		admin, err := sql.Open("postgres", base)
		if err != nil {
			panic(err)
		}
		defer admin.Close()
		if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
			panic("storetest: create schema: " + err.Error())
		}
		drop := func() {
			a, err := sql.Open("postgres", base)
			if err == nil {
				_, _ = a.Exec(`DROP SCHEMA IF EXISTS ` + schema + ` CASCADE`)
				a.Close()
			}
		}
		if t != nil {
			t.Cleanup(drop)
		} else {
			sharedDrops = append(sharedDrops, drop)
		}
		u, err := url.Parse(base)
		if err != nil {
			panic(err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	panic("storetest: unknown dialect " + dia)
}

var (
	sharedDirs  []string
	sharedDrops []func()
)

// CleanupShared removes the shared databases; call it from TestMain after m.Run.
func CleanupShared() {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	for _, db := range shared {
		db.Close()
	}
	for _, d := range sharedDrops {
		d()
	}
	for _, d := range sharedDirs {
		os.RemoveAll(d)
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
