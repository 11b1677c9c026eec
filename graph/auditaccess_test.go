package graph_test

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"

	"brandshow/ent/visibility"
	"brandshow/server/store/storetest"
)

// TestAuditLogRefusalsRevealNothing: anonymous callers are told to
// authenticate (UNAUTHENTICATED), other non-admins are refused
// (FORBIDDEN), and on every path that takes an audit entry's ID (node,
// nodes, auditLog filtered by id) the answer is the same whether the entry
// exists or not, so the refusal is no existence oracle.
func TestAuditLogRefusalsRevealNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		id := e.draftBrandID(t, "audited-brand")
		if r := e.as(t, "editor", `mutation($id: ID!) { updateBrand(id: $id, input: {summaryZh: "新简介"}) { id } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		admin := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin})
		existing := e.db.Client.AuditEntry.Query().FirstX(admin).ID
		missing := existing + 1000
		queries := map[string]string{
			"node":     `query($id: ID!) { node(id: $id) { id ... on AuditEntry { actor } } }`,
			"nodes":    `query($id: ID!) { nodes(ids: [$id]) { id } }`,
			"auditLog": `query($id: ID!) { auditLog(where: {id: $id}) { totalCount edges { node { id } } } }`,
			"publish":  `mutation($id: ID!) { publish(id: $id) { id } }`, // refused or not found, but alike
		}
		want := map[string]string{"anonymous": "UNAUTHENTICATED", "editor": "FORBIDDEN", "publisher": "FORBIDDEN"}
		for role, wantCode := range want {
			for name, q := range queries {
				answer := func(id int) string {
					r := e.as(t, role, q, map[string]any{"id": strconv.Itoa(id)})
					if got := code(r); got != wantCode && name != "publish" {
						t.Errorf("%s as %s: code %q, want %s: %+v", name, role, got, wantCode, r.Errors)
					}
					for i := range r.Errors {
						delete(r.Errors[i].Extensions, "requestId")
					}
					b, _ := json.Marshal(struct {
						Data   json.RawMessage
						Errors []gqlError
						Status int
					}{r.Data, r.Errors, r.status})
					return string(b)
				}
				if a, b := answer(existing), answer(missing); a != b {
					t.Errorf("%s as %s tells entries apart:\nexisting: %s\nmissing:  %s", name, role, a, b)
				}
			}
		}
		if r := e.as(t, "anonymous", `{ auditLog { totalCount } }`, nil); code(r) != "UNAUTHENTICATED" {
			t.Errorf("anonymous auditLog: %+v, want UNAUTHENTICATED", r.Errors)
		}
		if r := e.as(t, "admin", queries["node"], map[string]any{"id": strconv.Itoa(existing)}); len(r.Errors) > 0 {
			t.Errorf("admin node(entry): %+v", r.Errors)
		}
	})
}
