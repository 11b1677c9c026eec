package dataio

import (
	"context"
	"time"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/event"
	"brandshow/ent/figure"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
)

// The writers of each collection, in the order write calls them, and the
// setters their creates and updates share. This is the per-type part of the
// import that a generator driven by the ent schema would produce (see
// docs/contributors.md, "Adding a content type").

// writeRegions creates and updates the regions, parents first.
func (im *importer) writeRegions(ctx context.Context) error {
	order, _ := im.regionOrder()
	for _, i := range order {
		if im.skip("regions", i) {
			continue
		}
		r := im.doc.Regions[i]
		old, exists := im.old.regions[r.Code]
		if exists && (im.createOnly || same(old, r)) {
			im.report.Regions.Unchanged++
			continue
		}
		var (
			row *ent.Region
			err error
		)
		parent := im.optRegion(r.ParentCode)
		if exists {
			u := im.tx.Region.UpdateOneID(im.ids.regions[r.Code])
			setRegion(u.Mutation(), &r, parent)
			if im.invalidFields("regions", i, r.Code, u.Mutation()) {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Region.Create().SetCode(r.Code) // the code is the key: immutable
			setRegion(c.Mutation(), &r, parent)
			if im.invalidFields("regions", i, r.Code, c.Mutation()) {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("regions", i, r.Code, err)
		if err != nil {
			return err
		}
		if !written {
			continue // reported; the next records are checked too
		}
		im.ids.regions[r.Code] = row.ID
		count(&im.report.Regions, exists)
	}
	return nil
}

// setRegion sets the columns a region's create and update share.
func setRegion(m *ent.RegionMutation, r *Region, parentID *int) {
	m.SetLevel(region.Level(r.Level))
	m.SetNameZh(r.NameZh)
	m.SetNameEn(r.NameEn)
	setOrClear(r.Latitude, m.SetLatitude, m.ClearLatitude)
	setOrClear(r.Longitude, m.SetLongitude, m.ClearLongitude)
	setOrClear(parentID, m.SetParentID, m.ClearParentID)
}

func (im *importer) writeRoleModels(ctx context.Context) error {
	for i := range im.doc.RoleModels {
		if im.skip("roleModels", i) {
			continue
		}
		p := im.doc.RoleModels[i]
		old, exists := im.old.roleModels[p.Slug]
		im.complete(&p.Publication, oldPublication(exists, &old.Publication))
		if exists && (im.createOnly || same(old, p)) {
			im.report.RoleModels.Unchanged++
			continue
		}
		regionID := im.optRegion(p.RegionCode)
		var (
			row *ent.RoleModel
			err error
		)
		if exists {
			u := im.tx.RoleModel.UpdateOneID(im.ids.roleModels[p.Slug])
			setRoleModel(u.Mutation(), &p, regionID)
			if im.invalidFields("roleModels", i, p.Slug, u.Mutation()) {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.RoleModel.Create().SetSlug(p.Slug).SetNillableCreatedAt(p.CreatedAt.std())
			setRoleModel(c.Mutation(), &p, regionID)
			if im.invalidFields("roleModels", i, p.Slug, c.Mutation()) {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("roleModels", i, p.Slug, err)
		if err != nil {
			return err
		}
		if !written {
			continue // reported; the next records are checked too
		}
		im.ids.roleModels[p.Slug] = row.ID
		count(&im.report.RoleModels, exists)
	}
	return nil
}

// setRoleModel sets the columns a role model's create and update share.
func setRoleModel(m *ent.RoleModelMutation, p *RoleModel, regionID *int) {
	setPublication(m, &p.Publication)
	m.SetNameZh(p.NameZh)
	m.SetNameEn(p.NameEn)
	m.SetTitleZh(p.TitleZh)
	m.SetTitleEn(p.TitleEn)
	m.SetBioZh(p.BioZh)
	m.SetBioEn(p.BioEn)
	m.SetKind(rolemodel.Kind(p.Kind))
	m.SetStudioZh(p.StudioZh)
	m.SetStudioEn(p.StudioEn)
	setOrClear(regionID, m.SetRegionID, m.ClearRegionID)
	setOrClearList(p.HonoursZh, m.SetHonoursZh, m.ClearHonoursZh)
	setOrClearList(p.HonoursEn, m.SetHonoursEn, m.ClearHonoursEn)
	setOrClearRef(p.Portrait, m.SetPortrait, m.ClearPortrait)
}

func oldPublication(exists bool, p *Publication) *Publication {
	if !exists {
		return nil
	}
	return p
}

// publicationMutation is the mutation of a content type, for the columns
// of Publication that create and update share. The others, slug and
// creation time, are immutable: only the create paths set them (a missing
// creation time is left to the column's default, now).
type publicationMutation interface {
	SetStatus(schematype.Status)
	SetPublishedAt(time.Time)
	ClearPublishedAt()
	SetPublishAt(time.Time)
	ClearPublishAt()
	SetUnpublishAt(time.Time)
	ClearUnpublishAt()
}

func setPublication(m publicationMutation, p *Publication) {
	m.SetStatus(p.Status)
	setOrClear(p.PublishedAt.std(), m.SetPublishedAt, m.ClearPublishedAt)
	setOrClear(p.PublishAt.std(), m.SetPublishAt, m.ClearPublishAt)
	setOrClear(p.UnpublishAt.std(), m.SetUnpublishAt, m.ClearUnpublishAt)
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
		badWorkers := im.invalidWorkers(i, &b)
		// The workers numbers of a metric the file has figures of for the
		// brand are those figures' (writeBrandWorkers).
		rest := b
		if im.figuresInFile()[b.Slug+" "+string(figure.MetricWORKERS_EMPLOYED)] {
			rest.WorkersEmployed = old.WorkersEmployed
		}
		if im.figuresInFile()[b.Slug+" "+string(figure.MetricWORKERS_EXPORTED)] {
			rest.WorkersExported = old.WorkersExported
		}
		if exists && (im.createOnly || same(old, rest)) {
			if badWorkers {
				continue
			}
			im.report.Brands.Unchanged++
			continue
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
				AddRoleModelIDs(add...).RemoveRoleModelIDs(remove...)
			setBrand(u.Mutation(), &b, regionID)
			if im.invalidFields("brands", i, b.Slug, u.Mutation()) || badWorkers {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			// Only a create sets the slug and creation time; it has no links to remove.
			c := im.tx.Brand.Create().SetSlug(b.Slug).SetNillableCreatedAt(b.CreatedAt.std()).
				AddRoleModelIDs(add...)
			setBrand(c.Mutation(), &b, regionID)
			if im.invalidFields("brands", i, b.Slug, c.Mutation()) || badWorkers {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("brands", i, b.Slug, err)
		if err != nil {
			return err
		}
		if !written {
			continue // reported; the next records are checked too
		}
		im.ids.brands[b.Slug] = row.ID
		count(&im.report.Brands, exists)
	}
	return nil
}

// setBrand sets the columns a brand's create and update share.
func setBrand(m *ent.BrandMutation, b *Brand, regionID int) {
	var rating *brand.CreditRating
	if b.CreditRating != "" {
		r := brand.CreditRating(b.CreditRating)
		rating = &r
	}
	setPublication(m, &b.Publication)
	m.SetNameZh(b.NameZh)
	m.SetNameEn(b.NameEn)
	m.SetSummaryZh(b.SummaryZh)
	m.SetSummaryEn(b.SummaryEn)
	m.SetStoryZh(b.StoryZh)
	m.SetStoryEn(b.StoryEn)
	m.SetIndustryZh(b.IndustryZh)
	m.SetIndustryEn(b.IndustryEn)
	m.SetRegionID(regionID)
	m.SetCategory(brand.Category(b.Category))
	m.SetLevel(brand.Level(b.Level))
	m.SetInResourceLibrary(b.InResourceLibrary)
	m.SetInGuidanceCatalogue(b.InGuidanceCatalogue)
	setOrClear(b.FoundedYear, m.SetFoundedYear, m.ClearFoundedYear)
	m.SetTrademarkCount(b.TrademarkCount)
	m.SetPatentCount(b.PatentCount)
	setOrClear(rating, m.SetCreditRating, m.ClearCreditRating)
	setOrClearRef(b.Logo, m.SetLogo, m.ClearLogo)
	setOrClearList(b.Pictures, m.SetPictures, m.ClearPictures)
	m.SetFeatured(b.Featured)
	m.SetFeaturedRank(b.FeaturedRank)
	setOrClear(b.FeaturedFrom.std(), m.SetFeaturedFrom, m.ClearFeaturedFrom)
	setOrClear(b.FeaturedUntil.std(), m.SetFeaturedUntil, m.ClearFeaturedUntil)
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
		if exists && (im.createOnly || same(old, e)) {
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
				AddBrandIDs(add...).RemoveBrandIDs(remove...)
			setEnterprise(u.Mutation(), &e, regionID)
			if im.invalidFields("enterprises", i, e.Slug, u.Mutation()) {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Enterprise.Create().SetSlug(e.Slug).SetNillableCreatedAt(e.CreatedAt.std()).
				AddBrandIDs(add...)
			setEnterprise(c.Mutation(), &e, regionID)
			if im.invalidFields("enterprises", i, e.Slug, c.Mutation()) {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("enterprises", i, e.Slug, err)
		if err != nil {
			return err
		}
		if !written {
			continue // reported; the next records are checked too
		}
		im.ids.enterprises[e.Slug] = row.ID
		count(&im.report.Enterprises, exists)
	}
	return nil
}

// setEnterprise sets the columns an enterprise's create and update share.
func setEnterprise(m *ent.EnterpriseMutation, e *Enterprise, regionID *int) {
	setPublication(m, &e.Publication)
	m.SetNameZh(e.NameZh)
	m.SetNameEn(e.NameEn)
	m.SetSummaryZh(e.SummaryZh)
	m.SetSummaryEn(e.SummaryEn)
	m.SetProvincialLeading(e.ProvincialLeading)
	setOrClear(e.RecognizedYear, m.SetRecognizedYear, m.ClearRecognizedYear)
	m.SetWebsite(e.Website)
	setOrClearRef(e.Logo, m.SetLogo, m.ClearLogo)
	setOrClear(regionID, m.SetRegionID, m.ClearRegionID)
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
		if exists && (im.createOnly || same(old, a)) {
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
				AddBrandIDs(add...).RemoveBrandIDs(remove...)
			setAlliance(u.Mutation(), &a, lead)
			if im.invalidFields("alliances", i, a.Slug, u.Mutation()) {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Alliance.Create().SetSlug(a.Slug).SetNillableCreatedAt(a.CreatedAt.std()).
				AddBrandIDs(add...)
			setAlliance(c.Mutation(), &a, lead)
			if im.invalidFields("alliances", i, a.Slug, c.Mutation()) {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("alliances", i, a.Slug, err)
		if err != nil {
			return err
		}
		if !written {
			continue // reported; the next records are checked too
		}
		im.ids.alliances[a.Slug] = row.ID
		count(&im.report.Alliances, exists)
	}
	return nil
}

// setAlliance sets the columns an alliance's create and update share.
func setAlliance(m *ent.AllianceMutation, a *Alliance, leadID *int) {
	setPublication(m, &a.Publication)
	m.SetNameZh(a.NameZh)
	m.SetNameEn(a.NameEn)
	m.SetSummaryZh(a.SummaryZh)
	m.SetSummaryEn(a.SummaryEn)
	m.SetPurposeZh(a.PurposeZh)
	m.SetPurposeEn(a.PurposeEn)
	m.SetScope(alliance.Scope(a.Scope))
	setOrClear(a.FoundedOn.std(), m.SetFoundedOn, m.ClearFoundedOn)
	setOrClear(leadID, m.SetLeadEnterpriseID, m.ClearLeadEnterpriseID)
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
		if exists && (im.createOnly || same(old, v)) {
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
				AddBrandIDs(add...).RemoveBrandIDs(remove...)
			setVenue(u.Mutation(), &v, regionID)
			if im.invalidFields("venues", i, v.Slug, u.Mutation()) {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Venue.Create().SetSlug(v.Slug).SetNillableCreatedAt(v.CreatedAt.std()).
				AddBrandIDs(add...)
			setVenue(c.Mutation(), &v, regionID)
			if im.invalidFields("venues", i, v.Slug, c.Mutation()) {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("venues", i, v.Slug, err)
		if err != nil {
			return err
		}
		if !written {
			continue // reported; the next records are checked too
		}
		im.ids.venues[v.Slug] = row.ID
		count(&im.report.Venues, exists)
	}
	return nil
}

// setVenue sets the columns a venue's create and update share.
func setVenue(m *ent.VenueMutation, v *Venue, regionID int) {
	setPublication(m, &v.Publication)
	m.SetNameZh(v.NameZh)
	m.SetNameEn(v.NameEn)
	m.SetSummaryZh(v.SummaryZh)
	m.SetSummaryEn(v.SummaryEn)
	m.SetAddressZh(v.AddressZh)
	m.SetAddressEn(v.AddressEn)
	m.SetOpeningHoursZh(v.OpeningHoursZh)
	m.SetOpeningHoursEn(v.OpeningHoursEn)
	m.SetKind(venue.Kind(v.Kind))
	m.SetLatitude(v.Latitude)
	m.SetLongitude(v.Longitude)
	m.SetPhone(v.Phone)
	m.SetWebsite(v.Website)
	setOrClearList(v.Pictures, m.SetPictures, m.ClearPictures)
	m.SetRegionID(regionID)
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
		if exists && (im.createOnly || same(old, m)) {
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
				AddBrandIDs(addB...).RemoveBrandIDs(removeB...).
				AddRoleModelIDs(addP...).RemoveRoleModelIDs(removeP...)
			setCoverage(u.Mutation(), &m)
			if im.invalidFields("mediaCoverage", i, m.Slug, u.Mutation()) {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.MediaCoverage.Create().SetSlug(m.Slug).SetNillableCreatedAt(m.CreatedAt.std()).
				AddBrandIDs(addB...).AddRoleModelIDs(addP...)
			setCoverage(c.Mutation(), &m)
			if im.invalidFields("mediaCoverage", i, m.Slug, c.Mutation()) {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("mediaCoverage", i, m.Slug, err)
		if err != nil {
			return err
		}
		if !written {
			continue // reported; the next records are checked too
		}
		im.ids.coverage[m.Slug] = row.ID
		count(&im.report.MediaCoverage, exists)
	}
	return nil
}

// setCoverage sets the columns a media coverage's create and update share.
func setCoverage(m *ent.MediaCoverageMutation, c *MediaCoverage) {
	setPublication(m, &c.Publication)
	m.SetTitleZh(c.TitleZh)
	m.SetTitleEn(c.TitleEn)
	m.SetSummaryZh(c.SummaryZh)
	m.SetSummaryEn(c.SummaryEn)
	m.SetBodyZh(c.BodyZh)
	m.SetBodyEn(c.BodyEn)
	m.SetOutlet(c.Outlet)
	m.SetMedium(mediacoverage.Medium(c.Medium))
	m.SetPublishedOn(c.PublishedOn.Time)
	m.SetAuthor(c.Author)
	m.SetURL(c.URL)
	m.SetVideoURL(c.VideoURL)
	setOrClearRef(c.Image, m.SetImage, m.ClearImage)
	setOrClearRef(c.Poster, m.SetPoster, m.ClearPoster)
}

func (im *importer) writeEvents(ctx context.Context) error {
	for i := range im.doc.Events {
		if im.skip("events", i) {
			continue
		}
		e := im.doc.Events[i]
		old, exists := im.old.events[e.Slug]
		im.complete(&e.Publication, oldPublication(exists, &old.Publication))
		keepLinks(&e.Brands, old.Brands)
		keepLinks(&e.RoleModels, old.RoleModels)
		keepLinks(&e.MediaCoverage, old.MediaCoverage)
		if exists && (im.createOnly || same(old, e)) {
			im.report.Events.Unchanged++
			continue
		}
		regionID, ok := im.ids.regions[e.RegionCode]
		if !ok {
			continue // the region failed to save; that is reported
		}
		var venueID *int
		if e.Venue != "" {
			id, ok := im.ids.venues[e.Venue]
			if !ok {
				continue // the venue failed to save; that is reported
			}
			venueID = &id
		}
		addB, removeB := linkDiff(old.Brands, e.Brands, im.ids.brands)
		addP, removeP := linkDiff(old.RoleModels, e.RoleModels, im.ids.roleModels)
		addC, removeC := linkDiff(old.MediaCoverage, e.MediaCoverage, im.ids.coverage)
		var (
			row *ent.Event
			err error
		)
		if exists {
			u := im.tx.Event.UpdateOneID(im.ids.events[e.Slug]).
				AddBrandIDs(addB...).RemoveBrandIDs(removeB...).
				AddRoleModelIDs(addP...).RemoveRoleModelIDs(removeP...).
				AddMediaCoverageIDs(addC...).RemoveMediaCoverageIDs(removeC...)
			setEvent(u.Mutation(), &e, regionID, venueID)
			if im.invalidFields("events", i, e.Slug, u.Mutation()) {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Event.Create().SetSlug(e.Slug).SetNillableCreatedAt(e.CreatedAt.std()).
				AddBrandIDs(addB...).AddRoleModelIDs(addP...).AddMediaCoverageIDs(addC...)
			setEvent(c.Mutation(), &e, regionID, venueID)
			if im.invalidFields("events", i, e.Slug, c.Mutation()) {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("events", i, e.Slug, err)
		if err != nil {
			return err
		}
		if !written {
			continue // reported; the next records are checked too
		}
		im.ids.events[e.Slug] = row.ID
		count(&im.report.Events, exists)
	}
	return nil
}

// setEvent sets the columns an event's create and update share.
func setEvent(m *ent.EventMutation, e *Event, regionID int, venueID *int) {
	setPublication(m, &e.Publication)
	m.SetKind(event.Kind(e.Kind))
	m.SetTitleZh(e.TitleZh)
	m.SetTitleEn(e.TitleEn)
	m.SetSummaryZh(e.SummaryZh)
	m.SetSummaryEn(e.SummaryEn)
	m.SetDescriptionZh(e.DescriptionZh)
	m.SetDescriptionEn(e.DescriptionEn)
	m.SetStartsAt(e.StartsAt.Time)
	setOrClear(e.EndsAt.std(), m.SetEndsAt, m.ClearEndsAt)
	m.SetAllDay(e.AllDay)
	m.SetCancelled(e.Cancelled)
	m.SetAddressZh(e.AddressZh)
	m.SetAddressEn(e.AddressEn)
	m.SetOrganiserZh(e.OrganiserZh)
	m.SetOrganiserEn(e.OrganiserEn)
	setOrClear(e.Latitude, m.SetLatitude, m.ClearLatitude)
	setOrClear(e.Longitude, m.SetLongitude, m.ClearLongitude)
	m.SetRegistrationURL(e.RegistrationURL)
	setOrClearList(e.Pictures, m.SetPictures, m.ClearPictures)
	m.SetRegionID(regionID)
	setOrClear(venueID, m.SetVenueID, m.ClearVenueID)
}

// setOrClear writes an optional (nillable) column through the mutation a
// create and an update share: the value, or NULL when the record has none.
// An update clears the column. On a create the clear only marks the field
// cleared, which nothing reads: ent's createSpec inserts the values the
// mutation holds and ignores cleared fields, a default still applies
// (defaults() looks at values only), and the hooks (audit log, search
// index, picture check) look at values, not at cleared fields; so the row
// is created exactly as with SetNillableX(nil), which sets nothing.
// (Setting and clearing one column would assign it twice, hence either.)
func setOrClear[T any](v *T, set func(T), clear func()) {
	if v == nil {
		clear()
		return
	}
	set(*v)
}

// setOrClearRef is setOrClear for a JSON object column (a picture).
func setOrClearRef[T any](v *T, set func(*T), clear func()) {
	if v == nil {
		clear()
		return
	}
	set(v)
}

// setOrClearList is setOrClear for a JSON list column: nil is NULL, an
// empty list is stored as one.
func setOrClearList[E any](v []E, set func([]E), clear func()) {
	if v == nil {
		clear()
		return
	}
	set(v)
}

// invalidWorkers reports a brand record's workers numbers that break the
// columns' rules, whether or not they are written. They are never written
// through the brand, which would make them figures before the file's own
// figures of the same year: writeBrandWorkers writes them after those.
func (im *importer) invalidWorkers(i int, b *Brand) bool {
	bad := false
	for name, v := range map[string]int{brand.FieldWorkersEmployed: b.WorkersEmployed, brand.FieldWorkersExported: b.WorkersExported} {
		for _, fn := range fieldValidators[ent.TypeBrand][name] {
			if err := callValidator(fn, v); err != nil {
				im.problem("brands", i, b.Slug, camel(name), "%s", err.Error())
				bad = true
				break
			}
		}
	}
	return bad
}
