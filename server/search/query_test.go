package search

import (
	"slices"
	"testing"
)

func TestParseQuerySeparatorsAndQuotes(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"红安，大嫂", []string{"红安", "大嫂"}},
		{"红安、大嫂", []string{"红安", "大嫂"}},
		{"（红安 大嫂）", []string{"红安", "大嫂"}},
		{"红安+大嫂~", []string{"红安", "大嫂"}},
		{"“红安 大嫂”", []string{"红安 大嫂"}},
		{"「红安，大嫂」 家政", []string{"红安,大嫂", "家政"}}, // folded ， is ,
		{"『红安』『大嫂』", []string{"红安", "大嫂"}},
		{`"红安 大嫂" x`, []string{"红安 大嫂", "x"}},
		{"jiang'an", []string{"jiang", "an"}},
		{"🦞🦞", nil},
	} {
		q, err := ParseQuery(c.q, nil)
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		var got []string
		for _, term := range q.Terms {
			got = append(got, string(term.Text))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: terms %q, want %q", c.q, got, c.want)
		}
	}
}
