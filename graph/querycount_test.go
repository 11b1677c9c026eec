package graph_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/event"
	"brandshow/ent/figure"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/recognition"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/store/storetest"
)

// featuredPage is the promotion site's home page query: featured brands with
// their region, three role models each and the number of reports.
const featuredPage = `query FeaturedPage($n: Int) {
  featuredBrands(first: $n) {
    id slug name summary category level
    region { code name parent { code name } }
    roleModels(first: 3) { edges { node { id slug name kind } } }
    mediaCoverages { totalCount }
  }
}`

// TestFeaturedPageHasNoNPlusOne asserts that the featured page costs the same
// number of SQL statements for 5 brands and for 50: every edge is loaded
// with one statement for all brands, not one per brand.
func TestFeaturedPageHasNoNPlusOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, false)
		ctx := visibility.WithSystem(context.Background()) // the fixtures
		c := db.Client
		province := c.Region.Create().SetCode("420000").SetNameZh("湖北省").SetLevel(region.LevelPROVINCE).SaveX(ctx)
		county := c.Region.Create().SetCode("421122").SetNameZh("红安县").SetLevel(region.LevelCOUNTY).SetParent(province).SaveX(ctx)
		for i := range 50 {
			b := c.Brand.Create().SetSlug(fmt.Sprintf("brand-%02d", i)).SetNameZh(fmt.Sprintf("品牌%02d", i)).
				SetRegion(county).SetCategory(brand.CategoryQUALITY_SERVICE).SetLevel(brand.LevelCOUNTY).
				SetFeatured(true).SetFeaturedRank(i).SetStatus(schematype.StatusPublished).SaveX(ctx)
			people := make([]*ent.RoleModelCreate, 4)
			for j := range people {
				people[j] = c.RoleModel.Create().SetSlug(fmt.Sprintf("person-%02d-%d", i, j)).SetNameZh("示例人物").
					SetKind(rolemodel.KindFOUNDER).SetStatus(schematype.StatusPublished).AddBrands(b)
			}
			c.RoleModel.CreateBulk(people...).SaveX(ctx)
			for j := range i%3 + 1 {
				c.MediaCoverage.Create().SetSlug(fmt.Sprintf("report-%02d-%d", i, j)).SetTitleZh("报道").SetOutlet("示例日报").
					SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(time.Date(2024, 1, j+1, 0, 0, 0, 0, time.UTC)).
					SetStatus(schematype.StatusPublished).AddBrands(b).SaveX(ctx)
			}
		}
		h := uncachedHandler(db)
		statements := map[int]int64{}
		for _, n := range []int{5, 50} {
			var got struct {
				FeaturedBrands []struct {
					Slug       string
					Region     struct{ Parent struct{ Code string } }
					RoleModels struct {
						Edges []struct{ Node struct{ Slug string } }
					}
					MediaCoverages struct{ TotalCount int }
				}
			}
			counter.Reset()
			mustQuery(t, h, featuredPage, map[string]any{"n": n}, &got)
			statements[n] = counter.Count()
			if len(got.FeaturedBrands) != n {
				t.Fatalf("featured page with n=%d returned %d brands", n, len(got.FeaturedBrands))
			}
			for i, b := range got.FeaturedBrands {
				if len(b.RoleModels.Edges) != 3 || b.MediaCoverages.TotalCount != i%3+1 || b.Region.Parent.Code != "420000" {
					t.Fatalf("brand %s: %d role models, %d reports, parent %q", b.Slug, len(b.RoleModels.Edges), b.MediaCoverages.TotalCount, b.Region.Parent.Code)
				}
			}
		}
		t.Logf("%s: featured page = %d SQL statements for 5 brands, %d for 50", dia, statements[5], statements[50])
		if statements[5] != statements[50] {
			t.Fatalf("N+1: %d statements for 5 brands, %d for 50", statements[5], statements[50])
		}
		if statements[5] > 6 {
			t.Fatalf("featured page costs %d statements; expected one per edge (≤ 6)", statements[5])
		}
	})
}

