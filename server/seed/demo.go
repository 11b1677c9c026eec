// Package seed loads the bundled demo content: Hubei's regions and a sample
// of brands, people, enterprises, alliances, venues and coverage. The people,
// enterprises, outlets and reports are fictional and marked as samples; the
// regions and their codes are real.
package seed

import (
	"context"
	"fmt"
	"sort"
	"time"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/enterprise"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/searchindex"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"
)

// Result counts what a load created.
type Result struct {
	Regions, Brands, RoleModels, Enterprises, Alliances, Venues, Coverage int
}

// Total is the number of rows created.
func (r Result) Total() int {
	return r.Regions + r.Brands + r.RoleModels + r.Enterprises + r.Alliances + r.Venues + r.Coverage
}

// LoadDemo writes the demo content in one transaction. It only creates what
// is missing (by region code and slug), so loading twice changes nothing and
// never overwrites an editor's changes.
func LoadDemo(ctx context.Context, client *ent.Client) (Result, error) {
	ctx = visibility.WithSystem(ctx) // the server's own content; see existing drafts so they are not created twice
	tx, err := client.Tx(ctx)
	if err != nil {
		return Result{}, fmt.Errorf("seed: %w", err)
	}
	l := &loader{tx: tx, now: time.Now().UTC()}
	// Index once at the end, in the same transaction, instead of per write.
	if err := l.load(searchindex.WithoutIndexing(ctx)); err != nil {
		_ = tx.Rollback()
		return Result{}, fmt.Errorf("seed: %w", err)
	}
	if err := searchindex.IndexAll(ctx, tx.Client()); err != nil {
		_ = tx.Rollback()
		return Result{}, fmt.Errorf("seed: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return Result{}, fmt.Errorf("seed: commit: %w", err)
	}
	return l.res, nil
}

type loader struct {
	tx  *ent.Tx
	now time.Time
	res Result

	regions     map[string]int // code → ID
	brands      map[string]int // slug → ID
	roleModels  map[string]int
	enterprises map[string]int
}

func (l *loader) load(ctx context.Context) error {
	steps := []struct {
		name string
		run  func(context.Context) error
	}{
		{"regions", l.loadRegions},
		{"brands", l.loadBrands},
		{"role models", l.loadRoleModels},
		{"enterprises", l.loadEnterprises},
		{"alliances", l.loadAlliances},
		{"venues", l.loadVenues},
		{"coverage", l.loadCoverage},
	}
	for _, s := range steps {
		if err := s.run(ctx); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}

func status(draft bool) schematype.Status {
	if draft {
		return schematype.StatusDraft
	}
	return schematype.StatusPublished
}

func (l *loader) publishedAt(draft bool) *time.Time {
	if draft {
		return nil
	}
	return &l.now
}

// ids resolves keys to IDs, failing on the first unknown one so a typo in the
// demo data is caught by the tests rather than silently dropped.
func ids(m map[string]int, keys []string, what string) ([]int, error) {
	out := make([]int, 0, len(keys))
	for _, k := range keys {
		id, ok := m[k]
		if !ok {
			return nil, fmt.Errorf("unknown %s %q", what, k)
		}
		out = append(out, id)
	}
	return out, nil
}

func optRegion(m map[string]int, code string) (*int, error) {
	if code == "" {
		return nil, nil
	}
	id, ok := m[code]
	if !ok {
		return nil, fmt.Errorf("unknown region %q", code)
	}
	return &id, nil
}

func (l *loader) loadRegions(ctx context.Context) error {
	existing, err := l.tx.Region.Query().Select(region.FieldID, region.FieldCode).All(ctx)
	if err != nil {
		return err
	}
	l.regions = map[string]int{}
	for _, r := range existing {
		l.regions[r.Code] = r.ID
	}
	// Parents before children: the province, then prefectures, then counties.
	order := map[string]int{"PROVINCE": 0, "PREFECTURE": 1, "COUNTY": 2}
	seeds := append([]RegionSeed(nil), DemoRegions...)
	sort.SliceStable(seeds, func(i, j int) bool { return order[seeds[i].Level] < order[seeds[j].Level] })
	for _, s := range seeds {
		if _, ok := l.regions[s.Code]; ok {
			continue
		}
		parent, err := optRegion(l.regions, s.ParentCode)
		if err != nil {
			return err
		}
		lat, lng := s.Lat, s.Lng
		r, err := l.tx.Region.Create().
			SetCode(s.Code).SetNameZh(s.NameZh).SetNameEn(s.NameEn).
			SetLevel(region.Level(s.Level)).SetLatitude(lat).SetLongitude(lng).
			SetNillableParentID(parent).
			Save(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Code, err)
		}
		l.regions[s.Code] = r.ID
		l.res.Regions++
	}
	return nil
}

func (l *loader) loadBrands(ctx context.Context) error {
	var err error
	if l.brands, err = slugIDs(ctx, l.tx.Brand.Query().Select(brand.FieldID, brand.FieldSlug)); err != nil {
		return err
	}
	for _, s := range DemoBrands {
		if _, ok := l.brands[s.Slug]; ok {
			continue
		}
		regionID, ok := l.regions[s.RegionCode]
		if !ok {
			return fmt.Errorf("%s: unknown region %q", s.Slug, s.RegionCode)
		}
		c := l.tx.Brand.Create().
			SetSlug(s.Slug).SetNameZh(s.NameZh).SetNameEn(s.NameEn).
			SetSummaryZh(s.SummaryZh).SetSummaryEn(s.SummaryEn).
			SetStoryZh(s.StoryZh).SetStoryEn(s.StoryEn).
			SetIndustryZh(s.IndustryZh).SetIndustryEn(s.IndustryEn).
			SetRegionID(regionID).
			SetCategory(brand.Category(s.Category)).SetLevel(brand.Level(s.Level)).
			SetInResourceLibrary(s.InResourceLibrary).SetInGuidanceCatalogue(s.InGuidanceCatalogue).
			SetWorkersEmployed(s.WorkersEmployed).SetWorkersExported(s.WorkersExported).
			SetTrademarkCount(s.TrademarkCount).SetPatentCount(s.PatentCount).
			SetFeatured(s.Featured).SetFeaturedRank(s.FeaturedRank).
			SetStatus(status(s.Draft)).SetNillablePublishedAt(l.publishedAt(s.Draft))
		if s.FoundedYear != 0 {
			c.SetFoundedYear(s.FoundedYear)
		}
		if s.CreditRating != "" {
			c.SetCreditRating(brand.CreditRating(s.CreditRating))
		}
		b, err := c.Save(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		l.brands[s.Slug] = b.ID
		l.res.Brands++
	}
	return nil
}

func (l *loader) loadRoleModels(ctx context.Context) error {
	var err error
	if l.roleModels, err = slugIDs(ctx, l.tx.RoleModel.Query().Select(rolemodel.FieldID, rolemodel.FieldSlug)); err != nil {
		return err
	}
	for _, s := range DemoRoleModels {
		if _, ok := l.roleModels[s.Slug]; ok {
			continue
		}
		brandIDs, err := ids(l.brands, s.BrandSlugs, "brand")
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		regionID, err := optRegion(l.regions, s.RegionCode)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		studioEn := ""
		if s.StudioZh != "" && s.NameEn != "" {
			studioEn = s.NameEn + " Skill Master Studio"
		}
		r, err := l.tx.RoleModel.Create().
			SetSlug(s.Slug).SetNameZh(s.NameZh).SetNameEn(s.NameEn).
			SetKind(rolemodel.Kind(s.Kind)).
			SetTitleZh(s.TitleZh).SetTitleEn(s.TitleEn).
			SetBioZh(s.BioZh).SetBioEn(s.BioEn).
			SetHonoursZh(s.HonoursZh).
			SetStudioZh(s.StudioZh).SetStudioEn(studioEn).
			SetNillableRegionID(regionID).
			AddBrandIDs(brandIDs...).
			SetStatus(status(s.Draft)).SetNillablePublishedAt(l.publishedAt(s.Draft)).
			Save(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		l.roleModels[s.Slug] = r.ID
		l.res.RoleModels++
	}
	return nil
}

func (l *loader) loadEnterprises(ctx context.Context) error {
	var err error
	if l.enterprises, err = slugIDs(ctx, l.tx.Enterprise.Query().Select(enterprise.FieldID, enterprise.FieldSlug)); err != nil {
		return err
	}
	for _, s := range DemoEnterprises {
		if _, ok := l.enterprises[s.Slug]; ok {
			continue
		}
		brandIDs, err := ids(l.brands, s.BrandSlugs, "brand")
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		regionID, err := optRegion(l.regions, s.RegionCode)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		c := l.tx.Enterprise.Create().
			SetSlug(s.Slug).SetNameZh(s.NameZh).SetNameEn(s.NameEn).
			SetSummaryZh(s.SummaryZh).SetSummaryEn(s.SummaryEn).
			SetProvincialLeading(s.ProvincialLeading).
			SetWebsite(s.Website).
			SetNillableRegionID(regionID).
			AddBrandIDs(brandIDs...).
			SetStatus(schematype.StatusPublished).SetPublishedAt(l.now)
		if s.RecognizedYear != 0 {
			c.SetRecognizedYear(s.RecognizedYear)
		}
		e, err := c.Save(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		l.enterprises[s.Slug] = e.ID
		l.res.Enterprises++
	}
	return nil
}

func (l *loader) loadAlliances(ctx context.Context) error {
	existing, err := slugIDs(ctx, l.tx.Alliance.Query().Select(alliance.FieldID, alliance.FieldSlug))
	if err != nil {
		return err
	}
	for _, s := range DemoAlliances {
		if _, ok := existing[s.Slug]; ok {
			continue
		}
		brandIDs, err := ids(l.brands, s.BrandSlugs, "brand")
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		c := l.tx.Alliance.Create().
			SetSlug(s.Slug).SetNameZh(s.NameZh).SetNameEn(s.NameEn).
			SetSummaryZh(s.SummaryZh).SetSummaryEn(s.SummaryEn).
			SetPurposeZh(s.PurposeZh).SetPurposeEn(s.PurposeEn).
			SetScope(alliance.Scope(s.Scope)).
			AddBrandIDs(brandIDs...).
			SetStatus(schematype.StatusPublished).SetPublishedAt(l.now)
		if s.FoundedOn != "" {
			d, err := time.Parse(time.DateOnly, s.FoundedOn)
			if err != nil {
				return fmt.Errorf("%s: founded on: %w", s.Slug, err)
			}
			c.SetFoundedOn(d)
		}
		if s.LeadEnterpriseSlug != "" {
			id, ok := l.enterprises[s.LeadEnterpriseSlug]
			if !ok {
				return fmt.Errorf("%s: unknown enterprise %q", s.Slug, s.LeadEnterpriseSlug)
			}
			c.SetLeadEnterpriseID(id)
		}
		if _, err := c.Save(ctx); err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		l.res.Alliances++
	}
	return nil
}

func (l *loader) loadVenues(ctx context.Context) error {
	existing, err := slugIDs(ctx, l.tx.Venue.Query().Select(venue.FieldID, venue.FieldSlug))
	if err != nil {
		return err
	}
	for _, s := range DemoVenues {
		if _, ok := existing[s.Slug]; ok {
			continue
		}
		brandIDs, err := ids(l.brands, s.BrandSlugs, "brand")
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		regionID, ok := l.regions[s.RegionCode]
		if !ok {
			return fmt.Errorf("%s: unknown region %q", s.Slug, s.RegionCode)
		}
		_, err = l.tx.Venue.Create().
			SetSlug(s.Slug).SetNameZh(s.NameZh).SetNameEn(s.NameEn).
			SetSummaryZh(s.SummaryZh).SetSummaryEn(s.SummaryEn).
			SetKind(venue.Kind(s.Kind)).
			SetAddressZh(s.AddressZh).SetAddressEn(s.AddressEn).
			SetOpeningHoursZh(s.OpeningHoursZh).SetOpeningHoursEn(s.OpeningHoursEn).
			SetLatitude(s.Lat).SetLongitude(s.Lng).
			SetPhone(s.Phone).
			SetRegionID(regionID).
			AddBrandIDs(brandIDs...).
			SetStatus(schematype.StatusPublished).SetPublishedAt(l.now).
			Save(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		l.res.Venues++
	}
	return nil
}

func (l *loader) loadCoverage(ctx context.Context) error {
	existing, err := slugIDs(ctx, l.tx.MediaCoverage.Query().Select(mediacoverage.FieldID, mediacoverage.FieldSlug))
	if err != nil {
		return err
	}
	for _, s := range DemoCoverage {
		if _, ok := existing[s.Slug]; ok {
			continue
		}
		brandIDs, err := ids(l.brands, s.BrandSlugs, "brand")
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		peopleIDs, err := ids(l.roleModels, s.RoleModelSlugs, "role model")
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		on, err := time.Parse(time.DateOnly, s.PublishedOn)
		if err != nil {
			return fmt.Errorf("%s: published on: %w", s.Slug, err)
		}
		_, err = l.tx.MediaCoverage.Create().
			SetSlug(s.Slug).SetTitleZh(s.TitleZh).SetTitleEn(s.TitleEn).
			SetSummaryZh(s.SummaryZh).SetSummaryEn(s.SummaryEn).
			SetBodyZh(s.BodyZh).
			SetOutlet(s.Outlet).SetMedium(mediacoverage.Medium(s.Medium)).
			SetPublishedOn(on).SetAuthor(s.Author).SetURL(s.URL).
			AddBrandIDs(brandIDs...).AddRoleModelIDs(peopleIDs...).
			SetStatus(schematype.StatusPublished).SetPublishedAt(l.now).
			Save(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Slug, err)
		}
		l.res.Coverage++
	}
	return nil
}

// slugIDs maps slug → ID for the rows of a query that selects both.
func slugIDs(ctx context.Context, sel interface {
	Scan(context.Context, any) error
}) (map[string]int, error) {
	var rows []struct {
		ID   int    `json:"id"`
		Slug string `json:"slug"`
	}
	if err := sel.Scan(ctx, &rows); err != nil {
		return nil, err
	}
	m := make(map[string]int, len(rows))
	for _, r := range rows {
		m[r.Slug] = r.ID
	}
	return m, nil
}
