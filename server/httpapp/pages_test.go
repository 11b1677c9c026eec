package httpapp_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"brandshow/ent/brand"
	"brandshow/ent/region"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/httpapp"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"golang.org/x/net/html"
)

// head is what a crawler reads in a page: the title, the meta tags by name
// or property, the links by rel (and hreflang), the JSON-LD blocks and the
// scripts.
type head struct {
	title   string
	meta    map[string]string
	links   map[string]string
	jsonLD  []string
	scripts int
}

func parseHead(t *testing.T, body string) head {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	h := head{meta: map[string]string{}, links: map[string]string{}}
	attr := func(n *html.Node, k string) string {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val
			}
		}
		return ""
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if n.FirstChild != nil {
					h.title = n.FirstChild.Data
				}
			case "meta":
				if k := attr(n, "name") + attr(n, "property"); k != "" {
					h.meta[k] = attr(n, "content")
				}
			case "link":
				k := attr(n, "rel")
				if l := attr(n, "hreflang"); l != "" {
					k += ":" + l
				}
				h.links[k] = attr(n, "href")
			case "script":
				h.scripts++
				if attr(n, "type") == "application/ld+json" && n.FirstChild != nil {
					h.jsonLD = append(h.jsonLD, n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

// ld parses the page's one JSON-LD block.
func (h head) ld(t *testing.T) map[string]any {
	t.Helper()
	if len(h.jsonLD) != 1 {
		t.Fatalf("%d JSON-LD blocks, want 1", len(h.jsonLD))
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(h.jsonLD[0]), &v); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, h.jsonLD[0])
	}
	if v["@context"] != "https://schema.org" {
		t.Errorf("JSON-LD @context %v", v["@context"])
	}
	return v
}

func withBase(t *testing.T, dia string, fresh bool) (http.Handler, *store.DB) {
	t.Helper()
	var db *store.DB
	if fresh {
		d, _ := storetest.Fresh(t, dia, true)
		db = d
	} else {
		db = storetest.SharedDemo(t, dia)
	}
	return httpapp.New(httpapp.Config{
		DB: db, SampleContent: true, AllowedOrigins: []string{"*"},
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
		BaseURL: "https://brands.example.cn",
	}), db
}

