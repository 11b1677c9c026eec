package search

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The side table keeps each item's searchable fields already folded (column
// text), so a query checks and ranks its candidates from that one column:
// no content table is read and nothing is folded per query, and only the
// page's items are loaded (for highlights in the original text). The
// format is "v2", then per field: fieldSep, a kind byte (T title, S summary
// weight, B body weight), the field's name, nameSep, its length in
// characters (decimal, for BM25's length normalisation without counting),
// nameSep, its folded text. Version "v1" had no length; its rows still
// parse (the length is then counted when needed) until Rebuild or an edit
// rewrites them. Folded text never contains the two separators: Fold turns
// every control character into a space.
const (
	storedVersion   = "v2"
	storedVersionV1 = "v1"
	fieldSep        = '\x1f'
	nameSep         = '\x1e'
)

// storedText encodes the document's fields for the side table.
func (d *Doc) storedText() string {
	var b strings.Builder
	b.WriteString(storedVersion)
	for _, f := range d.Fields {
		b.WriteByte(fieldSep)
		switch {
		case f.Title:
			b.WriteByte('T')
		case f.Weight == weightSummary:
			b.WriteByte('S')
		default:
			b.WriteByte('B')
		}
		b.WriteString(f.Name)
		b.WriteByte(nameSep)
		b.WriteString(strconv.Itoa(len(f.Text.Runes)))
		b.WriteByte(nameSep)
		b.WriteString(string(f.Text.Runes))
	}
	return b.String()
}

// sfield is a field as the check and the ranking see it.
type sfield struct {
	name   string
	title  bool
	weight float64
	text   string // folded
	runes  int    // characters of text; -1: not stored (v1), count them
}

// parseStored decodes a side-table text; ok is false when it is not in a
// known format.
func parseStored(s string) (fields []sfield, ok bool) {
	rest, v2 := strings.CutPrefix(s, storedVersion)
	if !v2 {
		if rest, ok = strings.CutPrefix(s, storedVersionV1); !ok {
			return nil, false
		}
	}
	fields = make([]sfield, 0, 8)
	for rest != "" {
		if rest[0] != fieldSep || len(rest) < 2 {
			return nil, false
		}
		rest = rest[1:]
		next := strings.IndexByte(rest, fieldSep)
		part := rest
		if next >= 0 {
			part, rest = rest[:next], rest[next:]
		} else {
			rest = ""
		}
		name, text, found := strings.Cut(part[1:], string(nameSep))
		if !found {
			return nil, false
		}
		f := sfield{name: name, text: text, weight: weightBody, runes: -1}
		if v2 {
			n, t, found := strings.Cut(text, string(nameSep))
			if !found {
				return nil, false
			}
			if f.runes, ok = atoi(n); !ok {
				return nil, false
			}
			f.text = t
		}
		switch part[0] {
		case 'T':
			f.title, f.weight = true, weightTitle
		case 'S':
			f.weight = weightSummary
		}
		fields = append(fields, f)
	}
	return fields, true
}

// atoi parses a small non-negative decimal without allocating.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// fieldsOf is the document's fields as the ranking sees them.
func fieldsOf(d *Doc) []sfield {
	out := make([]sfield, len(d.Fields))
	for i, f := range d.Fields {
		out[i] = sfield{name: f.Name, title: f.Title, weight: f.Weight, text: string(f.Text.Runes), runes: len(f.Text.Runes)}
	}
	return out
}

// pinyinOfRow rebuilds the name's pinyin from the side table's pinyin
// column and the places' pinyin from the place field, for Latin queries
// only. The rune positions of the name's syllables are not kept: they only
// serve highlights, which are computed from the loaded item.
func pinyinOfRow(py string, fields []sfield) (Pinyin, []Pinyin) {
	var name Pinyin
	if py != "" {
		name.Syllables = strings.Split(py, " ")
		name.Runes = make([]int, len(name.Syllables))
		for i := range name.Runes {
			name.Runes[i] = i
		}
	}
	var places []Pinyin
	for _, f := range fields {
		if f.name == "place" {
			for _, p := range strings.Split(f.text, " ") {
				places = append(places, PinyinOf([]rune(p)))
			}
		}
	}
	return name, places
}

// textOccurrences calls fn with the byte offset of every occurrence of the
// folded needle in the folded text (overlapping ones included). A needle
// that starts with a letter or digit only matches at the start of a word,
// as the index looks words up by prefix. Valid UTF-8 only matches at
// character boundaries, so byte search is character search.
func textOccurrences(hay, needle string, fn func(at int)) int {
	if needle == "" || len(needle) > len(hay) {
		return 0
	}
	first, w := utf8.DecodeRuneInString(needle)
	wordStart := isWordRune(first)
	n := 0
	for i := 0; i+len(needle) <= len(hay); {
		j := strings.Index(hay[i:], needle)
		if j < 0 {
			break
		}
		at := i + j
		i = at + w
		if wordStart && at > 0 {
			if r, _ := utf8.DecodeLastRuneInString(hay[:at]); isWordRune(r) {
				continue
			}
		}
		n++
		if fn != nil {
			fn(at)
		}
	}
	return n
}
