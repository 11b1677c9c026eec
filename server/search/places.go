package search

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

//go:embed places.txt
var placesText string

// placeReading is a place name and the syllables of its characters.
type placeReading struct {
	name      []rune
	syllables []string
}

// placeReadings returns the readings of places.txt by first character,
// longest names first, and the lines that could not be read
// (TestPlaceReadings fails on them; the others still apply).
// It is built on first use (places.txt is written in simplified
// characters, the folded form).
var placeReadings = sync.OnceValues(func() (map[rune][]placeReading, []string) {
	out := map[rune][]placeReading{}
	var errs []string
	for _, line := range strings.Split(placesText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		zh, roman, ok := strings.Cut(line, " ")
		if !ok {
			errs = append(errs, line+": no romanization")
			continue
		}
		name := []rune(zh)
		sy, err := splitRomanization(name, roman)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		out[name[0]] = append(out[name[0]], placeReading{name, sy})
	}
	for r, list := range out {
		for i := 1; i < len(list); i++ { // longest first: few per character
			for j := i; j > 0 && len(list[j].name) > len(list[j-1].name); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
		out[r] = list
	}
	return out, errs
})

var heteronymArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Heteronym = true
	return a
}()

// splitRomanization splits a romanized place name (Huangpi, Jiang'an) into
// one syllable per character, each among that character's dictionary
// readings, so the official name picks the reading of every polyphonic
// character (陂 pi, not bei).
func splitRomanization(name []rune, roman string) ([]string, error) {
	parts := strings.Split(strings.ToLower(strings.ReplaceAll(roman, " ", "")), "'")
	var out []string
	var split func(i int, rest string, part int) bool
	split = func(i int, rest string, part int) bool {
		if rest == "" && part+1 < len(parts) {
			return split(i, parts[part+1], part+1)
		}
		if i == len(name) {
			return rest == "" && part == len(parts)-1
		}
		seen := map[string]bool{}
		for _, sy := range pinyin.SinglePinyin(name[i], heteronymArgs) {
			if seen[sy] || !strings.HasPrefix(rest, sy) {
				continue
			}
			seen[sy] = true
			out = append(out, sy)
			if split(i+1, rest[len(sy):], part) {
				return true
			}
			out = out[:len(out)-1]
		}
		return false
	}
	if len(parts) == 0 || !split(0, parts[0], 0) {
		return nil, fmt.Errorf("%s %s: no reading of the characters spells the romanization", string(name), roman)
	}
	return out, nil
}

// placeAt returns the reading of the longest place name that starts at
// folded[i], if any.
func placeAt(folded []rune, i int) (placeReading, bool) {
	byFirst, _ := placeReadings()
	for _, p := range byFirst[folded[i]] {
		if i+len(p.name) <= len(folded) && string(folded[i:i+len(p.name)]) == string(p.name) {
			return p, true
		}
	}
	return placeReading{}, false
}
