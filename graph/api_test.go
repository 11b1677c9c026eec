package graph_test

import (
	"fmt"
	"math"
	"net/http"
	"sort"
	"strings"
	"testing"

	"brandshow/server/seed"
)

// publishedBrands is the demo data's published brands, the expectation for
// every public list.
func publishedBrands() []seed.BrandSeed {
	var out []seed.BrandSeed
	for _, b := range seed.DemoBrands() {
		if !b.Draft {
			out = append(out, b)
		}
	}
	return out
}

func draftBrand(t *testing.T) seed.BrandSeed {
	for _, b := range seed.DemoBrands() {
		if b.Draft {
			return b
		}
	}
	t.Fatal("demo data has no draft brand")
	return seed.BrandSeed{}
}

type pageInfo struct {
	HasNextPage     bool    `json:"hasNextPage"`
	HasPreviousPage bool    `json:"hasPreviousPage"`
	StartCursor     *string `json:"startCursor"`
	EndCursor       *string `json:"endCursor"`
}

type brandNode struct {
	ID              string `json:"id"`
	Slug            string `json:"slug"`
	NameZh          string `json:"nameZh"`
	Category        string `json:"category"`
	WorkersEmployed int    `json:"workersEmployed"`
}

type brandConn struct {
	TotalCount int      `json:"totalCount"`
	PageInfo   pageInfo `json:"pageInfo"`
	Edges      []struct {
		Cursor string    `json:"cursor"`
		Node   brandNode `json:"node"`
	} `json:"edges"`
}

func (c brandConn) slugs() []string {
	var out []string
	for _, e := range c.Edges {
		out = append(out, e.Node.Slug)
	}
	return out
}

const brandPage = `query($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: BrandWhereInput, $orderBy: BrandOrder) {
  brands(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id slug nameZh category workersEmployed } }
  }
}`

func TestBrandsPagingForwardAndBackward(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		order := map[string]any{"field": "SLUG", "direction": "ASC"}
		var all struct{ Brands brandConn }
		mustQuery(t, h, brandPage, map[string]any{"first": 100, "orderBy": order}, &all)
		want := publishedBrands()
		if all.Brands.TotalCount != len(want) || len(all.Brands.Edges) != len(want) {
			t.Fatalf("totalCount %d, edges %d, want %d published brands", all.Brands.TotalCount, len(all.Brands.Edges), len(want))
		}
		slugs := all.Brands.slugs()
		if !sort.StringsAreSorted(slugs) {
			t.Fatalf("SLUG order not sorted: %v", slugs)
		}

		// Forward, 7 at a time, must walk the same list.
		var walked []string
		var after any
		for pages := 0; ; pages++ {
			var p struct{ Brands brandConn }
			mustQuery(t, h, brandPage, map[string]any{"first": 7, "after": after, "orderBy": order}, &p)
			walked = append(walked, p.Brands.slugs()...)
			if p.Brands.TotalCount != len(want) {
				t.Fatalf("page %d: totalCount %d", pages, p.Brands.TotalCount)
			}
			if !p.Brands.PageInfo.HasNextPage {
				break
			}
			if pages > 20 {
				t.Fatal("paging does not end")
			}
			after = *p.Brands.PageInfo.EndCursor
		}
		if strings.Join(walked, ",") != strings.Join(slugs, ",") {
			t.Fatalf("forward paging gave\n%v\nwant\n%v", walked, slugs)
		}

		// Backward: the 5 items before the 12th.
		var back struct{ Brands brandConn }
		mustQuery(t, h, brandPage, map[string]any{"last": 5, "before": all.Brands.Edges[11].Cursor, "orderBy": order}, &back)
		if got := strings.Join(back.Brands.slugs(), ","); got != strings.Join(slugs[6:11], ",") {
			t.Fatalf("backward page %v, want %v", got, slugs[6:11])
		}
		if !back.Brands.PageInfo.HasPreviousPage {
			t.Fatal("backward page from the middle must have a previous page")
		}
	})
}

