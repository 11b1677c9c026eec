package seed

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var orgsSlugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func orgsCheckSlugs(t *testing.T, what string, slugs []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, s := range slugs {
		if !orgsSlugRE.MatchString(s) || len(s) > 96 {
			t.Errorf("%s: malformed slug %q", what, s)
		}
		if seen[s] {
			t.Errorf("%s: duplicate slug %q", what, s)
		}
		seen[s] = true
	}
}

func orgsRegionIndex() map[string]demoRegion {
	m := map[string]demoRegion{}
	for _, r := range demoRegions {
		m[r.Code] = r
	}
	return m
}

// orgsPublishedBrands are the demo brands the public can see, by slug.
func orgsPublishedBrands() map[string]demoBrand {
	m := map[string]demoBrand{}
	for _, b := range demoBrands {
		if !b.Draft {
			m[b.Slug] = b
		}
	}
	return m
}

func orgsCheckBrandRefs(t *testing.T, what string, slugs []string, minN, maxN int) {
	t.Helper()
	if len(slugs) < minN || len(slugs) > maxN {
		t.Errorf("%s: %d brands, want %d–%d", what, len(slugs), minN, maxN)
	}
	brands := orgsPublishedBrands()
	seen := map[string]bool{}
	for _, s := range slugs {
		if _, ok := brands[s]; !ok {
			t.Errorf("%s: brand %q is not a published demo brand", what, s)
		}
		if seen[s] {
			t.Errorf("%s: brand %q listed twice", what, s)
		}
		seen[s] = true
	}
}

func orgsCheckLen(t *testing.T, what, field, s string, maxBytes int, required bool) {
	t.Helper()
	if required && strings.TrimSpace(s) == "" {
		t.Errorf("%s: %s is empty", what, field)
	}
	if len(s) > maxBytes {
		t.Errorf("%s: %s is %d bytes, the schema allows %d", what, field, len(s), maxBytes)
	}
}

func orgsInHubei(lat, lng float64) bool {
	return lat >= 29.0 && lat <= 33.3 && lng >= 108.3 && lng <= 116.2
}

