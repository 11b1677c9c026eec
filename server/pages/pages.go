// Package pages describes the web client's pages to those who do not run
// its JavaScript: search engines and the link previews of chat apps
// (WeChat, Weibo, Slack...). For each client route it loads the page's item
// through the public (anonymous, read-only) ent client — so a draft is
// never described — and renders the <head> the shell is served with: title,
// description, canonical URL, zh/en alternates, Open Graph and Twitter card
// tags and a schema.org JSON-LD block. It also tells unknown routes, slugs
// and region codes apart (HTTP 404) and writes /sitemap.xml and /robots.txt.
package pages

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/enterprise"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/venue"
)

// Site renders the heads of one site's pages.
type Site struct {
	// Client must be the public, anonymous client: queries under a context
	// without a viewer never return drafts.
	Client *ent.Client
	// BaseURL is the public address of the site (https://brands.example.cn),
	// used in canonical and Open Graph URLs. Empty: taken from each request
	// (Host, and X-Forwarded-Proto for the scheme).
	BaseURL string
	// SitemapPage is how many URLs one sitemap file lists (default
	// DefaultSitemapPage).
	SitemapPage int
	// Logger receives database errors (nil: none).
	Logger *slog.Logger
}

// Lang is a page's language.
type Lang string

const (
	// Zh is Chinese, the default.
	Zh Lang = "zh"
	// En is English (?lang=en).
	En Lang = "en"
)

// slugPattern is the client's (and ent's) slug syntax: checked before any
// query, so a malformed slug is a 404 without database work.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// codePattern is a GB/T 2260 region code.
var codePattern = regexp.MustCompile(`^\d{6}$`)

// Page is what a route's head says. Zero fields are left out.
type Page struct {
	// Found is false for an unknown route, slug or code (HTTP 404).
	Found bool
	// Path is the page's path without the kiosk prefix or query.
	Path        string
	Lang        Lang
	Title       string // without the site name
	Description string
	// Type is the Open Graph type: website, article or profile.
	Type     string
	Image    string
	ImageAlt string
	// JSONLD is the schema.org object (marshalled with HTML escaping).
	JSONLD map[string]any
	// NoIndex marks pages that must not be indexed (kiosk, search).
	NoIndex bool
	// Published is the article's date (coverage), RFC 3339.
	Published string
}

// ErrNotFound is returned by Describe for an unknown route, slug or code.
var ErrNotFound = errors.New("pages: not found")

// Describe loads what the page at path says about itself. path is the
// URL path (with or without the /kiosk prefix); query its parameters.
func (s *Site) Describe(ctx context.Context, path string, query url.Values) (*Page, error) {
	p := &Page{Lang: Zh, Type: "website"}
	if query.Get("lang") == "en" {
		p.Lang = En
	}
	if path == "/kiosk" || strings.HasPrefix(path, "/kiosk/") {
		path = strings.TrimPrefix(path, "/kiosk")
		p.NoIndex = true
	}
	if query.Get("kiosk") == "1" {
		p.NoIndex = true
	}
	parts := strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
	for i, part := range parts {
		dec, err := url.PathUnescape(part)
		if err != nil {
			return p, ErrNotFound
		}
		parts[i] = dec
	}
	p.Path = "/" + strings.Join(parts, "/")
	t := texts[p.Lang]
	switch len(parts) {
	case 0:
		p.Path = "/"
		p.Description = t.siteDescription
		p.JSONLD = map[string]any{"@type": "WebSite", "name": t.siteTitle, "description": t.siteDescription}
		return found(p)
	case 1:
		title, ok := t.lists[parts[0]]
		if !ok {
			return p, ErrNotFound
		}
		p.Title, p.Description = title, title+" — "+t.siteTitle
		// Neither search results nor the editors' console (/admin, which
		// shows nothing without a token) belong in a search engine.
		p.NoIndex = p.NoIndex || parts[0] == "search" || parts[0] == "admin"
		p.JSONLD = map[string]any{"@type": "CollectionPage", "name": title}
		return found(p)
	case 2:
		key := parts[1]
		if parts[0] == "preview" {
			// A preview link: the web client shows the item; the head
			// says nothing about it (the link is private) and keeps it
			// out of every index.
			p.Title, p.NoIndex = "预览 Preview", true
			return found(p)
		}
		if parts[0] == "regions" {
			if !codePattern.MatchString(key) {
				return p, ErrNotFound
			}
			return s.region(ctx, p, key)
		}
		if !slugPattern.MatchString(key) {
			return p, ErrNotFound
		}
		switch parts[0] {
		case "brands":
			return s.brand(ctx, p, key)
		case "role-models":
			return s.roleModel(ctx, p, key)
		case "venues":
			return s.venue(ctx, p, key)
		case "coverage":
			return s.coverage(ctx, p, key)
		case "alliances":
			return s.alliance(ctx, p, key)
		case "enterprises":
			return s.enterprise(ctx, p, key)
		}
	}
	return p, ErrNotFound
}

func found(p *Page) (*Page, error) {
	p.Found = true
	return p, nil
}

