package graph

import (
	"context"
	"math"
	"sort"

	"brandshow/ent"
	"brandshow/ent/venue"
)

const (
	// earthRadiusKm is the mean Earth radius (IUGG).
	earthRadiusKm = 6371.0088
	// MaxRadiusKm bounds venuesNear; Hubei is about 740 km wide.
	MaxRadiusKm = 500
	// DefaultVenuesNear is venuesNear's first when not given.
	DefaultVenuesNear = 20
)

// VenuesNear finds published venues within radiusKm of a point, nearest
// first. The database narrows the search with a bounding box on the indexed
// latitude/longitude columns; the exact great-circle distance, the radius
// test and the ordering are computed here in Go, so SQLite and PostgreSQL
// give byte-identical answers.
func VenuesNear(ctx context.Context, client *ent.Client, lat, lng, radiusKm float64, first *int) ([]*VenueDistance, error) {
	n := DefaultVenuesNear
	if first != nil {
		n = *first
	}
	switch {
	case math.IsNaN(lat) || lat < -90 || lat > 90:
		return nil, userErrorf("lat must be between -90 and 90, got %v", lat)
	case math.IsNaN(lng) || lng < -180 || lng > 180:
		return nil, userErrorf("lng must be between -180 and 180, got %v", lng)
	case math.IsNaN(radiusKm) || radiusKm <= 0 || radiusKm > MaxRadiusKm:
		return nil, userErrorf("radiusKm must be greater than 0 and at most %d, got %v", MaxRadiusKm, radiusKm)
	case n < 0 || n > MaxPageSize:
		return nil, userErrorf("first must be between 0 and %d, got %d", MaxPageSize, n)
	}
	dLat := radiusKm / earthRadiusKm * 180 / math.Pi
	dLng := 180.0
	if c := math.Cos(lat * math.Pi / 180); c > 0.01 {
		dLng = math.Min(180, dLat/c)
	}
	candidates, err := client.Venue.Query().
		Where(
			venue.LatitudeGTE(lat-dLat), venue.LatitudeLTE(lat+dLat),
			venue.LongitudeGTE(lng-dLng), venue.LongitudeLTE(lng+dLng),
		).
		Select(venue.FieldID, venue.FieldLatitude, venue.FieldLongitude).
		All(ctx)
	if err != nil {
		return nil, err
	}
	type hit struct {
		id int
		km float64
	}
	hits := make([]hit, 0, len(candidates))
	for _, v := range candidates {
		if km := haversineKm(lat, lng, v.Latitude, v.Longitude); km <= radiusKm {
			hits = append(hits, hit{v.ID, math.Round(km*1000) / 1000})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].km != hits[j].km {
			return hits[i].km < hits[j].km
		}
		return hits[i].id < hits[j].id
	})
	if len(hits) > n {
		hits = hits[:n]
	}
	if len(hits) == 0 {
		return []*VenueDistance{}, nil
	}
	ids := make([]int, len(hits))
	for i, h := range hits {
		ids[i] = h.id
	}
	q, err := client.Venue.Query().Where(venue.IDIn(ids...)).CollectFields(childFieldContext(ctx, "venue"))
	if err != nil {
		return nil, err
	}
	venues, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int]*ent.Venue, len(venues))
	for _, v := range venues {
		byID[v.ID] = v
	}
	out := make([]*VenueDistance, 0, len(hits))
	for _, h := range hits {
		if v, ok := byID[h.id]; ok {
			out = append(out, &VenueDistance{Venue: v, DistanceKm: h.km})
		}
	}
	return out, nil
}

// haversineKm is the great-circle distance between two WGS 84 points.
func haversineKm(lat1, lng1, lat2, lng2 float64) float64 {
	const rad = math.Pi / 180
	dLat := (lat2 - lat1) * rad
	dLng := (lng2 - lng1) * rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}
