import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import { userWeights } from './userWeights.js';

/**
 * How two weight vectors (typically subjective AHP and objective entropy/CRITIC) are combined:
 * - `linear`: w = α·w1 + (1 − α)·w2, α ∈ [0, 1] (组合赋权, linear weighting; e.g. 徐泽水 2004);
 * - `multiplicative`: w_j = w1_j·w2_j / Σ_k w1_k·w2_k (乘法合成归一化).
 */
export type CombineWeightsOptions = { method: 'linear'; alpha: number } | { method: 'multiplicative' };

/**
 * Combines two weight vectors. Both are validated and rescaled to sum 1 first (see {@link userWeights}).
 * Throws `index.weights_invalid` for α outside [0, 1] or when the multiplicative product is zero everywhere.
 *
 * @example
 * combineWeights([0.6, 0.4], [0.2, 0.8], { method: 'linear', alpha: 0.5 }); // [0.4, 0.6]
 */
export function combineWeights(w1: ArrayLike<number>, w2: ArrayLike<number>, options: CombineWeightsOptions): Float64Array {
  const a = userWeights(w1);
  const b = userWeights(w2, a.length);
  if (options.method === 'linear') {
    const alpha = options.alpha;
    if (!(alpha >= 0 && alpha <= 1)) throw new FtzError('index.weights_invalid', { reason: `alpha is ${alpha}; it must lie in [0, 1]` });
    return a.map((v, j) => alpha * v + (1 - alpha) * (b[j] as number));
  }
  const product = a.map((v, j) => v * (b[j] as number));
  const total = neumaierSum(product);
  if (!(total > 0)) throw new FtzError('index.weights_invalid', { reason: 'the two weight vectors have no indicator in common with positive weight' });
  return product.map((v) => v / total);
}
