package search

import (
	"context"
	"database/sql"
	"fmt"

	"entgo.io/ent/dialect/sql/schema"
)

// The per-database setup of the search side table. SQLite searches through
// FTS5 tables the store's automatic migration knows nothing of; PostgreSQL's
// tsvector columns and GIN indexes come from ent/schema. The store calls
// these (store imports search, never the reverse), so the whole engine,
// including the DDL its queries rely on, lives in this package.

// WithoutGINIndexes leaves PostgreSQL's GIN indexes (the search side
// table's token indexes) out of SQLite's automatic migration: SQLite
// searches through the FTS5 table that SetupSQLite creates instead.
func WithoutGINIndexes(next schema.Creator) schema.Creator {
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

// SetupSQLite creates the FTS5 indexes if they are missing, filling them
// from rows that already exist, in one transaction (a trigger is replaced:
// no write may fall between its old and new definition). The store's
// migration runs it after ent's automatic migration of SQLite. PostgreSQL
// needs no such step: its tsvector columns and GIN indexes are declared in
// ent/schema (SearchDoc) and arrive with the versioned migrations.
func SetupSQLite(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("search: sqlite index: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it does nothing
	for _, ix := range []struct {
		table string
		stmts []string
	}{{"search_fts", sqliteSearchStatements}, {"search_name_fts", sqliteNameSearchStatements}} {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = ?`, ix.table).Scan(&n); err != nil {
			return fmt.Errorf("search: sqlite index: %w", err)
		}
		for _, stmt := range ix.stmts {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("search: sqlite index: %w", err)
			}
		}
		if n == 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+ix.table+`(`+ix.table+`) VALUES ('rebuild')`); err != nil {
				return fmt.Errorf("search: sqlite index: %w", err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("search: sqlite index: %w", err)
	}
	return nil
}
