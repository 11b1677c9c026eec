package search

// Homophone correction: the commonest typing mistake of a pinyin input
// method is a character of the same syllable (红按大嫂 for 红安大嫂, both
// hong an da sao). When the query as typed finds nothing, each Chinese term
// that finds nothing on its own is replaced by the name, title or place
// text of the index that reads exactly as it does (toneless pinyin, syllable
// for syllable), and the corrected query is searched instead. A term that
// matches anything as typed is never replaced. The index already holds the
// pinyin of every name, title and place (for pinyin queries), so finding
// the homophones is one lookup per term.

import (
	"context"
	"sort"
	"strings"

	"brandshow/ent"
)

// correctionLimit bounds the candidates one term's correction reads.
const correctionLimit = 200

// correctQuery returns the corrected query, or "" when no term needs and
// finds a correction.
func correctQuery(ctx context.Context, client *ent.Client, q *Query, groups [][]string, opts Options, span *idSpan) (string, error) {
	changed := false
	out := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		out[i] = quoteTerm(t.Text)
		if !correctable(t.Text) {
			continue
		}
		if len(q.Terms) > 1 {
			found, err := termMatches(ctx, client, t, groups, opts, span)
			if err != nil {
				return "", err
			}
			if found {
				continue // never expand a term that matched as typed
			}
		}
		repl, err := homophoneOf(ctx, client, t.Text, groups, opts, span)
		if err != nil {
			return "", err
		}
		if repl != "" {
			out[i], changed = repl, true
		}
	}
	if !changed {
		return "", nil
	}
	return strings.Join(out, " "), nil
}

// correctable: a term of two or more Chinese characters and nothing else
// (one character is too ambiguous to correct; Latin text has its own
// pinyin reading).
func correctable(text []rune) bool {
	if len(text) < 2 {
		return false
	}
	for _, r := range text {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// quoteTerm writes a term back as query text: quoted when it holds a space
// or a separator (it was a phrase).
func quoteTerm(text []rune) string {
	for _, r := range text {
		if r == ' ' || isSeparator(r) {
			return `"` + strings.ReplaceAll(string(text), `"`, "") + `"`
		}
	}
	return string(text)
}

// termMatches reports whether the term alone matches anything the caller
// may see under the filters.
func termMatches(ctx context.Context, client *ent.Client, t Term, groups [][]string, opts Options, span *idSpan) (bool, error) {
	single := &Query{Terms: []Term{t}, Whole: string(t.Text)}
	terms := single.indexTerms()
	if len(terms) == 0 {
		return false, nil
	}
	rows, err := candidates(ctx, client, terms, groups, opts, false, candidateLimit, span)
	if err != nil {
		return false, err
	}
	if err := loadTexts(ctx, client, rows); err != nil {
		return false, err
	}
	return len(checkAndRank(single, rows)) > 0, nil
}

// maxChangedChars is how many characters of an n-character term a
// correction may change: about one in three, at least one.
func maxChangedChars(n int) int { return max(1, (n+1)/3) }

// homophoneOf returns the indexed text that reads as the term, differs from
// it in at most maxChangedChars characters and occurs most often among the
// matching names, titles and places; "" if there is none.
func homophoneOf(ctx context.Context, client *ent.Client, text []rune, groups [][]string, opts Options, span *idSpan) (string, error) {
	py := PinyinOf(text)
	if len(py.Syllables) != len(text) {
		return "", nil
	}
	alt := Alt{Pinyin: strings.Join(py.Syllables, "")}
	reqs, ok := alt.reqs()
	if !ok {
		return "", nil
	}
	rows, err := candidates(ctx, client, [][][]tokenReq{{reqs}}, groups, opts, false, correctionLimit, span)
	if err != nil {
		return "", err
	}
	if err := loadTexts(ctx, client, rows); err != nil {
		return "", err
	}
	counts := map[string]int{}
	for _, r := range rows {
		fields, ok := parseStored(r.Text)
		if !ok {
			continue
		}
		seen := map[string]bool{} // count each text once per item
		for fi, f := range fields {
			if !(fi == 0 && f.title) && f.name != "place" {
				continue
			}
			for _, part := range strings.Split(f.text, " ") {
				rs := []rune(part)
				for _, s := range sameReading(rs, PinyinOf(rs), py.Syllables) {
					if !seen[s] && differsBy(text, []rune(s)) <= maxChangedChars(len(text)) {
						seen[s] = true
						counts[s]++
					}
				}
			}
		}
	}
	var best []string
	for s := range counts {
		best = append(best, s)
	}
	sort.Slice(best, func(i, j int) bool {
		if counts[best[i]] != counts[best[j]] {
			return counts[best[i]] > counts[best[j]]
		}
		return best[i] < best[j]
	})
	if len(best) == 0 {
		return "", nil
	}
	return best[0], nil
}

// sameReading returns the stretches of consecutive characters of the text
// whose syllables are exactly the given ones.
func sameReading(text []rune, p Pinyin, syllables []string) []string {
	var out []string
	n := len(syllables)
	for i := 0; i+n <= len(p.Syllables); i++ {
		ok := p.Runes[i+n-1]-p.Runes[i] == n-1 // consecutive characters
		for j := 0; ok && j < n; j++ {
			ok = p.Syllables[i+j] == syllables[j]
		}
		if ok {
			out = append(out, string(text[p.Runes[i]:p.Runes[i]+n]))
		}
	}
	return out
}

// differsBy counts the positions where two texts of equal length differ.
func differsBy(a, b []rune) int {
	if len(a) != len(b) {
		return len(a) + len(b)
	}
	n := 0
	for i := range a {
		if a[i] != b[i] {
			n++
		}
	}
	return n
}
