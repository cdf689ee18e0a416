import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import type { DataMatrix } from './dataMatrix.js';
import { checkShape, indicatorLabel, requireComplete, requireNonNegative } from './dataMatrix.js';

/** Entropy weights with the intermediate quantities the literature reports. */
export interface EntropyWeights {
  weights: Float64Array;
  /** e_j, information entropy of indicator j, in [0, 1]. */
  entropy: Float64Array;
  /** d_j = 1 − e_j, the degree of divergence (差异系数). */
  divergence: Float64Array;
}

/**
 * Entropy weight method (熵值法 / 熵权法; Shannon 1948; Zeleny 1982; in the index literature e.g. 杨丽 & 孙之淳
 * 2015, 经济问题 3). From a non-negative (normalised) matrix x′:
 *
 *   p_ij = x′_ij / Σ_i x′_ij,   e_j = −k Σ_i p_ij ln p_ij,   k = 1/ln n,   d_j = 1 − e_j,   w_j = d_j / Σ_j d_j,
 *
 * with 0·ln 0 = 0 (the limit). For a pooled panel of N units × T years, pass all N·T rows: k = 1/ln(N·T)
 * is the same formula with n = N·T. Pass raw positive data to get the "sum-normalisation of raw data"
 * variant (pymcdm `entropy_weights`); pass min-max output with a shift for the Chinese convention.
 *
 * Throws `index.missing_values` for NaN, `index.negative_values` for negative cells, `index.zero_variance`
 * for a constant column (its entropy is 1 and it carries no information; drop it explicitly).
 *
 * @example
 * entropyWeights(normalise(x, { method: 'minmax', shift: 0.01, directions })).weights;
 */
export function entropyWeights(x: DataMatrix): EntropyWeights {
  checkShape(x);
  requireComplete(x, 'entropy weights');
  requireNonNegative(x, 'entropy weights');
  const { n, m, values } = x;
  if (n < 2) throw new FtzError('index.dimension_mismatch', { what: 'entropy weights: units (at least 2)', expected: 2, found: n });
  const k = 1 / Math.log(n);
  const entropy = new Float64Array(m);
  const divergence = new Float64Array(m);
  const terms = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    const total = neumaierSum(values, j, n, m);
    let constant = true;
    const first = values[j] as number;
    for (let i = 0; i < n; i++) {
      const v = values[i * m + j] as number;
      if (v !== first) constant = false;
      const p = v / total;
      terms[i] = p > 0 ? p * Math.log(p) : 0;
    }
    if (constant) throw new FtzError('index.zero_variance', { indicator: indicatorLabel(x, j), scope: 'entropy weights' });
    const e = -k * neumaierSum(terms);
    entropy[j] = e;
    divergence[j] = 1 - e;
  }
  const dSum = neumaierSum(divergence);
  const weights = divergence.map((d) => d / dSum);
  return { weights, entropy, divergence };
}
