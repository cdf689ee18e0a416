import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import type { DataMatrix } from './dataMatrix.js';
import { indicatorLabel } from './dataMatrix.js';

/** Column means and sample standard deviations (divisor n − 1) of a complete data matrix. */
export interface ColumnMoments {
  mean: Float64Array;
  sd: Float64Array;
}

/**
 * Means and sample standard deviations per indicator, both with compensated sums and the two-pass
 * (centred) variance, which avoids the cancellation of the Σx² − n·mean² shortcut. Throws
 * `index.zero_variance` for a constant column, since every weighting method divides by or weights with
 * the spread.
 */
export function columnMoments(x: DataMatrix, method: string): ColumnMoments {
  const { n, m, values } = x;
  const mean = new Float64Array(m);
  const sd = new Float64Array(m);
  const centred = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    const mu = neumaierSum(values, j, n, m) / n;
    for (let i = 0; i < n; i++) centred[i] = ((values[i * m + j] as number) - mu) ** 2;
    const s = n > 1 ? Math.sqrt(neumaierSum(centred) / (n - 1)) : 0;
    if (!(s > 0) || s <= 1e-14 * Math.abs(mu)) {
      throw new FtzError('index.zero_variance', { indicator: indicatorLabel(x, j), scope: method });
    }
    mean[j] = mu;
    sd[j] = s;
  }
  return { mean, sd };
}

/**
 * Pearson correlation matrix (row-major m × m) of a complete data matrix, given its moments.
 */
export function correlationMatrix(x: DataMatrix, moments: ColumnMoments): Float64Array {
  const { n, m, values } = x;
  const r = new Float64Array(m * m);
  const prod = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    r[j * m + j] = 1;
    for (let k = j + 1; k < m; k++) {
      const mj = moments.mean[j] as number;
      const mk = moments.mean[k] as number;
      for (let i = 0; i < n; i++) prod[i] = ((values[i * m + j] as number) - mj) * ((values[i * m + k] as number) - mk);
      const cov = neumaierSum(prod) / (n - 1);
      const v = Math.max(-1, Math.min(1, cov / ((moments.sd[j] as number) * (moments.sd[k] as number))));
      r[j * m + k] = v;
      r[k * m + j] = v;
    }
  }
  return r;
}
