package pages_test

import (
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"brandshow/server/pages"
	"brandshow/server/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.CleanupShared()
	os.Exit(code)
}

func get(h http.Handler, path string) (int, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.String()
}

// urls lists the locations of a sitemap or sitemap index.
func urls(t *testing.T, body string) []string {
	t.Helper()
	var v struct {
		Locs []string `xml:"url>loc"`
		Maps []string `xml:"sitemap>loc"`
	}
	if err := xml.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("%v: %.200s", err, body)
	}
	return append(v.Locs, v.Maps...)
}

// TestSitemapPages: with small files the index names more of them, and
// together they list exactly what one large file per kind lists.
func TestSitemapPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db := storetest.SharedDemo(t, dia)
		all := func(size int) (files int, listed map[string]int) {
			site := &pages.Site{Client: db.Public, BaseURL: "http://x", SitemapPage: size}
			mux := http.NewServeMux()
			mux.HandleFunc("GET /sitemap.xml", site.SitemapIndex)
			mux.HandleFunc("GET /sitemaps/{file}", site.Sitemap)
			_, body := get(mux, "/sitemap.xml")
			listed = map[string]int{}
			for _, f := range urls(t, body) {
				code, b := get(mux, strings.TrimPrefix(f, "http://x"))
				if code != 200 {
					t.Fatalf("%s: %d", f, code)
				}
				for _, u := range urls(t, b) {
					listed[u]++
				}
				files++
			}
			return files, listed
		}
		bigFiles, big := all(0)
		smallFiles, small := all(7)
		if smallFiles <= bigFiles || len(big) < 300 {
			t.Fatalf("%d small files, %d large ones, %d URLs", smallFiles, bigFiles, len(big))
		}
		for u, n := range small {
			if n != 1 || big[u] != 1 {
				t.Errorf("%s: %d times in small files, %d in large", u, n, big[u])
			}
		}
		if len(small) != len(big) {
			t.Errorf("%d URLs in small files, %d in large", len(small), len(big))
		}
	})
}
