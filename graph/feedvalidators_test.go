package graph_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/schematype"
	"brandshow/server/store/storetest"
)

// TestFeedValidatorsMoveForwardOnUnpublishAndDelete: after a report leaves
// a feed (unpublished or deleted), a conditional GET with the validators
// of the old feed (If-Modified-Since or If-None-Match) gets 200 and the feed
// without the report, never 304; an unchanged feed still gets 304.
func TestFeedValidatorsMoveForwardOnUnpublishAndDelete(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		ctx := context.Background()
		hongan := e.db.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(ctx)
		get := func(path string, header map[string]string) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			for k, v := range header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			e.h.ServeHTTP(rec, req)
			return rec
		}
		paths := []string{"/feeds/coverage.atom", "/feeds/brands/hongan-dasao.atom"}
		for _, change := range []string{"unpublish", "delete"} {
			slug := "newest-report-" + change
			report := e.db.Client.MediaCoverage.Create().SetSlug(slug).SetTitleZh("最新报道").SetOutlet("示例日报").
				SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(time.Now()).SetStatus(schematype.StatusPublished).
				AddBrands(hongan).SaveX(e.all())
			old := map[string][2]string{} // path → Last-Modified, ETag
			for _, path := range paths {
				rec := get(path, nil)
				if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), slug) {
					t.Fatalf("%s before %s: %d, report listed: %v", path, change, rec.Code, strings.Contains(rec.Body.String(), slug))
				}
				old[path] = [2]string{rec.Header().Get("Last-Modified"), rec.Header().Get("ETag")}
				if old[path][0] == "" || old[path][1] == "" {
					t.Fatalf("%s: no validators: %v", path, rec.Header())
				}
			}
			q := `mutation($id: ID!) { unpublish(id: $id) { id } }`
			if change == "delete" {
				q = `mutation($id: ID!) { deleteMediaCoverage(id: $id) }`
			}
			if r := e.as(t, "publisher", q, map[string]any{"id": strconv.Itoa(report.ID)}); len(r.Errors) > 0 {
				t.Fatalf("%s: %+v", change, r.Errors)
			}
			for _, path := range paths {
				for _, cond := range []map[string]string{{"If-Modified-Since": old[path][0]}, {"If-None-Match": old[path][1]}} {
					rec := get(path, cond)
					if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), slug) {
						t.Errorf("%s after %s, %v: %d, report still listed: %v; want 200 without it", path, change, cond, rec.Code, strings.Contains(rec.Body.String(), slug))
						continue
					}
					lastModified, etag := rec.Header().Get("Last-Modified"), rec.Header().Get("ETag")
					if lm, _ := http.ParseTime(lastModified); !lm.After(mustParseTime(t, old[path][0])) || etag == old[path][1] {
						t.Errorf("%s after %s: Last-Modified %s (was %s), ETag %s (was %s): both must move forward", path, change, lastModified, old[path][0], etag, old[path][1])
					}
					// The new feed, unchanged since, is not sent again.
					for _, again := range []map[string]string{{"If-Modified-Since": lastModified}, {"If-None-Match": etag}} {
						if rec := get(path, again); rec.Code != http.StatusNotModified || rec.Header().Get("ETag") != etag {
							t.Errorf("%s unchanged since, %v: %d %v, want 304 with the ETag", path, again, rec.Code, rec.Header())
						}
					}
				}
			}
		}
	})
}

func mustParseTime(t *testing.T, httpDate string) time.Time {
	t.Helper()
	tm, err := http.ParseTime(httpDate)
	if err != nil {
		t.Fatalf("bad HTTP date %q: %v", httpDate, err)
	}
	return tm
}
