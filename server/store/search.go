package store

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
)

// withoutGINIndexes leaves PostgreSQL's GIN indexes (the search side
// table's token indexes) out of SQLite's automatic migration: SQLite
// searches through the FTS5 table that sqliteSearch creates instead.
func withoutGINIndexes(next schema.Creator) schema.Creator {
	return schema.CreateFunc(func(ctx context.Context, tables ...*schema.Table) error {
		// The tables are ent's global migrate.Tables: change copies, or a
		// later PostgreSQL migration in the same process (the tests) would
		// miss the GIN indexes too.
		out := make([]*schema.Table, len(tables))
		for i, t := range tables {
			kept := t.Indexes[:0:0]
			for _, idx := range t.Indexes {
				if idx.Annotation != nil && idx.Annotation.Type == "GIN" {
					continue
				}
				kept = append(kept, idx)
			}
			cp := *t
			cp.Indexes = kept
			out[i] = &cp
		}
		return next.Create(ctx, out...)
	})
}

// sqliteSearchStatements create the FTS5 index over the search side table's
// tokens. It is an external-content table (the tokens are stored once, in
// search_docs) kept in step by triggers, so the index changes in the same
// transaction as the row. The tokenizer only splits at spaces in practice:
// the tokens are made by the Go tokenizer and contain no other separator
// ("_" of the filter tokens is made a token character).
var sqliteSearchStatements = []string{
	`CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(name_tokens, tokens,
		content='search_docs', content_rowid='id', detail=column,
		tokenize="unicode61 remove_diacritics 0 tokenchars '_'")`,
	`CREATE TRIGGER IF NOT EXISTS search_docs_fts_insert AFTER INSERT ON search_docs BEGIN
		INSERT INTO search_fts(rowid, name_tokens, tokens) VALUES (new.id, new.name_tokens, new.tokens);
	END`,
	`CREATE TRIGGER IF NOT EXISTS search_docs_fts_delete AFTER DELETE ON search_docs BEGIN
		INSERT INTO search_fts(search_fts, rowid, name_tokens, tokens) VALUES ('delete', old.id, old.name_tokens, old.tokens);
	END`,
	// Only a change of the tokens touches the index (the suggest keys'
	// backfill updates every row); an older definition fired on any update.
	`DROP TRIGGER IF EXISTS search_docs_fts_update`,
	`CREATE TRIGGER search_docs_fts_update AFTER UPDATE OF name_tokens, tokens ON search_docs BEGIN
		INSERT INTO search_fts(search_fts, rowid, name_tokens, tokens) VALUES ('delete', old.id, old.name_tokens, old.tokens);
		INSERT INTO search_fts(rowid, name_tokens, tokens) VALUES (new.id, new.name_tokens, new.tokens);
	END`,
}

// sqliteNameSearchStatements create a second FTS5 index over the name
// tokens alone, for the name stage of a query and suggest's names that
// contain a prefix. In search_fts a name lookup walked the postings of
// every column (a bigram of a report title is in thousands of bodies) and
// kept the name column's: 艾灸师's name lookup read 40 times the rows it
// found. detail=none (no columns, no positions) suffices: every lookup is
// of single tokens and prefixes. It adds about 16 MB at 100,000 reports.
// (search_fts still indexes name_tokens: dropping the column would rebuild
// the large index of every existing database.)
var sqliteNameSearchStatements = []string{
	`CREATE VIRTUAL TABLE IF NOT EXISTS search_name_fts USING fts5(name_tokens,
		content='search_docs', content_rowid='id', detail=none,
		tokenize="unicode61 remove_diacritics 0 tokenchars '_'")`,
	`CREATE TRIGGER IF NOT EXISTS search_docs_name_fts_insert AFTER INSERT ON search_docs BEGIN
		INSERT INTO search_name_fts(rowid, name_tokens) VALUES (new.id, new.name_tokens);
	END`,
	`CREATE TRIGGER IF NOT EXISTS search_docs_name_fts_delete AFTER DELETE ON search_docs BEGIN
		INSERT INTO search_name_fts(search_name_fts, rowid, name_tokens) VALUES ('delete', old.id, old.name_tokens);
	END`,
	`CREATE TRIGGER IF NOT EXISTS search_docs_name_fts_update AFTER UPDATE OF name_tokens ON search_docs BEGIN
		INSERT INTO search_name_fts(search_name_fts, rowid, name_tokens) VALUES ('delete', old.id, old.name_tokens);
		INSERT INTO search_name_fts(rowid, name_tokens) VALUES (new.id, new.name_tokens);
	END`,
}

// sqliteSearch creates the FTS5 indexes if they are missing, filling them
// from rows that already exist, in one transaction (a trigger is replaced:
// no write may fall between its old and new definition).
func (db *DB) sqliteSearch(ctx context.Context) error {
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: search index: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it does nothing
	for _, ix := range []struct {
		table string
		stmts []string
	}{{"search_fts", sqliteSearchStatements}, {"search_name_fts", sqliteNameSearchStatements}} {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = ?`, ix.table).Scan(&n); err != nil {
			return fmt.Errorf("store: search index: %w", err)
		}
		for _, stmt := range ix.stmts {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("store: search index: %w", err)
			}
		}
		if n == 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+ix.table+`(`+ix.table+`) VALUES ('rebuild')`); err != nil {
				return fmt.Errorf("store: search index: %w", err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: search index: %w", err)
	}
	return nil
}

// Optimize gathers the table statistics SQLite's query planner needs
// (ANALYZE, bounded to about 1,000 rows per index, so it takes a fraction
// of a second at any size). Without them SQLite takes the index on status
// for "id IN (...) AND status = ?" and walks every published row: loading
// a search page's 20 reports took 10 ms instead of 0.1 ms at 100,000
// reports. Migrate runs it at start-up; bulk loaders run it after loading.
//
// Two kinds of statistics would mislead and are not gathered: those of a
// nearly empty database (fewer than optimizeMinRows search rows: plans do
// not matter yet, and figures of a handful of rows would outlive the
// growth), and those of the FTS5 indexes' own tables, whose internal
// statements look rows up by ID: told that search_fts_data held 2 rows,
// SQLite scanned it for every range delete of a merge, and a 100,000-item
// index build took 90 s instead of 40. PostgreSQL's autovacuum keeps its
// statistics itself.
func (db *DB) Optimize(ctx context.Context) error {
	if db.Dialect != dialect.SQLite {
		return nil
	}
	var n int
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM search_docs LIMIT ?)`, optimizeMinRows).Scan(&n); err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	if n < optimizeMinRows {
		return nil
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE 'search\_%fts%' ESCAPE '\'`)
	if err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return fmt.Errorf("store: analyze: %w", err)
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: analyze: %w", err)
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

// optimizeMinRows is how many search rows a database needs before Optimize
// gathers statistics.
const optimizeMinRows = 1000
