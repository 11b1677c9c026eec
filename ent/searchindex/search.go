package searchindex

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"brandshow/ent"
	"brandshow/ent/searchdoc"
	"brandshow/ent/visibility"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// CandidateLimit bounds how many candidates of one stage (name matches,
// then all matches) a query checks and ranks: the newest ones by index
// order. Up to it, ranking is exact; beyond it the result says so
// (RankedWithin).
const CandidateLimit = 500

// Options narrow a search.
type Options struct {
	Types      []ItemType
	RegionCode string   // a region; a prefecture includes its counties
	Categories []string // brand categories (BrandCategory values)
	Levels     []string // brand levels
	Media      []string // coverage media
	From       *time.Time
	Before     *time.Time
	Offset     int
	Limit      int
	Synonyms   *Synonyms // nil: DefaultSynonyms
}

// Highlight is where a field matched: an excerpt of the original text and
// the matches in it as [start, end) offsets in characters (Unicode code
// points) of the excerpt. The excerpt is plain text, never markup.
type Highlight struct {
	Field   string
	Excerpt string
	Ranges  [][2]int
}

// Hit is one found item.
type Hit struct {
	Doc        *Doc
	Score      float64
	Highlights []Highlight
	matches    []fieldMatch
}

// Facets count the hits per type, brand category, prefecture and medium.
type Facets struct {
	Types       map[ItemType]int
	Categories  map[string]int
	Prefectures map[string]int
	Media       map[string]int
}

// Result is a page of hits.
type Result struct {
	Hits  []*Hit
	Total int
	// RankedWithin is the number of candidates that were checked and ranked
	// when the index found more than CandidateLimit in a stage; 0 when the
	// ranking covers every match.
	RankedWithin int
	Facets       Facets
}

// Search runs a query for the context's caller: the public never finds
// drafts (visibility), editors with visibility.WithDrafts do.
func Search(ctx context.Context, client *ent.Client, raw string, opts Options) (*Result, error) {
	syn := opts.Synonyms
	if syn == nil {
		syn = DefaultSynonyms
	}
	q, err := ParseQuery(raw, syn)
	if err != nil {
		return nil, err
	}
	res := &Result{Facets: Facets{Types: map[ItemType]int{}, Categories: map[string]int{}, Prefectures: map[string]int{}, Media: map[string]int{}}}
	terms := q.indexTerms()
	if len(terms) == 0 {
		return res, nil // nothing the index can look up: only punctuation, emoji, ...
	}
	groups := filterGroups(ctx, opts)
	// Stage 1: name and title matches, all of them up to the limit.
	names, err := candidates(ctx, client, terms, groups, opts, true)
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	all := names
	for _, c := range names {
		seen[c.ID] = true
	}
	examined := len(names)
	bounded := len(names) > CandidateLimit
	if bounded {
		all = names[:CandidateLimit]
		examined = CandidateLimit
	} else {
		// Stage 2: matches anywhere. Skipped when names were bounded, so a
		// name match is never dropped in favour of a body match.
		body, err := candidates(ctx, client, terms, groups, opts, false)
		if err != nil {
			return nil, err
		}
		if len(body) > CandidateLimit {
			body, bounded = body[:CandidateLimit], true
		}
		for _, c := range body {
			if !seen[c.ID] {
				all = append(all, c)
				examined++
			}
		}
	}
	if bounded {
		res.RankedWithin = examined
	}
	hits, err := checkAndRank(ctx, client, q, all)
	if err != nil {
		return nil, err
	}
	res.Total = len(hits)
	for _, h := range hits {
		res.Facets.Types[h.Doc.Type]++
		if c := h.row.Category; c != "" {
			res.Facets.Categories[c]++
		}
		if m := h.row.Medium; m != "" {
			res.Facets.Media[m]++
		}
		for _, p := range strings.Fields(h.row.Prefectures) {
			res.Facets.Prefectures[p]++
		}
	}
	lo := min(max(opts.Offset, 0), len(hits))
	hi := min(lo+max(opts.Limit, 0), len(hits))
	for _, h := range hits[lo:hi] {
		h.Highlights = highlights(h.matches)
		res.Hits = append(res.Hits, h.Hit)
	}
	return res, nil
}

// filterGroups turns filters into groups of filter tokens: each group must
// match one of its tokens.
func filterGroups(ctx context.Context, o Options) [][]string {
	var g [][]string
	if !visibility.DraftsAllowed(ctx) {
		g = append(g, []string{publishedToken})
	}
	add := func(vals []string, tok func(string) string) {
		if len(vals) == 0 {
			return
		}
		var ts []string
		for _, v := range vals {
			ts = append(ts, tok(v))
		}
		g = append(g, ts)
	}
	var types []string
	for _, t := range o.Types {
		types = append(types, string(t))
	}
	add(types, func(s string) string { return typeToken(ItemType(s)) })
	if o.RegionCode != "" {
		add([]string{o.RegionCode}, regionToken)
	}
	add(o.Categories, categoryToken)
	add(o.Levels, levelToken)
	add(o.Media, mediumToken)
	return g
}

