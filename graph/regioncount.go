package graph

import (
	"context"
	"sync"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/region"
)

// regionCounts computes, once per operation, the number of published brands
// in every region including the regions below it. A page that lists all 17
// prefectures with their brandCount costs two statements, not seventeen.
type regionCounts struct {
	once   sync.Once
	counts map[int]int
	err    error
}

type regionCountsKey struct{}

// withRegionCounts gives an operation its own (empty) count cache.
func withRegionCounts(ctx context.Context) context.Context {
	return context.WithValue(ctx, regionCountsKey{}, &regionCounts{})
}

// RegionBrandCount returns the published brands of a region and its
// descendants.
func RegionBrandCount(ctx context.Context, client *ent.Client, regionID int) (int, error) {
	rc, ok := ctx.Value(regionCountsKey{}).(*regionCounts)
	if !ok {
		rc = &regionCounts{}
	}
	rc.once.Do(func() { rc.counts, rc.err = countBrandsByRegionTree(ctx, client) })
	return rc.counts[regionID], rc.err
}

// countBrandsByRegionTree counts published brands per region and adds each
// count to every ancestor of the region.
func countBrandsByRegionTree(ctx context.Context, client *ent.Client) (map[int]int, error) {
	var direct []struct {
		RegionID int `json:"region_id"`
		Count    int `json:"count"`
	}
	if err := client.Brand.Query().GroupBy(brand.FieldRegionID).Aggregate(ent.Count()).Scan(ctx, &direct); err != nil {
		return nil, err
	}
	parents, err := regionParents(ctx, client)
	if err != nil {
		return nil, err
	}
	counts := make(map[int]int, len(parents))
	for _, d := range direct {
		for id, hops := d.RegionID, 0; id != 0 && hops < 8; id, hops = parents[id], hops+1 {
			counts[id] += d.Count
		}
	}
	return counts, nil
}

// regionParents maps every region ID to its parent's ID (0 for the root).
func regionParents(ctx context.Context, client *ent.Client) (map[int]int, error) {
	regions, err := client.Region.Query().Select(region.FieldID, region.FieldParentID).All(ctx)
	if err != nil {
		return nil, err
	}
	parents := make(map[int]int, len(regions))
	for _, r := range regions {
		if r.ParentID != nil {
			parents[r.ID] = *r.ParentID
		} else {
			parents[r.ID] = 0
		}
	}
	return parents, nil
}
