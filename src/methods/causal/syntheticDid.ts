import { FtzError } from '../../core/errors.js';
import { createRng, type Rng } from '../../numeric/rng.js';
import { simplexFrankWolfe } from '../../numeric/simplexQp.js';

/**
 * Synthetic difference-in-differences (Arkhangelsky, Athey, Hirshberg, Imbens & Wager 2021, "Synthetic
 * Difference-in-Differences", AER 111(12), Algorithm 1), with synthetic control and difference-in-differences
 * as the special cases of their Table 1, on a block design: N₀ control units never treated, N₁ treated units
 * treated in the last T₁ = T − T₀ periods.
 */
export type SyntheticDidEstimator = 'sdid' | 'sc' | 'did';

export interface SyntheticDidInput {
  /** Outcomes, row-major units × periods (row i, column t at `i * periods + t`), all finite. */
  readonly outcome: ArrayLike<number>;
  readonly units: number;
  readonly periods: number;
  /** Per unit: treated (true / 1) from period `prePeriods` on, or never treated. */
  readonly treated: ArrayLike<boolean | number>;
  /** T₀: the first `prePeriods` columns are before treatment. */
  readonly prePeriods: number;
}

export interface SyntheticDidOptions {
  /**
   * 'sdid' (Algorithm 1: unit weights ω with intercept and ridge ζ_ω, time weights λ with intercept);
   * 'sc' (ω without intercept and with a negligible ridge, λ = 0: synthdid's `sc_estimate`); 'did'
   * (ω = 1/N₀, λ = 1/T₀). Default 'sdid'.
   */
  readonly estimator?: SyntheticDidEstimator;
  /**
   * Ridge for ω. Default η_ω·σ̂ with η_ω = (N₁T₁)^¼ for 'sdid' (paper eq. 5) and 10⁻⁶ for 'sc', where σ̂ is
   * the standard deviation of the first differences of the control units' pre-period outcomes.
   */
  readonly zetaOmega?: number;
  /** Ridge for λ. Default 10⁻⁶·σ̂ (synthdid's; the paper's ζ_λ → 0). */
  readonly zetaLambda?: number;
  /** Stop Frank–Wolfe once a step lowers its objective by ≤ minDecrease². Default 10⁻⁵·σ̂ (synthdid). */
  readonly minDecrease?: number;
  /** Frank–Wolfe iteration cap after sparsification. Default 10,000. */
  readonly maxIter?: number;
  /**
   * synthdid's two-stage solve: 100 Frank–Wolfe steps, zero every weight ≤ max/4, renormalise, solve again
   * from there. Default true (the package default, used for the paper's Table 1).
   */
  readonly sparsify?: boolean;
}

/** Resolved options, kept on the fit so that placebo, bootstrap and jackknife reuse them unchanged. */
export interface SyntheticDidSettings {
  readonly estimator: SyntheticDidEstimator;
  readonly zetaOmega: number;
  readonly zetaLambda: number;
  readonly omegaIntercept: boolean;
  readonly lambdaIntercept: boolean;
  readonly updateOmega: boolean;
  readonly updateLambda: boolean;
  readonly minDecrease: number;
  readonly maxIter: number;
  readonly sparsify: boolean;
  /** σ̂, the noise level the defaults are scaled by. */
  readonly noiseLevel: number;
}