// candidateColumns are the narrow columns a candidate needs.
var candidateColumns = []string{
	searchdoc.FieldID, searchdoc.FieldItemType, searchdoc.FieldItemID, searchdoc.FieldSortDate,
	searchdoc.FieldCategory, searchdoc.FieldMedium, searchdoc.FieldPrefectures,
	searchdoc.FieldName, searchdoc.FieldPinyin,
}

// candidates asks the index for up to CandidateLimit+1 rows matching every
// term (in names only, or anywhere) and the filters, newest indexed first.
func candidates(ctx context.Context, client *ent.Client, terms [][][]tokenReq, groups [][]string, o Options, namesOnly bool) ([]*ent.SearchDoc, error) {
	match := func(s *sql.Selector) {
		pg := s.Dialect() == dialect.Postgres
		if pg {
			tsquery := func(col, expr string) *sql.Predicate {
				return sql.P(func(b *sql.Builder) {
					b.Ident(s.C(col)).WriteString(" @@ ").Arg(expr).WriteString("::tsquery")
				})
			}
			if namesOnly {
				s.Where(sql.And(tsquery(searchdoc.FieldNameTokens, matchExpr(true, terms, nil)),
					tsquery(searchdoc.FieldTokens, matchExpr(true, nil, groups))))
				return
			}
			s.Where(tsquery(searchdoc.FieldTokens, matchExpr(true, terms, groups)))
			return
		}
		expr := "tokens : (" + matchExpr(false, terms, groups) + ")"
		if namesOnly {
			expr = "name_tokens : (" + matchExpr(false, terms, nil) + ") AND tokens : (" + matchExpr(false, nil, groups) + ")"
		}
		s.Where(sql.P(func(b *sql.Builder) {
			b.Ident(s.C(searchdoc.FieldID)).WriteString(" IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ").Arg(expr).WriteString(")")
		}))
	}
	q := client.SearchDoc.Query().Where(match)
	if o.From != nil || o.Before != nil {
		q = q.Where(searchdoc.ItemTypeEQ(TypeMediaCoverage))
		if o.From != nil {
			q = q.Where(searchdoc.SortDateGTE(*o.From))
		}
		if o.Before != nil {
			q = q.Where(searchdoc.SortDateLT(*o.Before))
		}
	}
	rows, err := q.Order(searchdoc.ByID(sql.OrderDesc())).Limit(CandidateLimit + 1).Select(candidateColumns...).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("search: candidates: %w", err)
	}
	return rows, nil
}

// fieldMatch is where one field matched.
type fieldMatch struct {
	field *Field
	spans [][2]int // rune offsets in the folded text
}

type rankedHit struct {
	*Hit
	row *ent.SearchDoc
}

// checkAndRank loads the candidates' items (the context's visibility
// applies again), keeps those where every term really occurs, and ranks them.
func checkAndRank(ctx context.Context, client *ent.Client, q *Query, rows []*ent.SearchDoc) ([]rankedHit, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	rs, err := LoadRegions(ctx, client)
	if err != nil {
		return nil, err
	}
	byType := map[ItemType][]int{}
	for _, r := range rows {
		byType[r.ItemType] = append(byType[r.ItemType], r.ItemID)
	}
	docs := map[ItemType]map[int]*Doc{}
	for _, typ := range AllTypes {
		if ids := byType[typ]; len(ids) > 0 {
			if docs[typ], err = loadDocs(ctx, client, typ, ids, rs, false); err != nil {
				return nil, fmt.Errorf("search: load %s: %w", typ, err)
			}
		}
	}
	var hits []rankedHit
	for _, r := range rows {
		d := docs[r.ItemType][r.ItemID]
		if d == nil {
			continue // not visible to this caller
		}
		if h := score(q, d); h != nil {
			hits = append(hits, rankedHit{h, r})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if !a.Doc.SortDate.Equal(b.Doc.SortDate) {
			return a.Doc.SortDate.After(b.Doc.SortDate)
		}
		if a.Doc.Type != b.Doc.Type {
			return a.Doc.Type < b.Doc.Type
		}
		return a.Doc.ItemID > b.Doc.ItemID
	})
	return hits, nil
}

// Ranking constants (see README, "Ranking").
const (
	bm25K1      = 1.2
	bm25B       = 0.75
	tierName    = 100.0 // every term matches in the name or title
	tierExact   = 200.0 // the whole query is the whole name
	avgTitleLen = 10.0
	avgFieldLen = 300.0
)

