package graph_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/search"
	"brandshow/server/store"
	"brandshow/server/store/storetest"
)

// searchQuery asks for what the tests check.
const searchQuery = `query($q: String!, $types: [SearchType!], $filter: SearchFilter, $first: Int, $after: Cursor, $correct: Boolean) {
  search(query: $q, types: $types, filter: $filter, first: $first, after: $after, correct: $correct) {
    totalCount rankedWithin correctedQuery
    pageInfo { hasNextPage endCursor }
    facets { types { type count } categories { category count } prefectures { region { code } count } media { medium count } }
    edges { cursor node { score corrected
      item { __typename
        ... on Brand { slug nameZh category region { code } }
        ... on RoleModel { slug }
        ... on Enterprise { slug }
        ... on Alliance { slug }
        ... on Venue { slug }
        ... on Event { slug }
        ... on MediaCoverage { slug medium publishedOn }
      }
      highlights { field excerpt ranges { start end } } } }
  }
}`

type searchResult struct {
	Search struct {
		TotalCount     int
		RankedWithin   *int
		CorrectedQuery *string
		PageInfo       struct {
			HasNextPage bool
			EndCursor   *string
		}
		Facets struct {
			Types []struct {
				Type  string
				Count int
			}
			Categories []struct {
				Category string
				Count    int
			}
			Prefectures []struct {
				Region struct{ Code string }
				Count  int
			}
			Media []struct {
				Medium string
				Count  int
			}
		}
		Edges []struct {
			Cursor string
			Node   struct {
				Score     float64
				Corrected bool
				Item      struct {
					Typename    string `json:"__typename"`
					Slug        string
					Category    string
					Medium      string
					PublishedOn time.Time
					Region      struct{ Code string }
				}
				Highlights []struct {
					Field   string
					Excerpt string
					Ranges  []struct{ Start, End int }
				}
			}
		}
	}
}

func (r searchResult) slugs() []string {
	var out []string
	for _, e := range r.Search.Edges {
		out = append(out, e.Node.Item.Slug)
	}
	return out
}

func runSearch(t *testing.T, h http.Handler, q string, vars map[string]any) searchResult {
	t.Helper()
	if vars == nil {
		vars = map[string]any{}
	}
	vars["q"] = q
	var r searchResult
	mustQuery(t, h, searchQuery, vars, &r)
	return r
}

// searchAll pages through every hit of a query and returns the slugs.
func searchAll(t *testing.T, h http.Handler, q string) []string {
	t.Helper()
	var out []string
	vars := map[string]any{"first": 100}
	for range 20 {
		r := runSearch(t, h, q, vars)
		out = append(out, r.slugs()...)
		if !r.Search.PageInfo.HasNextPage {
			return out
		}
		vars = map[string]any{"first": 100, "after": *r.Search.PageInfo.EndCursor}
	}
	t.Fatalf("%s: too many pages", q)
	return nil
}

// fixture is coverage with known answers, added to the demo content.
var fixture = []struct {
	slug, title, body string
	draft             bool
	medium            mediacoverage.Medium
	date              string
}{
	{"fx-lobster-master", "示例：潜江虾王", "潜江龙虾师傅手艺精湛，一天能烹制上百份。", false, mediacoverage.MediumNEWSPAPER, "2024-03-01"},
	{"fx-lobster-apart", "示例：养殖与培训", "小龙虾养殖规模扩大，虾师培训同步开展。", false, mediacoverage.MediumONLINE, "2024-04-01"},
	{"fx-lobster-draft", "示例：草稿", "这篇龙虾师草稿还没有发布。", true, mediacoverage.MediumONLINE, "2024-05-01"},
	{"fx-app", "示例：ＡＰＰ开发培训班", "学员学习手机App开发。", false, mediacoverage.MediumMAGAZINE, "2023-06-01"},
	{"fx-maternal", "示例：母婴护理新课程", "新课程覆盖产后照护。", false, mediacoverage.MediumTV, "2022-01-15"},
	{"fx-phrase", "示例：短语", "这里写的是红安 大嫂，中间有空格。", false, mediacoverage.MediumRADIO, "2021-07-01"},
}

