import { FtzError, isFtzError } from '../../core/errors.js';
import { createRng } from '../../numeric/rng.js';
import { bandwidth, kernelDensity, type KernelDensityResult } from '../disparity/index.js';
import { factorize } from './demean.js';
import { checkPanel, isNeverTreated, type StaggeredPanel } from './eventStudy.js';
import { twfeTreatmentEngine } from './twfeTreatmentEngine.js';

/**
 * How fake treatments are drawn:
 * - `individual`: as many units as are really treated, chosen at random, get the real cohorts (permuted);
 * - `timing`: the treated units stay treated, each with a fake first-treated period drawn uniformly from
 *   the panel's periods;
 * - `mixed`: random units and random periods (the most common 安慰剂检验 in Chinese DID papers).
 *
 * `timing` keeps the real treated units, so whatever sets them apart (their real effect included) stays in
 * every draw: its placebo distribution need not centre on 0 (on mpdta its mean is about −0.022 against a
 * real −0.037). It tests the timing, not the existence, of an effect.
 */
export type PlaceboMode = 'individual' | 'timing' | 'mixed';

/** A staggered panel with an optional cluster column (default: the unit). */
export interface PlaceboPanel extends StaggeredPanel {
  readonly cluster?: ArrayLike<number> | undefined;
}

/** What an estimator callback returns; a standard error, when given, yields placebo t statistics. */
export interface PlaceboEstimate {
  readonly estimate: number;
  readonly standardError?: number | undefined;
}

/**
 * Estimates the treatment effect on a panel whose `cohort` column may be fake. Throwing an `FtzError` (or
 * returning a non-finite estimate) marks the draw as failed; other exceptions propagate.
 */
export type PlaceboEstimator = (panel: PlaceboPanel) => PlaceboEstimate;

export interface PlaceboOptions {
  /** Default `mixed`. */
  readonly mode?: PlaceboMode | undefined;
  /** Number of fake assignments R (default 500). */
  readonly draws?: number | undefined;
  readonly seed: number;
  /** Default: the TWFE coefficient of treat × post with unit and period FE, clustered by `panel.cluster`. */
  readonly estimator?: PlaceboEstimator | undefined;
  /** Called after each draw with (done, total). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Grid points of the density curve (default 256). */
  readonly densityPoints?: number | undefined;
}

export interface PlaceboResult {
  readonly mode: PlaceboMode;
  readonly draws: number;
  readonly seed: number;
  readonly estimator: 'twfe' | 'custom';
  /** The estimate with the real assignment (standardError NaN when the estimator gives none). */
  readonly real: { readonly estimate: number; readonly standardError: number; readonly tStatistic: number };
  /** One per draw, in draw order; NaN for failed draws. */
  readonly estimates: Float64Array;
  /** estimate / standard error per draw; NaN where the estimator gives no standard error. */
  readonly tStatistics: Float64Array;
  /** Draws whose estimator failed (excluded from everything below). */
  readonly failed: number;
  /** Two-sided permutation p-value: (#{|β̂_r| ≥ |β̂|} + 1)/(R' + 1), R' the successful draws. */
  readonly pValue: number;
  /** The same with |t| instead of |β̂| (null without standard errors). */
  readonly tPValue: number | null;
  readonly mean: number;
  /** Standard deviation (divisor R' − 1). */
  readonly sd: number;
  /** Gaussian kernel density (Silverman bandwidth) on a grid that also covers the real estimate; null if the draws do not vary. */
  readonly density: KernelDensityResult | null;
}

const MODES: readonly PlaceboMode[] = ['individual', 'timing', 'mixed'];

/** Treatment indicator treat × post: 1 from the (possibly fake) first treated period on. */
function treatPost(time: ArrayLike<number>, cohort: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) {
    const c = cohort[i] as number;
    out[i] = !isNeverTreated(c) && (time[i] as number) >= c ? 1 : 0;
  }
  return out;
}

