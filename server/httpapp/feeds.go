package httpapp

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/lazytext"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/schematype"
	"brandshow/server/ratelimit"

	"entgo.io/ent/dialect/sql"
)

// FeedEntries is how many reports a feed lists, newest first.
const FeedEntries = 50

// feedMaxAge is how long clients and proxies may cache a feed.
const feedMaxAge = 5 * time.Minute

// newFeedHandler serves the journalists' Atom feeds of published coverage:
// /feeds/coverage.atom (all), /feeds/brands/{slug}.atom (one brand's) and
// /feeds/search.atom (a saved search, limited by searchLimiter), and the
// iCalendar feeds of events (ical.go): /feeds/events.ics and
// /feeds/brands/{slug}/events.ics.
func newFeedHandler(cfg Config, searchLimiter *ratelimit.Limiter) http.Handler {
	versions := &feedVersions{now: time.Now}
	mux := http.NewServeMux()
	mux.Handle("GET /feeds/search.atom", searchLimiter.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serveSearchFeed(w, r, cfg, versions)
	})))
	mux.HandleFunc("GET /feeds/coverage.atom", func(w http.ResponseWriter, r *http.Request) {
		q := cfg.DB.Client.MediaCoverage.Query()
		serveFeed(w, r, cfg, versions, q, "urn:brandshow:feed:coverage", "湖北劳务品牌媒体报道 / Hubei labor brands in the media")
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
		serveFeed(w, r, cfg, versions, q, "urn:brandshow:feed:brand:"+b.Slug, b.NameZh+" 媒体报道 / "+orZh(b.NameEn, b.NameZh)+" in the media")
	})
	mux.HandleFunc("GET /feeds/events.ics", func(w http.ResponseWriter, r *http.Request) {
		serveEventsCalendar(w, r, cfg, versions, cfg.DB.Client.Event.Query(), "urn:brandshow:calendar:events",
			"湖北劳务品牌活动", "Hubei labor brand events")
	})
	mux.HandleFunc("GET /feeds/brands/{slug}/events.ics", brandEventsCalendar(cfg, versions))
	return mux
}

// feedSummaryRunes bounds an entry's summary taken from the body.
const feedSummaryRunes = 200

// entrySummary is the report's summary, else the start of its body, else
// its outlet and title: never empty.
func entrySummary(m *ent.MediaCoverage) string {
	if s := strings.TrimSpace(m.SummaryZh); s != "" {
		return s
	}
	if b := []rune(strings.TrimSpace(m.BodyZh)); len(b) > 0 {
		if len(b) > feedSummaryRunes {
			return string(b[:feedSummaryRunes]) + "…"
		}
		return string(b)
	}
	return m.Outlet + "：" + m.TitleZh
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
	ID        string         `xml:"id"`
	Title     string         `xml:"title"`
	Updated   string         `xml:"updated"`
	Published string         `xml:"published"`
	Authors   []atomPerson   `xml:"author"`
	Links     []atomLink     `xml:"link"`
	Summary   *atomText      `xml:"summary,omitempty"`
	Category  []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// feedVersions dates each feed's content. A feed's Last-Modified must move
// forward on every change of its content, and taking the newest report's
// updated_at does not: unpublishing or deleting that report moved it back,
// and conditional GETs got 304 for the old feed forever. So the content is
// hashed, and Last-Modified is when this process first served that
// content: a change made before is never dated later than it. After a
// restart every feed is dated anew (at worst one needless download per
// reader), and replicas agree through the ETag, the content's hash.
type feedVersions struct {
	mu     sync.Mutex
	byFeed map[string]feedVersion
	now    func() time.Time
}

type feedVersion struct {
	digest [sha256.Size]byte
	since  time.Time
}

// maxFeedVersions bounds the memory: one feed per published brand and one
// for all. Forgetting a feed only dates it anew.
const maxFeedVersions = 10_000

// lastModified returns the date of the feed's current content, to the
// second, later than any date given for an earlier content.
func (v *feedVersions) lastModified(feed string, digest [sha256.Size]byte) time.Time {
	v.mu.Lock()
	defer v.mu.Unlock()
	prev, ok := v.byFeed[feed]
	if ok && prev.digest == digest {
		return prev.since
	}
	since := v.now().UTC().Truncate(time.Second)
	if ok && !since.After(prev.since) {
		since = prev.since.Add(time.Second) // changed twice within a second
	}
	if v.byFeed == nil || len(v.byFeed) >= maxFeedVersions {
		v.byFeed = map[string]feedVersion{}
	}
	v.byFeed[feed] = feedVersion{digest: digest, since: since}
	return since
}

// notModified applies a conditional GET's validators (RFC 9110 13.2.2):
// If-None-Match when present, else If-Modified-Since.
func notModified(r *http.Request, etag string, lastModified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
				return true
			}
		}
		return false
	}
	ims, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !lastModified.After(ims)
}