// withFixture opens a fresh database with the demo content and the fixture
// coverage, written in one transaction as an editor would.
func withFixture(t *testing.T, dia string) (*store.DB, http.Handler) {
	t.Helper()
	db, _ := storetest.Fresh(t, dia, true)
	ctx := visibility.WithSystem(context.Background())
	tx, err := db.Client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hongan := tx.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyIDX(ctx)
	for _, f := range fixture {
		status := schematype.StatusPublished
		if f.draft {
			status = schematype.StatusDraft
		}
		day, _ := time.Parse(time.DateOnly, f.date)
		tx.MediaCoverage.Create().SetSlug(f.slug).SetTitleZh(f.title).SetBodyZh(f.body).SetOutlet("示例报").
			SetMedium(f.medium).SetPublishedOn(day).SetStatus(status).AddBrandIDs(hongan).ExecX(ctx)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return db, handlerFor(db)
}

// publishedTexts returns every published item's searchable texts by slug,
// for a brute-force substring scan.
func publishedTexts(t *testing.T, c *ent.Client) map[string]string {
	ctx := context.Background()
	out := map[string]string{}
	for _, b := range c.Brand.Query().WithRegion().AllX(ctx) {
		out[b.Slug] = strings.Join([]string{b.NameZh, b.SummaryZh, b.StoryZh, b.IndustryZh}, "\n")
	}
	for _, m := range c.MediaCoverage.Query().AllX(ctx) {
		out[m.Slug] = strings.Join([]string{m.TitleZh, m.SummaryZh, m.BodyZh, m.Outlet, m.Author}, "\n")
	}
	for _, p := range c.RoleModel.Query().AllX(ctx) {
		out[p.Slug] = strings.Join(append([]string{p.NameZh, p.TitleZh, p.BioZh, p.StudioZh}, p.HonoursZh...), "\n")
	}
	for _, e := range c.Enterprise.Query().AllX(ctx) {
		out[e.Slug] = strings.Join([]string{e.NameZh, e.SummaryZh}, "\n")
	}
	for _, a := range c.Alliance.Query().AllX(ctx) {
		out[a.Slug] = strings.Join([]string{a.NameZh, a.SummaryZh, a.PurposeZh}, "\n")
	}
	for _, v := range c.Venue.Query().AllX(ctx) {
		out[v.Slug] = strings.Join([]string{v.NameZh, v.SummaryZh, v.AddressZh}, "\n")
	}
	for _, e := range c.Event.Query().AllX(ctx) {
		out[e.Slug] = strings.Join([]string{e.TitleZh, e.SummaryZh, e.OrganiserZh, e.DescriptionZh, e.AddressZh}, "\n")
	}
	return out
}

// TestSearchFindsExactSubstrings: every published item whose text contains
// the query is found (recall 1.0), and nothing that only has the query's
// bigrams apart (龙虾 … 虾师) or is a draft.
func TestSearchFindsExactSubstrings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, h := withFixture(t, dia)
		texts := publishedTexts(t, db.Client)
		for _, q := range []string{"龙虾师", "艾灸", "家政服务", "大别山", "培训基地", "劳务品牌"} {
			var want []string
			for slug, text := range texts {
				if strings.Contains(text, q) {
					want = append(want, slug)
				}
			}
			got := searchAll(t, h, q)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: found %d %v\nwant %d %v", q, len(got), got, len(want), want)
			}
		}
		got := searchAll(t, h, "龙虾师")
		if !slices.Contains(got, "fx-lobster-master") || slices.Contains(got, "fx-lobster-apart") || slices.Contains(got, "fx-lobster-draft") {
			t.Errorf("龙虾师 found %v: want the master, not the split bigrams nor the draft", got)
		}
	})
}

