package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"brandshow/ent/brand"
	"brandshow/ent/visibility"
	"brandshow/server/store/storetest"
)

// TestRegionCodeInputs: every create and update input that takes regionID
// also takes regionCode (a GB/T 2260 code); both, neither (where a region
// is required) or an unknown code are BAD_USER_INPUT and write nothing.
func TestRegionCodeInputs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		type regioned struct {
			ID     string
			Region *struct{ Code string }
		}
		var created struct{ CreateBrand regioned }
		create := `mutation($in: CreateBrandInput!) { createBrand(input: $in) { id region { code } } }`
		in := func(extra map[string]any) map[string]any {
			m := map[string]any{"slug": "by-code", "nameZh": "按代码", "category": "LIVELIHOOD", "level": "COUNTY"}
			for k, v := range extra {
				m[k] = v
			}
			return map[string]any{"in": m}
		}
		audits := func() int {
			return e.db.Client.AuditEntry.Query().CountX(visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin}))
		}
		brands := func() int { return e.db.Client.Brand.Query().CountX(e.all()) }
		beforeBrands, beforeAudits := brands(), audits()
		for _, c := range []struct {
			name string
			in   map[string]any
			want string
		}{
			{"both", in(map[string]any{"regionCode": "421122", "regionID": e.regionID(t)}), "not both"},
			{"neither", in(nil), "regionCode"},
			{"unknown code", in(map[string]any{"regionCode": "999999"}), "invalid regionCode"},
			{"empty code", in(map[string]any{"regionCode": ""}), "invalid regionCode"},
		} {
			r := e.as(t, "editor", create, c.in)
			if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, c.want) {
				t.Errorf("%s: %+v", c.name, r.Errors)
			}
		}
		if brands() != beforeBrands || audits() != beforeAudits {
			t.Fatalf("refused creates wrote: %d → %d brands, %d → %d audit entries", beforeBrands, brands(), beforeAudits, audits())
		}

		r := e.as(t, "editor", create, in(map[string]any{"regionCode": "421122"}))
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		_ = json.Unmarshal(r.Data, &created)
		if created.CreateBrand.Region == nil || created.CreateBrand.Region.Code != "421122" {
			t.Fatalf("created %s", r.Data)
		}
		id := created.CreateBrand.ID

		update := `mutation($id: ID!, $in: UpdateBrandInput!) { updateBrand(id: $id, input: $in) { region { code } } }`
		r = e.as(t, "editor", update, map[string]any{"id": id, "in": map[string]any{"regionCode": "420103"}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"420103"`) {
			t.Fatalf("update by code: %s %+v", r.Data, r.Errors)
		}
		afterUpdate := audits()
		for _, c := range []struct {
			name string
			in   map[string]any
			want string
		}{
			{"both", map[string]any{"regionCode": "421122", "regionID": e.regionID(t), "nameZh": "不该改"}, "not both"},
			{"unknown code", map[string]any{"regionCode": "000000", "nameZh": "不该改"}, "invalid regionCode"},
		} {
			r := e.as(t, "editor", update, map[string]any{"id": id, "in": c.in})
			if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, c.want) {
				t.Errorf("update %s: %+v", c.name, r.Errors)
			}
		}
		// An update without a region keeps it (a region is required on create only).
		r = e.as(t, "editor", update, map[string]any{"id": id, "in": map[string]any{"summaryZh": "简介"}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"420103"`) {
			t.Fatalf("update without region: %s %+v", r.Data, r.Errors)
		}
		if e.db.Client.Brand.Query().Where(brand.NameZh("不该改")).ExistX(e.all()) {
			t.Fatal("a refused update wrote")
		}
		if n := audits() - afterUpdate; n != 1 {
			t.Errorf("%d audit entries after one good update", n)
		}

		// Every type with a region takes the code: an event (required) and a
		// role model (optional).
		r = e.as(t, "editor", `mutation($in: CreateEventInput!) { createEvent(input: $in) { region { code } } }`, map[string]any{"in": map[string]any{
			"slug": "by-code-event", "titleZh": "活动", "kind": "FORUM", "startsAt": "2027-04-22T09:00:00+08:00", "regionCode": "420102"}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"420102"`) {
			t.Errorf("createEvent by code: %s %+v", r.Data, r.Errors)
		}
		r = e.as(t, "editor", `mutation($in: CreateRoleModelInput!) { createRoleModel(input: $in) { region { code } } }`, map[string]any{"in": map[string]any{
			"slug": "no-region", "nameZh": "人物", "kind": "FOUNDER"}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"region":null`) {
			t.Errorf("createRoleModel without a region: %s %+v", r.Data, r.Errors)
		}
	})
}
