package httpapp_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"brandshow/server/httpapp"
	"brandshow/server/respcache"
	"brandshow/server/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.CleanupShared()
	os.Exit(code)
}

// eachDemo runs fn per database on the shared demo content, through the
// handler main builds (response cache included).
func eachDemo(t *testing.T, fn func(t *testing.T, h http.Handler)) {
	t.Helper()
	storetest.Each(t, func(t *testing.T, dia string) {
		db := storetest.SharedDemo(t, dia)
		rc := respcache.New(respcache.Options{MaxBytes: 8 << 20})
		db.OnChange(rc.OnChange)
		fn(t, httpapp.New(httpapp.Config{
			DB: db, SampleContent: true, AllowedOrigins: []string{"*"}, Introspection: true,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), ResponseCache: rc,
		}))
	})
}

type httpResult struct {
	code   int
	body   string
	header http.Header
}

func do(h http.Handler, method, target string, header map[string]string) *httpResult {
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return &httpResult{code: rec.Code, body: rec.Body.String(), header: rec.Header()}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