func TestBrandsWhereAndOrderBy(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		var want []seed.BrandSeed
		for _, b := range publishedBrands() {
			if b.Category == "QUALITY_SERVICE" && b.WorkersEmployed >= 1000 {
				want = append(want, b)
			}
		}
		if len(want) < 2 {
			t.Fatalf("demo data too small for this test: %d", len(want))
		}
		var got struct{ Brands brandConn }
		mustQuery(t, h, brandPage, map[string]any{
			"first":   100,
			"where":   map[string]any{"category": "QUALITY_SERVICE", "workersEmployedGTE": 1000},
			"orderBy": map[string]any{"field": "WORKERS_EMPLOYED", "direction": "DESC"},
		}, &got)
		if got.Brands.TotalCount != len(want) {
			t.Fatalf("totalCount %d, want %d", got.Brands.TotalCount, len(want))
		}
		for i, e := range got.Brands.Edges {
			if e.Node.Category != "QUALITY_SERVICE" || e.Node.WorkersEmployed < 1000 {
				t.Fatalf("filter not applied: %+v", e.Node)
			}
			if i > 0 && got.Brands.Edges[i-1].Node.WorkersEmployed < e.Node.WorkersEmployed {
				t.Fatalf("not ordered by workersEmployed desc at %d", i)
			}
		}
		// Filter through an edge: brands of one prefecture's counties.
		var byRegion struct{ Brands brandConn }
		mustQuery(t, h, brandPage, map[string]any{
			"first": 100,
			"where": map[string]any{"hasRegionWith": []any{map[string]any{"hasParentWith": []any{map[string]any{"code": "421100"}}}}},
		}, &byRegion)
		parents := regionParents()
		n := 0
		for _, b := range publishedBrands() {
			if parents[b.RegionCode] == "421100" {
				n++
			}
		}
		if byRegion.Brands.TotalCount != n || n == 0 {
			t.Fatalf("brands in Huanggang's counties: %d, want %d (>0)", byRegion.Brands.TotalCount, n)
		}
	})
}

// TestEveryRegionResolvesByCode: every division of Hubei in the demo
// content (the generated regions, all county-level codes included) answers
// region(code:) with its own code, level and parent.
func TestEveryRegionResolvesByCode(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		for _, r := range seed.DemoRegions() {
			var got struct {
				Region *struct {
					Code, Level string
					Name        string
					Parent      *struct{ Code string }
				}
			}
			mustQuery(t, h, `query($c: String!) { region(code: $c) { code level name(lang: EN) parent { code } } }`, map[string]any{"c": r.Code}, &got)
			if got.Region == nil {
				t.Errorf("region(code: %q) is null", r.Code)
				continue
			}
			parent := ""
			if got.Region.Parent != nil {
				parent = got.Region.Parent.Code
			}
			if got.Region.Code != r.Code || got.Region.Level != r.Level || parent != r.ParentCode || got.Region.Name != r.NameEn {
				t.Errorf("region(code: %q) = %+v, want %+v", r.Code, got.Region, r)
			}
		}
	})
}

func regionParents() map[string]string {
	m := map[string]string{}
	for _, r := range seed.DemoRegions() {
		m[r.Code] = r.ParentCode
	}
	return m
}

func TestConnectionsOfEveryRootField(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		counts := map[string]int{
			"brands":         len(publishedBrands()),
			"roleModels":     countPublishedPeople(),
			"enterprises":    len(seed.DemoEnterprises()),
			"alliances":      len(seed.DemoAlliances()),
			"venues":         len(seed.DemoVenues()),
			"mediaCoverages": len(seed.DemoCoverage()),
			"regions":        len(seed.DemoRegions()),
		}
		for field, want := range counts {
			var got map[string]struct {
				TotalCount int `json:"totalCount"`
				Edges      []struct {
					Node struct {
						ID string `json:"id"`
					} `json:"node"`
				} `json:"edges"`
				PageInfo pageInfo `json:"pageInfo"`
			}
			mustQuery(t, h, fmt.Sprintf(`{ %s { totalCount pageInfo { hasNextPage } edges { node { id } } } }`, field), nil, &got)
			c := got[field]
			if c.TotalCount != want {
				t.Errorf("%s totalCount %d, want %d", field, c.TotalCount, want)
			}
			// No first/last: a default page of 20, never the whole table.
			if wantPage := min(want, 20); len(c.Edges) != wantPage {
				t.Errorf("%s default page has %d edges, want %d", field, len(c.Edges), wantPage)
			}
			if c.PageInfo.HasNextPage != (want > 20) {
				t.Errorf("%s hasNextPage %v with %d items", field, c.PageInfo.HasNextPage, want)
			}
		}
	})
}

func countPublishedPeople() int {
	n := 0
	for _, p := range seed.DemoRoleModels() {
		if !p.Draft {
			n++
		}
	}
	return n
}

