package search

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

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

// BoundedRank is how many candidates of a stage are ranked when it has more
// than CandidateLimit: its newest ones. Past the limit the ranking is
// bounded anyway, and reading fewer texts keeps frequent terms fast.
const BoundedRank = 200

// candidateLimit and boundedRank are the constants; tests lower them to
// reach the bound with a few items.
var candidateLimit, boundedRank = CandidateLimit, BoundedRank

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
	// NoCorrection searches the query as typed only, never its homophone
	// correction (the client's "search instead for" link, saved searches).
	NoCorrection bool
	// ByDate orders the hits newest first instead of by relevance (saved
	// searches as feeds); every match still has to match.
	ByDate bool
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
	// Corrected is true when the hit was found by the homophone correction
	// (Result.CorrectedQuery), not by the query as typed.
	Corrected bool
	matches   []fieldMatch
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
	// CorrectedQuery is the query whose hits these are when the query as
	// typed found nothing and its homophone correction found something
	// (红安大嫂 for 红按大嫂); "" otherwise.
	CorrectedQuery string
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
	res, err := searchParsed(ctx, client, q, opts)
	if err != nil || res.Total > 0 || opts.NoCorrection || len(q.Terms) == 0 {
		return res, err
	}
	// Nothing found as typed: try the homophone correction. Every term
	// found nothing together, so exact hits (none) rank above corrected ones.
	corrected, err := correctQuery(ctx, client, q, filterGroups(ctx, opts), opts, &idSpan{})
	if err != nil || corrected == "" {
		return res, err
	}
	cq, err := ParseQuery(corrected, syn)
	if err != nil {
		return res, nil // a correction that does not parse is no correction
	}
	cres, err := searchParsed(ctx, client, cq, opts)
	if err != nil || cres.Total == 0 {
		return res, err
	}
	cres.CorrectedQuery = corrected
	for _, h := range cres.Hits {
		h.Corrected = true
	}
	return cres, nil
}

