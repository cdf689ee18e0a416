import { FtzError } from '../../core/errors.js';
import { haversineKm } from './haversineKm.js';
import { weightsFromNeighbors, type SpatialWeights } from './spatialWeights.js';

export interface InverseDistanceOptions {
  /** Decay power α in w_ij = d_ij^(−α); default 1. Use 2 for the gravity form. */
  power?: number;
  /** Keep only pairs with d_ij ≤ cutoffKm; default: all pairs (a dense matrix). */
  cutoffKm?: number;
}

function checkCoords(ids: readonly string[], lon: ArrayLike<number>, lat: ArrayLike<number>): void {
  if (lon.length !== ids.length || lat.length !== ids.length) {
    throw new FtzError('disparity.length_mismatch', { what: 'coordinates vs ids', expected: ids.length, found: Math.min(lon.length, lat.length) });
  }
  for (let i = 0; i < ids.length; i++) {
    if (!Number.isFinite(lon[i]) || !Number.isFinite(lat[i])) {
      throw new FtzError('spatial.weights_invalid', { reason: `unit ${ids[i]} has no finite centroid (${lon[i]}, ${lat[i]})` });
    }
  }
}

/**
 * Inverse-distance weights from centroids: w_ij = d_ij^(−α) for i ≠ j (and d_ij ≤ cutoff), d by the haversine
 * great-circle distance in km. Returned untransformed (`custom`); row-standardise with
 * {@link transformWeights} if the statistic expects it. Coincident centroids (d = 0) are rejected.
 *
 * @example
 * const w = inverseDistanceWeights(ids, lon, lat, { power: 2, cutoffKm: 1500 });
 */
export function inverseDistanceWeights(
  ids: readonly string[],
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  options: InverseDistanceOptions = {},
): SpatialWeights {
  checkCoords(ids, lon, lat);
  const power = options.power ?? 1;
  const cutoff = options.cutoffKm ?? Infinity;
  if (!(power > 0)) throw new FtzError('disparity.option_invalid', { option: 'power', value: String(power), reason: 'must be positive' });
  const n = ids.length;
  const nb: number[][] = [];
  const wt: number[][] = [];
  for (let i = 0; i < n; i++) {
    const li: number[] = [];
    const wi: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = haversineKm(lon[i] as number, lat[i] as number, lon[j] as number, lat[j] as number);
      if (d === 0) throw new FtzError('spatial.weights_invalid', { reason: `units ${ids[i]} and ${ids[j]} share a centroid` });
      if (d <= cutoff) {
        li.push(j);
        wi.push(d ** -power);
      }
    }
    nb.push(li);
    wt.push(wi);
  }
  return weightsFromNeighbors(ids, nb, wt);
}

/**
 * k-nearest-neighbour weights (binary) by haversine distance between centroids; ties broken by position.
 * Not symmetric in general.
 */
export function knnWeights(ids: readonly string[], lon: ArrayLike<number>, lat: ArrayLike<number>, k: number): SpatialWeights {
  checkCoords(ids, lon, lat);
  const n = ids.length;
  if (!Number.isInteger(k) || k < 1 || k >= n) {
    throw new FtzError('disparity.option_invalid', { option: 'k', value: String(k), reason: `must be an integer in 1..${n - 1}` });
  }
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) {
    const d: Array<[number, number]> = [];
    for (let j = 0; j < n; j++) {
      if (j !== i) d.push([haversineKm(lon[i] as number, lat[i] as number, lon[j] as number, lat[j] as number), j]);
    }
    d.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    lists.push(d.slice(0, k).map((e) => e[1]));
  }
  return weightsFromNeighbors(ids, lists);
}
