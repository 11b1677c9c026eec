package httpapp_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
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
