import { FtzError } from '../../core/errors.js';
import { NeumaierAccumulator } from '../../numeric/neumaierSum.js';
import type { AggregateOptions } from './aggregateArithmetic.js';
import type { DataMatrix } from './dataMatrix.js';
import { checkShape, indicatorLabel, requireComplete, unitLabel } from './dataMatrix.js';
import { userWeights } from './userWeights.js';

/**
 * Weighted geometric mean per unit (OECD/JRC Handbook 2008, §6.1, eq. 24; COINr `a_gmean`):
 * y_i = exp(Σ_j w_j ln x_ij / Σ_j w_j). Computed in logs, which avoids the under/overflow of Π x^w.
 *
 * Throws `index.nonpositive_geometric` naming unit, indicator and value for any x ≤ 0 (normalise with a
 * positive lower bound, e.g. min-max on [1, 100] or with a shift), `index.missing_values` on NaN unless
 * `missing: 'reweight'`.
 *
 * @example
 * aggregateGeometric(dataMatrix([[1, 4]]), [1, 1]); // [2]
 */
export function aggregateGeometric(x: DataMatrix, weights: ArrayLike<number>, options: AggregateOptions = {}): Float64Array {
  checkShape(x);
  const w = userWeights(weights, x.m);
  if (options.missing !== 'reweight') requireComplete(x, 'geometric aggregation');
  for (let i = 0; i < x.n; i++) {
    for (let j = 0; j < x.m; j++) {
      const v = x.values[i * x.m + j] as number;
      if (v <= 0) throw new FtzError('index.nonpositive_geometric', { unit: unitLabel(x, i), indicator: indicatorLabel(x, j), value: v });
    }
  }
  return geometricEngine(x, w);
}

/** Engine: positive values, weights summing to 1; NaN cells are skipped with weight rescaling. */
export function geometricEngine(x: DataMatrix, w: Float64Array): Float64Array {
  const { n, m, values } = x;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const num = new NeumaierAccumulator();
    const den = new NeumaierAccumulator();
    for (let j = 0; j < m; j++) {
      const v = values[i * m + j] as number;
      if (Number.isNaN(v)) continue;
      const wj = w[j] as number;
      num.add(wj * Math.log(v));
      den.add(wj);
    }
    out[i] = den.value > 0 ? Math.exp(num.value / den.value) : Number.NaN;
  }
  return out;
}
