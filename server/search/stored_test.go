package search

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestStoredTextRoundTrip: what the side table stores decodes to the
// fields the loaded item has, so ranking from the side table and
// highlighting from the item see the same text.
func TestStoredTextRoundTrip(t *testing.T) {
	d := &Doc{}
	d.add("title", "紅安大嫂：ＡＰＰ\x1f培训\x1e班", true, weightTitle)
	d.add("summary", "  第一行\n第二行  ", false, weightSummary)
	d.add("body", "正文 text", false, weightBody)
	got, ok := parseStored(d.storedText())
	if !ok {
		t.Fatal("stored text does not parse")
	}
	want := fieldsOf(d)
	if !slices.Equal(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if got[0].text != "红安大嫂:app 培训 班" {
		t.Errorf("folded title %q", got[0].text)
	}
	// A row of the previous format (no lengths) still parses; its
	// lengths are counted.
	v1, ok := parseStored("v1\x1fTtitle\x1e红安大嫂\x1fBbody\x1e正文")
	if want := []sfield{{"title", true, weightTitle, "红安大嫂", -1}, {"body", false, weightBody, "正文", -1}}; !ok || !slices.Equal(v1, want) {
		t.Errorf("v1: %+v, want %+v", v1, want)
	}
	for _, bad := range []string{"", "v0\x1fTname\x1ex", "v1\x1fTname", "v1x", "v2\x1fTname\x1ex", "v2\x1fTname\x1e-1\x1ex", "v2\x1fTname\x1e1x\x1ex"} {
		if _, ok := parseStored(bad); ok {
			t.Errorf("%q parses", bad)
		}
	}
}

// TestTextOccurrences: the byte search finds exactly what the rune search
// finds, overlapping matches and word starts included.
func TestTextOccurrences(t *testing.T) {
	alphabet := []rune("龙虾师a b1")
	r := rand.New(rand.NewPCG(3, 4))
	word := func(n int) []rune {
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[r.IntN(len(alphabet))]
		}
		return out
	}
	for range 2000 {
		hay, needle := word(r.IntN(30)), word(1+r.IntN(3))
		var got []int
		textOccurrences(string(hay), string(needle), func(at int) {
			got = append(got, len([]rune(string(hay)[:at])))
		})
		if want := occurrences(hay, needle); !slices.Equal(got, want) {
			t.Fatalf("%q in %q: %v, want %v", string(needle), string(hay), got, want)
		}
	}
}

// TestMonthsBetween: the month tokens cover exactly the months of
// [from, before), and a long or open period gets none.
func TestMonthsBetween(t *testing.T) {
	at := func(s string) *time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return &v
	}
	cases := []struct {
		from, before string
		want         []string
	}{
		{"2024-01-15T00:00:00Z", "2024-03-01T00:00:00Z", []string{"xd_202401", "xd_202402"}},
		{"2024-01-01T00:00:00Z", "2024-03-01T00:00:01Z", []string{"xd_202401", "xd_202402", "xd_202403"}},
		{"2023-12-31T20:00:00-08:00", "2024-01-02T00:00:00+08:00", []string{"xd_202401"}},
		{"2020-01-01T00:00:00Z", "2024-01-01T00:00:00Z", nil},
		{"2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z", nil},
	}
	for _, c := range cases {
		if got := monthsBetween(at(c.from), at(c.before)); !slices.Equal(got, c.want) {
			t.Errorf("%s..%s: %v, want %v", c.from, c.before, got, c.want)
		}
	}
	if got := monthsBetween(nil, at("2024-01-01T00:00:00Z")); got != nil {
		t.Errorf("open start: %v", got)
	}
}