// TestPageHeadsDescribeEachRoute: a brand, a role model, a venue, a report
// and a region page each carry their title, description, canonical URL,
// alternates, Open Graph and Twitter tags and the schema.org object of
// their type; unknown routes, slugs and codes answer 404.
func TestPageHeadsDescribeEachRoute(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		h, db := withBase(t, dia, false)
		ctx := context.Background()
		b := db.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(ctx)

		r := do(h, http.MethodGet, "/brands/hongan-dasao", nil)
		if r.code != 200 || !contains(r.header.Get("Content-Type"), "text/html") {
			t.Fatalf("brand page: %d %q", r.code, r.header.Get("Content-Type"))
		}
		p := parseHead(t, r.body)
		if p.title != b.NameZh+" · 湖北劳务品牌展示" {
			t.Errorf("title %q", p.title)
		}
		if p.meta["description"] != b.SummaryZh || b.SummaryZh == "" {
			t.Errorf("description %q, want %q", p.meta["description"], b.SummaryZh)
		}
		want := map[string]string{
			"canonical": "https://brands.example.cn/brands/hongan-dasao", "alternate:zh-CN": "https://brands.example.cn/brands/hongan-dasao",
			"alternate:en": "https://brands.example.cn/brands/hongan-dasao?lang=en", "alternate:x-default": "https://brands.example.cn/brands/hongan-dasao",
		}
		for k, v := range want {
			if p.links[k] != v {
				t.Errorf("link %s = %q, want %q", k, p.links[k], v)
			}
		}
		for k, v := range map[string]string{
			"og:title": p.title, "og:description": b.SummaryZh, "og:url": want["canonical"], "og:type": "website",
			"og:site_name": "湖北劳务品牌展示", "og:locale": "zh_CN", "twitter:card": "summary", "twitter:title": p.title,
		} {
			if p.meta[k] != v {
				t.Errorf("meta %s = %q, want %q", k, p.meta[k], v)
			}
		}
		if _, ok := p.meta["robots"]; ok {
			t.Errorf("a public brand page says robots %q", p.meta["robots"])
		}
		ld := p.ld(t)
		if types, _ := ld["@type"].([]any); len(types) != 2 || types[0] != "Organization" || types[1] != "Brand" {
			t.Errorf("brand @type %v", ld["@type"])
		}
		if ld["name"] != b.NameZh || ld["url"] != want["canonical"] {
			t.Errorf("brand JSON-LD %v", ld)
		}
		if area, _ := ld["areaServed"].(map[string]any); area["identifier"] == nil {
			t.Errorf("brand areaServed %v", ld["areaServed"])
		}

		en := parseHead(t, do(h, http.MethodGet, "/brands/hongan-dasao?lang=en", nil).body)
		if en.links["canonical"] != want["alternate:en"] || !strings.HasSuffix(en.title, "Hubei Labor Brands") || en.meta["og:locale"] != "en_US" {
			t.Errorf("English page: canonical %q title %q locale %q", en.links["canonical"], en.title, en.meta["og:locale"])
		}
		if b.NameEn != "" && en.ld(t)["name"] != b.NameEn {
			t.Errorf("English JSON-LD name %v, want %q", en.ld(t)["name"], b.NameEn)
		}
		kiosk := parseHead(t, do(h, http.MethodGet, "/kiosk/brands/hongan-dasao", nil).body)
		if kiosk.meta["robots"] != "noindex" || kiosk.links["canonical"] != want["canonical"] {
			t.Errorf("kiosk page: robots %q canonical %q", kiosk.meta["robots"], kiosk.links["canonical"])
		}

		person := parseHead(t, do(h, http.MethodGet, "/role-models/bao-zhigang", nil).body).ld(t)
		if person["@type"] != "Person" || person["name"] != "鲍志刚" {
			t.Errorf("role model JSON-LD %v", person)
		}
		if awards, _ := person["award"].([]any); len(awards) == 0 {
			t.Errorf("role model without award: %v", person)
		}

		v := parseHead(t, do(h, http.MethodGet, "/venues/chibi-qingzhuancha-feiyi-gongfang", nil).body).ld(t)
		geo, _ := v["geo"].(map[string]any)
		if v["@type"] != "Place" || geo["latitude"] == nil || geo["longitude"] == nil || v["openingHours"] != "周二至周日 9:00–17:00" {
			t.Errorf("venue JSON-LD %v", v)
		}

		c := parseHead(t, do(h, http.MethodGet, "/coverage/2021-01-hongan-dasao-1", nil).body)
		cl := c.ld(t)
		if cl["@type"] != "NewsArticle" || cl["headline"] == nil || cl["datePublished"] == nil || c.meta["og:type"] != "article" {
			t.Errorf("coverage JSON-LD %v, og:type %q", cl, c.meta["og:type"])
		}
		if pub, _ := cl["publisher"].(map[string]any); pub["name"] == "" || pub["name"] == nil {
			t.Errorf("coverage publisher %v", cl["publisher"])
		}

		reg := do(h, http.MethodGet, "/regions/421122", nil)
		rl := parseHead(t, reg.body).ld(t)
		if reg.code != 200 || rl["@type"] != "AdministrativeArea" || rl["identifier"] != "421122" || rl["containedInPlace"] == nil {
			t.Errorf("region page: %d %v", reg.code, rl)
		}

		for _, route := range []string{"/", "/brands", "/regions", "/venues", "/alliances", "/events", "/search", "/kiosk",
			"/alliances/changjiang-laowu-xiezuo-lianmeng", "/enterprises/chutian-renli-ziyuan"} {
			if r := do(h, http.MethodGet, route, nil); r.code != 200 {
				t.Errorf("%s: %d, want 200", route, r.code)
			} else {
				parseHead(t, r.body).ld(t)
			}
		}
		for _, route := range []string{"/brands/no-such-brand", "/brands/Bad_Slug", "/regions/999999", "/regions/4211",
			"/role-models/no-such", "/venues/no-such", "/coverage/no-such", "/alliances/no-such", "/enterprises/no-such",
			"/no-such-page", "/brands/hongan-dasao/more", "/kiosk/brands/no-such-brand", "/brands/%00"} {
			r := do(h, http.MethodGet, route, nil)
			if r.code != http.StatusNotFound || !contains(r.body, `<div id="app">`) {
				t.Errorf("%s: %d, want 404 with the app (its not-found view)", route, r.code)
				continue
			}
			if nf := parseHead(t, r.body); nf.meta["robots"] != "noindex" || nf.links["canonical"] != "" || nf.meta["og:url"] != "" {
				t.Errorf("%s: robots %q, canonical %q, og:url %q: a 404 names no address", route, nf.meta["robots"], nf.links["canonical"], nf.meta["og:url"])
			}
			if contains(r.body, "no-such") {
				t.Errorf("%s: the unknown path is echoed in the page", route)
			}
		}
		if r := do(h, http.MethodHead, "/brands/no-such-brand", nil); r.code != http.StatusNotFound || r.body != "" {
			t.Errorf("HEAD of an unknown brand: %d %q", r.code, r.body)
		}
	})
}