// TestNestedConnectionWithoutFirstFetchesOnePage checks that a nested
// connection without first/last is limited in SQL, not only in the answer.
func TestNestedConnectionWithoutFirstFetchesOnePage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, false)
		ctx := visibility.WithSystem(context.Background()) // the fixtures
		c := db.Client
		county := c.Region.Create().SetCode("421122").SetNameZh("红安县").SetLevel(region.LevelCOUNTY).SaveX(ctx)
		b := c.Brand.Create().SetSlug("hongan-dasao").SetNameZh("红安大嫂").SetRegion(county).
			SetCategory(brand.CategoryQUALITY_SERVICE).SetLevel(brand.LevelCOUNTY).SetStatus(schematype.StatusPublished).SaveX(ctx)
		reports := make([]*ent.MediaCoverageCreate, 45)
		for i := range reports {
			reports[i] = c.MediaCoverage.Create().SetSlug(fmt.Sprintf("report-%02d", i)).SetTitleZh("报道").SetOutlet("示例日报").
				SetMedium(mediacoverage.MediumTV).SetPublishedOn(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)).
				SetStatus(schematype.StatusPublished).AddBrands(b)
		}
		c.MediaCoverage.CreateBulk(reports...).SaveX(ctx)
		h := uncachedHandler(db)
		var got struct {
			Brands struct {
				Edges []struct {
					Node struct {
						MediaCoverages struct {
							TotalCount int
							PageInfo   pageInfo
							Edges      []struct{ Node struct{ Slug string } }
						}
					}
				}
			}
		}
		queries := []string{
			`{ brands { edges { node { mediaCoverages { totalCount pageInfo { hasNextPage } edges { node { slug } } } } } } }`,
			// the same again: now the parsed query comes from the cache
			`{ brands { edges { node { mediaCoverages { totalCount pageInfo { hasNextPage } edges { node { slug } } } } } } }`,
			// an explicit null is no page size either
			`query($n: Int) { brands { edges { node { mediaCoverages(first: $n) { totalCount pageInfo { hasNextPage } edges { node { slug } } } } } } }`,
		}
		for _, q := range queries {
			counter.Reset()
			mustQuery(t, h, q, map[string]any{"n": nil}, &got)
			mc := got.Brands.Edges[0].Node.MediaCoverages
			if mc.TotalCount != 45 || len(mc.Edges) != 20 || !mc.PageInfo.HasNextPage {
				t.Fatalf("nested default page: total %d, %d edges, hasNext %v", mc.TotalCount, len(mc.Edges), mc.PageInfo.HasNextPage)
			}
			limited := false
			for _, s := range counter.Statements() {
				if strings.Contains(s, "media_coverages") && strings.Contains(strings.ToUpper(s), "ROW_NUMBER") {
					limited = true
				}
			}
			if !limited {
				t.Fatalf("nested coverage loaded without a row limit:\n%s", strings.Join(counter.Statements(), "\n"))
			}
		}
	})
}

// TestSearchHitsHaveNoNPlusOne: the items of a search page are loaded with
// their selected edges in a fixed number of statements, whatever the page
// size.
func TestSearchHitsHaveNoNPlusOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, true)
		h := uncachedHandler(db)
		q := `query($n: Int) { search(query: "师", types: [BRAND], first: $n) { edges { node { item {
			... on Brand { slug region { name parent { name } } roleModels(first: 2) { edges { node { slug } } } } } } } } }`
		statements := map[int]int64{}
		for _, n := range []int{2, 10} {
			var got struct {
				Search struct {
					Edges []struct {
						Node struct {
							Item struct {
								Slug   string
								Region struct{ Parent struct{ Name string } }
							}
						}
					}
				}
			}
			counter.Reset()
			mustQuery(t, h, q, map[string]any{"n": n}, &got)
			statements[n] = counter.Count()
			if len(got.Search.Edges) != n {
				t.Fatalf("search returned %d hits, want %d (the demo data has more brands with 师)", len(got.Search.Edges), n)
			}
			for _, e := range got.Search.Edges {
				if e.Node.Item.Slug == "" || e.Node.Item.Region.Parent.Name == "" {
					t.Fatalf("hit without its fields or edges: %+v", e.Node.Item)
				}
			}
		}
		t.Logf("%s: search page = %d statements for 2 hits, %d for 10", dia, statements[2], statements[10])
		if statements[2] != statements[10] {
			t.Fatalf("N+1 in search hits: %d statements for 2 hits, %d for 10", statements[2], statements[10])
		}
	})
}

// TestStatsComputesOnlyWhatIsSelected asserts that the home page's key
// figures (brand count and workers employed) cost one statement, and that the
// full set still gives the same figures.
func TestStatsComputesOnlyWhatIsSelected(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, true)
		h := uncachedHandler(db)
		type figures struct {
			Stats struct {
				BrandCount, WorkersEmployed, RoleModelCount int
				BrandsByCategory                            []struct{ Count int }
				BrandsByPrefecture                          []struct{ Count int }
			}
		}
		var small, full figures
		counter.Reset()
		mustQuery(t, h, `{ stats { brandCount workersEmployed } }`, nil, &small)
		if n := counter.Count(); n != 1 {
			t.Errorf("stats { brandCount workersEmployed } took %d statements, want 1:\n%s", n, strings.Join(counter.Statements(), "\n"))
		}
		mustQuery(t, h, `{ stats { brandCount workersEmployed roleModelCount brandsByCategory { count } brandsByPrefecture { count } } }`, nil, &full)
		if small.Stats.BrandCount == 0 || small.Stats.BrandCount != full.Stats.BrandCount || small.Stats.WorkersEmployed != full.Stats.WorkersEmployed {
			t.Errorf("figures differ: small %+v, full %+v", small.Stats, full.Stats)
		}
		sum := func(cs []struct{ Count int }) (n int) {
			for _, c := range cs {
				n += c.Count
			}
			return n
		}
		if sum(full.Stats.BrandsByCategory) != full.Stats.BrandCount || sum(full.Stats.BrandsByPrefecture) != full.Stats.BrandCount || full.Stats.RoleModelCount == 0 {
			t.Errorf("per-category and per-prefecture counts do not add up to %d brands: %+v", full.Stats.BrandCount, full.Stats)
		}
	})
}