// notFound turns ent's not-found into ErrNotFound.
func notFound(p *Page, err error) (*Page, error) {
	if ent.IsNotFound(err) {
		return p, ErrNotFound
	}
	return p, err
}

func (l Lang) tag() string {
	if l == En {
		return "en"
	}
	return "zh-CN"
}

// pick is the text in the page's language, Chinese when not translated.
func (l Lang) pick(zh, en string) string {
	if l == En && en != "" {
		return en
	}
	return zh
}

func (s *Site) brand(ctx context.Context, p *Page, slug string) (*Page, error) {
	b, err := s.Client.Brand.Query().Where(brand.Slug(slug)).WithRegion().Only(ctx)
	if err != nil {
		return notFound(p, err)
	}
	p.Title = p.Lang.pick(b.NameZh, b.NameEn)
	p.Description = p.Lang.pick(b.SummaryZh, b.SummaryEn)
	ld := map[string]any{
		"@type":         []string{"Organization", "Brand"},
		"name":          p.Title,
		"alternateName": otherName(p.Lang, b.NameZh, b.NameEn),
		"description":   p.Description,
		"slogan":        p.Lang.pick(b.IndustryZh, b.IndustryEn),
	}
	if b.FoundedYear != nil {
		ld["foundingDate"] = strconv.Itoa(*b.FoundedYear)
	}
	if r := b.Edges.Region; r != nil {
		ld["areaServed"] = map[string]any{"@type": "AdministrativeArea", "name": p.Lang.pick(r.NameZh, r.NameEn), "identifier": r.Code}
		if p.Description == "" {
			p.Description = p.Title + " — " + p.Lang.pick(r.NameZh, r.NameEn)
		}
	}
	if b.Logo != nil && b.Logo.URL != "" {
		ld["logo"] = b.Logo.URL
		p.Image, p.ImageAlt = b.Logo.URL, p.Lang.pick(b.Logo.Alt, b.Logo.AltEn)
	}
	if len(b.Pictures) > 0 && b.Pictures[0].URL != "" {
		// A picture of the workers says more in a preview than a logo.
		p.Image, p.ImageAlt = b.Pictures[0].URL, p.Lang.pick(b.Pictures[0].Alt, b.Pictures[0].AltEn)
	}
	if p.Image != "" {
		ld["image"] = p.Image
	}
	p.JSONLD = ld
	return found(p)
}

func (s *Site) roleModel(ctx context.Context, p *Page, slug string) (*Page, error) {
	m, err := s.Client.RoleModel.Query().Where(rolemodel.Slug(slug)).WithRegion().WithBrands().Only(ctx)
	if err != nil {
		return notFound(p, err)
	}
	p.Type = "profile"
	p.Title = p.Lang.pick(m.NameZh, m.NameEn)
	p.Description = p.Lang.pick(m.TitleZh, m.TitleEn)
	ld := map[string]any{
		"@type":         "Person",
		"name":          p.Title,
		"alternateName": otherName(p.Lang, m.NameZh, m.NameEn),
		"jobTitle":      p.Description,
		"description":   p.Description,
	}
	honours := m.HonoursZh
	if p.Lang == En && len(m.HonoursEn) > 0 {
		honours = m.HonoursEn
	}
	if len(honours) > 0 {
		ld["award"] = honours
	}
	if r := m.Edges.Region; r != nil {
		ld["homeLocation"] = map[string]any{"@type": "AdministrativeArea", "name": p.Lang.pick(r.NameZh, r.NameEn), "identifier": r.Code}
	}
	var brands []map[string]any
	for _, b := range m.Edges.Brands {
		brands = append(brands, map[string]any{"@type": "Brand", "name": p.Lang.pick(b.NameZh, b.NameEn)})
	}
	if len(brands) > 0 {
		ld["knowsAbout"] = brands
	}
	if m.Portrait != nil && m.Portrait.URL != "" {
		p.Image, p.ImageAlt = m.Portrait.URL, p.Lang.pick(m.Portrait.Alt, m.Portrait.AltEn)
		ld["image"] = p.Image
	}
	p.JSONLD = ld
	return found(p)
}

func (s *Site) venue(ctx context.Context, p *Page, slug string) (*Page, error) {
	v, err := s.Client.Venue.Query().Where(venue.Slug(slug)).WithRegion().Only(ctx)
	if err != nil {
		return notFound(p, err)
	}
	p.Title = p.Lang.pick(v.NameZh, v.NameEn)
	p.Description = p.Lang.pick(v.SummaryZh, v.SummaryEn)
	ld := map[string]any{
		"@type":       "Place",
		"name":        p.Title,
		"description": p.Description,
		"geo":         map[string]any{"@type": "GeoCoordinates", "latitude": v.Latitude, "longitude": v.Longitude},
		"telephone":   v.Phone,
	}
	addr := map[string]any{"@type": "PostalAddress", "streetAddress": p.Lang.pick(v.AddressZh, v.AddressEn), "addressRegion": texts[p.Lang].province, "addressCountry": "CN"}
	if r := v.Edges.Region; r != nil {
		addr["addressLocality"] = p.Lang.pick(r.NameZh, r.NameEn)
		ld["containedInPlace"] = map[string]any{"@type": "AdministrativeArea", "name": p.Lang.pick(r.NameZh, r.NameEn), "identifier": r.Code}
	}
	ld["address"] = addr
	if h := p.Lang.pick(v.OpeningHoursZh, v.OpeningHoursEn); h != "" {
		// Free text as editors wrote it ("周二至周日 9:00–17:00"); schema.org
		// allows Text here, and guessing a machine format could be wrong.
		ld["openingHours"] = h
	}
	if v.Website != "" {
		ld["url"] = v.Website
	}
	if len(v.Pictures) > 0 && v.Pictures[0].URL != "" {
		p.Image, p.ImageAlt = v.Pictures[0].URL, p.Lang.pick(v.Pictures[0].Alt, v.Pictures[0].AltEn)
		ld["image"] = p.Image
	}
	p.JSONLD = ld
	return found(p)
}

