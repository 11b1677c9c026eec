package seed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"
	"brandshow/server/search"
)

// SyntheticSizes says how much synthetic content to generate. Tests and
// benchmarks use small sizes; DefaultSyntheticSizes is a large province.
type SyntheticSizes struct {
	Brands, RoleModels, Coverage, Venues, Enterprises, Alliances int
	// Progress receives one line per finished batch and a summary; nil
	// prints nothing.
	Progress io.Writer
}

// DefaultSyntheticSizes is what `server seed --synthetic` generates without
// size flags: far more than Hubei has, to find what slows down at scale.
func DefaultSyntheticSizes() SyntheticSizes {
	return SyntheticSizes{Brands: 10000, RoleModels: 50000, Coverage: 100000, Venues: 2000, Enterprises: 500, Alliances: 200}
}

// SyntheticSlugPrefix starts the slug of every synthetic item, so they are
// told apart from real and demo content (and a second run is refused).
const SyntheticSlugPrefix = "syn-"

// syntheticBatch rows go into one multi-row INSERT and one transaction,
// together with their search index rows. It keeps every statement under
// SQLite's and PostgreSQL's bound-parameter limits (about 30 columns × 500).
const syntheticBatch = 500

// Zipf exponent of coverage per brand: with 10,000 brands the top brand
// has about a tenth of all reports and the median brand one or two.
const coverageZipfS = 1.1

// Synthetic writes generated content in Hubei's real regions (the demo
// regions, created when missing): brands, role models, enterprises,
// alliances, venues and media coverage of 1–5 KB of Chinese text, mostly
// published with a few drafts. Coverage per brand follows a Zipf law, so a
// few brands have many reports and most have few. The same seed gives the
// same content (slugs, texts, links, dates); IDs depend on what the
// database held before.
//
// Rows are written in batches of syntheticBatch, each in its own transaction
// together with the search index rows of its items (built exactly as the
// search hook builds them), so everything generated is searchable. A failed
// run leaves the batches committed before the failure. A database that
// already holds synthetic content is refused.
func Synthetic(ctx context.Context, client *ent.Client, sizes SyntheticSizes, seed uint64) (Result, error) {
	for _, n := range []int{sizes.Brands, sizes.RoleModels, sizes.Coverage, sizes.Venues, sizes.Enterprises, sizes.Alliances} {
		if n < 0 {
			return Result{}, fmt.Errorf("synthetic: sizes must not be negative, got %d", n)
		}
	}
	if sizes.Brands < 1 && (sizes.RoleModels > 0 || sizes.Coverage > 0 || sizes.Venues > 0 || sizes.Enterprises > 0 || sizes.Alliances > 0) {
		return Result{}, errors.New("synthetic: content hangs off brands: brands must be at least 1")
	}
	ctx = visibility.WithSystem(ctx) // the server's own content, drafts included
	exists, err := client.Brand.Query().Where(brand.SlugHasPrefix(SyntheticSlugPrefix)).Exist(ctx)
	if err != nil {
		return Result{}, fmt.Errorf("synthetic: %w", err)
	}
	if exists {
		return Result{}, errors.New("synthetic: the database already holds synthetic content; generate into an empty database")
	}
	g := &synth{
		client: client, sizes: sizes, out: sizes.Progress,
		r:     rand.New(rand.NewPCG(seed, 0x6272616e6473686f)), // "brandsho"
		start: time.Now(),
	}
	if g.out == nil {
		g.out = io.Discard
	}
	if err := g.regions(ctx); err != nil {
		return g.res, fmt.Errorf("synthetic: regions: %w", err)
	}
	steps := []struct {
		name string
		run  func(context.Context) error
	}{
		{"brands", g.brands},
		{"role models", g.roleModels},
		{"enterprises", g.enterprises},
		{"alliances", g.alliances},
		{"venues", g.venues},
		{"coverage", g.coverage},
	}
	// The hook would index row by row; each batch indexes itself instead.
	wctx := search.WithoutIndexing(ctx)
	for _, s := range steps {
		if err := s.run(wctx); err != nil {
			return g.res, fmt.Errorf("synthetic: %s: %w", s.name, err)
		}
	}
	fmt.Fprintf(g.out, "synthetic: %d items in %s\n", g.res.Total(), time.Since(g.start).Round(time.Millisecond))
	return g.res, nil
}

// synth is one run of the generator: the random source and what earlier
// steps created, which later steps link to.
type synth struct {
	client *ent.Client
	sizes  SyntheticSizes
	out    io.Writer
	r      *rand.Rand
	start  time.Time
	res    Result

	places   []synthPlace // counties (and a few prefectures) brands come from
	brandIDs []int        // in creation order
	brandOf  []synthBrand // same order
	byPlace  map[int][]int
	// roleModelsOf lists each brand's role models (index into brandIDs).
	roleModelsOf  [][]int
	enterpriseIDs []int
	coverageRank  []int // brand indexes from most to least covered
}

