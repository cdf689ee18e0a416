import { FtzError } from '../../../core/errors.js';
import { SingularDesign, solveNormal, weightedFactor, weightedLeastSquares, type TriangularFactor } from './linearSolve.js';
import { logisticRegression } from './logisticRegression.js';
import { rowDot, type PreparedPanel } from './twoByTwo.js';
import { f64 } from './scratch.js';

/** Weighted OLS of ΔY on X among the comparison units, with fitted values for every unit. */
export interface OutcomeRegression {
  readonly coefficients: Float64Array;
  /** x_i'β̂ for all units (treated and comparison). */
  readonly fitted: Float64Array;
  /** R with Σ_{d=0} w_i x_i x_i' = R'R. */
  readonly factor: TriangularFactor;
}

/** A fitted propensity score with what its influence function needs. */
export interface PropensityScore {
  /** p̂_i, capped at 1 − 1e-6 as DRDID does ("avoid divide by zero"). */
  readonly ps: Float64Array;
  /** R with Σ w_i p̂_i(1 − p̂_i) x_i x_i' = R'R, the logit Hessian. */
  readonly factor: TriangularFactor;
}

/**
 * Outcome regression for the comparison group, E[ΔY | X, D = 0] = X'β (Sant'Anna & Zhao
 * 2020), fitted by weighted least squares (Householder QR). `regWeights` defaults to the sampling weights.
 * Collinear covariates among the comparison units throw `causal.singular_design`.
 */
export function controlOutcomeRegression(p: PreparedPanel, regWeights: ArrayLike<number> = p.w): OutcomeRegression {
  // The comparison units' rows of X, ΔY and the weights, gathered in one pass.
  const { n, d, dy, design } = p;
  const { k, x } = design;
  let m = 0;
  for (let i = 0; i < n; i++) if (1 - (d[i] as number)) m++;
  const xc = f64(m * k);
  const yc = f64(m);
  const wc = f64(m);
  for (let i = 0, r = 0; i < n; i++) {
    if (!(1 - (d[i] as number))) continue;
    for (let j = 0; j < k; j++) xc[j * m + r] = x[j * n + i] as number;
    yc[r] = dy[i] as number;
    wc[r] = regWeights[i] as number;
    r++;
  }
  try {
    const fit = weightedLeastSquares(xc, m, k, yc, wc);
    return { coefficients: fit.coefficients, fitted: rowDot(p.design, fit.coefficients), factor: fit.factor };
  } catch (e) {
    if (e instanceof SingularDesign) {
      throw new FtzError('causal.singular_design', {
        what: `the outcome regression of comparison units (group ${p.cell.group}, period ${p.cell.time})`,
        detail: `covariate column ${e.column} is collinear with the earlier columns (column 0 is the intercept)`,
      });
    }
    throw e;
  }
}

/**
 * Logit propensity score P(D = 1 | X) by weighted maximum likelihood (Sant'Anna & Zhao 2020, the
 * "traditional" DR and IPW estimators). Separation (fitted probabilities at 0 or 1) throws
 * `causal.perfect_prediction`; collinear covariates throw `causal.singular_design`.
 */
export function logitPropensityScore(p: PreparedPanel): PropensityScore {
  const memo = p.propensityMemo;
  if (memo === undefined) return fitPropensityScore(p);
  const hit = memo.store.get(memo.key) as PropensityScore | undefined;
  if (hit !== undefined) return hit;
  const fit = fitPropensityScore(p);
  // Kept beyond this comparison: copied out of the engine's reusable work arrays.
  const kept: PropensityScore = { ps: Float64Array.from(fit.ps), factor: fit.factor };
  memo.store.clear();
  memo.store.set(memo.key, kept);
  return kept;
}

function fitPropensityScore(p: PreparedPanel): PropensityScore {
  const { n, design } = p;
  let fit;
  try {
    fit = logisticRegression(design.x, n, design.k, p.d, p.w);
  } catch (e) {
    if (e instanceof SingularDesign) {
      throw new FtzError('causal.singular_design', {
        what: `the propensity-score logit (group ${p.cell.group}, period ${p.cell.time})`,
        detail: `covariate column ${e.column} is collinear with the earlier columns (column 0 is the intercept)`,
      });
    }
    throw e;
  }
  if (fit.status !== 'ok') {
    throw new FtzError('causal.perfect_prediction', {
      group: p.cell.group,
      time: p.cell.time,
      detail: fit.status === 'separated' ? 'fitted probabilities of 0 or 1 occurred' : `the logit did not converge in ${fit.iterations} iterations`,
    });
  }
  let max = 0;
  for (const v of fit.fitted) max = Math.max(max, v);
  if (max >= p.overlapLimit) {
    throw new FtzError('causal.perfect_prediction', {
      group: p.cell.group,
      time: p.cell.time,
      detail: `overlap fails: the largest propensity score is ${max.toPrecision(6)} ≥ ${p.overlapLimit}`,
    });
  }
  return propensityFromIndex(p, fit.fitted);
}

/** Caps p̂ at 1 − 1e-6 and factors the logit Hessian at the capped values (as DRDID computes `Hessian.ps`). */
export function propensityFromIndex(p: PreparedPanel, fitted: Float64Array): PropensityScore {
  const ps = f64(p.n);
  for (let i = 0; i < p.n; i++) ps[i] = Math.min(fitted[i] as number, 1 - 1e-6);
  const hw = f64(p.n);
  for (let i = 0; i < p.n; i++) hw[i] = (ps[i] as number) * (1 - (ps[i] as number)) * (p.w[i] as number);
  try {
    return { ps, factor: weightedFactor(p.design.x, p.n, p.design.k, hw) };
  } catch (e) {
    if (e instanceof SingularDesign) {
      throw new FtzError('causal.perfect_prediction', {
        group: p.cell.group,
        time: p.cell.time,
        detail: 'the logit Hessian is singular at the estimate',
      });
    }
    throw e;
  }
}

/**
 * The estimation-effect term of an influence function: for each unit, s_i'·(H/n)⁻¹·m, where s_i = a_i·x_i is
 * the unit's score (or OLS moment) and H = R'R. Computed with one solve, never an explicit inverse.
 */
export function estimationEffect(p: PreparedPanel, scoreScale: ArrayLike<number>, factor: TriangularFactor, m: Float64Array): Float64Array {
  const z = solveNormal(factor, m);
  for (let j = 0; j < z.length; j++) z[j] = (z[j] as number) * p.n;
  const xz = rowDot(p.design, z);
  for (let i = 0; i < p.n; i++) xz[i] = (xz[i] as number) * (scoreScale[i] as number);
  return xz;
}
