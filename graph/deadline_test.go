package graph_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/graph"
	"brandshow/server/httpapp"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// holdWriteLock takes the lock a bulk import holds while it writes, on
// another connection: on SQLite the database's write lock (BEGIN IMMEDIATE,
// as `server import` begins); on PostgreSQL a lock on table that lets
// readers through but makes writers wait. The returned function releases it.
func holdWriteLock(t *testing.T, db *store.DB, table string) (release func()) {
	t.Helper()
	return holdLock(t, db, table, "EXCLUSIVE")
}

// holdLock takes the SQLite write lock, or a PostgreSQL lock of mode on table.
func holdLock(t *testing.T, db *store.DB, table, mode string) (release func()) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{"BEGIN IMMEDIATE"}
	if db.Dialect == dialect.Postgres {
		stmts = []string{"BEGIN", "LOCK TABLE " + table + " IN " + mode + " MODE"}
	}
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			conn.Close()
			t.Fatalf("%s: %v", s, err)
		}
	}
	var once bool
	release = func() {
		if once {
			return
		}
		once = true
		if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
			t.Errorf("release the lock: %v", err)
		}
		conn.Close()
	}
	t.Cleanup(release)
	return release
}

// answerWithin runs send and fails the test if it does not answer within
// limit; a handler that never answers would otherwise hang the test.
func answerWithin(t *testing.T, limit time.Duration, send func() response) (response, time.Duration) {
	t.Helper()
	start := time.Now()
	done := make(chan response, 1)
	go func() { done <- send() }()
	select {
	case r := <-done:
		return r, time.Since(start)
	case <-time.After(limit):
		t.Fatalf("no answer after %s", limit)
		return response{}, 0
	}
}

// A write that waits on an import's lock past the request deadline answers
// TIMEOUT, without internals, about when the deadline passes; and once the
// lock is gone its change is not in the database: a client told that its
// write failed never sees it land.
func TestWriteBlockedByAnImportTimesOutAndNeverLands(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		const deadline = 500 * time.Millisecond
		e.h = httpapp.New(httpapp.Config{DB: e.db, Logger: testLogger(), AllowedOrigins: []string{"*"}, QueryTimeout: deadline})
		// A draft: an edit of a published brand would write a pending
		// revision, not the locked brands table.
		id := e.draftBrandID(t, "written-too-late")
		release := holdWriteLock(t, e.db, "brands")

		r, took := answerWithin(t, 15*time.Second, func() response {
			return e.as(t, "publisher", `mutation($id: ID!) { updateBrand(id: $id, input: {summaryEn: "written too late"}) { id } }`, map[string]any{"id": id})
		})
		if code(r) != graph.CodeTimeout {
			t.Errorf("answer %+v, want code TIMEOUT", r.Errors)
		}
		for _, e := range r.Errors {
			for _, leak := range []string{"transaction", "ent:", "sql", "context deadline"} {
				if strings.Contains(strings.ToLower(e.Message), leak) {
					t.Errorf("error message leaks internals (%q): %s", leak, e.Message)
				}
			}
		}
		if took > deadline+time.Second {
			t.Errorf("answered after %s; the deadline is %s", took, deadline)
		}

		release()
		time.Sleep(300 * time.Millisecond) // anything still pending would land now
		b := e.db.Client.Brand.Query().Where(brand.SummaryEn("written too late")).CountX(e.all())
		if b != 0 {
			t.Fatal("the write its client was told had failed is in the database")
		}
		// The database is usable again: the same write now succeeds.
		if r := e.as(t, "publisher", `mutation($id: ID!) { updateBrand(id: $id, input: {summaryEn: "on time"}) { id } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatalf("after the lock: %+v", r.Errors)
		}
	})
}

// Recording a token's last use is bookkeeping: a database busy with an
// import must not hold up, or fail, the request that uses the token. A
// read (which the lock lets through) answers at once, data and all.
func TestTokenTouchNeverHoldsUpARequest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		const deadline = 2 * time.Second
		e.h = httpapp.New(httpapp.Config{DB: e.db, Logger: testLogger(), AllowedOrigins: []string{"*"}, QueryTimeout: deadline})
		holdWriteLock(t, e.db, "tokens")

		// The token has never been used, so this request would record it.
		r, took := answerWithin(t, 15*time.Second, func() response {
			return e.as(t, "editor", `{ brands(first: 1) { totalCount } }`, nil)
		})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "totalCount") {
			t.Fatalf("answer %s %+v", r.Data, r.Errors)
		}
		if took > deadline/2 {
			t.Errorf("a read took %s behind the token's bookkeeping", took)
		}
	})
}

// On PostgreSQL even the token lookup can wait on a lock: it runs under the
// request deadline too, and the answer says TIMEOUT, not INTERNAL.
func TestTokenLookupRunsUnderTheDeadline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		if dia != dialect.Postgres {
			t.Skip("SQLite readers never wait for a writer (WAL)")
		}
		e := newEditors(t, dia)
		const deadline = 500 * time.Millisecond
		e.h = httpapp.New(httpapp.Config{DB: e.db, Logger: testLogger(), AllowedOrigins: []string{"*"}, QueryTimeout: deadline})
		holdLock(t, e.db, "tokens", "ACCESS EXCLUSIVE") // readers wait too

		r, took := answerWithin(t, 15*time.Second, func() response {
			return e.as(t, "editor", `{ brands(first: 1) { totalCount } }`, nil)
		})
		if code(r) != graph.CodeTimeout {
			t.Errorf("answer %d %+v, want code TIMEOUT", r.status, r.Errors)
		}
		if took > deadline+time.Second {
			t.Errorf("answered after %s; the deadline is %s", took, deadline)
		}
	})
}
