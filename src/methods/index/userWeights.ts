import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';

/**
 * Validates weights supplied by the user (expert weights, policy weights, a previous study's weights) and
 * rescales them to sum 1. Each must be finite and non-negative, and their sum positive; if `expected` is
 * given the count must match it.
 *
 * Throws `index.weights_invalid` naming the offending entry, `index.dimension_mismatch` on a wrong count.
 *
 * @example
 * userWeights([2, 1, 1]); // [0.5, 0.25, 0.25]
 */
export function userWeights(weights: ArrayLike<number>, expected?: number): Float64Array {
  if (expected !== undefined && weights.length !== expected) {
    throw new FtzError('index.dimension_mismatch', { what: 'weights', expected, found: weights.length });
  }
  const w = Float64Array.from(weights);
  if (w.length === 0) throw new FtzError('index.weights_invalid', { reason: 'no weights given' });
  w.forEach((v, j) => {
    if (!Number.isFinite(v) || v < 0) throw new FtzError('index.weights_invalid', { reason: `weight ${j + 1} is ${v}; weights must be finite and non-negative` });
  });
  const total = neumaierSum(w);
  if (!(total > 0)) throw new FtzError('index.weights_invalid', { reason: 'the weights sum to 0' });
  return w.map((v) => v / total);
}
