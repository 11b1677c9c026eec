package graph_test

import (
	"net/http"
	"strconv"
	"testing"

	"brandshow/ent/brand"
	"brandshow/ent/recognition"
	"brandshow/server/seed"
	"brandshow/server/store/storetest"
)

// TestRecognitionsInTheDemo: the root connection with its filters and
// order, one recognition by slug, and the recognitions of a brand, a person,
// an enterprise and a venue, on both databases; the draft never shows.
func TestRecognitionsInTheDemo(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		published, draft := 0, ""
		for _, r := range seed.DemoRecognitions() {
			if r.Status != "PUBLISHED" {
				draft = r.Slug
				continue
			}
			published++
		}
		if published < 20 || draft == "" {
			t.Fatalf("the demo has %d published recognitions and draft %q", published, draft)
		}
		type conn struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Slug, Title, Issuer, Level, DocumentNumber, Batch string
					Year                                              int
					EndReason                                         *string
					EndedOn                                           *string
					Brand                                             *struct{ Slug string }
				}
			}
		}
		var got struct {
			All, Provincial, Hongan conn
			Draft                   *struct{ Slug string }
			One                     *struct {
				Slug   string
				Title  string
				Issuer string
				Brand  *struct{ Slug string }
			}
			Brand struct {
				Recognitions conn
			}
		}
		mustQuery(t, h, `query($draft: String!) {
  all: recognitions(first: 100, orderBy: { field: YEAR, direction: DESC }) { totalCount edges { node { slug title issuer level year documentNumber batch endedOn endReason brand { slug } } } }
  provincial: recognitions(first: 100, where: { level: PROVINCIAL, hasBrandWith: [{ slug: "hongan-dasao" }] }) { totalCount edges { node { slug year brand { slug } } } }
  hongan: recognitions(first: 100, where: { hasBrand: true, hasBrandWith: [{ slug: "hongan-dasao" }] }) { totalCount edges { node { slug endReason endedOn } } }
  draft: recognition(slug: $draft) { slug }
  one: recognition(slug: "hongan-dasao-peixun-jidi-huanggang-2023") { slug title(lang: EN) issuer brand { slug } }
  brand(slug: "hongan-dasao") { recognitions(first: 10, orderBy: { field: YEAR, direction: DESC }) { totalCount edges { node { slug year endReason } } } }
}`, map[string]any{"draft": draft}, &got)
		if got.All.TotalCount != published || len(got.All.Edges) != published {
			t.Fatalf("recognitions: %d (%d listed), want %d published", got.All.TotalCount, len(got.All.Edges), published)
		}
		for i, e := range got.All.Edges {
			if e.Node.Slug == draft {
				t.Fatalf("the draft recognition is listed")
			}
			if i > 0 && e.Node.Year > got.All.Edges[i-1].Node.Year {
				t.Fatalf("not ordered by year, descending: %d after %d", e.Node.Year, got.All.Edges[i-1].Node.Year)
			}
		}
		if got.Draft != nil {
			t.Fatalf("recognition(slug:) found the draft")
		}
		if got.One == nil || got.One.Title != "Huanggang labor brand training base (sample)" || got.One.Brand != nil || got.One.Issuer == "" {
			t.Fatalf("one recognition: %+v", got.One)
		}
		// 红安大嫂: the provincial listing and the expired county one; the
		// draft national one is hidden on every path.
		if got.Brand.Recognitions.TotalCount != 2 || got.Hongan.TotalCount != 2 || got.Provincial.TotalCount != 1 {
			t.Fatalf("hongan-dasao: %d on the brand, %d by filter, %d provincial", got.Brand.Recognitions.TotalCount, got.Hongan.TotalCount, got.Provincial.TotalCount)
		}
		expired := 0
		for _, e := range got.Hongan.Edges {
			if e.Node.EndReason != nil {
				expired++
				if *e.Node.EndReason != "EXPIRED" || e.Node.EndedOn == nil {
					t.Fatalf("ended recognition: %+v", e.Node)
				}
			}
		}
		if expired != 1 {
			t.Fatalf("%d ended recognitions of hongan-dasao, want 1", expired)
		}

		// People, enterprises and venues have theirs.
		var owners struct {
			RoleModels struct {
				Edges []struct {
					Node struct{ Recognitions struct{ TotalCount int } }
				}
			}
			Enterprises struct {
				Edges []struct {
					Node struct{ Recognitions struct{ TotalCount int } }
				}
			}
			Venue struct{ Recognitions struct{ TotalCount int } }
		}
		mustQuery(t, h, `{
  roleModels(first: 100, where: { hasRecognitions: true }) { edges { node { recognitions { totalCount } } } }
  enterprises(first: 100, where: { hasRecognitions: true }) { edges { node { recognitions { totalCount } } } }
  venue(slug: "hongan-dasao-peixun-jidi") { recognitions { totalCount } }
}`, nil, &owners)
		if len(owners.RoleModels.Edges) == 0 || len(owners.Enterprises.Edges) == 0 || owners.Venue.Recognitions.TotalCount != 1 {
			t.Fatalf("owners: %d people, %d enterprises, venue %d", len(owners.RoleModels.Edges), len(owners.Enterprises.Edges), owners.Venue.Recognitions.TotalCount)
		}
	})
}

