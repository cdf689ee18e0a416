import { FtzError } from '../../core/errors.js';
import { finiteValues, requireNonNegative, requirePositive, unitWeights } from './checks.js';

export interface TheilOptions {
  /**
   * Unit weights (population) for population-weighted indices: p_i = w_i/W, s_i = w_i y_i/Σ w y.
   * Default: every unit counts once (p_i = 1/n), as pysal inequality's `Theil`.
   */
  weights?: ArrayLike<number>;
}

function shares(method: string, y: Float64Array, w: Float64Array): { p: Float64Array; s: Float64Array } {
  let W = 0;
  let Y = 0;
  for (let i = 0; i < y.length; i++) {
    W += w[i] as number;
    Y += (w[i] as number) * (y[i] as number);
  }
  if (!(Y > 0)) throw new FtzError('disparity.constant_variable', { method, variable: 'values (total is zero)' });
  const p = new Float64Array(y.length);
  const s = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    p[i] = (w[i] as number) / W;
    s[i] = ((w[i] as number) * (y[i] as number)) / Y;
  }
  return { p, s };
}

/**
 * Theil's T, the generalised entropy GE(1): T = Σ_i s_i ln(s_i/p_i) (Theil 1967, Economics and Information
 * Theory, ch. 4; Shorrocks 1980 eq. 10 with c = 1). Unweighted, T = (1/n) Σ (y_i/μ) ln(y_i/μ). Zero values
 * contribute 0 (the limit of s ln s); negative values are rejected.
 *
 * @example
 * theilT([0, 0, 0, 10, 10, 10]); // ln 2
 */
export function theilT(values: ArrayLike<number>, options: TheilOptions = {}): number {
  const y = finiteValues('Theil T', values, 1);
  requireNonNegative('Theil T', y);
  const { p, s } = shares('Theil T', y, unitWeights('Theil T', y.length, options.weights));
  let t = 0;
  for (let i = 0; i < y.length; i++) {
    const si = s[i] as number;
    if (si > 0) t += si * Math.log(si / (p[i] as number));
  }
  return t;
}

/**
 * Theil's L (mean log deviation), the generalised entropy GE(0): L = Σ_i p_i ln(p_i/s_i) (Theil 1967;
 * Shorrocks 1980 eq. 10 with c = 0). Unweighted, L = (1/n) Σ ln(μ/y_i). Needs strictly positive values.
 *
 * @example
 * theilL([1, 2, 3]);
 */
export function theilL(values: ArrayLike<number>, options: TheilOptions = {}): number {
  const y = finiteValues('Theil L', values, 1);
  requirePositive('Theil L', y);
  const { p, s } = shares('Theil L', y, unitWeights('Theil L', y.length, options.weights));
  let l = 0;
  for (let i = 0; i < y.length; i++) l += (p[i] as number) * Math.log((p[i] as number) / (s[i] as number));
  return l;
}
