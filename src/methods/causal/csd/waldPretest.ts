import { chiSquareSf } from '../../../numeric/distributions.js';
import { cholesky, solveNormal } from './linearSolve.js';

/** The Wald pre-test of parallel trends, or why it could not be computed. */
export type WaldPretest =
  | { readonly statistic: number; readonly df: number; readonly p: number }
  | { readonly statistic: null; readonly reason: string };

/**
 * Wald test that all pre-treatment ATT(g, t) (t < g) are zero (Callaway & Sant'Anna 2021, Section 4, as in R did's
 * `att_gt`): W = n · b' V_pre⁻¹ b ~ χ²(q), V = Ψ'Ψ/n restricted to the q pre-treatment cells with a standard
 * error. Solved through a Cholesky factor; a covariance that is not numerically positive definite (R: rcond ≤
 * eps) gives no statistic. Cells normalised to zero (universal base period) have no standard error and drop out.
 *
 * @param V row-major K × K, from `influenceCrossProduct`
 */
export function waldPretest(att: Float64Array, V: Float64Array, pre: readonly number[], n: number): WaldPretest {
  const q = pre.length;
  const K = att.length;
  if (q === 0) return { statistic: null, reason: 'there are no pre-treatment ATT(g,t) with a standard error' };
  const sub = new Float64Array(q * q);
  pre.forEach((a, r) => pre.forEach((b, c) => (sub[r * q + c] = V[a * K + b] as number)));
  const factor = cholesky(sub, q);
  if (factor === undefined) return { statistic: null, reason: 'the covariance of the pre-treatment ATT(g,t) is singular' };
  const b = Float64Array.from(pre, (j) => att[j] as number);
  const z = solveNormal(factor, b);
  let w = 0;
  for (let j = 0; j < q; j++) w += (b[j] as number) * (z[j] as number);
  const statistic = n * w;
  return { statistic, df: q, p: chiSquareSf(statistic, q) };
}
