import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import { symmetricEigen } from '../../numeric/symmetricEigen.js';
import { columnMoments, correlationMatrix } from './columnMoments.js';
import type { DataMatrix } from './dataMatrix.js';
import { checkShape, requireComplete } from './dataMatrix.js';

export interface PcaWeightsOptions {
  /** Keep components whose eigenvalue exceeds this (Kaiser criterion); default 1. */
  minEigenvalue?: number;
}

export interface PcaWeights {
  weights: Float64Array;
  /** All eigenvalues of the correlation matrix, largest first. */
  eigenvalues: Float64Array;
  /** Number of components retained. */
  components: number;
  /** Share of total variance explained by the retained components. */
  explained: number;
  /** Loadings a_jk = v_jk √λ_k of the retained components, row-major m × components. */
  loadings: Float64Array;
}

/**
 * PCA weights, in the variant common in the Chinese composite-index literature (e.g. 韩小孩, 张耀辉, 孙福军 &
 * 王少华 2012, 四川兵工学报 33(10), "基于主成分分析的指标权重确定方法"):
 *
 * 1. eigen-decompose the correlation matrix R (indicators standardised), eigenpairs (λ_k, v_k);
 * 2. keep the components with λ_k > 1 (Kaiser 1960);
 * 3. the coefficient of indicator j in component k is the loading divided by √λ_k, i.e. v_jk;
 * 4. its coefficient in the composite model is Σ_k λ_k |v_jk| / Σ_k λ_k (components weighted by their
 *    variance share);
 * 5. normalise to sum 1.
 *
 * Absolute values are taken in step 4 because the sign of an eigenvector is arbitrary; without them the
 * weights would change sign with the eigensolver. If no eigenvalue exceeds the threshold, the first component
 * alone is used.
 *
 * Throws `index.missing_values` on NaN and `index.zero_variance` on a constant column.
 */
export function pcaWeights(x: DataMatrix, options: PcaWeightsOptions = {}): PcaWeights {
  checkShape(x);
  requireComplete(x, 'PCA weights');
  if (x.n < 2) throw new FtzError('index.dimension_mismatch', { what: 'PCA weights: units (at least 2)', expected: 2, found: x.n });
  const moments = columnMoments(x, 'PCA weights');
  const r = correlationMatrix(x, moments);
  const m = x.m;
  const eig = symmetricEigen(r, m);
  const threshold = options.minEigenvalue ?? 1;
  let kept = 0;
  while (kept < m && (eig.values[kept] as number) > threshold) kept++;
  if (kept === 0) kept = 1;
  const lambdas = eig.values.subarray(0, kept);
  const lambdaSum = neumaierSum(lambdas);
  const coef = new Float64Array(m);
  const loadings = new Float64Array(m * kept);
  const terms = new Float64Array(kept);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < kept; k++) {
      const v = eig.vectors[j * m + k] as number;
      const lambda = lambdas[k] as number;
      loadings[j * kept + k] = v * Math.sqrt(Math.max(lambda, 0));
      terms[k] = lambda * Math.abs(v);
    }
    coef[j] = neumaierSum(terms) / lambdaSum;
  }
  const total = neumaierSum(coef);
  return {
    weights: coef.map((c) => c / total),
    eigenvalues: eig.values,
    components: kept,
    explained: lambdaSum / neumaierSum(eig.values),
    loadings,
  };
}
