import { FtzError } from '../../core/errors.js';
import { nelderMead } from '../../numeric/nelderMead.js';
import { simplexLeastSquares } from '../../numeric/simplexQp.js';

/**
 * Synthetic control (Abadie, Diamond & Hainmueller 2010, "Synthetic Control Methods for Comparative Case
 * Studies", JASA 105(490), §2.3), computed the way R Synth (1.1-8, `dataprep` + `synth`) does.
 */
export interface SyntheticControlPanel {
  readonly units: readonly string[];
  /** Periods in ascending order (years). */
  readonly periods: readonly number[];
  /** Outcome, row-major units × periods. */
  readonly outcome: ArrayLike<number>;
  /** Covariates, each row-major units × periods; NaN marks a missing value. */
  readonly covariates?: Readonly<Record<string, ArrayLike<number>>>;
}

/** One row of X: the mean of a variable over the given periods, ignoring missing values (Synth's `mean, na.rm = TRUE`). */
export interface SyntheticControlPredictor {
  /** 'outcome' or the name of a covariate. */
  readonly variable: string;
  readonly periods: readonly number[];
  /** Label in outputs. Default `variable` for one period `variable (p)`, else `variable (first–last)`. */
  readonly name?: string;
}

export interface SyntheticControlSpec {
  readonly treated: string;
  /** The first treated period; earlier periods are the pre-period. */
  readonly treatmentPeriod: number;
  /** Donor pool. Default every other unit. */
  readonly controls?: readonly string[];
  readonly predictors: readonly SyntheticControlPredictor[];
  /** Periods whose outcome MSPE the choice of V minimises (Synth's `time.optimize.ssr`). Default all pre-periods. */
  readonly mspePeriods?: readonly number[];
  /** Fix V instead of optimising it (normalised to sum 1, as Synth's `custom.v`). */
  readonly customV?: ArrayLike<number>;
  /**
   * Evaluation budget of each Nelder–Mead run. Default 5,000: enough for R optim's relative tolerance to
   * stop the search on the usual problems. R Synth inherits optim's `maxit` = 500, which often stops before
   * convergence; pass 500 to imitate that.
   */
  readonly maxEvaluations?: number;
  /** Run placebos in space: refit with every control as the treated unit (donors: the other controls). */
  readonly placebo?: boolean;
  /**
   * Leave out of the placebo p-value the placebos whose pre-RMSPE exceeds this multiple of the treated
   * unit's (ADH 2010, §3, Figs. 5–7 use 20, 5 and 2 on the MSPE, i.e. √20, √5, √2 on the RMSPE). Default: keep all.
   */
  readonly placeboExcludeRatio?: number;
}

/** The core fit on predictor and outcome matrices (the "engine"; benchmarks call this). */
export interface SyntheticControlWeights {
  /** W on the donors (≥ 0, sum 1). */
  readonly w: Float64Array;
  /** diag(V) on the predictors (≥ 0, sum 1). */
  readonly v: Float64Array;
  /** MSPE of the outcome over the MSPE periods at W(V) (Synth's `loss.v`). */
  readonly lossV: number;
  /** (X₁ − X₀W)ᵀV(X₁ − X₀W) on the standardised predictors (Synth's `loss.w`). */
  readonly lossW: number;
  /** Which start gave V: 'equal', 'regression' or 'custom'. */
  readonly start: 'equal' | 'regression' | 'custom';
  readonly evaluations: number;
}

export interface SyntheticControlPlacebo {
  readonly units: readonly string[];
  readonly preRmspe: Float64Array;
  readonly postRmspe: Float64Array;
  /** post/pre RMSPE per placebo. */
  readonly ratio: Float64Array;
  /** Gap paths, one per placebo (aligned with `periods`). */
  readonly gaps: readonly Float64Array[];
  /** Whether each placebo counts in the p-value (pre-RMSPE within the exclusion multiple). */
  readonly included: readonly boolean[];
  /** Rank of the treated unit's ratio among itself and the included placebos (1 = largest). */
  readonly rank: number;
  /** rank / (1 + included placebos): the permutation p-value of ADH 2010 §2.4 / Abadie et al. 2015. */
  readonly pValue: number;
}