func (s *Site) coverage(ctx context.Context, p *Page, slug string) (*Page, error) {
	c, err := s.Client.MediaCoverage.Query().Where(mediacoverage.Slug(slug)).WithBrands().Only(ctx)
	if err != nil {
		return notFound(p, err)
	}
	p.Type = "article"
	p.Title = p.Lang.pick(c.TitleZh, c.TitleEn)
	p.Description = p.Lang.pick(c.SummaryZh, c.SummaryEn)
	p.Published = c.PublishedOn.UTC().Format("2006-01-02")
	ld := map[string]any{
		"@type":         "NewsArticle",
		"headline":      p.Title,
		"description":   p.Description,
		"datePublished": p.Published,
		"publisher":     map[string]any{"@type": "Organization", "name": c.Outlet},
	}
	if c.Author != "" {
		ld["author"] = map[string]any{"@type": "Person", "name": c.Author}
	}
	if c.URL != "" {
		ld["isBasedOn"] = c.URL
	}
	var about []map[string]any
	for _, b := range c.Edges.Brands {
		about = append(about, map[string]any{"@type": "Brand", "name": p.Lang.pick(b.NameZh, b.NameEn)})
	}
	if len(about) > 0 {
		ld["about"] = about
	}
	p.JSONLD = ld
	return found(p)
}

func (s *Site) alliance(ctx context.Context, p *Page, slug string) (*Page, error) {
	a, err := s.Client.Alliance.Query().Where(alliance.Slug(slug)).Only(ctx)
	if err != nil {
		return notFound(p, err)
	}
	p.Title = p.Lang.pick(a.NameZh, a.NameEn)
	p.Description = p.Lang.pick(a.SummaryZh, a.SummaryEn)
	ld := map[string]any{"@type": "Organization", "name": p.Title, "description": p.Description}
	if a.FoundedOn != nil {
		ld["foundingDate"] = a.FoundedOn.UTC().Format("2006-01-02")
	}
	p.JSONLD = ld
	return found(p)
}

func (s *Site) enterprise(ctx context.Context, p *Page, slug string) (*Page, error) {
	e, err := s.Client.Enterprise.Query().Where(enterprise.Slug(slug)).Only(ctx)
	if err != nil {
		return notFound(p, err)
	}
	p.Title = p.Lang.pick(e.NameZh, e.NameEn)
	p.Description = p.Lang.pick(e.SummaryZh, e.SummaryEn)
	ld := map[string]any{"@type": "Organization", "name": p.Title, "description": p.Description}
	if e.Logo != nil && e.Logo.URL != "" {
		p.Image, p.ImageAlt = e.Logo.URL, p.Lang.pick(e.Logo.Alt, e.Logo.AltEn)
		ld["logo"] = p.Image
	}
	p.JSONLD = ld
	return found(p)
}

func (s *Site) region(ctx context.Context, p *Page, code string) (*Page, error) {
	r, err := s.Client.Region.Query().Where(region.Code(code)).WithParent().Only(ctx)
	if err != nil {
		return notFound(p, err)
	}
	t := texts[p.Lang]
	p.Title = p.Lang.pick(r.NameZh, r.NameEn)
	p.Description = p.Title + t.regionSuffix
	ld := map[string]any{"@type": "AdministrativeArea", "name": p.Title, "identifier": r.Code}
	if r.Latitude != nil && r.Longitude != nil {
		ld["geo"] = map[string]any{"@type": "GeoCoordinates", "latitude": *r.Latitude, "longitude": *r.Longitude}
	}
	if parent := r.Edges.Parent; parent != nil {
		ld["containedInPlace"] = map[string]any{"@type": "AdministrativeArea", "name": p.Lang.pick(parent.NameZh, parent.NameEn), "identifier": parent.Code}
	}
	p.JSONLD = ld
	return found(p)
}

// otherName is the name in the other language, when it differs.
func otherName(l Lang, zh, en string) string {
	if l == En && en != "" {
		return zh
	}
	if en != zh {
		return en
	}
	return ""
}

// Base is the site's public address for a request: the configured base
// URL, or the request's own scheme and host.
func (s *Site) Base(r *http.Request) string {
	if s.BaseURL != "" {
		return strings.TrimRight(s.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
