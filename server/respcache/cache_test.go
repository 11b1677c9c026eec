package respcache

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"brandshow/ent/visibility"
	"brandshow/server/middleware"
	"brandshow/server/store"
)

// answering is a GraphQL server stand-in: it answers a query with its
// counter, so a test can tell a stored answer from a fresh one.
type answering struct {
	n      atomic.Int64
	before func() // runs while the request executes
}

func (a *answering) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	vouch(w, true, true)
	if a.before != nil {
		a.before()
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"data":{"n":%d}}`, a.n.Add(1))
}

// vouch is what the GraphQL server says of its answer: clean (executed,
// no errors) and storable (a query).
func vouch(w http.ResponseWriter, clean, storable bool) {
	if a, ok := w.(*middleware.Answer); ok {
		a.Clean, a.Storable = clean, storable
	}
}

func get(h http.Handler, query string, mutate ...func(*http.Request)) (string, string) {
	req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(query), nil)
	for _, m := range mutate {
		m(req)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Header().Get(StatusHeader), rec.Body.String()
}

func TestHitAfterMissAndInvalidation(t *testing.T) {
	c := New(Options{MaxBytes: 1 << 20})
	h := c.Middleware(&answering{})
	if s, b := get(h, "{ n }"); s != "miss" || b != `{"data":{"n":1}}` {
		t.Fatalf("first: %s %s", s, b)
	}
	if s, b := get(h, "{ n }"); s != "hit" || b != `{"data":{"n":1}}` {
		t.Fatalf("second: %s %s", s, b)
	}
	c.OnChange(store.RemoteWrite)
	if s, b := get(h, "{ n }"); s != "miss" || b != `{"data":{"n":2}}` {
		t.Fatalf("after a write: %s %s", s, b)
	}
	if st := c.Stats(); st.Hits != 1 || st.Misses != 2 || st.Invalidations["remote_write"] != 1 {
		t.Fatalf("stats %+v", st)
	}
}

// TestReadRacingAWriteIsNotStored: a request that began before a write
// committed may have read the old data; its answer must not be stored after
// the invalidation, or it would be served until the next write.
func TestReadRacingAWriteIsNotStored(t *testing.T) {
	c := New(Options{MaxBytes: 1 << 20})
	a := &answering{}
	h := c.Middleware(a)
	a.before = func() { c.OnChange(store.LocalWrite) } // the write commits mid-request
	if s, _ := get(h, "{ n }"); s != "miss" {
		t.Fatalf("first: %s", s)
	}
	a.before = nil
	if s, b := get(h, "{ n }"); s != "miss" || b != `{"data":{"n":2}}` {
		t.Fatalf("the racing answer was stored: %s %s", s, b)
	}
	if st := c.Stats(); st.RejectedStale != 1 {
		t.Fatalf("stats %+v, want one refused store", st)
	}
}

func TestNotStored(t *testing.T) {
	c := New(Options{MaxBytes: 1 << 20})
	cases := map[string]http.HandlerFunc{
		"errors": func(w http.ResponseWriter, r *http.Request) {
			vouch(w, false, true) // the GraphQL server saw errors
			_, _ = w.Write([]byte(`{"errors":[{"message":"x"}],"data":{"n":1}}`))
		},
		"not 200": func(w http.ResponseWriter, r *http.Request) {
			vouch(w, true, true)
			w.WriteHeader(http.StatusServiceUnavailable)
		},
		"mutation": func(w http.ResponseWriter, r *http.Request) {
			vouch(w, true, false)
			_, _ = w.Write([]byte(`{"data":{"n":1}}`))
		},
		"never reached the GraphQL server": func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(`{"data":{"n":1}}`))
		},
	}
	for name, next := range cases {
		h := c.Middleware(next)
		for i := 0; i < 2; i++ {
			if s, _ := get(h, "{ "+strings.ReplaceAll(name, " ", "_")+" }"); s != "miss" {
				t.Fatalf("%s #%d: %s, want miss", name, i, s)
			}
		}
	}
	if st := c.Stats(); st.Entries != 0 {
		t.Fatalf("%d entries stored", st.Entries)
	}
}

func TestBypass(t *testing.T) {
	c := New(Options{MaxBytes: 1 << 20})
	h := c.Middleware(&answering{})
	for name, m := range map[string]func(*http.Request){
		"token holder": func(r *http.Request) {
			*r = *r.WithContext(visibility.WithViewer(r.Context(), visibility.Viewer{Name: "e", Role: visibility.RoleEditor}))
		},
		"authorization": func(r *http.Request) { r.Header.Set("Authorization", "Bearer x") },
		"bad variables": func(r *http.Request) { r.URL.RawQuery += "&variables=%7B" },
	} {
		for i := 0; i < 2; i++ {
			if s, _ := get(h, "{ n }", m); s != "bypass" {
				t.Fatalf("%s: %s, want bypass", name, s)
			}
		}
	}
}

func TestKeyCoversWhatChangesTheAnswer(t *testing.T) {
	base := func() *http.Request {
		return httptest.NewRequest(http.MethodGet, "/graphql?query=%7Bn%7D&variables=%7B%22a%22%3A1%2C%22b%22%3A2%7D", nil)
	}
	k0, ok := requestKey(base())
	if !ok {
		t.Fatal("no key")
	}
	same := base()
	same.URL.RawQuery = "variables=" + url.QueryEscape(`{ "b": 2, "a": 1 }`) + "&query=%7Bn%7D&utm=1"
	if k, _ := requestKey(same); k != k0 {
		t.Fatal("reordered variables must share the entry")
	}
	for name, m := range map[string]func(*http.Request){
		"query":          func(r *http.Request) { r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "%7Bn%7D", "%7Bm%7D", 1) },
		"variables":      func(r *http.Request) { r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "%3A2", "%3A3", 1) },
		"operation name": func(r *http.Request) { r.URL.RawQuery += "&operationName=N" },
		"extensions": func(r *http.Request) {
			r.URL.RawQuery += "&extensions=" + url.QueryEscape(`{"persistedQuery":{"version":1,"sha256Hash":"ab"}}`)
		},
		"accept": func(r *http.Request) { r.Header.Set("Accept", "application/graphql-response+json") },
	} {
		r := base()
		m(r)
		if k, ok := requestKey(r); !ok || k == k0 {
			t.Errorf("%s does not change the key", name)
		}
	}
	post := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{n}","variables":{"b":2,"a":1}}`))
	post.Header.Set("Content-Type", "application/json")
	kp, ok := requestKey(post)
	if !ok || kp == k0 {
		t.Fatalf("POST: %v, and it must be keyed apart from GET", ok)
	}
	post2 := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"variables":{"a":1,"b":2},"query":"{n}"}`))
	post2.Header.Set("Content-Type", "application/json; charset=utf-8")
	if k, _ := requestKey(post2); k != kp {
		t.Fatal("the same POST in another order must share the entry")
	}
	unknown := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{n}","foo":1}`))
	unknown.Header.Set("Content-Type", "application/json")
	if _, ok := requestKey(unknown); ok {
		t.Fatal("a body with unknown members must not be cached")
	}
}

