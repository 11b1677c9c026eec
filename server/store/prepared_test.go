package store_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"brandshow/ent/brand"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// TestPreparedReads checks that PostgreSQL reads run as prepared statements
// (the same statement is prepared once and reused), that their answers are
// the plain ones, and that a statement whose plan a migration invalidated
// (a column's type changed under it) still answers instead of failing.
func TestPreparedReads(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skip("PostgreSQL only: set " + storetest.PostgresEnv)
	}
	ctx := context.Background()
	db, _ := storetest.Fresh(t, dialect.Postgres, true)
	read := func(query string, args ...any) []string {
		t.Helper()
		rows := &entsql.Rows{}
		if err := db.Driver.Query(ctx, query, args, rows); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	slug := db.Client.Brand.Query().Where(brand.Featured(true)).FirstX(ctx).Slug
	const q = `SELECT "slug" FROM "brands" WHERE "slug" = $1`
	before := store.PreparedCount(db)
	for i := 0; i < 3; i++ {
		if got := read(q, slug); len(got) != 1 || got[0] != slug {
			t.Fatalf("run %d: got %v, want [%s]", i, got, slug)
		}
	}
	if n := store.PreparedCount(db) - before; n != 1 {
		t.Fatalf("%d statements prepared by three runs of one, want 1", n)
	}
	var backends int
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM pg_prepared_statements WHERE statement = $1`, q).Scan(&backends); err != nil {
		t.Fatal(err)
	}
	// pg_prepared_statements shows the asking session only; the pool may
	// have run the statement on another connection, so this is a lower bound.
	t.Logf("prepared on this session: %d", backends)

	if _, err := db.SQL.ExecContext(ctx, `CREATE TABLE prep_probe (id int PRIMARY KEY, v int)`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.ExecContext(ctx, `INSERT INTO prep_probe VALUES (1, 42)`); err != nil {
		t.Fatal(err)
	}
	const probe = `SELECT v FROM prep_probe WHERE id = $1`
	if got := read(probe, 1); len(got) != 1 || got[0] != "42" {
		t.Fatalf("probe = %v, want [42]", got)
	}
	if _, err := db.SQL.ExecContext(ctx, `ALTER TABLE prep_probe ALTER COLUMN v TYPE text USING 'changed'`); err != nil {
		t.Fatal(err)
	}
	if got := read(probe, 1); len(got) != 1 || got[0] != "changed" {
		t.Fatalf("after the column changed type: %v, want [changed]", got)
	}

	// The query's own error is returned as it is.
	err := db.Driver.Query(ctx, `SELECT 1 / $1::int`, []any{0}, &entsql.Rows{})
	if err == nil || !strings.Contains(err.Error(), "division by zero") {
		t.Fatalf("1/0: err = %v, want division by zero", err)
	}
}
