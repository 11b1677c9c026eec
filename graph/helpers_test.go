package graph_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"brandshow/server/httpapp"
	"brandshow/server/store"
	"brandshow/server/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.CleanupShared()
	os.Exit(code)
}

// gqlError is one entry of a GraphQL response's errors.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// response is a decoded GraphQL response.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
	status int
}

// handlerFor builds the real HTTP handler that main uses, on db, with the
// response cache on as main has it by default: every API test also checks
// that caching changes no answer.
func handlerFor(db *store.DB) http.Handler {
	h, _ := cachedHandler(db)
	return h
}

// uncachedHandler is the real handler without the response cache, for
// tests that count the SQL statements a query costs: a repeated query would
// otherwise cost none.
func uncachedHandler(db *store.DB) http.Handler {
	return httpapp.New(httpapp.Config{
		DB: db, SampleContent: true, AllowedOrigins: []string{"*"}, Introspection: true, Logger: testLogger(),
	})
}

// testLogger discards logs unless BRANDSHOW_TEST_LOG is set.
func testLogger() *slog.Logger {
	if os.Getenv("BRANDSHOW_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// post sends a query by POST and decodes the answer.
func post(t *testing.T, h http.Handler, query string, vars map[string]any) response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var r response
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("decode %q: %v", rec.Body.String(), err)
	}
	r.status = rec.Code
	return r
}

// mustQuery runs a query that must succeed and decodes data into out.
func mustQuery(t *testing.T, h http.Handler, query string, vars map[string]any, out any) {
	t.Helper()
	r := post(t, h, query, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("query failed: %+v\nquery: %s", r.Errors, query)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decode data %s: %v", r.Data, err)
	}
}

// mustFail runs a query that must fail with an error whose message contains
// want and whose code is code (when code is not empty).
func mustFail(t *testing.T, h http.Handler, query string, vars map[string]any, want, code string) gqlError {
	t.Helper()
	r := post(t, h, query, vars)
	if len(r.Errors) == 0 {
		t.Fatalf("query succeeded, want error %q: %s\nquery: %s", want, r.Data, query)
	}
	e := r.Errors[0]
	if !strings.Contains(e.Message, want) {
		t.Fatalf("error %q does not contain %q", e.Message, want)
	}
	if code != "" && e.Extensions["code"] != code {
		t.Fatalf("error %q has code %v, want %s", e.Message, e.Extensions["code"], code)
	}
	for _, leak := range []string{"SELECT", "sql:", "pq:", "sqlite", ".go:", "goroutine"} {
		if strings.Contains(e.Message, leak) {
			t.Fatalf("error message leaks internals (%q): %s", leak, e.Message)
		}
	}
	return e
}

// eachDemo runs fn per database on the shared demo content.
func eachDemo(t *testing.T, fn func(t *testing.T, h http.Handler)) {
	t.Helper()
	storetest.Each(t, func(t *testing.T, dia string) {
		fn(t, handlerFor(storetest.SharedDemo(t, dia)))
	})
}

func sha256hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
