// Command changesbench measures the changes feed (changes(since:)) the way a
// kiosk that was offline for an hour reads it: on the synthetic data set
// (server seed --synthetic's default sizes unless told otherwise) plus an
// hour of edits (published items changed, published, unpublished and
// deleted, one a few seconds), it reads every page of the changes after the
// cursor of an hour ago, with each upserted item's fields, through the real
// HTTP handler, and prints p50/p95/max per page.
//
//	go run ./server/tools/changesbench [-database-url FILE.db|postgres://...] [-edits 600] [-reps 20]
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/changelogentry"
	"brandshow/ent/mediacoverage"
	_ "brandshow/ent/runtime"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/httpapp"
	"brandshow/server/seed"
	"brandshow/server/store"
	"brandshow/server/tools/loopback"

	"entgo.io/contrib/entgql"
)

const query = `query($since: Cursor) { changes(since: $since, first: 100) { cursor hasMore changes { cursor kind type id
  node { id ... on Brand { slug nameZh nameEn summaryZh category level region { code } }
         ... on MediaCoverage { slug titleZh outlet publishedOn }
         ... on RoleModel { slug nameZh kind } ... on Venue { slug nameZh latitude longitude } } } } }`

func main() {
	dbURL := flag.String("database-url", "", "database (default: a new SQLite file in a temporary directory)")
	edits := flag.Int("edits", 600, "edits made in the last hour")
	reps := flag.Int("reps", 20, "reads of the whole hour")
	withoutNodes := flag.Bool("without-nodes", false, "read only the log entries (kind, type, id), not the items")
	coverage := flag.Int("coverage", seed.DefaultSyntheticSizes().Coverage, "synthetic coverage items")
	flag.Parse()
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	if *dbURL == "" {
		dir, err := os.MkdirTemp("", "changesbench")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		*dbURL = filepath.Join(dir, "bench.db")
	}
	db, err := store.Open(ctx, *dbURL, store.Options{Logger: quiet})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx, quiet); err != nil {
		log.Fatal(err)
	}
	sys := visibility.WithSystem(ctx)
	if n, _ := db.Client.Brand.Query().Count(sys); n == 0 {
		start := time.Now()
		if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
			log.Fatal(err)
		}
		sizes := seed.DefaultSyntheticSizes()
		sizes.Coverage = *coverage
		if _, err := seed.Synthetic(ctx, db.Client, sizes, 1); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("loaded demo + synthetic content in %s\n", time.Since(start).Round(time.Second))
	}
	logged, _ := db.Client.ChangeLogEntry.Query().Count(ctx)
	head, err := db.Client.ChangeLogEntry.Query().Order(ent.Desc(changelogentry.FieldID)).First(ctx)
	if err != nil {
		log.Fatal(err)
	}
	// An hour of edits: mostly changes of published items, some
	// publications, unpublications and deletions.
	brands, _ := db.Client.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).Limit(*edits).IDs(sys)
	reports, _ := db.Client.MediaCoverage.Query().Where(mediacoverage.StatusEQ(schematype.StatusPublished)).Limit(*edits).IDs(sys)
	start := time.Now()
	for i := 0; i < *edits; i++ {
		switch i % 6 {
		case 0, 1, 2:
			err = db.Client.Brand.UpdateOneID(brands[i%len(brands)]).SetSummaryZh(fmt.Sprintf("第%d次修改", i)).Exec(sys)
		case 3:
			err = db.Client.MediaCoverage.UpdateOneID(reports[i]).SetSummaryZh("改").Exec(sys)
		case 4:
			err = db.Client.Brand.UpdateOneID(brands[i%len(brands)]).SetStatus(schematype.StatusDraft).Exec(sys)
			if err == nil {
				err = db.Client.Brand.UpdateOneID(brands[i%len(brands)]).SetStatus(schematype.StatusPublished).Exec(sys)
			}
		case 5:
			err = db.Client.MediaCoverage.DeleteOneID(reports[i]).Exec(sys)
		}
		if err != nil {
			log.Fatal(err)
		}
	}
	// Statistics, as the server gathers them at start-up (store.Optimize)
	// and autovacuum on PostgreSQL: without them SQLite reads
	// "id IN (...) AND status = ?" through the status index.
	if db.Dialect == "postgres" {
		_, _ = db.SQL.ExecContext(ctx, "ANALYZE")
	}
	if err := db.Optimize(ctx); err != nil {
		log.Fatal(err)
	}
	hour, _ := db.Client.ChangeLogEntry.Query().Where(changelogentry.IDGT(head.ID)).Count(ctx)
	fmt.Printf("%s: %d log entries before the hour, %d in it (%d edits in %s)\n", db.Dialect, logged, hour, *edits, time.Since(start).Round(time.Millisecond))

	q := query
	if *withoutNodes {
		q = `query($since: Cursor) { changes(since: $since, first: 100) { cursor hasMore changes { cursor kind type id } } }`
	}
	h := httpapp.New(httpapp.Config{DB: db, Logger: quiet, AllowedOrigins: []string{"*"}})
	var b bytes.Buffer
	entgql.Cursor[int]{ID: head.ID}.MarshalGQL(&b)
	cur, err := strconv.Unquote(b.String())
	if err != nil {
		log.Fatal(err)
	}
	var pages []time.Duration
	var perHour []time.Duration
	for range *reps {
		since := cur
		t0 := time.Now()
		for {
			body, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"since": since}})
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			p0 := time.Now()
			h.ServeHTTP(rec, req)
			pages = append(pages, time.Since(p0))
			var out struct {
				Data struct {
					Changes struct {
						Cursor  string
						HasMore bool
					}
				}
				Errors []any
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || len(out.Errors) > 0 {
				log.Fatalf("answer: %v %s", err, rec.Body.String())
			}
			since = out.Data.Changes.Cursor
			if !out.Data.Changes.HasMore {
				break
			}
		}
		perHour = append(perHour, time.Since(t0))
	}
	slices.Sort(pages)
	slices.Sort(perHour)
	fmt.Printf("changes(since: an hour ago, first: 100), one page: p50 %s  p95 %s  max %s  (%d pages)\n",
		loopback.Percentile(pages, 50), loopback.Percentile(pages, 95), loopback.Percentile(pages, 100), len(pages))
	fmt.Printf("the whole hour (%d pages of 100): p50 %s  p95 %s\n", (hour+99)/100, loopback.Percentile(perHour, 50), loopback.Percentile(perHour, 95))
}
