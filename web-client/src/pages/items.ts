// Role models, regions, venues, alliances, enterprises and coverage items.

import { h } from '../dom';
import { run } from '../api';
import {
  AllianceDocument,
  AlliancesDocument,
  CoverageDocument,
  EnterpriseDocument,
  PlacesDocument,
  RegionsDocument,
  RoleModelDocument,
  VenueDocument,
  VenuesNearDocument,
  type AllianceItemFragment,
} from '../gql/graphql';
import { formatDate, formatDistance, pickLang } from '../text';
import type { Ctx, Page } from '../ctx';
import { linkList, monogram, notFound, paras, section } from './common';
import { eventSection } from './events';
import { mapBlock } from './mapdata';
import { recognitionSection } from './recognitions';

type Edges<T> = { edges?: ({ node?: T | null } | null)[] | null };
export function nodes<T>(c: Edges<T>): T[] {
  return c.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
}

export async function roleModelPage(ctx: Ctx, slug: string): Promise<Page> {
  const { roleModel: r } = await run(RoleModelDocument, { slug, lang: ctx.api });
  if (!r) return notFound(ctx);
  const honours = pickLang(ctx.lang, r.honoursZh ?? [], r.honoursEn);
  const studio = pickLang(ctx.lang, r.studioZh, r.studioEn);
  return {
    title: r.name,
    body: h(
      'article',
      null,
      h('header', { class: 'brand-head' }, r.portrait ? h('img', { class: 'logo', src: r.portrait.url, alt: pickLang(ctx.lang, r.portrait.alt, r.portrait.altEn) }) : monogram(r.name), h('div', null, h('h1', null, r.name), h('p', { class: 'lead' }, `${ctx.label(r.kind)} · ${r.title}`), r.region ? h('p', { class: 'meta' }, r.region.name) : null)),
      h('div', { class: 'prose' }, paras(r.bio)),
      studio ? h('p', null, studio) : null,
      honours.length ? h('ul', { class: 'list' }, honours.map((x) => h('li', null, x))) : null,
      recognitionSection(ctx, nodes(r.recognitions)),
      section(ctx.t('brands'), linkList(ctx, '/brands', nodes(r.brands))),
      nodes(r.mediaCoverages).length ? section(ctx.t('coverage'), h('ul', { class: 'list' }, nodes(r.mediaCoverages).map((c) => h('li', null, h('a', { href: ctx.link(`/coverage/${c.slug}`) }, c.title), h('span', { class: 'meta' }, ` · ${c.outlet} · ${formatDate(c.publishedOn)}`))))) : null,
    ),
  };
}

export async function regionsPage(ctx: Ctx): Promise<Page> {
  // The map above the grid; without it (its chunk or data failed) the grid still shows.
  const [{ region }, map] = await Promise.all([run(RegionsDocument, { lang: ctx.api }), mapBlock(ctx, ctx.kiosk ? 32 : 12).catch(() => null)]);
  if (!region) return notFound(ctx);
  const prefectures = nodes(region.children);
  const brandsOf = (r: { brands: Edges<{ slug: string; name: string }> }) => nodes(r.brands);
  return {
    title: ctx.t('regionsTitle'),
    body: h(
      'div',
      null,
      h('h1', null, ctx.t('regionsTitle')),
      h('p', { class: 'lead' }, `${region.name} · ${region.brandCount} ${ctx.t('brandsIn')}`),
      map,
      h(
        'div',
        { class: 'regions' },
        prefectures.map((p) =>
          h(
            'section',
            { class: 'prefecture', id: `r${p.code}` },
            h('h2', null, h('a', { href: ctx.link(`/regions/${p.code}`) }, p.name), h('span', { class: 'count' }, ` ${p.brandCount}`)),
            brandsOf(p).length ? linkList(ctx, '/brands', brandsOf(p)) : null,
            h(
              'ul',
              { class: 'counties' },
              nodes(p.children).map((c) =>
                h('li', { id: `r${c.code}`, class: c.brandCount ? 'has' : 'none' }, h('a', { class: 'county', href: ctx.link(`/regions/${c.code}`) }, c.name), brandsOf(c).length ? linkList(ctx, '/brands', brandsOf(c)) : h('span', { class: 'meta' }, ctx.t('noBrand'))),
              ),
            ),
          ),
        ),
      ),
    ),
  };
}

