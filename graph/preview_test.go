package graph_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"brandshow/ent/previewlink"
	"brandshow/ent/rolemodel"
	"brandshow/server/respcache"
	"brandshow/server/store/storetest"
)

const previewQuery = `query($s: String!) { preview(secret: $s) { id ... on Brand { nameZh status roleModels(first: 10) { totalCount edges { node { nameZh } } } } } }`

// TestPreviewLinks makes a link to a draft brand linked to a draft person,
// opens it without a token, and checks that it shows that brand and no
// other draft, is never cached, and stops at revocation and expiry; bad
// requests make no link.
func TestPreviewLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		id := e.draftBrandID(t, "preview-brand")
		bid, _ := strconv.Atoi(id)
		person := e.db.Client.RoleModel.Create().SetSlug("preview-person").SetNameZh("草稿人物").
			SetKind(rolemodel.KindFOUNDER).AddBrandIDs(bid).SaveX(e.all())

		create := `mutation($id: ID!, $in: Int) { createPreviewLink(id: $id, expiresIn: $in) { url link { id itemID itemType createdBy expiresAt } } }`
		for role, want := range map[string]string{"anonymous": "UNAUTHENTICATED"} {
			if r := e.as(t, role, create, map[string]any{"id": id}); code(r) != want {
				t.Errorf("createPreviewLink as %s: %+v", role, r.Errors)
			}
		}
		for _, in := range []int{10, 31 * 24 * 3600} {
			if r := e.as(t, "editor", create, map[string]any{"id": id, "in": in}); code(r) != "BAD_USER_INPUT" {
				t.Errorf("expiresIn %d: %+v", in, r.Errors)
			}
		}
		if n := e.db.Client.PreviewLink.Query().CountX(e.all()); n != 0 {
			t.Fatalf("refused requests made %d links", n)
		}

		r := e.as(t, "editor", create, map[string]any{"id": id})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		var made struct {
			CreatePreviewLink struct {
				URL  string
				Link struct{ ID, ItemID, ItemType, CreatedBy, ExpiresAt string }
			}
		}
		_ = json.Unmarshal(r.Data, &made)
		link := made.CreatePreviewLink
		if !strings.HasPrefix(link.URL, "/preview/") || link.Link.ItemID != id || link.Link.ItemType != "Brand" || link.Link.CreatedBy != "test-editor" {
			t.Fatalf("link %+v", link)
		}
		if exp, err := time.Parse(time.RFC3339, link.Link.ExpiresAt); err != nil || exp.Sub(time.Now()) < 6*24*time.Hour || exp.Sub(time.Now()) > 7*24*time.Hour+time.Minute {
			t.Errorf("default expiry %s", link.Link.ExpiresAt)
		}
		secret := strings.TrimPrefix(link.URL, "/preview/")
		stored := e.db.Client.PreviewLink.Query().OnlyX(e.all())
		if stored.Hash == secret || strings.Contains(stored.Hash, secret) {
			t.Fatal("the secret itself is stored")
		}

		// Without a token: the draft brand, not the draft person linked to it;
		// twice, and never from a cache.
		for i := 0; i < 2; i++ {
			status, body, header := sendWithHeader(t, e.h, previewQuery, map[string]any{"s": secret})
			if status == "hit" || header.Get("Cache-Control") != "no-store" {
				t.Errorf("preview answer %d: cache %q, Cache-Control %q", i, status, header.Get("Cache-Control"))
			}
			if !strings.Contains(body, `"nameZh":"测试品牌"`) || !strings.Contains(body, `"status":"DRAFT"`) || strings.Contains(body, "草稿人物") || !strings.Contains(body, `"totalCount":0`) {
				t.Errorf("preview answer %s", body)
			}
		}
		// Over GET too, which browsers and CDNs may keep: not this one.
		vars, _ := json.Marshal(map[string]any{"s": secret})
		for i := 0; i < 2; i++ {
			req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(previewQuery)+"&variables="+url.QueryEscape(string(vars)), nil)
			rec := httptest.NewRecorder()
			e.h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK || rec.Header().Get("Cache-Control") != "no-store" || rec.Header().Get("ETag") != "" || rec.Header().Get(respcache.StatusHeader) == "hit" ||
				!strings.Contains(rec.Body.String(), "测试品牌") {
				t.Errorf("GET preview %d: %d %v %s", i, rec.Code, rec.Header(), rec.Body.String())
			}
		}
		// The public answers are as before.
		r = e.as(t, "anonymous", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
		if !strings.Contains(string(r.Data), `"node":null`) {
			t.Errorf("node(draft) with a link out: %s", r.Data)
		}
		if r := e.as(t, "anonymous", previewQuery, map[string]any{"s": secret[:42] + "x"}); code(r) != "NOT_FOUND" {
			t.Errorf("a wrong secret: %s %+v", r.Data, r.Errors)
		}

		// Listed for token holders only.
		list := `query($id: ID!) { previewLinks(id: $id) { id revokedAt } }`
		if r := e.as(t, "anonymous", list, map[string]any{"id": id}); code(r) != "UNAUTHENTICATED" {
			t.Errorf("previewLinks as anonymous: %+v", r.Errors)
		}
		if r := e.as(t, "editor", list, map[string]any{"id": id}); len(r.Errors) > 0 || !strings.Contains(string(r.Data), link.Link.ID) {
			t.Errorf("previewLinks as editor: %s %+v", r.Data, r.Errors)
		}

		// The page: the web client's shell, kept by no cache and no index.
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, link.URL, nil))
		if rec.Code != http.StatusOK || rec.Header().Get("Cache-Control") != "no-store" || rec.Header().Get("X-Robots-Tag") != "noindex" ||
			rec.Header().Get("Referrer-Policy") != "no-referrer" || !strings.Contains(rec.Body.String(), "noindex") {
			t.Errorf("GET %s: %d %v", link.URL, rec.Code, rec.Header())
		}

		// Revoked: gone at once.
		if r := e.as(t, "editor", `mutation($id: ID!) { revokePreviewLink(id: $id) { revokedAt } }`, map[string]any{"id": link.Link.ID}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if r := e.as(t, "anonymous", previewQuery, map[string]any{"s": secret}); code(r) != "NOT_FOUND" {
			t.Errorf("revoked link: %s %+v", r.Data, r.Errors)
		}
		// Expired: gone too.
		old := strings.Repeat("A", 43)
		sum := sha256.Sum256([]byte(old))
		e.db.Client.PreviewLink.Create().SetItemID(bid).SetItemType("Brand").SetHash(hex.EncodeToString(sum[:])).
			SetCreatedBy("test").SetExpiresAt(time.Now().Add(-time.Second)).SaveX(e.all())
		if r := e.as(t, "anonymous", previewQuery, map[string]any{"s": old}); code(r) != "NOT_FOUND" {
			t.Errorf("expired link: %s %+v", r.Data, r.Errors)
		}
		if n := e.db.Client.PreviewLink.Query().Where(previewlink.ItemID(bid)).CountX(e.all()); n != 2 {
			t.Errorf("%d links", n)
		}
		_ = person
	})
}

// sendWithHeader posts an anonymous query and returns the response cache's
// status, the body and the headers.
func sendWithHeader(t *testing.T, h http.Handler, query string, vars map[string]any) (string, string, http.Header) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Header().Get(respcache.StatusHeader), rec.Body.String(), rec.Header()
}
