import { FtzError } from '../../core/errors.js';
import { NeumaierAccumulator } from '../../numeric/neumaierSum.js';
import type { DataMatrix, Direction } from './dataMatrix.js';
import { checkDirections, checkShape, indicatorLabel, requireComplete } from './dataMatrix.js';
import { userWeights } from './userWeights.js';

export interface TopsisOptions {
  /** One direction per indicator; default all +1. */
  directions?: readonly Direction[];
  /**
   * `vector` (default): r_ij = x_ij/‖x_j‖ as in Hwang & Yoon (1981); the ideal takes the max of positive and
   * the min of negative indicators. `minmax`: r_ij = (x_ij − min)/(max − min), reversed for negative
   * indicators, so every column is "more is better" and the ideal is the column max (pymcdm's default;
   * common in the Chinese entropy-TOPSIS literature).
   */
  normalisation?: 'vector' | 'minmax';
}

export interface TopsisResult {
  /** Relative closeness C_i = D−_i/(D+_i + D−_i) ∈ [0, 1]; higher is better. */
  closeness: Float64Array;
  /** D+_i, Euclidean distance to the ideal solution. */
  dPlus: Float64Array;
  /** D−_i, Euclidean distance to the anti-ideal solution. */
  dMinus: Float64Array;
}

/**
 * TOPSIS (Hwang & Yoon 1981, Multiple Attribute Decision Making, §2.3.4; steps as in Opricovic & Tzeng 2004,
 * EJOR 156(2), eqs. 11–15): normalise, weight v_ij = w_j r_ij, take the ideal A+ and anti-ideal A− per
 * direction, D±_i = ‖v_i − A±‖₂, C_i = D−_i/(D+_i + D−_i).
 *
 * Throws `index.missing_values` on NaN, `index.zero_variance` on a constant column under min-max (or an
 * all-zero column under vector normalisation), and when every unit is identical.
 *
 * @example
 * topsis(dataMatrix([[1, 3000], [2, 3750], [5, 4500]]), [0.5, 0.5], { directions: [-1, 1], normalisation: 'minmax' })
 *   .closeness; // ≈ [0.5, 0.617, 0.5]
 */
export function topsis(x: DataMatrix, weights: ArrayLike<number>, options: TopsisOptions = {}): TopsisResult {
  checkShape(x);
  requireComplete(x, 'TOPSIS');
  const w = userWeights(weights, x.m);
  const directions = checkDirections(options.directions, x.m);
  const { n, m, values } = x;
  const v = new Float64Array(n * m);
  const ideal = new Float64Array(m);
  const anti = new Float64Array(m);
  const minmax = options.normalisation === 'minmax';
  for (let j = 0; j < m; j++) {
    let min = Infinity;
    let max = -Infinity;
    const sq = new NeumaierAccumulator();
    for (let i = 0; i < n; i++) {
      const a = values[i * m + j] as number;
      min = Math.min(min, a);
      max = Math.max(max, a);
      sq.add(a * a);
    }
    const norm = Math.sqrt(sq.value);
    if (minmax ? !(max > min) : !(norm > 0)) {
      throw new FtzError('index.zero_variance', { indicator: indicatorLabel(x, j), scope: 'TOPSIS' });
    }
    const d = directions[j] as Direction;
    const wj = w[j] as number;
    let vmin = Infinity;
    let vmax = -Infinity;
    for (let i = 0; i < n; i++) {
      const a = values[i * m + j] as number;
      const r = minmax ? (d === 1 ? (a - min) / (max - min) : (max - a) / (max - min)) : a / norm;
      const vij = wj * r;
      v[i * m + j] = vij;
      vmin = Math.min(vmin, vij);
      vmax = Math.max(vmax, vij);
    }
    const benefit = minmax || d === 1;
    ideal[j] = benefit ? vmax : vmin;
    anti[j] = benefit ? vmin : vmax;
  }
  const dPlus = new Float64Array(n);
  const dMinus = new Float64Array(n);
  const closeness = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = new NeumaierAccumulator();
    const q = new NeumaierAccumulator();
    for (let j = 0; j < m; j++) {
      const vij = v[i * m + j] as number;
      p.add((vij - (ideal[j] as number)) ** 2);
      q.add((vij - (anti[j] as number)) ** 2);
    }
    dPlus[i] = Math.sqrt(p.value);
    dMinus[i] = Math.sqrt(q.value);
    const total = (dPlus[i] as number) + (dMinus[i] as number);
    if (!(total > 0)) throw new FtzError('index.zero_variance', { indicator: 'all indicators', scope: 'TOPSIS (every unit identical)' });
    closeness[i] = (dMinus[i] as number) / total;
  }
  return { closeness, dPlus, dMinus };
}
