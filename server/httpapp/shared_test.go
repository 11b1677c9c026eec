package httpapp_test

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"testing"

	"brandshow/server/httpapp"
	"brandshow/server/ratelimit"
	"brandshow/server/shared"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// RedisEnv names the Redis the shared-limit tests use
// (redis://127.0.0.1:6379/0 in CI); they are skipped without it.
const RedisEnv = "TEST_REDIS_URL"

// twoReplicas builds two HTTP applications, as two server replicas would
// be, each with its own connection to the Redis at redisURL, sharing a
// key prefix of their own; rate limits of 6 requests at once, refilled at
// one per 100 s (nothing refills during the test).
func twoReplicas(t *testing.T, redisURL string) (a, b http.Handler, stores []*shared.Store) {
	t.Helper()
	db := storetest.SharedDemo(t, dialect.SQLite)
	prefix := make([]byte, 6)
	_, _ = rand.Read(prefix)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	var hs []http.Handler
	for range 2 {
		s, err := shared.Open(redisURL, shared.Options{Prefix: "test:" + hex.EncodeToString(prefix) + ":", Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
		hs = append(hs, httpapp.New(httpapp.Config{
			DB: db, Logger: quiet, Shared: s,
			RateLimit: ratelimit.Config{Rate: 0.01, Burst: 6},
		}))
	}
	return hs[0], hs[1], stores
}

func redisURL(t *testing.T) string {
	u := os.Getenv(RedisEnv)
	if u == "" {
		t.Skipf("%s is not set", RedisEnv)
	}
	return u
}

// admitted sends n anonymous requests alternately to the handlers from one
// client address and counts those not refused with 429.
func admitted(t *testing.T, n int, hs ...http.Handler) int {
	t.Helper()
	ok := 0
	for i := range n {
		r := do(hs[i%len(hs)], http.MethodGet, "/graphql?query="+url.QueryEscape(`{ __typename }`), nil)
		switch r.code {
		case http.StatusOK:
			ok++
		case http.StatusTooManyRequests:
		default:
			t.Fatalf("request %d: %d %s", i, r.code, r.body)
		}
	}
	return ok
}

// TestRateLimitSharedAcrossReplicas: with Redis, a client's burst of 6 is
// its burst across both replicas, not 6 on each.
func TestRateLimitSharedAcrossReplicas(t *testing.T) {
	a, b, stores := twoReplicas(t, redisURL(t))
	if n := admitted(t, 12, a, b); n != 6 {
		t.Fatalf("%d of 12 requests admitted across two replicas, want the burst of 6", n)
	}
	for _, s := range stores {
		if s.Failures.Load() != 0 {
			t.Fatal("Redis calls failed: the test did not use Redis")
		}
	}
}

// TestPersistedQuerySharedAcrossReplicas: an automatic persisted query
// registered on one replica runs on the other by its hash alone.
func TestPersistedQuerySharedAcrossReplicas(t *testing.T) {
	a, b, _ := twoReplicas(t, redisURL(t))
	query := fmt.Sprintf(`{ about { sampleContent } __typename %s: __typename }`, "n"+hex.EncodeToString([]byte(t.Name()))[:8])
	sum := sha256.Sum256([]byte(query))
	ext := url.QueryEscape(fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":"%x"}}`, sum))
	if r := do(b, http.MethodGet, "/graphql?extensions="+ext, nil); !contains(r.body, "PERSISTED_QUERY_NOT_FOUND") && !contains(r.body, "PersistedQueryNotFound") {
		t.Fatalf("an unregistered hash answered %d %s", r.code, r.body)
	}
	if r := do(a, http.MethodGet, "/graphql?query="+url.QueryEscape(query)+"&extensions="+ext, nil); r.code != http.StatusOK || contains(r.body, `"errors"`) {
		t.Fatalf("registration: %d %s", r.code, r.body)
	}
	if r := do(b, http.MethodGet, "/graphql?extensions="+ext, nil); r.code != http.StatusOK || !contains(r.body, `"sampleContent"`) {
		t.Fatalf("the other replica answered %d %s for the registered hash", r.code, r.body)
	}
}

// TestRedisDownLimitsPerReplica: with Redis unreachable, requests are
// still answered, and each replica limits by its own buckets (the
// documented fallback: limits per replica, as without Redis).
func TestRedisDownLimitsPerReplica(t *testing.T) {
	a, b, stores := twoReplicas(t, "redis://127.0.0.1:1/0")
	if n := admitted(t, 12, a); n != 6 {
		t.Fatalf("%d of 12 requests admitted by one replica without Redis, want its own burst of 6", n)
	}
	if n := admitted(t, 12, b); n != 6 {
		t.Fatalf("%d of 12 requests admitted by the other replica without Redis, want its own burst of 6", n)
	}
	if stores[0].Failures.Load() == 0 {
		t.Fatal("no Redis failure counted: the test proves nothing")
	}
}
