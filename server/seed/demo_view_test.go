package seed

import (
	"time"

	"brandshow/server/dataio"
)

// The data tests in demo_brands_test.go and demo_orgs_test.go were written
// against the demo content as Go values; these views give the bundled
// file's records the names and shapes those tests read (a person's brands,
// dates as text, zero for an absent year), so the tests keep their meaning.
type (
	demoRegion struct {
		dataio.Region
		Lat, Lng float64
	}
	demoBrand struct {
		BrandSeed
		FoundedYear int
	}
	demoRoleModel struct {
		RoleModelSeed
		BrandSlugs []string // the brands that list this person
	}
	demoEnterprise struct {
		dataio.Enterprise
		RecognizedYear int
		BrandSlugs     []string
	}
	demoAlliance struct {
		dataio.Alliance
		FoundedOn          string
		LeadEnterpriseSlug string
		BrandSlugs         []string
	}
	demoVenue struct {
		dataio.Venue
		Lat, Lng   float64
		BrandSlugs []string
	}
	demoCoverage struct {
		dataio.MediaCoverage
		PublishedOn                string
		BrandSlugs, RoleModelSlugs []string
	}
)

var (
	demoRegions     []demoRegion
	demoBrands      []demoBrand
	demoRoleModels  []demoRoleModel
	demoEnterprises []demoEnterprise
	demoAlliances   []demoAlliance
	demoVenues      []demoVenue
	demoCoverages   []demoCoverage
)

func init() {
	deref := func(p *float64) float64 {
		if p == nil {
			return 0
		}
		return *p
	}
	year := func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	}
	date := func(t *dataio.Time) string {
		if t == nil {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	for _, r := range DemoRegions() {
		demoRegions = append(demoRegions, demoRegion{r, deref(r.Latitude), deref(r.Longitude)})
	}
	brandsOf := map[string][]string{}
	for _, b := range DemoBrands() {
		demoBrands = append(demoBrands, demoBrand{b, year(b.FoundedYear)})
		for _, p := range b.RoleModels {
			brandsOf[p] = append(brandsOf[p], b.Slug)
		}
	}
	for _, p := range DemoRoleModels() {
		demoRoleModels = append(demoRoleModels, demoRoleModel{p, brandsOf[p.Slug]})
	}
	for _, e := range DemoEnterprises() {
		demoEnterprises = append(demoEnterprises, demoEnterprise{e, year(e.RecognizedYear), e.Brands})
	}
	for _, a := range DemoAlliances() {
		demoAlliances = append(demoAlliances, demoAlliance{a, date(a.FoundedOn), a.LeadEnterprise, a.Brands})
	}
	for _, v := range DemoVenues() {
		demoVenues = append(demoVenues, demoVenue{v, v.Latitude, v.Longitude, v.Brands})
	}
	for _, c := range DemoCoverage() {
		demoCoverages = append(demoCoverages, demoCoverage{c, date(&c.PublishedOn), c.Brands, c.RoleModels})
	}
}
