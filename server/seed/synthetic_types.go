package seed

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/rolemodel"
	"brandshow/server/search"
)

// The generators of each content type, in the order Synthetic calls them.

func (g *synth) brands(ctx context.Context) error {
	n := g.sizes.Brands
	g.byPlace = map[int][]int{}
	// A few percent of brands are featured; some windows are over or not
	// yet open, as curators plan them.
	return g.batches(ctx, "brands", n, search.TypeBrand, func(ctx context.Context, tx *ent.Tx, from, to int) ([]int, error) {
		builders := make([]*ent.BrandCreate, 0, to-from)
		for i := from; i < to; i++ {
			r := g.r
			pi := r.IntN(len(g.places))
			p := g.places[pi]
			t := pick(r, synthTrades)
			person := pick(r, synthPersons)
			name := p.short + t.zh + person.zh
			g.brandOf = append(g.brandOf, synthBrand{name: name, industry: t.zh, category: t.category, place: pi})
			draft := g.draft()
			at := g.date()
			status, published := publication(draft, at)
			employed := int(math.Exp(5 + 3*r.Float64())) // 150 to 3,000, most small
			c := tx.Brand.Create().
				SetSlug(fmt.Sprintf("%sbrand-%d", SyntheticSlugPrefix, i+1)).
				SetNameZh(name).SetNameEn(p.en + " " + t.en + " " + person.en).
				SetSummaryZh("合成示例数据：" + g.sentence(p.short, t.zh)).
				SetStoryZh(g.text(600+r.IntN(1400), p.short, t.zh)).
				SetIndustryZh(t.zh).SetIndustryEn(t.en).
				SetRegionID(p.id).SetCategory(t.category).
				SetLevel(weighted(r, synthLevels, synthLevelsW)).
				SetInResourceLibrary(r.IntN(5) == 0).SetInGuidanceCatalogue(r.IntN(10) == 0).
				SetWorkersEmployed(employed).SetWorkersExported(employed * r.IntN(80) / 100).
				SetFoundedYear(1990 + r.IntN(35)).
				SetTrademarkCount(r.IntN(4)).SetPatentCount(r.IntN(3)).
				SetStatus(status).SetNillablePublishedAt(published).
				SetCreatedAt(at).SetUpdatedAt(at)
			if r.IntN(3) > 0 {
				c.SetCreditRating(pick(r, synthRatings))
			}
			if r.IntN(100) < 2 {
				c.SetFeatured(true).SetFeaturedRank(1 + r.IntN(1000))
				switch r.IntN(5) {
				case 0: // window over
					c.SetFeaturedFrom(synthEpoch).SetFeaturedUntil(synthEpoch.AddDate(2, 0, 0))
				case 1: // window not yet open
					c.SetFeaturedFrom(time.Date(2090, 1, 1, 0, 0, 0, 0, time.UTC))
				case 2: // open window
					c.SetFeaturedFrom(synthEpoch).SetFeaturedUntil(time.Date(2090, 1, 1, 0, 0, 0, 0, time.UTC))
				}
			}
			builders = append(builders, c)
		}
		created, err := tx.Brand.CreateBulk(builders...).Save(ctx)
		if err != nil {
			return nil, err
		}
		ids := make([]int, len(created))
		for k, e := range created {
			ids[k] = e.ID
		}
		for k, id := range ids {
			g.brandIDs = append(g.brandIDs, id)
			pi := g.brandOf[from+k].place
			g.byPlace[g.places[pi].id] = append(g.byPlace[g.places[pi].id], from+k)
		}
		g.res.Brands += len(ids)
		return ids, nil
	})
}

func (g *synth) roleModels(ctx context.Context) error {
	g.roleModelsOf = make([][]int, len(g.brandIDs))
	return g.batches(ctx, "role models", g.sizes.RoleModels, search.TypeRoleModel, func(ctx context.Context, tx *ent.Tx, from, to int) ([]int, error) {
		builders := make([]*ent.RoleModelCreate, 0, to-from)
		owners := make([]int, 0, to-from)
		for i := from; i < to; i++ {
			r := g.r
			// Every brand gets people in turn, then at random: most brands
			// have a handful, none has hundreds.
			bi := i % len(g.brandIDs)
			if i >= len(g.brandIDs) {
				bi = r.IntN(len(g.brandIDs))
			}
			b := g.brandOf[bi]
			p := g.places[b.place]
			kind := weighted(r, synthKinds, synthKindsW)
			name := g.personName()
			draft := g.draft()
			at := g.date()
			status, published := publication(draft, at)
			c := tx.RoleModel.Create().
				SetSlug(fmt.Sprintf("%sperson-%d", SyntheticSlugPrefix, i+1)).
				SetNameZh(name).SetKind(kind).
				SetTitleZh(b.name + "（示例人物）").
				SetBioZh(g.text(300+r.IntN(700), p.short, b.industry)).
				SetRegionID(p.id).AddBrandIDs(g.brandIDs[bi]).
				SetStatus(status).SetNillablePublishedAt(published).
				SetCreatedAt(at).SetUpdatedAt(at)
			if r.IntN(3) == 0 {
				c.SetHonoursZh([]string{pick(r, synthHonours)})
			}
			if kind == rolemodel.KindSKILL_MASTER {
				c.SetStudioZh(name + b.industry + "技能大师工作室")
			}
			if r.IntN(10) == 0 { // some belong to a second brand
				c.AddBrandIDs(g.brandIDs[r.IntN(len(g.brandIDs))])
			}
			builders = append(builders, c)
			owners = append(owners, bi)
		}
		created, err := tx.RoleModel.CreateBulk(builders...).Save(ctx)
		if err != nil {
			return nil, err
		}
		ids := make([]int, len(created))
		for k, e := range created {
			ids[k] = e.ID
		}
		for k, id := range ids {
			g.roleModelsOf[owners[k]] = append(g.roleModelsOf[owners[k]], id)
		}
		g.res.RoleModels += len(ids)
		return ids, nil
	})
}