export interface SyntheticControlFit extends SyntheticControlWeights {
  readonly treated: string;
  readonly controls: readonly string[];
  readonly predictorNames: readonly string[];
  /** Predictor values (unscaled): treated, synthetic (X₀W) and the donors' simple mean. */
  readonly balance: { readonly treated: Float64Array; readonly synthetic: Float64Array; readonly donorMean: Float64Array };
  readonly periods: readonly number[];
  readonly treatedPath: Float64Array;
  readonly syntheticPath: Float64Array;
  /** treated − synthetic per period. */
  readonly gaps: Float64Array;
  /** Root mean squared gap over all periods before the treatment period. */
  readonly preRmspe: number;
  /** Root mean squared gap over the treatment period and after. */
  readonly postRmspe: number;
  readonly placebo?: SyntheticControlPlacebo;
}

const METHOD = 'synthetic control';

/** Cholesky solve of a small SPD system; false when it is not numerically positive definite. */
function choleskySolve(m: Float64Array, b: Float64Array, p: number, cols: number): boolean {
  let maxDiag = 0;
  for (let j = 0; j < p; j++) maxDiag = Math.max(maxDiag, m[j * p + j] as number);
  for (let j = 0; j < p; j++) {
    let d = m[j * p + j] as number;
    for (let k = 0; k < j; k++) d -= (m[j * p + k] as number) ** 2;
    if (!(d > 1e-12 * maxDiag)) return false;
    const l = Math.sqrt(d);
    m[j * p + j] = l;
    for (let i = j + 1; i < p; i++) {
      let s = m[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (m[i * p + k] as number) * (m[j * p + k] as number);
      m[i * p + j] = s / l;
    }
  }
  for (let c = 0; c < cols; c++) {
    for (let i = 0; i < p; i++) {
      let s = b[i * cols + c] as number;
      for (let k = 0; k < i; k++) s -= (m[i * p + k] as number) * (b[k * cols + c] as number);
      b[i * cols + c] = s / (m[i * p + i] as number);
    }
    for (let i = p - 1; i >= 0; i--) {
      let s = b[i * cols + c] as number;
      for (let k = i + 1; k < p; k++) s -= (m[k * p + i] as number) * (b[k * cols + c] as number);
      b[i * cols + c] = s / (m[i * p + i] as number);
    }
  }
  return true;
}

/**
 * Synth's regression-based starting V: regress the MSPE-period outcomes of all J+1 units on an intercept
 * and the standardised predictors, V₀ = diag(BBᵀ) over the slope rows, normalised to sum 1. Null when
 * the normal equations are singular (Synth then keeps the equal-weights start only).
 */
function regressionStart(x1s: Float64Array, x0s: Float64Array, k: number, j: number, z1: Float64Array, z0: Float64Array, tz: number): Float64Array | null {
  const p = k + 1;
  const units = j + 1;
  const row = (u: number, q: number): number => (q === 0 ? 1 : u === 0 ? (x1s[q - 1] as number) : (x0s[(q - 1) * j + u - 1] as number));
  const z = (u: number, t: number): number => (u === 0 ? (z1[t] as number) : (z0[t * j + u - 1] as number));
  const xtx = new Float64Array(p * p);
  const xtz = new Float64Array(p * tz);
  for (let u = 0; u < units; u++) {
    for (let a = 0; a < p; a++) {
      const xa = row(u, a);
      for (let b = 0; b < p; b++) xtx[a * p + b] = (xtx[a * p + b] as number) + xa * row(u, b);
      for (let t = 0; t < tz; t++) xtz[a * tz + t] = (xtz[a * tz + t] as number) + xa * z(u, t);
    }
  }
  if (!choleskySolve(xtx, xtz, p, tz)) return null;
  const v = new Float64Array(k);
  let s = 0;
  for (let q = 0; q < k; q++) {
    let acc = 0;
    for (let t = 0; t < tz; t++) acc += (xtz[(q + 1) * tz + t] as number) ** 2;
    v[q] = acc;
    s += acc;
  }
  if (!(s > 0)) return null;
  for (let q = 0; q < k; q++) v[q] = (v[q] as number) / s;
  return v;
}

function normalisedAbs(v: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let q = 0; q < v.length; q++) s += Math.abs(v[q] as number);
  const out = new Float64Array(v.length);
  for (let q = 0; q < v.length; q++) out[q] = Math.abs(v[q] as number) / s;
  return out;
}

