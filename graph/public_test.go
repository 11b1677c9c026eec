package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"brandshow/graph"
	"brandshow/server/httpapp"
	"brandshow/server/ratelimit"
	"brandshow/server/store/storetest"
)

// postRaw sends a POST with the given Accept header and returns the status
// and decoded body.
func postRaw(t *testing.T, h http.Handler, body string, header map[string]string) (int, http.Header, response) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var r response
	_ = json.Unmarshal(rec.Body.Bytes(), &r)
	return rec.Code, rec.Header(), r
}

func queryBody(q string) string {
	b, _ := json.Marshal(map[string]any{"query": q})
	return string(b)
}

func TestQueryLimitsRefuseBeforeExecution(t *testing.T) {
	db, counter := storetest.Fresh(t, "sqlite3", true)
	h := handlerFor(db)
	deep := "{ region(code: \"421122\") " + strings.Repeat("{ parent ", 16) + "{ code }" + strings.Repeat(" }", 16) + " }"
	aliases := "{ " + strings.Repeat("a%d: stats { brandCount } ", 1)
	var sb strings.Builder
	sb.WriteString("{ ")
	for i := range 60 {
		fmt.Fprintf(&sb, "a%d: about { sampleContent } ", i)
	}
	sb.WriteString("}")
	aliases = sb.String()
	bomb := `fragment A on Stats { brandCount roleModelCount venueCount mediaCoverageCount }
fragment B on Query { s1: stats { ...A } s2: stats { ...A } }
{ ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B }`
	cases := []struct {
		name, query, code, want string
	}{
		{"cost", `{ brands(first: 100) { edges { node { roleModels(first: 100) { edges { node { mediaCoverages(first: 100) { edges { node { id } } } } } } } } } }`,
			graph.CodeQueryTooCostly, "the limit is 25000"},
		{"depth", deep, graph.CodeQueryTooDeep, "the limit is 15"},
		{"aliases", aliases, graph.CodeQueryTooLarge, "60 aliases; the limit is 50"},
		{"fragment bomb", bomb, graph.CodeQueryTooLarge, "the limit is 1000"},
		{"document size", "{ stats { brandCount } }" + strings.Repeat(" ", 17<<10), graph.CodeQueryTooLarge, "the limit is 16384"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			counter.Reset()
			for _, accept := range []string{"application/json", "application/graphql-response+json"} {
				status, _, r := postRaw(t, h, queryBody(c.query), map[string]string{"Accept": accept})
				if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != c.code || !strings.Contains(r.Errors[0].Message, c.want) {
					t.Fatalf("%s: errors %+v, want code %s and %q", accept, r.Errors, c.code, c.want)
				}
				wantStatus := map[string]int{"application/json": 200, "application/graphql-response+json": 400}[accept]
				if status != wantStatus {
					t.Fatalf("%s: status %d, want %d", accept, status, wantStatus)
				}
				if r.Data != nil {
					t.Fatalf("a refused request must have no data entry, got %s", r.Data)
				}
			}
			if n := counter.Count(); n != 0 {
				t.Fatalf("refused query ran %d SQL statements", n)
			}
		})
	}
	// The refused cost is reported with the limit.
	_, _, r := postRaw(t, h, queryBody(cases[0].query), nil)
	cost, _ := r.Errors[0].Extensions["cost"].(map[string]any)
	if cost["limit"] != float64(25000) || cost["requested"].(float64) < 1_000_000 {
		t.Fatalf("cost extension %v", r.Errors[0].Extensions)
	}
}

