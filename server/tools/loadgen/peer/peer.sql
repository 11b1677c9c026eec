-- Functions the peer exposes for the two operations PostGraphile cannot
-- express from tables alone. Idempotent; only reads.
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS brandshow_peer;

-- Published venues within radius_km of a point, nearest first: a bounding
-- box on the indexed columns, then the great-circle distance (as our
-- venuesNear does in Go).
CREATE OR REPLACE FUNCTION brandshow_peer.venues_near(lat float8, lng float8, radius_km float8)
RETURNS SETOF public.venues LANGUAGE sql STABLE AS $$
  SELECT v.* FROM public.venues v
  WHERE v.status = 'PUBLISHED'
    AND v.latitude BETWEEN lat - radius_km / 111.2 AND lat + radius_km / 111.2
    AND v.longitude BETWEEN lng - radius_km / (111.2 * cos(radians(lat))) AND lng + radius_km / (111.2 * cos(radians(lat)))
    AND 6371.0088 * 2 * asin(sqrt(power(sin(radians(v.latitude - lat) / 2), 2)
        + cos(radians(lat)) * cos(radians(v.latitude)) * power(sin(radians(v.longitude - lng) / 2), 2))) <= radius_km
  ORDER BY 6371.0088 * 2 * asin(sqrt(power(sin(radians(v.latitude - lat) / 2), 2)
        + cos(radians(lat)) * cos(radians(v.latitude)) * power(sin(radians(v.longitude - lng) / 2), 2))), v.id
$$;

-- Published coverage whose title, summary or body contains q, newest first.
-- A plain substring scan: not our search (no tokens, pinyin, synonyms,
-- ranking or highlights), the cheapest honest equivalent of its result list.
CREATE OR REPLACE FUNCTION brandshow_peer.search_coverage(q text)
RETURNS SETOF public.media_coverages LANGUAGE sql STABLE AS $$
  SELECT c.* FROM public.media_coverages c
  WHERE c.status = 'PUBLISHED'
    AND (c.title_zh ILIKE '%' || q || '%' OR c.title_en ILIKE '%' || q || '%'
      OR c.summary_zh ILIKE '%' || q || '%' OR c.body_zh ILIKE '%' || q || '%')
  ORDER BY c.published_on DESC, c.id
$$;

-- Published brands whose names, summary or industry contain q.
CREATE OR REPLACE FUNCTION brandshow_peer.search_brands(q text)
RETURNS SETOF public.brands LANGUAGE sql STABLE AS $$
  SELECT b.* FROM public.brands b
  WHERE b.status = 'PUBLISHED'
    AND (b.name_zh ILIKE '%' || q || '%' OR b.name_en ILIKE '%' || q || '%' OR b.slug ILIKE '%' || q || '%'
      OR b.summary_zh ILIKE '%' || q || '%' OR b.industry_zh ILIKE '%' || q || '%')
  ORDER BY b.published_at DESC, b.id
$$;
