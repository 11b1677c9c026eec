package graph_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/store/storetest"
)

// TestDraftsAreInvisibleEverywhere makes a draft reachable from every public
// path — root lists, node, nodes, slug lookup, edges from published items,
// totalCount, stats, featuredBrands, region counts — and checks that none
// shows it.
func TestDraftsAreInvisibleEverywhere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		h := handlerFor(db)
		ctx := visibility.WithSystem(context.Background())
		c := db.Client

		draft := draftBrand(t)
		d, err := c.Brand.Query().Where(brand.Slug(draft.Slug)).Only(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// Make the draft as visible as a draft can be: featured first, linked
		// to a published person and a published report.
		person, err := c.RoleModel.Query().Where(rolemodel.StatusEQ(schematype.StatusPublished)).First(ctx)
		if err != nil {
			t.Fatal(err)
		}
		report, err := c.MediaCoverage.Query().Where(mediacoverage.StatusEQ(schematype.StatusPublished)).First(ctx)
		if err != nil {
			t.Fatal(err)
		}
		d = d.Update().SetFeatured(true).SetFeaturedRank(-100).SetWorkersEmployed(999999).
			AddRoleModelIDs(person.ID).AddMediaCoverageIDs(report.ID).SaveX(ctx)
		if d.Status != schematype.StatusDraft {
			t.Fatal("test setup: brand is not a draft")
		}
		draftID := strconv.Itoa(d.ID)

		// Root list and totalCount.
		var list struct{ Brands brandConn }
		mustQuery(t, h, brandPage, map[string]any{"first": 100}, &list)
		if list.Brands.TotalCount != len(publishedBrands()) {
			t.Errorf("brands totalCount %d includes drafts", list.Brands.TotalCount)
		}
		for _, s := range list.Brands.slugs() {
			if s == draft.Slug {
				t.Errorf("draft in brands list")
			}
		}
		// Filtering by status cannot bring it back.
		mustQuery(t, h, brandPage, map[string]any{"first": 100, "where": map[string]any{"status": "DRAFT"}}, &list)
		if list.Brands.TotalCount != 0 {
			t.Errorf("where status DRAFT found %d brands", list.Brands.TotalCount)
		}
		// Slug lookup.
		var bySlug struct{ Brand *struct{ Slug string } }
		mustQuery(t, h, `query($s: String!) { brand(slug: $s) { slug } }`, map[string]any{"s": draft.Slug}, &bySlug)
		if bySlug.Brand != nil {
			t.Error("brand(slug:) shows a draft")
		}
		// node and nodes.
		r := post(t, h, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": draftID})
		if string(r.Data) != `{"node":null}` {
			t.Errorf("node(draft) = %s", r.Data)
		}
		r = post(t, h, `query($id: ID!) { nodes(ids: [$id]) { id } }`, map[string]any{"id": draftID})
		if string(r.Data) != `{"nodes":[null]}` && string(r.Data) != `null` {
			t.Errorf("nodes(draft) = %s", r.Data)
		}
		// Edges from published items, with and without the eager loader.
		var edges struct {
			RoleModel struct {
				Brands struct {
					TotalCount int
					Edges      []struct{ Node struct{ ID string } }
				}
			}
			MediaCoverage struct {
				Brands struct {
					TotalCount int
					Edges      []struct{ Node struct{ ID string } }
				}
			}
		}
		mustQuery(t, h, `query($p: String!, $m: String!) {
			roleModel(slug: $p) { brands { totalCount edges { node { id } } } }
			mediaCoverage(slug: $m) { brands(first: 10) { totalCount edges { node { id } } } } }`,
			map[string]any{"p": person.Slug, "m": report.Slug}, &edges)
		for _, e := range append(edges.RoleModel.Brands.Edges, edges.MediaCoverage.Brands.Edges...) {
			if e.Node.ID == draftID {
				t.Error("a draft brand is reachable through an edge")
			}
		}
		wantPersonBrands, _ := c.RoleModel.QueryBrands(person).Where(brand.StatusEQ(schematype.StatusPublished)).Count(ctx)
		if edges.RoleModel.Brands.TotalCount != wantPersonBrands {
			t.Errorf("roleModel.brands totalCount %d, want %d published", edges.RoleModel.Brands.TotalCount, wantPersonBrands)
		}
		// featuredBrands.
		var featured struct{ FeaturedBrands []struct{ ID string } }
		mustQuery(t, h, `{ featuredBrands(first: 100) { id } }`, nil, &featured)
		for _, b := range featured.FeaturedBrands {
			if b.ID == draftID {
				t.Error("featuredBrands shows a draft")
			}
		}
		// stats and region counts.
		var stats struct {
			Stats struct{ BrandCount, WorkersEmployed int }
		}
		mustQuery(t, h, `{ stats { brandCount workersEmployed } }`, nil, &stats)
		if stats.Stats.BrandCount != len(publishedBrands()) || stats.Stats.WorkersEmployed >= 999999 {
			t.Errorf("stats count drafts: %+v", stats.Stats)
		}
		var reg struct{ Region struct{ BrandCount int } }
		mustQuery(t, h, `query($c: String!) { region(code: $c) { brandCount } }`, map[string]any{"c": draft.RegionCode}, &reg)
		want, parents := 0, regionParents()
		for _, b := range publishedBrands() {
			for code := b.RegionCode; code != ""; code = parents[code] {
				if code == draft.RegionCode {
					want++
				}
			}
		}
		if reg.Region.BrandCount != want {
			t.Errorf("region brandCount %d, want %d published", reg.Region.BrandCount, want)
		}
		// A draft person is invisible from a published brand.
		var draftPerson *ent.RoleModel
		if draftPerson, err = c.RoleModel.Query().Where(rolemodel.StatusEQ(schematype.StatusDraft)).First(ctx); err != nil {
			t.Fatal(err)
		}
		pub, err := c.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).First(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pub.Update().AddRoleModelIDs(draftPerson.ID).ExecX(ctx)
		var people struct {
			Brand struct {
				RoleModels struct {
					TotalCount int
					Edges      []struct{ Node struct{ Slug string } }
				}
			}
		}
		mustQuery(t, h, `query($s: String!) { brand(slug: $s) { roleModels { totalCount edges { node { slug } } } } }`, map[string]any{"s": pub.Slug}, &people)
		for _, e := range people.Brand.RoleModels.Edges {
			if e.Node.Slug == draftPerson.Slug {
				t.Error("a draft person is reachable from a published brand")
			}
		}
		wantPeople, _ := c.Brand.QueryRoleModels(pub).Where(rolemodel.StatusEQ(schematype.StatusPublished)).Count(ctx)
		if people.Brand.RoleModels.TotalCount != wantPeople {
			t.Errorf("brand.roleModels totalCount %d, want %d", people.Brand.RoleModels.TotalCount, wantPeople)
		}
	})
}