// TestConsolePageIsServedButNotIndexed: /admin (the editors' console) is
// the app with a 200, never indexed, and robots.txt keeps crawlers out.
func TestConsolePageIsServedButNotIndexed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		h, _ := withBase(t, dia, false)
		r := do(h, http.MethodGet, "/admin?type=brands", nil)
		if r.code != http.StatusOK || !contains(r.body, `<div id="app">`) {
			t.Fatalf("/admin: %d", r.code)
		}
		if p := parseHead(t, r.body); p.meta["robots"] != "noindex" || p.title != "编辑台 · 湖北劳务品牌展示" {
			t.Errorf("/admin: robots %q, title %q", p.meta["robots"], p.title)
		}
		if r := do(h, http.MethodGet, "/robots.txt", nil); !contains(r.body, "Disallow: /admin\n") {
			t.Errorf("robots.txt does not keep crawlers out of /admin:\n%s", r.body)
		}
	})
}

// TestPageHeadsNeverDescribeDrafts: a draft's page is the unknown page
// (404, no name anywhere); once published it is described.
func TestPageHeadsNeverDescribeDrafts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		h, db := withBase(t, dia, true)
		ctx := visibility.WithSystem(context.Background())
		r := db.Client.Region.Query().Where(region.Code("421122")).OnlyX(ctx)
		b := db.Client.Brand.Create().SetSlug("secret-draft").SetNameZh("秘密草稿品牌").SetSummaryZh("尚未发布的秘密").
			SetRegion(r).SetCategory(brand.CategoryLIVELIHOOD).SetLevel(brand.LevelCOUNTY).SaveX(ctx)
		for _, route := range []string{"/brands/secret-draft", "/brands/secret-draft?lang=en", "/kiosk/brands/secret-draft"} {
			res := do(h, http.MethodGet, route, nil)
			if res.code != http.StatusNotFound || contains(res.body, "秘密") {
				t.Errorf("draft %s: %d, body mentions it: %v", route, res.code, contains(res.body, "秘密"))
			}
		}
		// Demo drafts too.
		if res := do(h, http.MethodGet, "/brands/baokang-linkuang-gong", nil); res.code != http.StatusNotFound {
			t.Errorf("demo draft brand: %d", res.code)
		}
		db.Client.Brand.UpdateOne(b).SetStatus(schematype.StatusPublished).ExecX(ctx)
		res := do(h, http.MethodGet, "/brands/secret-draft", nil)
		if res.code != 200 || parseHead(t, res.body).ld(t)["name"] != "秘密草稿品牌" {
			t.Errorf("published brand: %d", res.code)
		}
	})
}

// TestPageHeadsEscapeHostileText: text that tries to end the title, an
// attribute or the JSON-LD script stays text. ent refuses markup in names,
// so the hostile name is written with SQL, as a database restored from
// elsewhere could hold it.
func TestPageHeadsEscapeHostileText(t *testing.T) {
	const hostile = `</script><script>alert(1)</script>"' onload=x <!-- & </title>` + "\u2028"
	storetest.Each(t, func(t *testing.T, dia string) {
		h, db := withBase(t, dia, true)
		plain := parseHead(t, do(h, http.MethodGet, "/brands/hongan-dasao", nil).body)
		q := "UPDATE brands SET name_zh = ?, summary_zh = ? WHERE slug = 'hongan-dasao'"
		if dia == "postgres" {
			q = "UPDATE brands SET name_zh = $1, summary_zh = $2 WHERE slug = 'hongan-dasao'"
		}
		if _, err := db.SQL.Exec(q, hostile, hostile); err != nil {
			t.Fatal(err)
		}
		res := do(h, http.MethodGet, "/brands/hongan-dasao", nil)
		p := parseHead(t, res.body)
		if p.scripts != plain.scripts || len(p.jsonLD) != 1 {
			t.Fatalf("scripts %d (JSON-LD %d), want %d as without the name: the name made markup\n%s", p.scripts, len(p.jsonLD), plain.scripts, res.body)
		}
		if p.title != hostile+" · 湖北劳务品牌展示" || p.meta["description"] != hostile || p.meta["og:title"] != p.title {
			t.Errorf("title %q description %q: not the text itself", p.title, p.meta["description"])
		}
		if ld := p.ld(t); ld["name"] != hostile {
			t.Errorf("JSON-LD name %q", ld["name"])
		}
		if contains(p.jsonLD[0], "<") || contains(p.jsonLD[0], "\u2028") {
			t.Errorf("JSON-LD holds a raw < or U+2028: %s", p.jsonLD[0])
		}
	})
}

