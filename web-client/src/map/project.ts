// The map's projection at run time: the same spherical Mercator that
// scripts/hubei-map.mjs fitted with d3-geo at build time, reduced to its
// three numbers, so that points from the API (venues) land on the shapes
// without shipping d3-geo to the browser.

/** Mercator is d3-geo's geoMercator() with a scale and a translate (radians in, pixels out). */
export interface Mercator {
  /** scale: pixels per radian */
  k: number;
  /** translate x: where longitude 0 would be */
  x: number;
  /** translate y: where the equator would be */
  y: number;
}

const rad = Math.PI / 180;

/** project turns a WGS 84 point into the map's SVG coordinates. */
export function project(m: Mercator, longitude: number, latitude: number): [number, number] {
  const lambda = longitude * rad;
  const phi = latitude * rad;
  return [m.x + m.k * lambda, m.y - m.k * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}
