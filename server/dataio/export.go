package dataio

import (
	"context"
	"fmt"
	"slices"
	"time"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/enterprise"
	"brandshow/ent/event"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"
)

// Export reads every item, drafts included, into a document sorted by slug
// (regions by code), with references as sorted slug lists. It runs a fixed
// number of queries whatever the amount of content.
func Export(ctx context.Context, client *ent.Client) (*Document, error) {
	ctx = visibility.WithDrafts(ctx)
	doc := &Document{Format: FormatVersion}
	regions, err := client.Region.Query().Order(region.ByCode()).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export regions: %w", err)
	}
	codes := make(map[int]string, len(regions))
	for _, r := range regions {
		codes[r.ID] = r.Code
	}
	codeOf := func(id *int) string {
		if id == nil {
			return ""
		}
		return codes[*id]
	}
	doc.Regions = make([]Region, 0, len(regions))
	for _, r := range regions {
		doc.Regions = append(doc.Regions, Region{
			Code: r.Code, ParentCode: codeOf(r.ParentID), Level: r.Level.String(),
			NameZh: r.NameZh, NameEn: r.NameEn, Latitude: r.Latitude, Longitude: r.Longitude,
		})
	}

	brands, err := client.Brand.Query().Order(brand.BySlug()).
		WithRoleModels(func(q *ent.RoleModelQuery) { q.Select(rolemodel.FieldSlug) }).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export brands: %w", err)
	}
	doc.Brands = make([]Brand, 0, len(brands))
	for _, b := range brands {
		doc.Brands = append(doc.Brands, brandRecord(b, codes[b.RegionID]))
	}

	people, err := client.RoleModel.Query().Order(rolemodel.BySlug()).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export role models: %w", err)
	}
	doc.RoleModels = make([]RoleModel, 0, len(people))
	for _, p := range people {
		doc.RoleModels = append(doc.RoleModels, RoleModel{
			Publication: publication(p.Slug, p.Status, p.PublishedAt, p.CreatedAt, p.PublishAt, p.UnpublishAt),
			NameZh:      p.NameZh, NameEn: p.NameEn, TitleZh: p.TitleZh, TitleEn: p.TitleEn,
			BioZh: p.BioZh, BioEn: p.BioEn, Kind: p.Kind.String(),
			HonoursZh: p.HonoursZh, HonoursEn: p.HonoursEn, StudioZh: p.StudioZh, StudioEn: p.StudioEn,
			Portrait: p.Portrait, RegionCode: codeOf(p.RegionID),
		})
	}

	enterprises, err := client.Enterprise.Query().Order(enterprise.BySlug()).
		WithBrands(func(q *ent.BrandQuery) { q.Select(brand.FieldSlug) }).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export enterprises: %w", err)
	}
	enterpriseSlugs := make(map[int]string, len(enterprises))
	doc.Enterprises = make([]Enterprise, 0, len(enterprises))
	for _, e := range enterprises {
		enterpriseSlugs[e.ID] = e.Slug
		doc.Enterprises = append(doc.Enterprises, Enterprise{
			Publication: publication(e.Slug, e.Status, e.PublishedAt, e.CreatedAt, e.PublishAt, e.UnpublishAt),
			NameZh:      e.NameZh, NameEn: e.NameEn, SummaryZh: e.SummaryZh, SummaryEn: e.SummaryEn,
			ProvincialLeading: e.ProvincialLeading, RecognizedYear: e.RecognizedYear,
			Website: e.Website, Logo: e.Logo, RegionCode: codeOf(e.RegionID),
			Brands: brandSlugs(e.Edges.Brands),
		})
	}

	alliances, err := client.Alliance.Query().Order(alliance.BySlug()).
		WithBrands(func(q *ent.BrandQuery) { q.Select(brand.FieldSlug) }).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export alliances: %w", err)
	}
	doc.Alliances = make([]Alliance, 0, len(alliances))
	for _, a := range alliances {
		lead := ""
		if a.LeadEnterpriseID != nil {
			lead = enterpriseSlugs[*a.LeadEnterpriseID]
		}
		doc.Alliances = append(doc.Alliances, Alliance{
			Publication: publication(a.Slug, a.Status, a.PublishedAt, a.CreatedAt, a.PublishAt, a.UnpublishAt),
			NameZh:      a.NameZh, NameEn: a.NameEn, SummaryZh: a.SummaryZh, SummaryEn: a.SummaryEn,
			PurposeZh: a.PurposeZh, PurposeEn: a.PurposeEn, Scope: a.Scope.String(),
			FoundedOn: timePtr(a.FoundedOn), LeadEnterprise: lead, Brands: brandSlugs(a.Edges.Brands),
		})
	}

	venues, err := client.Venue.Query().Order(venue.BySlug()).
		WithBrands(func(q *ent.BrandQuery) { q.Select(brand.FieldSlug) }).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export venues: %w", err)
	}
	doc.Venues = make([]Venue, 0, len(venues))
	for _, v := range venues {
		doc.Venues = append(doc.Venues, Venue{
			Publication: publication(v.Slug, v.Status, v.PublishedAt, v.CreatedAt, v.PublishAt, v.UnpublishAt),
			NameZh:      v.NameZh, NameEn: v.NameEn, SummaryZh: v.SummaryZh, SummaryEn: v.SummaryEn,
			AddressZh: v.AddressZh, AddressEn: v.AddressEn,
			OpeningHoursZh: v.OpeningHoursZh, OpeningHoursEn: v.OpeningHoursEn,
			Kind: v.Kind.String(), Latitude: v.Latitude, Longitude: v.Longitude,
			Phone: v.Phone, Website: v.Website, Pictures: v.Pictures, RegionCode: codes[v.RegionID],
			Brands: brandSlugs(v.Edges.Brands),
		})
	}

	coverage, err := client.MediaCoverage.Query().Order(mediacoverage.BySlug()).
		WithBrands(func(q *ent.BrandQuery) { q.Select(brand.FieldSlug) }).
		WithRoleModels(func(q *ent.RoleModelQuery) { q.Select(rolemodel.FieldSlug) }).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export media coverage: %w", err)
	}
	doc.MediaCoverage = make([]MediaCoverage, 0, len(coverage))
	for _, c := range coverage {
		people := make([]string, 0, len(c.Edges.RoleModels))
		for _, p := range c.Edges.RoleModels {
			people = append(people, p.Slug)
		}
		slices.Sort(people)
		doc.MediaCoverage = append(doc.MediaCoverage, MediaCoverage{
			Publication: publication(c.Slug, c.Status, c.PublishedAt, c.CreatedAt, c.PublishAt, c.UnpublishAt),
			TitleZh:     c.TitleZh, TitleEn: c.TitleEn, SummaryZh: c.SummaryZh, SummaryEn: c.SummaryEn,
			BodyZh: c.BodyZh, BodyEn: c.BodyEn, Outlet: c.Outlet, Medium: c.Medium.String(),
			PublishedOn: NewTime(c.PublishedOn), Author: c.Author, URL: c.URL,
			Image: c.Image, VideoURL: c.VideoURL, Poster: c.Poster,
			Brands: brandSlugs(c.Edges.Brands), RoleModels: people,
		})
	}

	events, err := client.Event.Query().Order(event.BySlug()).
		WithBrands(func(q *ent.BrandQuery) { q.Select(brand.FieldSlug) }).
		WithRoleModels(func(q *ent.RoleModelQuery) { q.Select(rolemodel.FieldSlug) }).
		WithMediaCoverages(func(q *ent.MediaCoverageQuery) { q.Select(mediacoverage.FieldSlug) }).
		WithVenue(func(q *ent.VenueQuery) { q.Select(venue.FieldSlug) }).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export events: %w", err)
	}
	doc.Events = make([]Event, 0, len(events))
	for _, e := range events {
		people := make([]string, 0, len(e.Edges.RoleModels))
		for _, p := range e.Edges.RoleModels {
			people = append(people, p.Slug)
		}
		slices.Sort(people)
		reports := make([]string, 0, len(e.Edges.MediaCoverages))
		for _, m := range e.Edges.MediaCoverages {
			reports = append(reports, m.Slug)
		}
		slices.Sort(reports)
		venueSlug := ""
		if e.Edges.Venue != nil {
			venueSlug = e.Edges.Venue.Slug
		}
		doc.Events = append(doc.Events, Event{
			Publication: publication(e.Slug, e.Status, e.PublishedAt, e.CreatedAt, e.PublishAt, e.UnpublishAt),
			Kind:        e.Kind.String(), TitleZh: e.TitleZh, TitleEn: e.TitleEn,
			SummaryZh: e.SummaryZh, SummaryEn: e.SummaryEn, DescriptionZh: e.DescriptionZh, DescriptionEn: e.DescriptionEn,
			StartsAt: NewTime(e.StartsAt), EndsAt: timePtr(e.EndsAt), AllDay: e.AllDay, Cancelled: e.Cancelled,
			AddressZh: e.AddressZh, AddressEn: e.AddressEn, OrganiserZh: e.OrganiserZh, OrganiserEn: e.OrganiserEn,
			Latitude: e.Latitude, Longitude: e.Longitude, RegistrationURL: e.RegistrationURL, Pictures: e.Pictures,
			RegionCode: codes[e.RegionID], Venue: venueSlug,
			Brands: brandSlugs(e.Edges.Brands), RoleModels: people, MediaCoverage: reports,
		})
	}
	if doc.Recognitions, err = exportRecognitions(ctx, client); err != nil {
		return nil, err
	}
	if doc.Figures, err = exportFigures(ctx, client); err != nil {
		return nil, err
	}
	return doc, nil
}

