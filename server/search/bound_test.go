package search_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/search"
	"brandshow/server/store/storetest"
)

// TestRankedWithin: beyond the candidate bound the result says how many
// candidates were ranked, and name/title matches are never dropped for body
// matches; within it, ranking covers every match and says nothing.
func TestRankedWithin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		t.Run("default blocks", func(t *testing.T) { testRankedWithin(t, dia, false) })
		// Blocks of one row: PostgreSQL's lookups in the newest blocks
		// reach the bound, and must give what a lookup everywhere gives.
		t.Run("blocks of one", func(t *testing.T) { testRankedWithin(t, dia, true) })
	})
}

func testRankedWithin(t *testing.T, dia string, blocksOfOne bool) {
	{
		db, _ := storetest.Fresh(t, dia, false)
		if blocksOfOne {
			defer search.SetBlockShift(t, db.SQL, dia, 0)()
		}
		ctx := context.Background()
		add := func(slug, title, body string) {
			db.Client.MediaCoverage.Create().SetSlug(slug).SetTitleZh(title).SetBodyZh(body).SetOutlet("示例报").
				SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)).
				SetStatus(schematype.StatusPublished).ExecX(visibility.WithSystem(ctx))
		}
		// Title matches first (older IDs), then more body matches (newer IDs,
		// so the index's newest-first order would reach them first).
		for i := range 3 {
			add(fmt.Sprintf("title-%d", i), "绿萝卜丰收了", "今年收成很好。")
		}
		for i := range 8 {
			add(fmt.Sprintf("body-%d", i), "秋天的集市", fmt.Sprintf("集市上有%d种绿萝卜出售。", i))
		}
		names := func(res *search.Result) (inTitle, inBody int) {
			for _, h := range res.Hits {
				if h.Score < 100 {
					inBody++
					continue
				}
				if inBody > 0 {
					t.Errorf("a body match ranks above a title match")
				}
				inTitle++
			}
			return inTitle, inBody
		}

		res, err := search.Search(ctx, db.Client, "绿萝卜", search.Options{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if res.RankedWithin != 0 || res.Total != 11 {
			t.Errorf("within the bound: rankedWithin %d, total %d; want 0 and 11", res.RankedWithin, res.Total)
		}

		// Beyond 5 candidates, the newest 4 of the stage are ranked.
		restore := search.SetCandidateLimit(5, 4)
		defer restore()
		res, err = search.Search(ctx, db.Client, "绿萝卜", search.Options{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		inTitle, inBody := names(res)
		if res.RankedWithin != 7 || inTitle != 3 || inBody != 4 {
			t.Errorf("body matches beyond the bound: rankedWithin %d, %d title and %d body hits; want 7, 3, 4", res.RankedWithin, inTitle, inBody)
		}

		search.SetCandidateLimit(2, 2)
		res, err = search.Search(ctx, db.Client, "绿萝卜", search.Options{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		inTitle, inBody = names(res)
		if res.RankedWithin != 2 || inTitle != 2 || inBody != 0 {
			t.Errorf("title matches beyond the bound: rankedWithin %d, %d title and %d body hits; want 2, 2, 0", res.RankedWithin, inTitle, inBody)
		}
		for _, h := range res.Hits {
			if slug := h.Doc.Entity.(*ent.MediaCoverage).Slug; slug != "title-2" && slug != "title-1" {
				t.Errorf("title matches beyond the bound: found %s, want the newest two", slug)
			}
		}
	}
}

// TestDatedBound: a short period (which SQLite looks up oldest first) gives
// every match within the bound and the newest beyond it, as any lookup.
func TestDatedBound(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := context.Background()
		for i := range 8 {
			db.Client.MediaCoverage.Create().SetSlug(fmt.Sprintf("jan-%d", i)).SetTitleZh("绿萝卜丰收了").SetBodyZh("今年收成很好。").
				SetOutlet("示例报").SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(time.Date(2024, 1, 10+i, 0, 0, 0, 0, time.UTC)).
				SetStatus(schematype.StatusPublished).ExecX(visibility.WithSystem(ctx))
		}
		from, before := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
		opts := search.Options{Limit: 50, From: &from, Before: &before}
		res, err := search.Search(ctx, db.Client, "绿萝卜", opts)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 8 || res.RankedWithin != 0 {
			t.Errorf("within the bound: total %d, rankedWithin %d; want 8 and 0", res.Total, res.RankedWithin)
		}
		defer search.SetCandidateLimit(5, 4)()
		if res, err = search.Search(ctx, db.Client, "绿萝卜", opts); err != nil {
			t.Fatal(err)
		}
		var slugs []string
		for _, h := range res.Hits {
			slugs = append(slugs, h.Doc.Entity.(*ent.MediaCoverage).Slug)
		}
		if want := []string{"jan-7", "jan-6", "jan-5", "jan-4"}; res.RankedWithin != 4 || fmt.Sprint(slugs) != fmt.Sprint(want) {
			t.Errorf("beyond the bound: rankedWithin %d, hits %v; want 4 and the newest %v", res.RankedWithin, slugs, want)
		}
		// Body matches beyond the bound while the title matches are within
		// it: the same as without the period (every item lies in it).
		for i := range 3 {
			db.Client.MediaCoverage.Create().SetSlug(fmt.Sprintf("jan-body-%d", i)).SetTitleZh("秋天的集市").SetBodyZh("集市上有绿萝卜出售。").
				SetOutlet("示例报").SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(time.Date(2024, 1, 20+i, 0, 0, 0, 0, time.UTC)).
				SetStatus(schematype.StatusPublished).ExecX(visibility.WithSystem(ctx))
		}
		search.SetCandidateLimit(9, 4)
		summary := func(opts search.Options) string {
			res, err := search.Search(ctx, db.Client, "绿萝卜", opts)
			if err != nil {
				t.Fatal(err)
			}
			var slugs []string
			for _, h := range res.Hits {
				slugs = append(slugs, h.Doc.Entity.(*ent.MediaCoverage).Slug)
			}
			return fmt.Sprintf("total %d, rankedWithin %d, %v", res.Total, res.RankedWithin, slugs)
		}
		dated, undated := summary(opts), summary(search.Options{Limit: 50})
		if dated != undated || dated == "" {
			t.Errorf("with the period: %s\nwithout it: %s", dated, undated)
		}
		if want := "total 11, rankedWithin 11"; dated[:len(want)] != want {
			t.Errorf("with the period: %s, want %s", dated, want)
		}
	})
}
