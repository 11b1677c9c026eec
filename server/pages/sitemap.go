package pages

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/enterprise"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/venue"
)

// DefaultSitemapPage is how many URLs one sitemap file lists (the protocol
// allows 50,000; smaller files are cheaper to build and to fetch).
const DefaultSitemapPage = 10000

// sitemapMaxAge is how long crawlers and proxies may keep a sitemap.
const sitemapMaxAge = 10 * time.Minute

// entry is one page of a sitemap.
type entry struct {
	path    string
	updated time.Time
}

// section is one kind of page: its path prefix, how many there are and a
// page of them in ID order. Every query runs on the public client, so
// drafts are neither counted nor listed.
type section struct {
	name  string
	count func(ctx context.Context, c *ent.Client) (int, error)
	page  func(ctx context.Context, c *ent.Client, offset, limit int) ([]entry, error)
}

// sections are every kind of item page the client has, plus the fixed pages.
var sections = []section{
	{"pages", func(context.Context, *ent.Client) (int, error) { return len(fixedPages), nil },
		func(_ context.Context, _ *ent.Client, offset, limit int) ([]entry, error) {
			var out []entry
			for i := offset; i < len(fixedPages) && i < offset+limit; i++ {
				out = append(out, entry{path: fixedPages[i]})
			}
			return out, nil
		}},
	{"brands", func(ctx context.Context, c *ent.Client) (int, error) { return c.Brand.Query().Count(ctx) },
		func(ctx context.Context, c *ent.Client, offset, limit int) ([]entry, error) {
			rows, err := c.Brand.Query().Order(ent.Asc(brand.FieldID)).Offset(offset).Limit(limit).
				Select(brand.FieldSlug, brand.FieldUpdatedAt, brand.FieldPublishAt).All(ctx)
			return entries(rows, err, "/brands/", func(b *ent.Brand) (string, time.Time) { return b.Slug, shownSince(b.UpdatedAt, b.PublishAt) })
		}},
	{"role-models", func(ctx context.Context, c *ent.Client) (int, error) { return c.RoleModel.Query().Count(ctx) },
		func(ctx context.Context, c *ent.Client, offset, limit int) ([]entry, error) {
			rows, err := c.RoleModel.Query().Order(ent.Asc(rolemodel.FieldID)).Offset(offset).Limit(limit).
				Select(rolemodel.FieldSlug, rolemodel.FieldUpdatedAt, rolemodel.FieldPublishAt).All(ctx)
			return entries(rows, err, "/role-models/", func(m *ent.RoleModel) (string, time.Time) { return m.Slug, shownSince(m.UpdatedAt, m.PublishAt) })
		}},
	{"venues", func(ctx context.Context, c *ent.Client) (int, error) { return c.Venue.Query().Count(ctx) },
		func(ctx context.Context, c *ent.Client, offset, limit int) ([]entry, error) {
			rows, err := c.Venue.Query().Order(ent.Asc(venue.FieldID)).Offset(offset).Limit(limit).
				Select(venue.FieldSlug, venue.FieldUpdatedAt, venue.FieldPublishAt).All(ctx)
			return entries(rows, err, "/venues/", func(v *ent.Venue) (string, time.Time) { return v.Slug, shownSince(v.UpdatedAt, v.PublishAt) })
		}},
	{"alliances", func(ctx context.Context, c *ent.Client) (int, error) { return c.Alliance.Query().Count(ctx) },
		func(ctx context.Context, c *ent.Client, offset, limit int) ([]entry, error) {
			rows, err := c.Alliance.Query().Order(ent.Asc(alliance.FieldID)).Offset(offset).Limit(limit).
				Select(alliance.FieldSlug, alliance.FieldUpdatedAt, alliance.FieldPublishAt).All(ctx)
			return entries(rows, err, "/alliances/", func(a *ent.Alliance) (string, time.Time) { return a.Slug, shownSince(a.UpdatedAt, a.PublishAt) })
		}},
	{"enterprises", func(ctx context.Context, c *ent.Client) (int, error) { return c.Enterprise.Query().Count(ctx) },
		func(ctx context.Context, c *ent.Client, offset, limit int) ([]entry, error) {
			rows, err := c.Enterprise.Query().Order(ent.Asc(enterprise.FieldID)).Offset(offset).Limit(limit).
				Select(enterprise.FieldSlug, enterprise.FieldUpdatedAt, enterprise.FieldPublishAt).All(ctx)
			return entries(rows, err, "/enterprises/", func(e *ent.Enterprise) (string, time.Time) { return e.Slug, shownSince(e.UpdatedAt, e.PublishAt) })
		}},
	{"coverage", func(ctx context.Context, c *ent.Client) (int, error) { return c.MediaCoverage.Query().Count(ctx) },
		func(ctx context.Context, c *ent.Client, offset, limit int) ([]entry, error) {
			rows, err := c.MediaCoverage.Query().Order(ent.Asc(mediacoverage.FieldID)).Offset(offset).Limit(limit).
				Select(mediacoverage.FieldSlug, mediacoverage.FieldUpdatedAt, mediacoverage.FieldPublishAt).All(ctx)
			return entries(rows, err, "/coverage/", func(m *ent.MediaCoverage) (string, time.Time) { return m.Slug, shownSince(m.UpdatedAt, m.PublishAt) })
		}},
	{"regions", func(ctx context.Context, c *ent.Client) (int, error) { return c.Region.Query().Count(ctx) },
		func(ctx context.Context, c *ent.Client, offset, limit int) ([]entry, error) {
			rows, err := c.Region.Query().Order(ent.Asc(region.FieldID)).Offset(offset).Limit(limit).
				Select(region.FieldCode).All(ctx)
			return entries(rows, err, "/regions/", func(r *ent.Region) (string, time.Time) { return r.Code, time.Time{} })
		}},
}

