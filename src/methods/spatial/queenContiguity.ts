import { FtzError } from '../../core/errors.js';
import { haversineKm } from './haversineKm.js';
import { weightsFromNeighbors, type SpatialWeights } from './spatialWeights.js';

type Position = readonly number[];

/** The part of a GeoJSON Feature this module reads. */
export interface PolygonFeature {
  readonly id?: string | number;
  readonly properties?: Readonly<Record<string, unknown>> | null;
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly Position[])[] }
    | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly Position[])[])[] }
    | null;
}

export interface QueenContiguityOptions {
  /** Property holding the unit id; default: the feature's `id`, else its position. */
  idProperty?: string;
  /**
   * Coordinates closer than this (in coordinate units, e.g. degrees) count as the same point; default 0
   * (exact match). Simplified boundaries that do not share vertices exactly need e.g. 1e-3.
   */
  tolerance?: number;
  /**
   * Also link polygons where a vertex of one lies on an edge of the other (within `tolerance`), for
   * boundaries digitised with different vertices; default true.
   */
  edges?: boolean;
  /**
   * Islands (units with no contiguous neighbour, e.g. Hainan) are kept with no neighbours and reported in
   * `islands` (the default, `0`); with k > 0 each island is linked both ways to its k nearest units by
   * haversine distance between vertex centroids (lon/lat coordinates assumed).
   */
  islandNeighbors?: number;
}

export interface QueenContiguityResult {
  readonly weights: SpatialWeights;
  /** Ids of units that had no contiguous neighbour (before any `islandNeighbors` linking). */
  readonly islands: readonly string[];
}

interface Shape {
  xs: Float64Array;
  ys: Float64Array;
  /** Segment k joins vertex k and k+1 unless k is the last vertex of a ring (segEnd[k] = 0). */
  segNext: Uint8Array;
  box: [number, number, number, number];
}

function collectShape(f: PolygonFeature, label: string): Shape {
  const g = f.geometry;
  if (g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    throw new FtzError('spatial.geometry_invalid', { feature: label, reason: 'geometry must be Polygon or MultiPolygon' });
  }
  const rings: (readonly Position[])[] = g.type === 'Polygon' ? [...g.coordinates] : g.coordinates.flat();
  const xs: number[] = [];
  const ys: number[] = [];
  const segNext: number[] = [];
  for (const ring of rings) {
    for (let k = 0; k < ring.length; k++) {
      const p = ring[k] as Position;
      const x = p[0];
      const y = p[1];
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
        throw new FtzError('spatial.geometry_invalid', { feature: label, reason: `vertex ${k} is not a finite coordinate pair` });
      }
      xs.push(x);
      ys.push(y);
      segNext.push(k < ring.length - 1 ? 1 : 0);
    }
  }
  if (xs.length === 0) throw new FtzError('spatial.geometry_invalid', { feature: label, reason: 'no vertices' });
  const box: [number, number, number, number] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys), segNext: Uint8Array.from(segNext), box };
}

function pointSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function touchesByEdge(a: Shape, b: Shape, tol: number): boolean {
  for (let i = 0; i < a.xs.length; i++) {
    const px = a.xs[i] as number;
    const py = a.ys[i] as number;
    if (px < b.box[0] - tol || px > b.box[2] + tol || py < b.box[1] - tol || py > b.box[3] + tol) continue;
    for (let k = 0; k < b.xs.length - 1; k++) {
      if (b.segNext[k] === 0) continue;
      const ax = b.xs[k] as number;
      const ay = b.ys[k] as number;
      const bx = b.xs[k + 1] as number;
      const by = b.ys[k + 1] as number;
      if (px < Math.min(ax, bx) - tol || px > Math.max(ax, bx) + tol || py < Math.min(ay, by) - tol || py > Math.max(ay, by) + tol) continue;
      if (pointSegmentDistance(px, py, ax, ay, bx, by) <= tol) return true;
    }
  }
  return false;
}