func (g *synth) enterprises(ctx context.Context) error {
	return g.batches(ctx, "enterprises", g.sizes.Enterprises, search.TypeEnterprise, func(ctx context.Context, tx *ent.Tx, from, to int) ([]int, error) {
		builders := make([]*ent.EnterpriseCreate, 0, to-from)
		for i := from; i < to; i++ {
			r := g.r
			bi := r.IntN(len(g.brandIDs))
			b := g.brandOf[bi]
			p := g.places[b.place]
			at := g.date()
			status, published := publication(g.draft(), at)
			c := tx.Enterprise.Create().
				SetSlug(fmt.Sprintf("%senterprise-%d", SyntheticSlugPrefix, i+1)).
				SetNameZh(fmt.Sprintf("%s%s%s服务有限公司（示例）", p.short, pick(r, synthSurnames), b.industry)).
				SetSummaryZh("合成示例数据：" + g.sentence(p.short, b.industry)).
				SetRegionID(p.id).AddBrandIDs(g.brandIDs[bi]).
				SetStatus(status).SetNillablePublishedAt(published).
				SetCreatedAt(at).SetUpdatedAt(at)
			// More brands of the same place, when there are.
			for _, other := range g.byPlace[p.id] {
				if other != bi && r.IntN(4) == 0 {
					c.AddBrandIDs(g.brandIDs[other])
				}
			}
			if r.IntN(5) == 0 {
				c.SetProvincialLeading(true).SetRecognizedYear(2018 + r.IntN(7))
			}
			builders = append(builders, c)
		}
		created, err := tx.Enterprise.CreateBulk(builders...).Save(ctx)
		if err != nil {
			return nil, err
		}
		ids := make([]int, len(created))
		for k, e := range created {
			ids[k] = e.ID
		}
		g.enterpriseIDs = append(g.enterpriseIDs, ids...)
		g.res.Enterprises += len(ids)
		return ids, nil
	})
}

func (g *synth) alliances(ctx context.Context) error {
	return g.batches(ctx, "alliances", g.sizes.Alliances, search.TypeAlliance, func(ctx context.Context, tx *ent.Tx, from, to int) ([]int, error) {
		builders := make([]*ent.AllianceCreate, 0, to-from)
		for i := from; i < to; i++ {
			r := g.r
			b := g.brandOf[r.IntN(len(g.brandOf))]
			p := g.places[b.place]
			at := g.date()
			status, published := publication(g.draft(), at)
			c := tx.Alliance.Create().
				SetSlug(fmt.Sprintf("%salliance-%d", SyntheticSlugPrefix, i+1)).
				SetStatus(status).SetNillablePublishedAt(published).SetFoundedOn(at).
				SetCreatedAt(at).SetUpdatedAt(at)
			members := 3 + r.IntN(20)
			if r.IntN(2) == 0 { // an industry alliance: brands of one trade
				c.SetScope(alliance.ScopeINDUSTRY).SetNameZh(fmt.Sprintf("湖北%s劳务品牌联盟（示例%d）", b.industry, i+1))
				for k := 0; k < members*4 && members > 0; k++ {
					if oi := r.IntN(len(g.brandOf)); g.brandOf[oi].industry == b.industry {
						c.AddBrandIDs(g.brandIDs[oi])
						members--
					}
				}
			} else { // a regional alliance: brands of one place
				c.SetScope(alliance.ScopeREGION).SetNameZh(fmt.Sprintf("%s劳务品牌联盟（示例%d）", p.short, i+1))
				list := g.byPlace[p.id]
				for k := 0; k < members && k < len(list); k++ {
					c.AddBrandIDs(g.brandIDs[list[(k*7)%len(list)]])
				}
			}
			c.SetSummaryZh("合成示例数据：" + g.sentence(p.short, b.industry)).
				SetPurposeZh(g.text(300, p.short, b.industry))
			if len(g.enterpriseIDs) > 0 {
				c.SetLeadEnterpriseID(pick(r, g.enterpriseIDs))
			}
			builders = append(builders, c)
		}
		created, err := tx.Alliance.CreateBulk(builders...).Save(ctx)
		if err != nil {
			return nil, err
		}
		ids := make([]int, len(created))
		for k, e := range created {
			ids[k] = e.ID
		}
		g.res.Alliances += len(ids)
		return ids, nil
	})
}

