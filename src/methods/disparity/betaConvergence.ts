import { FtzError } from '../../core/errors.js';
import { finiteValues, requireLength, requirePositive } from './checks.js';
import { ols } from './ols.js';

export interface BetaConvergenceResult {
  readonly n: number;
  readonly years: number;
  readonly alpha: number;
  /** Slope on ln y₀; β < 0 indicates absolute β convergence. */
  readonly beta: number;
  readonly se: number;
  readonly t: number;
  /** Two-sided p-value from Student t with n − 2 − (controls) degrees of freedom. */
  readonly p: number;
  readonly rSquared: number;
  /** Implied speed of convergence λ = −ln(1 + Tβ)/T (NaN when 1 + Tβ ≤ 0). */
  readonly speed: number;
  /** Half-life ln 2 / λ in the time unit of `years` (NaN when λ ≤ 0). */
  readonly halfLife: number;
}

/**
 * Absolute (or, with controls, conditional) β convergence (Barro & Sala-i-Martin 1992, JPE 100:223, eq. 13;
 * Sala-i-Martin 1996 eq. 6): OLS of the average growth rate g_i = (ln y_iT − ln y_i0)/T on ln y_i0,
 * g_i = α + β ln y_i0 + ε_i, with classical standard errors (Householder QR). λ = −ln(1 + Tβ)/T is the
 * implied speed and ln 2/λ the half-life.
 *
 * @example
 * betaConvergence(gdp2005, gdp2020, 15); // β, se, t, p, speed, halfLife
 */
export function betaConvergence(
  initial: ArrayLike<number>,
  final: ArrayLike<number>,
  years: number,
  options: { controls?: ReadonlyArray<ArrayLike<number>> } = {},
): BetaConvergenceResult {
  const y0 = finiteValues('β convergence (initial)', initial, 3);
  const yT = finiteValues('β convergence (final)', final, 3);
  requireLength('β convergence: final vs initial', y0.length, yT.length);
  requirePositive('β convergence (initial)', y0);
  requirePositive('β convergence (final)', yT);
  if (!(years > 0)) throw new FtzError('disparity.option_invalid', { option: 'years', value: String(years), reason: 'must be positive' });
  const n = y0.length;
  const ln0 = y0.map(Math.log);
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) g[i] = (Math.log(yT[i] as number) - (ln0[i] as number)) / years;
  const r = ols(g, [new Float64Array(n).fill(1), ln0, ...(options.controls ?? [])]);
  const beta = r.coefficients[1] as number;
  const arg = 1 + years * beta;
  const speed = arg > 0 ? -Math.log(arg) / years : Number.NaN;
  return {
    n,
    years,
    alpha: r.coefficients[0] as number,
    beta,
    se: r.standardErrors[1] as number,
    t: r.t[1] as number,
    p: r.p[1] as number,
    rSquared: r.rSquared,
    speed,
    halfLife: speed > 0 ? Math.LN2 / speed : Number.NaN,
  };
}
