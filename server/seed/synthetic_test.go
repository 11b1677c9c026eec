package seed_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/search"
	"brandshow/server/seed"
	"brandshow/server/store/storetest"
)

// smallSizes keep the generator tests fast; coverage is large enough for
// its Zipf distribution to show.
var smallSizes = seed.SyntheticSizes{Brands: 120, RoleModels: 300, Coverage: 1200, Venues: 40, Enterprises: 15, Alliances: 8}

// fingerprint summarises the generated content (without IDs, which depend
// on the database): every item's slug, texts and links, hashed in slug order.
func fingerprint(t *testing.T, client *ent.Client) string {
	t.Helper()
	ctx := visibility.WithDrafts(context.Background())
	var lines []string
	for _, b := range client.Brand.Query().WithRegion().AllX(ctx) {
		lines = append(lines, fmt.Sprint(b.Slug, b.NameZh, b.StoryZh, b.Category, b.Level, b.Status, b.Featured, b.FeaturedRank, b.WorkersEmployed, b.Edges.Region.Code))
	}
	for _, p := range client.RoleModel.Query().WithBrands().AllX(ctx) {
		lines = append(lines, fmt.Sprint(p.Slug, p.NameZh, p.BioZh, p.Kind, p.Status, slugsOf(p.Edges.Brands)))
	}
	for _, c := range client.MediaCoverage.Query().WithBrands().AllX(ctx) {
		lines = append(lines, fmt.Sprint(c.Slug, c.TitleZh, c.BodyZh, c.Medium, c.PublishedOn.UTC(), c.Status, slugsOf(c.Edges.Brands)))
	}
	for _, v := range client.Venue.Query().WithBrands().AllX(ctx) {
		lines = append(lines, fmt.Sprint(v.Slug, v.NameZh, v.Latitude, v.Longitude, slugsOf(v.Edges.Brands)))
	}
	for _, a := range client.Alliance.Query().WithBrands().AllX(ctx) {
		lines = append(lines, fmt.Sprint(a.Slug, a.NameZh, slugsOf(a.Edges.Brands)))
	}
	for _, e := range client.Enterprise.Query().WithBrands().AllX(ctx) {
		lines = append(lines, fmt.Sprint(e.Slug, e.NameZh, slugsOf(e.Edges.Brands)))
	}
	sort.Strings(lines)
	return fmt.Sprintf("%x", sha256.Sum256([]byte(strings.Join(lines, "\n"))))
}

func slugsOf(bs []*ent.Brand) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Slug)
	}
	slices.Sort(out)
	return out
}

// TestSyntheticIsReproducible generates twice with one seed (the same
// content) and once with another (different content).
func TestSyntheticIsReproducible(t *testing.T) {
	ctx := context.Background()
	gen := func(seedValue uint64) string {
		db, _ := storetest.Fresh(t, "sqlite3", false)
		if _, err := seed.Synthetic(ctx, db.Client, smallSizes, seedValue); err != nil {
			t.Fatal(err)
		}
		return fingerprint(t, db.Client)
	}
	a, b, c := gen(7), gen(7), gen(8)
	if a != b {
		t.Fatalf("seed 7 twice gave different content: %s vs %s", a, b)
	}
	if a == c {
		t.Fatal("seeds 7 and 8 gave the same content")
	}
}