type synthPlace struct {
	id         int
	short      string // 红安 of 红安县
	name, en   string
	lat, lng   float64
	prefecture int // region ID of the prefecture
}

type synthBrand struct {
	name, industry string
	category       brand.Category
	place          int // index into places
}

// regions creates the demo regions when missing and picks the places.
func (g *synth) regions(ctx context.Context) error {
	res, err := LoadRegions(ctx, g.client)
	if err != nil {
		return err
	}
	g.res.Regions = res.Regions
	rs, err := g.client.Region.Query().Order(region.ByCode()).All(ctx)
	if err != nil {
		return err
	}
	byID := map[int]*ent.Region{}
	for _, r := range rs {
		byID[r.ID] = r
	}
	for _, r := range rs {
		if r.Level == region.LevelPROVINCE || r.Latitude == nil || r.Longitude == nil {
			continue
		}
		p := synthPlace{id: r.ID, name: r.NameZh, en: r.NameEn, lat: *r.Latitude, lng: *r.Longitude, short: shortName(r.NameZh)}
		switch {
		case r.Level == region.LevelPREFECTURE:
			p.prefecture = r.ID
		case r.ParentID != nil:
			p.prefecture = *r.ParentID
		}
		g.places = append(g.places, p)
	}
	if len(g.places) == 0 {
		return errors.New("no regions with coordinates")
	}
	return nil
}

// shortName drops the administrative suffix: 红安县 → 红安, 恩施土家族苗族自治州 → 恩施.
func shortName(name string) string {
	for _, suffix := range []string{"土家族苗族自治州", "土家族自治县", "林区", "新区", "县", "市", "区"} {
		if s, ok := strings.CutSuffix(name, suffix); ok && len([]rune(s)) >= 2 {
			return s
		}
	}
	return name
}

// progress prints one line per batch: what, how many so far, time since start.
func (g *synth) progress(what string, done, total int) {
	fmt.Fprintf(g.out, "synthetic: %-11s %7d/%-7d %s\n", what, done, total, time.Since(g.start).Round(time.Millisecond))
}

