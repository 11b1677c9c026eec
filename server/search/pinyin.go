package search

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// Pinyin is the toneless pinyin of a name, one syllable per Chinese
// character, with the position of that character in the folded name, so a
// pinyin match can highlight the characters it spells.
type Pinyin struct {
	Syllables []string
	Runes     []int // index in the folded name of each syllable's character
}

var pinyinArgs = pinyin.NewArgs() // toneless, first reading of each character

// PinyinOf returns the pinyin of the Chinese characters of a folded name.
// Hubei's place names take their official readings (places.txt: 黄陂
// huangpi, 长阳 changyang); other polyphonic characters take their most
// common reading.
func PinyinOf(folded []rune) Pinyin {
	var p Pinyin
	for i := 0; i < len(folded); i++ {
		r := folded[i]
		if !isHan(r) {
			continue
		}
		if place, ok := placeAt(folded, i); ok {
			for j, sy := range place.syllables {
				p.Syllables = append(p.Syllables, sy)
				p.Runes = append(p.Runes, i+j)
			}
			i += len(place.name) - 1
			continue
		}
		if sy := syllableOf(r); sy != "" {
			p.Syllables = append(p.Syllables, sy)
			p.Runes = append(p.Runes, i)
		}
	}
	return p
}

// syllables caches each character's reading: go-pinyin computes it with
// regular expressions, far too slow for every title of every candidate.
var syllables sync.Map // rune → string

func syllableOf(r rune) string {
	if s, ok := syllables.Load(r); ok {
		return s.(string)
	}
	s := ""
	if sy := pinyin.SinglePinyin(r, pinyinArgs); len(sy) > 0 {
		s = sy[0]
	}
	syllables.Store(r, s)
	return s
}

// Initials is the first letter of every syllable ("hads" for 红安大嫂).
func (p Pinyin) Initials() string {
	var b strings.Builder
	for _, s := range p.Syllables {
		b.WriteByte(s[0])
	}
	return b.String()
}

// addPinyinTokens adds the tokens that let a pinyin query find the name:
// the syllables joined from every syllable on ("hongandasao", "andasao",
// "dasao", "sao"), and the initials ("hads"). Queries look them up by
// prefix, so "hongan", "dasao", "hongandasao" and "had" all find 红安大嫂.
func addPinyinTokens(s *tokenSet, p Pinyin) {
	for i := range p.Syllables {
		s.add(pinyinToken(strings.Join(p.Syllables[i:], "")))
	}
	if len(p.Syllables) > 1 {
		s.add(pinyinToken(p.Initials()))
	}
}

// maxPinyinToken caps pinyin tokens (in letters). Without it every long
// title adds dozens of tokens no other title shares (its pinyin from each
// syllable on), and a prefix lookup such as hongan* merges thousands of
// them. Longer queries are looked up by their first letters, as prefixes;
// matchPinyin checks the rest.
const maxPinyinToken = 12

func pinyinToken(s string) string {
	if len(s) > maxPinyinToken {
		return s[:maxPinyinToken]
	}
	return s
}

// matchPinyin finds a compact Latin query (letters only, no spaces) in the
// pinyin: as the start of the syllables from some syllable on, or as the
// start of the initials. It returns the span of name characters it spells.
func matchPinyin(p Pinyin, q string) (from, to int, ok bool) {
	if q == "" || len(p.Syllables) == 0 {
		return 0, 0, false
	}
	for i := range p.Syllables {
		rest := q
		j := i
		for j < len(p.Syllables) && rest != "" {
			sy := p.Syllables[j]
			if strings.HasPrefix(rest, sy) {
				rest = rest[len(sy):]
				j++
				continue
			}
			if strings.HasPrefix(sy, rest) { // the query ends inside a syllable
				rest = ""
				j++
			}
			break
		}
		if rest == "" {
			return p.Runes[i], p.Runes[j-1] + 1, true
		}
	}
	if ini := p.Initials(); len(p.Syllables) > 1 && strings.HasPrefix(ini, q) {
		return p.Runes[0], p.Runes[len(q)-1] + 1, true
	}
	return 0, 0, false
}
