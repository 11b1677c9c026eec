package search

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestPlaceReadings checks every Hubei region name of the demo data: its
// pinyin (as the index and queries compute it) spells its official
// romanization (nameEn: Huangpi District, Changyang Tujia Autonomous
// County), and its initials are those syllables' first letters.
func TestPlaceReadings(t *testing.T) {
	if _, errs := placeReadings(); len(errs) > 0 {
		t.Errorf("places.txt: %v", errs)
	}
	raw, err := os.ReadFile("../seed/demo.json")
	if err != nil {
		t.Fatal(err)
	}
	var demo struct {
		Regions []struct{ Code, NameZh, NameEn string }
	}
	if err := json.Unmarshal(raw, &demo); err != nil {
		t.Fatal(err)
	}
	if len(demo.Regions) < 90 {
		t.Fatalf("%d regions in the demo data", len(demo.Regions))
	}
	// The suffixes of the names and their readings (never polyphonic here).
	suffixes := []struct{ zh, en, py string }{
		{"土家族苗族自治州", " Tujia and Miao Autonomous Prefecture", "tujiazumiaozuzizhizhou"},
		{"土家族自治县", " Tujia Autonomous County", "tujiazuzizhixian"},
		{"林区", " Forestry District", "linqu"},
		{"区", " District", "qu"},
		{"县", " County", "xian"},
		{"市", "", "shi"},
		{"省", "", "sheng"},
	}
	for _, r := range demo.Regions {
		want := strings.ToLower(strings.ReplaceAll(r.NameEn, "'", ""))
		for _, s := range suffixes {
			if strings.HasSuffix(r.NameZh, s.zh) && strings.HasSuffix(r.NameEn, s.en) {
				want = strings.ToLower(strings.ReplaceAll(strings.TrimSuffix(r.NameEn, s.en), "'", "")) + s.py
				break
			}
		}
		want = strings.ReplaceAll(want, " ", "")
		py := PinyinOf(Fold(r.NameZh).Runes)
		if got := strings.Join(py.Syllables, ""); got != want {
			t.Errorf("%s %s (%s): pinyin %q, want %q", r.Code, r.NameZh, r.NameEn, strings.Join(py.Syllables, " "), want)
		}
		if len(py.Syllables) != len([]rune(r.NameZh)) {
			t.Errorf("%s: %d syllables for %d characters", r.NameZh, len(py.Syllables), len([]rune(r.NameZh)))
		}
	}
	// In names that contain them, and in initials.
	for _, c := range []struct{ name, full, initials string }{
		{"黄陂木兰花乡", "huangpimulanhuaxiang", "hpmlhx"},
		{"长阳山歌", "changyangshange", "cysg"},
		{"曾都区", "zengduqu", "zdq"},
		{"黄陂 长阳", "huangpichangyang", "hpcy"},
	} {
		py := PinyinOf(Fold(c.name).Runes)
		if got := strings.Join(py.Syllables, ""); got != c.full || py.Initials() != c.initials {
			t.Errorf("%s: %q %q, want %q %q", c.name, got, py.Initials(), c.full, c.initials)
		}
	}
}
