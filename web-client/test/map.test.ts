import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geoMercator } from 'd3-geo';
import { project } from '../src/map/project';
import { counties, mercator, prefectures } from '../src/map/hubei-shapes';
import { bucketOf, legendRanges, shortName } from '../src/map/map';

// The regions of the demo content and of every import: GB/T 2260 codes from
// the packaged source server/tools/regiongen reads.
const regions = readFileSync(new URL('../../server/tools/regiongen/source/hubei.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[0])
  .filter((c) => c !== '420000');
const prefectureCodes = regions.filter((c) => c.endsWith('00') || c.startsWith('429'));
const countyCodes = regions.filter((c) => !c.endsWith('00'));

describe('map shapes', () => {
  it('has one shape for every prefecture-level division of the regions, and no other', () => {
    expect(prefectures.map((p) => p.code).sort()).toEqual([...prefectureCodes].sort());
  });

  it('has one shape for every county-level division of the regions, and no other', () => {
    expect(counties.map((c) => c.code).sort()).toEqual([...countyCodes].sort());
  });

  it('projects points as d3-geo did when it drew the shapes', () => {
    const d3 = geoMercator().scale(mercator.k).translate([mercator.x, mercator.y]);
    for (const [lng, lat] of [[114.305, 30.593], [109.488, 30.272], [110.798, 32.629], [116.05, 29.1]]) {
      const [x, y] = project(mercator, lng, lat);
      const [ex, ey] = d3([lng, lat])!;
      expect(x).toBeCloseTo(ex, 6);
      expect(y).toBeCloseTo(ey, 6);
    }
  });

  it('puts Wuhan inside the map, east of Enshi', () => {
    const wuhan = prefectures.find((p) => p.code === '420100')!;
    const enshi = prefectures.find((p) => p.code === '422800')!;
    expect(wuhan.x).toBeGreaterThan(enshi.x);
    expect(wuhan.d.startsWith('M')).toBe(true);
  });
});

describe('map colours and names', () => {
  it('gives no brand its own colour and spreads the rest over four', () => {
    expect(bucketOf(0, 12)).toBe(0);
    expect(bucketOf(1, 12)).toBe(1);
    expect(bucketOf(3, 12)).toBe(1);
    expect(bucketOf(4, 12)).toBe(2);
    expect(bucketOf(12, 12)).toBe(4);
    expect(bucketOf(2, 2)).toBe(4);
  });

  it('names the counts of every colour in use', () => {
    expect(legendRanges(12)).toEqual([
      { bucket: 0, from: 0, to: 0 },
      { bucket: 1, from: 1, to: 3 },
      { bucket: 2, from: 4, to: 6 },
      { bucket: 3, from: 7, to: 9 },
      { bucket: 4, from: 10, to: 12 },
    ]);
    expect(legendRanges(2)).toEqual([
      { bucket: 0, from: 0, to: 0 },
      { bucket: 2, from: 1, to: 1 },
      { bucket: 4, from: 2, to: 2 },
    ]);
  });

  it('shortens names on the map', () => {
    expect(shortName('黄冈市')).toBe('黄冈');
    expect(shortName('恩施土家族苗族自治州')).toBe('恩施州');
    expect(shortName('神农架林区')).toBe('神农架');
    expect(shortName('Huanggang')).toBe('Huanggang');
  });
});
