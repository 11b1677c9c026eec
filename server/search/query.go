package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Limits on what a query may be, so no query can make the index or the
// checks expensive.
const (
	MaxQueryRunes = 200
	MaxTerms      = 10
)

// QueryError is a query the caller must fix; its message is safe to show.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

// Term is one part of a query that must match: a word or a quoted phrase,
// with its alternatives (itself, its synonyms, its pinyin reading).
type Term struct {
	Text []rune
	Alts []Alt
}

// Alt is one way a term can match: Text as a contiguous substring of a
// field, or Pinyin (lower-case letters) as the pinyin of a name.
type Alt struct {
	Text   []rune
	Pinyin string
	text   string // Text as a string, for matching
}

// newAlt makes a text alternative.
func newAlt(text []rune) Alt { return Alt{Text: text, text: string(text)} }

// str is the alternative's text as a string.
func (a Alt) str() string {
	if a.text == "" && a.Text != nil {
		return string(a.Text)
	}
	return a.text
}

// pinyin returns the term's pinyin reading, or "".
func (t Term) pinyin() string {
	for _, a := range t.Alts {
		if a.Pinyin != "" {
			return a.Pinyin
		}
	}
	return ""
}

// tokenReq is one token an index lookup needs; prefix tokens match any
// token that starts with them.
type tokenReq struct {
	tok    string
	prefix bool
}

// Query is a parsed query.
type Query struct {
	Terms []Term
	// Whole is the folded query without quotes, for "exact whole-name" matches.
	Whole   string
	Compact string // Whole without spaces, when it is all letters: a pinyin reading
}

// ParseQuery parses what a user typed: terms separated by spaces, or by any
// punctuation or symbol (，、（）/ ... — Unicode categories P and S, so a
// phrase pasted from a document splits as the index splits text), must all
// match; "quoted phrases" (straight quotes or Chinese quotation marks “…”
// 「…」 『…』) are one term, spaces and punctuation included. Everything is
// data: no character has any other meaning, and nothing of the query ever
// reaches the database as syntax — only tokens the tokenizer made. A query
// of nothing but punctuation has no terms and finds nothing; one of nothing
// but spaces and quotes is empty (an error).
func ParseQuery(raw string, syn *Synonyms) (*Query, error) {
	if n := len([]rune(raw)); n > MaxQueryRunes {
		return nil, &QueryError{Msg: fmt.Sprintf("the query is too long: %d characters, at most %d", n, MaxQueryRunes)}
	}
	folded := Fold(raw).Runes
	var parts [][]rune
	var cur []rune
	var closer string // the quotes that end the open phrase; "" outside one
	blank := true     // only spaces and quotes so far
	flush := func() {
		s := strings.TrimSpace(string(cur))
		if s != "" {
			parts = append(parts, []rune(s))
		}
		cur = nil
	}
	for _, r := range folded {
		switch {
		case closer != "" && strings.ContainsRune(closer, r):
			flush()
			closer = ""
		case closer == "" && quoteClosers[r] != "":
			flush()
			closer = quoteClosers[r]
		case closer != "":
			cur = append(cur, r)
		case r == ' ' || isSeparator(r):
			flush()
		default:
			cur = append(cur, r)
		}
		if r != ' ' && quoteClosers[r] == "" && !strings.ContainsRune("\"”」』", r) {
			blank = false
		}
	}
	flush()
	if blank {
		return nil, &QueryError{Msg: "the query is empty"}
	}
	if len(parts) > MaxTerms {
		return nil, &QueryError{Msg: fmt.Sprintf("the query has %d terms, at most %d", len(parts), MaxTerms)}
	}
	q := &Query{}
	if len(parts) == 0 {
		return q, nil // only punctuation: nothing to look up, nothing found
	}
	var whole []string
	for _, p := range parts {
		t := Term{Text: p, Alts: []Alt{newAlt(p)}}
		for _, s := range syn.Of(string(p)) {
			t.Alts = append(t.Alts, newAlt([]rune(s)))
		}
		if c := compactLetters(p); c != "" {
			t.Alts = append(t.Alts, Alt{Pinyin: c})
		}
		q.Terms = append(q.Terms, t)
		whole = append(whole, string(p))
	}
	q.Whole = strings.Join(whole, " ")
	q.Compact = compactLetters([]rune(q.Whole))
	return q, nil
}

// quoteClosers maps each opening quotation mark to the marks that close its
// phrase. Folding has turned full-width ＂ into ". A stray closing mark
// opens a phrase too (people type ” for “), closed by either of the pair.
var quoteClosers = map[rune]string{
	'"': "\"”", '“': "”\"", '”': "”“", '「': "」", '『': "』",
}