export interface SyntheticDidFit {
  /** τ̂ = Σ_t λ̃_t Σ_i ω̃_i Y_it (paper eq. 1 at the fitted weights), the weighted DID. */
  readonly estimate: number;
  readonly estimator: SyntheticDidEstimator;
  /** Indices (into the input units) of the controls, in input order; `omega` is aligned with it. */
  readonly controlUnits: Int32Array;
  readonly treatedUnits: Int32Array;
  /** Unit weights ω on the controls (≥ 0, sum 1). */
  readonly omega: Float64Array;
  /** Time weights λ on the pre-periods (≥ 0, sum 1; all 0 for 'sc'). */
  readonly lambda: Float64Array;
  /** ω₀ = mean over pre-periods of (treated mean − Σ ω_i Y_it): the level shift SDID allows (0 when no intercept). */
  readonly omegaIntercept: number;
  /** λ₀ = mean over controls of (post mean − Σ λ_t Y_it) (0 when no intercept). */
  readonly lambdaIntercept: number;
  /** Per post-period effect: (treated − Σω Y)_t − Σ_s λ_s (treated − Σω Y)_s; its mean is `estimate`. */
  readonly effectCurve: Float64Array;
  readonly settings: SyntheticDidSettings;
  /** Outcomes reordered controls first, then treated (row-major, N × T), with N₀ and T₀. */
  readonly setup: { readonly y: Float64Array; readonly n: number; readonly t: number; readonly n0: number; readonly t0: number };
}

const METHOD = 'synthetic DID';

function checkInput(input: SyntheticDidInput, estimator: SyntheticDidEstimator): { controls: number[]; treated: number[] } {
  const { units, periods, prePeriods, outcome, treated } = input;
  if (!Number.isInteger(units) || !Number.isInteger(periods) || outcome.length !== units * periods || treated.length !== units) {
    throw new FtzError('causal.bad_panel', {
      detail: `outcome has ${outcome.length} values for ${units} units × ${periods} periods and treated has ${treated.length} entries`,
    });
  }
  for (let k = 0; k < outcome.length; k++) {
    if (!Number.isFinite(outcome[k] as number)) {
      throw new FtzError('causal.bad_panel', { detail: `outcome of unit ${Math.floor(k / periods)} in period ${k % periods} is ${outcome[k]}` });
    }
  }
  const minPre = estimator === 'did' ? 1 : 2;
  if (!Number.isInteger(prePeriods) || prePeriods < minPre) throw new FtzError('causal.too_few_periods', { method: METHOD, phase: 'pre', n: prePeriods, min: minPre });
  if (periods - prePeriods < 1) throw new FtzError('causal.too_few_periods', { method: METHOD, phase: 'post', n: periods - prePeriods, min: 1 });
  const c: number[] = [];
  const tr: number[] = [];
  for (let i = 0; i < units; i++) (treated[i] === true || treated[i] === 1 ? tr : c).push(i);
  if (tr.length === 0) throw new FtzError('causal.bad_panel', { detail: 'no unit is treated' });
  if (c.length < 2) throw new FtzError('causal.too_few_controls', { method: METHOD, n: c.length, min: 2 });
  return { controls: c, treated: tr };
}

/** Sample standard deviation of the first differences Y_i,t+1 − Y_it over controls and pre-periods. */
function noiseLevel(y: Float64Array, t: number, n0: number, t0: number): number {
  const m = n0 * (t0 - 1);
  if (m < 2) return 0;
  let mean = 0;
  for (let i = 0; i < n0; i++) for (let s = 0; s + 1 < t0; s++) mean += (y[i * t + s + 1] as number) - (y[i * t + s] as number);
  mean /= m;
  let ss = 0;
  for (let i = 0; i < n0; i++) {
    for (let s = 0; s + 1 < t0; s++) {
      const d = (y[i * t + s + 1] as number) - (y[i * t + s] as number) - mean;
      ss += d * d;
    }
  }
  return Math.sqrt(ss / (m - 1));
}

function resolve(options: SyntheticDidOptions, y: Float64Array, n: number, t: number, n0: number, t0: number): SyntheticDidSettings {
  const estimator = options.estimator ?? 'sdid';
  const sigma = noiseLevel(y, t, n0, t0);
  const etaOmega = estimator === 'sc' ? 1e-6 : Math.pow((n - n0) * (t - t0), 0.25);
  return {
    estimator,
    zetaOmega: options.zetaOmega ?? etaOmega * sigma,
    zetaLambda: options.zetaLambda ?? 1e-6 * sigma,
    omegaIntercept: estimator === 'sdid',
    lambdaIntercept: estimator === 'sdid',
    updateOmega: estimator !== 'did',
    updateLambda: estimator === 'sdid',
    minDecrease: options.minDecrease ?? 1e-5 * sigma,
    maxIter: options.maxIter ?? 10_000,
    sparsify: options.sparsify ?? true,
    noiseLevel: sigma,
  };
}