/**
 * The nested optimisation of ADH 2010 (eqs. 4–5, §2.3) as R Synth's `synth()` performs it:
 * 1. each predictor row of [X₀ X₁] is divided by its standard deviation across all J+1 units;
 * 2. inner problem: W*(V) = argmin over the simplex of (X₁ − X₀W)ᵀV(X₁ − X₀W), solved exactly
 *    ({@link simplexLeastSquares}, KKT tolerance 1e-12 relative) where Synth uses an interior-point QP
 *    (`ipop`, margin 5e-4);
 * 3. outer problem: V = diag(|v|)/Σ|v| minimising the outcome MSPE (Z₁ − Z₀W*(V))ᵀ(Z₁ − Z₀W*(V))/T_z, by
 *    Nelder–Mead ({@link nelderMead}: R optim's start and stop rules, up to 5,000 evaluations) from equal
 *    weights v = 1/k and,
 *    when the regression is solvable, from Synth's regression-based start; the better run wins. Synth also
 *    tries BFGS from each start (via optimx) and keeps the best; we do not.
 *
 * Matrices are row-major: X₀ is k × J (predictor q, donor j), Z₀ is T_z × J.
 *
 * @example
 * const fit = syntheticControlWeights(x1, x0, 7, 38, z1, z0, 19);
 * fit.w; // donor weights
 */
export function syntheticControlWeights(
  x1: ArrayLike<number>,
  x0: ArrayLike<number>,
  k: number,
  j: number,
  z1: ArrayLike<number>,
  z0: ArrayLike<number>,
  tz: number,
  options: { customV?: ArrayLike<number>; maxEvaluations?: number; predictorNames?: readonly string[] } = {},
): SyntheticControlWeights {
  if (j < 2) throw new FtzError('causal.too_few_controls', { method: METHOD, n: j, min: 2 });
  if (tz < 1) throw new FtzError('causal.too_few_periods', { method: METHOD, phase: 'pre', n: tz, min: 1 });
  if (k < 1 || x1.length !== k || x0.length !== k * j || z1.length !== tz || z0.length !== tz * j) {
    throw new FtzError('causal.bad_panel', { detail: `predictor or outcome matrices do not match k = ${k}, J = ${j}, T = ${tz}` });
  }
  // standardise: divide each predictor by its sd over the J+1 units (Synth); reject predictors constant over donors
  const x1s = new Float64Array(k);
  const x0s = new Float64Array(k * j);
  for (let q = 0; q < k; q++) {
    let mean0 = 0;
    for (let c = 0; c < j; c++) mean0 += x0[q * j + c] as number;
    mean0 /= j;
    let ss0 = 0;
    for (let c = 0; c < j; c++) ss0 += ((x0[q * j + c] as number) - mean0) ** 2;
    if (!(ss0 > 1e-24 * (mean0 * mean0 + 1) * j)) {
      throw new FtzError('causal.constant_predictor', { method: METHOD, predictor: options.predictorNames?.[q] ?? `#${q + 1}` });
    }
    const mean = (mean0 * j + (x1[q] as number)) / (j + 1);
    let ss = 0;
    for (let c = 0; c < j; c++) ss += ((x0[q * j + c] as number) - mean) ** 2;
    ss += ((x1[q] as number) - mean) ** 2;
    const sd = Math.sqrt(ss / j);
    x1s[q] = (x1[q] as number) / sd;
    for (let c = 0; c < j; c++) x0s[q * j + c] = (x0[q * j + c] as number) / sd;
  }
  const zz1 = Float64Array.from(z1);
  const zz0 = Float64Array.from(z0);
  const a = new Float64Array(k * j);
  const b = new Float64Array(k);
  const innerW = (v: Float64Array): Float64Array => {
    for (let q = 0; q < k; q++) {
      const r = Math.sqrt(v[q] as number);
      b[q] = r * (x1s[q] as number);
      for (let c = 0; c < j; c++) a[q * j + c] = r * (x0s[q * j + c] as number);
    }
    return simplexLeastSquares(a, k, j, b).x;
  };
  const mspe = (w: Float64Array): number => {
    let s = 0;
    for (let t = 0; t < tz; t++) {
      let e = zz1[t] as number;
      for (let c = 0; c < j; c++) e -= (zz0[t * j + c] as number) * (w[c] as number);
      s += e * e;
    }
    return s / tz;
  };
  let v: Float64Array;
  let start: SyntheticControlWeights['start'] = 'custom';
  let evaluations = 0;
  if (options.customV !== undefined || k === 1) {
    if (options.customV !== undefined && options.customV.length !== k) {
      throw new FtzError('causal.bad_panel', { detail: `customV has ${options.customV.length} entries for ${k} predictors` });
    }
    v = k === 1 ? new Float64Array([1]) : normalisedAbs(options.customV as ArrayLike<number>);
  } else {
    const lossOf = (par: Float64Array): number => {
      const vv = normalisedAbs(par);
      return vv.some(Number.isNaN) ? Number.POSITIVE_INFINITY : mspe(innerW(vv));
    };
    const nm = { maxEvaluations: options.maxEvaluations ?? 5000 };
    let best = nelderMead(lossOf, new Float64Array(k).fill(1 / k), nm);
    start = 'equal';
    evaluations = best.evaluations;
    const sv2 = regressionStart(x1s, x0s, k, j, zz1, zz0, tz);
    if (sv2 !== null) {
      const second = nelderMead(lossOf, sv2, nm);
      evaluations += second.evaluations;
      // as Synth: the equal-weights run is kept only when strictly better
      if (!(best.value < second.value)) {
        best = second;
        start = 'regression';
      }
    }
    v = normalisedAbs(best.x);
  }
  const w = innerW(v);
  let lossW = 0;
  for (let q = 0; q < k; q++) {
    let e = x1s[q] as number;
    for (let c = 0; c < j; c++) e -= (x0s[q * j + c] as number) * (w[c] as number);
    lossW += (v[q] as number) * e * e;
  }
  return { w, v, lossV: mspe(w), lossW, start, evaluations };
}