func TestSearchRankingPinyinTraditionalSynonyms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		_, h := withFixture(t, dia)
		for _, q := range []string{"红安大嫂", "紅安大嫂", "hongan dasao", "honganDASAO", "hads", "HADS", "ｈｏｎｇａｎｄａｓａｏ"} {
			r := runSearch(t, h, q, nil)
			if len(r.Search.Edges) == 0 || r.Search.Edges[0].Node.Item.Slug != "hongan-dasao" {
				t.Errorf("%s: first hits %v, want hongan-dasao first", q, r.slugs())
				continue
			}
			first := r.Search.Edges[0].Node
			if first.Score < 200 || first.Highlights[0].Field != "name" || len(first.Highlights[0].Ranges) == 0 {
				t.Errorf("%s: exact name hit %+v", q, first)
			}
		}
		// A body match ranks below every name match.
		r := runSearch(t, h, "红安", map[string]any{"first": 100})
		seenBody := false
		for _, e := range r.Search.Edges {
			inName := e.Node.Score >= 100
			if seenBody && inName {
				t.Errorf("红安: a name match ranks below a body match: %v", r.slugs())
				break
			}
			seenBody = seenBody || !inName
		}
		// Highlights are plain text with ranges that point at the match.
		for _, e := range r.Search.Edges {
			for _, hl := range e.Node.Highlights {
				ex := []rune(hl.Excerpt)
				for _, rg := range hl.Ranges {
					if rg.Start < 0 || rg.End > len(ex) || string(ex[rg.Start:rg.End]) != "红安" {
						t.Fatalf("%s.%s: range %v of %q is not 红安", e.Node.Item.Slug, hl.Field, rg, hl.Excerpt)
					}
				}
			}
		}
		// Synonyms: 月嫂 finds 母婴护理.
		if got := searchAll(t, h, "月嫂"); !slices.Contains(got, "fx-maternal") {
			t.Errorf("月嫂 does not find 母婴护理: %v", got)
		}
		// Full-width and case: ＡＰＰ = app.
		if got := searchAll(t, h, "app"); !slices.Contains(got, "fx-app") {
			t.Errorf("app does not find ＡＰＰ: %v", got)
		}
		// One character finds names and titles.
		if got := searchAll(t, h, "嫂"); !slices.Contains(got, "hongan-dasao") {
			t.Errorf("嫂 does not find 红安大嫂: %v", got)
		}
		// Phrases match as written; terms anywhere.
		if got := searchAll(t, h, `"红安 大嫂"`); !slices.Equal(got, []string{"fx-phrase"}) {
			t.Errorf(`"红安 大嫂" found %v, want only fx-phrase`, got)
		}
		if got := searchAll(t, h, `红安 大嫂`); !slices.Contains(got, "fx-phrase") || !slices.Contains(got, "hongan-dasao") {
			t.Errorf(`红安 大嫂 found %v`, got)
		}
		if got := searchAll(t, h, `龙虾 虾师`); !slices.Contains(got, "fx-lobster-apart") {
			t.Errorf(`龙虾 虾师 (two terms) found %v`, got)
		}
	})
}

func TestSearchFiltersAndFacets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, h := withFixture(t, dia)
		ctx := context.Background()
		r := runSearch(t, h, "劳务品牌", map[string]any{"first": 100})
		sum := 0
		for _, f := range r.Search.Facets.Types {
			sum += f.Count
		}
		if sum != r.Search.TotalCount || r.Search.TotalCount == 0 {
			t.Errorf("type facets sum %d, totalCount %d", sum, r.Search.TotalCount)
		}
		brands := runSearch(t, h, "劳务品牌", map[string]any{"first": 100, "types": []string{"BRAND"}})
		for _, f := range r.Search.Facets.Types {
			if f.Type == "BRAND" && f.Count != brands.Search.TotalCount {
				t.Errorf("BRAND facet %d, BRAND filter finds %d", f.Count, brands.Search.TotalCount)
			}
		}
		for _, e := range brands.Search.Edges {
			if e.Node.Item.Typename != "Brand" {
				t.Errorf("types: [BRAND] found a %s", e.Node.Item.Typename)
			}
		}
		// Region: a prefecture includes its counties.
		huanggang := db.Client.Region.Query().Where(region.Code("421100")).OnlyX(ctx)
		counties := db.Client.Region.Query().Where(region.ParentID(huanggang.ID)).Select(region.FieldCode).StringsX(ctx)
		counties = append(counties, "421100")
		inRegion := runSearch(t, h, "劳务品牌", map[string]any{"first": 100, "types": []string{"BRAND"}, "filter": map[string]any{"regionCode": "421100"}})
		if inRegion.Search.TotalCount == 0 || inRegion.Search.TotalCount >= brands.Search.TotalCount {
			t.Errorf("region filter: %d of %d", inRegion.Search.TotalCount, brands.Search.TotalCount)
		}
		for _, e := range inRegion.Search.Edges {
			if !slices.Contains(counties, e.Node.Item.Region.Code) {
				t.Errorf("region 421100 found a brand in %s", e.Node.Item.Region.Code)
			}
		}
		// Category facet equals the category filter.
		for _, f := range brands.Search.Facets.Categories {
			got := runSearch(t, h, "劳务品牌", map[string]any{"first": 100, "filter": map[string]any{"categories": []string{f.Category}}})
			if got.Search.TotalCount != f.Count {
				t.Errorf("category %s: facet %d, filter %d", f.Category, f.Count, got.Search.TotalCount)
			}
		}
		// Medium and date range on coverage.
		news := runSearch(t, h, "示例", map[string]any{"first": 100, "filter": map[string]any{"media": []string{"NEWSPAPER"},
			"publishedFrom": "2024-01-01T00:00:00Z", "publishedBefore": "2024-12-31T00:00:00Z"}})
		if !slices.Contains(news.slugs(), "fx-lobster-master") {
			t.Errorf("medium+date filter found %v", news.slugs())
		}
		for _, e := range news.Search.Edges {
			if e.Node.Item.Medium != "NEWSPAPER" || e.Node.Item.PublishedOn.Year() != 2024 {
				t.Errorf("medium+date filter found %s %s %s", e.Node.Item.Slug, e.Node.Item.Medium, e.Node.Item.PublishedOn)
			}
		}
	})
}