/** Column-centres a row-major rows × cols matrix in place (for the intercepts ω₀, λ₀). */
function centreColumns(a: Float64Array, rows: number, cols: number): void {
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let k = 0; k < rows; k++) s += a[k * cols + j] as number;
    s /= rows;
    for (let k = 0; k < rows; k++) a[k * cols + j] = (a[k * cols + j] as number) - s;
  }
}

function sparsified(v: Float64Array): Float64Array {
  let max = 0;
  for (const x of v) max = Math.max(max, x);
  const out = new Float64Array(v.length);
  let s = 0;
  for (let j = 0; j < v.length; j++) {
    const x = v[j] as number;
    if (x > max / 4) {
      out[j] = x;
      s += x;
    }
  }
  for (let j = 0; j < v.length; j++) out[j] = (out[j] as number) / s;
  return out;
}

/** Frank–Wolfe on the simplex, optionally in synthdid's two stages (100 steps, sparsify, resume). */
function solveWeights(a: Float64Array, rows: number, cols: number, b: Float64Array, zeta: number, start: Float64Array | undefined, s: SyntheticDidSettings): Float64Array {
  if (!s.sparsify) return simplexFrankWolfe(a, rows, cols, b, { zeta, minDecrease: s.minDecrease, maxIter: s.maxIter, ...(start ? { start } : {}) }).x;
  const first = simplexFrankWolfe(a, rows, cols, b, { zeta, minDecrease: s.minDecrease, maxIter: 100, ...(start ? { start } : {}) }).x;
  return simplexFrankWolfe(a, rows, cols, b, { zeta, minDecrease: s.minDecrease, maxIter: s.maxIter, start: sparsified(first) }).x;
}

interface CoreFit {
  estimate: number;
  omega: Float64Array;
  lambda: Float64Array;
  omegaIntercept: number;
  lambdaIntercept: number;
  effectCurve: Float64Array;
}

/**
 * Algorithm 1 on a matrix already ordered controls first: solves eq. (4) for ω (rows = pre-periods,
 * columns = controls, target = treated mean) and eq. (6) for λ (rows = controls, columns = pre-periods,
 * target = post mean), each on synthdid's collapsed form, then τ̂ = ω̃ᵀ Y λ̃ with ω̃ = (−ω, 1/N₁),
 * λ̃ = (−λ, 1/T₁). `init` are starting points (bootstrap and placebo start from the fitted weights).
 */