// isSeparator reports whether a folded character separates terms outside
// quotes: any punctuation or symbol (the index never holds them: it splits
// text into runs of Chinese characters and of letters and digits).
func isSeparator(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r)
}

// compactLetters returns s without spaces if it is only ASCII letters and
// spaces (a pinyin reading such as "hongan dasao"), else "".
func compactLetters(s []rune) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z':
			b.WriteRune(r)
		case r == ' ':
		default:
			return ""
		}
	}
	return b.String()
}

// reqs returns the tokens an index lookup needs for the alternative: all
// bigrams of its Chinese runs (a single character alone is looked up as a
// unigram, which only names and titles index) and its words as prefixes.
// ok is false when nothing of it is indexed (only punctuation or emoji, or
// a lone Chinese character next to other text): then only the check in Go
// can decide.
func (a Alt) reqs() (out []tokenReq, ok bool) {
	if a.Pinyin != "" {
		return []tokenReq{{pinyinToken(a.Pinyin), true}}, true
	}
	rs := runs(a.Text)
	for _, r := range rs {
		switch {
		case !r.han:
			out = append(out, tokenReq{wordToken(a.Text[r.start:r.end]), true})
		case r.end-r.start == 1:
			if len(rs) == 1 {
				out = append(out, tokenReq{string(a.Text[r.start]), false})
			}
		default:
			for i := r.start; i+1 < r.end; i++ {
				out = append(out, tokenReq{string(a.Text[i : i+2]), false})
			}
		}
	}
	return out, len(out) > 0
}

// indexTerms returns, per term that the index can look up, its
// alternatives' token requirements. Terms with an alternative the index
// cannot look up are left to the check in Go.
func (q *Query) indexTerms() [][][]tokenReq {
	var out [][][]tokenReq
	for _, t := range q.Terms {
		var alts [][]tokenReq
		ok := true
		for _, a := range t.Alts {
			r, rok := a.reqs()
			if !rok {
				ok = false
				break
			}
			// A Latin word and its pinyin reading are often the same
			// lookup (hongan*): the index would merge its postings twice.
			if !slices.ContainsFunc(alts, func(x []tokenReq) bool { return slices.Equal(x, r) }) {
				alts = append(alts, r)
			}
		}
		if ok {
			out = append(out, alts)
		}
	}
	return out
}

// matchExpr writes the index lookup in one of the two databases' syntaxes:
// PostgreSQL tsquery ('a' & 'b':* & ('c' | 'd')) or SQLite FTS5 ("a" AND
// "b"* AND ("c" OR "d")). The tokens come from the tokenizer, which never
// makes a quote, space, colon or operator, and the expression is sent as a
// bind parameter: user input is never query syntax.
func matchExpr(pg bool, terms [][][]tokenReq, groups [][]string) string {
	and, or := " AND ", " OR "
	if pg {
		and, or = " & ", " | "
	}
	tok := func(t tokenReq) string {
		if pg {
			if t.prefix {
				return "'" + t.tok + "':*"
			}
			return "'" + t.tok + "'"
		}
		if t.prefix {
			return `"` + t.tok + `"*`
		}
		return `"` + t.tok + `"`
	}
	var parts []string
	for _, alts := range terms {
		var as []string
		for _, reqs := range alts {
			var ts []string
			for _, r := range reqs {
				ts = append(ts, tok(r))
			}
			as = append(as, "("+strings.Join(ts, and)+")")
		}
		parts = append(parts, "("+strings.Join(as, or)+")")
	}
	for _, g := range groups {
		var ts []string
		for _, t := range g {
			ts = append(ts, tok(tokenReq{tok: t}))
		}
		parts = append(parts, "("+strings.Join(ts, or)+")")
	}
	return strings.Join(parts, and)
}

// occurrences returns the rune offsets where the alternative's text occurs
// in the folded runes. Text that starts with a letter or digit only matches
// at the start of a word (app finds "app" and "apps", not "happ"), as the
// index looks words up by prefix.
func occurrences(hay, needle []rune) []int {
	if len(needle) == 0 || len(needle) > len(hay) {
		return nil
	}
	wordStart := isWordRune(needle[0])
	var out []int
outer:
	for i := 0; i+len(needle) <= len(hay); i++ {
		if hay[i] != needle[0] {
			continue
		}
		for j := 1; j < len(needle); j++ {
			if hay[i+j] != needle[j] {
				continue outer
			}
		}
		if wordStart && i > 0 && isWordRune(hay[i-1]) {
			continue
		}
		out = append(out, i)
	}
	return out
}