// TestSearchHostileInput: whatever is typed is data. Nothing errors but
// the too-long query, which is a clear user error, and nothing leaks SQL.
func TestSearchHostileInput(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		for _, q := range []string{`"`, `""`} { // nothing but quotes: an empty query
			mustFail(t, h, searchQuery, map[string]any{"q": q}, "empty", "BAD_USER_INPUT")
		}
		for _, q := range []string{`"红安`, `红安"大嫂`, `AND OR NOT`, `* ( ) : ^ - + ~`, `'; DROP TABLE search_docs; --`,
			`红安' OR '1'='1`, `NEAR(红安 大嫂)`, `name_tokens:红安`, `'红安':*`, `红安 & 大嫂 | !x`, `\x00\\`, "🦞🦞", "红安🦞", `%_%`, `xs_published`} {
			r := post(t, h, searchQuery, map[string]any{"q": q})
			if len(r.Errors) > 0 {
				t.Errorf("%q: %v", q, r.Errors)
			}
		}
		mustFail(t, h, searchQuery, map[string]any{"q": strings.Repeat("龙虾", 101)}, "too long", "BAD_USER_INPUT")
		mustFail(t, h, searchQuery, map[string]any{"q": "   "}, "empty", "BAD_USER_INPUT")
		mustFail(t, h, searchQuery, map[string]any{"q": "红安", "first": 101}, "at most 100", "BAD_USER_INPUT")
		// The search still works afterwards.
		if got := runSearch(t, h, "红安大嫂", nil); len(got.Search.Edges) == 0 {
			t.Error("search broken after hostile input")
		}
	})
}

