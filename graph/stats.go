package graph

import (
	"context"
	"fmt"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/figure"
	"brandshow/ent/region"
	"brandshow/ent/schematype"

	"entgo.io/ent/dialect/sql"

	"github.com/99designs/gqlgen/graphql"
)

// brandCategories and brandLevels are the enums in their declared order, for
// lists that show every value, zero counts included.
var (
	brandCategories = []brand.Category{brand.CategoryHIGH_END_SKILLED, brand.CategoryQUALITY_SERVICE, brand.CategoryCULTURE_TOURISM, brand.CategoryLIVELIHOOD}
	brandLevels     = []brand.Level{brand.LevelCOUNTY, brand.LevelCITY, brand.LevelPROVINCIAL, brand.LevelNATIONAL}
)

// ShowcaseStats computes the key figures the operation selects, and only
// those: a home page asking for brandCount and workersEmployed costs one
// statement, not the eleven of the full set. Every count goes through the
// ent interceptor, so only published content is counted.
//
// With a year, the worker totals and figures add up the brands' figures of
// that year instead of the brands' own (undated) numbers.
func ShowcaseStats(ctx context.Context, client *ent.Client, year *int) (*Stats, error) {
	if year != nil && (*year < schematype.MinFigureYear || *year > schematype.MaxFigureYear) {
		return nil, userErrorf("year must be between %d and %d, got %d", schematype.MinFigureYear, schematype.MaxFigureYear, *year)
	}
	want := selectedStats(ctx)
	s := &Stats{Year: year}
	var err error
	counts := []struct {
		field string
		dst   *int
		count func(context.Context) (int, error)
	}{
		{"roleModelCount", &s.RoleModelCount, client.RoleModel.Query().Count},
		{"enterpriseCount", &s.EnterpriseCount, client.Enterprise.Query().Count},
		{"allianceCount", &s.AllianceCount, client.Alliance.Query().Count},
		{"venueCount", &s.VenueCount, client.Venue.Query().Count},
		{"mediaCoverageCount", &s.MediaCoverageCount, client.MediaCoverage.Query().Count},
	}
	for _, c := range counts {
		if !want(c.field) {
			continue
		}
		if *c.dst, err = c.count(ctx); err != nil {
			return nil, fmt.Errorf("stats: %w", err)
		}
	}
	if want("brandCount", "workersEmployed", "workersExported", "brandsByCategory") {
		if err := brandFigures(ctx, client, s); err != nil {
			return nil, fmt.Errorf("stats: brands by category: %w", err)
		}
	}
	if want("figures") || (year != nil && want("workersEmployed", "workersExported")) {
		if s.Figures, err = figureTotals(ctx, client, year); err != nil {
			return nil, fmt.Errorf("stats: figures: %w", err)
		}
		if year != nil {
			for _, t := range s.Figures {
				switch t.Metric {
				case figure.MetricWORKERS_EMPLOYED:
					s.WorkersEmployed = t.Total
				case figure.MetricWORKERS_EXPORTED:
					s.WorkersExported = t.Total
				}
			}
		}
	}
	if want("brandsByLevel") {
		if s.BrandsByLevel, err = brandsByLevel(ctx, client); err != nil {
			return nil, fmt.Errorf("stats: brands by level: %w", err)
		}
	}
	if want("brandsByPrefecture") {
		if s.BrandsByPrefecture, err = brandsByPrefecture(ctx, client); err != nil {
			return nil, fmt.Errorf("stats: brands by prefecture: %w", err)
		}
	}
	return s, nil
}

// selectedStats reports whether any of the named Stats fields is selected by
// the operation. Outside an operation (no field context) every field is.
func selectedStats(ctx context.Context) func(fields ...string) bool {
	if graphql.GetFieldContext(ctx) == nil {
		return func(...string) bool { return true }
	}
	selected := map[string]bool{}
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		selected[f.Name] = true
	}
	return func(fields ...string) bool {
		for _, f := range fields {
			if selected[f] {
				return true
			}
		}
		return false
	}
}

// brandFigures fills the brand count, the worker totals and the brands per
// category from one grouped statement: the per-category rows add up to the
// totals.
func brandFigures(ctx context.Context, client *ent.Client, s *Stats) error {
	var byCategory []struct {
		Category brand.Category `json:"category"`
		Count    int            `json:"count"`
		Employed int            `json:"employed"`
		Exported int            `json:"exported"`
	}
	err := client.Brand.Query().GroupBy(brand.FieldCategory).
		Aggregate(ent.Count(), ent.As(clampedSum(brand.FieldWorkersEmployed, schematype.MaxWorkers), "employed"),
			ent.As(clampedSum(brand.FieldWorkersExported, schematype.MaxWorkers), "exported")).
		Scan(ctx, &byCategory)
	if err != nil {
		return err
	}
	categoryCounts := map[brand.Category]int{}
	for _, c := range byCategory {
		categoryCounts[c.Category] = c.Count
		s.BrandCount += c.Count
		s.WorkersEmployed += c.Employed
		s.WorkersExported += c.Exported
	}
	for _, cat := range brandCategories {
		s.BrandsByCategory = append(s.BrandsByCategory, &CategoryCount{Category: cat, Count: categoryCounts[cat]})
	}
	return nil
}

// clampedSum adds up a count column, each row counted within 0..maxValue.
// The schema keeps the column in that range, so this changes nothing for
// content written through ent; but a value from before the range, or put
// in by hand, would otherwise overflow the sum (an error on SQLite, a
// number too large for Go on PostgreSQL) and break the key figures of the
// home page. Within the range, the sum of 10^11 rows still fits in int64.
func clampedSum(column string, maxValue int) ent.AggregateFunc {
	return func(s *sql.Selector) string {
		c := s.C(column)
		return fmt.Sprintf("SUM(CASE WHEN %s > %d THEN %d WHEN %s < 0 THEN 0 ELSE %s END)", c, maxValue, maxValue, c, c)
	}
}

// brandsByLevel lists every level with its published brands.
func brandsByLevel(ctx context.Context, client *ent.Client) ([]*LevelCount, error) {
	var byLevel []struct {
		Level brand.Level `json:"level"`
		Count int         `json:"count"`
	}
	if err := client.Brand.Query().GroupBy(brand.FieldLevel).Aggregate(ent.Count()).Scan(ctx, &byLevel); err != nil {
		return nil, err
	}
	levelCounts := map[brand.Level]int{}
	for _, l := range byLevel {
		levelCounts[l.Level] = l.Count
	}
	out := make([]*LevelCount, 0, len(brandLevels))
	for _, lvl := range brandLevels {
		out = append(out, &LevelCount{Level: lvl, Count: levelCounts[lvl]})
	}
	return out, nil
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
