package httpapp_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/httpapp"
	"brandshow/server/respcache"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"github.com/mmcdole/gofeed"
)

// freshDemo opens a fresh demo database and the handler main builds.
func freshDemo(t *testing.T, dia string) (*store.DB, http.Handler) {
	t.Helper()
	db, _ := storetest.Fresh(t, dia, true)
	rc := respcache.New(respcache.Options{MaxBytes: 8 << 20})
	db.OnChange(rc.OnChange)
	return db, httpapp.New(httpapp.Config{
		DB: db, SampleContent: true, AllowedOrigins: []string{"*"},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), ResponseCache: rc,
	})
}

// addCoverage writes a report about 红安大嫂 as an editor would.
func addCoverage(t *testing.T, db *store.DB, slug, title, summary, body, link string, status schematype.Status, day string) int {
	t.Helper()
	ctx := visibility.WithSystem(context.Background())
	hongan := db.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyIDX(ctx)
	d, _ := time.Parse(time.DateOnly, day)
	c := db.Client.MediaCoverage.Create().SetSlug(slug).SetTitleZh(title).SetOutlet("示例报").
		SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(d).SetStatus(status).AddBrandIDs(hongan)
	if summary != "" {
		c.SetSummaryZh(summary)
	}
	if body != "" {
		c.SetBodyZh(body)
	}
	if link != "" {
		c.SetURL(link)
	}
	return c.SaveX(ctx).ID
}

// TestAtomEntriesWithoutURL: an entry for a report without an external url
// links to the report's page on the site and has a summary (RFC 4287
// 4.1.1.1), and every entry of every feed has both.
func TestAtomEntriesWithoutURL(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, h := freshDemo(t, dia)
		addCoverage(t, db, "fx-no-url", "示例：没有链接的报道", "", "", "", schematype.StatusPublished, "2099-01-02")
		addCoverage(t, db, "fx-no-url-body", "示例：只有正文的报道", "", strings.Repeat("正文", 300), "", schematype.StatusPublished, "2099-01-01")
		for _, path := range []string{"/feeds/coverage.atom", "/feeds/brands/hongan-dasao.atom"} {
			rec := do(h, http.MethodGet, path, nil)
			feed, err := gofeed.NewParser().ParseString(rec.body)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if len(feed.Items) < 2 {
				t.Fatalf("%s: %d items", path, len(feed.Items))
			}
			for _, it := range feed.Items {
				if it.Link == "" || it.Description == "" {
					t.Errorf("%s: entry %s has link %q, summary %q", path, it.GUID, it.Link, it.Description)
				}
			}
			first, second := feed.Items[0], feed.Items[1]
			if first.GUID != "urn:brandshow:coverage:fx-no-url" || !strings.HasSuffix(first.Link, "/coverage/fx-no-url") || !strings.HasPrefix(first.Link, "http") {
				t.Errorf("%s: first entry %s links %q, want the site's /coverage/fx-no-url", path, first.GUID, first.Link)
			}
			if first.Description != "示例报：示例：没有链接的报道" {
				t.Errorf("%s: summary %q", path, first.Description)
			}
			if n := len([]rune(second.Description)); n > 201 || !strings.HasPrefix(second.Description, "正文正文") {
				t.Errorf("%s: summary from the body: %d characters", path, n)
			}
		}
	})
}

func parseFeed(t *testing.T, path string, r *httpResult) *gofeed.Feed {
	t.Helper()
	if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("%s: %d %s %s", path, r.code, r.header.Get("Content-Type"), r.body)
	}
	f, err := gofeed.NewParser().ParseString(r.body)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f
}

func guids(f *gofeed.Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.GUID)
	}
	return out
}