// crawl follows /sitemap.xml's index and returns every URL listed, with
// how many times each is listed.
func crawl(t *testing.T, h http.Handler, base string) map[string]int {
	t.Helper()
	idx := do(h, http.MethodGet, "/sitemap.xml", nil)
	if idx.code != 200 || !contains(idx.header.Get("Content-Type"), "xml") {
		t.Fatalf("/sitemap.xml: %d %q", idx.code, idx.header.Get("Content-Type"))
	}
	var index struct {
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal([]byte(idx.body), &index); err != nil || len(index.Sitemaps) == 0 {
		t.Fatalf("sitemap index: %v %.300s", err, idx.body)
	}
	urls := map[string]int{}
	for _, s := range index.Sitemaps {
		path, ok := strings.CutPrefix(s.Loc, base)
		if !ok {
			t.Fatalf("sitemap %q not under %s", s.Loc, base)
		}
		r := do(h, http.MethodGet, path, nil)
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal([]byte(r.body), &set); r.code != 200 || err != nil {
			t.Fatalf("%s: %d %v", path, r.code, err)
		}
		for _, u := range set.URLs {
			urls[u.Loc]++
		}
	}
	return urls
}

// TestSitemapListsEveryPublishedPage: the sitemap's files list each
// published item's page once, every region and the lists, and no draft; a
// draft appears once published. robots.txt names the sitemap.
func TestSitemapListsEveryPublishedPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		h, db := withBase(t, dia, true)
		const base = "https://brands.example.cn"
		ctx := visibility.WithSystem(context.Background())
		published := schematype.StatusPublished
		want := map[string]bool{base + "/": true, base + "/brands": true, base + "/regions": true, base + "/venues": true, base + "/alliances": true, base + "/events": true}
		drafts := map[string]bool{}
		add := func(prefix, key string, status schematype.Status) {
			if status == published {
				want[base+prefix+key] = true
			} else {
				drafts[base+prefix+key] = true
			}
		}
		for _, x := range db.Client.Brand.Query().AllX(ctx) {
			add("/brands/", x.Slug, x.Status)
		}
		for _, x := range db.Client.RoleModel.Query().AllX(ctx) {
			add("/role-models/", x.Slug, x.Status)
		}
		for _, x := range db.Client.Venue.Query().AllX(ctx) {
			add("/venues/", x.Slug, x.Status)
		}
		for _, x := range db.Client.Alliance.Query().AllX(ctx) {
			add("/alliances/", x.Slug, x.Status)
		}
		for _, x := range db.Client.Enterprise.Query().AllX(ctx) {
			add("/enterprises/", x.Slug, x.Status)
		}
		for _, x := range db.Client.MediaCoverage.Query().AllX(ctx) {
			add("/coverage/", x.Slug, x.Status)
		}
		for _, x := range db.Client.Region.Query().AllX(ctx) {
			want[base+"/regions/"+x.Code] = true
		}
		r := db.Client.Region.Query().Where(region.Code("421122")).OnlyX(ctx)
		draft := db.Client.Brand.Create().SetSlug("sitemap-draft").SetNameZh("草稿").SetRegion(r).
			SetCategory(brand.CategoryLIVELIHOOD).SetLevel(brand.LevelCOUNTY).SaveX(ctx)
		drafts[base+"/brands/sitemap-draft"] = true
		if len(drafts) < 3 {
			t.Fatalf("only %d drafts to miss", len(drafts))
		}

		got := crawl(t, h, base)
		for u, n := range got {
			if n != 1 {
				t.Errorf("%s listed %d times", u, n)
			}
			if drafts[u] {
				t.Errorf("draft %s listed", u)
			} else if !want[u] {
				t.Errorf("%s listed, not a published page", u)
			}
		}
		for u := range want {
			if got[u] == 0 {
				t.Errorf("%s missing", u)
			}
		}
		// Every listed page is really there.
		for u := range got {
			path := strings.TrimPrefix(u, base)
			if r := do(h, http.MethodGet, path, nil); r.code != 200 {
				t.Errorf("%s listed but answers %d", path, r.code)
			}
		}

		db.Client.Brand.UpdateOne(draft).SetStatus(published).ExecX(ctx)
		if crawl(t, h, base)[base+"/brands/sitemap-draft"] != 1 {
			t.Error("published brand not listed")
		}

		robots := do(h, http.MethodGet, "/robots.txt", nil)
		if robots.code != 200 || !contains(robots.body, "Sitemap: "+base+"/sitemap.xml") || !contains(robots.body, "Disallow: /kiosk") {
			t.Errorf("robots.txt: %d %q", robots.code, robots.body)
		}
		for _, bad := range []string{"/sitemaps/brands-0.xml", "/sitemaps/brands-99.xml", "/sitemaps/nope-1.xml", "/sitemaps/brands.xml", "/sitemaps/brands-x.xml"} {
			if r := do(h, http.MethodGet, bad, nil); r.code != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", bad, r.code)
			}
		}
	})
}
