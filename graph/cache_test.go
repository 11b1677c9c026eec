package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"brandshow/ent/brand"
	"brandshow/ent/revision"
	"brandshow/ent/token"
	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/httpapp"
	"brandshow/server/respcache"
	"brandshow/server/seed"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// cachedHandler is handlerFor with a response cache that follows db's writes,
// as main builds it.
func cachedHandler(db *store.DB) (http.Handler, *respcache.Cache) {
	rc := respcache.New(respcache.Options{MaxBytes: 8 << 20})
	db.OnChange(rc.OnChange)
	return httpapp.New(httpapp.Config{
		DB: db, SampleContent: true, AllowedOrigins: []string{"*"}, Introspection: true,
		Logger: testLogger(), ResponseCache: rc,
	}), rc
}

// send posts a query, with a token when tok is not empty, and returns the
// cache status header and the body.
func send(t *testing.T, h http.Handler, tok, query string, vars map[string]any) (string, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Header().Get(respcache.StatusHeader), rec.Body.String()
}

const brandStatusQuery = `query B($slug: String!) { brand(slug: $slug) { slug name } }`

// TestResponseCacheServesAnonymousOnly: a repeated anonymous query is a hit
// with the same answer; token holders are never served from the cache nor
// stored in it (they see drafts); errors are not stored.
func TestResponseCacheServesAnonymousOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		h, rc := cachedHandler(e.db)
		vars := map[string]any{"slug": "hongan-dasao"}
		s1, b1 := send(t, h, "", brandStatusQuery, vars)
		s2, b2 := send(t, h, "", brandStatusQuery, vars)
		if s1 != "miss" || s2 != "hit" || b1 != b2 || !strings.Contains(b1, `"hongan-dasao"`) {
			t.Fatalf("anonymous: %s %s / %s %s, want miss then hit with the same answer", s1, b1, s2, b2)
		}
		// Another language is another answer.
		if s, b := send(t, h, "", `query B($slug: String!) { brand(slug: $slug) { slug name(lang: EN) } }`, vars); s != "miss" || b == b1 {
			t.Fatalf("English: %s %s, want a miss with another answer", s, b)
		}
		// Same variables in another order and spacing: same entry.
		req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(brandStatusQuery)+"&variables="+url.QueryEscape(`{ "slug" : "hongan-dasao" }`), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Header().Get(respcache.StatusHeader) != "miss" { // GET is keyed apart from POST
			t.Fatalf("GET: %s", rec.Header().Get(respcache.StatusHeader))
		}
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/graphql?variables="+url.QueryEscape(`{"slug":"hongan-dasao"}`)+"&query="+url.QueryEscape(brandStatusQuery), nil))
		if rec.Header().Get(respcache.StatusHeader) != "hit" || rec.Body.String() != b1 || rec.Header().Get("ETag") == "" {
			t.Fatalf("GET again: %s %s (ETag %q)", rec.Header().Get(respcache.StatusHeader), rec.Body.String(), rec.Header().Get("ETag"))
		}

		for i := 0; i < 2; i++ {
			if s, _ := send(t, h, e.tokens["editor"], brandStatusQuery, vars); s != "bypass" {
				t.Fatalf("editor: %s, want bypass", s)
			}
		}
		// An error answer (unknown argument) is not stored.
		for i := 0; i < 2; i++ {
			if s, b := send(t, h, "", `{ brand(slug: "x", nope: 1) { slug } }`, nil); s != "miss" || !strings.Contains(b, "errors") {
				t.Fatalf("error answer #%d: %s %s, want a miss every time", i, s, b)
			}
		}
		// Mutations are never stored, even refused ones.
		for i := 0; i < 2; i++ {
			if s, _ := send(t, h, "", `mutation { unpublish(id: "1") { id } }`, nil); s != "miss" {
				t.Fatalf("mutation #%d: %s", i, s)
			}
		}
		if st := rc.Stats(); st.Hits != 2 || st.Entries != 3 {
			t.Fatalf("stats %+v, want 2 hits and 3 entries", st)
		}
	})
}