func (g *synth) venues(ctx context.Context) error {
	return g.batches(ctx, "venues", g.sizes.Venues, search.TypeVenue, func(ctx context.Context, tx *ent.Tx, from, to int) ([]int, error) {
		builders := make([]*ent.VenueCreate, 0, to-from)
		for i := from; i < to; i++ {
			r := g.r
			bi := r.IntN(len(g.brandIDs))
			b := g.brandOf[bi]
			p := g.places[b.place]
			k := r.IntN(len(synthVenues))
			at := g.date()
			status, published := publication(g.draft(), at)
			// Within about 15 km of the seat of government.
			c := tx.Venue.Create().
				SetSlug(fmt.Sprintf("%svenue-%d", SyntheticSlugPrefix, i+1)).
				SetNameZh(fmt.Sprintf("%s%s%s（示例%d）", p.short, b.industry, synthVenueName[k], i+1)).
				SetSummaryZh("合成示例数据：" + g.sentence(p.short, b.industry)).
				SetAddressZh(fmt.Sprintf("%s%s路%d号（示例）", p.name, pick(r, synthGiven), 1+r.IntN(300))).
				SetOpeningHoursZh("周二至周日 9:00–17:00").
				SetKind(synthVenues[k]).
				SetLatitude(p.lat + (r.Float64()-0.5)*0.25).SetLongitude(p.lng + (r.Float64()-0.5)*0.25).
				SetRegionID(p.id).AddBrandIDs(g.brandIDs[bi]).
				SetStatus(status).SetNillablePublishedAt(published).
				SetCreatedAt(at).SetUpdatedAt(at)
			if list := g.byPlace[p.id]; len(list) > 1 && r.IntN(2) == 0 {
				if other := list[r.IntN(len(list))]; other != bi {
					c.AddBrandIDs(g.brandIDs[other])
				}
			}
			builders = append(builders, c)
		}
		created, err := tx.Venue.CreateBulk(builders...).Save(ctx)
		if err != nil {
			return nil, err
		}
		ids := make([]int, len(created))
		for k, e := range created {
			ids[k] = e.ID
		}
		g.res.Venues += len(ids)
		return ids, nil
	})
}

func (g *synth) coverage(ctx context.Context) error {
	if len(g.brandIDs) == 0 {
		return nil
	}
	// Zipf over a shuffled order of brands, so the most covered brands are
	// spread over regions and categories rather than the first created.
	g.coverageRank = g.r.Perm(len(g.brandIDs))
	zipf := rand.NewZipf(g.r, coverageZipfS, 1, uint64(len(g.brandIDs)-1))
	return g.batches(ctx, "coverage", g.sizes.Coverage, search.TypeMediaCoverage, func(ctx context.Context, tx *ent.Tx, from, to int) ([]int, error) {
		builders := make([]*ent.MediaCoverageCreate, 0, to-from)
		for i := from; i < to; i++ {
			r := g.r
			bi := g.coverageRank[zipf.Uint64()]
			b := g.brandOf[bi]
			p := g.places[b.place]
			on := g.date()
			status, published := publication(g.draft(), on)
			// Titles stay well under the 200-byte limit: name, place, two words.
			title := b.name + "：" + p.short + pick(r, synthPeople) + pick(r, synthFiller) + pick(r, synthCommon) + pick(r, synthCommon)
			c := tx.MediaCoverage.Create().
				SetSlug(fmt.Sprintf("%sreport-%d", SyntheticSlugPrefix, i+1)).
				SetTitleZh(title).
				SetSummaryZh(g.sentence(p.short, b.industry)).
				SetBodyZh(g.text(1000+r.IntN(4000), p.short, b.industry)).
				SetOutlet(pick(r, synthOutlets)).SetMedium(weighted(r, synthMedia, synthMediaW)).
				SetPublishedOn(on).SetAuthor(g.personName()).
				SetURL(fmt.Sprintf("https://example.com/synthetic/%d", i+1)).
				SetStatus(status).SetNillablePublishedAt(published).
				SetCreatedAt(on).SetUpdatedAt(on).
				AddBrandIDs(g.brandIDs[bi])
			if r.IntN(5) == 0 { // some reports are about two brands
				if other := g.coverageRank[zipf.Uint64()]; other != bi {
					c.AddBrandIDs(g.brandIDs[other])
				}
			}
			if people := g.roleModelsOf[bi]; len(people) > 0 && r.IntN(3) == 0 {
				c.AddRoleModelIDs(pick(r, people))
			}
			builders = append(builders, c)
		}
		created, err := tx.MediaCoverage.CreateBulk(builders...).Save(ctx)
		if err != nil {
			return nil, err
		}
		ids := make([]int, len(created))
		for k, e := range created {
			ids[k] = e.ID
		}
		g.res.Coverage += len(ids)
		return ids, nil
	})
}