interface Layout {
  unitIndex: Map<string, number>;
  t: number;
}

function unitRow(layout: Layout, name: string, role: string): number {
  const i = layout.unitIndex.get(name);
  if (i === undefined) throw new FtzError('causal.bad_panel', { detail: `${role} unit "${name}" is not in the panel` });
  return i;
}

function periodColumns(periods: readonly number[], wanted: readonly number[], what: string): number[] {
  return wanted.map((p) => {
    const c = periods.indexOf(p);
    if (c < 0) throw new FtzError('causal.bad_panel', { detail: `${what} period ${p} is not in the panel (${periods[0]}–${periods[periods.length - 1]})` });
    return c;
  });
}

function predictorName(p: SyntheticControlPredictor): string {
  if (p.name !== undefined) return p.name;
  if (p.periods.length === 1) return `${p.variable} (${p.periods[0]})`;
  return `${p.variable} (${p.periods[0]}–${p.periods[p.periods.length - 1]})`;
}

/** Mean of a variable over the given columns for one unit, ignoring NaN. */
function predictorValue(panel: SyntheticControlPanel, layout: Layout, p: SyntheticControlPredictor, cols: number[], unit: number): number {
  const data = p.variable === 'outcome' ? panel.outcome : panel.covariates?.[p.variable];
  if (data === undefined) throw new FtzError('causal.bad_panel', { detail: `predictor variable "${p.variable}" is not in the panel` });
  let s = 0;
  let n = 0;
  for (const c of cols) {
    const x = data[unit * layout.t + c] as number;
    if (Number.isFinite(x)) {
      s += x;
      n++;
    }
  }
  if (n === 0) {
    throw new FtzError('causal.bad_panel', { detail: `predictor ${predictorName(p)} is missing for unit "${panel.units[unit]}" in every chosen period` });
  }
  return s / n;
}

