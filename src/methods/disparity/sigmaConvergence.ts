import { finiteValues, requirePositive } from './checks.js';

export interface SigmaConvergencePoint {
  readonly label: string | number;
  readonly mean: number;
  readonly sd: number;
  /** Coefficient of variation sd/mean. */
  readonly cv: number;
  /** Standard deviation of ln y. */
  readonly sdLog: number;
}

/**
 * σ convergence (Barro & Sala-i-Martin 1992, JPE 100:223, §III; Sala-i-Martin 1996): the dispersion of a
 * cross-section per period — coefficient of variation and standard deviation of logs. A falling series
 * indicates σ convergence. `ddof` is the divisor offset of the standard deviation (1 = sample, default;
 * 0 = population). Values must be positive (logs).
 *
 * @example
 * sigmaConvergence([{ label: 2010, values: y2010 }, { label: 2020, values: y2020 }]);
 */
export function sigmaConvergence(
  series: ReadonlyArray<{ label: string | number; values: ArrayLike<number> }>,
  options: { ddof?: 0 | 1 } = {},
): SigmaConvergencePoint[] {
  const ddof = options.ddof ?? 1;
  return series.map(({ label, values }) => {
    const y = finiteValues('σ convergence', values, 2);
    requirePositive('σ convergence', y);
    const n = y.length;
    const mean = y.reduce((a, b) => a + b, 0) / n;
    const logs = y.map(Math.log);
    const lm = logs.reduce((a, b) => a + b, 0) / n;
    let ss = 0;
    let ssl = 0;
    for (let i = 0; i < n; i++) {
      ss += ((y[i] as number) - mean) ** 2;
      ssl += ((logs[i] as number) - lm) ** 2;
    }
    const sd = Math.sqrt(ss / (n - ddof));
    return { label, mean, sd, cv: sd / mean, sdLog: Math.sqrt(ssl / (n - ddof)) };
  });
}
