package store_test

import (
	"context"
	"os"
	"testing"

	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// TestOptimizeStatistics: SQLite gets statistics of its tables once the
// database holds real content, never of a nearly empty one and never of the
// FTS5 indexes' own tables (told that search_fts_data held 2 rows, SQLite
// scanned it for every merge of an index build).
func TestOptimizeStatistics(t *testing.T) {
	db, _ := storetest.Fresh(t, dialect.SQLite, false)
	ctx := context.Background()
	stats := func() (searchDocs, fts int) {
		t.Helper()
		var exists int
		if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'`).Scan(&exists); err != nil {
			t.Fatal(err)
		}
		if exists == 0 {
			return 0, 0
		}
		err := db.SQL.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'search_docs'),
			(SELECT count(*) FROM sqlite_stat1 WHERE tbl LIKE 'search_fts%' OR tbl LIKE 'search_name_fts%')`).Scan(&searchDocs, &fts)
		if err != nil {
			t.Fatal(err)
		}
		return searchDocs, fts
	}
	add := func(n int) {
		t.Helper()
		_, err := db.SQL.ExecContext(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
			INSERT INTO search_docs (status, item_type, item_id, sort_date, name_tokens, tokens)
			SELECT 'PUBLISHED', 'VENUE', 1000000 + i + (SELECT count(*) FROM search_docs), '2024-01-01', 'a' || i, 'b' || i FROM n`, n)
		if err != nil {
			t.Fatal(err)
		}
	}
	add(10)
	if err := db.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	if sd, _ := stats(); sd != 0 {
		t.Errorf("a nearly empty database got %d statistics rows for search_docs", sd)
	}
	add(1000)
	if err := db.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	if sd, fts := stats(); sd == 0 || fts != 0 {
		t.Errorf("statistics rows: search_docs %d (want some), FTS5 tables %d (want none)", sd, fts)
	}
}

// TestOptimizeAnalyzesPostgresAfterALoad: on PostgreSQL, Optimize analyzes
// every table of the database's own schema, so plans are right straight
// after a bulk load instead of after autovacuum's next round.
func TestOptimizeAnalyzesPostgresAfterALoad(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skip("PostgreSQL only: set " + storetest.PostgresEnv)
	}
	db, _ := storetest.Fresh(t, dialect.Postgres, false)
	ctx := context.Background()
	unanalyzed := func() (tables, never int) {
		t.Helper()
		err := db.SQL.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE last_analyze IS NULL)
			FROM pg_stat_user_tables WHERE schemaname = current_schema()`).Scan(&tables, &never)
		if err != nil {
			t.Fatal(err)
		}
		return tables, never
	}
	if tables, never := unanalyzed(); tables < 10 || never == 0 {
		t.Fatalf("a fresh schema: %d tables, %d never analyzed; the test would prove nothing", tables, never)
	}
	if err := db.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	if tables, never := unanalyzed(); never != 0 {
		t.Errorf("after Optimize %d of %d tables were never analyzed", never, tables)
	}
}
