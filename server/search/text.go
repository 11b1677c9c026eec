package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/unicode/norm"
)

// Text is a piece of text in its searchable form: every character folded
// (NFKC, so full-width ＡＰＰ is app; lower case; traditional characters to
// simplified) and runs of white space collapsed to one space. Each folded
// character remembers the byte span of the original character it came from,
// so matches found in the folded text are highlighted in the original.
type Text struct {
	Orig  string
	Runes []rune
	start []int // byte offset in Orig of the character Runes[i] came from
	end   []int
}

// Fold returns the searchable form of s.
func Fold(s string) Text {
	n := utf8.RuneCountInString(s)
	t := Text{Orig: s, Runes: make([]rune, 0, n), start: make([]int, 0, n), end: make([]int, 0, n)}
	var buf [8]rune
	for i, r := range s {
		w := utf8.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if 0x4E00 <= r && r <= 0x9FFF { // the common case: a Chinese character
			t.Runes = append(t.Runes, simplified(r))
			t.start = append(t.start, i)
			t.end = append(t.end, i+w)
			continue
		}
		for _, o := range foldRune(r, buf[:0]) {
			if unicode.IsSpace(o) || unicode.IsControl(o) {
				if len(t.Runes) == 0 || t.Runes[len(t.Runes)-1] == ' ' {
					continue
				}
				o = ' '
			}
			t.Runes = append(t.Runes, o)
			t.start = append(t.start, i)
			t.end = append(t.end, i+w)
		}
	}
	if n := len(t.Runes); n > 0 && t.Runes[n-1] == ' ' {
		t.Runes, t.start, t.end = t.Runes[:n-1], t.start[:n-1], t.end[:n-1]
	}
	return t
}

// FoldString is the folded text alone.
func FoldString(s string) string { return string(Fold(s).Runes) }

// foldRune appends the folded form of one character: usually one character,
// sometimes more (NFKC expands ㈱ to (株)).
func foldRune(r rune, out []rune) []rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(out, r)
	case 0xFF01 <= r && r <= 0xFF5E: // full-width ASCII, the common case of NFKC
		return foldRune(r-0xFEE0, out)
	case 0x4E00 <= r && r <= 0x9FFF, 0x3400 <= r && r <= 0x4DBF: // CJK ideographs are NFKC already
		return append(out, simplified(r))
	}
	for _, o := range norm.NFKC.String(string(r)) {
		o = unicode.ToLower(o)
		if unicode.Is(unicode.Han, o) {
			o = simplified(o)
		}
		out = append(out, o)
	}
	return out
}

// t2sFirst and t2sLast bound the characters that traditionalToSimplified maps.
const t2sFirst, t2sLast = 0x3400, 0x9FFF

// traditionalToSimplified maps single traditional characters to simplified
// ones, as a flat table over the CJK ideograph blocks. It is built once from
// OpenCC's t2s dictionaries, character by character: search folds text and
// queries alike, so a character-level map is consistent on both sides and
// keeps every character's position, which highlighting needs (OpenCC's
// phrase rules could change lengths).
var traditionalToSimplified = sync.OnceValue(func() []rune {
	table := make([]rune, t2sLast-t2sFirst+1)
	for i := range table {
		table[i] = rune(t2sFirst + i)
	}
	cc, err := opencc.New("t2s")
	if err != nil {
		return table // the dictionaries are embedded; this does not happen
	}
	var b strings.Builder
	for r := rune(t2sFirst); r <= t2sLast; r++ {
		b.Reset()
		b.WriteRune(r)
		s, err := cc.Convert(b.String())
		if err != nil {
			continue
		}
		if o, n := utf8.DecodeRuneInString(s); n == len(s) && o != utf8.RuneError {
			table[r-t2sFirst] = o
		}
	}
	return table
})

func simplified(r rune) rune {
	if r < t2sFirst || r > t2sLast {
		return r
	}
	return traditionalToSimplified()[r-t2sFirst]
}

// isHan reports whether a folded character is a Chinese character.
func isHan(r rune) bool {
	return (0x4E00 <= r && r <= 0x9FFF) || (r >= 0x3400 && unicode.Is(unicode.Han, r))
}

// isWordRune reports whether a folded character belongs to a word of a
// script written with spaces (Latin letters, digits, ...).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('0' <= r && r <= '9')
	}
	return !isHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// maxWordToken caps a word token (in bytes); longer words are indexed and
// queried by their first maxWordToken bytes, and query words match as
// prefixes anyway.
const maxWordToken = 48

// run is a maximal stretch of Chinese characters or of word characters.
type run struct {
	han        bool
	start, end int // rune offsets in the folded text
}

func runs(rs []rune) []run {
	var out []run
	for i := 0; i < len(rs); {
		switch {
		case isHan(rs[i]):
			j := i + 1
			for j < len(rs) && isHan(rs[j]) {
				j++
			}
			out = append(out, run{true, i, j})
			i = j
		case isWordRune(rs[i]):
			j := i + 1
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
			out = append(out, run{false, i, j})
			i = j
		default:
			i++
		}
	}
	return out
}

func wordToken(rs []rune) string {
	s := string(rs)
	if len(s) <= maxWordToken {
		return s
	}
	cut := maxWordToken
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// tokenSet collects distinct tokens in first-seen order.
type tokenSet struct {
	seen map[string]bool
	list []string
}

func (s *tokenSet) add(tok string) {
	if tok == "" || s.seen[tok] {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[tok] = true
	s.list = append(s.list, tok)
}

func (s *tokenSet) String() string { return strings.Join(s.list, " ") }

// addTextTokens adds the index tokens of folded text: every bigram of each
// run of Chinese characters (with unigrams too when unigrams is set, which
// it is for names and titles, so one-character queries find them), and each
// word. These are the only tokens ever stored, so they need no quoting in
// the databases' token syntaxes: they contain no space, quote, colon or
// operator character.
func addTextTokens(s *tokenSet, rs []rune, unigrams bool) {
	for _, r := range runs(rs) {
		if !r.han {
			s.add(wordToken(rs[r.start:r.end]))
			continue
		}
		for i := r.start; i < r.end; i++ {
			if unigrams {
				s.add(string(rs[i]))
			}
			if i+1 < r.end {
				s.add(string(rs[i : i+2]))
			}
		}
	}
}
