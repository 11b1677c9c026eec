package graph_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"brandshow/ent/brand"
	"brandshow/ent/region"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/store/storetest"
)

const changesQuery = `query($since: Cursor, $first: Int) {
  changes(since: $since, first: $first) {
    cursor hasMore
    changes { cursor kind type id at node { id ... on Brand { slug region { code } } ... on RoleModel { slug } } }
  }
}`

type changePage struct {
	Changes struct {
		Cursor  *string
		HasMore bool
		Changes []change
	}
}

type change struct {
	Cursor, Kind, Type, ID, At string
	Node                       *struct {
		ID, Slug string
		Region   struct{ Code string }
	}
}

// TestChangesFeed: drafts never appear (created, edited or deleted); a
// publication is an UPSERT with the item, a change of a published item too;
// unpublishing and deleting are TOMBSTONEs with type and ID only; pages
// follow one another without gaps or repeats; an empty page keeps since.
func TestChangesFeed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		var head struct{ ChangesHead *string }
		mustQuery(t, e.h, `{ changesHead }`, nil, &head)
		if head.ChangesHead == nil {
			t.Fatal("no head after loading the demo content (its published items are upserts)")
		}
		read := func(since *string, first int) changePage {
			t.Helper()
			var p changePage
			vars := map[string]any{"first": first}
			if since != nil {
				vars["since"] = *since
			}
			mustQuery(t, e.h, changesQuery, vars, &p)
			return p
		}
		since := head.ChangesHead
		if p := read(since, 100); len(p.Changes.Changes) != 0 || p.Changes.HasMore || p.Changes.Cursor == nil || *p.Changes.Cursor != *since {
			t.Fatalf("nothing new: %+v", p.Changes)
		}

		ctx := e.all()
		draft := e.draftBrandID(t, "changes-draft")
		draftID, _ := strconv.Atoi(draft)
		e.db.Client.Brand.UpdateOneID(draftID).SetSummaryZh("草稿改了").ExecX(ctx)
		if p := read(since, 100); len(p.Changes.Changes) != 0 {
			t.Fatalf("a draft's creation or edit appears: %+v", p.Changes.Changes)
		}

		if r := e.as(t, "publisher", `mutation($id: ID!) { publish(id: $id) { id } }`, map[string]any{"id": draft}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		e.db.Client.Brand.UpdateOneID(draftID).SetSummaryZh("已发布后修改").ExecX(ctx)
		if r := e.as(t, "publisher", `mutation($id: ID!) { unpublish(id: $id) { id } }`, map[string]any{"id": draft}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		e.db.Client.Brand.DeleteOneID(draftID).ExecX(ctx) // a draft again: deleting it is no public change

		pub := e.brandID(t, "changes-published", false)
		pubID, _ := strconv.Atoi(pub)
		e.db.Client.Brand.DeleteOneID(pubID).ExecX(ctx)

		want := []struct{ kind, id string }{
			{"UPSERT", draft}, {"UPSERT", draft}, {"TOMBSTONE", draft}, {"UPSERT", pub}, {"TOMBSTONE", pub},
		}
		all := read(since, 100).Changes.Changes
		if len(all) != len(want) {
			t.Fatalf("%d changes, want %d: %+v", len(all), len(want), all)
		}
		for i, w := range want {
			c := all[i]
			if c.Kind != w.kind || c.ID != w.id || c.Type != "Brand" || c.At == "" {
				t.Errorf("change %d: %s %s %s, want %s Brand %s", i, c.Kind, c.Type, c.ID, w.kind, w.id)
			}
			// Both items are gone from the public now: no node, ever.
			if c.Node != nil {
				t.Errorf("change %d: node %+v of an item the public no longer sees", i, c.Node)
			}
		}

		// An upsert of an item still published carries it as it is now.
		live := e.brandID(t, "changes-live", false)
		p := read(all[len(all)-1].cursor(), 100)
		if len(p.Changes.Changes) != 1 || p.Changes.Changes[0].Node == nil || p.Changes.Changes[0].Node.Slug != "changes-live" ||
			p.Changes.Changes[0].Node.Region.Code != "421122" || p.Changes.Changes[0].Node.ID != live {
			t.Fatalf("live upsert: %+v", p.Changes.Changes)
		}

		// Pages of 2 walk the same changes, in order, without repeats.
		var walked []change
		cur := since
		for range 10 {
			p := read(cur, 2)
			walked = append(walked, p.Changes.Changes...)
			cur = p.Changes.Cursor
			if !p.Changes.HasMore {
				break
			}
		}
		if len(walked) != len(want)+1 {
			t.Fatalf("paged walk: %d changes, want %d", len(walked), len(want)+1)
		}
		for i := range all {
			if walked[i].Cursor != all[i].Cursor || walked[i].ID != all[i].ID {
				t.Errorf("paged change %d differs: %+v vs %+v", i, walked[i], all[i])
			}
		}

		mustFail(t, e.h, changesQuery, map[string]any{"first": 101}, "", "BAD_USER_INPUT")
		mustFail(t, e.h, changesQuery, map[string]any{"since": "not a cursor"}, "", "BAD_USER_INPUT")
	})
}

func (c change) cursor() *string { return &c.Cursor }

// TestChangesHaveNoNPlusOne: a page of changes costs the same statements
// for 5 items as for 50, nodes and their edges included.
func TestChangesHaveNoNPlusOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, false)
		ctx := visibility.WithSystem(context.Background())
		c := db.Client
		province := c.Region.Create().SetCode("420000").SetNameZh("湖北省").SetLevel(region.LevelPROVINCE).SaveX(ctx)
		county := c.Region.Create().SetCode("421122").SetNameZh("红安县").SetLevel(region.LevelCOUNTY).SetParent(province).SaveX(ctx)
		for i := range 60 {
			b := c.Brand.Create().SetSlug(fmt.Sprintf("brand-%02d", i)).SetNameZh("品牌").SetRegion(county).
				SetCategory(brand.CategoryQUALITY_SERVICE).SetLevel(brand.LevelCOUNTY).SetStatus(schematype.StatusPublished).SaveX(ctx)
			if i%2 == 0 {
				c.Brand.UpdateOne(b).SetStatus(schematype.StatusDraft).ExecX(ctx) // a tombstone
			}
		}
		h := uncachedHandler(db)
		statements := map[int]int64{}
		for _, n := range []int{5, 50} {
			var p changePage
			counter.Reset()
			mustQuery(t, h, changesQuery, map[string]any{"first": n}, &p)
			statements[n] = counter.Count()
			if len(p.Changes.Changes) != n {
				t.Fatalf("first %d: %d changes", n, len(p.Changes.Changes))
			}
		}
		t.Logf("%s: a page of changes = %d SQL statements for 5, %d for 50", dia, statements[5], statements[50])
		if statements[5] != statements[50] || statements[5] > 3 {
			t.Fatalf("%d statements for 5 changes, %d for 50; want the same, at most 3 (log, brands, regions)", statements[5], statements[50])
		}
	})
}