func TestEveryResponseReportsItsCost(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		_, _, r := postRaw(t, h, `{"query":"query($n: Int) { featuredBrands(first: $n) { slug roleModels(first: 3) { edges { node { slug } } } } }","variables":{"n":12}}`, nil)
		var raw map[string]any
		b, _ := json.Marshal(r)
		_ = json.Unmarshal(b, &raw)
		status, _, _ := postRaw(t, h, `{"query":"{ stats { brandCount } }"}`, nil)
		if status != 200 {
			t.Fatalf("status %d", status)
		}
		// Decode the full body to see extensions.
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"query($n: Int) { featuredBrands(first: $n) { slug roleModels(first: 3) { edges { node { slug } } } } }","variables":{"n":12}}`))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var full struct {
			Extensions struct {
				Cost struct{ Requested, Limit int }
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &full); err != nil {
			t.Fatal(err)
		}
		// featuredBrands(12) × (slug + roleModels(3) × (edges + node + slug)) = 1 + 12 × (1 + 1 + 3 × 3)
		if full.Extensions.Cost.Requested != 1+12*(1+1+3*3) || full.Extensions.Cost.Limit != 25000 {
			t.Fatalf("extensions.cost = %+v (body %s)", full.Extensions.Cost, rec.Body.String())
		}
	})
}

// TestOurOwnQueriesFitTheLimits runs every GraphQL example of the README
// and docs/: the defaults must let all of our clients' queries through.
func TestOurOwnQueriesFitTheLimits(t *testing.T) {
	docs, err := filepath.Glob("../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	var text []byte
	for _, name := range append([]string{"../README.md"}, docs...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text = append(text, b...)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(text), -1)
	if len(blocks) < 4 {
		t.Fatalf("README and docs/ have %d graphql examples", len(blocks))
	}
	eachDemo(t, func(t *testing.T, h http.Handler) {
		for _, b := range blocks {
			vars := map[string]any{"slug": publishedBrands()[0].Slug, "id": "4294967297", "region": "17179869185", "person": "21474836481", "entry": "30064771073"}
			r := post(t, h, b[1], vars)
			for _, e := range r.Errors {
				// Editing examples need a token: refused at execution, so
				// they passed parsing, validation and every limit.
				if c := e.Extensions["code"]; c != "UNAUTHENTICATED" && c != "FORBIDDEN" {
					t.Errorf("documented example fails: %+v\n%s", r.Errors, b[1])
					break
				}
			}
		}
	})
}

func TestTimeAndSizeBounds(t *testing.T) {
	db, _ := storetest.Fresh(t, "sqlite3", true)
	h := httpapp.New(httpapp.Config{DB: db, Logger: quiet(), QueryTimeout: time.Nanosecond, AllowedOrigins: []string{"*"}})
	st, hd, r := postRaw(t, h, queryBody(`{ brands { totalCount } }`), nil)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != graph.CodeTimeout {
		t.Fatalf("expired deadline: %d %v %+v %s", st, hd, r.Errors, r.Data)
	}
	big := `{"query":"{ stats { brandCount } }","variables":{"pad":"` + strings.Repeat("x", 70<<10) + `"}}`
	status, _, r := postRaw(t, handlerFor(db), big, nil)
	if status < 400 || status >= 500 {
		t.Fatalf("oversized body: status %d %+v", status, r.Errors)
	}
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestRateLimiting(t *testing.T) {
	db := storetest.SharedDemo(t, "sqlite3")
	kiosks, _ := ratelimit.ParsePrefixes("10.20.0.0/16")
	proxies, _ := ratelimit.ParsePrefixes("192.0.2.1")
	h := httpapp.New(httpapp.Config{DB: db, Logger: quiet(), AllowedOrigins: []string{"*"},
		RateLimit: ratelimit.Config{Rate: 0.001, Burst: 3, KioskRate: 0.001, KioskBurst: 10, KioskNetworks: kiosks, TrustedProxies: proxies}})
	send := func(remote, xff string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape("{ stats { brandCount } }"), nil)
		req.RemoteAddr = remote
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for i := range 3 {
		rec := send("198.51.100.7:1234", "")
		if rec.Code != 200 || rec.Header().Get("RateLimit-Limit") != "3" || rec.Header().Get("RateLimit-Remaining") != fmt.Sprint(2-i) {
			t.Fatalf("request %d: %d, headers %v", i, rec.Code, rec.Header())
		}
	}
	rec := send("198.51.100.7:1234", "203.0.113.9") // an untrusted peer's X-Forwarded-For changes nothing
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "RATE_LIMITED") {
		t.Fatalf("4th request: %d %v %s", rec.Code, rec.Header(), rec.Body.String())
	}
	if send("198.51.100.8:1", "").Code != 200 {
		t.Fatal("another client must have its own bucket")
	}
	// Behind a trusted proxy, the forwarded address is the client.
	for i := range 3 {
		if rec := send("192.0.2.1:1", "203.0.113.50"); rec.Code != 200 {
			t.Fatalf("proxied request %d: %d", i, rec.Code)
		}
	}
	if send("192.0.2.1:1", "203.0.113.50").Code != http.StatusTooManyRequests {
		t.Fatal("proxied client not limited")
	}
	if send("192.0.2.1:1", "203.0.113.51").Code != 200 {
		t.Fatal("a second client behind the proxy must have its own bucket")
	}
	// A kiosk network shares a larger bucket.
	for i := range 10 {
		if rec := send(fmt.Sprintf("10.20.%d.%d:1", i, i), ""); rec.Code != 200 {
			t.Fatalf("kiosk request %d: %d", i, rec.Code)
		}
	}
	if send("10.20.9.9:1", "").Code != http.StatusTooManyRequests {
		t.Fatal("kiosk network not limited at its own burst")
	}
	// Health checks are never limited.
	if rec := do(h, http.MethodGet, "/healthz", nil); rec.code != 200 {
		t.Fatal("healthz limited")
	}
}

func TestClientIPIgnoresSpoofing(t *testing.T) {
	trusted, _ := ratelimit.ParsePrefixes("10.0.0.0/8")
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.RemoteAddr = "10.1.1.1:80"
	req.Header.Set("X-Forwarded-For", "1.2.3.4, 203.0.113.5, 10.9.9.9")
	if got := ratelimit.ClientIP(req, trusted); got != netip.MustParseAddr("203.0.113.5") {
		t.Fatalf("ClientIP = %s, want the right-most untrusted hop", got)
	}
}

func TestGETCachingAndETag(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		target := "/graphql?query=" + url.QueryEscape("{ featuredBrands(first: 3) { slug } }")
		first := do(h, http.MethodGet, target, nil)
		etag := first.header.Get("ETag")
		if first.code != 200 || etag == "" || first.header.Get("Cache-Control") != "public, max-age=60" {
			t.Fatalf("GET: %d %v", first.code, first.header)
		}
		again := do(h, http.MethodGet, target, map[string]string{"If-None-Match": etag})
		if again.code != http.StatusNotModified || again.body != "" {
			t.Fatalf("If-None-Match: %d %q", again.code, again.body)
		}
		other := do(h, http.MethodGet, target, map[string]string{"If-None-Match": `"something-else"`})
		if other.code != 200 || other.body != first.body {
			t.Fatalf("non-matching ETag: %d", other.code)
		}
		bad := do(h, http.MethodGet, target, map[string]string{"Authorization": "Bearer abc"})
		if cc := bad.header.Get("Cache-Control"); bad.code != 401 || !strings.Contains(cc, "no-store") || bad.header.Get("ETag") != "" {
			t.Fatalf("a request with a bad token: %d %q", bad.code, cc)
		}
		failed := do(h, http.MethodGet, "/graphql?query="+url.QueryEscape("{ nosuchfield }"), nil)
		if failed.header.Get("Cache-Control") != "no-store" {
			t.Fatalf("a failed answer must not be cached: %v", failed.header)
		}
		status, hdr, _ := postRaw(t, h, queryBody("{ stats { brandCount } }"), nil)
		if status != 200 || hdr.Get("Cache-Control") != "no-store" {
			t.Fatalf("POST: %d %v", status, hdr)
		}
		mutation := do(h, http.MethodGet, "/graphql?query="+url.QueryEscape("mutation { __typename }"), nil)
		if mutation.code == 200 && !strings.Contains(mutation.body, "errors") {
			t.Fatalf("a mutation by GET must be refused: %d %s", mutation.code, mutation.body)
		}
	})
}

func TestAutomaticPersistedQueries(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		q := "{ stats { brandCount venueCount } }"
		hash := sha256hex(q)
		ext := fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":"%s"}}`, hash)
		_, _, r := postRaw(t, h, fmt.Sprintf(`{"extensions":%s}`, ext), nil)
		if len(r.Errors) == 0 || r.Errors[0].Message != "PersistedQueryNotFound" {
			t.Fatalf("unknown hash: %+v", r.Errors)
		}
		_, _, r = postRaw(t, h, fmt.Sprintf(`{"query":%q,"extensions":%s}`, q, ext), nil)
		if len(r.Errors) > 0 {
			t.Fatalf("register: %+v", r.Errors)
		}
		got := do(h, http.MethodGet, "/graphql?extensions="+url.QueryEscape(ext), nil)
		if got.code != 200 || !strings.Contains(got.body, `"venueCount"`) || got.header.Get("ETag") == "" {
			t.Fatalf("GET by hash: %d %s", got.code, got.body)
		}
	})
}

