package search

import (
	_ "embed"
	"strings"
)

//go:embed synonyms.txt
var starterSynonyms string

// Synonyms maps a folded word to the other words of its groups.
type Synonyms struct{ of map[string][]string }

// ParseSynonyms reads groups in the format of synonyms.txt: one group per
// line, words separated by spaces, # starts a comment line.
func ParseSynonyms(text string) *Synonyms {
	s := &Synonyms{of: map[string][]string{}}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		words := strings.Fields(FoldString(line))
		for _, w := range words {
			for _, o := range words {
				if o != w && !contains(s.of[w], o) {
					s.of[w] = append(s.of[w], o)
				}
			}
		}
	}
	return s
}

// DefaultSynonyms is the starter list shipped in synonyms.txt.
var DefaultSynonyms = ParseSynonyms(starterSynonyms)

// Of returns the synonyms of a folded term.
func (s *Synonyms) Of(term string) []string {
	if s == nil {
		return nil
	}
	return s.of[term]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
