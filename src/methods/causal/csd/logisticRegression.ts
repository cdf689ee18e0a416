import { weightedLeastSquares, type TriangularFactor, weightedFactor } from './linearSolve.js';
import { f64 } from './scratch.js';

/** Outcome of a logit fit; `status` says whether the maximum-likelihood estimate exists. */
export interface LogisticFit {
  readonly coefficients: Float64Array;
  /** Fitted probabilities Λ(x_i'γ). */
  readonly fitted: Float64Array;
  /** R with X' diag(w·p(1−p)) X = R'R at the estimate: the (unscaled) Hessian for influence functions. */
  readonly hessian: TriangularFactor;
  readonly iterations: number;
  /**
   * `ok`; `separated` when some fitted probability is within 1e-10 of 0 or 1 (complete or quasi-complete
   * separation: the MLE does not exist and the coefficients run off to ±∞); `not_converged`.
   */
  readonly status: 'ok' | 'separated' | 'not_converged';
}

const MAX_ITERATIONS = 100;
const EPS_PROBABILITY = 1e-10;
const DBL_EPSILON = 2.220446049250313e-16;

/**
 * Weighted logistic regression by iteratively reweighted least squares (McCullagh & Nelder 1989, Generalized
 * Linear Models, §4.4), each step a Householder QR solve of the working regression. Starting values and the
 * stopping rule follow R's `glm.fit` (μ₀ = (w·y + ½)/(w + 1); stop when the relative change in deviance is
 * below `tolerance`), so fitted values agree with R's to ~1e-10.
 *
 * `x` is n × k column-major and should contain an intercept column. Throws `SingularDesign` (from the solver)
 * when the columns are collinear among the units with positive weight.
 *
 * @example
 * const fit = logisticRegression(x, n, 2, d, w);
 * if (fit.status !== 'ok') throw new FtzError('causal.perfect_prediction', …);
 */
export function logisticRegression(
  x: Float64Array,
  n: number,
  k: number,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  tolerance = 1e-10,
): LogisticFit {
  const eta = f64(n);
  const mu = f64(n);
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    const m = (wi * (y[i] as number) + 0.5) / (wi + 1);
    mu[i] = m;
    eta[i] = Math.log(m / (1 - m));
  }
  let deviance = logitDeviance(y, mu, w);
  let coefficients = new Float64Array(k);
  const z = f64(n);
  const iw = f64(n);
  let iterations = 0;
  let converged = false;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    for (let i = 0; i < n; i++) {
      const m = mu[i] as number;
      const v = m * (1 - m);
      z[i] = (eta[i] as number) + ((y[i] as number) - m) / v;
      iw[i] = (w[i] as number) * v;
    }
    coefficients = Float64Array.from(weightedLeastSquares(x, n, k, z, iw).coefficients);
    linearPredictor(x, n, k, coefficients, eta);
    // R's binomial()$linkinv keeps μ inside [ε, 1 − ε] so the working weights never vanish.
    for (let i = 0; i < n; i++) mu[i] = Math.min(Math.max(logistic(eta[i] as number), DBL_EPSILON), 1 - DBL_EPSILON);
    const next = logitDeviance(y, mu, w);
    const change = Math.abs(next - deviance) / (Math.abs(next) + 0.1);
    deviance = next;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  let extreme = false;
  for (let i = 0; i < n; i++) {
    if ((w[i] as number) > 0) {
      const m = mu[i] as number;
      if (m < EPS_PROBABILITY || m > 1 - EPS_PROBABILITY) extreme = true;
    }
  }
  for (let i = 0; i < n; i++) {
    const m = mu[i] as number;
    iw[i] = (w[i] as number) * m * (1 - m);
  }
  const status = extreme ? 'separated' : converged ? 'ok' : 'not_converged';
  // With separation the Hessian is (numerically) singular; report the status and let the caller decide.
  const hessian = status === 'separated' ? { k, r: new Float64Array(k * k) } : weightedFactor(x, n, k, iw);
  return { coefficients, fitted: mu, hessian, iterations, status };
}

/** Λ(t) = 1 / (1 + e^(−t)), evaluated without overflow for either sign. */
export function logistic(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/** eta = X·β for column-major X. */
export function linearPredictor(x: Float64Array, n: number, k: number, beta: ArrayLike<number>, out = new Float64Array(n)): Float64Array {
  out.fill(0);
  for (let j = 0; j < k; j++) {
    const b = beta[j] as number;
    if (b === 0) continue;
    const col = j * n;
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + b * (x[col + i] as number);
  }
  return out;
}

function logitDeviance(y: ArrayLike<number>, mu: Float64Array, w: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < mu.length; i++) {
    const wi = w[i] as number;
    if (wi === 0) continue;
    const m = mu[i] as number;
    const yi = y[i] as number;
    d -= 2 * wi * (yi > 0 ? Math.log(m) : Math.log(1 - m));
  }
  return d;
}
