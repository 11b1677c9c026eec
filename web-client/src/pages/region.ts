// One region's page (/regions/{code}) and the list of all brands (/brands).

import { h } from '../dom';
import { run } from '../api';
import { BrandListDocument, RegionPageDocument, type BrandWhereInput } from '../gql/graphql';
import { categories, levels } from '../searchState';
import type { Ctx, Page } from '../ctx';
import { brandCard, linkList, notFound, section } from './common';
import { eventSection } from './events';
import { nodes } from './items';

/** How many items of each kind a region page shows before "see all". */
const shown = 24;
/** The most a list returns at once (the API's page limit). */
const most = 100;
/** Brands per page of the brands list. */
const brandPage = 24;

/** seeAll is the "see all N" link of a list that shows fewer than its total. */
function seeAll(ctx: Ctx, href: string, total: number, count: number): HTMLElement | null {
  if (total <= count) return null;
  return h('p', { class: 'see-all' }, h('a', { href }, `${ctx.t('seeAll')} (${total})`));
}

export async function regionPage(ctx: Ctx, code: string): Promise<Page> {
  const all = ctx.params.get('all') === '1';
  const { region: r, areaBrands, upcomingEvents } = await run(RegionPageDocument, { code, lang: ctx.api, n: all ? most : shown });
  if (!r) return notFound(ctx);
  const brands = nodes(areaBrands);
  const children = nodes(r.children);
  const list = (title: string, base: string, conn: { totalCount: number; edges?: ({ node?: { slug: string; name: string } | null } | null)[] | null }) => {
    const items = nodes(conn);
    if (!items.length) return null;
    return section(`${title} (${conn.totalCount})`, linkList(ctx, base, items), seeAll(ctx, ctx.link(`/regions/${r.code}`, { all: '1' }), conn.totalCount, items.length));
  };
  return {
    title: r.name,
    body: h(
      'article',
      { class: 'region-page' },
      h('h1', null, r.name),
      h('p', { class: 'lead' }, `${ctx.label(r.level)} · ${r.code} · ${r.brandCount} ${ctx.t('brandsIn')}`),
      r.parent ? h('p', { class: 'meta' }, `${ctx.t('parentRegion')}: `, h('a', { href: ctx.link(`/regions/${r.parent.code}`) }, r.parent.name)) : null,
      brands.length
        ? section(
            `${ctx.t('brandsTitle')} (${areaBrands.totalCount})`,
            h('ul', { class: 'cards' }, brands.map((b) => brandCard(ctx, b))),
            seeAll(ctx, ctx.link('/brands', { region: r.code }), areaBrands.totalCount, brands.length),
          )
        : h('p', { class: 'meta' }, ctx.t('noBrand')),
      eventSection(ctx, upcomingEvents, 'upcomingEvents'),
      list(ctx.t('roleModels'), '/role-models', r.roleModels),
      list(ctx.t('venues'), '/venues', r.venues),
      list(ctx.t('enterprises'), '/enterprises', r.enterprises),
      children.length
        ? section(
            ctx.t('subRegions'),
            h('ul', { class: 'chips' }, children.map((c) => h('li', null, h('a', { href: ctx.link(`/regions/${c.code}`) }, c.name), h('span', { class: 'count' }, ` ${c.brandCount}`)))),
          )
        : null,
    ),
  };
}

function select(label: string, name: string, value: string, options: [string, string][]): HTMLElement {
  return h(
    'label',
    { class: 'filter' },
    h('span', null, label),
    h('select', { name }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))),
  );
}

export async function brandsPage(ctx: Ctx): Promise<Page> {
  const p = ctx.params;
  const category = categories.find((c) => c === p.get('category'));
  const level = levels.find((l) => l === p.get('level'));
  const regionCode = /^\d{6}$/.test(p.get('region') ?? '') ? (p.get('region') as string) : '';
  const where: BrandWhereInput = {};
  if (category) where.category = category;
  if (level) where.level = level;
  if (regionCode) where.hasRegionWith = [{ or: [{ code: regionCode }, { hasParentWith: [{ code: regionCode }] }, { hasParentWith: [{ hasParentWith: [{ code: regionCode }] }] }] }];
  const after = p.get('after') || null;
  const { brands, region } = await run(BrandListDocument, { lang: ctx.api, first: brandPage, after, where });
  const items = nodes(brands);
  const keep: Record<string, string> = {};
  if (category) keep.category = category;
  if (level) keep.level = level;
  if (regionCode) keep.region = regionCode;
  const prefectures = region ? nodes(region.children) : [];
  return {
    title: ctx.t('brandsTitle'),
    body: h(
      'div',
      { class: 'brand-list' },
      h('h1', null, ctx.t('brandsTitle')),
      h(
        'form',
        { class: 'filters', method: 'get', action: ctx.kiosk ? '/kiosk/brands' : '/brands', role: 'search' },
        ctx.lang === 'en' ? h('input', { type: 'hidden', name: 'lang', value: 'en' }) : null,
        select(ctx.t('category'), 'category', category ?? '', [['', ctx.t('allCategories')], ...categories.map((c): [string, string] => [c, ctx.label(c)])]),
        select(ctx.t('level'), 'level', level ?? '', [['', ctx.t('allLevels')], ...levels.map((l): [string, string] => [l, ctx.label(l)])]),
        select(ctx.t('region'), 'region', regionCode, [['', ctx.t('allRegions')], ...prefectures.map((r): [string, string] => [r.code, r.name])]),
        h('button', { type: 'submit' }, ctx.t('searchButton')),
      ),
      h('p', { class: 'meta', role: 'status' }, `${brands.totalCount} ${ctx.t('brandsIn')}`),
      items.length ? h('ul', { class: 'cards' }, items.map((b) => brandCard(ctx, b))) : h('p', { class: 'empty' }, ctx.t('noResults')),
      h(
        'nav',
        { class: 'pager', 'aria-label': ctx.t('brandsTitle') },
        after ? h('a', { href: ctx.link('/brands', keep) }, ctx.t('firstPage')) : null,
        brands.pageInfo.hasNextPage && brands.pageInfo.endCursor ? h('a', { href: ctx.link('/brands', { ...keep, after: brands.pageInfo.endCursor }), rel: 'next' }, ctx.t('nextPage')) : null,
      ),
    ),
  };
}