// TestResponseCacheNeverStaleAfterWrite: once a mutation has returned, no
// anonymous request gets the answer from before it, while other anonymous
// requests hammer the same query concurrently (their answers race the
// writes; the generation check must keep the older ones out).
func TestResponseCacheNeverStaleAfterWrite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		h, rc := cachedHandler(e.db)
		ctx := context.Background()
		b := e.db.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(ctx)
		vars := map[string]any{"slug": b.Slug}
		var stop atomic.Bool
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for !stop.Load() {
					send(t, h, "", brandStatusQuery, vars)
				}
			}()
		}
		defer func() { stop.Store(true); wg.Wait() }()
		for i := range 10 {
			op, visible := "unpublish", false
			if i%2 == 1 {
				op, visible = "publish", true
			}
			r := e.as(t, "publisher", `mutation($id: ID!) { `+op+`(id: $id) { id } }`, map[string]any{"id": strconv.Itoa(b.ID)})
			if len(r.Errors) > 0 {
				t.Fatalf("%s: %+v", op, r.Errors)
			}
			for range 5 {
				_, body := send(t, h, "", brandStatusQuery, vars)
				if got := strings.Contains(body, `"hongan-dasao"`); got != visible {
					t.Fatalf("after %s #%d an anonymous read got %s", op, i, body)
				}
			}
		}
		if st := rc.Stats(); st.Hits == 0 || st.Invalidations["local_write"] < 10 {
			t.Fatalf("stats %+v: the cache was not exercised", st)
		}
	})
}

// TestReadReplica: with a read replica, anonymous requests read it and
// token holders the primary. The "replica" here is another PostgreSQL
// schema whose content differs, so the answer tells which one was read.
func TestReadReplica(t *testing.T) {
	for _, dia := range storetest.Dialects() {
		if dia != dialect.Postgres {
			continue
		}
		ctx := context.Background()
		primaryURL, replicaURL := storetest.NewURL(t, dia), storetest.NewURL(t, dia)
		for _, u := range []string{primaryURL, replicaURL} {
			db, err := store.Open(ctx, u, store.Options{Logger: testLogger()})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Migrate(ctx, testLogger()); err != nil {
				t.Fatal(err)
			}
			if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
				t.Fatal(err)
			}
			if u == replicaURL {
				db.Client.Brand.Update().Where(brand.Slug("hongan-dasao")).SetNameZh("副本里的红安大嫂").ExecX(visibility.WithSystem(ctx))
			}
			db.Close()
		}
		db, err := store.Open(ctx, primaryURL, store.Options{Logger: testLogger(), ReadURL: replicaURL})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		tok, hash, err := auth.NewToken()
		if err != nil {
			t.Fatal(err)
		}
		db.Client.Token.Create().SetName("reader").SetRole(token.RolePUBLISHER).SetHash(hash).ExecX(visibility.WithSystem(ctx))
		h := handlerFor(db)
		vars := map[string]any{"slug": "hongan-dasao"}
		if _, body := send(t, h, "", brandStatusQuery, vars); !strings.Contains(body, "副本里的红安大嫂") {
			t.Fatalf("anonymous read %s, want the replica's name", body)
		}
		if _, body := send(t, h, tok, brandStatusQuery, vars); !strings.Contains(body, `"红安大嫂"`) {
			t.Fatalf("editor read %s, want the primary's name", body)
		}
		// The editor's writes go to the primary, whoever reads.
		b := db.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(ctx)
		if _, body := send(t, h, tok, `mutation($id: ID!) { updateBrand(id: $id, input: { workersEmployed: 777 }) { id } }`, map[string]any{"id": strconv.Itoa(b.ID)}); strings.Contains(body, "errors") {
			t.Fatalf("update: %s", body)
		}
		// The brand is published: the edit waits as a pending revision,
		// which the publisher publishes.
		rev := db.Client.Revision.Query().Where(revision.ItemID(b.ID), revision.StatusEQ(revision.StatusPENDING)).OnlyX(visibility.WithSystem(ctx))
		if _, body := send(t, h, tok, `mutation($id: ID!) { publishRevision(id: $id) { status } }`, map[string]any{"id": strconv.Itoa(rev.ID)}); !strings.Contains(body, "PUBLISHED") {
			t.Fatalf("publishRevision: %s", body)
		}
		if n := db.Client.Brand.GetX(ctx, b.ID).WorkersEmployed; n != 777 {
			t.Fatalf("primary has %d workers, want 777", n)
		}
		if db.ReadSQL == nil {
			t.Fatal("no replica pool")
		}
	}
}

