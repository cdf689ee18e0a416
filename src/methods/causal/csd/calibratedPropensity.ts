import { FtzError } from '../../../core/errors.js';
import { SingularDesign, solveNormal, weightedFactor } from './linearSolve.js';
import { linearPredictor, logistic, logisticRegression } from './logisticRegression.js';
import type { PreparedPanel } from './twoByTwo.js';

/** A calibrated propensity score and how it was obtained. */
export interface CalibratedPropensity {
  /** p̂_i = Λ(x_i'γ̂). */
  readonly fitted: Float64Array;
  /** 0: the calibration converged; 2: it did not and the logit MLE was used instead (DRDID's `ps.flag`). */
  readonly flag: 0 | 2;
}

const MAX_NEWTON = 200;

/**
 * Propensity score by inverse probability tilting (Graham, Pinto & Egel 2012), in the calibration form of
 * Tan (2020) that Sant'Anna & Zhao (2020) use for their improved DR estimator: γ̂ minimises the convex loss
 *   ℓ(γ) = E_n[w (−D·x'γ + (1 − D)·exp(x'γ))],
 * whose first-order condition balances the covariates exactly: Σ w D x = Σ w (1 − D) e^{x'γ} x, so that
 * the odds p̂/(1 − p̂) = e^{x'γ̂} reweight the comparison units to the treated covariate means.
 * Solved by Newton's method with backtracking (Armijo) line search from the logit estimate; each Newton step
 * is one QR solve of the Hessian E_n[w (1 − D) e^{x'γ} x x']. DRDID reaches the same minimiser with a
 * trust-region method (`trust::trust`).
 */
export function calibratedPropensity(p: PreparedPanel): CalibratedPropensity {
  const { n, design, d, w } = p;
  const { x, k } = design;
  let start;
  try {
    start = logisticRegression(x, n, k, d, w);
  } catch (e) {
    if (e instanceof SingularDesign) {
      throw new FtzError('causal.singular_design', {
        what: `the propensity-score model (group ${p.cell.group}, period ${p.cell.time})`,
        detail: `covariate column ${e.column} is collinear with the earlier columns (column 0 is the intercept)`,
      });
    }
    throw e;
  }
  const gamma = Float64Array.from(start.coefficients);
  const eta = new Float64Array(n);
  const loss = (g: Float64Array): number => {
    linearPredictor(x, n, k, g, eta);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const e = eta[i] as number;
      s += (w[i] as number) * ((d[i] as number) === 1 ? -e : Math.exp(e));
    }
    return s / n;
  };
  let value = loss(gamma);
  let converged = false;
  for (let iter = 0; iter < MAX_NEWTON && Number.isFinite(value); iter++) {
    linearPredictor(x, n, k, gamma, eta);
    const gradScale = new Float64Array(n);
    const hessW = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const wi = w[i] as number;
      if ((d[i] as number) === 1) gradScale[i] = -wi;
      else {
        const e = Math.exp(eta[i] as number);
        gradScale[i] = wi * e;
        hessW[i] = wi * e;
      }
    }
    const grad = new Float64Array(k);
    let gradNorm = 0;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (gradScale[i] as number) * (x[j * n + i] as number);
      grad[j] = s / n;
      gradNorm = Math.max(gradNorm, Math.abs(grad[j] as number));
    }
    if (gradNorm < 1e-11) {
      converged = true;
      break;
    }
    let step: Float64Array;
    try {
      // Newton step: (X'HX/n) δ = −g  ⇔  R'R δ = −n g.
      step = solveNormal(weightedFactor(x, n, k, hessW), grad.map((g) => -g * n));
    } catch (e) {
      if (e instanceof SingularDesign) break;
      throw e;
    }
    let decrease = 0;
    for (let j = 0; j < k; j++) decrease += (grad[j] as number) * (step[j] as number);
    let t = 1;
    let accepted = false;
    const trial = new Float64Array(k);
    for (let h = 0; h < 60; h++) {
      for (let j = 0; j < k; j++) trial[j] = (gamma[j] as number) + t * (step[j] as number);
      const v = loss(trial);
      if (Number.isFinite(v) && v <= value + 1e-4 * t * decrease) {
        gamma.set(trial);
        accepted = value - v > 1e-16 * Math.abs(value);
        value = v;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      // No further decrease is possible in floating point: accept if the gradient is already tiny.
      converged = gradNorm < 1e-8;
      break;
    }
  }
  if (!converged) {
    if (start.status !== 'ok') {
      throw new FtzError('causal.perfect_prediction', {
        group: p.cell.group,
        time: p.cell.time,
        detail: 'neither the calibrated (IPT) propensity score nor the logit converged',
      });
    }
    return { fitted: start.fitted, flag: 2 };
  }
  linearPredictor(x, n, k, gamma, eta);
  return { fitted: eta.map((e) => logistic(e)), flag: 0 };
}
