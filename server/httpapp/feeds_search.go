package httpapp

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/visibility"
	"brandshow/server/ratelimit"
	"brandshow/server/search"
)

// Saved searches as feeds: /feeds/search.atom?q=艾灸&type=MEDIA_COVERAGE&region=421100
// lists the newest published items that match the query, in the query
// syntax of the API's search (terms, punctuation, quoted phrases, pinyin,
// synonyms), with its filters: type (repeatable or comma-separated
// SearchType values), region (a GB/T 2260 code; a prefecture includes its
// counties), category, level and medium (repeatable, the API's enum values).
// The query is searched as typed, never its homophone correction (a
// subscription must not change meaning when the content changes), newest
// first, at most FeedEntries entries. Drafts never: the feeds run without
// the caller's credentials. A search costs more than a list, so these
// feeds have a limiter of their own on top of the site's.

// Defaults of the search feeds' own rate limit, per client.
const (
	DefaultSearchFeedRate  = 0.5 // requests per second
	DefaultSearchFeedBurst = 20  // a reader refreshing many saved searches at once
)

// maxFeedParams bounds the filter values a search feed URL may carry.
const maxFeedParams = 20

// newSearchFeedLimiter is the search feeds' limiter: the site's client
// classification (trusted proxies, kiosks) with the feeds' rate.
func newSearchFeedLimiter(cfg Config, onLimit ratelimit.OnLimit) *ratelimit.Limiter {
	rl := cfg.RateLimit
	rl.Rate, rl.Burst = cfg.SearchFeedRate, cfg.SearchFeedBurst
	if rl.Rate == 0 {
		rl.Rate = DefaultSearchFeedRate
	}
	if rl.Burst == 0 {
		rl.Burst = DefaultSearchFeedBurst
	}
	if rl.Rate < 0 {
		rl.Rate = 0 // turned off
	}
	rl.KioskRate, rl.KioskBurst = rl.Rate, rl.Burst
	rl.TokenRate, rl.TokenBurst, rl.Holder = 0, 0, nil
	return ratelimit.New(rl, onLimit)
}

// feedBadRequest is a mistake in a search feed's URL; its text is safe to show.
type feedBadRequest struct{ msg string }

func (e *feedBadRequest) Error() string { return e.msg }

// searchFeedOptions reads a search feed's query and filters, and the
// feed's identity: the same query and filters give the same identity
// whatever their order or spelling.
func searchFeedOptions(v url.Values) (string, search.Options, string, error) {
	var opts search.Options
	q := strings.TrimSpace(v.Get("q"))
	if q == "" {
		return "", opts, "", &feedBadRequest{"q is required: the search query"}
	}
	if !utf8.ValidString(q) || strings.ContainsRune(q, 0) {
		return "", opts, "", &feedBadRequest{"q is not valid text"}
	}
	values := func(name string) []string {
		var out []string
		for _, x := range v[name] {
			for _, p := range strings.Split(x, ",") {
				if p = strings.ToUpper(strings.TrimSpace(p)); p != "" {
					out = append(out, p)
				}
			}
		}
		return out
	}
	count := 0
	check := func(name string, vals []string, valid func(string) bool) error {
		count += len(vals)
		if count > maxFeedParams {
			return &feedBadRequest{"too many filter values"}
		}
		for _, x := range vals {
			if !valid(x) {
				return &feedBadRequest{name + ": unknown value " + x}
			}
		}
		return nil
	}
	types := values("type")
	if err := check("type", types, validType); err != nil {
		return "", opts, "", err
	}
	for _, t := range types {
		opts.Types = append(opts.Types, search.ItemType(t))
	}
	if region := strings.TrimSpace(v.Get("region")); region != "" {
		if len(region) != 6 || strings.Trim(region, "0123456789") != "" {
			return "", opts, "", &feedBadRequest{"region: a six-digit region code (GB/T 2260)"}
		}
		opts.RegionCode = region
	}
	opts.Categories = values("category")
	if err := check("category", opts.Categories, func(s string) bool { return brand.CategoryValidator(brand.Category(s)) == nil }); err != nil {
		return "", opts, "", err
	}
	opts.Levels = values("level")
	if err := check("level", opts.Levels, func(s string) bool { return brand.LevelValidator(brand.Level(s)) == nil }); err != nil {
		return "", opts, "", err
	}
	opts.Media = values("medium")
	if err := check("medium", opts.Media, func(s string) bool { return mediacoverage.MediumValidator(mediacoverage.Medium(s)) == nil }); err != nil {
		return "", opts, "", err
	}
	id := url.Values{"q": {q}}
	for name, vals := range map[string][]string{"type": types, "category": opts.Categories, "level": opts.Levels, "medium": opts.Media} {
		for _, x := range vals {
			id.Add(name, x)
		}
	}
	if opts.RegionCode != "" {
		id.Set("region", opts.RegionCode)
	}
	return q, opts, "urn:brandshow:feed:search?" + id.Encode(), nil
}

