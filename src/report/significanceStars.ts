import { normalSf } from '../numeric/distributions.js';

/**
 * Stars for a p-value: one for each threshold it is strictly below, so with [0.1, 0.05, 0.01] p = 0.1 gets
 * none and p = 0.0999 gets one (Stata's esttab and R's modelsummary draw the line the same way).
 *
 * @example
 * significanceStars(0.03, [0.1, 0.05, 0.01]); // '**'
 */
export function significanceStars(p: number | null, thresholds: readonly [number, number, number]): string {
  if (p === null || !Number.isFinite(p)) return '';
  let n = 0;
  for (const t of thresholds) if (p < t) n++;
  return '*'.repeat(n);
}

/**
 * Two-sided p-value of z = estimate/se under the standard normal, 2·(1 − Φ(|z|)), computed with the
 * survival function so tiny p-values do not cancel to 0. `null` when the standard error is missing or not
 * positive.
 *
 * @example
 * normalTwoSidedP(0.196, 0.1); // ≈ 0.05
 */
export function normalTwoSidedP(estimate: number, se: number | null): number | null {
  if (se === null || !(se > 0) || !Number.isFinite(se) || !Number.isFinite(estimate)) return null;
  return Math.min(1, 2 * normalSf(Math.abs(estimate / se)));
}

/**
 * A number with fixed decimals as a journal prints it; a value that rounds to zero loses its minus sign
 * ("0.0000", not "-0.0000").
 *
 * @example
 * fixedDecimals(-0.00001, 4); // '0.0000'
 */
export function fixedDecimals(v: number, decimals: number): string {
  const text = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
