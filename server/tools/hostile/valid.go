package main

const (
	featuredPageQuery = `query FeaturedPage {
  featuredBrands(first: 6, category: QUALITY_SERVICE) {
    slug name summary category level
    region { code name parent { name } }
    roleModels(first: 3) { edges { node { slug name kind } } }
    mediaCoverages { totalCount }
  }
  stats { brandCount workersEmployed }
  about { sampleContent notice }
}`
	brandPageQuery = `query BrandPage($slug: String!) {
  brand(slug: $slug) {
    name(lang: EN) story(lang: EN) industry(lang: EN)
    logo { url alt width height }
    roleModels(first: 10) { edges { node { name(lang: EN) kind title(lang: EN) } } }
    venues(first: 5) { edges { node { name(lang: EN) kind openingHours(lang: EN) } } }
  }
}`
	statsQuery = `query KeyFigures { stats { brandCount roleModelCount venueCount mediaCoverageCount workersEmployed
  brandsByCategory { category count } brandsByLevel { level count }
  brandsByPrefecture { region { code name } count } } }`
	venuesNearQuery = `query Nearby($lat: Float!, $lng: Float!) {
  venuesNear(lat: $lat, lng: $lng, radiusKm: 15, first: 5) {
    distanceKm venue { name(lang: EN) address(lang: EN) latitude longitude }
  }
}`
)

// validRequests are the probes' queries: four kinds, each equally likely,
// with a brand page for every known slug.
func validRequests(slugs []string) [][]request {
	brandPages := make([]request, 0, len(slugs))
	for _, s := range slugs {
		brandPages = append(brandPages, postJSON("valid brand page", brandPageQuery, map[string]any{"slug": s}))
	}
	return [][]request{
		{postJSON("valid featured page", featuredPageQuery, nil), getQuery("valid featured page", featuredPageQuery)},
		brandPages,
		{postJSON("valid stats", statsQuery, nil)},
		{
			postJSON("valid venuesNear", venuesNearQuery, map[string]any{"lat": 30.58, "lng": 114.30}),
			postJSON("valid venuesNear", venuesNearQuery, map[string]any{"lat": 30.65, "lng": 114.18}),
		},
	}
}