function fitCore(y: Float64Array, n: number, t: number, n0: number, t0: number, s: SyntheticDidSettings, init: { omega?: Float64Array; lambda?: Float64Array }): CoreFit {
  const n1 = n - n0;
  const t1 = t - t0;
  // collapsed form: pre × controls block, post means of controls, treated means per pre-period
  const postMean = new Float64Array(n0);
  for (let i = 0; i < n0; i++) {
    let acc = 0;
    for (let c = t0; c < t; c++) acc += y[i * t + c] as number;
    postMean[i] = acc / t1;
  }
  const treatedMean = new Float64Array(t);
  for (let c = 0; c < t; c++) {
    let acc = 0;
    for (let i = n0; i < n; i++) acc += y[i * t + c] as number;
    treatedMean[c] = acc / n1;
  }

  let lambda: Float64Array;
  let lambdaIntercept = 0;
  if (s.estimator === 'sc') lambda = new Float64Array(t0);
  else if (!s.updateLambda) lambda = init.lambda ?? new Float64Array(t0).fill(1 / t0);
  else {
    // rows = controls, columns = pre-periods + target column (post mean)
    const a = new Float64Array(n0 * (t0 + 1));
    for (let i = 0; i < n0; i++) {
      for (let c = 0; c < t0; c++) a[i * (t0 + 1) + c] = y[i * t + c] as number;
      a[i * (t0 + 1) + t0] = postMean[i] as number;
    }
    if (s.lambdaIntercept) centreColumns(a, n0, t0 + 1);
    const { design, target } = split(a, n0, t0 + 1);
    lambda = solveWeights(design, n0, t0, target, s.zetaLambda, init.lambda, s);
  }
  if (s.lambdaIntercept) {
    let acc = 0;
    for (let i = 0; i < n0; i++) {
      let fit = 0;
      for (let c = 0; c < t0; c++) fit += (lambda[c] as number) * (y[i * t + c] as number);
      acc += (postMean[i] as number) - fit;
    }
    lambdaIntercept = acc / n0;
  }

  let omega: Float64Array;
  let omegaIntercept = 0;
  if (!s.updateOmega) omega = init.omega ?? new Float64Array(n0).fill(1 / n0);
  else {
    // rows = pre-periods, columns = controls + target column (treated mean)
    const a = new Float64Array(t0 * (n0 + 1));
    for (let c = 0; c < t0; c++) {
      for (let i = 0; i < n0; i++) a[c * (n0 + 1) + i] = y[i * t + c] as number;
      a[c * (n0 + 1) + n0] = treatedMean[c] as number;
    }
    if (s.omegaIntercept) centreColumns(a, t0, n0 + 1);
    const { design, target } = split(a, t0, n0 + 1);
    omega = solveWeights(design, t0, n0, target, s.zetaOmega, init.omega, s);
  }

  // d_t = treated mean − synthetic control, τ̂ = mean_post d − Σ λ d_pre
  const d = new Float64Array(t);
  for (let c = 0; c < t; c++) {
    let sc = 0;
    for (let i = 0; i < n0; i++) sc += (omega[i] as number) * (y[i * t + c] as number);
    d[c] = (treatedMean[c] as number) - sc;
  }
  if (s.omegaIntercept) {
    let acc = 0;
    for (let c = 0; c < t0; c++) acc += d[c] as number;
    omegaIntercept = acc / t0;
  }
  let pre = 0;
  for (let c = 0; c < t0; c++) pre += (lambda[c] as number) * (d[c] as number);
  const effectCurve = new Float64Array(t1);
  let estimate = 0;
  for (let c = 0; c < t1; c++) {
    effectCurve[c] = (d[t0 + c] as number) - pre;
    estimate += effectCurve[c] as number;
  }
  estimate /= t1;
  return { estimate, omega, lambda, omegaIntercept, lambdaIntercept, effectCurve };
}

/** Splits a rows × (cols+1) matrix into its first cols columns and its last column. */
function split(a: Float64Array, rows: number, width: number): { design: Float64Array; target: Float64Array } {
  const cols = width - 1;
  const design = new Float64Array(rows * cols);
  const target = new Float64Array(rows);
  for (let k = 0; k < rows; k++) {
    for (let j = 0; j < cols; j++) design[k * cols + j] = a[k * width + j] as number;
    target[k] = a[k * width + cols] as number;
  }
  return { design, target };
}

/**
 * Estimates the average effect on the treated block by synthetic DID (Arkhangelsky et al. 2021,
 * Algorithm 1), or by synthetic control or DID as the same weighted double difference with other weights
 * (their Table 1), following the conventions of the synthdid R package (1.0; see {@link SyntheticDidOptions}).
 * Deterministic: Frank–Wolfe breaks ties by the first index, and units keep their input order.
 *
 * Throws `causal.bad_panel` (shape, non-finite values, nobody treated), `causal.too_few_periods` (< 2
 * pre-periods, 1 for DID; no post-period) and `causal.too_few_controls` (< 2 controls).
 *
 * @example
 * const fit = estimateSyntheticDid({ outcome: y, units: 39, periods: 31, treated, prePeriods: 19 });
 * fit.estimate; // −15.6 on California Prop 99
 */
