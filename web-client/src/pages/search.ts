// Journalists' search: a form whose every field is in the URL, highlighted
// hits linking to their items, cursor paging.

import { h, type Child } from '../dom';
import { ApiError, run } from '../api';
import { SearchDocument, SearchRegionsDocument, type SearchQuery } from '../gql/graphql';
import { highlight } from '../highlight';
import { fieldLabel } from '../i18n';
import { formatDate } from '../text';
import { categories, feedUrl, levels, media, parseSearch, searchParams, searchTypes, searchVariables, type SearchState } from '../searchState';
import type { Ctx, Page } from '../ctx';

type Item = SearchQuery['search']['edges'][number]['node']['item'];

/** itemPath is the page of a found item. */
export function itemPath(item: Item): string {
  switch (item.__typename) {
    case 'Brand':
      return `/brands/${item.slug}`;
    case 'RoleModel':
      return `/role-models/${item.slug}`;
    case 'Enterprise':
      return `/enterprises/${item.slug}`;
    case 'Alliance':
      return `/alliances/${item.slug}`;
    case 'Venue':
      return `/venues/${item.slug}`;
    case 'Event':
      return `/events#e-${item.slug}`;
    default:
      return `/coverage/${item.slug}`;
  }
}

const typeOf: Record<Item['__typename'], string> = {
  Brand: 'BRAND',
  RoleModel: 'ROLE_MODEL',
  Enterprise: 'ENTERPRISE',
  Alliance: 'ALLIANCE',
  Venue: 'VENUE',
  MediaCoverage: 'MEDIA_COVERAGE',
  Event: 'EVENT',
};

/** withQuery fills a message's {q} with an element (the query, emphasised or linked). */
export function withQuery(template: string, q: HTMLElement): Child[] {
  const [before, after = ''] = template.split('{q}');
  return [before, q, after].filter((x) => x !== '');
}

/**
 * correctionNotice tells that the hits are those of the homophone correction
 * ("显示 红安大嫂 的结果") and links the query as typed (searched with exact=1).
 */
export function correctionNotice(ctx: Pick<Ctx, 't'>, corrected: string, typed: string, typedUrl: string): HTMLElement {
  return h(
    'p',
    { class: 'correction', role: 'status' },
    ...withQuery(ctx.t('showingResultsFor'), h('strong', { class: 'corrected-query' }, corrected)),
    ' · ',
    h('a', { href: typedUrl, class: 'search-instead' }, ...withQuery(ctx.t('searchInsteadFor'), h('span', null, typed))),
  );
}

function options(ctx: Ctx, all: string, values: readonly string[], chosen: string, names?: Map<string, string>): HTMLOptionElement[] {
  return [h('option', { value: '' }, all), ...values.map((v) => h('option', { value: v, selected: v === chosen }, names?.get(v) ?? ctx.label(v)))];
}