interface UnitFit {
  weights: SyntheticControlWeights;
  x1: Float64Array;
  x0: Float64Array;
  treatedPath: Float64Array;
  syntheticPath: Float64Array;
  gaps: Float64Array;
  preRmspe: number;
  postRmspe: number;
}

function fitOne(panel: SyntheticControlPanel, spec: SyntheticControlSpec, layout: Layout, treated: number, donors: readonly number[], pre: number): UnitFit {
  const t = layout.t;
  const k = spec.predictors.length;
  const j = donors.length;
  const x1 = new Float64Array(k);
  const x0 = new Float64Array(k * j);
  spec.predictors.forEach((p, q) => {
    const cols = periodColumns(panel.periods, p.periods, `predictor ${predictorName(p)}`);
    x1[q] = predictorValue(panel, layout, p, cols, treated);
    donors.forEach((d, c) => {
      x0[q * j + c] = predictorValue(panel, layout, p, cols, d);
    });
  });
  const zCols = spec.mspePeriods !== undefined ? periodColumns(panel.periods, spec.mspePeriods, 'MSPE') : Array.from({ length: pre }, (_, c) => c);
  const tz = zCols.length;
  const y = panel.outcome;
  const z1 = Float64Array.from(zCols, (c) => y[treated * t + c] as number);
  const z0 = new Float64Array(tz * j);
  zCols.forEach((c, r) => donors.forEach((d, col) => (z0[r * j + col] = y[d * t + c] as number)));
  const weights = syntheticControlWeights(x1, x0, k, j, z1, z0, tz, {
    ...(spec.customV !== undefined ? { customV: spec.customV } : {}),
    ...(spec.maxEvaluations !== undefined ? { maxEvaluations: spec.maxEvaluations } : {}),
    predictorNames: spec.predictors.map(predictorName),
  });
  const treatedPath = new Float64Array(t);
  const syntheticPath = new Float64Array(t);
  const gaps = new Float64Array(t);
  let preSs = 0;
  let postSs = 0;
  for (let c = 0; c < t; c++) {
    let s = 0;
    donors.forEach((d, col) => (s += (weights.w[col] as number) * (y[d * t + c] as number)));
    treatedPath[c] = y[treated * t + c] as number;
    syntheticPath[c] = s;
    gaps[c] = (treatedPath[c] as number) - s;
    if (c < pre) preSs += (gaps[c] as number) ** 2;
    else postSs += (gaps[c] as number) ** 2;
  }
  return { weights, x1, x0, treatedPath, syntheticPath, gaps, preRmspe: Math.sqrt(preSs / pre), postRmspe: Math.sqrt(postSs / (t - pre)) };
}

/**
 * Synthetic control for one treated unit (Abadie, Diamond & Hainmueller 2010): builds X₁, X₀ from the
 * predictor spec (means over periods, missing values ignored, as Synth's `dataprep`), Z₁, Z₀ from the
 * outcome in the MSPE periods, solves the nested problem ({@link syntheticControlWeights}), and returns W,
 * V, predictor balance, the synthetic path, gaps and pre/post RMSPE; with `placebo`, the in-space placebo
 * distribution of post/pre RMSPE ratios and the permutation p-value (ADH 2010 §2.4).
 *
 * Throws `causal.too_few_periods` (no pre-period or no post-period), `causal.too_few_controls` (< 2
 * donors), `causal.constant_predictor` (a predictor equal across donors), `causal.bad_panel` (unknown
 * units, periods or variables; non-finite outcomes; a predictor missing for a unit in all its periods).
 *
 * @example
 * const fit = estimateSyntheticControl(panel, {
 *   treated: 'California', treatmentPeriod: 1989,
 *   predictors: [{ variable: 'lnincome', periods: [1980, 1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988] },
 *                { variable: 'outcome', periods: [1975] }],
 * });
 * fit.gaps; // California − synthetic California, per year
 */