// score checks that every term occurs in the document and scores it; nil
// when a term does not occur.
func score(q *Query, d *Doc) *Hit {
	h := &Hit{Doc: d}
	spans := map[*Field][][2]int{}
	allInName := true
	for _, t := range q.Terms {
		tfw := 0.0 // BM25F: weighted, length-normalised term frequency
		inName := false
		for fi := range d.Fields {
			f := &d.Fields[fi]
			tf := 0
			for _, a := range t.Alts {
				if a.Text == nil {
					continue
				}
				for _, at := range occurrences(f.Text.Runes, a.Text) {
					tf++
					spans[f] = append(spans[f], [2]int{at, at + len(a.Text)})
				}
			}
			if fi == 0 && f.Title && tf == 0 && t.pinyin() != "" {
				if from, to, ok := matchPinyin(d.NamePinyin, t.pinyin()); ok {
					tf = 1
					spans[f] = append(spans[f], [2]int{from, to})
				}
			}
			if tf == 0 {
				continue
			}
			if f.Title {
				inName = true
			}
			avg := avgFieldLen
			if f.Title {
				avg = avgTitleLen
			}
			tfw += f.Weight * float64(tf) / (1 - bm25B + bm25B*float64(len(f.Text.Runes))/avg)
		}
		if tfw == 0 && t.pinyin() != "" {
			for _, p := range d.PlacePinyin {
				if _, _, ok := matchPinyin(p, t.pinyin()); ok {
					tfw = weightBody / (1 - bm25B + bm25B*2/avgFieldLen)
					break
				}
			}
		}
		if tfw == 0 {
			return nil
		}
		allInName = allInName && inName
		h.Score += tfw * (bm25K1 + 1) / (tfw + bm25K1)
	}
	switch {
	case exactName(q, d):
		h.Score += tierExact
	case allInName:
		h.Score += tierName
	}
	h.Score = math.Round(h.Score*1e6) / 1e6
	for fi := range d.Fields {
		f := &d.Fields[fi]
		if s := spans[f]; len(s) > 0 {
			h.matches = append(h.matches, fieldMatch{f, s})
		}
	}
	return h
}

// exactName reports whether the whole query is the item's whole name, in
// Chinese, English or pinyin (full or initials).
func exactName(q *Query, d *Doc) bool {
	for _, f := range d.Fields {
		if f.Title && string(f.Text.Runes) == q.Whole {
			return true
		}
	}
	if q.Compact != "" && len(d.NamePinyin.Syllables) > 0 {
		return q.Compact == strings.Join(d.NamePinyin.Syllables, "") ||
			(len(d.NamePinyin.Syllables) > 1 && q.Compact == d.NamePinyin.Initials())
	}
	return false
}

// excerptRunes is how much text around the first matches an excerpt shows.
const excerptRunes = 80

// highlights builds the excerpts of the matched fields: names and titles
// whole, other fields as a window around their first match.
func highlights(ms []fieldMatch) []Highlight {
	var out []Highlight
	for _, m := range ms {
		t := m.field.Text
		spans := mergeSpans(m.spans)
		// Byte ranges of the matches in the original text.
		type br struct{ from, to int }
		var orig []br
		for _, s := range spans {
			orig = append(orig, br{t.start[s[0]], t.end[s[1]-1]})
		}
		from, to := 0, len(t.Orig)
		if utf8.RuneCountInString(t.Orig) > excerptRunes {
			from = backRunes(t.Orig, orig[0].from, excerptRunes/4)
			to = forwardRunes(t.Orig, from, excerptRunes)
		}
		ex := t.Orig[from:to]
		prefix, suffix := "", ""
		if from > 0 {
			prefix = "…"
		}
		if to < len(t.Orig) {
			suffix = "…"
		}
		h := Highlight{Field: m.field.Name, Excerpt: prefix + ex + suffix}
		base := utf8.RuneCountInString(prefix)
		for _, o := range orig {
			if o.from < from || o.to > to {
				continue
			}
			s := base + utf8.RuneCountInString(t.Orig[from:o.from])
			h.Ranges = append(h.Ranges, [2]int{s, s + utf8.RuneCountInString(t.Orig[o.from:o.to])})
		}
		out = append(out, h)
	}
	return out
}

func mergeSpans(s [][2]int) [][2]int {
	sort.Slice(s, func(i, j int) bool { return s[i][0] < s[j][0] })
	var out [][2]int
	for _, x := range s {
		if n := len(out); n > 0 && x[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], x[1])
			continue
		}
		out = append(out, x)
	}
	return out
}

func backRunes(s string, at, n int) int {
	for ; n > 0 && at > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(s[:at])
		at -= w
	}
	return at
}

func forwardRunes(s string, at, n int) int {
	for ; n > 0 && at < len(s); n-- {
		_, w := utf8.DecodeRuneInString(s[at:])
		at += w
	}
	return at
}