export async function searchPage(ctx: Ctx): Promise<Page> {
  const s = parseSearch(ctx.params);
  const regions = await run(SearchRegionsDocument, { lang: ctx.api });
  const regionNames = new Map(regions.stats.brandsByPrefecture.map((p) => [p.region.code, p.region.name]));

  const field = (id: keyof SearchState, labelText: string, control: HTMLElement) => h('label', { class: 'field', for: `s-${id}` }, h('span', null, labelText), control);
  const select = (id: Exclude<keyof SearchState, 'exact'>, all: string, values: readonly string[], names?: Map<string, string>) => h('select', { id: `s-${id}`, name: id }, options(ctx, all, values, s[id], names));
  const form = h(
    'form',
    { class: 'search-form', role: 'search', action: ctx.kiosk ? '/kiosk/search' : '/search', method: 'get' },
    h('div', { class: 'search-row' }, h('label', { for: 's-q', class: 'visually-hidden' }, ctx.t('search')), h('input', { id: 's-q', name: 'q', type: 'search', value: s.q, placeholder: ctx.t('searchPlaceholder'), maxlength: 200, autocomplete: 'off' }), h('button', { type: 'submit' }, ctx.t('searchButton'))),
    // On a phone the seven filters would push every result below the fold:
    // they fold away (open when the screen is wide or a filter is set).
    h(
      'details',
      { class: 'filter-box', open: window.matchMedia('(min-width: 40rem)').matches || !!(s.type || s.region || s.category || s.level || s.medium || s.from || s.to) },
      h('summary', null, ctx.t('filters')),
      h(
      'div',
      { class: 'filters' },
      field('type', ctx.t('type'), select('type', ctx.t('allTypes'), searchTypes)),
      field('region', ctx.t('region'), select('region', ctx.t('allRegions'), [...regionNames.keys()], regionNames)),
      field('category', ctx.t('category'), select('category', ctx.t('allCategories'), categories)),
      field('level', ctx.t('level'), select('level', ctx.t('allLevels'), levels)),
      field('medium', ctx.t('medium'), select('medium', ctx.t('allMedia'), media)),
      field('from', ctx.t('dateFrom'), h('input', { id: 's-from', name: 'from', type: 'date', value: s.from })),
      field('to', ctx.t('dateTo'), h('input', { id: 's-to', name: 'to', type: 'date', value: s.to })),
      ),
    ),
    h('p', { class: 'hint' }, ctx.t('searchHint')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const p = new URLSearchParams();
    for (const [k, v] of data) if (typeof v === 'string') p.set(k, v);
    const next = parseSearch(p);
    next.after = '';
    const qs = searchParams(next, ctx.params).toString();
    window.dispatchEvent(new CustomEvent('navigate', { detail: (ctx.kiosk ? '/kiosk/search' : '/search') + (qs ? `?${qs}` : '') }));
  });

  const body = h('div', { class: 'search' }, h('h1', null, ctx.t('searchTitle')), form);
  if (!s.q.trim()) return { title: ctx.t('searchTitle'), body };

  let data: SearchQuery;
  try {
    data = await run(SearchDocument, searchVariables(s, ctx.api));
  } catch (err) {
    if (err instanceof ApiError && !err.offline) {
      body.append(h('p', { class: 'error', role: 'alert' }, err.message.replace(/^\[GraphQL\] /, '')));
      return { title: `${s.q} · ${ctx.t('searchTitle')}`, body };
    }
    throw err;
  }
  const r = data.search;
  const pageUrl = (after: string) => {
    const qs = searchParams({ ...s, after }, ctx.params).toString();
    return (ctx.kiosk ? '/kiosk/search' : '/search') + `?${qs}`;
  };
  const typedUrl = (ctx.kiosk ? '/kiosk/search' : '/search') + `?${searchParams({ ...s, after: '', exact: true }, ctx.params).toString()}`;
  body.append(
    r.correctedQuery ? correctionNotice(ctx, r.correctedQuery, s.q.trim(), typedUrl) : '',
    h('p', { class: 'count', role: 'status' }, `${r.totalCount} ${ctx.t('results')}`),
    r.edges.length
      ? h(
          'ol',
          { class: 'hits' },
          r.edges.map(({ node }) => {
            const item = node.item;
            const title = item.__typename === 'MediaCoverage' || item.__typename === 'Event' ? item.title : item.name;
            return h(
              'li',
              { class: 'hit' },
              h('span', { class: 'tag' }, ctx.label(typeOf[item.__typename])),
              h('a', { href: ctx.link(itemPath(item)), class: 'hit-title' }, title),
              item.__typename === 'MediaCoverage' ? h('span', { class: 'meta' }, ` · ${item.outlet} · ${formatDate(item.publishedOn)}`) : null,
              h('ul', { class: 'highlights' }, node.highlights.map((hl) => h('li', null, h('span', { class: 'field-name' }, fieldLabel(ctx.lang, hl.field)), ' ', h('span', { class: 'excerpt' }, highlight(document, hl.excerpt, hl.ranges))))),
            );
          }),
        )
      : h('p', { class: 'empty' }, ctx.t('noResults')),
    ctx.kiosk ? '' : h('p', { class: 'feed' }, h('a', { href: feedUrl({ ...s, q: r.correctedQuery ?? s.q }), type: 'application/atom+xml', class: 'feed-link' }, ctx.t('subscribeSearch'))),
    h('nav', { class: 'pager', 'aria-label': 'pages' }, s.after ? h('a', { href: pageUrl('') }, ctx.t('firstPage')) : null, r.pageInfo.hasNextPage && r.pageInfo.endCursor ? h('a', { href: pageUrl(r.pageInfo.endCursor), rel: 'next' }, ctx.t('nextPage')) : null),
  );
  return { title: `${s.q} · ${ctx.t('searchTitle')}`, body };
}