func TestMemoryIsBounded(t *testing.T) {
	c := New(Options{MaxBytes: 64 << 10})
	big := strings.Repeat("x", 4<<10)
	h := c.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		vouch(w, true, true)
		_, _ = w.Write([]byte(`{"data":"` + big + `"}`))
	}))
	for i := range 100 {
		get(h, fmt.Sprintf("{ n%d }", i))
		if st := c.Stats(); st.Bytes > 64<<10 {
			t.Fatalf("after %d answers the cache holds %d bytes", i+1, st.Bytes)
		}
	}
	st := c.Stats()
	if st.Evictions == 0 || st.Entries == 0 || st.Entries >= 16 {
		t.Fatalf("stats %+v: want evictions and fewer than 16 entries of 4 KiB", st)
	}
	// The most recent answer is still there, the first long gone.
	if s, _ := get(h, "{ n99 }"); s != "hit" {
		t.Fatalf("newest: %s", s)
	}
	if s, _ := get(h, "{ n0 }"); s != "miss" {
		t.Fatalf("oldest: %s", s)
	}
	// An answer over an eighth of the cache is not stored at all.
	huge := New(Options{MaxBytes: 16 << 10})
	hh := huge.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		vouch(w, true, true)
		_, _ = w.Write([]byte(`{"data":"` + big + `"}`))
	}))
	get(hh, "{ n }")
	if st := huge.Stats(); st.Entries != 0 {
		t.Fatalf("an oversized answer was stored: %+v", st)
	}
}

func TestTTL(t *testing.T) {
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	c := New(Options{MaxBytes: 1 << 20, TTL: time.Minute, Now: func() time.Time { return now }})
	h := c.Middleware(&answering{})
	get(h, "{ n }")
	now = now.Add(59 * time.Second)
	if s, _ := get(h, "{ n }"); s != "hit" {
		t.Fatalf("before the TTL: %s", s)
	}
	now = now.Add(time.Second)
	if s, _ := get(h, "{ n }"); s != "miss" {
		t.Fatalf("at the TTL: %s", s)
	}
}