export function estimateSyntheticDid(input: SyntheticDidInput, options: SyntheticDidOptions = {}): SyntheticDidFit {
  const estimator = options.estimator ?? 'sdid';
  const { controls, treated } = checkInput(input, estimator);
  const n = input.units;
  const t = input.periods;
  const n0 = controls.length;
  const t0 = input.prePeriods;
  const y = new Float64Array(n * t);
  [...controls, ...treated].forEach((unit, row) => {
    for (let c = 0; c < t; c++) y[row * t + c] = input.outcome[unit * t + c] as number;
  });
  const settings = resolve(options, y, n, t, n0, t0);
  const core = fitCore(y, n, t, n0, t0, settings, {});
  return {
    ...core,
    estimator,
    controlUnits: Int32Array.from(controls),
    treatedUnits: Int32Array.from(treated),
    settings,
    setup: { y, n, t, n0, t0 },
  };
}

export type SyntheticDidSeMethod = 'placebo' | 'bootstrap' | 'jackknife';

export interface SyntheticDidSeOptions {
  /** Default 'placebo' (the only one defined with a single treated unit). */
  readonly method?: SyntheticDidSeMethod;
  /** Replications for placebo and bootstrap. Default 200. */
  readonly replications?: number;
  /** Seed for the generator ({@link createRng}); required for placebo and bootstrap so results replay. */
  readonly seed?: number;
}

export interface SyntheticDidSe {
  readonly method: SyntheticDidSeMethod;
  /** The standard error; NaN when the method is undefined for this design (see `warning`). */
  readonly se: number;
  readonly replications: number;
  readonly seed: number | null;
  /** The replicate estimates (placebo / bootstrap) or leave-one-unit-out estimates (jackknife). */
  readonly draws: Float64Array;
  /** Why `se` is NaN, as a stable code. */
  readonly warning?: 'causal.jackknife_single_treated' | 'causal.jackknife_single_control_weight';
}

function sumNormalised(v: Float64Array): Float64Array {
  let s = 0;
  for (const x of v) s += x;
  const out = new Float64Array(v.length);
  for (let j = 0; j < v.length; j++) out[j] = s !== 0 ? (v[j] as number) / s : 1 / v.length;
  return out;
}

function rows(y: Float64Array, t: number, index: ArrayLike<number>): Float64Array {
  const out = new Float64Array(index.length * t);
  for (let r = 0; r < index.length; r++) out.set(y.subarray((index[r] as number) * t, (index[r] as number) * t + t), r * t);
  return out;
}

/** √((B−1)/B)·sd = the root mean squared deviation of the draws (synthdid's scaling). */
function rootMeanSquaredDeviation(draws: Float64Array): number {
  let mean = 0;
  for (const x of draws) mean += x;
  mean /= draws.length;
  let ss = 0;
  for (const x of draws) ss += (x - mean) * (x - mean);
  return Math.sqrt(ss / draws.length);
}

/**
 * Placebo variance (Arkhangelsky et al. 2021, Algorithm 4): B times, permute the controls, let the last N₁
 * of them play the treated, and re-estimate with the same settings (ζ fixed at the fit's values; weights
 * re-solved from the fitted ω, renormalised, and λ as starting points, as synthdid does). V̂ = (1/B)Σ(τ̂_b −
 * τ̄)². Needs N₀ > N₁.
 */
function placeboDraws(fit: SyntheticDidFit, replications: number, rng: Rng): Float64Array {
  const { y, t, n0, t0, n } = fit.setup;
  const n1 = n - n0;
  if (n0 <= n1) throw new FtzError('causal.too_few_controls', { method: 'placebo standard error', n: n0, min: n1 + 1 });
  const draws = new Float64Array(replications);
  const m0 = n0 - n1;
  for (let b = 0; b < replications; b++) {
    const perm = rng.permutation(n0);
    const yb = rows(y, t, perm);
    const omega0 = new Float64Array(m0);
    for (let i = 0; i < m0; i++) omega0[i] = fit.omega[perm[i] as number] as number;
    draws[b] = fitCore(yb, n0, t, m0, t0, fit.settings, { omega: sumNormalised(omega0), lambda: fit.lambda }).estimate;
  }
  return draws;
}

