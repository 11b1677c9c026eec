package dataio

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
)

// write upserts the validated records: regions (parents first), then role
// models, brands, enterprises, alliances, venues and coverage, so that
// every link points at a row that exists already. A record equal to what
// the database holds is not written at all (no audit entry, no new
// updatedAt).
func (im *importer) write(ctx context.Context) error {
	steps := []func(context.Context) error{
		im.writeRegions, im.writeRoleModels, im.writeBrands, im.writeEnterprises,
		im.writeAlliances, im.writeVenues, im.writeCoverage,
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// saved handles the result of one write: a field validation failure becomes
// a problem at the record and the import goes on (the write never reached
// the database); anything else stops the import.
func (im *importer) saved(collection string, i int, key string, err error) (ok bool, fatal error) {
	if err == nil {
		return true, nil
	}
	if field, reason, isField := invalidField(err); isField {
		im.problem(collection, i, key, field, "%s", reason)
		return false, nil
	}
	return false, err
}

// same reports whether two records have the same content.
func same(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// complete fills what a record leaves to the database: a missing status is
// DRAFT; creation time and, when absent, publication time stay as they are;
// a new publication is dated now; absent link lists keep the current links.
func (im *importer) complete(p *Publication, old *Publication) {
	if p.Status == "" {
		p.Status = schematype.StatusDraft
	}
	if old != nil {
		p.CreatedAt = old.CreatedAt
		if p.PublishedAt == nil {
			p.PublishedAt = old.PublishedAt
		}
	}
	if p.PublishedAt == nil && p.Status == schematype.StatusPublished {
		t := NewTime(im.now)
		p.PublishedAt = &t
	}
}

func keepLinks(links *[]string, old []string) {
	if *links == nil {
		*links = old
		return
	}
	s := slices.Clone(*links)
	slices.Sort(s)
	*links = slices.Compact(s)
}

// linkDiff returns the IDs to add and remove to go from old to want. Keys
// without an ID belong to records that failed validation (already reported).
func linkDiff(old, want []string, ids map[string]int) (add, remove []int) {
	for _, k := range want {
		if id, ok := ids[k]; ok && !slices.Contains(old, k) {
			add = append(add, id)
		}
	}
	for _, k := range old {
		if id, ok := ids[k]; ok && !slices.Contains(want, k) {
			remove = append(remove, id)
		}
	}
	return add, remove
}

func (im *importer) optRegion(code string) *int {
	if code == "" {
		return nil
	}
	if id, ok := im.ids.regions[code]; ok {
		return &id
	}
	return nil
}

func count(c *Counts, exists bool) {
	if exists {
		c.Updated++
	} else {
		c.Created++
	}
}

func (im *importer) writeRegions(ctx context.Context) error {
	order, _ := im.regionOrder()
	for _, i := range order {
		if im.skip("regions", i) {
			continue
		}
		r := im.doc.Regions[i]
		old, exists := im.old.regions[r.Code]
		if exists && same(old, r) {
			im.report.Regions.Unchanged++
			continue
		}
		var (
			row *ent.Region
			err error
		)
		parent := im.optRegion(r.ParentCode)
		if exists {
			u := im.tx.Region.UpdateOneID(im.ids.regions[r.Code]).
				SetLevel(region.Level(r.Level)).SetNameZh(r.NameZh).SetNameEn(r.NameEn)
			setOrClear(r.Latitude, u.SetLatitude, u.ClearLatitude)
			setOrClear(r.Longitude, u.SetLongitude, u.ClearLongitude)
			setOrClear(parent, u.SetParentID, u.ClearParentID)
			row, err = u.Save(ctx)
		} else {
			row, err = im.tx.Region.Create().SetCode(r.Code).
				SetLevel(region.Level(r.Level)).SetNameZh(r.NameZh).SetNameEn(r.NameEn).
				SetNillableLatitude(r.Latitude).SetNillableLongitude(r.Longitude).
				SetNillableParentID(parent).Save(ctx)
		}
		if ok, err := im.saved("regions", i, r.Code, err); err != nil || !ok {
			return err
		}
		im.ids.regions[r.Code] = row.ID
		count(&im.report.Regions, exists)
	}
	return nil
}

func (im *importer) writeRoleModels(ctx context.Context) error {
	for i := range im.doc.RoleModels {
		if im.skip("roleModels", i) {
			continue
		}
		p := im.doc.RoleModels[i]
		old, exists := im.old.roleModels[p.Slug]
		im.complete(&p.Publication, oldPublication(exists, &old.Publication))
		if exists && same(old, p) {
			im.report.RoleModels.Unchanged++
			continue
		}
		regionID := im.optRegion(p.RegionCode)
		var (
			row *ent.RoleModel
			err error
		)
		if exists {
			u := im.tx.RoleModel.UpdateOneID(im.ids.roleModels[p.Slug]).
				SetStatus(p.Status).
				SetNameZh(p.NameZh).SetNameEn(p.NameEn).SetTitleZh(p.TitleZh).SetTitleEn(p.TitleEn).
				SetBioZh(p.BioZh).SetBioEn(p.BioEn).SetKind(rolemodel.Kind(p.Kind)).
				SetStudioZh(p.StudioZh).SetStudioEn(p.StudioEn)
			setOrClear(p.PublishedAt.std(), u.SetPublishedAt, u.ClearPublishedAt)
			setOrClear(regionID, u.SetRegionID, u.ClearRegionID)
			if p.HonoursZh == nil {
				u.ClearHonoursZh()
			} else {
				u.SetHonoursZh(p.HonoursZh)
			}
			if p.HonoursEn == nil {
				u.ClearHonoursEn()
			} else {
				u.SetHonoursEn(p.HonoursEn)
			}
			if p.Portrait == nil {
				u.ClearPortrait()
			} else {
				u.SetPortrait(p.Portrait)
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.RoleModel.Create().SetSlug(p.Slug).
				SetStatus(p.Status).SetNillablePublishedAt(p.PublishedAt.std()).SetNillableCreatedAt(p.CreatedAt.std()).
				SetNameZh(p.NameZh).SetNameEn(p.NameEn).SetTitleZh(p.TitleZh).SetTitleEn(p.TitleEn).
				SetBioZh(p.BioZh).SetBioEn(p.BioEn).SetKind(rolemodel.Kind(p.Kind)).
				SetStudioZh(p.StudioZh).SetStudioEn(p.StudioEn).
				SetNillableRegionID(regionID)
			if p.HonoursZh != nil {
				c.SetHonoursZh(p.HonoursZh)
			}
			if p.HonoursEn != nil {
				c.SetHonoursEn(p.HonoursEn)
			}
			if p.Portrait != nil {
				c.SetPortrait(p.Portrait)
			}
			row, err = c.Save(ctx)
		}
		if ok, err := im.saved("roleModels", i, p.Slug, err); err != nil || !ok {
			return err
		}
		im.ids.roleModels[p.Slug] = row.ID
		count(&im.report.RoleModels, exists)
	}
	return nil
}

func oldPublication(exists bool, p *Publication) *Publication {
	if !exists {
		return nil
	}
	return p
}

func (im *importer) writeBrands(ctx context.Context) error {
	for i := range im.doc.Brands {
		if im.skip("brands", i) {
			continue
		}
		b := im.doc.Brands[i]
		old, exists := im.old.brands[b.Slug]
		im.complete(&b.Publication, oldPublication(exists, &old.Publication))
		keepLinks(&b.RoleModels, old.RoleModels)
		if exists && same(old, b) {
			im.report.Brands.Unchanged++
			continue
		}
		var rating *brand.CreditRating
		if b.CreditRating != "" {
			r := brand.CreditRating(b.CreditRating)
			rating = &r
		}
		regionID, ok := im.ids.regions[b.RegionCode]
		if !ok {
			continue // the region failed to save; that is reported
		}
		add, remove := linkDiff(old.RoleModels, b.RoleModels, im.ids.roleModels)
		var (
			row *ent.Brand
			err error
		)
		if exists {
			u := im.tx.Brand.UpdateOneID(im.ids.brands[b.Slug]).
				SetStatus(b.Status).
				SetNameZh(b.NameZh).SetNameEn(b.NameEn).SetSummaryZh(b.SummaryZh).SetSummaryEn(b.SummaryEn).
				SetStoryZh(b.StoryZh).SetStoryEn(b.StoryEn).SetIndustryZh(b.IndustryZh).SetIndustryEn(b.IndustryEn).
				SetRegionID(regionID).
				SetCategory(brand.Category(b.Category)).SetLevel(brand.Level(b.Level)).
				SetInResourceLibrary(b.InResourceLibrary).SetInGuidanceCatalogue(b.InGuidanceCatalogue).
				SetWorkersEmployed(b.WorkersEmployed).SetWorkersExported(b.WorkersExported).
				SetTrademarkCount(b.TrademarkCount).SetPatentCount(b.PatentCount).
				SetFeatured(b.Featured).SetFeaturedRank(b.FeaturedRank).
				AddRoleModelIDs(add...).RemoveRoleModelIDs(remove...)
			setOrClear(b.PublishedAt.std(), u.SetPublishedAt, u.ClearPublishedAt)
			setOrClear(b.FoundedYear, u.SetFoundedYear, u.ClearFoundedYear)
			setOrClear(rating, u.SetCreditRating, u.ClearCreditRating)
			setOrClear(b.FeaturedFrom.std(), u.SetFeaturedFrom, u.ClearFeaturedFrom)
			setOrClear(b.FeaturedUntil.std(), u.SetFeaturedUntil, u.ClearFeaturedUntil)
			if b.Logo == nil {
				u.ClearLogo()
			} else {
				u.SetLogo(b.Logo)
			}
			if b.Pictures == nil {
				u.ClearPictures()
			} else {
				u.SetPictures(b.Pictures)
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Brand.Create().SetSlug(b.Slug).
				SetStatus(b.Status).SetNillablePublishedAt(b.PublishedAt.std()).SetNillableCreatedAt(b.CreatedAt.std()).
				SetNameZh(b.NameZh).SetNameEn(b.NameEn).SetSummaryZh(b.SummaryZh).SetSummaryEn(b.SummaryEn).
				SetStoryZh(b.StoryZh).SetStoryEn(b.StoryEn).SetIndustryZh(b.IndustryZh).SetIndustryEn(b.IndustryEn).
				SetRegionID(regionID).
				SetCategory(brand.Category(b.Category)).SetLevel(brand.Level(b.Level)).
				SetInResourceLibrary(b.InResourceLibrary).SetInGuidanceCatalogue(b.InGuidanceCatalogue).
				SetWorkersEmployed(b.WorkersEmployed).SetWorkersExported(b.WorkersExported).
				SetNillableFoundedYear(b.FoundedYear).
				SetTrademarkCount(b.TrademarkCount).SetPatentCount(b.PatentCount).
				SetNillableCreditRating(rating).
				SetFeatured(b.Featured).SetFeaturedRank(b.FeaturedRank).
				SetNillableFeaturedFrom(b.FeaturedFrom.std()).SetNillableFeaturedUntil(b.FeaturedUntil.std()).
				AddRoleModelIDs(add...)
			if b.Logo != nil {
				c.SetLogo(b.Logo)
			}
			if b.Pictures != nil {
				c.SetPictures(b.Pictures)
			}
			row, err = c.Save(ctx)
		}
		if ok, err := im.saved("brands", i, b.Slug, err); err != nil || !ok {
			return err
		}
		im.ids.brands[b.Slug] = row.ID
		count(&im.report.Brands, exists)
	}
	return nil
}

func (im *importer) writeEnterprises(ctx context.Context) error {
	for i := range im.doc.Enterprises {
		if im.skip("enterprises", i) {
			continue
		}
		e := im.doc.Enterprises[i]
		old, exists := im.old.enterprises[e.Slug]
		im.complete(&e.Publication, oldPublication(exists, &old.Publication))
		keepLinks(&e.Brands, old.Brands)
		if exists && same(old, e) {
			im.report.Enterprises.Unchanged++
			continue
		}
		add, remove := linkDiff(old.Brands, e.Brands, im.ids.brands)
		regionID := im.optRegion(e.RegionCode)
		var (
			row *ent.Enterprise
			err error
		)
		if exists {
			u := im.tx.Enterprise.UpdateOneID(im.ids.enterprises[e.Slug]).
				SetStatus(e.Status).
				SetNameZh(e.NameZh).SetNameEn(e.NameEn).SetSummaryZh(e.SummaryZh).SetSummaryEn(e.SummaryEn).
				SetProvincialLeading(e.ProvincialLeading).
				SetWebsite(e.Website).
				AddBrandIDs(add...).RemoveBrandIDs(remove...)
			setOrClear(e.PublishedAt.std(), u.SetPublishedAt, u.ClearPublishedAt)
			setOrClear(e.RecognizedYear, u.SetRecognizedYear, u.ClearRecognizedYear)
			setOrClear(regionID, u.SetRegionID, u.ClearRegionID)
			if e.Logo == nil {
				u.ClearLogo()
			} else {
				u.SetLogo(e.Logo)
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Enterprise.Create().SetSlug(e.Slug).
				SetStatus(e.Status).SetNillablePublishedAt(e.PublishedAt.std()).SetNillableCreatedAt(e.CreatedAt.std()).
				SetNameZh(e.NameZh).SetNameEn(e.NameEn).SetSummaryZh(e.SummaryZh).SetSummaryEn(e.SummaryEn).
				SetProvincialLeading(e.ProvincialLeading).SetNillableRecognizedYear(e.RecognizedYear).
				SetWebsite(e.Website).SetNillableRegionID(regionID).
				AddBrandIDs(add...)
			if e.Logo != nil {
				c.SetLogo(e.Logo)
			}
			row, err = c.Save(ctx)
		}
		if ok, err := im.saved("enterprises", i, e.Slug, err); err != nil || !ok {
			return err
		}
		im.ids.enterprises[e.Slug] = row.ID
		count(&im.report.Enterprises, exists)
	}
	return nil
}

func (im *importer) writeAlliances(ctx context.Context) error {
	for i := range im.doc.Alliances {
		if im.skip("alliances", i) {
			continue
		}
		a := im.doc.Alliances[i]
		old, exists := im.old.alliances[a.Slug]
		im.complete(&a.Publication, oldPublication(exists, &old.Publication))
		keepLinks(&a.Brands, old.Brands)
		if exists && same(old, a) {
			im.report.Alliances.Unchanged++
			continue
		}
		add, remove := linkDiff(old.Brands, a.Brands, im.ids.brands)
		var lead *int
		if id, ok := im.ids.enterprises[a.LeadEnterprise]; ok && a.LeadEnterprise != "" {
			lead = &id
		}
		var (
			row *ent.Alliance
			err error
		)
		if exists {
			u := im.tx.Alliance.UpdateOneID(im.ids.alliances[a.Slug]).
				SetStatus(a.Status).
				SetNameZh(a.NameZh).SetNameEn(a.NameEn).SetSummaryZh(a.SummaryZh).SetSummaryEn(a.SummaryEn).
				SetPurposeZh(a.PurposeZh).SetPurposeEn(a.PurposeEn).SetScope(alliance.Scope(a.Scope)).
				AddBrandIDs(add...).RemoveBrandIDs(remove...)
			setOrClear(a.PublishedAt.std(), u.SetPublishedAt, u.ClearPublishedAt)
			setOrClear(a.FoundedOn.std(), u.SetFoundedOn, u.ClearFoundedOn)
			setOrClear(lead, u.SetLeadEnterpriseID, u.ClearLeadEnterpriseID)
			row, err = u.Save(ctx)
		} else {
			row, err = im.tx.Alliance.Create().SetSlug(a.Slug).
				SetStatus(a.Status).SetNillablePublishedAt(a.PublishedAt.std()).SetNillableCreatedAt(a.CreatedAt.std()).
				SetNameZh(a.NameZh).SetNameEn(a.NameEn).SetSummaryZh(a.SummaryZh).SetSummaryEn(a.SummaryEn).
				SetPurposeZh(a.PurposeZh).SetPurposeEn(a.PurposeEn).SetScope(alliance.Scope(a.Scope)).
				SetNillableFoundedOn(a.FoundedOn.std()).SetNillableLeadEnterpriseID(lead).
				AddBrandIDs(add...).
				Save(ctx)
		}
		if ok, err := im.saved("alliances", i, a.Slug, err); err != nil || !ok {
			return err
		}
		im.ids.alliances[a.Slug] = row.ID
		count(&im.report.Alliances, exists)
	}
	return nil
}

func (im *importer) writeVenues(ctx context.Context) error {
	for i := range im.doc.Venues {
		if im.skip("venues", i) {
			continue
		}
		v := im.doc.Venues[i]
		old, exists := im.old.venues[v.Slug]
		im.complete(&v.Publication, oldPublication(exists, &old.Publication))
		keepLinks(&v.Brands, old.Brands)
		if exists && same(old, v) {
			im.report.Venues.Unchanged++
			continue
		}
		regionID, ok := im.ids.regions[v.RegionCode]
		if !ok {
			continue // the region failed to save; that is reported
		}
		add, remove := linkDiff(old.Brands, v.Brands, im.ids.brands)
		var (
			row *ent.Venue
			err error
		)
		if exists {
			u := im.tx.Venue.UpdateOneID(im.ids.venues[v.Slug]).
				SetStatus(v.Status).
				SetNameZh(v.NameZh).SetNameEn(v.NameEn).SetSummaryZh(v.SummaryZh).SetSummaryEn(v.SummaryEn).
				SetAddressZh(v.AddressZh).SetAddressEn(v.AddressEn).
				SetOpeningHoursZh(v.OpeningHoursZh).SetOpeningHoursEn(v.OpeningHoursEn).
				SetKind(venue.Kind(v.Kind)).SetLatitude(v.Latitude).SetLongitude(v.Longitude).
				SetPhone(v.Phone).SetWebsite(v.Website).SetRegionID(regionID).
				AddBrandIDs(add...).RemoveBrandIDs(remove...)
			setOrClear(v.PublishedAt.std(), u.SetPublishedAt, u.ClearPublishedAt)
			if v.Pictures == nil {
				u.ClearPictures()
			} else {
				u.SetPictures(v.Pictures)
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Venue.Create().SetSlug(v.Slug).
				SetStatus(v.Status).SetNillablePublishedAt(v.PublishedAt.std()).SetNillableCreatedAt(v.CreatedAt.std()).
				SetNameZh(v.NameZh).SetNameEn(v.NameEn).SetSummaryZh(v.SummaryZh).SetSummaryEn(v.SummaryEn).
				SetAddressZh(v.AddressZh).SetAddressEn(v.AddressEn).
				SetOpeningHoursZh(v.OpeningHoursZh).SetOpeningHoursEn(v.OpeningHoursEn).
				SetKind(venue.Kind(v.Kind)).SetLatitude(v.Latitude).SetLongitude(v.Longitude).
				SetPhone(v.Phone).SetWebsite(v.Website).SetRegionID(regionID).
				AddBrandIDs(add...)
			if v.Pictures != nil {
				c.SetPictures(v.Pictures)
			}
			row, err = c.Save(ctx)
		}
		if ok, err := im.saved("venues", i, v.Slug, err); err != nil || !ok {
			return err
		}
		im.ids.venues[v.Slug] = row.ID
		count(&im.report.Venues, exists)
	}
	return nil
}

func (im *importer) writeCoverage(ctx context.Context) error {
	for i := range im.doc.MediaCoverage {
		if im.skip("mediaCoverage", i) {
			continue
		}
		m := im.doc.MediaCoverage[i]
		old, exists := im.old.coverage[m.Slug]
		im.complete(&m.Publication, oldPublication(exists, &old.Publication))
		keepLinks(&m.Brands, old.Brands)
		keepLinks(&m.RoleModels, old.RoleModels)
		if exists && same(old, m) {
			im.report.MediaCoverage.Unchanged++
			continue
		}
		addB, removeB := linkDiff(old.Brands, m.Brands, im.ids.brands)
		addP, removeP := linkDiff(old.RoleModels, m.RoleModels, im.ids.roleModels)
		var (
			row *ent.MediaCoverage
			err error
		)
		if exists {
			u := im.tx.MediaCoverage.UpdateOneID(im.ids.coverage[m.Slug]).
				SetStatus(m.Status).
				SetTitleZh(m.TitleZh).SetTitleEn(m.TitleEn).SetSummaryZh(m.SummaryZh).SetSummaryEn(m.SummaryEn).
				SetBodyZh(m.BodyZh).SetBodyEn(m.BodyEn).SetOutlet(m.Outlet).SetMedium(mediacoverage.Medium(m.Medium)).
				SetPublishedOn(m.PublishedOn.Time).SetAuthor(m.Author).SetURL(m.URL).
				AddBrandIDs(addB...).RemoveBrandIDs(removeB...).
				AddRoleModelIDs(addP...).RemoveRoleModelIDs(removeP...)
			setOrClear(m.PublishedAt.std(), u.SetPublishedAt, u.ClearPublishedAt)
			row, err = u.Save(ctx)
		} else {
			row, err = im.tx.MediaCoverage.Create().SetSlug(m.Slug).
				SetStatus(m.Status).SetNillablePublishedAt(m.PublishedAt.std()).SetNillableCreatedAt(m.CreatedAt.std()).
				SetTitleZh(m.TitleZh).SetTitleEn(m.TitleEn).SetSummaryZh(m.SummaryZh).SetSummaryEn(m.SummaryEn).
				SetBodyZh(m.BodyZh).SetBodyEn(m.BodyEn).SetOutlet(m.Outlet).SetMedium(mediacoverage.Medium(m.Medium)).
				SetPublishedOn(m.PublishedOn.Time).SetAuthor(m.Author).SetURL(m.URL).
				AddBrandIDs(addB...).AddRoleModelIDs(addP...).
				Save(ctx)
		}
		if ok, err := im.saved("mediaCoverage", i, m.Slug, err); err != nil || !ok {
			return err
		}
		im.ids.coverage[m.Slug] = row.ID
		count(&im.report.MediaCoverage, exists)
	}
	return nil
}

// setOrClear sets an optional column, or clears it when v is nil. (Setting
// and clearing in one update would assign the column twice.)
func setOrClear[T, R any](v *T, set func(T) R, clear func() R) {
	if v == nil {
		clear()
		return
	}
	set(*v)
}
