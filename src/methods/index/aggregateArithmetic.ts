import { NeumaierAccumulator } from '../../numeric/neumaierSum.js';
import type { DataMatrix } from './dataMatrix.js';
import { checkShape, requireComplete } from './dataMatrix.js';
import { userWeights } from './userWeights.js';

export interface AggregateOptions {
  /**
   * `throw` (default): a missing value throws `index.missing_values`. `reweight`: drop missing cells and
   * rescale the remaining weights of that unit to sum 1, as COINr's `a_amean`/`a_gmean` do; a unit with no
   * value gets NaN.
   */
  missing?: 'throw' | 'reweight';
}

/**
 * Weighted arithmetic mean per unit (linear additive aggregation; OECD/JRC Handbook 2008, §6.1, eq. 21):
 * y_i = Σ_j w_j x_ij / Σ_j w_j. Weights are validated (non-negative, positive sum) and rescaled to sum 1.
 *
 * @example
 * aggregateArithmetic(dataMatrix([[1, 3]]), [1, 1]); // [2]
 */
export function aggregateArithmetic(x: DataMatrix, weights: ArrayLike<number>, options: AggregateOptions = {}): Float64Array {
  checkShape(x);
  const w = userWeights(weights, x.m);
  if (options.missing !== 'reweight') requireComplete(x, 'arithmetic aggregation');
  return arithmeticEngine(x, w);
}

/** Engine: rows of a checked matrix, weights summing to 1; NaN cells are skipped with weight rescaling. */
export function arithmeticEngine(x: DataMatrix, w: Float64Array): Float64Array {
  const { n, m, values } = x;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const num = new NeumaierAccumulator();
    const den = new NeumaierAccumulator();
    for (let j = 0; j < m; j++) {
      const v = values[i * m + j] as number;
      if (Number.isNaN(v)) continue;
      const wj = w[j] as number;
      num.add(wj * v);
      den.add(wj);
    }
    out[i] = den.value > 0 ? num.value / den.value : Number.NaN;
  }
  return out;
}

