package graph

import (
	"context"
	"fmt"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/region"
)

// brandCategories and brandLevels are the enums in their declared order, for
// lists that show every value, zero counts included.
var (
	brandCategories = []brand.Category{brand.CategoryHIGH_END_SKILLED, brand.CategoryQUALITY_SERVICE, brand.CategoryCULTURE_TOURISM, brand.CategoryLIVELIHOOD}
	brandLevels     = []brand.Level{brand.LevelCOUNTY, brand.LevelCITY, brand.LevelPROVINCIAL, brand.LevelNATIONAL}
)

// ShowcaseStats computes the key figures. Every count goes through the ent
// interceptor, so only published content is counted.
func ShowcaseStats(ctx context.Context, client *ent.Client) (*Stats, error) {
	s := &Stats{}
	var err error
	counts := []struct {
		dst   *int
		count func(context.Context) (int, error)
	}{
		{&s.BrandCount, client.Brand.Query().Count},
		{&s.RoleModelCount, client.RoleModel.Query().Count},
		{&s.EnterpriseCount, client.Enterprise.Query().Count},
		{&s.AllianceCount, client.Alliance.Query().Count},
		{&s.VenueCount, client.Venue.Query().Count},
		{&s.MediaCoverageCount, client.MediaCoverage.Query().Count},
	}
	for _, c := range counts {
		if *c.dst, err = c.count(ctx); err != nil {
			return nil, fmt.Errorf("stats: %w", err)
		}
	}
	var byCategory []struct {
		Category brand.Category `json:"category"`
		Count    int            `json:"count"`
		Employed int            `json:"employed"`
		Exported int            `json:"exported"`
	}
	err = client.Brand.Query().GroupBy(brand.FieldCategory).
		Aggregate(ent.Count(), ent.As(ent.Sum(brand.FieldWorkersEmployed), "employed"), ent.As(ent.Sum(brand.FieldWorkersExported), "exported")).
		Scan(ctx, &byCategory)
	if err != nil {
		return nil, fmt.Errorf("stats: brands by category: %w", err)
	}
	categoryCounts := map[brand.Category]int{}
	for _, c := range byCategory {
		categoryCounts[c.Category] = c.Count
		s.WorkersEmployed += c.Employed
		s.WorkersExported += c.Exported
	}
	for _, cat := range brandCategories {
		s.BrandsByCategory = append(s.BrandsByCategory, &CategoryCount{Category: cat, Count: categoryCounts[cat]})
	}
	var byLevel []struct {
		Level brand.Level `json:"level"`
		Count int         `json:"count"`
	}
	if err := client.Brand.Query().GroupBy(brand.FieldLevel).Aggregate(ent.Count()).Scan(ctx, &byLevel); err != nil {
		return nil, fmt.Errorf("stats: brands by level: %w", err)
	}
	levelCounts := map[brand.Level]int{}
	for _, l := range byLevel {
		levelCounts[l.Level] = l.Count
	}
	for _, lvl := range brandLevels {
		s.BrandsByLevel = append(s.BrandsByLevel, &LevelCount{Level: lvl, Count: levelCounts[lvl]})
	}
	if s.BrandsByPrefecture, err = brandsByPrefecture(ctx, client); err != nil {
		return nil, fmt.Errorf("stats: brands by prefecture: %w", err)
	}
	return s, nil
}

// brandsByPrefecture lists every prefecture-level division, by code, with
// the published brands of it and its counties.
func brandsByPrefecture(ctx context.Context, client *ent.Client) ([]*PrefectureCount, error) {
	q, err := client.Region.Query().Where(region.LevelEQ(region.LevelPREFECTURE)).Order(region.ByCode()).
		CollectFields(childFieldContext(ctx, "brandsByPrefecture", "region"))
	if err != nil {
		return nil, err
	}
	prefectures, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*PrefectureCount, 0, len(prefectures))
	for _, p := range prefectures {
		n, err := RegionBrandCount(ctx, client, p.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, &PrefectureCount{Region: p, Count: n})
	}
	return out, nil
}
