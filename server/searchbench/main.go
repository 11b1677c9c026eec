// Command searchbench measures the journalists' search on a synthetic
// corpus: it loads the demo content plus the synthetic set of
// seed.Synthetic scaled to N coverage items of 1–5 KB, rebuilds the search
// index (timed), and prints p50/p95 latencies per query
// class (top 20 with highlights) and of suggest, the index build time and
// its size.
//
//	go run ./server/searchbench -n 100000                       # SQLite in a temporary file
//	go run ./server/searchbench -n 100000 -database-url 'postgres://...&search_path=bench'
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"time"

	_ "brandshow/ent/runtime"
	"brandshow/ent/searchindex"
	"brandshow/server/seed"
	"brandshow/server/store"

	"entgo.io/ent/dialect"
)

func main() {
	n := flag.Int("n", 100000, "generated coverage items")
	dbURL := flag.String("database-url", "", "database (default: a new SQLite file in a temporary directory)")
	reps := flag.Int("reps", 20, "runs of each query")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the queries to this file")
	flag.Parse()
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	if *dbURL == "" {
		dir, err := os.MkdirTemp("", "searchbench-")
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
	if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	// The synthetic set of `server seed --synthetic`, scaled to n reports.
	sizes := seed.DefaultSyntheticSizes()
	scale := func(x int) int { return max(1, x*(*n)/sizes.Coverage) }
	sizes = seed.SyntheticSizes{Brands: scale(sizes.Brands), RoleModels: scale(sizes.RoleModels), Coverage: *n,
		Venues: scale(sizes.Venues), Enterprises: scale(sizes.Enterprises), Alliances: scale(sizes.Alliances)}
	res, err := seed.Synthetic(ctx, db.Client, sizes, 1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: generated %d synthetic items (%d coverage) in %s\n", db.Dialect, res.Total(), res.Coverage, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	if err := searchindex.Rebuild(ctx, db.Client); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("index build (all items): %s\n", time.Since(start).Round(time.Millisecond))
	if db.Dialect == dialect.Postgres {
		_, _ = db.SQL.ExecContext(ctx, "VACUUM ANALYZE search_docs")
	}
	fmt.Printf("index size: %s\n", indexSize(ctx, db))

	classes := []struct {
		name    string
		queries []string
		opts    searchindex.Options
	}{
		{"1 char", []string{"茶", "嫂", "师"}, searchindex.Options{}},
		{"2 chars", []string{"家政", "培训", "艾灸", "龙虾"}, searchindex.Options{}},
		{"3 chars", []string{"龙虾师", "艾灸师", "家政嫂"}, searchindex.Options{}},
		{"4+ chars", []string{"红安大嫂", "劳务品牌", "技能大师工作室"}, searchindex.Options{}},
		{"multi-term", []string{"劳务品牌 培训", "红安 家政", "龙虾 技能 大赛"}, searchindex.Options{}},
		{"filtered", []string{"培训", "劳务品牌"}, searchindex.Options{RegionCode: "421100", Media: []string{"NEWSPAPER", "TV"}}},
		{"pinyin", []string{"hongan dasao", "hads", "qichun"}, searchindex.Options{}},
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Printf("%-11s %8s %8s %8s  %s\n", "class", "p50", "p95", "max", "ranked within / total (first query)")
	for _, c := range classes {
		var times []time.Duration
		note := ""
		for i, q := range c.queries {
			for r := 0; r < *reps; r++ {
				opts := c.opts
				opts.Limit = 20
				t0 := time.Now()
				res, err := searchindex.Search(ctx, db.Client, q, opts)
				if err != nil {
					log.Fatalf("%s: %v", q, err)
				}
				times = append(times, time.Since(t0))
				if i == 0 && r == 0 {
					note = fmt.Sprintf("%d / %d", res.RankedWithin, res.Total)
				}
			}
		}
		p50, p95, mx := percentiles(times)
		fmt.Printf("%-11s %8s %8s %8s  %s\n", c.name, p50, p95, mx, note)
	}
	var times []time.Duration
	for _, p := range []string{"红", "红安", "hong", "had", "蕲春艾", "qic"} {
		for r := 0; r < *reps; r++ {
			t0 := time.Now()
			if _, err := searchindex.Suggest(ctx, db.Client, p, 8); err != nil {
				log.Fatal(err)
			}
			times = append(times, time.Since(t0))
		}
	}
	p50, p95, mx := percentiles(times)
	fmt.Printf("%-11s %8s %8s %8s\n", "suggest", p50, p95, mx)
}

func percentiles(ts []time.Duration) (p50, p95, mx time.Duration) {
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	r := func(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }
	return r(ts[len(ts)/2]), r(ts[len(ts)*95/100]), r(ts[len(ts)-1])
}

func indexSize(ctx context.Context, db *store.DB) string {
	var q string
	if db.Dialect == dialect.Postgres {
		q = `SELECT pg_total_relation_size('search_docs')`
	} else {
		q = `SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'`
	}
	var n int64
	if err := db.SQL.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return "unknown (" + err.Error() + ")"
	}
	return fmt.Sprintf("%.1f MB (side table, its indexes and the full-text index)", float64(n)/1e6)
}