// searchParsed runs a parsed query.
func searchParsed(ctx context.Context, client *ent.Client, q *Query, opts Options) (*Result, error) {
	var err error
	res := &Result{Facets: Facets{Types: map[ItemType]int{}, Categories: map[string]int{}, Prefectures: map[string]int{}, Media: map[string]int{}}}
	terms := q.indexTerms()
	if len(terms) == 0 {
		return res, nil // nothing the index can look up: only punctuation, emoji, ...
	}
	groups := filterGroups(ctx, opts)
	var span idSpan // learnt by the first lookup, reused by the others
	// A short period rarely holds more matches than the bound: then one
	// lookup of the matches anywhere is all of them, name matches included
	// (the name tokens are a subset of all tokens), and the name lookup is
	// skipped. Past the bound, the stages below run as always.
	var body []*ent.SearchDoc
	bodyFirst := false
	if months := len(monthsBetween(opts.From, opts.Before)); months > 0 && months <= probeMonths {
		if body, err = candidates(ctx, client, terms, groups, opts, false, candidateLimit, &span); err != nil {
			return nil, err
		}
		bodyFirst = true
	}
	var all []*ent.SearchDoc
	examined, bounded := 0, false
	if bodyFirst && len(body) <= candidateLimit {
		all, examined = body, len(body)
	} else {
		// Stage 1: name and title matches, all of them up to the limit.
		names, err := candidates(ctx, client, terms, groups, opts, true, candidateLimit, &span)
		if err != nil {
			return nil, err
		}
		seen := map[int]bool{}
		all = names
		for _, c := range names {
			seen[c.ID] = true
		}
		examined = len(names)
		bounded = len(names) > candidateLimit
		if bounded {
			all = names[:boundedRank]
			examined = boundedRank
		} else {
			// Stage 2: matches anywhere. Skipped when names were bounded, so
			// a name match is never dropped in favour of a body match.
			if !bodyFirst {
				if body, err = candidates(ctx, client, terms, groups, opts, false, candidateLimit, &span); err != nil {
					return nil, err
				}
			}
			if len(body) > candidateLimit {
				body, bounded = body[:boundedRank], true
			}
			for _, c := range body {
				if !seen[c.ID] {
					all = append(all, c)
					examined++
				}
			}
		}
	}
	if bounded {
		res.RankedWithin = examined
	}
	if err := loadTexts(ctx, client, all); err != nil {
		return nil, err
	}
	hits := checkAndRank(q, all)
	if opts.ByDate {
		sort.SliceStable(hits, func(i, j int) bool {
			a, b := hits[i].row, hits[j].row
			if !a.SortDate.Equal(b.SortDate) {
				return a.SortDate.After(b.SortDate)
			}
			return a.ID > b.ID
		})
	}
	res.Total = len(hits)
	for _, h := range hits {
		res.Facets.Types[h.row.ItemType]++
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
	if res.Hits, err = loadPage(ctx, client, q, hits[lo:hi]); err != nil {
		return nil, err
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
	add(monthsBetween(o.From, o.Before), func(m string) string { return m })
	return g
}

// maxMonthTokens bounds the month tokens a date filter looks up; a longer
// period is left to the date columns alone (it keeps most matches anyway).
const maxMonthTokens = 36

// monthsBetween returns the month tokens of coverage published in
// [from, before), when both are given and the period is short enough. The
// date columns still decide exactly; the tokens let the index skip the
// matches of other months.
func monthsBetween(from, before *time.Time) []string {
	if from == nil || before == nil || !from.Before(*before) {
		return nil
	}
	last := before.UTC().Add(-time.Nanosecond)
	var out []string
	for m := time.Date(from.UTC().Year(), from.UTC().Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(last); m = m.AddDate(0, 1, 0) {
		if len(out) == maxMonthTokens {
			return nil
		}
		out = append(out, monthToken(m))
	}
	return out
}

// candidateColumns are the narrow columns a candidate needs; the folded
// text is read afterwards, only for the candidates that are ranked.
var candidateColumns = []string{
	searchdoc.FieldID, searchdoc.FieldItemType, searchdoc.FieldItemID, searchdoc.FieldSortDate,
	searchdoc.FieldCategory, searchdoc.FieldMedium, searchdoc.FieldPrefectures,
	searchdoc.FieldName, searchdoc.FieldPinyin,
}

// loadTexts reads the folded texts of the candidates to rank.
func loadTexts(ctx context.Context, client *ent.Client, rows []*ent.SearchDoc) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]int, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	// The candidates passed the caller's visibility already; with the
	// status condition again, SQLite may walk the status index instead of
	// looking the IDs up (25 ms instead of 1 ms for 200 rows). The page's
	// items are loaded with the caller's visibility, so nothing leaks.
	texts, err := client.SearchDoc.Query().Where(searchdoc.IDIn(ids...)).
		Select(searchdoc.FieldID, searchdoc.FieldText).All(visibility.WithDrafts(ctx))
	if err != nil {
		return fmt.Errorf("search: texts: %w", err)
	}
	byID := make(map[int]string, len(texts))
	for _, t := range texts {
		byID[t.ID] = t.Text
	}
	for _, r := range rows {
		r.Text = byID[r.ID] // a row gone meanwhile keeps no text and is no hit
	}
	return nil
}

// candidates asks the index for up to limit+1 rows matching every term (in
// names only, or anywhere) and the filters, newest indexed first.
func candidates(ctx context.Context, client *ent.Client, terms [][][]tokenReq, groups [][]string, o Options, namesOnly bool, limit int, span *idSpan) ([]*ent.SearchDoc, error) {
	col := searchdoc.FieldTokens
	if namesOnly {
		col = searchdoc.FieldNameTokens
	}
	var rows []*ent.SearchDoc
	// run looks the terms up, restricted to IDs from minID on (0: all).
	// The published token is left to the status column (the publication
	// interceptor filters it): its postings hold nearly every row, and
	// intersecting them cost more than it saved (FTS5 walking them
	// backwards; the GIN index 4 ms more per lookup at 100,000 rows).
	var fg [][]string
	for _, g := range groups {
		if len(g) != 1 || g[0] != publishedToken {
			fg = append(fg, g)
		}
	}
	oldestFirst := false // see below: SQLite's probe of a short period
	ftsTable := "search_fts"
	if namesOnly {
		ftsTable = "search_name_fts"
	}
	run := func(terms [][][]tokenReq, minID int) error {
		match := func(s *sql.Selector) {
			if s.Dialect() == dialect.Postgres {
				s.Where(sql.P(func(b *sql.Builder) {
					b.Ident(s.C(col)).WriteString(" @@ ").Arg(matchExpr(true, terms, fg)).WriteString("::tsquery")
				}))
				return
			}
			// FTS5 drives the query: it walks its matches newest first and
			// stops at the limit, instead of collecting every match of a
			// frequent term for an IN list. Names have their own index
			// (search_name_fts, see setup.go), all tokens search_fts.
			fts := sql.Table(ftsTable).As(ftsTable) // no generated alias: MATCH names the table
			s.Join(fts).On(s.C(searchdoc.FieldID), fts.C("rowid"))
			expr := matchExpr(false, terms, fg)
			if !namesOnly {
				expr = col + " : (" + expr + ")"
			}
			s.Where(sql.P(func(b *sql.Builder) {
				b.WriteString(ftsTable + " MATCH ").Arg(expr)
			}))
		}
		newest := func(s *sql.Selector) {
			if s.Dialect() == dialect.Postgres {
				s.OrderBy(sql.Desc(s.C(searchdoc.FieldID)))
				return
			}
			if oldestFirst {
				s.OrderBy(sql.Asc(sql.Table(ftsTable).C("rowid")))
				return
			}
			s.OrderBy(sql.Desc(sql.Table(ftsTable).C("rowid")))
		}
		q := client.SearchDoc.Query().Where(match)
		if minID > 0 {
			q = q.Where(searchdoc.IDGTE(minID))
		}
		if o.From != nil || o.Before != nil {
			q = q.Where(searchdoc.ItemTypeEQ(TypeMediaCoverage))
			if o.From != nil {
				q = q.Where(searchdoc.SortDateGTE(*o.From))
			}
			if o.Before != nil {
				q = q.Where(searchdoc.SortDateLT(*o.Before))
			}
		}
		var err error
		rows, err = q.Order(newest).Limit(limit + 1).Select(candidateColumns...).All(ctx)
		if err != nil {
			return fmt.Errorf("search: candidates: %w", err)
		}
		return nil
	}
	// On PostgreSQL, look in the newest blocks first (see blockShift),
	// widening the window until it holds more than the bound, then
	// everywhere. A window is a few prefix tokens (xb_3774883* stands for
	// ten blocks) plus "id >= its first ID", so each lookup that reaches
	// the bound has the newest matches of all.
	if err := span.learn(ctx, client); err != nil {
		return nil, err
	}
	// On SQLite, a period of a few months is first looked up oldest first:
	// FTS5 skips forward through a frequent term's postings to the
	// month's, but walks them backwards page by page (3× the time). When
	// the period holds no more matches than the bound, that is all of them,
	// newest first once reversed; otherwise the newest are looked up.
	if months := len(monthsBetween(o.From, o.Before)); !span.pg && months > 0 && months <= probeMonths {
		oldestFirst = true
		if err := run(terms, 0); err != nil {
			return nil, err
		}
		oldestFirst = false
		if len(rows) <= limit {
			slices.Reverse(rows)
			return rows, nil
		}
	}
	if span.pg && span.top > 0 {
		topBlock, bottomBlock := span.top>>blockShift, span.bottom>>blockShift
		n := firstWindow
		for range maxWindows {
			window, first := blockWindow(topBlock, n)
			if first <= bottomBlock {
				break // the window would be everything
			}
			if err := run(append(terms[:len(terms):len(terms)], window), first<<blockShift); err != nil {
				return nil, err
			}
			if len(rows) > limit {
				return rows, nil
			}
			if len(rows) == 0 {
				break // a rare term (or filter): everywhere is cheap
			}
			n = nextWindow(n, span.top-first<<blockShift+1, len(rows), limit)
		}
	}
	if err := run(terms, 0); err != nil {
		return nil, err
	}
	return rows, nil
}

// idSpan is where the side table's rows lie: whether the database is
// PostgreSQL (which looks in block windows) and the newest and oldest IDs
// of all rows, drafts included. With the status filter, SQLite would walk
// the status index and sort (tens of milliseconds); without it, both
// databases read one primary-key entry. Only where the blocks lie is learnt
// here, never a row.
type idSpan struct {
	known       bool
	pg          bool
	top, bottom int
}

func (sp *idSpan) learn(ctx context.Context, client *ent.Client) error {
	if sp.known {
		return nil
	}
	dctx := visibility.WithDrafts(ctx)
	top, err := client.SearchDoc.Query().Where(func(s *sql.Selector) {
		sp.pg = s.Dialect() == dialect.Postgres
	}).Order(searchdoc.ByID(sql.OrderDesc())).Limit(1).IDs(dctx)
	if err != nil {
		return fmt.Errorf("search: candidates: %w", err)
	}
	if sp.pg && len(top) > 0 {
		bottom, err := client.SearchDoc.Query().Order(searchdoc.ByID()).Limit(1).IDs(dctx)
		if err != nil {
			return fmt.Errorf("search: candidates: %w", err)
		}
		if len(bottom) > 0 {
			sp.top, sp.bottom = top[0], bottom[0]
		}
	}
	sp.known = true
	return nil
}

// probeMonths is the longest period (in month tokens) that SQLite looks up
// oldest first before newest first: a short period rarely holds more
// matches than the bound.
const probeMonths = 3

// PostgreSQL's block windows: the first holds firstWindow blocks (the
// newest block may hold few rows yet); at most maxWindows are tried
// before looking everywhere.
const firstWindow, maxWindows = 4, 3

// nextWindow sizes the next window from what the last one found: found
// (> 0) matches among rows IDs. It aims at half again the bound, from the
// matches' density, and at least doubles the window.
func nextWindow(blocks, rows, found, limit int) int {
	want := rows * (limit + 1) * 3 / 2 / found // rows that should hold enough matches
	return max(blocks*2, want>>blockShift+1)
}

// blockWindow returns the alternatives of a lookup in the newest blocks
// (at least n of them, top the newest) and the first block it covers. It
// uses prefix tokens of whole decades of block numbers: xb_3774883* is
// blocks 37748830 to 37748839 (and longer numbers, which are newer than
// the newest, and 3774883, which is older than the first block: the
// caller's "id >= first ID" leaves it out). A GIN index merges a prefix's
// postings once, where an OR of 64 tokens cost 16 ms at 100,000 rows.
func blockWindow(top, n int) (alts [][]tokenReq, first int) {
	unit := 1
	for unit*10 <= n {
		unit *= 10
	}
	first = top / unit * unit
	for g := top / unit; ; g-- {
		if unit == 1 {
			alts = append(alts, []tokenReq{{blockToken(g), false}})
		} else {
			alts = append(alts, []tokenReq{{"xb_" + strconv.Itoa(g), true}})
		}
		first = g * unit
		if top-first+1 >= n {
			return alts, first
		}
	}
}

// loadPage loads the items of one page of ranked hits (the context's
// visibility applies again, so drafts never come back) and highlights them
// in their original text.
func loadPage(ctx context.Context, client *ent.Client, q *Query, page []rankedHit) ([]*Hit, error) {
	if len(page) == 0 {
		return nil, nil
	}
	rs, err := LoadRegions(ctx, client)
	if err != nil {
		return nil, err
	}
	byType := map[ItemType][]int{}
	for _, h := range page {
		byType[h.row.ItemType] = append(byType[h.row.ItemType], h.row.ItemID)
	}
	docs := map[ItemType]map[int]*Doc{}
	for _, typ := range AllTypes {
		if ids := byType[typ]; len(ids) > 0 {
			if docs[typ], err = loadDocs(ctx, client, typ, ids, rs, false); err != nil {
				return nil, fmt.Errorf("search: load %s: %w", typ, err)
			}
		}
	}
	var out []*Hit
	for _, h := range page {
		d := docs[h.row.ItemType][h.row.ItemID]
		if d == nil {
			continue // not visible to this caller
		}
		hit := &Hit{Doc: d, Score: h.score}
		spans := map[int][][2]int{}
		py := func() (Pinyin, []Pinyin) { return d.NamePinyin, d.PlacePinyin }
		rankFields(q, fieldsOf(d), py, spans)
		for fi := range d.Fields {
			if s := spans[fi]; len(s) > 0 {
				hit.matches = append(hit.matches, fieldMatch{&d.Fields[fi], s})
			}
		}
		hit.Highlights = highlights(hit.matches)
		out = append(out, hit)
	}
	return out, nil
}