export function estimateSyntheticControl(panel: SyntheticControlPanel, spec: SyntheticControlSpec): SyntheticControlFit {
  const n = panel.units.length;
  const t = panel.periods.length;
  if (panel.outcome.length !== n * t) throw new FtzError('causal.bad_panel', { detail: `outcome has ${panel.outcome.length} values for ${n} units × ${t} periods` });
  for (let k = 0; k < panel.outcome.length; k++) {
    if (!Number.isFinite(panel.outcome[k] as number)) {
      throw new FtzError('causal.bad_panel', { detail: `outcome of "${panel.units[Math.floor(k / t)]}" in ${panel.periods[k % t]} is ${panel.outcome[k]}` });
    }
  }
  const layout: Layout = { unitIndex: new Map(panel.units.map((u, i) => [u, i])), t };
  const pre = panel.periods.filter((p) => p < spec.treatmentPeriod).length;
  if (pre < 1) throw new FtzError('causal.too_few_periods', { method: METHOD, phase: 'pre', n: pre, min: 1 });
  if (pre >= t) throw new FtzError('causal.too_few_periods', { method: METHOD, phase: 'post', n: 0, min: 1 });
  if (spec.predictors.length === 0) throw new FtzError('causal.bad_panel', { detail: 'no predictors are specified' });
  const treated = unitRow(layout, spec.treated, 'treated');
  const controlNames = spec.controls ?? panel.units.filter((u) => u !== spec.treated);
  const donors = controlNames.map((u) => unitRow(layout, u, 'control'));
  if (donors.includes(treated)) throw new FtzError('causal.bad_panel', { detail: `the treated unit "${spec.treated}" is also listed as a control` });
  if (donors.length < 2) throw new FtzError('causal.too_few_controls', { method: METHOD, n: donors.length, min: 2 });

  const main = fitOne(panel, spec, layout, treated, donors, pre);
  const k = spec.predictors.length;
  const j = donors.length;
  const synthetic = new Float64Array(k);
  const donorMean = new Float64Array(k);
  for (let q = 0; q < k; q++) {
    for (let c = 0; c < j; c++) {
      synthetic[q] = (synthetic[q] as number) + (main.weights.w[c] as number) * (main.x0[q * j + c] as number);
      donorMean[q] = (donorMean[q] as number) + (main.x0[q * j + c] as number) / j;
    }
  }
  const fit: SyntheticControlFit = {
    ...main.weights,
    treated: spec.treated,
    controls: controlNames,
    predictorNames: spec.predictors.map(predictorName),
    balance: { treated: main.x1, synthetic, donorMean },
    periods: panel.periods,
    treatedPath: main.treatedPath,
    syntheticPath: main.syntheticPath,
    gaps: main.gaps,
    preRmspe: main.preRmspe,
    postRmspe: main.postRmspe,
  };
  if (spec.placebo !== true) return fit;
  return { ...fit, placebo: placeboInSpace(panel, spec, layout, donors, pre, main) };
}

/**
 * In-space placebos (ADH 2010 §2.4, §3): each donor in turn is "treated", with the other donors (not the
 * treated unit) as its pool; the treated unit's post/pre RMSPE ratio is ranked among them.
 */
function placeboInSpace(panel: SyntheticControlPanel, spec: SyntheticControlSpec, layout: Layout, donors: readonly number[], pre: number, main: UnitFit): SyntheticControlPlacebo {
  const m = donors.length;
  const preRmspe = new Float64Array(m);
  const postRmspe = new Float64Array(m);
  const ratio = new Float64Array(m);
  const gaps: Float64Array[] = [];
  const included: boolean[] = [];
  const limit = spec.placeboExcludeRatio;
  const treatedRatio = main.postRmspe / main.preRmspe;
  let kept = 0;
  let atLeast = 1;
  donors.forEach((d, idx) => {
    const pool = donors.filter((x) => x !== d);
    const f = fitOne(panel, spec, layout, d, pool, pre);
    preRmspe[idx] = f.preRmspe;
    postRmspe[idx] = f.postRmspe;
    ratio[idx] = f.postRmspe / f.preRmspe;
    gaps.push(f.gaps);
    const keep = limit === undefined || f.preRmspe <= limit * main.preRmspe;
    included.push(keep);
    if (keep) {
      kept++;
      if ((ratio[idx] as number) >= treatedRatio) atLeast++;
    }
  });
  return { units: donors.map((d) => panel.units[d] as string), preRmspe, postRmspe, ratio, gaps, included, rank: atLeast, pValue: atLeast / (kept + 1) };
}