// serveFeed writes the newest published reports of q as Atom, with
// Last-Modified, ETag and Cache-Control so proxies and readers can cache it.
func serveFeed(w http.ResponseWriter, r *http.Request, cfg Config, versions *feedVersions, q *ent.MediaCoverageQuery, id, title string) {
	// The bodies are read for the summaries of reports that have none.
	items, err := q.Order(mediacoverage.ByPublishedOn(sql.OrderDesc()), mediacoverage.ByID(sql.OrderDesc())).Limit(FeedEntries).All(lazytext.All(r.Context()))
	if err != nil {
		cfg.Logger.ErrorContext(r.Context(), "feed", "error", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	base := baseURL(r)
	f := atomFeed{ID: id, Title: title}
	for _, m := range items {
		f.Entries = append(f.Entries, coverageEntry(m, base))
	}
	writeAtom(w, r, cfg, versions, f)
}

// baseURL is the site's origin as the request reached it.
func baseURL(r *http.Request) string {
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// coverageEntry is a report as an Atom entry.
func coverageEntry(m *ent.MediaCoverage, base string) atomEntry {
	e := atomEntry{
		ID:        "urn:brandshow:coverage:" + m.Slug,
		Title:     m.TitleZh,
		Updated:   m.UpdatedAt.UTC().Format(time.RFC3339),
		Published: m.PublishedOn.UTC().Format(time.RFC3339),
		Authors:   []atomPerson{{Name: orZh(m.Author, m.Outlet)}},
	}
	// RFC 4287 4.1.1.1: every entry links somewhere and says something.
	// The report's own page on this site is its alternate when it has
	// no external url (and related when it has one).
	page := base + "/coverage/" + url.PathEscape(m.Slug)
	if m.URL != "" {
		e.Links = append(e.Links, atomLink{Rel: "alternate", Href: m.URL},
			atomLink{Rel: "related", Href: page, Type: "text/html"})
	} else {
		e.Links = append(e.Links, atomLink{Rel: "alternate", Href: page, Type: "text/html"})
	}
	e.Summary = &atomText{Type: "text", Text: entrySummary(m)}
	e.Category = append(e.Category, atomCategory{string(m.Medium)})
	return e
}

// writeAtom answers with the feed, or 304 when the client's validators
// match its current content: Last-Modified, ETag and Cache-Control let
// proxies and readers cache it.
func writeAtom(w http.ResponseWriter, r *http.Request, cfg Config, versions *feedVersions, f atomFeed) {
	base := baseURL(r)
	id := f.ID
	f.Author = atomPerson{Name: "brandshow"}
	if cfg.SampleContent {
		f.Rights = "示例内容，非官方数据 / Sample content, not official data"
	}
	// The content, without the parts that depend on the request or on the
	// date being computed, decides the date.
	content, err := xml.Marshal(f)
	if err != nil {
		cfg.Logger.ErrorContext(r.Context(), "feed: encode", "error", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	digest := sha256.Sum256(content)
	updated := versions.lastModified(id, digest)
	tag := sha256.Sum256(append(digest[:], base...))
	etag := `W/"` + hex.EncodeToString(tag[:12]) + `"`
	h := w.Header()
	h.Set("Cache-Control", fmt.Sprintf("public, max-age=%d", cfg.maxAge(feedMaxAge)))
	h.Set("Last-Modified", updated.Format(http.TimeFormat))
	h.Set("ETag", etag)
	if notModified(r, etag, updated) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	f.Updated = updated.Format(time.RFC3339)
	f.Links = []atomLink{{Rel: "self", Href: base + r.URL.RequestURI(), Type: "application/atom+xml"}}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		cfg.Logger.ErrorContext(r.Context(), "feed: encode", "error", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h.Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(out)
}
