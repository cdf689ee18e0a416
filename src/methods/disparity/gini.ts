import { FtzError } from '../../core/errors.js';
import { finiteValues, requireNonNegative, unitWeights } from './checks.js';

export interface GiniOptions {
  /** Unit weights (e.g. population) for the weighted Gini; default: every unit counts once. */
  weights?: ArrayLike<number>;
}

/**
 * The Gini coefficient G = Σ_i Σ_j w_i w_j |y_i − y_j| / (2 W² μ), μ = Σ w_i y_i / W (Gini 1912; the mean
 * absolute difference form, e.g. Dagum 1997 eq. 1 with unit weights). Unweighted it equals pysal
 * inequality's `Gini` (no n/(n−1) small-sample correction). Computed in O(n log n) on sorted values.
 * Values must be non-negative with a positive mean.
 *
 * @example
 * gini([1, 2, 3, 4]); // 0.25
 */
export function gini(values: ArrayLike<number>, options: GiniOptions = {}): number {
  const y = finiteValues('Gini', values, 2);
  requireNonNegative('Gini', y);
  const w = unitWeights('Gini', y.length, options.weights);
  const order = Array.from(y.keys()).sort((a, b) => (y[a] as number) - (y[b] as number));
  // Σ_{i<j in sorted order} w_i w_j (y_j − y_i) = Σ_j w_j (y_j·W_below − S_below).
  let wBelow = 0;
  let sBelow = 0;
  let pairSum = 0;
  let total = 0;
  let wTotal = 0;
  for (const i of order) {
    const wi = w[i] as number;
    const yi = y[i] as number;
    pairSum += wi * (yi * wBelow - sBelow);
    wBelow += wi;
    sBelow += wi * yi;
    total += wi * yi;
    wTotal += wi;
  }
  const mean = total / wTotal;
  if (!(mean > 0)) throw new FtzError('disparity.constant_variable', { method: 'Gini', variable: 'values (mean is zero)' });
  return pairSum / (wTotal * wTotal * mean);
}
