package graph_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"brandshow/ent/brand"
	"brandshow/ent/mediacoveragebrand"
	"brandshow/server/seed"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// recorded is one statement the API sent, with its arguments, so the test
// can ask the database how it runs exactly that.
type recorded struct {
	query string
	args  []any
}

// recordingDriver keeps the statements sent through it (outside transactions).
type recordingDriver struct {
	dialect.Driver
	mu    sync.Mutex
	stmts []recorded
}

func (d *recordingDriver) Query(ctx context.Context, query string, args, v any) error {
	a, _ := args.([]any)
	d.mu.Lock()
	d.stmts = append(d.stmts, recorded{query, append([]any(nil), a...)})
	d.mu.Unlock()
	return d.Driver.Query(ctx, query, args, v)
}

func (d *recordingDriver) take() []recorded {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := d.stmts
	d.stmts = nil
	return out
}

// contentTables are the tables that grow with content; the small
// reference table of regions may be read whole.
var contentTables = []string{"brands", "media_coverages", "media_coverage_brands", "role_models", "brand_role_models",
	"venues", "venue_brands", "search_docs"}

// bigTableRows: on PostgreSQL, whose planner rightly reads a small table
// whole, a table counts as big from this many rows. SQLite's planner uses
// an index whenever one applies, so every content table is checked there.
const bigTableRows = 4000

// fullScan returns a matcher of the plan lines that read one of the tables
// whole: PostgreSQL's "Seq Scan on t", SQLite's "SCAN t" (without "USING
// ... INDEX").
func fullScan(dia string, tables []string) *regexp.Regexp {
	alt := strings.Join(tables, "|")
	if dia == dialect.Postgres {
		return regexp.MustCompile(`Seq Scan on (` + alt + `)\b`)
	}
	return regexp.MustCompile(`^SCAN (` + alt + `)( AS \w+)?$`)
}

// coverageOfBrand is the journalist's and the brand page's view of one
// brand's coverage, newest first.
const coverageOfBrand = `query Coverage($slug: String!) {
  brand(slug: $slug) {
    name
    venues(first: 5) { edges { node { slug } } }
    mediaCoverages(first: 10, orderBy: { field: PUBLISHED_ON, direction: DESC }) {
      totalCount edges { node { slug title publishedOn } }
    }
  }
  mediaCoverages(first: 20, where: { hasBrandsWith: [{ slug: $slug }], publishedOnGTE: "2018-01-01T00:00:00Z" },
    orderBy: { field: PUBLISHED_ON, direction: DESC }) {
    totalCount edges { node { slug outlet publishedOn } }
  }
}`