// batches runs write for [from, to) slices of n items, each in a
// transaction that also indexes the created items.
func (g *synth) batches(ctx context.Context, what string, n int, typ search.ItemType,
	write func(ctx context.Context, tx *ent.Tx, from, to int) ([]int, error)) error {
	for from := 0; from < n; from += syntheticBatch {
		to := min(n, from+syntheticBatch)
		tx, err := g.client.Tx(ctx)
		if err != nil {
			return err
		}
		ids, err := write(ctx, tx, from, to)
		if err == nil {
			err = search.Reindex(ctx, tx.Client(), typ, ids)
		}
		if err != nil {
			_ = tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		g.progress(what, to, n)
	}
	return nil
}

// Vocabulary. Trades carry their policy category (四) and an English name;
// the words of the texts are chosen so that common terms (劳务品牌, 培训)
// hit most items and brand and place names are rare.
type trade struct {
	zh, en   string
	category brand.Category
}

var (
	synthTrades = []trade{
		{"家政", "Housekeeping", brand.CategoryQUALITY_SERVICE}, {"月嫂", "Maternity Care", brand.CategoryQUALITY_SERVICE},
		{"养老护理", "Elderly Care", brand.CategoryQUALITY_SERVICE}, {"厨师", "Cooking", brand.CategoryQUALITY_SERVICE},
		{"保安", "Security", brand.CategoryQUALITY_SERVICE}, {"茶艺", "Tea Art", brand.CategoryCULTURE_TOURISM},
		{"刺绣", "Embroidery", brand.CategoryCULTURE_TOURISM}, {"陶艺", "Pottery", brand.CategoryCULTURE_TOURISM},
		{"木雕", "Wood Carving", brand.CategoryCULTURE_TOURISM}, {"民宿", "Homestay", brand.CategoryCULTURE_TOURISM},
		{"编织", "Weaving", brand.CategoryCULTURE_TOURISM}, {"焊工", "Welding", brand.CategoryLIVELIHOOD},
		{"电工", "Electrical Work", brand.CategoryLIVELIHOOD}, {"建筑", "Construction", brand.CategoryLIVELIHOOD},
		{"物流", "Logistics", brand.CategoryLIVELIHOOD}, {"纺织", "Textiles", brand.CategoryLIVELIHOOD},
		{"龙虾", "Crayfish", brand.CategoryLIVELIHOOD}, {"数控", "CNC Machining", brand.CategoryHIGH_END_SKILLED},
		{"软件", "Software", brand.CategoryHIGH_END_SKILLED}, {"新能源", "New Energy", brand.CategoryHIGH_END_SKILLED},
		{"光电", "Optoelectronics", brand.CategoryHIGH_END_SKILLED}, {"汽车", "Automotive", brand.CategoryHIGH_END_SKILLED},
		{"生物医药", "Biomedicine", brand.CategoryHIGH_END_SKILLED},
	}
	synthPersons   = []struct{ zh, en string }{{"嫂", "Sisters"}, {"姐", "Sisters"}, {"师", "Masters"}, {"匠", "Craftsmen"}, {"工", "Workers"}, {"哥", "Brothers"}}
	synthSurnames  = strings.Fields("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 邓 冯 曹")
	synthGiven     = strings.Fields("建国 秀英 桂兰 志强 丽华 海燕 春梅 德明 玉兰 红霞 文杰 晓东 凤英 国庆 小平 金凤 永红 爱华 立新 淑珍")
	synthCommon    = strings.Fields("劳务品牌 培训 就业 技能 服务 企业 农村 返乡 创业 示范 推广 发展 市场 收入 群众 政策 岗位 学员 课程 基地")
	synthFiller    = strings.Fields("近日 记者 了解到 当地 通过 进一步 同时 此外 据介绍 目前 已经 累计 带动 实现 提升 开展 组织 推进 加强 完善")
	synthPeople    = strings.Fields("师傅 大嫂 匠人 大师 技工 骨干 学徒 代言人 传承人 带头人")
	synthOutlets   = strings.Fields("湖北日报（示例） 楚天都市报（示例） 长江日报（示例） 湖北广播电视台（示例） 荆楚网（示例） 中国劳动保障报（示例） 农民日报（示例）")
	synthHonours   = strings.Fields("湖北省技术能手 荆楚工匠 全国五一劳动奖章 湖北省劳动模范 市级技能大师 乡村振兴带头人")
	synthMedia     = []mediacoverage.Medium{mediacoverage.MediumONLINE, mediacoverage.MediumNEWSPAPER, mediacoverage.MediumMAGAZINE, mediacoverage.MediumRADIO, mediacoverage.MediumTV, mediacoverage.MediumFILM}
	synthMediaW    = []int{40, 30, 10, 7, 10, 3}
	synthLevels    = []brand.Level{brand.LevelCOUNTY, brand.LevelCITY, brand.LevelPROVINCIAL, brand.LevelNATIONAL}
	synthLevelsW   = []int{60, 28, 10, 2}
	synthKinds     = []rolemodel.Kind{rolemodel.KindFOUNDER, rolemodel.KindINHERITOR, rolemodel.KindCONTRIBUTOR, rolemodel.KindAMBASSADOR, rolemodel.KindSKILL_MASTER}
	synthKindsW    = []int{15, 15, 45, 10, 15}
	synthVenues    = []venue.Kind{venue.KindHERITAGE_WORKSHOP, venue.KindEXPERIENCE_HALL, venue.KindEXPERIENCE_STREET, venue.KindBUSINESS_DISTRICT, venue.KindINDUSTRIAL_PARK, venue.KindENTREPRENEURSHIP_PARK, venue.KindTRAINING_BASE}
	synthVenueName = []string{"非遗工坊", "劳务品牌文化体验馆", "劳务品牌文化街", "劳务品牌商圈", "产业园", "返乡创业园", "培训基地"}
	synthRatings   = []brand.CreditRating{brand.CreditRatingAAA, brand.CreditRatingAA, brand.CreditRatingA, brand.CreditRatingB}
	// synthEpoch is the earliest synthetic date; everything falls within
	// ten years of it, so dates never depend on when the generator runs.
	synthEpoch = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
)

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// weighted picks from list with the given weights.
func weighted[T any](r *rand.Rand, list []T, weights []int) T {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return list[i]
		}
		n -= w
	}
	return list[len(list)-1]
}

// draft is true for about 3% of the items: unpublished work in progress.
func (g *synth) draft() bool { return g.r.IntN(100) < 3 }

func (g *synth) date() time.Time {
	return synthEpoch.Add(time.Duration(g.r.IntN(10*365*24)) * time.Hour)
}

func publication(draft bool, at time.Time) (schematype.Status, *time.Time) {
	if draft {
		return schematype.StatusDraft, nil
	}
	return schematype.StatusPublished, &at
}

// sentence is one sentence of report-like Chinese, about 60–120 bytes.
func (g *synth) sentence(place, trade string) string {
	r := g.r
	var b strings.Builder
	b.WriteString(pick(r, synthFiller))
	b.WriteString("，")
	b.WriteString(place)
	b.WriteString(trade)
	b.WriteString(pick(r, synthPeople))
	for i := 0; i < 3+r.IntN(4); i++ {
		b.WriteString(pick(r, synthFiller))
		b.WriteString(pick(r, synthCommon))
		if r.IntN(3) == 0 {
			b.WriteString(pick(r, synthTrades).zh)
		}
	}
	b.WriteString("。")
	return b.String()
}

// text is paragraphs of sentences of about size bytes.
func (g *synth) text(size int, place, trade string) string {
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(g.sentence(place, trade))
		if g.r.IntN(6) == 0 && b.Len() < size {
			b.WriteString("\n\n")
		}
	}
	return strings.TrimSpace(b.String())
}

func (g *synth) personName() string {
	return pick(g.r, synthSurnames) + pick(g.r, synthGiven)
}