// TestSearchIndexFollowsContent: publishing, unpublishing and deleting take
// effect at once, and a rolled-back write leaves the index as it was.
func TestSearchIndexFollowsContent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, h := withFixture(t, dia)
		ctx := visibility.WithSystem(context.Background())
		c := db.Client
		found := func() bool { return slices.Contains(searchAll(t, h, "龙虾师草稿"), "fx-lobster-draft") }
		if found() {
			t.Fatal("a draft is found")
		}
		c.MediaCoverage.Update().Where(mediacoverage.Slug("fx-lobster-draft")).SetStatus(schematype.StatusPublished).ExecX(ctx)
		if !found() {
			t.Fatal("a published item is not found at once")
		}
		// A rolled-back unpublish changes nothing.
		tx, _ := c.Tx(ctx)
		tx.MediaCoverage.Update().Where(mediacoverage.Slug("fx-lobster-draft")).SetStatus(schematype.StatusDraft).ExecX(ctx)
		_ = tx.Rollback()
		if !found() {
			t.Fatal("a rolled-back unpublish hid the item")
		}
		// A renamed item is found by its new text only.
		c.MediaCoverage.Update().Where(mediacoverage.Slug("fx-lobster-draft")).SetBodyZh("改写后的正文讲蕲春。").ExecX(ctx)
		if found() {
			t.Fatal("old text still found")
		}
		c.MediaCoverage.Delete().Where(mediacoverage.Slug("fx-lobster-master")).ExecX(ctx)
		if slices.Contains(searchAll(t, h, "龙虾师"), "fx-lobster-master") {
			t.Fatal("a deleted item is still found")
		}
		// A brand moving region moves its coverage in the region filter.
		wuhan := c.Region.Query().Where(region.Code("420100")).OnlyIDX(ctx)
		c.Brand.Update().Where(brand.Slug("hongan-dasao")).SetRegionID(wuhan).ExecX(ctx)
		r := runSearch(t, h, "示例", map[string]any{"first": 100, "filter": map[string]any{"regionCode": "420100"}})
		if !slices.Contains(r.slugs(), "fx-app") {
			t.Errorf("coverage of a moved brand not in its new region: %v", r.slugs())
		}
		// Rebuilding gives the same answers.
		before := searchAll(t, h, "劳务品牌")
		if err := search.Rebuild(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if after := searchAll(t, h, "劳务品牌"); !slices.Equal(before, after) {
			t.Errorf("rebuild changed results:\n%v\n%v", before, after)
		}
	})
}

// TestSearchSameOnBothDatabases compares the top 10 of a set of queries.
func TestSearchSameOnBothDatabases(t *testing.T) {
	dias := storetest.Dialects()
	if len(dias) < 2 {
		t.Skip("needs TEST_POSTGRES_URL")
	}
	queries := []string{"红安大嫂", "家政", "艾灸", "培训", "hongan", "武汉", "劳务品牌 培训", "月嫂", "茶", "示例"}
	tops := map[string][]string{}
	for _, dia := range dias {
		h := handlerFor(storetest.SharedDemo(t, dia))
		for _, q := range queries {
			top := fmt.Sprint(runSearch(t, h, q, map[string]any{"first": 10}).slugs())
			tops[q] = append(tops[q], top)
		}
	}
	for q, ts := range tops {
		if ts[0] != ts[1] {
			t.Errorf("%s: sqlite %s\npostgres %s", q, ts[0], ts[1])
		}
	}
}

func TestSuggest(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		for _, p := range []string{"红安", "紅安大", "hongan", "hongand", "had", "HADS"} {
			var got struct {
				Suggest []struct {
					Text string
					Type string
					Item struct{ Slug string }
				}
			}
			mustQuery(t, h, `query($p: String!) { suggest(prefix: $p, first: 5) { text type item { ... on Brand { slug } } } }`, map[string]any{"p": p}, &got)
			if len(got.Suggest) == 0 || got.Suggest[0].Text != "红安大嫂" || got.Suggest[0].Item.Slug != "hongan-dasao" {
				t.Errorf("suggest(%s) = %+v, want 红安大嫂 first", p, got.Suggest)
			}
		}
		var none struct{ Suggest []struct{ Text string } }
		mustQuery(t, h, `{ suggest(prefix: "🦞") { text } }`, nil, &none)
		if len(none.Suggest) != 0 {
			t.Errorf("suggest(🦞) = %v", none.Suggest)
		}
		mustFail(t, h, `{ suggest(prefix: "红", first: 21) { text } }`, nil, "at most 20", "BAD_USER_INPUT")
	})
}

