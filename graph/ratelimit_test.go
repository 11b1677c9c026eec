package graph_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"brandshow/ent/token"
	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/httpapp"
	"brandshow/server/metrics"
	"brandshow/server/ratelimit"
	"brandshow/server/store/storetest"
)

// sendAs sends one request from a client address, with an optional bearer
// token, and returns the recorded answer.
func sendAs(h http.Handler, method, target, remote, bearer string) *httptest.ResponseRecorder {
	var body *strings.Reader
	if method == http.MethodPost {
		body = strings.NewReader(`{"query":"{ viewer { name } }"}`)
	} else {
		body = strings.NewReader("")
	}
	req := httptest.NewRequest(method, target, body)
	req.RemoteAddr = remote
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/json")
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// hasRateLimitHeaders reports whether an answer carries the RateLimit-*
// headers docs/client-developers.md promises on every answer.
func hasRateLimitHeaders(h http.Header) bool {
	for _, k := range []string{"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"} {
		if h.Get(k) == "" {
			return false
		}
	}
	return true
}

// TestInvalidTokensSpendTheClientIPsBucket: a request with a refused token
// spends its address's bucket, carries the RateLimit-* headers, and once
// the bucket is empty is refused with 429 before any database lookup; an
// anonymous client at that address is then limited too, while a token
// holder elsewhere is not.
func TestInvalidTokensSpendTheClientIPsBucket(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, false)
		tok, hash, _ := auth.NewToken()
		db.Client.Token.Create().SetName("valid").SetRole(token.RoleEDITOR).SetHash(hash).SaveX(visibility.WithSystem(context.Background()))
		h := httpapp.New(httpapp.Config{DB: db, Logger: quiet(),
			RateLimit: ratelimit.Config{Rate: 0.001, Burst: 3}})
		const attacker = "198.51.100.30:1"
		for i := range 3 {
			wrong, _, _ := auth.NewToken() // a new token each time: no cache can help
			rec := sendAs(h, http.MethodPost, "/graphql", attacker, wrong)
			if rec.Code != http.StatusUnauthorized || !hasRateLimitHeaders(rec.Header()) || rec.Header().Get("RateLimit-Remaining") != fmt.Sprint(2-i) {
				t.Fatalf("invalid token %d: %d, headers %v", i, rec.Code, rec.Header())
			}
		}
		wrong, _, _ := auth.NewToken()
		counter.Reset()
		rec := sendAs(h, http.MethodPost, "/graphql", attacker, wrong)
		if rec.Code != http.StatusTooManyRequests || !hasRateLimitHeaders(rec.Header()) || !strings.Contains(rec.Body.String(), "RATE_LIMITED") {
			t.Fatalf("4th invalid token: %d %v %s, want 429", rec.Code, rec.Header(), rec.Body.String())
		}
		if n := counter.Count(); n != 0 {
			t.Fatalf("a refused request ran %d SQL statements, want 0", n)
		}
		if rec := sendAs(h, http.MethodPost, "/graphql", attacker, ""); rec.Code != http.StatusTooManyRequests {
			t.Fatalf("anonymous request from the same address: %d, want 429", rec.Code)
		}
		if rec := sendAs(h, http.MethodPost, "/graphql", attacker, "not-even-a-token"); rec.Code != http.StatusTooManyRequests {
			t.Fatalf("malformed token from the same address: %d, want 429", rec.Code)
		}
		if rec := sendAs(h, http.MethodPost, "/graphql", "198.51.100.31:1", tok); rec.Code != http.StatusOK || !hasRateLimitHeaders(rec.Header()) {
			t.Fatalf("token holder elsewhere: %d %v", rec.Code, rec.Header())
		}
	})
}