// BenchmarkFeaturedPage measures the promotion sites' featured block (the
// FeaturedPage query of docs/client-developers.md) through the whole HTTP handler, answered
// from the response cache ("cached"), executed every time without one
// ("uncached") and with one that misses every time ("miss"):
//
//	go test -run '^$' -bench FeaturedPage -benchtime 3s ./graph/
func BenchmarkFeaturedPage(b *testing.B) {
	const query = `query FeaturedPage {
  featuredBrands(first: 6, category: QUALITY_SERVICE) {
    slug name summary category level
    region { code name parent { name } }
    roleModels(first: 3) { edges { node { slug name kind } } }
    mediaCoverages { totalCount }
  }
  stats { brandCount workersEmployed }
  about { sampleContent notice }
}`
	db := storetest.SharedDemo(b, dialect.SQLite)
	target := "/graphql?query=" + url.QueryEscape(query)
	for _, name := range []string{"cached", "uncached", "miss"} {
		b.Run(name, func(b *testing.B) {
			cfg := httpapp.Config{DB: db, SampleContent: true, AllowedOrigins: []string{"*"}, Logger: testLogger()}
			switch name {
			case "cached":
				cfg.ResponseCache = respcache.New(respcache.Options{MaxBytes: 8 << 20})
			case "miss": // a cache too small to store it: every answer is a miss
				cfg.ResponseCache = respcache.New(respcache.Options{MaxBytes: 1})
			}
			h := httpapp.New(cfg)
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
					if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"errors"`) {
						b.Fatalf("%d %s", rec.Code, rec.Body.String())
					}
				}
			})
		})
	}
}

// TestFeaturedPageIsServedFromCache: the promotion site's featured page,
// whose role models ent loads with a WITH statement (a per-brand limit), is
// a hit the second time. A read mistaken for a write would empty the cache
// on every request.
func TestFeaturedPageIsServedFromCache(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		h, _ := cachedHandler(db)
		const page = `{ featuredBrands(first: 20) { slug roleModels(first: 3) { edges { node { slug } } } mediaCoverages { totalCount } } stats { brandCount } }`
		s1, b1 := send(t, h, "", page, nil)
		s2, b2 := send(t, h, "", page, nil)
		if s1 != "miss" || s2 != "hit" || b1 != b2 || !strings.Contains(b1, `"roleModels"`) {
			t.Fatalf("featured page twice: %s then %s\n%.300s", s1, s2, b1)
		}
	})
}

// TestCacheabilityIsDecidedByTheServerNotByTheBody: whether an answer may
// be cached comes from what the GraphQL server knows (query or not, errors
// or not), not from searching the body for "errors": an alias named errors
// is an answer like any other, stored and served again; an answer with
// errors is neither stored nor public; introspection, even when answered
// from its own cache, is public for HTTP caches but not stored.
func TestCacheabilityIsDecidedByTheServerNotByTheBody(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		h, _ := cachedHandler(storetest.SharedDemo(t, dia))
		get := func(query string) *httpResult {
			return do(h, http.MethodGet, "/graphql?query="+url.QueryEscape(query), nil)
		}
		const aliased = `{ errors: stats { brandCount } }`
		first, second := get(aliased), get(aliased)
		for i, r := range []*httpResult{first, second} {
			if r.code != 200 || !strings.HasPrefix(r.body, `{"data":{"errors":{"brandCount":`) ||
				r.header.Get("Cache-Control") != "public, max-age=60" || r.header.Get("ETag") == "" {
				t.Fatalf("alias named errors #%d: %d %v %s", i+1, r.code, r.header, r.body)
			}
		}
		if s1, s2 := first.header.Get(respcache.StatusHeader), second.header.Get(respcache.StatusHeader); s1 != "miss" || s2 != "hit" || first.body != second.body {
			t.Fatalf("alias named errors: %s then %s, want miss then hit with the same answer", s1, s2)
		}
		const failing = `{ stats { brandCount } brand(slug: "x\u0000") { slug } }`
		for i := 0; i < 2; i++ {
			r := get(failing)
			if !strings.Contains(r.body, `"errors"`) || r.header.Get("Cache-Control") != "no-store" || r.header.Get("ETag") != "" || r.header.Get(respcache.StatusHeader) != "miss" {
				t.Fatalf("an answer with errors #%d: %d %v %s", i+1, r.code, r.header, r.body)
			}
		}
		const schema = `{ __schema { queryType { name } } }`
		for i := 0; i < 2; i++ { // the second from the introspection cache
			r := get(schema)
			if r.code != 200 || r.header.Get("Cache-Control") != "public, max-age=60" || r.header.Get(respcache.StatusHeader) != "miss" {
				t.Fatalf("introspection #%d: %d %v %s", i+1, r.code, r.header, r.body)
			}
		}
	})
}
