import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';
import { E } from './errors.ts';
import type { Polygon } from './schema.ts';

// Grid boundaries live in the community map's own plane (no projection, no
// tiles), so areas are plain shoelace sums; turf does the hard parts —
// self-intersection and polygon clipping — which it does in the plane too.

type Ring = [number, number][];

function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return Math.abs(s) / 2;
}

/** Overlaps smaller than this (in map units²) are rounding along a shared edge, not an overlap. */
const OVERLAP_TOLERANCE = 0.5;

/** Refuses a boundary that is not a closed, simple ring enclosing an area. */
export function checkBoundary(boundary: Polygon): void {
  const ring = boundary.coordinates[0] as Ring;
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < 4 || !first || !last) throw E.boundary_vertices();
  if (first[0] !== last[0] || first[1] !== last[1]) throw E.boundary_open();
  if (new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`)).size < 3) throw E.boundary_vertices();
  if (kinks(turfPolygon([ring])).features.length > 0) throw E.boundary_kinks();
  if (ringArea(ring) < OVERLAP_TOLERANCE) throw E.boundary_area();
}

/** The area two boundaries share (0 when they are apart or only touch). */
export function sharedArea(a: Polygon, b: Polygon): number {
  const cut = intersect(featureCollection([turfPolygon(a.coordinates as Ring[]), turfPolygon(b.coordinates as Ring[])]));
  if (!cut) return 0;
  const g = cut.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((sum, p) => sum + ringArea(p[0] as Ring) - p.slice(1).reduce((h, r) => h + ringArea(r as Ring), 0), 0);
}

export const overlaps = (a: Polygon, b: Polygon) => sharedArea(a, b) > OVERLAP_TOLERANCE;

/** Ray casting: whether a point lies inside (or on the edge of) the boundary. */
export function contains(boundary: Polygon, x: number, y: number): boolean {
  const ring = boundary.coordinates[0] as Ring;
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    const onEdge = (x - xi) * (yj - yi) === (y - yi) * (xj - xi) && Math.min(xi, xj) <= x && x <= Math.max(xi, xj) && Math.min(yi, yj) <= y && y <= Math.max(yi, yj);
    if (onEdge) return true;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The centre of the boundary's vertices: where a label or a unit without a place is drawn. */
export function centre(boundary: Polygon): [number, number] {
  const ring = boundary.coordinates[0]!.slice(0, -1);
  return [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
}