/**
 * Queen contiguity (Cliff & Ord 1981, §1.5.1; libpysal `Queen`): two polygons are neighbours when they share
 * at least one boundary point — a common vertex within `tolerance`, or (with `edges`) a vertex lying on the
 * other's boundary segment. Weights are binary and symmetric; islands are kept and reported.
 *
 * @example
 * const { weights, islands } = queenContiguity(geojson.features, { idProperty: 'code', tolerance: 1e-3 });
 */
export function queenContiguity(features: readonly PolygonFeature[], options: QueenContiguityOptions = {}): QueenContiguityResult {
  const tol = options.tolerance ?? 0;
  if (!(tol >= 0)) throw new FtzError('disparity.option_invalid', { option: 'tolerance', value: String(tol), reason: 'must be non-negative' });
  const ids = features.map((f, i) => {
    const v = options.idProperty !== undefined ? f.properties?.[options.idProperty] : f.id;
    return v === undefined || v === null ? String(i) : String(v);
  });
  const shapes = features.map((f, i) => collectShape(f, ids[i] as string));
  const n = shapes.length;
  const links: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const link = (i: number, j: number): void => {
    if (i === j) return;
    links[i]?.add(j);
    links[j]?.add(i);
  };

  // Shared vertices: bucket vertices on a grid of cell size `tol` (exact keys when tol = 0) and compare
  // each vertex with the 3×3 block of cells around it.
  const cell = tol > 0 ? tol : 0;
  const key = (cx: number, cy: number): string => `${cx},${cy}`;
  const grid = new Map<string, Array<[number, number, number]>>();
  shapes.forEach((s, u) => {
    for (let k = 0; k < s.xs.length; k++) {
      const x = s.xs[k] as number;
      const y = s.ys[k] as number;
      const kk = cell > 0 ? key(Math.floor(x / cell), Math.floor(y / cell)) : key(x, y);
      const bucket = grid.get(kk);
      if (bucket === undefined) grid.set(kk, [[u, x, y]]);
      else bucket.push([u, x, y]);
    }
  });
  if (cell === 0) {
    for (const bucket of grid.values()) {
      const units = new Set(bucket.map((e) => e[0]));
      const arr = [...units];
      for (let a = 0; a < arr.length; a++) for (let b = a + 1; b < arr.length; b++) link(arr[a] as number, arr[b] as number);
    }
  } else {
    for (const [k, bucket] of grid) {
      const [cx, cy] = k.split(',').map(Number) as [number, number];
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          const other = grid.get(key(cx + dx, cy + dy));
          if (other === undefined) continue;
          for (const [u, x, y] of bucket) {
            for (const [v, x2, y2] of other) {
              if (u !== v && !links[u]?.has(v) && Math.hypot(x - x2, y - y2) <= tol) link(u, v);
            }
          }
        }
      }
    }
  }

  if (options.edges ?? true) {
    for (let i = 0; i < n; i++) {
      const a = shapes[i] as Shape;
      for (let j = i + 1; j < n; j++) {
        if (links[i]?.has(j)) continue;
        const b = shapes[j] as Shape;
        if (a.box[0] > b.box[2] + tol || b.box[0] > a.box[2] + tol || a.box[1] > b.box[3] + tol || b.box[1] > a.box[3] + tol) continue;
        if (touchesByEdge(a, b, tol) || touchesByEdge(b, a, tol)) link(i, j);
      }
    }
  }

  const islandPositions: number[] = [];
  for (let i = 0; i < n; i++) if (links[i]?.size === 0) islandPositions.push(i);
  const k = options.islandNeighbors ?? 0;
  if (k > 0) {
    const cx = shapes.map((s) => s.xs.reduce((p, v) => p + v, 0) / s.xs.length);
    const cy = shapes.map((s) => s.ys.reduce((p, v) => p + v, 0) / s.ys.length);
    for (const i of islandPositions) {
      const d: Array<[number, number]> = [];
      for (let j = 0; j < n; j++) if (j !== i) d.push([haversineKm(cx[i] as number, cy[i] as number, cx[j] as number, cy[j] as number), j]);
      d.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      for (const [, j] of d.slice(0, k)) link(i, j);
    }
  }
  const lists = links.map((s) => [...s].sort((p, q) => p - q));
  return { weights: weightsFromNeighbors(ids, lists), islands: islandPositions.map((i) => ids[i] as string) };
}