// TestOneItemLoadsEdgesWithPlainLimits checks that a lookup by slug or code
// loads its paginated edges as one item's edges (ORDER BY ... LIMIT), not
// with the per-parent window ent uses for lists, which reads every edge row
// of the item (all of a big brand's reports) to keep the first few.
func TestOneItemLoadsEdgesWithPlainLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, true)
		h := uncachedHandler(db)
		for _, q := range []string{
			`{ brand(slug: "hongan-dasao") { slug roleModels(first: 2) { edges { node { slug } } } mediaCoverages(first: 2, orderBy: { field: PUBLISHED_ON, direction: DESC }) { totalCount edges { node { slug } } } } }`,
			`{ region(code: "421100") { code children(first: 3) { edges { node { code } } } brands(first: 2) { edges { node { slug } } } } }`,
			`{ alliance(slug: "nope") { slug } }`,
		} {
			counter.Reset()
			r := post(t, h, q, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("%s: %v", q, r.Errors)
			}
			for _, s := range counter.Statements() {
				if strings.Contains(strings.ToUpper(s), "ROW_NUMBER") {
					t.Errorf("%.60s: a per-parent window for one item:\n%s", q, s)
				}
			}
		}
		var got struct {
			Brand struct {
				RoleModels struct {
					Edges []struct{ Node struct{ Slug string } }
				}
				MediaCoverages struct {
					TotalCount int
					Edges      []struct{ Node struct{ Slug string } }
				}
			}
			Alliance *struct{ Slug string }
		}
		mustQuery(t, h, `{ brand(slug: "hongan-dasao") { roleModels(first: 2) { edges { node { slug } } } mediaCoverages(first: 2) { totalCount edges { node { slug } } } } alliance(slug: "nope") { slug } }`, nil, &got)
		if len(got.Brand.RoleModels.Edges) != 2 || len(got.Brand.MediaCoverages.Edges) != min(2, got.Brand.MediaCoverages.TotalCount) || got.Brand.MediaCoverages.TotalCount == 0 || got.Alliance != nil {
			t.Fatalf("unexpected answer: %+v", got)
		}
	})
}

// brandPageWithRecognitions is a brand page that lists the brand's
// recognitions and its people with theirs, its events, and the brand's
// figures: all, one metric's, the latest of each metric, and the workers
// numbers derived from them.
const brandPageWithRecognitions = `query($slug: String!) {
  brand(slug: $slug) {
    slug name workersEmployed workersExported
    events(first: 50) { totalCount edges { node { slug title startsAt brands(first: 5) { edges { node { slug } } } } } }
    recognitions(first: 50, orderBy: { field: YEAR, direction: DESC }) {
      totalCount
      edges { node { slug title(lang: EN) level issuer year documentNumber batch endedOn endReason sourceURL brand { slug } } }
    }
    roleModels(first: 50) { edges { node { slug recognitions(first: 5) { totalCount edges { node { slug title year } } } } } }
    figures(first: 50) { metric period value asOf source(lang: EN) sourceURL brand { slug } }
    employed: figures(metric: WORKERS_EMPLOYED, first: 50) { period value }
    latestFigures { metric period value asOf source brand { slug } }
  }
}`

