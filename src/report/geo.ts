/**
 * Geography of the map: the Natural Earth base map (world-atlas TopoJSON, 1:110m, read from the
 * installed package — nothing is fetched), and a position for every node.
 *
 * Nodes without a `location` (cloud regions often have none) are placed at the spherical centroid
 * of the located nodes they are linked with, repeated until nothing changes (at most `nodes`
 * rounds, each O(links)); nodes still unplaced are left out and named in the caption. The
 * centroid is the normalised mean of unit vectors, which handles the antimeridian.
 */
import { createRequire } from 'node:module';
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Scenario } from '../io/model.js';

/** Land and country borders as GeoJSON. */
export interface BaseMap {
  readonly land: FeatureCollection<Geometry>;
  readonly borders: MultiLineString;
}

let cached: BaseMap | null = null;

/** The 1:110m base map, read once per process from the `world-atlas` package. */
export function baseMap(): BaseMap {
  if (cached !== null) return cached;
  const require = createRequire(import.meta.url);
  const land = require('world-atlas/land-110m.json') as Topology<{ land: GeometryCollection }>;
  const countries = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
  cached = {
    land: feature(land, land.objects.land) as FeatureCollection<Geometry>,
    borders: mesh(countries, countries.objects.countries, (a, b) => a !== b),
  };
  return cached;
}

/** Where a node is drawn: `[lon, lat]` and whether it came from the scenario or was inferred. */
export interface Placement {
  readonly lonLat: readonly [number, number];
  readonly inferred: boolean;
}

const RAD = Math.PI / 180;

function toVec(lon: number, lat: number): [number, number, number] {
  return [
    Math.cos(lat * RAD) * Math.cos(lon * RAD),
    Math.cos(lat * RAD) * Math.sin(lon * RAD),
    Math.sin(lat * RAD),
  ];
}

function centroid(points: readonly (readonly [number, number])[]): [number, number] | null {
  let x = 0;
  let y = 0;
  let z = 0;
  for (const [lon, lat] of points) {
    const v = toVec(lon, lat);
    x += v[0];
    y += v[1];
    z += v[2];
  }
  const r = Math.hypot(x, y, z);
  if (r < 1e-9) return null; // antipodal neighbours: no meaningful centre
  return [Math.atan2(y, x) / RAD, Math.asin(z / r) / RAD];
}

/** Positions of the scenario's nodes (aligned with `scenario.nodes`; null when unplaceable). */
export function placeNodes(scenario: Scenario): (Placement | null)[] {
  const idx = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const out: (Placement | null)[] = scenario.nodes.map((n) =>
    n.location === null ? null : { lonLat: [n.location[1], n.location[0]], inferred: false },
  );
  const neighbours = scenario.nodes.map(() => new Set<number>());
  for (const l of scenario.links) {
    const a = idx.get(l.from);
    const b = idx.get(l.to);
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a].add(b);
    neighbours[b].add(a);
  }
  for (let round = 0; round < scenario.nodes.length; round++) {
    const next: [number, Placement][] = [];
    for (let i = 0; i < out.length; i++) {
      if (out[i] !== null) continue;
      const known = [...neighbours[i]].flatMap((j) => (out[j] === null ? [] : [out[j]!.lonLat]));
      const c = known.length > 0 ? centroid(known) : null;
      if (c !== null) next.push([i, { lonLat: c, inferred: true }]);
    }
    if (next.length === 0) break;
    // Placed together after the round so the result does not depend on node order within it.
    for (const [i, p] of next) out[i] = p;
  }
  return out;
}
