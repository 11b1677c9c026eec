package graph_test

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"

	"brandshow/ent/brand"
	"brandshow/ent/schematype"
	"brandshow/server/store/storetest"
)

type historyEntry struct {
	ID, Actor, Action string
	Changes           []struct{ Field, From, To string }
}

func (e *editors) history(t *testing.T, role, id string) []historyEntry {
	t.Helper()
	r := e.as(t, role, `query($id: ID!) { history(id: $id) { totalCount edges { node { id actor action changes { field from to } } } } }`, map[string]any{"id": id})
	if len(r.Errors) > 0 {
		t.Fatalf("history as %s: %+v", role, r.Errors)
	}
	var got struct {
		History struct {
			TotalCount int
			Edges      []struct{ Node historyEntry }
		}
	}
	if err := json.Unmarshal(r.Data, &got); err != nil {
		t.Fatal(err)
	}
	if got.History.TotalCount != len(got.History.Edges) {
		t.Fatalf("totalCount %d, %d edges", got.History.TotalCount, len(got.History.Edges))
	}
	out := make([]historyEntry, len(got.History.Edges))
	for i, edge := range got.History.Edges {
		out[i] = edge.Node
	}
	return out
}

// TestHistoryAndRestore edits a brand twice and publishes it, reads its
// history as an editor, and restores the first version as a publisher:
// texts, an enum, a nillable number and enum, and a picture go back;
// publication state stays; the restore is itself in the history.
func TestHistoryAndRestore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		id := e.draftBrandID(t, "history-brand")
		update := `mutation($id: ID!, $in: UpdateBrandInput!) { updateBrand(id: $id, input: $in) { id } }`
		first := map[string]any{"nameZh": "品牌一", "summaryZh": "第一版", "category": "QUALITY_SERVICE"}
		second := map[string]any{"nameZh": "品牌二", "summaryZh": "第二版", "category": "CULTURE_TOURISM",
			"foundedYear": 1990, "creditRating": "AA",
			"logo": map[string]any{"url": "https://example.org/logo.png", "alt": "标志", "credit": "某摄影师", "license": "CC_BY_4_0"}}
		for _, in := range []map[string]any{first, second} {
			if r := e.as(t, "editor", update, map[string]any{"id": id, "in": in}); len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
		}
		if r := e.as(t, "publisher", `mutation($id: ID!) { publish(id: $id) { id } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}

		h := e.history(t, "editor", id)
		if len(h) != 3 || h[0].Action != "UPDATE" || h[1].Action != "UPDATE" || h[2].Action != "PUBLISH" {
			t.Fatalf("history %+v", h)
		}
		if h[0].Actor != "test-editor" || h[2].Actor != "test-publisher" {
			t.Errorf("actors %+v", h)
		}
		changed := map[string][2]string{}
		for _, c := range h[1].Changes {
			changed[c.Field] = [2]string{c.From, c.To}
		}
		if changed["name_zh"] != [2]string{"品牌一", "品牌二"} || changed["founded_year"] != [2]string{"", "1990"} {
			t.Errorf("second entry's changes %+v", h[1].Changes)
		}

		// Who may: history needs a token, restore a publisher.
		r := e.as(t, "anonymous", `query($id: ID!) { history(id: $id) { totalCount } }`, map[string]any{"id": id})
		if code(r) != "UNAUTHENTICATED" {
			t.Errorf("history as anonymous: %+v", r.Errors)
		}
		restore := `mutation($id: ID!, $to: ID!) { restore(id: $id, to: $to) { id ... on Brand { nameZh status } } }`
		if r := e.as(t, "editor", restore, map[string]any{"id": id, "to": h[0].ID}); code(r) != "FORBIDDEN" {
			t.Errorf("restore as editor: %+v", r.Errors)
		}
		// An entry of another item is refused, and nothing changes.
		other := e.draftBrandID(t, "history-other")
		if r := e.as(t, "editor", update, map[string]any{"id": other, "in": map[string]any{"summaryZh": "别的"}}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		otherEntry := e.history(t, "editor", other)[0].ID
		if r := e.as(t, "publisher", restore, map[string]any{"id": id, "to": otherEntry}); code(r) != "BAD_USER_INPUT" {
			t.Errorf("restore to another item's entry: %+v", r.Errors)
		}
		if n := len(e.history(t, "editor", id)); n != 3 {
			t.Errorf("a refused restore left %d entries, want 3", n)
		}

		r = e.as(t, "publisher", restore, map[string]any{"id": id, "to": h[0].ID})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		// The brand is published: the restore waits as a pending revision,
		// and the brand is unchanged until it is published.
		bid, _ := strconv.Atoi(id)
		if b := e.db.Client.Brand.GetX(e.all(), bid); b.NameZh != "品牌二" {
			t.Errorf("a restore of a published brand changed it at once: %q", b.NameZh)
		}
		e.publishPending(t, id)
		b := e.db.Client.Brand.GetX(e.all(), bid)
		if b.NameZh != "品牌一" || b.SummaryZh != "第一版" || b.Category != brand.CategoryQUALITY_SERVICE {
			t.Errorf("restored texts and category: %q %q %s", b.NameZh, b.SummaryZh, b.Category)
		}
		if b.FoundedYear != nil || b.CreditRating != nil || b.Logo != nil {
			t.Errorf("restored nillable fields: year %v rating %v logo %+v", b.FoundedYear, b.CreditRating, b.Logo)
		}
		if b.Status != schematype.StatusPublished {
			t.Errorf("restore changed the status to %s", b.Status)
		}
		h = e.history(t, "editor", id)
		if len(h) != 4 || h[3].Action != "UPDATE" || h[3].Actor != "test-publisher" {
			t.Fatalf("history after restore %+v", h)
		}
		// A cleared field is in the log too (to no value).
		cleared := map[string]string{}
		for _, c := range h[3].Changes {
			if c.To == "" {
				cleared[c.Field] = c.From
			}
		}
		if cleared["founded_year"] != "1990" || cleared["credit_rating"] != "AA" || cleared["logo"] == "" {
			t.Errorf("restore's entry %+v", h[3].Changes)
		}

		// Restoring the second version brings back what the first lacked.
		if r := e.as(t, "publisher", restore, map[string]any{"id": id, "to": h[1].ID}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		e.publishPending(t, id)
		b = e.db.Client.Brand.GetX(context.Background(), bid)
		if b.NameZh != "品牌二" || b.FoundedYear == nil || *b.FoundedYear != 1990 || b.CreditRating == nil || *b.CreditRating != brand.CreditRatingAA ||
			b.Logo == nil || b.Logo.URL != "https://example.org/logo.png" || b.Logo.License != schematype.LicenseCCBY4 {
			t.Errorf("second version restored as %q %v %v %+v", b.NameZh, b.FoundedYear, b.CreditRating, b.Logo)
		}
	})
}