/** The default point: Wuhan. */
const wuhan = { lat: 30.593, lng: 114.305 };

export async function venuesPage(ctx: Ctx): Promise<Page> {
  const p = ctx.params;
  const lat = Number(p.get('lat') ?? wuhan.lat);
  const lng = Number(p.get('lng') ?? wuhan.lng);
  const radius = Number(p.get('r') ?? 100);
  const point = Number.isFinite(lat) && Math.abs(lat) <= 90 && Number.isFinite(lng) && Math.abs(lng) <= 180 ? { lat, lng } : wuhan;
  const radiusKm = Number.isFinite(radius) && radius > 0 && radius <= 500 ? radius : 100;
  const [places, near] = await Promise.all([run(PlacesDocument, { lang: ctx.api }), run(VenuesNearDocument, { ...point, radiusKm, lang: ctx.api })]);
  const seats = nodes(places.region?.children ?? { edges: [] }).filter((r) => r.latitude != null && r.longitude != null);
  const go = (extra: Record<string, string>) => {
    const next = { lat: String(point.lat), lng: String(point.lng), r: String(radiusKm), ...extra };
    window.dispatchEvent(new CustomEvent('navigate', { detail: ctx.link('/venues', next) }));
  };
  const select = h(
    'select',
    { id: 'point', 'aria-label': ctx.t('chosenPoint'), onchange: (e: Event) => { const s = seats.find((r) => r.code === (e.target as HTMLSelectElement).value); if (s) go({ lat: String(s.latitude), lng: String(s.longitude) }); } },
    seats.map((s) => h('option', { value: s.code, selected: Math.abs(s.latitude! - point.lat) < 1e-6 && Math.abs(s.longitude! - point.lng) < 1e-6 }, s.name)),
  );
  const radiusSel = h('select', { id: 'radius', 'aria-label': ctx.t('radius'), onchange: (e: Event) => go({ r: (e.target as HTMLSelectElement).value }) }, [25, 50, 100, 200, 500].map((r) => h('option', { value: r, selected: r === radiusKm }, `${r} km`)));
  // A kiosk stands where it stands: no "my location" there.
  const locate = navigator.geolocation && !ctx.kiosk
    ? h('button', { type: 'button', onclick: () => navigator.geolocation.getCurrentPosition((pos) => go({ lat: pos.coords.latitude.toFixed(4), lng: pos.coords.longitude.toFixed(4) })) }, ctx.t('myLocation'))
    : null;
  return {
    title: ctx.t('venuesTitle'),
    body: h(
      'div',
      null,
      h('h1', null, ctx.t('venuesTitle')),
      h('div', { class: 'toolbar' }, h('label', { for: 'point' }, ctx.t('chosenPoint')), select, h('label', { for: 'radius' }, ctx.t('radius')), radiusSel, locate),
      near.venuesNear.length
        ? h(
            'ol',
            { class: 'list venues' },
            near.venuesNear.map(({ venue: v, distanceKm }) =>
              h('li', null, h('span', { class: 'distance' }, formatDistance(distanceKm)), h('a', { href: ctx.link(`/venues/${v.slug}`) }, v.name), h('span', { class: 'meta' }, ` · ${ctx.label(v.kind)} · ${v.region.name}`), h('p', null, v.address), nodes(v.brands).length ? linkList(ctx, '/brands', nodes(v.brands)) : null),
            ),
          )
        : h('p', { class: 'empty' }, ctx.t('noVenues')),
    ),
  };
}