// orgsDistanceKm is the great-circle distance between two points.
func orgsDistanceKm(lat1, lng1, lat2, lng2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat := (lat2 - lat1) * rad
	dLng := (lng2 - lng1) * rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

func TestDemoEnterprises(t *testing.T) {
	if n := len(demoEnterprises); n < 10 {
		t.Fatalf("%d enterprises, want at least 10", n)
	}
	regions := orgsRegionIndex()
	var slugs []string
	leading := 0
	for _, e := range demoEnterprises {
		slugs = append(slugs, e.Slug)
		if _, ok := regions[e.RegionCode]; !ok {
			t.Errorf("%s: unknown region %q", e.Slug, e.RegionCode)
		}
		if !strings.Contains(e.SummaryZh, "示例企业") {
			t.Errorf("%s: SummaryZh does not say 示例企业", e.Slug)
		}
		if want := "https://example.com/enterprise/" + e.Slug; e.Website != want {
			t.Errorf("%s: website %q, want %q", e.Slug, e.Website, want)
		}
		if e.ProvincialLeading {
			leading++
			if e.RecognizedYear < 2022 || e.RecognizedYear > 2025 {
				t.Errorf("%s: recognised in %d, want 2022–2025", e.Slug, e.RecognizedYear)
			}
		} else if e.RecognizedYear != 0 {
			t.Errorf("%s: recognised year set but not a provincial leading enterprise", e.Slug)
		}
		orgsCheckLen(t, e.Slug, "NameZh", e.NameZh, 128, true)
		orgsCheckLen(t, e.Slug, "NameEn", e.NameEn, 384, true)
		orgsCheckLen(t, e.Slug, "SummaryZh", e.SummaryZh, 500, true)
		orgsCheckLen(t, e.Slug, "SummaryEn", e.SummaryEn, 1500, true)
		orgsCheckBrandRefs(t, e.Slug, e.BrandSlugs, 2, 5)
	}
	if leading*2 <= len(demoEnterprises) {
		t.Errorf("only %d of %d enterprises are provincial leading enterprises", leading, len(demoEnterprises))
	}
	orgsCheckSlugs(t, "enterprise", slugs)
}

func TestDemoAlliances(t *testing.T) {
	if n := len(demoAlliances); n < 7 {
		t.Fatalf("%d alliances, want at least 7", n)
	}
	enterprises := map[string]bool{}
	for _, e := range demoEnterprises {
		enterprises[e.Slug] = true
	}
	scopes := map[string]int{}
	var slugs []string
	for _, a := range demoAlliances {
		slugs = append(slugs, a.Slug)
		scopes[a.Scope]++
		if a.Scope != "INDUSTRY" && a.Scope != "REGION" {
			t.Errorf("%s: unknown scope %q", a.Slug, a.Scope)
		}
		d, err := time.Parse(time.DateOnly, a.FoundedOn)
		if err != nil {
			t.Errorf("%s: founded on: %v", a.Slug, err)
		} else if d.Year() < 2019 || d.Year() > 2025 {
			t.Errorf("%s: founded on %s, want 2019–2025", a.Slug, a.FoundedOn)
		}
		if !enterprises[a.LeadEnterpriseSlug] {
			t.Errorf("%s: unknown lead enterprise %q", a.Slug, a.LeadEnterpriseSlug)
		}
		orgsCheckLen(t, a.Slug, "NameZh", a.NameZh, 128, true)
		orgsCheckLen(t, a.Slug, "NameEn", a.NameEn, 384, true)
		orgsCheckLen(t, a.Slug, "SummaryZh", a.SummaryZh, 500, true)
		orgsCheckLen(t, a.Slug, "SummaryEn", a.SummaryEn, 1500, true)
		orgsCheckLen(t, a.Slug, "PurposeZh", a.PurposeZh, 5000, true)
		orgsCheckBrandRefs(t, a.Slug, a.BrandSlugs, 3, 8)
	}
	if scopes["INDUSTRY"] == 0 || scopes["REGION"] == 0 {
		t.Errorf("alliance scopes %v, want both INDUSTRY and REGION", scopes)
	}
	orgsCheckSlugs(t, "alliance", slugs)
}

var orgsVenueKinds = []string{
	"HERITAGE_WORKSHOP", "EXPERIENCE_HALL", "EXPERIENCE_STREET", "BUSINESS_DISTRICT",
	"INDUSTRIAL_PARK", "ENTREPRENEURSHIP_PARK", "TRAINING_BASE",
}

var orgsPhoneRE = regexp.MustCompile(`^0\d{2,3}-\d{4}-\d{4}$`)

func TestDemoVenues(t *testing.T) {
	if n := len(demoVenues); n < 24 {
		t.Fatalf("%d venues, want at least 24", n)
	}
	regions := orgsRegionIndex()
	kinds := map[string]int{}
	nearWuhan, inEnshi := 0, 0
	var slugs []string
	for _, v := range demoVenues {
		slugs = append(slugs, v.Slug)
		kinds[v.Kind]++
		r, ok := regions[v.RegionCode]
		if !ok {
			t.Errorf("%s: unknown region %q", v.Slug, v.RegionCode)
		}
		if !orgsInHubei(v.Lat, v.Lng) {
			t.Errorf("%s: (%.3f, %.3f) is outside Hubei", v.Slug, v.Lat, v.Lng)
		}
		if ok {
			if d := orgsDistanceKm(v.Lat, v.Lng, r.Lat, r.Lng); d > 20 {
				t.Errorf("%s: %.1f km from the seat of %s, want at most 20", v.Slug, d, r.NameZh)
			}
		}
		if orgsDistanceKm(v.Lat, v.Lng, 30.58, 114.30) <= 15 {
			nearWuhan++
		}
		if strings.HasPrefix(v.RegionCode, "4228") {
			inEnshi++
		}
		if !orgsPhoneRE.MatchString(v.Phone) {
			t.Errorf("%s: phone %q is not like 027-8000-0001", v.Slug, v.Phone)
		}
		orgsCheckLen(t, v.Slug, "NameZh", v.NameZh, 128, true)
		orgsCheckLen(t, v.Slug, "NameEn", v.NameEn, 384, true)
		orgsCheckLen(t, v.Slug, "SummaryZh", v.SummaryZh, 500, true)
		orgsCheckLen(t, v.Slug, "SummaryEn", v.SummaryEn, 1500, true)
		orgsCheckLen(t, v.Slug, "AddressZh", v.AddressZh, 256, true)
		orgsCheckLen(t, v.Slug, "AddressEn", v.AddressEn, 768, true)
		orgsCheckLen(t, v.Slug, "OpeningHoursZh", v.OpeningHoursZh, 256, true)
		orgsCheckLen(t, v.Slug, "OpeningHoursEn", v.OpeningHoursEn, 768, true)
		orgsCheckBrandRefs(t, v.Slug, v.BrandSlugs, 1, 4)
	}
	for _, k := range orgsVenueKinds {
		if kinds[k] == 0 {
			t.Errorf("no venue of kind %s", k)
		}
	}
	if len(kinds) != len(orgsVenueKinds) {
		t.Errorf("venue kinds %v, want exactly %v", kinds, orgsVenueKinds)
	}
	if nearWuhan < 4 {
		t.Errorf("%d venues within 15 km of central Wuhan, want at least 4", nearWuhan)
	}
	if inEnshi < 3 {
		t.Errorf("%d venues in Enshi, want at least 3", inEnshi)
	}
	orgsCheckSlugs(t, "venue", slugs)
}

var orgsCoverageMedia = []string{"ONLINE", "NEWSPAPER", "MAGAZINE", "RADIO", "TV", "FILM"}

func TestDemoCoverage(t *testing.T) {
	if n := len(demoCoverages); n < 110 {
		t.Fatalf("%d coverage items, want at least 110", n)
	}
	first, _ := time.Parse(time.DateOnly, "2021-01-01")
	last, _ := time.Parse(time.DateOnly, "2026-10-31")
	brands := orgsPublishedBrands()
	people := map[string]bool{}
	for _, p := range demoRoleModels {
		if !p.Draft {
			people[p.Slug] = true
		}
	}
	media := map[string]int{}
	perBrand := map[string]int{}
	years := map[int]int{}
	bodyOnly, withEn := 0, 0
	var slugs []string
	for _, c := range demoCoverages {
		slugs = append(slugs, c.Slug)
		media[c.Medium]++
		d, err := time.Parse(time.DateOnly, c.PublishedOn)
		if err != nil {
			t.Errorf("%s: published on: %v", c.Slug, err)
		} else {
			if d.Before(first) || d.After(last) {
				t.Errorf("%s: published on %s, outside 2021-01-01..2026-10-31", c.Slug, c.PublishedOn)
			}
			if !strings.HasPrefix(c.Slug, d.Format("2006-01")+"-") {
				t.Errorf("%s: slug does not start with the month of %s", c.Slug, c.PublishedOn)
			}
			years[d.Year()]++
		}
		if want := "https://example.com/news/" + c.Slug; c.URL != want {
			t.Errorf("%s: URL %q, want %q", c.Slug, c.URL, want)
		}
		if !strings.Contains(c.Outlet, "示例") {
			t.Errorf("%s: outlet %q is not marked as fictional", c.Slug, c.Outlet)
		}
		if c.Author == "" {
			t.Errorf("%s: no author", c.Slug)
		}
		orgsCheckLen(t, c.Slug, "TitleZh", c.TitleZh, 200, true)
		orgsCheckLen(t, c.Slug, "TitleEn", c.TitleEn, 600, false)
		orgsCheckLen(t, c.Slug, "SummaryZh", c.SummaryZh, 1000, true)
		orgsCheckLen(t, c.Slug, "SummaryEn", c.SummaryEn, 3000, false)
		orgsCheckLen(t, c.Slug, "Outlet", c.Outlet, 128, true)
		orgsCheckLen(t, c.Slug, "Author", c.Author, 128, true)
		if c.TitleEn != "" && c.SummaryEn != "" {
			withEn++
		}
		for _, s := range []string{c.TitleZh, c.TitleEn, c.SummaryZh, c.SummaryEn, c.BodyZh} {
			if strings.ContainsAny(s, "{}") {
				t.Errorf("%s: unfilled placeholder in %q", c.Slug, s)
			}
		}
		paras := strings.Split(c.BodyZh, "\n\n")
		if len(paras) < 2 || len(paras) > 4 {
			t.Errorf("%s: %d body paragraphs, want 2–4", c.Slug, len(paras))
		}
		if n := utf8.RuneCountInString(c.BodyZh); n < 200 || n > 800 {
			t.Errorf("%s: body has %d characters, want 200–800", c.Slug, n)
		}
		orgsCheckBrandRefs(t, c.Slug, c.BrandSlugs, 1, 3)
		inTitle := false
		for _, s := range c.BrandSlugs {
			perBrand[s]++
			b, ok := brands[s]
			if !ok {
				continue
			}
			if !strings.Contains(c.BodyZh, b.NameZh) {
				t.Errorf("%s: body does not name brand %s", c.Slug, b.NameZh)
			}
			inTitle = inTitle || strings.Contains(c.TitleZh, b.NameZh)
		}
		if !inTitle {
			bodyOnly++
		}
		for _, p := range c.RoleModelSlugs {
			if !people[p] {
				t.Errorf("%s: role model %q is not a published demo person", c.Slug, p)
			}
		}
	}
	for _, m := range orgsCoverageMedia {
		if media[m] < 10 {
			t.Errorf("%d items of medium %s, want at least 10", media[m], m)
		}
	}
	if len(media) != len(orgsCoverageMedia) {
		t.Errorf("media %v, want exactly %v", media, orgsCoverageMedia)
	}
	for y := 2021; y <= 2026; y++ {
		if years[y] == 0 {
			t.Errorf("no coverage published in %d", y)
		}
	}
	n := len(demoCoverages)
	if bodyOnly*4 < n || bodyOnly*5 > n*2 {
		t.Errorf("%d of %d items name their brands only in the body, want about a third", bodyOnly, n)
	}
	if withEn*4 < n*3 {
		t.Errorf("only %d of %d items have an English title and summary", withEn, n)
	}
	heavy, light := 0, 0
	for _, k := range perBrand {
		if k >= 8 {
			heavy++
		}
		if k <= 3 {
			light++
		}
	}
	if heavy < 3 {
		t.Errorf("%d brands with at least 8 items, want a few", heavy)
	}
	if light*2 <= len(perBrand) {
		t.Errorf("%d of %d brands have 1–3 items, want most", light, len(perBrand))
	}
	orgsCheckSlugs(t, "coverage", slugs)
}

// TestCoverageBrandsMatchDemoBrands keeps the coverage wording in step with
// the brands: a report names each of its brands by the brand's Chinese name,
// so that searching for a brand finds its reports.
func TestCoverageBrandsMatchDemoBrands(t *testing.T) {
	brands := orgsPublishedBrands()
	for _, c := range demoCoverages {
		for _, slug := range c.BrandSlugs {
			b, ok := brands[slug]
			if !ok {
				t.Errorf("%s: brand %q is not a published demo brand", c.Slug, slug)
				continue
			}
			if !strings.Contains(c.TitleZh+c.SummaryZh+c.BodyZh, b.NameZh) {
				t.Errorf("%s: does not name its brand %s (%s)", c.Slug, slug, b.NameZh)
			}
		}
	}
}

// TestDemoCoveragePeopleBelongToBrands checks that a report only names people
// of the brands it is about.
func TestDemoCoveragePeopleBelongToBrands(t *testing.T) {
	people := map[string]demoRoleModel{}
	for _, p := range demoRoleModels {
		people[p.Slug] = p
	}
	for _, c := range demoCoverages {
		for _, slug := range c.RoleModelSlugs {
			p, ok := people[slug]
			if !ok {
				t.Errorf("%s: unknown role model %q", c.Slug, slug)
				continue
			}
			if !strings.Contains(c.BodyZh, p.NameZh) {
				t.Errorf("%s: body does not name %s", c.Slug, p.NameZh)
			}
			shared := false
			for _, b := range p.BrandSlugs {
				for _, cb := range c.BrandSlugs {
					shared = shared || b == cb
				}
			}
			if !shared {
				t.Errorf("%s: %s belongs to none of the report's brands", c.Slug, slug)
			}
		}
	}
}
