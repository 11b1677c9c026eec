// Command searchbench measures the journalists' search on a synthetic
// corpus: it loads the demo content plus N generated coverage items of
// 1–5 KB, builds the search index, and prints p50/p95 latencies per query
// class (top 20 with highlights) and of suggest, the index build time and
// its size.
//
//	go run ./server/tools/searchbench -n 100000                       # SQLite in a temporary file
//	go run ./server/tools/searchbench -n 100000 -database-url 'postgres://...&search_path=bench'
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"brandshow/server/tools/loopback"

	"brandshow/ent"
	"brandshow/ent/mediacoverage"
	_ "brandshow/ent/runtime"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/search"
	"brandshow/server/seed"
	"brandshow/server/store"

	"entgo.io/ent/dialect"
)

func main() {
	n := flag.Int("n", 100000, "generated coverage items")
	dbURL := flag.String("database-url", "", "database (default: a new SQLite file in a temporary directory)")
	reps := flag.Int("reps", 20, "runs of each query")
	rebuild := flag.Bool("rebuild", false, "rebuild the index of a database that already holds the generated items")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the queries to this file")
	only := flag.String("class", "", "measure only this query class (and not suggest), e.g. -class dated")
	samples := flag.Int("corrections", 300, "queries sampled per corpus to measure the homophone correction (0: skip)")
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
	// A database that holds the generated items already (a -database-url
	// run before) is measured as it is, so repeated runs skip the load.
	have, err := db.Client.MediaCoverage.Query().Where(mediacoverage.SlugHasPrefix("bench-")).Count(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if have > 0 && !*rebuild {
		fmt.Printf("%s: measuring the %d generated items already there\n", db.Dialect, have)
	} else {
		if have == 0 {
			if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
				log.Fatal(err)
			}
			start := time.Now()
			if err := generate(ctx, db.Client, *n); err != nil {
				log.Fatal(err)
			}
			fmt.Printf("%s: loaded %d coverage items in %s\n", db.Dialect, *n, time.Since(start).Round(time.Millisecond))
		}
		start := time.Now()
		if err := search.Rebuild(ctx, db.Client); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("index build (all items): %s\n", time.Since(start).Round(time.Millisecond))
		if db.Dialect == dialect.Postgres {
			// Statistics of every table, as autovacuum would gather in time:
			// without them the planner guesses a handful of published
			// reports and combines the status index into every page load.
			_, _ = db.SQL.ExecContext(ctx, "VACUUM ANALYZE search_docs")
			_, _ = db.SQL.ExecContext(ctx, "ANALYZE")
		}
		if err := db.Optimize(ctx); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("index size: %s\n", indexSize(ctx, db))

	classes := []struct {
		name    string
		queries []string
		opts    search.Options
	}{
		{"1 char", []string{"茶", "嫂", "师"}, search.Options{}},
		{"2 chars", []string{"家政", "培训", "艾灸", "龙虾"}, search.Options{}},
		{"3 chars", []string{"龙虾师", "艾灸师", "家政嫂"}, search.Options{}},
		{"4+ chars", []string{"红安大嫂", "劳务品牌", "技能大师工作室"}, search.Options{}},
		{"multi-term", []string{"劳务品牌 培训", "红安 家政", "龙虾 技能 大赛"}, search.Options{}},
		{"filtered", []string{"培训", "劳务品牌"}, search.Options{RegionCode: "421100", Media: []string{"NEWSPAPER", "TV"}}},
		{"dated", []string{"培训", "劳务品牌 培训"}, search.Options{From: day("2020-03-01"), Before: day("2020-03-16")}},
		{"dated long", []string{"培训", "龙虾"}, search.Options{From: day("2018-01-01"), Before: day("2019-01-01"), Types: []search.ItemType{search.TypeMediaCoverage}}},
		{"pinyin", []string{"hongan dasao", "hads", "qichun"}, search.Options{}},
		{"punctuated", []string{"红安，大嫂", "（艾灸、培训）", "家政/月嫂", "「劳务品牌」"}, search.Options{}},
		// Same-syllable typos: nothing matches as typed, the homophone
		// correction finds 红安大嫂, 蕲春艾灸, 潜江龙虾.
		{"homophone", []string{"红按大嫂", "蕲春艾久", "潜江龙瞎"}, search.Options{}},
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
	fmt.Printf("%-11s %8s %8s %8s %9s  %s\n", "class", "p50", "p95", "max", "cpu/query", "ranked within / total (first query)")
	for _, c := range classes {
		if *only != "" && c.name != *only {
			continue
		}
		var times []time.Duration
		note := ""
		cpu0 := cpuTime()
		for i, q := range c.queries {
			for r := 0; r < *reps; r++ {
				opts := c.opts
				opts.Limit = 20
				t0 := time.Now()
				res, err := search.Search(ctx, db.Client, q, opts)
				if err != nil {
					log.Fatalf("%s: %v", q, err)
				}
				times = append(times, time.Since(t0))
				if i == 0 && r == 0 {
					note = fmt.Sprintf("%d / %d", res.RankedWithin, res.Total)
				}
				if r == 0 && res.CorrectedQuery != "" {
					note += fmt.Sprintf("; %s → %s", q, res.CorrectedQuery)
				}
			}
		}
		cpu := (cpuTime() - cpu0) / time.Duration(len(times))
		p50, p95, mx := percentiles(times)
		fmt.Printf("%-11s %8s %8s %8s %9s  %s\n", c.name, p50, p95, mx, cpu.Round(100*time.Microsecond), note)
	}
	if *only != "" {
		return
	}
	var times []time.Duration
	cpu0 := cpuTime()
	for _, p := range []string{"红", "红安", "hong", "had", "蕲春艾", "qic"} {
		for r := 0; r < *reps; r++ {
			t0 := time.Now()
			if _, err := search.Suggest(ctx, db.Client, p, 8); err != nil {
				log.Fatal(err)
			}
			times = append(times, time.Since(t0))
		}
	}
	cpu := (cpuTime() - cpu0) / time.Duration(len(times))
	p50, p95, mx := percentiles(times)
	fmt.Printf("%-11s %8s %8s %8s %9s\n", "suggest", p50, p95, mx, cpu.Round(100*time.Microsecond))
	if *samples > 0 {
		if err := measureCorrections(ctx, db.Client, *samples); err != nil {
			log.Fatal(err)
		}
	}
}

// cpuTime is this process's CPU time (user and system). On a busy machine
// wall-clock latencies include waiting for a core; the CPU time a query
// costs does not (SQLite runs in this process; PostgreSQL's share is not
// counted).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func day(s string) *time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &t
}

// percentiles are the nearest-rank p50 and p95 and the maximum, rounded
// to 100 µs.
func percentiles(ts []time.Duration) (p50, p95, mx time.Duration) {
	s := loopback.Sorted(ts)
	r := func(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }
	return r(loopback.Percentile(s, 50)), r(loopback.Percentile(s, 95)), r(loopback.Percentile(s, 100))
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

// Vocabulary of the synthetic reports: trades, places, policy words and
// filler, so frequent terms (劳务品牌, 培训) hit most items and names are rare.
var (
	common = strings.Fields("劳务品牌 培训 就业 技能 服务 企业 农村 返乡 创业 示范 推广 发展 市场 收入 群众 政策 岗位 学员 课程 基地")
	trades = strings.Fields("家政 月嫂 龙虾 艾灸 茶叶 厨师 焊工 电工 物流 电商 养老 护理 建筑 纺织 刺绣 陶艺 木雕 编织 制造 汽车")
	places = strings.Fields("红安 蕲春 潜江 恩施 黄冈 武汉 十堰 宜昌 襄阳 孝感 荆州 咸宁 随州 仙桃 天门 郧西 黄陂 阳新 麻城 罗田")
	people = strings.Fields("师傅 大嫂 匠人 大师 技工 骨干 学徒 代言人 传承人 带头人")
	filler = strings.Fields("近日 记者 了解到 当地 通过 进一步 同时 此外 据介绍 目前 已经 累计 带动 实现 提升 开展 组织 推进 加强 完善")
)

func sentence(r *rand.Rand) string {
	var b strings.Builder
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	b.WriteString(pick(filler))
	b.WriteString("，")
	b.WriteString(pick(places))
	b.WriteString(pick(trades))
	b.WriteString(pick(people))
	for i := 0; i < 3+r.IntN(4); i++ {
		b.WriteString(pick(filler))
		b.WriteString(pick(common))
		if r.IntN(3) == 0 {
			b.WriteString(pick(trades))
		}
	}
	b.WriteString("。")
	return b.String()
}

func generate(ctx context.Context, client *ent.Client, n int) error {
	r := rand.New(rand.NewPCG(1, 2))
	ctx = visibility.WithSystem(search.WithoutIndexing(ctx)) // the tool's own content
	media := []mediacoverage.Medium{mediacoverage.MediumONLINE, mediacoverage.MediumNEWSPAPER, mediacoverage.MediumMAGAZINE, mediacoverage.MediumRADIO, mediacoverage.MediumTV}
	brands, err := client.Brand.Query().IDs(ctx)
	if err != nil {
		return err
	}
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for done := 0; done < n; {
		tx, err := client.Tx(ctx)
		if err != nil {
			return err
		}
		batch := min(1000, n-done)
		builders := make([]*ent.MediaCoverageCreate, 0, batch)
		for i := 0; i < batch; i++ {
			var body strings.Builder
			size := 1000 + r.IntN(4000)
			for body.Len() < size {
				body.WriteString(sentence(r))
				if r.IntN(6) == 0 {
					body.WriteString("\n\n")
				}
			}
			title := sentence(r)
			builders = append(builders, tx.MediaCoverage.Create().
				SetSlug(fmt.Sprintf("bench-%d", done+i)).SetTitleZh([]string{title[:min(len(title), 60*3)]}[0]).
				SetSummaryZh(sentence(r)).SetBodyZh(body.String()).SetOutlet("示例报").
				SetMedium(media[r.IntN(len(media))]).SetPublishedOn(base.Add(time.Duration(r.IntN(3650*24))*time.Hour)).
				SetStatus(schematype.StatusPublished).AddBrandIDs(brands[r.IntN(len(brands))]))
		}
		if err := tx.MediaCoverage.CreateBulk(builders...).Exec(ctx); err != nil {
			_ = tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		done += batch
	}
	return nil
}