// TestBrandPageWithRecognitionsAndFiguresHasNoNPlusOne: the statements of
// a brand page with recognitions (the brand's and its people's) and figures
// do not grow with the number of recognitions and figures.
func TestBrandPageWithRecognitionsAndFiguresHasNoNPlusOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, false)
		ctx := visibility.WithSystem(context.Background())
		c := db.Client
		province := c.Region.Create().SetCode("420000").SetNameZh("湖北省").SetLevel(region.LevelPROVINCE).SaveX(ctx)
		county := c.Region.Create().SetCode("421122").SetNameZh("红安县").SetLevel(region.LevelCOUNTY).SetParent(province).SaveX(ctx)
		sizes := []int{5, 40}
		metrics := []figure.Metric{figure.MetricWORKERS_EMPLOYED, figure.MetricWORKERS_EXPORTED, figure.MetricTRAINED,
			figure.MetricCERTIFIED, figure.MetricPOVERTY_RELIEF_PLACED, figure.MetricRETURNEE_ENTREPRENEURS}
		for _, n := range sizes {
			b := c.Brand.Create().SetSlug(fmt.Sprintf("brand-%d", n)).SetNameZh("品牌").SetRegion(county).
				SetCategory(brand.CategoryQUALITY_SERVICE).SetLevel(brand.LevelPROVINCIAL).SetStatus(schematype.StatusPublished).SaveX(ctx)
			for i := range n {
				p := c.RoleModel.Create().SetSlug(fmt.Sprintf("p-%d-%d", n, i)).SetNameZh("人物").SetKind(rolemodel.KindFOUNDER).
					SetStatus(schematype.StatusPublished).AddBrands(b).SaveX(ctx)
				c.Recognition.Create().SetSlug(fmt.Sprintf("r-%d-%d", n, i)).SetTitleZh("湖北省优秀劳务品牌").
					SetLevel(recognition.LevelPROVINCIAL).SetIssuerZh("湖北省人力资源和社会保障厅").SetYear(2021 + i%4).
					SetDocumentNumber(fmt.Sprintf("鄂人社发〔%d〕%d号", 2021+i%4, i+1)).SetBrand(b).SetStatus(schematype.StatusPublished).SaveX(ctx)
				c.Recognition.Create().SetSlug(fmt.Sprintf("rp-%d-%d", n, i)).SetTitleZh("湖北省技术能手").
					SetLevel(recognition.LevelPROVINCIAL).SetIssuerZh("湖北省人力资源和社会保障厅").SetYear(2023).
					SetRoleModel(p).SetStatus(schematype.StatusPublished).SaveX(ctx)
				c.Figure.Create().SetSlug(fmt.Sprintf("f-%d-%d", n, i)).SetBrand(b).SetMetric(metrics[i%len(metrics)]).
					SetPeriod(2000 + i/len(metrics)).SetValue(100 * (i + 1)).SetSourceZh("湖北省人力资源和社会保障厅").
					SetStatus(schematype.StatusPublished).SaveX(ctx)
				c.Event.Create().SetSlug(fmt.Sprintf("e-%d-%d", n, i)).SetTitleZh("活动").SetKind(event.KindFORUM).
					SetStartsAt(time.Date(2025, 3, 1+i%28, 9, 0, 0, 0, time.UTC)).SetRegion(county).AddBrands(b).
					SetStatus(schematype.StatusPublished).SaveX(ctx)
			}
		}
		h := uncachedHandler(db)
		statements := map[int]int64{}
		for _, n := range sizes {
			var got struct {
				Brand struct {
					WorkersEmployed int
					Events          struct{ TotalCount int }
					Recognitions    struct {
						TotalCount int
						Edges      []struct {
							Node struct {
								Slug  string
								Brand *struct{ Slug string }
							}
						}
					}
					RoleModels struct {
						Edges []struct {
							Node struct{ Recognitions struct{ TotalCount int } }
						}
					}
					Figures []struct {
						Period int
						Brand  struct{ Slug string }
					}
					Employed      []struct{ Period int }
					LatestFigures []struct{ Metric string }
				}
			}
			counter.Reset()
			mustQuery(t, h, brandPageWithRecognitions, map[string]any{"slug": fmt.Sprintf("brand-%d", n)}, &got)
			statements[n] = counter.Count()
			r := got.Brand.Recognitions
			if r.TotalCount != n || len(r.Edges) != n || r.Edges[0].Node.Brand == nil || len(got.Brand.RoleModels.Edges) != n ||
				got.Brand.RoleModels.Edges[0].Node.Recognitions.TotalCount != 1 {
				t.Fatalf("brand with %d recognitions: %+v", n, got.Brand)
			}
			if got.Brand.Events.TotalCount != n || got.Brand.WorkersEmployed == 0 {
				t.Fatalf("brand with %d events: %d events, %d workers employed", n, got.Brand.Events.TotalCount, got.Brand.WorkersEmployed)
			}
			if len(got.Brand.Figures) != n || len(got.Brand.LatestFigures) != min(n, len(metrics)) || len(got.Brand.Employed) != (n+len(metrics)-1)/len(metrics) {
				t.Fatalf("brand with %d figures: %d listed, %d latest, %d employed", n, len(got.Brand.Figures), len(got.Brand.LatestFigures), len(got.Brand.Employed))
			}
		}
		t.Logf("%s: brand page with recognitions, events and figures = %d statements for 5 of each, %d for 40", dia, statements[5], statements[40])
		if statements[5] != statements[40] {
			t.Fatalf("N+1: %d statements for 5 recognitions and figures, %d for 40", statements[5], statements[40])
		}
	})
}