// TestFeaturedWindow checks that featuredBrands honours featured_from and
// featured_until, so featured lists rotate by themselves.
func TestFeaturedWindow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		h := handlerFor(db)
		ctx := context.Background()
		featured := func() []string {
			var got struct{ FeaturedBrands []struct{ Slug string } }
			mustQuery(t, h, `{ featuredBrands(first: 100) { slug } }`, nil, &got)
			var out []string
			for _, b := range got.FeaturedBrands {
				out = append(out, b.Slug)
			}
			return out
		}
		before := featured()
		if len(before) < 3 {
			t.Fatalf("only %d featured brands", len(before))
		}
		now := time.Now()
		db.Client.Brand.Update().Where(brand.Slug(before[0])).SetFeaturedFrom(now.Add(time.Hour)).ExecX(visibility.WithSystem(ctx))
		db.Client.Brand.Update().Where(brand.Slug(before[1])).SetFeaturedUntil(now.Add(-time.Minute)).ExecX(visibility.WithSystem(ctx))
		db.Client.Brand.Update().Where(brand.Slug(before[2])).SetFeaturedFrom(now.Add(-time.Hour)).SetFeaturedUntil(now.Add(time.Hour)).ExecX(visibility.WithSystem(ctx))
		after := featured()
		if fmt.Sprint(after) != fmt.Sprint(before[2:]) {
			t.Fatalf("featured after window changes = %v, want %v", after, before[2:])
		}
	})
}

// TestPublicHTTP covers the HTTP surface: GET queries, health endpoints,
// CORS, and the playground.
func TestPublicHTTP(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		get := func(target string, header map[string]string) *httpResult {
			return do(h, http.MethodGet, target, header)
		}
		if r := get("/healthz", nil); r.code != 200 {
			t.Errorf("/healthz %d", r.code)
		}
		if r := get("/readyz", nil); r.code != 200 {
			t.Errorf("/readyz %d", r.code)
		}
		r := get(`/graphql?query={stats{brandCount}}`, map[string]string{"Origin": "https://county.example.org"})
		if r.code != 200 || !contains(r.body, `"brandCount":`) {
			t.Errorf("GET query: %d %s", r.code, r.body)
		}
		if r.header.Get("Access-Control-Allow-Origin") == "" {
			t.Error("no CORS header for a cross-origin GET")
		}
		if r.header.Get("Access-Control-Allow-Credentials") != "" {
			t.Error("credentials must never be allowed with a wildcard origin")
		}
		pre := do(h, http.MethodOptions, "/graphql", map[string]string{
			"Origin": "https://county.example.org", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type",
		})
		if pre.code >= 300 || pre.header.Get("Access-Control-Allow-Methods") == "" || pre.header.Get("Access-Control-Max-Age") == "" {
			t.Errorf("preflight: %d %v", pre.code, pre.header)
		}
		if r := get("/graphiql", nil); r.code != 200 || !contains(r.body, "graphql") {
			t.Errorf("/graphiql %d", r.code)
		}
	})
}