func TestPageLimitsAndMalformedInput(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		mustFail(t, h, `{ brands(first: 101) { totalCount } }`, nil, "at most 100", "BAD_USER_INPUT")
		mustFail(t, h, `{ brands(last: 1000) { totalCount } }`, nil, "at most 100", "BAD_USER_INPUT")
		mustFail(t, h, `{ brands(first: -1) { totalCount } }`, nil, "must not be negative", "BAD_USER_INPUT")
		mustFail(t, h, `query($n: Int) { brands(first: 5) { edges { node { roleModels(first: $n) { totalCount } } } } }`,
			map[string]any{"n": 500}, "at most 100", "BAD_USER_INPUT")
		mustFail(t, h, `fragment F on Brand { mediaCoverages(first: 101) { totalCount } } { brands(first: 1) { edges { node { ...F } } } }`,
			nil, "at most 100", "BAD_USER_INPUT")
		mustFail(t, h, `{ featuredBrands(first: 101) { id } }`, nil, "at most 100", "BAD_USER_INPUT")
		mustFail(t, h, `{ brands(after: "not-a-cursor") { totalCount } }`, nil, "", "BAD_USER_INPUT")
		mustFail(t, h, `{ node(id: "abc") { id } }`, nil, "", "BAD_USER_INPUT")
		mustFail(t, h, `{ nodes(ids: ["1", "x"]) { id } }`, nil, "", "BAD_USER_INPUT")
		// 100 is allowed.
		var ok struct{ Brands brandConn }
		mustQuery(t, h, brandPage, map[string]any{"first": 100}, &ok)
	})
}

