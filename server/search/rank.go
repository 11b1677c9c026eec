package search

// Ranking and highlighting: a candidate is checked (every term occurs in
// its stored folded text) and scored in Go, with the same figures on both
// databases; the page's hits get excerpts with the matched ranges.

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"brandshow/ent"
)

// fieldMatch is where one field matched.
type fieldMatch struct {
	field *Field
	spans [][2]int // rune offsets in the folded text
}

// rankedHit is a candidate that passed the check, with its score.
type rankedHit struct {
	row   *ent.SearchDoc
	score float64
}

// checkAndRank keeps the candidates where every term really occurs and
// ranks them, from the side table's folded texts alone.
func checkAndRank(q *Query, rows []*ent.SearchDoc) []rankedHit {
	var hits []rankedHit
	for _, r := range rows {
		fields, ok := parseStored(r.Text)
		if !ok {
			continue // written by an older version; Rebuild rewrites it
		}
		py := func() (Pinyin, []Pinyin) { return pinyinOfRow(r.Pinyin, fields) }
		if sc, ok := rankFields(q, fields, py, nil); ok {
			hits = append(hits, rankedHit{r, sc})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if !a.row.SortDate.Equal(b.row.SortDate) {
			return a.row.SortDate.After(b.row.SortDate)
		}
		if a.row.ItemType != b.row.ItemType {
			return a.row.ItemType < b.row.ItemType
		}
		return a.row.ItemID > b.row.ItemID
	})
	return hits
}

// Ranking constants (see docs/journalists.md, "Ranking").
const (
	bm25K1    = 1.2
	bm25B     = 0.75
	tierName  = 100.0 // every term matches in the name or title
	tierExact = 200.0 // the whole query is the whole name
	// tierLiteral: every term matched as typed (its text or pinyin), not
	// only through a synonym. It exceeds any BM25 sum (at most
	// (bm25K1+1)·MaxTerms = 22) and stays below the gap between tiers, so
	// within a tier the word typed outranks its synonyms.
	tierLiteral = 50.0
	avgTitleLen = 10.0
	avgFieldLen = 300.0
)

// rankFields checks that every term occurs in the fields and scores them;
// ok is false when a term does not occur. pinyin gives the name's and the
// places' pinyin; it is called only for queries with a pinyin reading.
// With spans non-nil it also collects the matches per field index, as rune
// offsets in the folded text.
func rankFields(q *Query, fields []sfield, pinyin func() (Pinyin, []Pinyin), spans map[int][][2]int) (float64, bool) {
	var namePy Pinyin
	var placePy []Pinyin
	pyDone := false
	loadPy := func() {
		if !pyDone {
			namePy, placePy = pinyin()
			pyDone = true
		}
	}
	score := 0.0
	allInName := true
	allLiteral := true
	runeLen := func(fi int) int { // stored (v2) or counted once
		if fields[fi].runes < 0 {
			fields[fi].runes = utf8.RuneCountInString(fields[fi].text)
		}
		return fields[fi].runes
	}
	for _, t := range q.Terms {
		tfw := 0.0 // BM25F: weighted, length-normalised term frequency
		inName := false
		literal := false // matched as typed, not only through a synonym
		py := t.pinyin()
		for fi := range fields {
			f := &fields[fi]
			tf := 0
			for ai, a := range t.Alts {
				if a.Text == nil {
					continue
				}
				before := tf
				var fn func(int)
				if spans != nil {
					lastByte, lastRune, n := 0, 0, len(a.Text)
					fn = func(at int) {
						lastRune += utf8.RuneCountInString(f.text[lastByte:at])
						lastByte = at
						spans[fi] = append(spans[fi], [2]int{lastRune, lastRune + n})
					}
				}
				tf += textOccurrences(f.text, a.str(), fn)
				if ai == 0 && tf > before {
					literal = true
				}
			}
			if fi == 0 && f.title && tf == 0 && py != "" {
				loadPy()
				if from, to, ok := matchPinyin(namePy, py); ok {
					tf, literal = 1, true
					if spans != nil {
						spans[fi] = append(spans[fi], [2]int{from, to})
					}
				}
			}
			if tf == 0 {
				continue
			}
			if f.title {
				inName = true
			}
			avg := avgFieldLen
			if f.title {
				avg = avgTitleLen
			}
			tfw += f.weight * float64(tf) / (1 - bm25B + bm25B*float64(runeLen(fi))/avg)
		}
		if tfw == 0 && py != "" {
			loadPy()
			for _, p := range placePy {
				if _, _, ok := matchPinyin(p, py); ok {
					tfw, literal = weightBody/(1-bm25B+bm25B*2/avgFieldLen), true
					break
				}
			}
		}
		if tfw == 0 {
			return 0, false
		}
		allInName = allInName && inName
		allLiteral = allLiteral && literal
		score += tfw * (bm25K1 + 1) / (tfw + bm25K1)
	}
	exact := false
	for _, f := range fields {
		if f.title && f.text == q.Whole {
			exact = true
		}
	}
	if !exact && q.Compact != "" {
		loadPy()
		exact = len(namePy.Syllables) > 0 && (q.Compact == strings.Join(namePy.Syllables, "") ||
			(len(namePy.Syllables) > 1 && q.Compact == namePy.Initials()))
	}
	switch {
	case exact:
		score += tierExact
	case allInName:
		score += tierName
	}
	if allLiteral {
		score += tierLiteral
	}
	return math.Round(score*1e6) / 1e6, true
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