/**
 * Placebo (randomisation-inference) test of a DID estimate (安慰剂检验): the treatment is reassigned at random
 * R times, the estimator is re-run on each fake assignment, and the real estimate is compared with the
 * distribution of placebo estimates. Under the sharp null of no effect for any unit the placebo estimates
 * are draws from the estimator's randomisation distribution, so p = (#{|β̂_r| ≥ |β̂|} + 1)/(R + 1) is a valid
 * two-sided p-value (Fisher 1935; Phipson & Smyth 2010, eq. 2, for the +1; Chetty, Looney & Kroft 2009 and
 * Cai, Chen & Fang 2015 for the placebo-assignment form used in the DID literature). Estimates are compared
 * with a relative tolerance of 1e-12 so that a draw equal to the real assignment counts.
 *
 * The default estimator is TWFE y_it = α_i + λ_t + β·D_it + X_it'γ + ε_it with clustered SEs, prepared once by
 * {@link twfeTreatmentEngine} so that each draw demeans only the new D (R = 1,000 on mpdta takes well under a
 * second). Pass `estimator` for anything else, e.g. {@link callawaySantAnnaPlaceboEstimator}.
 *
 * Errors: `causal.bad_panel` (malformed panel, no treated unit, fewer than two periods),
 * `causal.option_invalid` (mode, draws, seed), `causal.singular_design` (every draw failed).
 *
 * @example
 * const p = placeboTest({ unit: county, time: year, y: lemp, cohort: firstTreat }, { mode: 'mixed', draws: 1000, seed: 20240101 });
 * p.pValue; p.density?.x; p.density?.density;
 */
export function placeboTest(panel: PlaceboPanel, options: PlaceboOptions): PlaceboResult {
  const mode = options.mode ?? 'mixed';
  const R = options.draws ?? 500;
  const { seed } = options;
  if (!MODES.includes(mode)) throw new FtzError('causal.option_invalid', { option: 'mode', value: String(mode), reason: `use one of ${MODES.join(', ')}` });
  if (!Number.isInteger(R) || R < 1) throw new FtzError('causal.option_invalid', { option: 'draws', value: String(R), reason: 'must be a positive integer' });
  if (!Number.isFinite(seed)) throw new FtzError('causal.option_invalid', { option: 'seed', value: String(seed), reason: 'must be a finite number' });
  const points = options.densityPoints ?? 256;
  const n = checkPanel(panel);
  if (panel.cluster !== undefined && panel.cluster.length !== n) throw new FtzError('causal.bad_panel', { detail: `column cluster has ${panel.cluster.length} rows, the outcome ${n}` });

  // Units, their real cohorts, and the periods to draw fake timing from.
  const units = factorize(panel.unit);
  const U = units.levels;
  const unitCohort = new Float64Array(U);
  for (let i = 0; i < n; i++) {
    const c = panel.cohort[i] as number;
    unitCohort[units.codes[i] as number] = isNeverTreated(c) ? 0 : c;
  }
  const treatedUnits: number[] = [];
  for (let u = 0; u < U; u++) if (unitCohort[u] !== 0) treatedUnits.push(u);
  if (treatedUnits.length === 0) throw new FtzError('causal.bad_panel', { detail: 'no treated unit: a placebo test needs a real treatment to compare with' });
  const realCohorts = Float64Array.from(treatedUnits, (u) => unitCohort[u] as number);
  const periods = Float64Array.from(new Set(Array.from(panel.time))).sort();
  if (periods.length < 2) throw new FtzError('causal.bad_panel', { detail: `a placebo test needs at least two periods, the panel has ${periods.length}` });

  const realD = treatPost(panel.time, panel.cohort, new Float64Array(n));
  let run: (cohort: Float64Array) => PlaceboEstimate;
  if (options.estimator) {
    const est = options.estimator;
    run = (cohort) => est({ ...panel, cohort });
  } else {
    const engine = twfeTreatmentEngine(panel, realD);
    const d = new Float64Array(n);
    run = (cohort) => engine.estimate(treatPost(panel.time, cohort, d));
  }
  const realFit = options.estimator ? options.estimator(panel) : run(Float64Array.from(panel.cohort));
  const realSe = realFit.standardError ?? Number.NaN;
  const real = { estimate: realFit.estimate, standardError: realSe, tStatistic: realFit.estimate / realSe };
  if (!Number.isFinite(real.estimate)) throw new FtzError('causal.singular_design', { what: 'the real assignment', detail: 'the estimator returned a non-finite estimate' });

  const rng = createRng(seed);
  const scratch = new Int32Array(U);
  const fake = new Float64Array(U);
  const estimates = new Float64Array(R);
  const tStatistics = new Float64Array(R);
  const nT = treatedUnits.length;
  for (let r = 0; r < R; r++) {
    fake.fill(0);
    if (mode === 'timing') {
      for (const u of treatedUnits) fake[u] = periods[rng.integer(periods.length)] as number;
    } else {
      // Units come out of the partial shuffle in random order, so handing them the cohorts in a fixed order permutes the cohorts.
      const chosen = rng.sampleWithoutReplacement(U, nT, scratch);
      for (let j = 0; j < nT; j++) fake[chosen[j] as number] = mode === 'individual' ? (realCohorts[j] as number) : (periods[rng.integer(periods.length)] as number);
    }
    const cohort = new Float64Array(n);
    for (let i = 0; i < n; i++) cohort[i] = fake[units.codes[i] as number] as number;
    let fit: PlaceboEstimate;
    try {
      fit = run(cohort);
    } catch (e) {
      if (!isFtzError(e)) throw e;
      fit = { estimate: Number.NaN };
    }
    estimates[r] = Number.isFinite(fit.estimate) ? fit.estimate : Number.NaN;
    tStatistics[r] = fit.standardError !== undefined && fit.standardError > 0 ? (estimates[r] as number) / fit.standardError : Number.NaN;
    options.onProgress?.(r + 1, R);
  }
  return { mode, draws: R, seed, estimator: options.estimator ? 'custom' : 'twfe', real, estimates, tStatistics, ...summarise(estimates, tStatistics, real, points) };
}

