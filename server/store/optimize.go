package store

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/ent/dialect"
)

// Optimize gathers the table statistics SQLite's query planner needs
// (ANALYZE, bounded to about 1,000 rows per index, so it takes a fraction
// of a second at any size). Without them SQLite takes the index on status
// for "id IN (...) AND status = ?" and walks every published row: loading
// a search page's 20 reports took 10 ms instead of 0.1 ms at 100,000
// reports. Migrate runs it at start-up; bulk loaders run it after loading.
//
// On PostgreSQL it analyzes the tables of the database's schema. Autovacuum
// keeps statistics in the long run, but not right after a bulk load: it
// wakes once a minute, and until it has looked at freshly loaded tables the
// planner guesses. Measured on the demo content just after loading, a
// figures query filtered through brands and role models took 1,330 ms
// (a nested loop run 17,865 times) and 11 ms once analyzed. So loaders
// (seed, import, the synthetic generator, the tests' databases) run
// Optimize after loading, on either database.
//
// On SQLite, two kinds of statistics would mislead and are not gathered:
// those of a nearly empty database (fewer than optimizeMinRows search rows: plans do
// not matter yet, and figures of a handful of rows would outlive the
// growth), and those of the FTS5 indexes' own tables, whose internal
// statements look rows up by ID: told that search_fts_data held 2 rows,
// SQLite scanned it for every range delete of a merge, and a 100,000-item
// index build took 90 s instead of 40.
func (db *DB) Optimize(ctx context.Context) error {
	if db.Dialect == dialect.Postgres {
		return db.analyzePostgres(ctx)
	}
	var n int
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM search_docs LIMIT ?)`, optimizeMinRows).Scan(&n); err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	if n < optimizeMinRows {
		return nil
	}
	tables, err := db.tableNames(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE 'search\_%fts%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	conn, err := db.SQL.Conn(ctx) // analysis_limit is per connection
	if err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA analysis_limit=1000`); err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	for _, t := range tables {
		if _, err := conn.ExecContext(ctx, `ANALYZE "`+strings.ReplaceAll(t, `"`, `""`)+`"`); err != nil {
			return fmt.Errorf("store: analyze %s: %w", t, err)
		}
	}
	return nil
}

// analyzePostgres analyzes every table of the current schema (the one
// DATABASE_URL's search_path names), not the whole database: a shared
// server holds other schemas, which are not ours to analyze.
func (db *DB) analyzePostgres(ctx context.Context) error {
	tables, err := db.tableNames(ctx, `SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`)
	if err != nil {
		return err
	}
	if len(tables) == 0 {
		return nil
	}
	if _, err := db.SQL.ExecContext(ctx, `ANALYZE `+strings.Join(tables, ", ")); err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	return nil
}

// tableNames runs a query that lists table names, one per row.
func (db *DB) tableNames(ctx context.Context, query string) ([]string, error) {
	rows, err := db.SQL.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("store: analyze: %w", err)
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("store: analyze: %w", err)
		}
		tables = append(tables, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: analyze: %w", err)
	}
	return tables, nil
}

// optimizeMinRows is how many search rows a database needs before Optimize
// gathers statistics.
const optimizeMinRows = 1000