func brandRecord(b *ent.Brand, regionCode string) Brand {
	rating := ""
	if b.CreditRating != nil {
		rating = b.CreditRating.String()
	}
	people := make([]string, 0, len(b.Edges.RoleModels))
	for _, p := range b.Edges.RoleModels {
		people = append(people, p.Slug)
	}
	slices.Sort(people)
	return Brand{
		Publication: publication(b.Slug, b.Status, b.PublishedAt, b.CreatedAt, b.PublishAt, b.UnpublishAt),
		NameZh:      b.NameZh, NameEn: b.NameEn, SummaryZh: b.SummaryZh, SummaryEn: b.SummaryEn,
		StoryZh: b.StoryZh, StoryEn: b.StoryEn, IndustryZh: b.IndustryZh, IndustryEn: b.IndustryEn,
		RegionCode: regionCode, Category: b.Category.String(), Level: b.Level.String(),
		InResourceLibrary: b.InResourceLibrary, InGuidanceCatalogue: b.InGuidanceCatalogue,
		WorkersEmployed: b.WorkersEmployed, WorkersExported: b.WorkersExported,
		FoundedYear: b.FoundedYear, TrademarkCount: b.TrademarkCount, PatentCount: b.PatentCount,
		CreditRating: rating, Logo: b.Logo, Pictures: b.Pictures,
		Featured: b.Featured, FeaturedRank: b.FeaturedRank,
		FeaturedFrom: timePtr(b.FeaturedFrom), FeaturedUntil: timePtr(b.FeaturedUntil),
		RoleModels: people,
	}
}

func publication(slug string, status schematype.Status, publishedAt *time.Time, createdAt time.Time, publishAt, unpublishAt *time.Time) Publication {
	created := NewTime(createdAt)
	return Publication{
		Slug: slug, Status: status,
		PublishedAt: timePtr(publishedAt), CreatedAt: &created,
		PublishAt: timePtr(publishAt), UnpublishAt: timePtr(unpublishAt),
	}
}

func brandSlugs(brands []*ent.Brand) []string {
	out := make([]string, 0, len(brands))
	for _, b := range brands {
		out = append(out, b.Slug)
	}
	slices.Sort(out)
	return out
}
