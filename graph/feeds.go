package graph

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/schematype"

	"entgo.io/ent/dialect/sql"
)

// FeedEntries is how many reports a feed lists, newest first.
const FeedEntries = 50

// feedMaxAge is how long clients and proxies may cache a feed.
const feedMaxAge = 5 * time.Minute

// NewFeedHandler serves the journalists' Atom feeds of published coverage:
// /feeds/coverage.atom (all) and /feeds/brands/{slug}.atom (one brand's).
func NewFeedHandler(cfg HandlerConfig) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feeds/coverage.atom", func(w http.ResponseWriter, r *http.Request) {
		q := cfg.DB.Client.MediaCoverage.Query()
		serveFeed(w, r, cfg, q, "urn:brandshow:feed:coverage", "湖北劳务品牌媒体报道 / Hubei labor brands in the media")
	})
	mux.HandleFunc("GET /feeds/brands/{file}", func(w http.ResponseWriter, r *http.Request) {
		slug, ok := strings.CutSuffix(r.PathValue("file"), ".atom")
		if !ok || schematype.CheckLine(slug) != nil { // a NUL (%00) would be a database error
			http.NotFound(w, r)
			return
		}
		b, err := cfg.DB.Client.Brand.Query().Where(brand.Slug(slug)).Only(r.Context())
		if err != nil {
			if !ent.IsNotFound(err) {
				cfg.Logger.ErrorContext(r.Context(), "feed: brand", "error", err.Error())
				http.Error(w, "internal error", http.StatusInternalServerError)
				return
			}
			http.NotFound(w, r) // unknown or unpublished: the same answer
			return
		}
		q := cfg.DB.Client.MediaCoverage.Query().Where(mediacoverage.HasBrandsWith(brand.ID(b.ID)))
		serveFeed(w, r, cfg, q, "urn:brandshow:feed:brand:"+b.Slug, b.NameZh+" 媒体报道 / "+orZh(b.NameEn, b.NameZh)+" in the media")
	})
	return mux
}

func orZh(en, zh string) string {
	if en != "" {
		return en
	}
	return zh
}

// atomFeed and atomEntry are the parts of RFC 4287 the feeds use.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Rights  string      `xml:"rights,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID        string       `xml:"id"`
	Title     string       `xml:"title"`
	Updated   string       `xml:"updated"`
	Published string       `xml:"published"`
	Authors   []atomPerson `xml:"author"`
	Links     []atomLink   `xml:"link"`
	Summary   *atomText    `xml:"summary,omitempty"`
	Category  []struct {
		Term string `xml:"term,attr"`
	} `xml:"category"`
}

// serveFeed writes the newest published reports of q as Atom, with
// Last-Modified and Cache-Control so proxies and readers can cache it.
func serveFeed(w http.ResponseWriter, r *http.Request, cfg HandlerConfig, q *ent.MediaCoverageQuery, id, title string) {
	items, err := q.Order(mediacoverage.ByPublishedOn(sql.OrderDesc()), mediacoverage.ByID(sql.OrderDesc())).Limit(FeedEntries).All(r.Context())
	if err != nil {
		cfg.Logger.ErrorContext(r.Context(), "feed", "error", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	updated := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, m := range items {
		if m.UpdatedAt.After(updated) {
			updated = m.UpdatedAt
		}
	}
	updated = updated.UTC().Truncate(time.Second)
	if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !updated.After(ims) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	base := "http://" + r.Host
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		base = "https://" + r.Host
	}
	f := atomFeed{
		ID: id, Title: title, Updated: updated.Format(time.RFC3339),
		Author: atomPerson{Name: "brandshow"},
		Links:  []atomLink{{Rel: "self", Href: base + r.URL.Path, Type: "application/atom+xml"}},
	}
	if cfg.SampleContent {
		f.Rights = "示例内容，非官方数据 / Sample content, not official data"
	}
	for _, m := range items {
		e := atomEntry{
			ID:        "urn:brandshow:coverage:" + m.Slug,
			Title:     m.TitleZh,
			Updated:   m.UpdatedAt.UTC().Format(time.RFC3339),
			Published: m.PublishedOn.UTC().Format(time.RFC3339),
			Authors:   []atomPerson{{Name: orZh(m.Author, m.Outlet)}},
		}
		if m.URL != "" {
			e.Links = append(e.Links, atomLink{Rel: "alternate", Href: m.URL})
		}
		if m.SummaryZh != "" {
			e.Summary = &atomText{Type: "text", Text: m.SummaryZh}
		}
		e.Category = append(e.Category, struct {
			Term string `xml:"term,attr"`
		}{string(m.Medium)})
		f.Entries = append(f.Entries, e)
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		cfg.Logger.ErrorContext(r.Context(), "feed: encode", "error", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(feedMaxAge.Seconds())))
	w.Header().Set("Last-Modified", updated.Format(http.TimeFormat))
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(out)
}
