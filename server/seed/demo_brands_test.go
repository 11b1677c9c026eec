package seed

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var seedBrandSlugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func seedBrandRegionIndex() map[string]demoRegion {
	m := make(map[string]demoRegion, len(demoRegions))
	for _, r := range demoRegions {
		m[r.Code] = r
	}
	return m
}

func seedBrandIndex() map[string]demoBrand {
	m := make(map[string]demoBrand, len(demoBrands))
	for _, b := range demoBrands {
		m[b.Slug] = b
	}
	return m
}

// seedBrandPrefectureOf returns the prefecture-level code a region belongs to.
func seedBrandPrefectureOf(regions map[string]demoRegion, code string) string {
	r, ok := regions[code]
	for ok && r.Level == "COUNTY" {
		r, ok = regions[r.ParentCode]
	}
	if !ok || r.Level != "PREFECTURE" {
		return ""
	}
	return r.Code
}

func TestDemoBrandCounts(t *testing.T) {
	if n := len(demoBrands); n < 44 {
		t.Errorf("demoBrands has %d brands, want at least 44", n)
	}
	categories := map[string]int{}
	levels := map[string]int{}
	for _, b := range demoBrands {
		categories[b.Category]++
		levels[b.Level]++
	}
	for _, c := range []string{"HIGH_END_SKILLED", "QUALITY_SERVICE", "CULTURE_TOURISM", "LIVELIHOOD"} {
		if categories[c] < 8 {
			t.Errorf("category %s has %d brands, want at least 8", c, categories[c])
		}
		delete(categories, c)
	}
	for c := range categories {
		t.Errorf("unknown category %q", c)
	}
	for _, l := range []string{"COUNTY", "CITY", "PROVINCIAL", "NATIONAL"} {
		if levels[l] < 5 {
			t.Errorf("level %s has %d brands, want at least 5", l, levels[l])
		}
		delete(levels, l)
	}
	for l := range levels {
		t.Errorf("unknown level %q", l)
	}
}

func TestDemoBrandSlugsAndRegions(t *testing.T) {
	regions := seedBrandRegionIndex()
	seen := map[string]bool{}
	prefectures := map[string]bool{}
	for _, b := range demoBrands {
		if !seedBrandSlugRE.MatchString(b.Slug) {
			t.Errorf("brand slug %q is not lower-case hyphenated ASCII", b.Slug)
		}
		if seen[b.Slug] {
			t.Errorf("duplicate brand slug %q", b.Slug)
		}
		seen[b.Slug] = true
		r, ok := regions[b.RegionCode]
		if !ok {
			t.Errorf("brand %s: region %q not in demoRegions", b.Slug, b.RegionCode)
			continue
		}
		if r.Level == "PROVINCE" {
			t.Errorf("brand %s: region must be a county or prefecture, got the province", b.Slug)
		}
		if p := seedBrandPrefectureOf(regions, b.RegionCode); p != "" {
			prefectures[p] = true
		}
	}
	if len(prefectures) < 14 {
		t.Errorf("brands cover %d prefectures, want at least 14", len(prefectures))
	}
}

