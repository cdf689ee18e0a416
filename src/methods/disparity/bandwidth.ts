import { FtzError } from '../../core/errors.js';
import { finiteValues } from './checks.js';
import { quantileSorted } from './quantileClasses.js';

/**
 * Rule-of-thumb kernel bandwidths (σ = sample standard deviation with divisor n − 1, IQR by quantile
 * definition 7):
 * - `silverman`: h = 0.9·min(σ, IQR/1.34)·n^(−1/5) (Silverman 1986, Density Estimation, eq. 3.31; R `bw.nrd0`);
 * - `scott`: h = 1.06·σ·n^(−1/5) (Scott 1992, Multivariate Density Estimation, §6.2; the normal reference
 *   rule, without R `bw.nrd`'s IQR guard).
 * When IQR = 0 Silverman's rule falls back to σ. A constant sample has no bandwidth (coded error).
 *
 * @example
 * bandwidth([1, 2, 3, 4, 5], 'silverman');
 */
export function bandwidth(values: ArrayLike<number>, rule: 'silverman' | 'scott'): number {
  const y = finiteValues('bandwidth', values, 2);
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((y[i] as number) - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd > 0)) throw new FtzError('disparity.constant_variable', { method: 'kernel bandwidth', variable: 'values' });
  const factor = n ** -0.2;
  if (rule === 'scott') return 1.06 * sd * factor;
  const sorted = Float64Array.from(y).sort();
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  return 0.9 * spread * factor;
}