/**
 * Bootstrap variance (Algorithm 2): B times, draw N units with replacement (redrawing samples with no
 * control or no treated unit), sort them controls first, re-estimate from the fitted weights as starting
 * points, V̂ = (1/B)Σ(τ̂_b − τ̄)².
 */
function bootstrapDraws(fit: SyntheticDidFit, replications: number, rng: Rng): Float64Array {
  const { y, t, n0, t0, n } = fit.setup;
  const draws = new Float64Array(replications);
  const ind = new Int32Array(n);
  for (let b = 0; b < replications; ) {
    let c = 0;
    for (let k = 0; k < n; k++) {
      ind[k] = rng.integer(n);
      if ((ind[k] as number) < n0) c++;
    }
    if (c === 0 || c === n) continue;
    ind.sort();
    const omega0 = new Float64Array(c);
    for (let k = 0; k < c; k++) omega0[k] = fit.omega[ind[k] as number] as number;
    draws[b] = fitCore(rows(y, t, ind), n, t, c, t0, fit.settings, { omega: sumNormalised(omega0), lambda: fit.lambda }).estimate;
    b++;
  }
  return draws;
}

/**
 * Fixed-weights jackknife (Algorithm 3): leave each unit out in turn, keep λ, renormalise ω over the
 * remaining controls, recompute τ̂; V̂ = ((N−1)/N) Σ(τ̂₍₋ᵢ₎ − τ̄)². Undefined (NaN with a warning) with one
 * treated unit, or when only one control has positive weight.
 */
function jackknife(fit: SyntheticDidFit): SyntheticDidSe {
  const { y, t, n0, t0, n } = fit.setup;
  const base = { method: 'jackknife' as const, replications: n, seed: null };
  if (n - n0 === 1) return { ...base, se: Number.NaN, draws: new Float64Array(0), warning: 'causal.jackknife_single_treated' };
  if (fit.omega.filter((w) => w !== 0).length <= 1) {
    return { ...base, se: Number.NaN, draws: new Float64Array(0), warning: 'causal.jackknife_single_control_weight' };
  }
  const fixed: SyntheticDidSettings = { ...fit.settings, updateOmega: false, updateLambda: false };
  const draws = new Float64Array(n);
  for (let out = 0; out < n; out++) {
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (i !== out) keep.push(i);
    const m0 = out < n0 ? n0 - 1 : n0;
    const omega0 = new Float64Array(m0);
    for (let k = 0; k < m0; k++) omega0[k] = fit.omega[keep[k] as number] as number;
    draws[out] = fitCore(rows(y, t, keep), n - 1, t, m0, t0, fixed, { omega: sumNormalised(omega0), lambda: fit.lambda }).estimate;
  }
  return { ...base, se: Math.sqrt(n - 1) * rootMeanSquaredDeviation(draws), draws };
}

/**
 * Standard error of a synthetic DID / SC / DID fit by placebo (Algorithm 4), bootstrap (Algorithm 2) or
 * jackknife (Algorithm 3) of Arkhangelsky et al. (2021), as synthdid's `vcov(method = …)`. Placebo and
 * bootstrap are seeded ({@link createRng}); their draws are not R's, so they match synthdid in
 * distribution only.
 *
 * @example
 * syntheticDidStandardError(fit, { method: 'placebo', replications: 200, seed: 1 }).se; // ≈ 8.4 on Prop 99
 */
export function syntheticDidStandardError(fit: SyntheticDidFit, options: SyntheticDidSeOptions = {}): SyntheticDidSe {
  const method = options.method ?? 'placebo';
  if (method === 'jackknife') return jackknife(fit);
  const replications = options.replications ?? 200;
  if (!Number.isInteger(replications) || replications < 2) {
    throw new FtzError('causal.bad_panel', { detail: `replications must be an integer ≥ 2, not ${replications}` });
  }
  const seed = options.seed ?? 0;
  const rng = createRng(seed);
  const draws = method === 'placebo' ? placeboDraws(fit, replications, rng) : bootstrapDraws(fit, replications, rng);
  return { method, se: rootMeanSquaredDeviation(draws), replications, seed, draws };
}