func TestDemoBrandFields(t *testing.T) {
	credit := map[string]bool{"": true, "AAA": true, "AA": true, "A": true, "B": true}
	for _, b := range demoBrands {
		if b.NameZh == "" || b.IndustryZh == "" {
			t.Errorf("brand %s: NameZh and IndustryZh are required", b.Slug)
		}
		if b.WorkersEmployed < 500 || b.WorkersEmployed > 200000 {
			t.Errorf("brand %s: WorkersEmployed %d out of range", b.Slug, b.WorkersEmployed)
		}
		if b.WorkersExported < 0 || b.WorkersExported >= b.WorkersEmployed {
			t.Errorf("brand %s: WorkersExported %d must be below WorkersEmployed %d", b.Slug, b.WorkersExported, b.WorkersEmployed)
		}
		if b.FoundedYear < 1995 || b.FoundedYear > 2022 {
			t.Errorf("brand %s: FoundedYear %d out of range", b.Slug, b.FoundedYear)
		}
		if b.TrademarkCount < 0 || b.TrademarkCount > 12 || b.PatentCount < 0 || b.PatentCount > 20 {
			t.Errorf("brand %s: trademark/patent counts out of range", b.Slug)
		}
		if !credit[b.CreditRating] {
			t.Errorf("brand %s: unknown credit rating %q", b.Slug, b.CreditRating)
		}
		high := b.Level == "PROVINCIAL" || b.Level == "NATIONAL"
		if b.InResourceLibrary != high {
			t.Errorf("brand %s: InResourceLibrary should be %v for level %s", b.Slug, high, b.Level)
		}
		if b.InGuidanceCatalogue && !b.InResourceLibrary {
			t.Errorf("brand %s: in the guidance catalogue but not in the resource library", b.Slug)
		}
		if n := utf8.RuneCountInString(b.SummaryZh); n < 40 || n > 120 {
			t.Errorf("brand %s: SummaryZh has %d characters, want 40-120", b.Slug, n)
		}
		if n := utf8.RuneCountInString(b.StoryZh); n < 250 || n > 500 {
			t.Errorf("brand %s: StoryZh has %d characters, want 250-500", b.Slug, n)
		}
		paras := strings.Split(b.StoryZh, "\n\n")
		if len(paras) != 3 {
			t.Errorf("brand %s: StoryZh has %d paragraphs, want 3", b.Slug, len(paras))
		}
		for _, p := range paras {
			if strings.TrimSpace(p) == "" || strings.Contains(p, "\n") {
				t.Errorf("brand %s: StoryZh has an empty or broken paragraph", b.Slug)
			}
		}
		if !strings.Contains(b.NameZh, seedBrandRegionShort(b.RegionCode)) && !strings.Contains(b.NameZh, seedBrandPrefectureShort(b.RegionCode)) {
			t.Errorf("brand %s: name %s does not start from its region", b.Slug, b.NameZh)
		}
	}
}

// seedBrandRegionShort strips the administrative suffix (县, 市, 区 ...) from a region name.
func seedBrandRegionShort(code string) string {
	r := seedBrandRegionIndex()[code]
	return seedBrandShortName(r.NameZh)
}

func seedBrandPrefectureShort(code string) string {
	regions := seedBrandRegionIndex()
	return seedBrandShortName(regions[seedBrandPrefectureOf(regions, code)].NameZh)
}

func seedBrandShortName(name string) string {
	for _, suffix := range []string{"土家族苗族自治州", "土家族自治县", "林区", "县", "市", "区"} {
		if s := strings.TrimSuffix(name, suffix); s != name && utf8.RuneCountInString(s) >= 1 {
			return s
		}
	}
	return name
}

func TestDemoBrandEnglishFallback(t *testing.T) {
	missing := 0
	for _, b := range demoBrands {
		if b.NameEn == "" {
			missing++
			if b.SummaryEn != "" || b.StoryEn != "" || b.IndustryEn != "" {
				t.Errorf("brand %s: has no NameEn but other English fields are set", b.Slug)
			}
			continue
		}
		if b.SummaryEn == "" || b.StoryEn == "" || b.IndustryEn == "" {
			t.Errorf("brand %s: English name set but summary, story or industry missing", b.Slug)
		}
	}
	if missing != 3 {
		t.Errorf("%d brands have no English, want exactly 3", missing)
	}
}

func TestDemoBrandFeaturedAndDrafts(t *testing.T) {
	ranks := map[int]string{}
	drafts := 0
	featuredCats := map[string]bool{}
	for _, b := range demoBrands {
		if b.Draft {
			drafts++
			if b.Featured {
				t.Errorf("draft brand %s must not be featured", b.Slug)
			}
		}
		if !b.Featured {
			if b.FeaturedRank != 0 {
				t.Errorf("brand %s: FeaturedRank set on a brand that is not featured", b.Slug)
			}
			continue
		}
		featuredCats[b.Category] = true
		if b.FeaturedRank < 1 {
			t.Errorf("featured brand %s has no rank", b.Slug)
		}
		if other, dup := ranks[b.FeaturedRank]; dup {
			t.Errorf("featured rank %d used by %s and %s", b.FeaturedRank, other, b.Slug)
		}
		ranks[b.FeaturedRank] = b.Slug
	}
	if drafts != 2 {
		t.Errorf("%d draft brands, want exactly 2", drafts)
	}
	if len(ranks) < 12 || len(ranks) > 16 {
		t.Errorf("%d featured brands, want about 14", len(ranks))
	}
	if len(featuredCats) != 4 {
		t.Errorf("featured brands cover %d categories, want all 4", len(featuredCats))
	}
}