// TestListenerDownSuspends: while other processes' writes cannot be heard,
// nothing is served or stored; when the listener is back the cache starts
// empty.
func TestListenerDownSuspends(t *testing.T) {
	c := New(Options{MaxBytes: 1 << 20})
	h := c.Middleware(&answering{})
	get(h, "{ n }")
	c.OnChange(store.ListenerDown)
	for i := 0; i < 2; i++ {
		if s, b := get(h, "{ n }"); s != "miss" || b != fmt.Sprintf(`{"data":{"n":%d}}`, i+2) {
			t.Fatalf("while down #%d: %s %s", i, s, b)
		}
	}
	c.OnChange(store.ListenerUp)
	if s, b := get(h, "{ n }"); s != "miss" || b != `{"data":{"n":4}}` {
		t.Fatalf("first after up: %s %s", s, b)
	}
	if s, _ := get(h, "{ n }"); s != "hit" {
		t.Fatalf("second after up: %s", s)
	}
	// Suspend (main, before the first LISTEN) works the same.
	c.Suspend()
	if s, _ := get(h, "{ n }"); s != "miss" {
		t.Fatalf("suspended: %s", s)
	}
}

// TestReplicaLagInvalidatesAgain: with a replica, an answer stored right
// after a write (read from a replica that may not have replayed it yet) is
// dropped once the lag has passed.
func TestReplicaLagInvalidatesAgain(t *testing.T) {
	c := New(Options{MaxBytes: 1 << 20, ReplicaLag: 20 * time.Millisecond})
	h := c.Middleware(&answering{})
	c.OnChange(store.RemoteWrite)
	get(h, "{ n }")
	if s, _ := get(h, "{ n }"); s != "hit" {
		t.Fatalf("right after the write: %s", s)
	}
	deadline := time.Now().Add(5 * time.Second)
	for c.Stats().Invalidations["replica_lag"] == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no delayed invalidation")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if s, _ := get(h, "{ n }"); s != "miss" {
		t.Fatalf("after the lag: %s", s)
	}
}

// coalescing starts n concurrent requests for one query whose execution
// waits until the n-1 later ones have missed too, then runs during (a
// hook, e.g. a write), and returns every answer.
func coalescing(t *testing.T, c *Cache, n int, during func()) ([]string, *answering) {
	t.Helper()
	release := make(chan struct{})
	a := &answering{}
	a.before = func() {
		if a.n.Load() == 0 { // the first execution only
			<-release
			if during != nil {
				during()
			}
		}
	}
	h := c.Middleware(a)
	bodies := make([]string, n)
	done := make(chan int)
	for i := range n {
		go func() {
			_, bodies[i] = get(h, "{ n }")
			done <- i
		}()
	}
	for c.Stats().Misses < int64(n) {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(10 * time.Millisecond) // the last one gets from its miss to the wait
	close(release)
	for range n {
		<-done
	}
	return bodies, a
}

// TestConcurrentMissesExecuteOnce: requests for a query that is executing
// wait for its answer instead of executing it again.
func TestConcurrentMissesExecuteOnce(t *testing.T) {
	c := New(Options{MaxBytes: 1 << 20})
	bodies, a := coalescing(t, c, 8, nil)
	for i, b := range bodies {
		if b != `{"data":{"n":1}}` {
			t.Fatalf("request %d got %s, want the one execution's answer", i, b)
		}
	}
	if n := a.n.Load(); n != 1 {
		t.Fatalf("%d executions for 8 concurrent identical requests", n)
	}
	if st := c.Stats(); st.Coalesced != 7 || st.Hits != 7 || st.Misses != 1 {
		t.Fatalf("stats %+v", st)
	}
}

// TestCoalescedAnswerNotSharedAfterAWrite: when a write commits while the
// first request executes, its answer may be old: it is neither stored nor
// given to the requests waiting for it; they execute themselves.
func TestCoalescedAnswerNotSharedAfterAWrite(t *testing.T) {
	c := New(Options{MaxBytes: 1 << 20})
	bodies, a := coalescing(t, c, 6, func() { c.OnChange(store.LocalWrite) })
	ones := 0
	for _, b := range bodies {
		if b == `{"data":{"n":1}}` {
			ones++
		}
	}
	if ones != 1 || a.n.Load() != 6 {
		t.Fatalf("answers %q after %d executions: the answer computed across the write was shared", bodies, a.n.Load())
	}
	if st := c.Stats(); st.Coalesced != 0 {
		t.Fatalf("stats %+v", st)
	}
}
