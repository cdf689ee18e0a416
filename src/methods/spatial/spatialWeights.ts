import { FtzError } from '../../core/errors.js';

/**
 * Spatial weights in compressed sparse rows: the neighbours of unit i are
 * `neighbors[offsets[i] .. offsets[i+1])` with weights at the same positions. Units are positions 0..n−1;
 * `ids` names them in the order the data must follow.
 */
export interface SpatialWeights {
  readonly n: number;
  readonly ids: readonly string[];
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly weights: Float64Array;
  /** `binary` (all 1), `row` (each non-empty row sums to 1) or `custom` (as given, e.g. inverse distance). */
  readonly transform: 'binary' | 'row' | 'custom';
  /** Positions of units with no neighbours (their row is empty; their spatial lag is 0). */
  readonly islands: readonly number[];
}

/**
 * Builds weights from neighbour lists (positions, not ids). Weights default to 1 (binary). Self-links and
 * out-of-range neighbours are rejected; duplicate neighbours are rejected.
 *
 * @example
 * const w = weightsFromNeighbors(['a', 'b', 'c'], [[1], [0, 2], [1]]);
 */
export function weightsFromNeighbors(
  ids: readonly string[],
  neighborLists: ReadonlyArray<ArrayLike<number>>,
  weightLists?: ReadonlyArray<ArrayLike<number>>,
): SpatialWeights {
  const n = ids.length;
  if (neighborLists.length !== n) {
    throw new FtzError('spatial.weights_invalid', { reason: `${n} ids but ${neighborLists.length} neighbour lists` });
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] as number) + (neighborLists[i] as ArrayLike<number>).length;
  const total = offsets[n] as number;
  const neighbors = new Int32Array(total);
  const weights = new Float64Array(total);
  const islands: number[] = [];
  for (let i = 0; i < n; i++) {
    const list = neighborLists[i] as ArrayLike<number>;
    const wl = weightLists?.[i];
    if (wl !== undefined && wl.length !== list.length) {
      throw new FtzError('spatial.weights_invalid', {
        reason: `unit ${ids[i]} has ${list.length} neighbours but ${wl.length} weights`,
      });
    }
    if (list.length === 0) islands.push(i);
    const seen = new Set<number>();
    const o = offsets[i] as number;
    for (let k = 0; k < list.length; k++) {
      const j = list[k] as number;
      if (!Number.isInteger(j) || j < 0 || j >= n) {
        throw new FtzError('spatial.weights_invalid', { reason: `unit ${ids[i]} has neighbour index ${j} outside 0..${n - 1}` });
      }
      if (j === i) throw new FtzError('spatial.weights_invalid', { reason: `unit ${ids[i]} is its own neighbour` });
      if (seen.has(j)) throw new FtzError('spatial.weights_invalid', { reason: `unit ${ids[i]} lists neighbour ${ids[j]} twice` });
      seen.add(j);
      const wv = wl === undefined ? 1 : (wl[k] as number);
      if (!Number.isFinite(wv) || wv < 0) {
        throw new FtzError('spatial.weights_invalid', { reason: `weight ${wv} between ${ids[i]} and ${ids[j]} is not a finite non-negative number` });
      }
      neighbors[o + k] = j;
      weights[o + k] = wv;
    }
  }
  return { n, ids: [...ids], offsets, neighbors, weights, transform: weightLists === undefined ? 'binary' : 'custom', islands };
}

/**
 * Re-weights: `row` divides each row by its sum (libpysal `transform = 'R'`, spdep `style = "W"`); islands
 * stay empty rows. `binary` sets every existing link to 1 (libpysal `'B'`, spdep `"B"`).
 */
export function transformWeights(w: SpatialWeights, transform: 'row' | 'binary'): SpatialWeights {
  const weights = new Float64Array(w.weights.length);
  for (let i = 0; i < w.n; i++) {
    const a = w.offsets[i] as number;
    const b = w.offsets[i + 1] as number;
    if (transform === 'binary') {
      weights.fill(1, a, b);
      continue;
    }
    let s = 0;
    for (let k = a; k < b; k++) s += w.weights[k] as number;
    for (let k = a; k < b; k++) weights[k] = s > 0 ? (w.weights[k] as number) / s : 0;
  }
  return { ...w, weights, transform };
}

/** The spatial lag (Wy)_i = Σ_j w_ij y_j; islands get 0 (libpysal `lag_spatial`). */
export function spatialLag(w: SpatialWeights, y: ArrayLike<number>): Float64Array {
  if (y.length !== w.n) throw new FtzError('disparity.length_mismatch', { what: 'spatial lag: values vs weights', expected: w.n, found: y.length });
  const out = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let k = w.offsets[i] as number; k < (w.offsets[i + 1] as number); k++) {
      s += (w.weights[k] as number) * (y[w.neighbors[k] as number] as number);
    }
    out[i] = s;
  }
  return out;
}

/**
 * Cliff & Ord (1981, §1.5) weight sums: S0 = Σ_ij w_ij, S1 = ½ Σ_ij (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)².
 */
export function weightSums(w: SpatialWeights): { s0: number; s1: number; s2: number } {
  const n = w.n;
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  const pair = new Map<number, number>();
  let s0 = 0;
  for (let i = 0; i < n; i++) {
    for (let k = w.offsets[i] as number; k < (w.offsets[i + 1] as number); k++) {
      const j = w.neighbors[k] as number;
      const v = w.weights[k] as number;
      s0 += v;
      rowSum[i] = (rowSum[i] as number) + v;
      colSum[j] = (colSum[j] as number) + v;
      // Key the unordered pair so w_ij and w_ji meet in one entry.
      const key = i < j ? i * n + j : j * n + i;
      pair.set(key, (pair.get(key) ?? 0) + v);
    }
  }
  let s1 = 0;
  for (const v of pair.values()) s1 += v * v;
  // Each unordered pair {i, j} appears twice in Σ_ij (w_ij + w_ji)², so ½ of that sum is Σ over pairs.
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const t = (rowSum[i] as number) + (colSum[i] as number);
    s2 += t * t;
  }
  return { s0, s1, s2 };
}