// shownSince is a page's last modification for crawlers: its last change,
// or when the public first saw that change if its publication was
// scheduled for later.
func shownSince(updated time.Time, publishAt *time.Time) time.Time {
	if publishAt != nil && publishAt.After(updated) {
		return *publishAt
	}
	return updated
}

// fixedPages are the pages without an item: home and the lists.
var fixedPages = []string{"/", "/brands", "/regions", "/venues", "/alliances", "/events"}

func entries[T any](rows []T, err error, prefix string, key func(T) (string, time.Time)) ([]entry, error) {
	if err != nil {
		return nil, err
	}
	out := make([]entry, 0, len(rows))
	for _, r := range rows {
		k, t := key(r)
		out = append(out, entry{path: prefix + k, updated: t})
	}
	return out, nil
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapRef `xml:"sitemap"`
}

type sitemapRef struct {
	Loc string `xml:"loc"`
}

type urlSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	XHTML   string   `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL
}

type sitemapURL struct {
	XMLName    xml.Name    `xml:"url"`
	Loc        string      `xml:"loc"`
	LastMod    string      `xml:"lastmod,omitempty"`
	Alternates []alternate `xml:"xhtml:link"`
}

type alternate struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

func (s *Site) pageSize() int {
	if s.SitemapPage > 0 {
		return s.SitemapPage
	}
	return DefaultSitemapPage
}

// SitemapIndex serves /sitemap.xml: a sitemap index naming one file per
// page of each kind (/sitemaps/brands-1.xml ...), so the site's size never
// hits the protocol's 50,000 URLs per file.
func (s *Site) SitemapIndex(w http.ResponseWriter, r *http.Request) {
	base := s.Base(r)
	idx := sitemapIndex{}
	for _, sec := range sections {
		n, err := sec.count(r.Context(), s.Client)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for p := 1; p == 1 || (p-1)*s.pageSize() < n; p++ {
			idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: fmt.Sprintf("%s/sitemaps/%s-%d.xml", base, sec.name, p)})
		}
	}
	writeXML(w, r, idx)
}

// Sitemap serves one file of the index: /sitemaps/{kind}-{n}.xml.
func (s *Site) Sitemap(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".xml")
	dash := strings.LastIndexByte(name, '-')
	if !ok || dash < 0 {
		http.NotFound(w, r)
		return
	}
	n, err := strconv.Atoi(name[dash+1:])
	if err != nil || n < 1 || n > 1_000_000 {
		http.NotFound(w, r)
		return
	}
	var sec *section
	for i := range sections {
		if sections[i].name == name[:dash] {
			sec = &sections[i]
		}
	}
	if sec == nil {
		http.NotFound(w, r)
		return
	}
	rows, err := sec.page(r.Context(), s.Client, (n-1)*s.pageSize(), s.pageSize())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(rows) == 0 && n > 1 {
		http.NotFound(w, r)
		return
	}
	base := s.Base(r)
	set := urlSet{XHTML: "http://www.w3.org/1999/xhtml"}
	for _, e := range rows {
		u := sitemapURL{Loc: base + e.path, Alternates: []alternate{
			{"alternate", "zh-CN", base + e.path}, {"alternate", "en", base + e.path + "?lang=en"},
		}}
		if !e.updated.IsZero() {
			u.LastMod = e.updated.UTC().Format(time.RFC3339)
		}
		set.URLs = append(set.URLs, u)
	}
	writeXML(w, r, set)
}

// Robots serves /robots.txt: everything but the kiosk's copies, the
// search results and the API may be crawled; the sitemap is named.
func (s *Site) Robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = fmt.Fprintf(w, "User-agent: *\nAllow: /\nDisallow: /kiosk\nDisallow: /search\nDisallow: /admin\nDisallow: /graphql\nDisallow: /graphiql\nDisallow: /feeds/\n\nSitemap: %s/sitemap.xml\n", s.Base(r))
}

func writeXML(w http.ResponseWriter, r *http.Request, v any) {
	b, err := xml.MarshalIndent(v, "", " ")
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(int(sitemapMaxAge.Seconds())))
	if r.Method != http.MethodHead {
		_, _ = w.Write([]byte(xml.Header))
		_, _ = w.Write(b)
	}
}

func (s *Site) fail(w http.ResponseWriter, r *http.Request, err error) {
	if s.Logger != nil {
		s.Logger.ErrorContext(r.Context(), "sitemap", "path", r.URL.Path, "error", err.Error())
	}
	http.Error(w, "service unavailable", http.StatusServiceUnavailable)
}