func TestTrustedDocumentsMode(t *testing.T) {
	db := storetest.SharedDemo(t, "sqlite3")
	q := "query Rotation { featuredBrands(first: 5) { slug } }"
	docs, err := graph.NewTrustedDocuments(map[string]string{sha256hex(q): q})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := graph.NewTrustedDocuments(map[string]string{"00": q}); err == nil {
		t.Fatal("a manifest with a wrong hash must be refused")
	}
	h := httpapp.New(httpapp.Config{DB: db, Logger: quiet(), TrustedDocuments: docs})
	_, _, r := postRaw(t, h, queryBody(q), nil)
	if len(r.Errors) > 0 {
		t.Fatalf("registered text: %+v", r.Errors)
	}
	_, _, r = postRaw(t, h, fmt.Sprintf(`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"%s"}}}`, sha256hex(q)), nil)
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "featuredBrands") {
		t.Fatalf("registered hash: %+v %s", r.Errors, r.Data)
	}
	status, _, r := postRaw(t, h, queryBody("{ brands(first: 100) { totalCount } }"), map[string]string{"Accept": "application/graphql-response+json"})
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != graph.CodeOperationNotTrusted || status != 400 {
		t.Fatalf("unregistered: %d %+v", status, r.Errors)
	}
}

func TestInternalErrorsAreMasked(t *testing.T) {
	db, _ := storetest.Fresh(t, "sqlite3", true)
	var logs bytes.Buffer
	h := httpapp.New(httpapp.Config{DB: db, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	db.SQL.Close() // every statement now fails inside the driver
	status, hdr, r := postRaw(t, h, queryBody("{ brands { totalCount } }"), map[string]string{"X-Request-Id": "test-request-0001"})
	if status != 200 || len(r.Errors) == 0 {
		t.Fatalf("status %d errors %+v", status, r.Errors)
	}
	e := r.Errors[0]
	if e.Message != "internal error" || e.Extensions["code"] != graph.CodeInternal || e.Extensions["requestId"] != "test-request-0001" {
		t.Fatalf("error %+v", e)
	}
	if hdr.Get("X-Request-Id") != "test-request-0001" {
		t.Fatalf("X-Request-Id %q", hdr.Get("X-Request-Id"))
	}
	if !strings.Contains(logs.String(), "database is closed") || !strings.Contains(logs.String(), "test-request-0001") {
		t.Fatalf("the log must keep the detail and the request id:\n%s", logs.String())
	}
	// A malicious request id is replaced.
	_, hdr, _ = postRaw(t, h, queryBody("{ about { sampleContent } }"), map[string]string{"X-Request-Id": "<script>"})
	if id := hdr.Get("X-Request-Id"); id == "" || strings.Contains(id, "<") {
		t.Fatalf("request id %q", id)
	}
}

func TestIntrospectionCanBeTurnedOff(t *testing.T) {
	db := storetest.SharedDemo(t, "sqlite3")
	h := httpapp.New(httpapp.Config{DB: db, Logger: quiet(), Introspection: false})
	r := post(t, h, `{ __schema { types { name } } }`, nil)
	if len(r.Errors) == 0 {
		t.Fatal("introspection answered although turned off")
	}
	if r := post(t, h, `{ stats { brandCount } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("ordinary query: %+v", r.Errors)
	}
}

// TestBadRequestKinds sends each kind of broken request and expects a 4xx
// (or a 200 with errors, for mistakes found in the document) whose every
// error has extensions.code, and never a 5xx, an echo of the request body,
// a Go type name or another leak.
func TestBadRequestKinds(t *testing.T) {
	db := storetest.SharedDemo(t, "sqlite3")
	h := handlerFor(db)
	intQuery := "query($n: Int) { featuredBrands(first: $n) { slug } }"
	cases := []struct {
		name, method, contentType, body, target string
		want                                    string // in the message, when set
	}{
		{"malformed JSON", http.MethodPost, "application/json", `{"query": "{ stats { brandCount } }"`, "/graphql", ""},
		{"JSON that is not an object", http.MethodPost, "application/json", `["{ stats { brandCount } }"]`, "/graphql", ""},
		{"batched requests", http.MethodPost, "application/json", `[{"query": "{ stats { brandCount } }"}, {"query": "{ about { notice } }"}]`, "/graphql", "batch"},
		{"query not a string", http.MethodPost, "application/json", `{"query": 5}`, "/graphql", ""},
		{"no query", http.MethodPost, "application/json", `{"variables": {}}`, "/graphql", ""},
		{"variables not an object", http.MethodPost, "application/json", `{"query": "{ stats { brandCount } }", "variables": 7}`, "/graphql", ""},
		{"unsupported content type", http.MethodPost, "text/plain", `{ stats { brandCount } }`, "/graphql", ""},
		{"bad variables in GET", http.MethodGet, "", "", "/graphql?query=" + url.QueryEscape(intQuery) + "&variables=" + url.QueryEscape("{not json"), ""},
		{"bad extensions in GET", http.MethodGet, "", "", "/graphql?query=" + url.QueryEscape("{ stats { brandCount } }") + "&extensions=" + url.QueryEscape("[1"), ""},
		{"bad URL escape in GET", http.MethodGet, "", "", "/graphql?query=%zz", ""},
		{"mutation by GET", http.MethodGet, "", "", "/graphql?query=" + url.QueryEscape("mutation { publish(id: 1) { id } }"), "POST"},
		{"parse error", http.MethodPost, "application/json", `{"query": "{ stats { brandCount "}`, "/graphql", ""},
		{"unknown field", http.MethodPost, "application/json", `{"query": "{ secrets }"}`, "/graphql", ""},
		{"wrong variable type", http.MethodPost, "application/json", `{"query": "` + intQuery + `", "variables": {"n": "many"}}`, "/graphql", ""},
		{"Int variable not an integer", http.MethodPost, "application/json", `{"query": "` + intQuery + `", "variables": {"n": 5.5}}`, "/graphql", "5.5"},
		{"Int variable beyond 64 bits", http.MethodPost, "application/json", `{"query": "` + intQuery + `", "variables": {"n": 99999999999999999999}}`, "/graphql", "99999999999999999999"},
		{"Int variable 2^63-1", http.MethodPost, "application/json", `{"query": "` + intQuery + `", "variables": {"n": 9223372036854775807}}`, "/graphql", "9223372036854775807"},
		{"Int literal 2^63-1", http.MethodPost, "application/json", `{"query": "{ featuredBrands(first: 9223372036854775807) { slug } }"}`, "/graphql", "9223372036854775807"},
		{"Int literal not an integer", http.MethodPost, "application/json", `{"query": "{ featuredBrands(first: 5.5) { slug } }"}`, "/graphql", "5.5"},
		{"unknown operation", http.MethodPost, "application/json", `{"query": "{ stats { brandCount } }", "operationName": "Nope"}`, "/graphql", ""},
		{"PUT", http.MethodPut, "application/json", `{"query": "{ stats { brandCount } }"}`, "/graphql", ""},
	}
	for _, c := range cases {
		for _, accept := range []string{"application/graphql-response+json", "application/json"} {
			t.Run(c.name+" "+accept, func(t *testing.T) {
				req := httptest.NewRequest(c.method, c.target, strings.NewReader(c.body))
				if c.contentType != "" {
					req.Header.Set("Content-Type", c.contentType)
				}
				req.Header.Set("Accept", accept)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				body := rec.Body.String()
				if rec.Code >= 500 || (rec.Code < 400 && rec.Code != http.StatusOK) {
					t.Fatalf("status %d, want 4xx: %s", rec.Code, body)
				}
				var r response
				if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || len(r.Errors) == 0 {
					t.Fatalf("status %d, no GraphQL error (%v): %s", rec.Code, err, body)
				}
				for _, e := range r.Errors {
					if code, _ := e.Extensions["code"].(string); code == "" || code == "INTERNAL" {
						t.Fatalf("error without a code (or INTERNAL): %s", body)
					}
					if c.want != "" && !strings.Contains(e.Message, c.want) {
						t.Fatalf("message %q does not say %q", e.Message, c.want)
					}
				}
				for _, leak := range []string{".go:", "goroutine", "sql", "127.0.0.1", "Go value", "Go struct", "RawParams", "graphql.", "body:", "got 2147483648", "value 0 as"} {
					if strings.Contains(body, leak) {
						t.Fatalf("answer leaks %q: %s", leak, body)
					}
				}
				if len(c.body) > 8 && strings.Contains(body, strings.ReplaceAll(c.body[1:len(c.body)-1], `"`, `\"`)) {
					t.Fatalf("answer echoes the request body: %s", body)
				}
			})
		}
	}
}