// TestRecognitionOwnerAndEndRules: a recognition belongs to exactly one
// item, and an end date comes with an end reason; bad input is a
// BAD_USER_INPUT error and changes nothing.
func TestRecognitionOwnerAndEndRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		ctx := e.all()
		c := e.db.Client
		b := c.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(ctx)
		p := c.RoleModel.Query().FirstX(ctx)
		before := c.Recognition.Query().CountX(ctx)
		create := `mutation($input: CreateRecognitionInput!) { createRecognition(input: $input) { id slug } }`
		input := func(extra map[string]any) map[string]any {
			in := map[string]any{"slug": "test-recognition", "titleZh": "湖北省优秀劳务品牌", "level": "PROVINCIAL",
				"issuerZh": "湖北省人力资源和社会保障厅", "year": 2022, "documentNumber": "鄂人社发〔2022〕13号"}
			for k, v := range extra {
				in[k] = v
			}
			return map[string]any{"input": in}
		}
		bid, pid := strconv.Itoa(b.ID), strconv.Itoa(p.ID)
		for name, vars := range map[string]map[string]any{
			"no owner":            input(nil),
			"two owners":          input(map[string]any{"brandID": bid, "roleModelID": pid}),
			"end without reason":  input(map[string]any{"brandID": bid, "endedOn": "2024-01-01T00:00:00Z"}),
			"reason without end":  input(map[string]any{"brandID": bid, "endReason": "WITHDRAWN"}),
			"year out of range":   input(map[string]any{"brandID": bid, "year": 1800}),
			"javascript: source":  input(map[string]any{"brandID": bid, "sourceURL": "javascript:alert(1)"}),
			"markup in the title": input(map[string]any{"brandID": bid, "titleZh": "<img src=x onerror=alert(1)>"}),
		} {
			r := e.as(t, "editor", create, vars)
			if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
				t.Errorf("%s: want BAD_USER_INPUT, got %s %v", name, r.Data, r.Errors)
			}
		}
		if n := c.Recognition.Query().CountX(ctx); n != before {
			t.Fatalf("refused creates changed the count: %d → %d", before, n)
		}

		r := e.as(t, "editor", create, input(map[string]any{"brandID": bid}))
		if len(r.Errors) > 0 {
			t.Fatalf("create: %v", r.Errors)
		}
		id := c.Recognition.Query().Where(recognition.Slug("test-recognition")).OnlyIDX(ctx)
		update := `mutation($id: ID!, $input: UpdateRecognitionInput!) { updateRecognition(id: $id, input: $input) { id } }`
		for name, in := range map[string]map[string]any{
			"clear the owner": {"clearBrand": true},
			"a second owner":  {"roleModelID": pid},
			"end without why": {"endedOn": "2024-01-01T00:00:00Z"},
			"why without end": {"endReason": "EXPIRED"},
		} {
			r := e.as(t, "editor", update, map[string]any{"id": strconv.Itoa(id), "input": in})
			if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
				t.Errorf("update, %s: want BAD_USER_INPUT, got %s %v", name, r.Data, r.Errors)
			}
		}
		// Moving it to a person in one update, and ending it, are fine.
		r = e.as(t, "editor", update, map[string]any{"id": strconv.Itoa(id), "input": map[string]any{
			"clearBrand": true, "roleModelID": pid, "endedOn": "2025-06-30T00:00:00Z", "endReason": "WITHDRAWN"}})
		if len(r.Errors) > 0 {
			t.Fatalf("move and end: %v", r.Errors)
		}
		got := c.Recognition.GetX(ctx, id)
		if got.BrandID != nil || got.RoleModelID == nil || *got.RoleModelID != p.ID || got.EndReason == nil || *got.EndReason != recognition.EndReasonWITHDRAWN {
			t.Fatalf("after the move: %+v", got)
		}
	})
}