func validType(s string) bool {
	for _, t := range search.AllTypes {
		if string(t) == s {
			return true
		}
	}
	return false
}

// serveSearchFeed answers /feeds/search.atom.
func serveSearchFeed(w http.ResponseWriter, r *http.Request, cfg Config, versions *feedVersions) {
	q, opts, id, err := searchFeedOptions(r.URL.Query())
	var bad *feedBadRequest
	if errors.As(err, &bad) {
		http.Error(w, bad.msg, http.StatusBadRequest)
		return
	}
	// Never drafts: the feeds are served without authentication, and a
	// feed URL is shared and cached.
	ctx := r.Context()
	if visibility.DraftsAllowed(ctx) {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	opts.Limit, opts.NoCorrection, opts.ByDate = FeedEntries, true, true
	res, err := search.Search(ctx, cfg.DB.Public, q, opts)
	var qe *search.QueryError
	if errors.As(err, &qe) {
		http.Error(w, qe.Msg, http.StatusBadRequest)
		return
	}
	if err != nil {
		cfg.Logger.ErrorContext(r.Context(), "feed: search", "error", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	base := baseURL(r)
	f := atomFeed{ID: id, Title: "搜索 / Search: " + q}
	for _, h := range res.Hits {
		if e, ok := hitEntry(h, base); ok {
			f.Entries = append(f.Entries, e)
		}
	}
	writeAtom(w, r, cfg, versions, f)
}

// hitEntry is a search hit as an Atom entry: its title, its page on the
// site, and the excerpt where it matched as the summary.
func hitEntry(h *search.Hit, base string) (atomEntry, bool) {
	var slug, title, path, author, summary string
	var updated, published time.Time
	pub := func(p *time.Time, created time.Time) time.Time {
		if p != nil {
			return *p
		}
		return created
	}
	switch e := h.Doc.Entity.(type) {
	case *ent.MediaCoverage:
		entry := coverageEntry(e, base)
		if len(h.Highlights) > 0 && h.Highlights[0].Field != "title" {
			entry.Summary = &atomText{Type: "text", Text: h.Highlights[0].Excerpt}
		}
		return entry, true
	case *ent.Brand:
		slug, title, path, summary = e.Slug, e.NameZh, "/brands/", e.SummaryZh
		updated, published = e.UpdatedAt, pub(e.PublishedAt, e.CreatedAt)
	case *ent.RoleModel:
		slug, title, path, summary = e.Slug, e.NameZh, "/role-models/", e.TitleZh
		updated, published = e.UpdatedAt, pub(e.PublishedAt, e.CreatedAt)
	case *ent.Enterprise:
		slug, title, path, summary = e.Slug, e.NameZh, "/enterprises/", e.SummaryZh
		updated, published = e.UpdatedAt, pub(e.PublishedAt, e.CreatedAt)
	case *ent.Alliance:
		slug, title, path, summary = e.Slug, e.NameZh, "/alliances/", e.SummaryZh
		updated, published = e.UpdatedAt, pub(e.PublishedAt, e.CreatedAt)
	case *ent.Venue:
		slug, title, path, summary = e.Slug, e.NameZh, "/venues/", e.SummaryZh
		updated, published = e.UpdatedAt, pub(e.PublishedAt, e.CreatedAt)
	default:
		return atomEntry{}, false
	}
	for _, hl := range h.Highlights {
		if hl.Field != "name" {
			summary = hl.Excerpt // where it matched
			break
		}
	}
	if strings.TrimSpace(summary) == "" {
		summary = title
	}
	author = "brandshow"
	typ := strings.ToLower(string(h.Doc.Type))
	return atomEntry{
		ID:        "urn:brandshow:" + typ + ":" + slug,
		Title:     title,
		Updated:   updated.UTC().Format(time.RFC3339),
		Published: published.UTC().Format(time.RFC3339),
		Authors:   []atomPerson{{Name: author}},
		Links:     []atomLink{{Rel: "alternate", Href: base + path + url.PathEscape(slug), Type: "text/html"}},
		Summary:   &atomText{Type: "text", Text: summary},
		Category:  []atomCategory{{string(h.Doc.Type)}},
	}, true
}
