// The journalists' search lives in the URL: the query, every filter and the
// page cursor, so a link reproduces the search exactly.

import type { SearchQueryVariables, SearchType, BrandCategory, BrandLevel, Medium } from './gql/graphql';

// Records keyed by the generated enum types: a value added to the schema
// fails the typecheck until it is listed here (and labelled in i18n.ts).
const typeSet: Record<SearchType, true> = { BRAND: true, ROLE_MODEL: true, ENTERPRISE: true, ALLIANCE: true, VENUE: true, MEDIA_COVERAGE: true, EVENT: true };
const categorySet: Record<BrandCategory, true> = { HIGH_END_SKILLED: true, QUALITY_SERVICE: true, CULTURE_TOURISM: true, LIVELIHOOD: true };
const levelSet: Record<BrandLevel, true> = { COUNTY: true, CITY: true, PROVINCIAL: true, NATIONAL: true };
const mediumSet: Record<Medium, true> = { ONLINE: true, NEWSPAPER: true, MAGAZINE: true, TV: true, RADIO: true, FILM: true };

export const searchTypes = Object.keys(typeSet) as SearchType[];
export const categories = Object.keys(categorySet) as BrandCategory[];
export const levels = Object.keys(levelSet) as BrandLevel[];
export const media = Object.keys(mediumSet) as Medium[];

export interface SearchState {
  q: string;
  type: SearchType | '';
  region: string;
  category: BrandCategory | '';
  level: BrandLevel | '';
  medium: Medium | '';
  /** inclusive, YYYY-MM-DD */
  from: string;
  /** inclusive, YYYY-MM-DD */
  to: string;
  after: string;
  /** search the query as typed, without the server's homophone correction ("exact=1") */
  exact: boolean;
}

const dateRe = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(v: string | null, allowed: readonly T[]): T | '' {
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : '';
}

/** parseSearch reads the search from URL parameters, ignoring values that are not valid. */
export function parseSearch(p: URLSearchParams): SearchState {
  const date = (k: string) => {
    const v = p.get(k) ?? '';
    return dateRe.test(v) && !Number.isNaN(Date.parse(v)) ? v : '';
  };
  const region = p.get('region') ?? '';
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    type: oneOf(p.get('type'), searchTypes),
    region: /^\d{6}$/.test(region) ? region : '',
    category: oneOf(p.get('category'), categories),
    level: oneOf(p.get('level'), levels),
    medium: oneOf(p.get('medium'), media),
    from: date('from'),
    to: date('to'),
    after: p.get('after') ?? '',
    exact: p.get('exact') === '1',
  };
}

/** searchParams writes the search as URL parameters (empty values left out), keeping others such as lang. */
export function searchParams(s: SearchState, keep?: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  if (keep?.get('lang')) out.set('lang', keep.get('lang')!);
  for (const k of ['q', 'type', 'region', 'category', 'level', 'medium', 'from', 'to', 'after'] as const) {
    if (s[k]) out.set(k, s[k]);
  }
  if (s.exact) out.set('exact', '1');
  return out;
}

/**
 * feedUrl is the saved-search Atom feed of the search: the same query and
 * filters (the feed has no date range: it lists the newest matches).
 */
export function feedUrl(s: SearchState): string {
  const p = new URLSearchParams();
  p.set('q', s.q.trim());
  for (const k of ['type', 'region', 'category', 'level', 'medium'] as const) {
    if (s[k]) p.set(k, s[k]);
  }
  return `/feeds/search.atom?${p.toString()}`;
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().replace('.000Z', 'Z');
}

/** searchVariables turns the state into the Search operation's variables; the date range is inclusive of both days. */
export function searchVariables(s: SearchState, lang: 'ZH' | 'EN', first = 10): SearchQueryVariables {
  const filter: NonNullable<SearchQueryVariables['filter']> = {};
  if (s.region) filter.regionCode = s.region;
  if (s.category) filter.categories = [s.category];
  if (s.level) filter.levels = [s.level];
  if (s.medium) filter.media = [s.medium];
  if (s.from) filter.publishedFrom = `${s.from}T00:00:00Z`;
  if (s.to) filter.publishedBefore = nextDay(s.to);
  return {
    query: s.q.trim(),
    types: s.type ? [s.type] : null,
    filter: Object.keys(filter).length ? filter : null,
    first,
    after: s.after || null,
    correct: !s.exact,
    lang,
  };
}