export async function venuePage(ctx: Ctx, slug: string): Promise<Page> {
  const { venue: v } = await run(VenueDocument, { slug, lang: ctx.api });
  if (!v) return notFound(ctx);
  return {
    title: v.name,
    body: h(
      'article',
      null,
      h('h1', null, v.name),
      h('p', { class: 'lead' }, `${ctx.label(v.kind)} · ${v.region.name}`),
      h('div', { class: 'prose' }, paras(v.summary)),
      h(
        'dl',
        { class: 'facts' },
        h('div', null, h('dt', null, ctx.t('address')), h('dd', null, v.address)),
        h('div', null, h('dt', null, ctx.t('openingHours')), h('dd', null, v.openingHours)),
        v.phone ? h('div', null, h('dt', null, ctx.t('phone')), h('dd', null, v.phone)) : null,
        h('div', null, h('dt', null, ctx.t('venues')), h('dd', null, h('a', { href: ctx.link('/venues', { lat: String(v.latitude), lng: String(v.longitude), r: '50' }) }, `${v.latitude.toFixed(3)}, ${v.longitude.toFixed(3)}`))),
      ),
      section(ctx.t('brands'), linkList(ctx, '/brands', nodes(v.brands))),
      eventSection(ctx, nodes(v.events)),
    ),
  };
}

function allianceBlock(ctx: Ctx, a: AllianceItemFragment, heading: 'h1' | 'h2'): HTMLElement {
  return h(
    'article',
    { class: 'alliance' },
    h(heading, null, heading === 'h2' ? h('a', { href: ctx.link(`/alliances/${a.slug}`) }, a.name) : a.name),
    h('p', { class: 'meta' }, [ctx.label(a.scope), a.foundedOn ? formatDate(a.foundedOn) : ''].filter(Boolean).join(' · ')),
    h('p', null, a.summary),
    heading === 'h1' && a.purpose ? h('div', { class: 'prose' }, h('h2', null, ctx.t('purpose')), paras(a.purpose)) : null,
    a.leadEnterprise ? h('p', null, `${ctx.t('leadEnterprise')}: `, h('a', { href: ctx.link(`/enterprises/${a.leadEnterprise.slug}`) }, a.leadEnterprise.name)) : null,
    h(heading === 'h1' ? 'h2' : 'h3', null, ctx.t('members')),
    linkList(ctx, '/brands', nodes(a.brands)),
  );
}

export async function alliancesPage(ctx: Ctx): Promise<Page> {
  const { alliances } = await run(AlliancesDocument, { lang: ctx.api });
  return { title: ctx.t('alliancesTitle'), body: h('div', null, h('h1', null, ctx.t('alliancesTitle')), nodes(alliances).map((a) => allianceBlock(ctx, a, 'h2'))) };
}

export async function alliancePage(ctx: Ctx, slug: string): Promise<Page> {
  const { alliance } = await run(AllianceDocument, { slug, lang: ctx.api });
  if (!alliance) return notFound(ctx);
  return { title: alliance.name, body: allianceBlock(ctx, alliance, 'h1') };
}

export async function enterprisePage(ctx: Ctx, slug: string): Promise<Page> {
  const { enterprise: e } = await run(EnterpriseDocument, { slug, lang: ctx.api });
  if (!e) return notFound(ctx);
  return {
    title: e.name,
    body: h(
      'article',
      null,
      h('h1', null, e.name),
      h('p', { class: 'meta' }, [e.region?.name, e.provincialLeading ? ctx.t('provincialLeading') : '', e.recognizedYear ? String(e.recognizedYear) : ''].filter(Boolean).join(' · ')),
      h('div', { class: 'prose' }, paras(e.summary)),
      e.website ? h('p', null, `${ctx.t('website')}: `, h('a', { href: e.website, rel: 'noopener', target: '_blank' }, e.website)) : null,
      section(ctx.t('brands'), linkList(ctx, '/brands', nodes(e.brands))),
    ),
  };
}

export async function coveragePage(ctx: Ctx, slug: string): Promise<Page> {
  const { mediaCoverage: c } = await run(CoverageDocument, { slug, lang: ctx.api });
  if (!c) return notFound(ctx);
  return {
    title: c.title,
    body: h(
      'article',
      null,
      h('h1', null, c.title),
      h('p', { class: 'meta' }, [c.outlet, ctx.label(c.medium), formatDate(c.publishedOn), c.author].filter(Boolean).join(' · ')),
      h('p', { class: 'lead' }, c.summary),
      h('div', { class: 'prose' }, paras(c.body)),
      c.url ? h('p', null, h('a', { href: c.url, rel: 'noopener', target: '_blank' }, c.url)) : null,
      section(ctx.t('brands'), linkList(ctx, '/brands', nodes(c.brands))),
    ),
  };
}