// TestSearchPunctuationSeparatesTerms: any punctuation or bracket between
// words separates terms as a space does, and Chinese quotation marks quote
// phrases as straight quotes do (issue 18).
func TestSearchPunctuationSeparatesTerms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		_, h := withFixture(t, dia)
		want := searchAll(t, h, "红安 大嫂")
		slices.Sort(want)
		if len(want) < 2 {
			t.Fatalf("红安 大嫂 found %v", want)
		}
		for _, q := range []string{"红安，大嫂", "红安、大嫂", "（红安 大嫂）", "(红安,大嫂)", "【红安】大嫂", "红安/大嫂", "红安；大嫂。", "红安·大嫂", "红安—大嫂", "《红安》《大嫂》", "红安|大嫂"} {
			got := searchAll(t, h, q)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: found %v, want %v (as 红安 大嫂)", q, got, want)
			}
		}
		for _, q := range []string{"“红安 大嫂”", "「红安 大嫂」", "『红安 大嫂』", "＂红安 大嫂＂", "”红安 大嫂”"} {
			if got := searchAll(t, h, q); !slices.Equal(got, []string{"fx-phrase"}) {
				t.Errorf("%s found %v, want only fx-phrase (a phrase)", q, got)
			}
		}
		// A quoted phrase keeps its punctuation: it matches as written.
		if got := searchAll(t, h, "“红安 大嫂，中间”"); !slices.Equal(got, []string{"fx-phrase"}) {
			t.Errorf("a phrase with a comma found %v", got)
		}
		for _, q := range []string{"“”", "「」", "“ ”"} {
			mustFail(t, h, searchQuery, map[string]any{"q": q}, "empty", "BAD_USER_INPUT")
		}
		if r := runSearch(t, h, "，、（）", nil); r.Search.TotalCount != 0 {
			t.Errorf("only punctuation found %d", r.Search.TotalCount)
		}
	})
}

// TestSearchPlaceNameReadings: place names are found by their official
// readings (黄陂 huangpi, not huangbei), in full pinyin, initials and
// suggest (issue 18).
func TestSearchPlaceNameReadings(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		for _, q := range []string{"huangpi yuesao", "huangpiyuesao", "hpys", "huangpi", "qichun aijiu"} {
			r := runSearch(t, h, q, nil)
			want := "huangpi-yuesao"
			if strings.HasPrefix(q, "qichun") {
				want = "qichun-aijiu-shi"
			}
			if len(r.Search.Edges) == 0 || r.Search.Edges[0].Node.Item.Slug != want {
				t.Errorf("%s: first hits %v, want %s first", q, r.slugs(), want)
			}
		}
		if got := searchAll(t, h, "huangbeiyuesao"); len(got) != 0 {
			t.Errorf("huangbeiyuesao (the wrong reading) found %v", got)
		}
		for _, p := range []string{"huangp", "hpy", "huangpiyue"} {
			var got struct{ Suggest []struct{ Text string } }
			mustQuery(t, h, `query($p: String!) { suggest(prefix: $p, first: 5) { text } }`, map[string]any{"p": p}, &got)
			if len(got.Suggest) == 0 || got.Suggest[0].Text != "黄陂月嫂" {
				t.Errorf("suggest(%s) = %+v, want 黄陂月嫂 first", p, got.Suggest)
			}
		}
	})
}

// TestSearchLiteralBeforeSynonym: a match of the word typed outranks a match
// through a synonym only, in fields of equal weight (issue 18: 月嫂 ranked
// a 母婴护理 report above the brand and the report that contain 月嫂).
func TestSearchLiteralBeforeSynonym(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		_, h := withFixture(t, dia)
		r := runSearch(t, h, "月嫂", map[string]any{"first": 100})
		// Per hit: does the word typed occur in a title field, in another field?
		type kind struct{ literalTitle, synonymTitle, literalBody bool }
		var kinds []kind
		for _, e := range r.Search.Edges {
			var k kind
			for _, hl := range e.Node.Highlights {
				title := hl.Field == "name" || (hl.Field == "title" && e.Node.Item.Typename == "MediaCoverage")
				lit := strings.Contains(hl.Excerpt, "月嫂")
				switch {
				case title && lit:
					k.literalTitle = true
				case title:
					k.synonymTitle = true
				case lit:
					k.literalBody = true
				}
			}
			kinds = append(kinds, k)
		}
		found := false
		for i, a := range kinds {
			for j, b := range kinds {
				if j <= i {
					continue
				}
				// b ranks below a: b must not be a literal title match
				// when a matched its title only through the synonym.
				if a.synonymTitle && !a.literalTitle && b.literalTitle {
					t.Errorf("%s (synonym only in the title) ranks above %s (月嫂 in the title): %v", r.Search.Edges[i].Node.Item.Slug, r.Search.Edges[j].Node.Item.Slug, r.slugs())
				}
			}
			found = found || (a.synonymTitle && !a.literalTitle)
		}
		if !found || !slices.Contains(r.slugs(), "huangpi-yuesao") {
			t.Errorf("月嫂 found %v: want 黄陂月嫂 and the 母婴护理 report", r.slugs())
		}
	})
}

