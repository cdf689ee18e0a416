import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import { columnMoments, correlationMatrix } from './columnMoments.js';
import type { DataMatrix } from './dataMatrix.js';
import { checkShape, requireComplete } from './dataMatrix.js';

/** CRITIC weights with their ingredients. */
export interface CriticWeights {
  weights: Float64Array;
  /** σ_j, sample standard deviation (n − 1) of each indicator. */
  sd: Float64Array;
  /** C_j = σ_j Σ_k (1 − r_jk), the information content. */
  information: Float64Array;
  /** Pearson correlation matrix, row-major m × m. */
  correlation: Float64Array;
}

/**
 * CRITIC (CRiteria Importance Through Intercriteria Correlation; Diakoulaki, Mavrotas & Papayannakis 1995,
 * Computers & Operations Research 22(7), eqs. 2–3): C_j = σ_j Σ_k (1 − r_jk), w_j = C_j / Σ_k C_k, computed on
 * a normalised matrix (the paper uses min-max with directions). σ uses divisor n − 1 (as pymcdm); the weights
 * do not depend on that choice since it scales every σ_j alike.
 *
 * Throws `index.missing_values` on NaN and `index.zero_variance` on a constant column.
 *
 * @example
 * criticWeights(normalise(x, { method: 'minmax', directions })).weights;
 */
export function criticWeights(x: DataMatrix): CriticWeights {
  checkShape(x);
  requireComplete(x, 'CRITIC weights');
  const moments = columnMoments(x, 'CRITIC weights');
  const correlation = correlationMatrix(x, moments);
  const m = x.m;
  const information = new Float64Array(m);
  const conflict = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < m; k++) conflict[k] = 1 - (correlation[j * m + k] as number);
    information[j] = (moments.sd[j] as number) * neumaierSum(conflict);
  }
  const total = neumaierSum(information);
  if (!(total > 0)) {
    throw new FtzError('index.weights_invalid', { reason: 'CRITIC: every indicator is perfectly correlated with the others, so none carries information' });
  }
  return { weights: information.map((c) => c / total), sd: moments.sd, information, correlation };
}