func TestDemoRoleModels(t *testing.T) {
	if n := len(demoRoleModels); n < 66 {
		t.Errorf("demoRoleModels has %d people, want at least 66", n)
	}
	regions := seedBrandRegionIndex()
	brands := seedBrandIndex()
	seen := map[string]bool{}
	kinds := map[string]int{}
	drafts, multi := 0, 0
	for _, p := range demoRoleModels {
		if !seedBrandSlugRE.MatchString(p.Slug) {
			t.Errorf("role model slug %q is not lower-case hyphenated ASCII", p.Slug)
		}
		if seen[p.Slug] {
			t.Errorf("duplicate role model slug %q", p.Slug)
		}
		seen[p.Slug] = true
		kinds[p.Kind]++
		if p.Draft {
			drafts++
		}
		if p.NameZh == "" || p.NameEn == "" {
			t.Errorf("role model %s: names required", p.Slug)
		}
		if !strings.HasSuffix(p.TitleZh, "（示例人物）") {
			t.Errorf("role model %s: TitleZh must end with （示例人物）", p.Slug)
		}
		if !strings.HasSuffix(p.TitleEn, " (fictional sample)") {
			t.Errorf("role model %s: TitleEn must end with \" (fictional sample)\"", p.Slug)
		}
		if n := utf8.RuneCountInString(p.BioZh); n < 80 || n > 200 {
			t.Errorf("role model %s: BioZh has %d characters, want 80-200", p.Slug, n)
		}
		if p.BioEn == "" {
			t.Errorf("role model %s: BioEn required", p.Slug)
		}
		if len(p.HonoursZh) > 3 {
			t.Errorf("role model %s: %d honours, want at most 3", p.Slug, len(p.HonoursZh))
		}
		if (p.Kind == "SKILL_MASTER") != (p.StudioZh != "") {
			t.Errorf("role model %s: StudioZh must be set exactly for skill masters", p.Slug)
		}
		if p.StudioZh != "" && !strings.HasSuffix(p.StudioZh, "技能大师工作室") {
			t.Errorf("role model %s: studio name %q should end with 技能大师工作室", p.Slug, p.StudioZh)
		}
		if _, ok := regions[p.RegionCode]; !ok {
			t.Errorf("role model %s: region %q not in demoRegions", p.Slug, p.RegionCode)
		}
		if len(p.BrandSlugs) == 0 {
			t.Errorf("role model %s belongs to no brand", p.Slug)
		}
		if len(p.BrandSlugs) > 1 {
			multi++
		}
		dup := map[string]bool{}
		home := false // the person is from the region of one of their brands
		for _, s := range p.BrandSlugs {
			b, ok := brands[s]
			if !ok {
				t.Errorf("role model %s: unknown brand %q", p.Slug, s)
				continue
			}
			if dup[s] {
				t.Errorf("role model %s: brand %q listed twice", p.Slug, s)
			}
			dup[s] = true
			home = home || b.RegionCode == p.RegionCode
			if b.Draft && !p.Draft {
				t.Errorf("published role model %s belongs to draft brand %s", p.Slug, s)
			}
		}
		if !home && len(p.BrandSlugs) > 0 {
			t.Errorf("role model %s: region %s is the region of none of the brands %v", p.Slug, p.RegionCode, p.BrandSlugs)
		}
	}
	for _, k := range []string{"FOUNDER", "INHERITOR", "CONTRIBUTOR", "AMBASSADOR", "SKILL_MASTER"} {
		if kinds[k] < 8 {
			t.Errorf("kind %s has %d people, want at least 8", k, kinds[k])
		}
		delete(kinds, k)
	}
	for k := range kinds {
		t.Errorf("unknown role model kind %q", k)
	}
	if drafts != 2 {
		t.Errorf("%d draft role models, want exactly 2", drafts)
	}
	if multi < 8 || multi > 12 {
		t.Errorf("%d role models belong to two or more brands, want about 10", multi)
	}
}

func TestEveryPublishedBrandHasRoleModel(t *testing.T) {
	has := map[string]bool{}
	for _, p := range demoRoleModels {
		if p.Draft {
			continue
		}
		for _, s := range p.BrandSlugs {
			has[s] = true
		}
	}
	for _, b := range demoBrands {
		if !b.Draft && !has[b.Slug] {
			t.Errorf("published brand %s has no published role model", b.Slug)
		}
	}
}