// TestSearchHomophoneCorrection: a query that finds nothing is corrected by
// same-syllable characters from the index (红按大嫂 → 红安大嫂), the answer
// says so, a term that matched as typed is never corrected, drafts never
// feed a correction, and correct: false turns it off (issue 18).
func TestSearchHomophoneCorrection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, h := withFixture(t, dia)
		ctx := visibility.WithSystem(context.Background())
		day, _ := time.Parse(time.DateOnly, "2020-02-02")
		db.Client.MediaCoverage.Create().SetSlug("fx-typo").SetTitleZh("示例：红按错字").SetOutlet("示例报").
			SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(day).SetStatus(schematype.StatusPublished).ExecX(ctx)
		db.Client.MediaCoverage.Create().SetSlug("fx-draft-berry").SetTitleZh("示例：蓝莓工坊草稿").SetOutlet("示例报").
			SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(day).SetStatus(schematype.StatusDraft).ExecX(ctx)
		h = handlerFor(db)

		for _, c := range []struct{ q, want, first string }{
			{"红按大嫂", "红安大嫂", "hongan-dasao"},
			{"紅按大嫂", "红安大嫂", "hongan-dasao"},
			{"红桉 大嫂", "红安 大嫂", ""},
			{"黄披月嫂", "黄陂月嫂", "huangpi-yuesao"},
		} {
			r := runSearch(t, h, c.q, map[string]any{"first": 100})
			if r.Search.CorrectedQuery == nil || *r.Search.CorrectedQuery != c.want {
				t.Errorf("%s: correctedQuery %v, want %s", c.q, r.Search.CorrectedQuery, c.want)
				continue
			}
			if len(r.Search.Edges) == 0 || (c.first != "" && r.Search.Edges[0].Node.Item.Slug != c.first) {
				t.Errorf("%s: hits %v, want %s first", c.q, r.slugs(), c.first)
			}
			exact := searchAll(t, h, c.want)
			if got := searchAll(t, h, c.q); !slices.Equal(got, exact) {
				t.Errorf("%s: corrected hits %v, want those of %s: %v", c.q, got, c.want, exact)
			}
			for _, e := range r.Search.Edges {
				if !e.Node.Corrected {
					t.Errorf("%s: hit %s not flagged as corrected", c.q, e.Node.Item.Slug)
				}
			}
			off := runSearch(t, h, c.q, map[string]any{"correct": false})
			if off.Search.CorrectedQuery != nil || off.Search.TotalCount != 0 {
				t.Errorf("%s with correct: false: %v %v", c.q, off.Search.CorrectedQuery, off.slugs())
			}
		}
		// Terms that match as typed are never corrected: 红按 occurs (a real
		// typo in a title), so only that report is found, as typed.
		for _, q := range []string{"红按", "红安大嫂", "月嫂", "红安 大嫂"} {
			r := runSearch(t, h, q, map[string]any{"first": 100})
			if r.Search.CorrectedQuery != nil || len(r.Search.Edges) == 0 {
				t.Errorf("%s: correctedQuery %v, %d hits", q, r.Search.CorrectedQuery, len(r.Search.Edges))
			}
			for _, e := range r.Search.Edges {
				if e.Node.Corrected {
					t.Errorf("%s: exact hit %s flagged as corrected", q, e.Node.Item.Slug)
				}
			}
		}
		if got := searchAll(t, h, "红按"); !slices.Equal(got, []string{"fx-typo"}) {
			t.Errorf("红按 found %v, want the report with the typo only", got)
		}
		// A draft never feeds a correction (蓝梅 → 蓝莓 only exists in a draft).
		if r := runSearch(t, h, "蓝梅工坊", nil); r.Search.CorrectedQuery != nil || r.Search.TotalCount != 0 {
			t.Errorf("蓝梅工坊 corrected through a draft: %v %v", r.Search.CorrectedQuery, r.slugs())
		}
		// Filters apply to the correction too.
		if r := runSearch(t, h, "红按大嫂", map[string]any{"types": []string{"VENUE"}, "filter": map[string]any{"regionCode": "420100"}}); r.Search.TotalCount != 0 {
			t.Errorf("红按大嫂 in Wuhan venues found %v", r.slugs())
		}
	})
}
