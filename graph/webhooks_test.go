package graph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"brandshow/server/store/storetest"
)

const (
	createWebhook = `mutation($url: String!, $events: [String!]) { createWebhook(input: {url: $url, events: $events}) { secret webhook { id url events } } }`
	listWebhooks  = `{ webhooks { id url events deliveries { eventID event entityType entityID state attempts log { statusCode } payload } } }`
	deleteWebhook = `mutation($id: ID!) { deleteWebhook(id: $id) }`
)

// TestWebhooksAreForAdminsOnly: anonymous callers are told to
// authenticate, editors and publishers are refused, for the list and both
// mutations, and nothing is created or removed.
func TestWebhooksAreForAdminsOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		r := e.as(t, "admin", createWebhook, map[string]any{"url": "https://93.184.216.34/hook"})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		for role, want := range map[string]string{"anonymous": "UNAUTHENTICATED", "editor": "FORBIDDEN", "publisher": "FORBIDDEN"} {
			for name, q := range map[string]string{"list": listWebhooks, "create": createWebhook, "delete": deleteWebhook} {
				vars := map[string]any{"url": "https://93.184.216.34/other", "id": "1"}
				if got := code(e.as(t, role, q, vars)); got != want {
					t.Errorf("%s as %s: %q, want %s", name, role, got, want)
				}
			}
		}
		if n := e.db.Client.Webhook.Query().CountX(e.all()); n != 1 {
			t.Errorf("%d webhooks, want the admin's one", n)
		}
	})
}

// TestAdminsRegisterListAndRemoveWebhooks: the secret is shown once (the
// list has no field for it), a publication appears in the delivery log,
// bad input is BAD_USER_INPUT and changes nothing, and deleting removes.
func TestAdminsRegisterListAndRemoveWebhooks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		var created struct {
			CreateWebhook struct {
				Secret  string
				Webhook struct {
					ID     string
					URL    string
					Events []string
				}
			}
		}
		r := e.as(t, "admin", createWebhook, map[string]any{"url": "https://93.184.216.34/hook", "events": []string{"item.unpublished", "item.published"}})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		decode(t, r, &created)
		w := created.CreateWebhook
		if !strings.HasPrefix(w.Secret, "whsec_") || w.Webhook.URL != "https://93.184.216.34/hook" || strings.Join(w.Webhook.Events, ",") != "item.published,item.unpublished" {
			t.Fatalf("created %+v", w)
		}
		for _, bad := range []struct{ url, want string }{
			{"http://127.0.0.1:8080/hook", "private, loopback"},
			{"http://169.254.169.254/latest/meta-data/", "private, loopback"},
			{"http://[::1]/", "private, loopback"},
			{"http://localhost/", "this machine"},
			{"ftp://93.184.216.34/", "http or https"},
			{"https://u:p@93.184.216.34/", "credentials"},
		} {
			r := e.as(t, "admin", createWebhook, map[string]any{"url": bad.url})
			if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, bad.want) {
				t.Errorf("%s: %+v", bad.url, r.Errors)
			}
		}
		r = e.as(t, "admin", createWebhook, map[string]any{"url": "https://93.184.216.34/x", "events": []string{"item.exploded"}})
		if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "item.published") {
			t.Errorf("unknown event: %+v", r.Errors)
		}
		if n := e.db.Client.Webhook.Query().CountX(e.all()); n != 1 {
			t.Fatalf("%d webhooks after refused input, want 1", n)
		}

		id := e.draftBrandID(t, "webhook-brand")
		for _, m := range []string{"publish", "unpublish"} {
			if r := e.as(t, "publisher", `mutation($id: ID!) { `+m+`(id: $id) { id } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
		}
		var list struct {
			Webhooks []struct {
				ID         string
				Deliveries []struct {
					EventID, Event, EntityType, EntityID, State, Payload string
					Attempts                                             int
					Log                                                  []struct{ StatusCode int }
				}
			}
		}
		r = e.as(t, "admin", listWebhooks, nil)
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		decode(t, r, &list)
		if len(list.Webhooks) != 1 || len(list.Webhooks[0].Deliveries) != 2 {
			t.Fatalf("list %+v", list)
		}
		newest := list.Webhooks[0].Deliveries[0]
		if newest.Event != "item.unpublished" || newest.EntityType != "Brand" || newest.EntityID != id || newest.State != "PENDING" ||
			newest.Attempts != 0 || len(newest.Log) != 0 || !strings.Contains(newest.Payload, newest.EventID) {
			t.Errorf("newest delivery %+v", newest)
		}
		if r := e.as(t, "admin", deleteWebhook, map[string]any{"id": w.Webhook.ID}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if n := e.db.Client.WebhookDelivery.Query().CountX(e.all()); n != 0 {
			t.Errorf("%d deliveries left after the webhook was deleted", n)
		}
		if r := e.as(t, "admin", deleteWebhook, map[string]any{"id": w.Webhook.ID}); code(r) != "NOT_FOUND" {
			t.Errorf("deleting again: %+v", r.Errors)
		}
	})
}

func decode(t *testing.T, r response, out any) {
	t.Helper()
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decode %s: %v", r.Data, err)
	}
}
