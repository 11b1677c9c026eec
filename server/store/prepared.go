package store

import (
	"context"
	"database/sql"
	"errors"

	entsql "entgo.io/ent/dialect/sql"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/lib/pq"
)

// preparedStatements is how many distinct read statements a process keeps
// prepared. The public operations send a few dozen shapes; lists of IDs of
// different lengths make more, and the least recently used are closed.
const preparedStatements = 256

// preparedReads runs PostgreSQL reads outside transactions as prepared
// statements, so a repeated statement (the featured page sends the same six
// on every request) is parsed and planned once per connection instead of on
// every execution, and costs one round trip instead of two. database/sql
// prepares a statement lazily on each pooled connection that runs it.
// Writes and everything inside transactions go the usual way.
type preparedReads struct {
	*entsql.Driver
	db    *sql.DB
	stmts *lru.Cache[string, *sql.Stmt]
}

func newPreparedReads(dia string, db *sql.DB) *preparedReads {
	stmts, err := lru.NewWithEvict(preparedStatements, func(_ string, s *sql.Stmt) {
		// Close waits for the statement's open rows; not under the cache's lock.
		go s.Close()
	})
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &preparedReads{Driver: entsql.OpenDB(dia, db), db: db, stmts: stmts}
}

func (d *preparedReads) Query(ctx context.Context, query string, args, v any) error {
	argv, ok := args.([]any)
	rows, ok2 := v.(*entsql.Rows)
	if write, _ := writing(ctx); !ok || !ok2 || write {
		return d.Driver.Query(ctx, query, args, v)
	}
	stmt, ok := d.stmts.Get(query)
	if !ok {
		var err error
		if stmt, err = d.db.PrepareContext(ctx, query); err != nil {
			return d.Driver.Query(ctx, query, args, v)
		}
		if prev, loaded, _ := d.stmts.PeekOrAdd(query, stmt); loaded {
			stmt.Close()
			stmt = prev
		}
	}
	r, err := stmt.QueryContext(ctx, argv...)
	if err != nil {
		if current, _ := d.stmts.Peek(query); !stalePrepared(err) && current == stmt {
			return err
		}
		// A plan gone stale (a migration changed a table under it) or a
		// statement the session no longer has: forget it and run the
		// statement unprepared; it is prepared again next time.
		d.stmts.Remove(query)
		return d.Driver.Query(ctx, query, args, v)
	}
	*rows = entsql.Rows{ColumnScanner: r}
	return nil
}

// stalePrepared reports whether an error comes from the prepared statement
// itself rather than from the query: "cached plan must not change result
// type" (0A000), a statement the session does not know (26000, e.g. after
// a pooler reset the session) or a connection gone. A statement closed by
// the cache's eviction while in use is recognised by not being the cached
// one any more (Query checks). Any other error is the query's own and is
// returned as it is, without running the statement a second time.
func stalePrepared(err error) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		return pqErr.Code == "0A000" || pqErr.Code == "26000"
	}
	return errors.Is(err, sql.ErrConnDone)
}