func TestNodeRoundTripForEveryType(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		types := map[string]string{
			"brands": "Brand", "roleModels": "RoleModel", "enterprises": "Enterprise", "alliances": "Alliance",
			"venues": "Venue", "mediaCoverages": "MediaCoverage", "regions": "Region",
		}
		var ids []string
		seen := map[string]string{}
		for field, typ := range types {
			var got map[string]struct {
				Edges []struct {
					Node struct {
						ID string `json:"id"`
					} `json:"node"`
				} `json:"edges"`
			}
			mustQuery(t, h, fmt.Sprintf(`{ %s(first: 2) { edges { node { id } } } }`, field), nil, &got)
			if len(got[field].Edges) == 0 {
				t.Fatalf("%s is empty", field)
			}
			id := got[field].Edges[0].Node.ID
			if other, dup := seen[id]; dup {
				t.Fatalf("id %s used by %s and %s: IDs are not global", id, other, typ)
			}
			seen[id] = typ
			var n struct {
				Node struct {
					Typename string `json:"__typename"`
					ID       string `json:"id"`
				}
			}
			mustQuery(t, h, `query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": id}, &n)
			if n.Node.Typename != typ || n.Node.ID != id {
				t.Fatalf("node(%s) = %+v, want %s", id, n.Node, typ)
			}
			ids = append(ids, id)
		}
		var ns struct {
			Nodes []struct {
				Typename string `json:"__typename"`
				ID       string `json:"id"`
			}
		}
		mustQuery(t, h, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, map[string]any{"ids": ids}, &ns)
		if len(ns.Nodes) != len(ids) {
			t.Fatalf("nodes returned %d, want %d", len(ns.Nodes), len(ids))
		}
		for i, n := range ns.Nodes {
			if n.ID != ids[i] || n.Typename != seen[ids[i]] {
				t.Fatalf("nodes[%d] = %+v, want %s %s", i, n, seen[ids[i]], ids[i])
			}
		}
	})
}

func TestSlugLookups(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		cases := []struct{ field, slug, nameField, want string }{
			{"brand", publishedBrands()[0].Slug, "nameZh", publishedBrands()[0].NameZh},
			{"enterprise", seed.DemoEnterprises()[0].Slug, "nameZh", seed.DemoEnterprises()[0].NameZh},
			{"alliance", seed.DemoAlliances()[0].Slug, "nameZh", seed.DemoAlliances()[0].NameZh},
			{"venue", seed.DemoVenues()[0].Slug, "nameZh", seed.DemoVenues()[0].NameZh},
			{"mediaCoverage", seed.DemoCoverage()[0].Slug, "titleZh", seed.DemoCoverage()[0].TitleZh},
		}
		for _, p := range seed.DemoRoleModels() {
			if !p.Draft {
				cases = append(cases, struct{ field, slug, nameField, want string }{"roleModel", p.Slug, "nameZh", p.NameZh})
				break
			}
		}
		for _, c := range cases {
			var got map[string]map[string]string
			mustQuery(t, h, fmt.Sprintf(`query($s: String!) { %s(slug: $s) { slug %s } }`, c.field, c.nameField), map[string]any{"s": c.slug}, &got)
			if got[c.field]["slug"] != c.slug || got[c.field][c.nameField] != c.want {
				t.Errorf("%s(slug: %q) = %v, want %s", c.field, c.slug, got[c.field], c.want)
			}
			r := post(t, h, fmt.Sprintf(`{ %s(slug: "no-such-slug") { slug } }`, c.field), nil)
			if len(r.Errors) > 0 || string(r.Data) != fmt.Sprintf(`{"%s":null}`, c.field) {
				t.Errorf("unknown %s slug: data %s errors %v, want null and no error", c.field, r.Data, r.Errors)
			}
		}
	})
}

func TestLanguageFallback(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		var untranslated, translated seed.BrandSeed
		for _, b := range publishedBrands() {
			if b.NameEn == "" && untranslated.Slug == "" {
				untranslated = b
			}
			if b.NameEn != "" && translated.Slug == "" {
				translated = b
			}
		}
		if untranslated.Slug == "" || translated.Slug == "" {
			t.Fatal("demo data needs a brand with and one without English")
		}
		q := `query($s: String!) { brand(slug: $s) { zh: name en: name(lang: EN) summaryEn: summary(lang: EN) } }`
		for _, c := range []struct {
			b      seed.BrandSeed
			wantEn string
		}{{untranslated, untranslated.NameZh}, {translated, translated.NameEn}} {
			var got struct{ Brand map[string]string }
			mustQuery(t, h, q, map[string]any{"s": c.b.Slug}, &got)
			if got.Brand["zh"] != c.b.NameZh || got.Brand["en"] != c.wantEn {
				t.Errorf("%s: name zh %q en %q, want %q %q", c.b.Slug, got.Brand["zh"], got.Brand["en"], c.b.NameZh, c.wantEn)
			}
			if got.Brand["summaryEn"] == "" {
				t.Errorf("%s: English summary empty; fallback should give Chinese", c.b.Slug)
			}
		}
	})
}

func TestRegionOneCountyOneBrand(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		parents := regionParents()
		direct, below := map[string]int{}, map[string]int{}
		for _, b := range publishedBrands() {
			direct[b.RegionCode]++
			for code := b.RegionCode; code != ""; code = parents[code] {
				below[code]++
			}
		}
		var got struct {
			Region struct {
				Code       string
				Name       string
				BrandCount int
				Parent     struct{ Code string }
				Brands     struct{ TotalCount int }
				Children   struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							Code       string
							BrandCount int
							Brands     struct {
								TotalCount int
								Edges      []struct{ Node struct{ Slug string } }
							}
						}
					}
				}
			}
		}
		mustQuery(t, h, `{ region(code: "421100") { code name brandCount parent { code } brands { totalCount }
			children(first: 100) { totalCount edges { node { code brandCount brands(first: 10) { totalCount edges { node { slug } } } } } } } }`, nil, &got)
		r := got.Region
		if r.Code != "421100" || r.Parent.Code != "420000" || r.Name != "黄冈市" {
			t.Fatalf("region = %+v", r)
		}
		if r.BrandCount != below["421100"] || r.BrandCount == 0 {
			t.Fatalf("brandCount %d, want %d", r.BrandCount, below["421100"])
		}
		if r.Brands.TotalCount != direct["421100"] {
			t.Fatalf("direct brands %d, want %d", r.Brands.TotalCount, direct["421100"])
		}
		wantChildren := 0
		for _, reg := range seed.DemoRegions() {
			if reg.ParentCode == "421100" {
				wantChildren++
			}
		}
		if r.Children.TotalCount != wantChildren {
			t.Fatalf("children %d, want %d", r.Children.TotalCount, wantChildren)
		}
		for _, c := range r.Children.Edges {
			if c.Node.BrandCount != below[c.Node.Code] || c.Node.Brands.TotalCount != direct[c.Node.Code] {
				t.Errorf("county %s: brandCount %d brands %d, want %d %d", c.Node.Code, c.Node.BrandCount, c.Node.Brands.TotalCount, below[c.Node.Code], direct[c.Node.Code])
			}
		}
		var none struct{ Region *struct{ Code string } }
		mustQuery(t, h, `{ region(code: "999999") { code } }`, nil, &none)
		if none.Region != nil {
			t.Fatal("unknown region code must be null")
		}
	})
}

func TestFeaturedBrandsOrderAndFilters(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		var featured []seed.BrandSeed
		for _, b := range publishedBrands() {
			if b.Featured {
				featured = append(featured, b)
			}
		}
		sort.SliceStable(featured, func(i, j int) bool { return featured[i].FeaturedRank < featured[j].FeaturedRank })
		if len(featured) < 13 {
			t.Fatalf("demo data has %d featured brands; the default of 12 needs more", len(featured))
		}
		type fb struct {
			FeaturedBrands []struct{ Slug, Category string }
		}
		var def fb
		mustQuery(t, h, `{ featuredBrands { slug category } }`, nil, &def)
		if len(def.FeaturedBrands) != 12 {
			t.Fatalf("default featuredBrands returned %d, want 12", len(def.FeaturedBrands))
		}
		for i, b := range def.FeaturedBrands {
			if b.Slug != featured[i].Slug {
				t.Fatalf("featuredBrands[%d] = %s, want %s (curator order)", i, b.Slug, featured[i].Slug)
			}
		}
		var cat fb
		mustQuery(t, h, `{ featuredBrands(first: 100, category: CULTURE_TOURISM) { slug category } }`, nil, &cat)
		wantCat := 0
		for _, b := range featured {
			if b.Category == "CULTURE_TOURISM" {
				wantCat++
			}
		}
		if len(cat.FeaturedBrands) != wantCat {
			t.Fatalf("CULTURE_TOURISM featured: %d, want %d", len(cat.FeaturedBrands), wantCat)
		}
		parents := regionParents()
		prefecture := parents[featured[0].RegionCode]
		if prefecture == "420000" {
			prefecture = featured[0].RegionCode
		}
		wantRegion := 0
		for _, b := range featured {
			if b.RegionCode == prefecture || parents[b.RegionCode] == prefecture {
				wantRegion++
			}
		}
		var reg fb
		mustQuery(t, h, `query($c: String) { featuredBrands(first: 100, regionCode: $c) { slug } }`, map[string]any{"c": prefecture}, &reg)
		if len(reg.FeaturedBrands) != wantRegion || wantRegion == 0 {
			t.Fatalf("featured in %s: %d, want %d", prefecture, len(reg.FeaturedBrands), wantRegion)
		}
	})
}

func TestVenuesNear(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		const lat, lng, radius = 30.58, 114.30, 15.0
		type want struct {
			slug string
			km   float64
		}
		var expected []want
		for _, v := range seed.DemoVenues() {
			if km := haversine(lat, lng, v.Latitude, v.Longitude); km <= radius {
				expected = append(expected, want{v.Slug, km})
			}
		}
		sort.Slice(expected, func(i, j int) bool { return expected[i].km < expected[j].km })
		if len(expected) < 2 {
			t.Fatalf("demo data has %d venues near Wuhan", len(expected))
		}
		var got struct {
			VenuesNear []struct {
				DistanceKm float64
				Venue      struct {
					Slug   string
					Region struct{ Code string }
				}
			}
		}
		mustQuery(t, h, `{ venuesNear(lat: 30.58, lng: 114.30, radiusKm: 15) { distanceKm venue { slug region { code } } } }`, nil, &got)
		if len(got.VenuesNear) != len(expected) {
			t.Fatalf("venuesNear returned %d, want %d", len(got.VenuesNear), len(expected))
		}
		for i, v := range got.VenuesNear {
			if v.Venue.Slug != expected[i].slug || math.Abs(v.DistanceKm-expected[i].km) > 0.001 {
				t.Errorf("venuesNear[%d] = %s %.3f km, want %s %.3f km", i, v.Venue.Slug, v.DistanceKm, expected[i].slug, expected[i].km)
			}
			if v.Venue.Region.Code == "" {
				t.Errorf("venue %s loaded without its region", v.Venue.Slug)
			}
		}
		var one struct{ VenuesNear []any }
		mustQuery(t, h, `{ venuesNear(lat: 30.58, lng: 114.30, radiusKm: 15, first: 1) { distanceKm } }`, nil, &one)
		if len(one.VenuesNear) != 1 {
			t.Fatalf("first: 1 returned %d", len(one.VenuesNear))
		}
		mustFail(t, h, `{ venuesNear(lat: 95, lng: 114.3, radiusKm: 5) { distanceKm } }`, nil, "lat must be between", "BAD_USER_INPUT")
		mustFail(t, h, `{ venuesNear(lat: 30, lng: 114.3, radiusKm: 0) { distanceKm } }`, nil, "radiusKm", "BAD_USER_INPUT")
		mustFail(t, h, `{ venuesNear(lat: 30, lng: 114.3, radiusKm: 5000) { distanceKm } }`, nil, "radiusKm", "BAD_USER_INPUT")
	})
}

func haversine(lat1, lng1, lat2, lng2 float64) float64 {
	const r, rad = 6371.0088, math.Pi / 180
	dLat, dLng := (lat2-lat1)*rad, (lng2-lng1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

func TestStats(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		brands := publishedBrands()
		employed, exported := 0, 0
		byCat, byLevel, byPref := map[string]int{}, map[string]int{}, map[string]int{}
		parents := regionParents()
		for _, b := range brands {
			employed += b.WorkersEmployed
			exported += b.WorkersExported
			byCat[b.Category]++
			byLevel[b.Level]++
			code := b.RegionCode
			for parents[code] != "420000" && parents[code] != "" {
				code = parents[code]
			}
			byPref[code]++
		}
		var got struct {
			Stats struct {
				BrandCount, RoleModelCount, EnterpriseCount, AllianceCount, VenueCount, MediaCoverageCount int
				WorkersEmployed, WorkersExported                                                           int
				BrandsByCategory                                                                           []struct {
					Category string
					Count    int
				}
				BrandsByLevel []struct {
					Level string
					Count int
				}
				BrandsByPrefecture []struct {
					Region struct{ Code, Name string }
					Count  int
				}
			}
		}
		mustQuery(t, h, `{ stats { brandCount roleModelCount enterpriseCount allianceCount venueCount mediaCoverageCount
			workersEmployed workersExported brandsByCategory { category count } brandsByLevel { level count }
			brandsByPrefecture { region { code name } count } } }`, nil, &got)
		s := got.Stats
		if s.BrandCount != len(brands) || s.RoleModelCount != countPublishedPeople() || s.VenueCount != len(seed.DemoVenues()) ||
			s.MediaCoverageCount != len(seed.DemoCoverage()) || s.EnterpriseCount != len(seed.DemoEnterprises()) || s.AllianceCount != len(seed.DemoAlliances()) {
			t.Fatalf("counts %+v", s)
		}
		if s.WorkersEmployed != employed || s.WorkersExported != exported {
			t.Fatalf("workers %d/%d, want %d/%d", s.WorkersEmployed, s.WorkersExported, employed, exported)
		}
		if len(s.BrandsByCategory) != 4 || len(s.BrandsByLevel) != 4 {
			t.Fatalf("every category and level must be listed: %+v %+v", s.BrandsByCategory, s.BrandsByLevel)
		}
		for _, c := range s.BrandsByCategory {
			if c.Count != byCat[c.Category] {
				t.Errorf("category %s: %d, want %d", c.Category, c.Count, byCat[c.Category])
			}
		}
		for _, l := range s.BrandsByLevel {
			if l.Count != byLevel[l.Level] {
				t.Errorf("level %s: %d, want %d", l.Level, l.Count, byLevel[l.Level])
			}
		}
		if len(s.BrandsByPrefecture) != 17 {
			t.Fatalf("brandsByPrefecture lists %d divisions, want 17", len(s.BrandsByPrefecture))
		}
		for _, p := range s.BrandsByPrefecture {
			if p.Count != byPref[p.Region.Code] || p.Region.Name == "" {
				t.Errorf("prefecture %s (%s): %d, want %d", p.Region.Code, p.Region.Name, p.Count, byPref[p.Region.Code])
			}
		}
	})
}

func TestAboutMarksSampleContent(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		var got struct {
			About struct {
				SampleContent bool
				Zh            string
				En            string
			}
		}
		mustQuery(t, h, `{ about { sampleContent zh: notice en: notice(lang: EN) } }`, nil, &got)
		if !got.About.SampleContent || !strings.Contains(got.About.Zh, "示例") || !strings.Contains(got.About.En, "sample") {
			t.Fatalf("about = %+v", got.About)
		}
	})
}