// TestRepeatedInvalidTokenIsLookedUpOnce: a client that keeps sending the
// same refused token costs one database lookup, not one per request.
func TestRepeatedInvalidTokenIsLookedUpOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, false)
		h := httpapp.New(httpapp.Config{DB: db, Logger: quiet()})
		wrong, _, _ := auth.NewToken()
		if rec := sendAs(h, http.MethodPost, "/graphql", "198.51.100.32:1", wrong); rec.Code != http.StatusUnauthorized {
			t.Fatalf("invalid token: %d", rec.Code)
		}
		counter.Reset()
		for range 5 {
			if rec := sendAs(h, http.MethodPost, "/graphql", "198.51.100.32:1", wrong); rec.Code != http.StatusUnauthorized {
				t.Fatalf("invalid token again: %d", rec.Code)
			}
		}
		if n := counter.Count(); n != 0 {
			t.Fatalf("a known invalid token ran %d SQL statements, want 0", n)
		}
	})
}

// TestEveryFloodableEndpointIsRateLimited: each endpoint that touches the
// database or does work per request (readiness, the web client, the
// playground, feeds, CORS preflights, GraphQL) spends the client's bucket
// and says so in RateLimit-* headers; liveness and metrics stay unlimited.
func TestEveryFloodableEndpointIsRateLimited(t *testing.T) {
	db := storetest.SharedDemo(t, "sqlite3")
	h := httpapp.New(httpapp.Config{DB: db, Logger: quiet(), AllowedOrigins: []string{"*"},
		Metrics:   metrics.New(nil),
		RateLimit: ratelimit.Config{Rate: 0.001, Burst: 2}})
	preflight := func(remote string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		req.RemoteAddr = remote
		req.Header.Set("Origin", "https://portal.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	endpoints := map[string]func(remote string) *httptest.ResponseRecorder{
		"/readyz": func(remote string) *httptest.ResponseRecorder {
			return sendAs(h, http.MethodGet, "/readyz", remote, "")
		},
		"/": func(remote string) *httptest.ResponseRecorder { return sendAs(h, http.MethodGet, "/", remote, "") },
		"/graphiql": func(remote string) *httptest.ResponseRecorder {
			return sendAs(h, http.MethodGet, "/graphiql", remote, "")
		},
		"/feeds": func(remote string) *httptest.ResponseRecorder {
			return sendAs(h, http.MethodGet, "/feeds/coverage.atom", remote, "")
		},
		"/graphql": func(remote string) *httptest.ResponseRecorder {
			return sendAs(h, http.MethodPost, "/graphql", remote, "")
		},
		"OPTIONS": preflight,
		"unknown URL": func(remote string) *httptest.ResponseRecorder {
			return sendAs(h, http.MethodGet, "/no/such/page", remote, "")
		},
		"/sitemap.xml": func(remote string) *httptest.ResponseRecorder {
			return sendAs(h, http.MethodGet, "/sitemap.xml", remote, "")
		},
		"/sitemaps/": func(remote string) *httptest.ResponseRecorder {
			return sendAs(h, http.MethodGet, "/sitemaps/brands-1.xml", remote, "")
		},
		"/robots.txt": func(remote string) *httptest.ResponseRecorder {
			return sendAs(h, http.MethodGet, "/robots.txt", remote, "")
		},
	}
	i := 0
	for name, send := range endpoints {
		i++
		remote := fmt.Sprintf("198.51.100.%d:1", 100+i)
		for j := range 2 {
			rec := send(remote)
			// An unknown page is a real 404 (with the app), still limited.
			ok := rec.Code < 400 || (name == "unknown URL" && rec.Code == http.StatusNotFound)
			if !ok || !hasRateLimitHeaders(rec.Header()) {
				t.Errorf("%s request %d: %d, headers %v", name, j, rec.Code, rec.Header())
			}
		}
		if rec := send(remote); rec.Code != http.StatusTooManyRequests {
			t.Errorf("%s: 3rd request %d, want 429", name, rec.Code)
		}
	}
	for _, path := range []string{"/healthz", "/metrics"} {
		for j := range 5 {
			if rec := sendAs(h, http.MethodGet, path, "198.51.100.99:1", ""); rec.Code != http.StatusOK {
				t.Fatalf("%s request %d: %d, must never be limited", path, j, rec.Code)
			}
		}
	}
}