// TestSyntheticSizesDistributionAndSearch checks, on each database, that
// the sizes are honoured, that coverage is concentrated on a few brands,
// that most content is published with a few drafts, and that search finds
// the generated items (and not the drafts).
func TestSyntheticSizesDistributionAndSearch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := context.Background()
		res, err := seed.Synthetic(ctx, db.Client, smallSizes, 1)
		if err != nil {
			t.Fatal(err)
		}
		dctx := visibility.WithDrafts(ctx)
		c := db.Client
		counts := map[string][2]int{ // what: {wanted, in the database}
			"brands":      {smallSizes.Brands, c.Brand.Query().CountX(dctx)},
			"role models": {smallSizes.RoleModels, c.RoleModel.Query().CountX(dctx)},
			"coverage":    {smallSizes.Coverage, c.MediaCoverage.Query().CountX(dctx)},
			"venues":      {smallSizes.Venues, c.Venue.Query().CountX(dctx)},
			"enterprises": {smallSizes.Enterprises, c.Enterprise.Query().CountX(dctx)},
			"alliances":   {smallSizes.Alliances, c.Alliance.Query().CountX(dctx)},
			"result":      {smallSizes.Brands + smallSizes.RoleModels + smallSizes.Coverage + smallSizes.Venues + smallSizes.Enterprises + smallSizes.Alliances, res.Total() - res.Regions},
		}
		for what, n := range counts {
			if n[0] != n[1] {
				t.Errorf("%s: %d in the database, asked for %d", what, n[1], n[0])
			}
		}
		if res.Regions != len(seed.DemoRegions()) {
			t.Errorf("created %d regions in an empty database, want the %d demo regions", res.Regions, len(seed.DemoRegions()))
		}

		// Every item is attached to real regions and has an index row.
		if n := c.Brand.Query().Where(brand.Not(brand.HasRegion())).CountX(dctx); n != 0 {
			t.Errorf("%d brands without a region", n)
		}
		if n, want := c.SearchDoc.Query().CountX(dctx), counts["result"][0]; n != want {
			t.Errorf("search index has %d rows for %d items", n, want)
		}

		// Mostly published, a few drafts.
		drafts := c.MediaCoverage.Query().Where(mediacoverage.StatusEQ(schematype.StatusDraft)).CountX(dctx)
		if drafts == 0 || drafts > smallSizes.Coverage/10 {
			t.Errorf("%d of %d reports are drafts, want a few", drafts, smallSizes.Coverage)
		}

		// Coverage per brand: the top brand has many times the median.
		links := c.MediaCoverageBrand.Query().AllX(dctx)
		perBrand := map[int]int{}
		for _, l := range links {
			perBrand[l.BrandID]++
		}
		var ns []int
		for _, b := range c.Brand.Query().IDsX(dctx) {
			ns = append(ns, perBrand[b])
		}
		sort.Sort(sort.Reverse(sort.IntSlice(ns)))
		top, median := ns[0], ns[len(ns)/2]
		if top < 10*max(median, 1) || top < 50 {
			t.Errorf("coverage per brand: top %d, median %d; want a few brands with many stories", top, median)
		}

		// Search finds a published brand by its name and a report by a
		// phrase of its body; the public does not find drafts.
		b := c.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).Order(brand.ByID()).FirstX(ctx)
		found, err := search.Search(ctx, c, b.NameZh, search.Options{Types: []search.ItemType{search.TypeBrand}, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if !hasItem(found, b.ID) {
			t.Errorf("search %q: brand %d not among %d hits", b.NameZh, b.ID, found.Total)
		}
		report := c.MediaCoverage.Query().Where(mediacoverage.StatusEQ(schematype.StatusPublished)).Order(mediacoverage.ByID()).FirstX(ctx)
		// A piece of the second sentence, between its comma and its end.
		phrase := []rune(strings.Split(strings.Split(report.BodyZh, "。")[1], "，")[1])
		query := `"` + string(phrase[:min(len(phrase), 10)]) + `" ` + strings.Split(report.TitleZh, "：")[0]
		found, err = search.Search(ctx, c, query, search.Options{Types: []search.ItemType{search.TypeMediaCoverage}, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if !hasItem(found, report.ID) {
			t.Errorf("search %q: report %d not among %d hits", query, report.ID, found.Total)
		}
		draft := c.MediaCoverage.Query().Where(mediacoverage.StatusEQ(schematype.StatusDraft)).FirstX(dctx)
		found, err = search.Search(ctx, c, draft.TitleZh, search.Options{Types: []search.ItemType{search.TypeMediaCoverage}, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if hasItem(found, draft.ID) {
			t.Errorf("the public found draft report %d", draft.ID)
		}
		if found, err = search.Search(dctx, c, draft.TitleZh, search.Options{Types: []search.ItemType{search.TypeMediaCoverage}, Limit: 100}); err != nil || !hasItem(found, draft.ID) {
			t.Errorf("editors do not find draft report %d (%v): it is not indexed", draft.ID, err)
		}

		// A second run is refused and changes nothing.
		if _, err := seed.Synthetic(ctx, c, smallSizes, 2); err == nil || !strings.Contains(err.Error(), "already holds synthetic content") {
			t.Errorf("second run: %v, want a refusal", err)
		}
		if n := c.Brand.Query().CountX(dctx); n != smallSizes.Brands {
			t.Errorf("after the refused run: %d brands", n)
		}
	})
}

func hasItem(res *search.Result, id int) bool {
	for _, h := range res.Hits {
		if h.Doc.ItemID == id {
			return true
		}
	}
	return false
}

// TestSyntheticRejectsBadSizes: negative sizes, or content without brands
// to hang off, are errors that write nothing.
func TestSyntheticRejectsBadSizes(t *testing.T) {
	db, _ := storetest.Fresh(t, "sqlite3", false)
	ctx := context.Background()
	for _, sizes := range []seed.SyntheticSizes{{Brands: -1}, {Brands: 0, Coverage: 5}, {Brands: 3, Venues: -2}} {
		if _, err := seed.Synthetic(ctx, db.Client, sizes, 1); err == nil {
			t.Errorf("sizes %+v: no error", sizes)
		}
	}
	if n := db.Client.Region.Query().CountX(ctx); n != 0 {
		t.Errorf("rejected runs wrote %d regions", n)
	}
}