// TestPublicQueriesUseIndexes loads synthetic content (on PostgreSQL
// 10,000 brands), ANALYZEs it, runs the
// featured page and a brand's coverage through the real handler, and asks
// the database for the plan of every SELECT the API sent, with its
// arguments: none may read a big content table whole.
func TestPublicQueriesUseIndexes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		// The database records every statement with its arguments, to
		// EXPLAIN exactly what the handler sent.
		ctx := context.Background()
		rec := &recordingDriver{}
		db, err := store.Open(ctx, storetest.NewURL(t, dia), store.Options{
			Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
			WrapDriver: func(d dialect.Driver) dialect.Driver { rec.Driver = d; return rec },
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if err := db.Migrate(ctx, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
			t.Fatal(err)
		}
		// PostgreSQL plans by size: 10,000 brands, and enough people and
		// coverage for their link tables to be big. SQLite needs less.
		sizes := seed.SyntheticSizes{Brands: 10000, RoleModels: 5000, Coverage: 4000, Venues: 200, Enterprises: 20, Alliances: 10}
		if dia == dialect.SQLite {
			sizes = seed.SyntheticSizes{Brands: 2000, RoleModels: 2000, Coverage: 1000, Venues: 100, Enterprises: 10, Alliances: 5}
		}
		if _, err := seed.Synthetic(ctx, db.Client, sizes, 1); err != nil {
			t.Fatal(err)
		}
		analyze := "ANALYZE"
		if _, err := db.SQL.ExecContext(ctx, analyze); err != nil {
			t.Fatal(err)
		}
		big := contentTables
		if dia == dialect.Postgres {
			big = nil
			for _, table := range contentTables {
				var n int
				if err := db.SQL.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n >= bigTableRows {
					big = append(big, table)
				}
			}
			for _, must := range []string{"brands", "brand_role_models", "media_coverage_brands"} {
				if !slices.Contains(big, must) {
					t.Fatalf("%s is not big enough to test (big: %v)", must, big)
				}
			}
		}
		rec.take()
		h := uncachedHandler(db)

		// A brand with a middling amount of coverage, as most are.
		counts := map[int]int{}
		for _, l := range db.Client.MediaCoverageBrand.Query().Select(mediacoveragebrand.FieldBrandID).AllX(ctx) {
			counts[l.BrandID]++
		}
		var slug string
		for _, b := range db.Client.Brand.Query().Order(brand.ByID()).AllX(ctx) {
			if counts[b.ID] >= 2 && counts[b.ID] <= 10 {
				slug = b.Slug
				break
			}
		}
		if slug == "" {
			t.Fatal("no brand with 2 to 10 reports")
		}

		operations := []struct {
			name, query string
			vars        map[string]any
			check       func(t *testing.T, data map[string]any)
		}{
			{"featured page", featuredPage, map[string]any{"n": 12}, func(t *testing.T, data map[string]any) {
				if n := len(data["featuredBrands"].([]any)); n != 12 {
					t.Fatalf("featured page: %d brands, want 12", n)
				}
			}},
			{"coverage of a brand", coverageOfBrand, map[string]any{"slug": slug}, func(t *testing.T, data map[string]any) {
				b, _ := data["brand"].(map[string]any)
				if b == nil || b["mediaCoverages"].(map[string]any)["totalCount"].(float64) < 1 {
					t.Fatalf("coverage of %s: %v", slug, data)
				}
			}},
		}
		for _, op := range operations {
			rec.take()
			var data map[string]any
			mustQuery(t, h, op.query, op.vars, &data)
			op.check(t, data)
			stmts := rec.take()
			if len(stmts) == 0 {
				t.Fatalf("%s: no statements recorded", op.name)
			}
			for _, s := range stmts {
				// Reads only (paged edges come as WITH ... SELECT).
				if q := strings.TrimSpace(s.query); !strings.HasPrefix(q, "SELECT") && !strings.HasPrefix(q, "WITH") {
					t.Fatalf("%s: not a read: %.80s", op.name, s.query)
				}
				plan := explain(t, db, s)
				// Paged edges name their result after the table ("AS
				// `venues`"); SQLite's SCAN of that result is no table scan.
				var tables []string
				for _, table := range big {
					if !strings.Contains(s.query, "AS `"+table+"`") {
						tables = append(tables, table)
					}
				}
				scan := fullScan(dia, tables)
				for _, line := range plan {
					if len(tables) > 0 && scan.MatchString(strings.TrimLeft(line, " ->|`-")) {
						t.Errorf("%s: %s reads a big table whole:\n%s\nplan:\n%s", op.name, dia, s.query, strings.Join(plan, "\n"))
						break
					}
				}
				if testing.Verbose() {
					t.Logf("%s:\n%s\n%s", op.name, s.query, strings.Join(plan, "\n"))
				}
			}
		}
	})
}

// explain returns the plan of a statement, one line per node.
func explain(t *testing.T, db *store.DB, s recorded) []string {
	t.Helper()
	prefix := "EXPLAIN "
	if db.Dialect == dialect.SQLite {
		prefix = "EXPLAIN QUERY PLAN "
	}
	rows, err := db.SQL.QueryContext(context.Background(), prefix+s.query, s.args...)
	if err != nil {
		t.Fatalf("explain %s: %v", s.query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var plan []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		// PostgreSQL: one text column; SQLite: id, parent, notused, detail.
		plan = append(plan, fmt.Sprint(vals[len(vals)-1]))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}