// TestSearchFeeds: a saved search as a feed has the API's query syntax and
// filters, never shows drafts, answers 304 only while its content is
// unchanged (an unpublish changes both validators), rejects bad URLs
// clearly and is rate limited (issue 18).
func TestSearchFeeds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, h := freshDemo(t, dia)
		pubID := addCoverage(t, db, "fx-moxa-new", "示例：艾灸新报道", "艾灸师的新故事。", "", "", schematype.StatusPublished, "2099-03-01")
		addCoverage(t, db, "fx-moxa-draft", "示例：艾灸草稿报道", "还没有发布的艾灸稿子。", "", "", schematype.StatusDraft, "2099-04-01")
		get := func(path string, header map[string]string) *httpResult { return do(h, http.MethodGet, path, header) }

		path := "/feeds/search.atom?q=" + url.QueryEscape("艾灸")
		r := get(path, nil)
		f := parseFeed(t, path, r)
		ids := guids(f)
		if len(ids) == 0 || ids[0] != "urn:brandshow:coverage:fx-moxa-new" {
			t.Fatalf("%s: entries %v, want the new report first (newest first)", path, ids)
		}
		if slices.Contains(ids, "urn:brandshow:coverage:fx-moxa-draft") || strings.Contains(r.body, "草稿") {
			t.Errorf("%s: a draft in the feed", path)
		}
		if !slices.Contains(ids, "urn:brandshow:brand:qichun-aijiu-shi") {
			t.Errorf("%s: entries %v, want the brand 蕲春艾灸师", path, ids)
		}
		for i, it := range f.Items {
			if it.Link == "" || it.Description == "" || it.PublishedParsed == nil {
				t.Errorf("%s: entry %s incomplete", path, it.GUID)
			}
			if i > 0 && it.PublishedParsed.After(*f.Items[i-1].PublishedParsed) {
				t.Errorf("%s: not newest first at %d", path, i)
			}
		}
		if it := f.Items[0]; !strings.HasSuffix(it.Link, "/coverage/fx-moxa-new") {
			t.Errorf("entry link %q", it.Link)
		}
		// Filters as the API's: type, region (a prefecture includes its counties).
		only := parseFeed(t, path, get(path+"&type=media_coverage", nil))
		for _, id := range guids(only) {
			if !strings.HasPrefix(id, "urn:brandshow:coverage:") {
				t.Errorf("type=media_coverage gave %s", id)
			}
		}
		if ids := guids(parseFeed(t, path, get(path+"&type=BRAND,VENUE&region=421100", nil))); !slices.Contains(ids, "urn:brandshow:brand:qichun-aijiu-shi") {
			t.Errorf("艾灸 brands in Huanggang: %v", ids)
		}
		if ids := guids(parseFeed(t, path, get(path+"&type=BRAND&region=420100", nil))); len(ids) != 0 {
			t.Errorf("艾灸 brands in Wuhan: %v", ids)
		}
		// The query syntax: punctuation separates terms, as in the API.
		a := guids(parseFeed(t, path, get("/feeds/search.atom?q="+url.QueryEscape("红安，大嫂"), nil)))
		b := guids(parseFeed(t, path, get("/feeds/search.atom?q="+url.QueryEscape("红安 大嫂"), nil)))
		if len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("红安，大嫂 %v != 红安 大嫂 %v", a, b)
		}
		if len(b) > httpapp.FeedEntries {
			t.Errorf("%d entries", len(b))
		}

		// Conditional GET: 304 while unchanged, never after an unpublish.
		etag, lm := r.header.Get("ETag"), r.header.Get("Last-Modified")
		if etag == "" || lm == "" {
			t.Fatalf("no validators: %v", r.header)
		}
		if c := get(path, map[string]string{"If-None-Match": etag}).code; c != http.StatusNotModified {
			t.Errorf("If-None-Match: %d", c)
		}
		if c := get(path, map[string]string{"If-Modified-Since": lm}).code; c != http.StatusNotModified {
			t.Errorf("If-Modified-Since: %d", c)
		}
		ctx := visibility.WithSystem(context.Background())
		db.Client.MediaCoverage.UpdateOneID(pubID).SetStatus(schematype.StatusDraft).ExecX(ctx)
		for _, hd := range []map[string]string{{"If-None-Match": etag}, {"If-Modified-Since": lm}} {
			r2 := get(path, hd)
			if r2.code != 200 {
				t.Fatalf("after an unpublish, %v gave %d: a stale feed", hd, r2.code)
			}
			if ids := guids(parseFeed(t, path, r2)); slices.Contains(ids, "urn:brandshow:coverage:fx-moxa-new") {
				t.Errorf("the unpublished report is still in the feed")
			}
			if r2.header.Get("ETag") == etag {
				t.Errorf("the ETag did not change")
			}
		}
		r3 := get(path, nil)
		if c := get(path, map[string]string{"If-None-Match": r3.header.Get("ETag")}).code; c != http.StatusNotModified {
			t.Errorf("new ETag: %d", c)
		}

		// Bad URLs: a clear 400, nothing else.
		for _, bad := range []string{"/feeds/search.atom", "/feeds/search.atom?q=", "/feeds/search.atom?q=x&type=FOO",
			"/feeds/search.atom?q=x&region=abc", "/feeds/search.atom?q=" + strings.Repeat("龙", 201), "/feeds/search.atom?q=%22",
			"/feeds/search.atom?q=x&medium=PIGEON", "/feeds/search.atom?q=%00"} {
			r := get(bad, nil)
			if r.code != http.StatusBadRequest || strings.Contains(strings.ToLower(r.body), "sql") {
				t.Errorf("%s: %d %s", bad, r.code, r.body)
			}
		}
	})
}

// TestSearchFeedRateLimit: search feeds have a limit of their own.
func TestSearchFeedRateLimit(t *testing.T) {
	db := storetest.SharedDemo(t, "sqlite3")
	h := httpapp.New(httpapp.Config{DB: db, SearchFeedRate: 0.001, SearchFeedBurst: 2,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	codes := []int{}
	for range 3 {
		codes = append(codes, do(h, http.MethodGet, "/feeds/search.atom?q=%E8%89%BE%E7%81%B8", nil).code)
	}
	if !slices.Equal(codes, []int{200, 200, http.StatusTooManyRequests}) {
		t.Errorf("codes %v, want 200 200 429", codes)
	}
	if c := do(h, http.MethodGet, "/feeds/coverage.atom", nil).code; c != 200 {
		t.Errorf("the other feeds are limited by the site's limit only: %d", c)
	}
}