/** p-values, moments and the density of the successful draws. */
function summarise(estimates: Float64Array, tStatistics: Float64Array, real: PlaceboResult['real'], points: number): Pick<PlaceboResult, 'failed' | 'pValue' | 'tPValue' | 'mean' | 'sd' | 'density'> {
  const valid = estimates.filter(Number.isFinite);
  const R = valid.length;
  if (R === 0) throw new FtzError('causal.singular_design', { what: 'every placebo draw', detail: `all ${estimates.length} fake assignments failed to estimate` });
  const atLeast = (x: number, ref: number): boolean => Math.abs(x) >= Math.abs(ref) * (1 - 1e-12);
  const extreme = valid.reduce((s, x) => s + (atLeast(x, real.estimate) ? 1 : 0), 0);
  const tValid = tStatistics.filter(Number.isFinite);
  const tPValue = Number.isFinite(real.tStatistic) && tValid.length > 0 ? (tValid.reduce((s, t) => s + (atLeast(t, real.tStatistic) ? 1 : 0), 0) + 1) / (tValid.length + 1) : null;
  let mean = 0;
  for (const x of valid) mean += x;
  mean /= R;
  let ss = 0;
  for (const x of valid) ss += (x - mean) ** 2;
  const sd = R > 1 ? Math.sqrt(ss / (R - 1)) : Number.NaN;
  let density: KernelDensityResult | null = null;
  if (R >= 2 && sd > 0) {
    const h = bandwidth(valid, 'silverman');
    let lo = real.estimate;
    let hi = real.estimate;
    for (const x of valid) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    density = kernelDensity(valid, { kernel: 'gaussian', bandwidth: h, from: lo - 3 * h, to: hi + 3 * h, points });
  }
  return { failed: estimates.length - R, pValue: (extreme + 1) / (R + 1), tPValue, mean, sd, density };
}
