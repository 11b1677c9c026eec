// The map of Hubei: its prefectures (or counties) as SVG shapes coloured by
// their number of brands, each a link to its region page, and the venues as
// points. The shapes are built into this chunk (src/map/hubei-shapes.ts, made
// by scripts/hubei-map.mjs), so the map needs no tile server and works
// offline; pages load this module with import(), so it stays out of the
// site's initial JavaScript.
//
// Every region is a focusable link named "name: N brands", and a list view
// (a toggle) gives the same links as a plain list.

import { h } from '../dom';
import type { Ctx } from '../ctx';
import { counties, height, mercator, prefectureBorders, prefectures, width, type MapShape } from './hubei-shapes';
import { project } from './project';

const SVG = 'http://www.w3.org/2000/svg';

export interface MapRegion {
  code: string;
  name: string;
  brandCount: number;
}

export interface MapPrefecture extends MapRegion {
  children: MapRegion[];
}

export interface MapVenue {
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface MapData {
  prefectures: MapPrefecture[];
  venues: MapVenue[];
}

type Level = 'prefecture' | 'county';

/** The class of a level's layers (plural: .county and .prefecture are the regions grid's). */
const layerClass: Record<Level, string> = { prefecture: 'prefectures', county: 'counties' };

/** BUCKETS is how many colours a count can take besides "no brand". */
export const BUCKETS = 4;

/** bucketOf is the colour class (0: no brand, 1..BUCKETS: more and more brands) of a count. */
export function bucketOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(BUCKETS, Math.max(1, Math.ceil((BUCKETS * count) / max)));
}

/** legendRanges lists, for each colour in use, the counts it stands for. */
export function legendRanges(max: number): { bucket: number; from: number; to: number }[] {
  const out = [{ bucket: 0, from: 0, to: 0 }];
  for (let b = 1; b <= BUCKETS; b++) {
    const from = Math.floor(((b - 1) * max) / BUCKETS) + 1;
    const to = Math.floor((b * max) / BUCKETS);
    if (to >= from) out.push({ bucket: b, from, to });
  }
  return out;
}

/** shortName is a region's name on the map: without the administrative suffix. */
export function shortName(name: string): string {
  if (/[\u4e00-\u9fff]/.test(name)) {
    return name.replace(/土家族苗族自治州$/, '州').replace(/(林区|自治县|市|县|区)$/, '');
  }
  return name.replace(/\s+(City|County|District|Forestry District|Autonomous County|Tujia and Miao Autonomous Prefecture|Prefecture)$/i, '');
}

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | null>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** count is the "N brands" text of a region. */
function count(ctx: Ctx, n: number): string {
  return ctx.lang === 'en' ? `${n} ${n === 1 ? 'brand' : 'brands'}` : `${n} ${ctx.t('brandsIn')}`;
}

function areaLayer(ctx: Ctx, shapes: MapShape[], byCode: Map<string, MapRegion>, max: number, level: Level): SVGGElement {
  // Larger shapes first: a small region's link (and its touch circle) lies on top.
  const sorted = [...shapes].sort((a, b) => b.area - a.area);
  return s(
    'g',
    { class: `areas ${layerClass[level]}` },
    ...sorted.flatMap((shape) => {
      const r = byCode.get(shape.code);
      if (!r) return [];
      const label = `${r.name}: ${count(ctx, r.brandCount)}`;
      return [
        s(
          'a',
          { href: ctx.link(`/regions/${shape.code}`), class: `area b${bucketOf(r.brandCount, max)}`, 'data-code': shape.code, 'aria-label': label },
          s('title', {}, label),
          s('path', { d: shape.d }),
          // A touch target around the label point; its radius is set in screen pixels (fitTargets).
          s('circle', { class: 'hit', cx: shape.x, cy: shape.y, r: 0 }),
        ),
      ];
    }),
  );
}

function labelLayer(shapes: MapShape[], byCode: Map<string, MapRegion>, max: number, level: Level): SVGGElement {
  return s(
    'g',
    { class: `labels ${layerClass[level]}`, 'aria-hidden': 'true' },
    ...shapes.flatMap((shape) => {
      const r = byCode.get(shape.code);
      if (!r) return [];
      return [s('text', { x: shape.x, y: shape.y, class: `b${bucketOf(r.brandCount, max)}` }, shortName(r.name))];
    }),
  );
}

/**
 * fitTargets gives every region's touch circle a radius of `px` screen
 * pixels, whatever size the map is drawn at, so that a small region (Ezhou,
 * a district of Wuhan) is still easy to touch.
 */
function fitTargets(svg: SVGSVGElement, px: number): void {
  const fit = () => {
    // The drawing keeps its aspect ratio inside the element (preserveAspectRatio "meet").
    const box = svg.getBoundingClientRect();
    const scale = Math.min(box.width / width, box.height / height);
    if (!scale) return;
    const r = Math.ceil((px / scale) * 10) / 10;
    for (const c of svg.querySelectorAll<SVGCircleElement>('circle.hit')) c.setAttribute('r', String(r));
    svg.dataset.fitted = '1';
  };
  new ResizeObserver(fit).observe(svg);
}

