package graph

import (
	"context"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/predicate"
	"brandshow/ent/region"
)

// DefaultFeaturedCount is featuredBrands' first when not given.
const DefaultFeaturedCount = 12

// FeaturedBrands returns the brands curators feature at now: published
// (enforced by the ent interceptor), marked featured, inside their window
// (from inclusive, until exclusive), in rank order with ID as tie-breaker.
// A region code selects that region and every region below it.
func FeaturedBrands(ctx context.Context, client *ent.Client, now time.Time, first *int, category *brand.Category, regionCode *string) ([]*ent.Brand, error) {
	n := DefaultFeaturedCount
	if first != nil {
		n = *first
	}
	if n < 0 || n > MaxPageSize {
		return nil, userErrorf("first must be between 0 and %d, got %d", MaxPageSize, n)
	}
	q := client.Brand.Query().Where(
		brand.Featured(true),
		brand.Or(brand.FeaturedFromIsNil(), brand.FeaturedFromLTE(now)),
		brand.Or(brand.FeaturedUntilIsNil(), brand.FeaturedUntilGT(now)),
	)
	if category != nil {
		q.Where(brand.CategoryEQ(*category))
	}
	if regionCode != nil {
		q.Where(brand.HasRegionWith(regionOrBelow(*regionCode)))
	}
	q, err := q.Order(brand.ByFeaturedRank(), brand.ByID()).Limit(n).CollectFields(ctx)
	if err != nil {
		return nil, err
	}
	return q.All(ctx)
}

// regionOrBelow matches the region with the code and every region below it
// (Hubei's tree is three levels deep: province, prefecture, county).
func regionOrBelow(code string) predicate.Region {
	return region.Or(
		region.Code(code),
		region.HasParentWith(region.Code(code)),
		region.HasParentWith(region.HasParentWith(region.Code(code))),
	)
}
