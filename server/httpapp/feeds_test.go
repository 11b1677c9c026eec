package httpapp_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// TestAtomFeedsAreValid parses the feeds with a real feed parser.
func TestAtomFeedsAreValid(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		get := func(path, ims string) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			if ims != "" {
				req.Header.Set("If-Modified-Since", ims)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		for _, path := range []string{"/feeds/coverage.atom", "/feeds/brands/hongan-dasao.atom"} {
			rec := get(path, "")
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/atom+xml") {
				t.Fatalf("%s: %d %s", path, rec.Code, rec.Header().Get("Content-Type"))
			}
			if !strings.Contains(rec.Header().Get("Cache-Control"), "max-age") || rec.Header().Get("Last-Modified") == "" {
				t.Errorf("%s: not cacheable: %v", path, rec.Header())
			}
			feed, err := gofeed.NewParser().ParseString(rec.Body.String())
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if feed.FeedType != "atom" || len(feed.Items) == 0 || feed.Title == "" {
				t.Fatalf("%s: type %s, %d items", path, feed.FeedType, len(feed.Items))
			}
			for i, it := range feed.Items {
				if it.GUID == "" || it.Title == "" || it.PublishedParsed == nil {
					t.Errorf("%s: item %d incomplete: %+v", path, i, it)
				}
				if i > 0 && it.PublishedParsed.After(*feed.Items[i-1].PublishedParsed) {
					t.Errorf("%s: not newest first at %d", path, i)
				}
				if strings.Contains(it.Title, "草稿") {
					t.Errorf("%s: a draft in the feed", path)
				}
			}
			if rec := get(path, rec.Header().Get("Last-Modified")); rec.Code != http.StatusNotModified {
				t.Errorf("%s: If-Modified-Since gave %d", path, rec.Code)
			}
		}
		if rec := get("/feeds/brands/no-such-brand.atom", ""); rec.Code != 404 {
			t.Errorf("unknown brand feed: %d", rec.Code)
		}
	})
}