/** regionMap builds the map (with its list view and legend) from the API's counts and venues. */
export function regionMap(ctx: Ctx, data: MapData, opts: { touch?: number } = {}): HTMLElement {
  const pref = new Map(data.prefectures.map((p) => [p.code, p as MapRegion]));
  const county = new Map<string, MapRegion>();
  for (const p of data.prefectures) {
    county.set(p.code, p); // a county-level city directly under the province is its own county
    for (const c of p.children) county.set(c.code, c);
  }
  const maxPref = Math.max(0, ...data.prefectures.map((p) => p.brandCount));
  const maxCounty = Math.max(0, ...counties.map((c) => county.get(c.code)?.brandCount ?? 0));
  const title = ctx.t('mapTitle');
  const venues = data.venues.filter((v) => Number.isFinite(v.latitude) && Number.isFinite(v.longitude));

  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': title, class: 'map-svg' },
    areaLayer(ctx, prefectures, pref, maxPref, 'prefecture'),
    areaLayer(ctx, counties, county, maxCounty, 'county'),
    s('path', { class: 'borders', d: prefectureBorders, 'aria-hidden': 'true' }),
    s(
      'g',
      { class: 'venues', 'aria-hidden': 'true' },
      ...venues.map((v) => {
        const [x, y] = project(mercator, v.longitude, v.latitude);
        return s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 5, 'data-venue': v.slug }, s('title', {}, v.name));
      }),
    ),
    labelLayer(prefectures, pref, maxPref, 'prefecture'),
  );
  fitTargets(svg, opts.touch ?? 12);

  const list = h(
    'ol',
    { class: 'map-list', hidden: true },
    [...data.prefectures]
      .sort((a, b) => b.brandCount - a.brandCount || a.code.localeCompare(b.code))
      .map((p) =>
        h(
          'li',
          null,
          h('a', { href: ctx.link(`/regions/${p.code}`) }, p.name),
          h('span', { class: 'count' }, ` ${count(ctx, p.brandCount)}`),
          p.children.some((c) => c.brandCount > 0)
            ? h('ul', { class: 'chips' }, p.children.filter((c) => c.brandCount > 0).map((c) => h('li', null, h('a', { href: ctx.link(`/regions/${c.code}`) }, `${c.name} ${c.brandCount}`))))
            : null,
        ),
      ),
  );

  const figure = h('figure', { class: 'region-map', 'data-level': 'prefecture', 'data-view': 'map' });
  const stage = h('div', { class: 'map-stage' }, svg);
  const legendFor = (level: Level) => {
    const max = level === 'prefecture' ? maxPref : maxCounty;
    return legendRanges(max).map((r) =>
      h('li', null, h('span', { class: `swatch b${r.bucket}`, 'aria-hidden': 'true' }), r.bucket === 0 ? ctx.t('noBrand') : r.from === r.to ? String(r.from) : `${r.from}–${r.to}`),
    );
  };
  const legend = h('ul', { class: 'legend' });
  const venueKey = h('p', { class: 'venue-key' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), h('a', { href: ctx.link('/venues') }, `${ctx.t('venues')} (${venues.length})`));

  const toggle = (label: string, pressed: boolean, on: () => void) => {
    const b = h('button', { type: 'button', 'aria-pressed': String(pressed) }, label);
    b.addEventListener('click', on);
    return b;
  };
  const setLevel = (level: Level) => {
    figure.dataset.level = level;
    levelPref.setAttribute('aria-pressed', String(level === 'prefecture'));
    levelCounty.setAttribute('aria-pressed', String(level === 'county'));
    legend.replaceChildren(...legendFor(level));
  };
  const setView = (view: 'map' | 'list') => {
    figure.dataset.view = view;
    stage.hidden = view !== 'map';
    list.hidden = view !== 'list';
    viewMap.setAttribute('aria-pressed', String(view === 'map'));
    viewList.setAttribute('aria-pressed', String(view === 'list'));
  };
  const viewMap = toggle(ctx.t('mapView'), true, () => setView('map'));
  const viewList = toggle(ctx.t('listView'), false, () => setView('list'));
  const levelPref = toggle(ctx.t('mapPrefectures'), true, () => setLevel('prefecture'));
  const levelCounty = toggle(ctx.t('mapCounties'), false, () => setLevel('county'));
  setLevel('prefecture');

  figure.append(
    h(
      'div',
      { class: 'map-tools' },
      h('div', { class: 'segmented', role: 'group', 'aria-label': ctx.t('mapShow') }, viewMap, viewList),
      h('div', { class: 'segmented levels', role: 'group', 'aria-label': ctx.t('mapLevel') }, levelPref, levelCounty),
    ),
    stage,
    list,
    h('figcaption', { class: 'map-key' }, h('span', { class: 'legend-title' }, ctx.t('mapLegend')), legend, venueKey),
  );
  return figure;
}
