import { FtzError } from '../../core/errors.js';
import { normalSf } from '../../numeric/distributions.js';
import { factorize, fixedEffectCoefficients, type FactorCodes } from './demean.js';
import { checkPanel, isNeverTreated, type EventTimeEstimates, type StaggeredPanel } from './eventStudy.js';
import { feols, type NamedColumn } from './feols.js';

export interface ImputationOptions {
  /** Event times to report (default: every observed one ≥ 0). */
  readonly horizons?: readonly number[] | undefined;
  /** Cluster for the variance (default: unit). */
  readonly cluster?: ArrayLike<number> | undefined;
  readonly tolerance?: number | undefined;
}

export interface ImputationResult extends EventTimeEstimates {
  /** The overall ATT: the mean of τ̂_it over all imputed treated observations. */
  readonly overall: { readonly estimate: number; readonly standardError: number; readonly pValue: number };
  /** τ̂_it for each treated observation (NaN where it could not be imputed), indexed like the input rows. */
  readonly unitEffects: Float64Array;
  /** Treated observations whose unit or period has no untreated observation (no Y(0) can be imputed). */
  readonly notImputable: number;
  /** Covariate coefficients of the first step. */
  readonly covariateCoefficients: Float64Array;
}

/**
 * Solves the fixed-effect normal equations D₀'D₀ a = c by block Gauss–Seidel over the factors and returns
 * h = D₀ a on the untreated rows (unique although a is not: D₀'D₀ is singular along the usual normalisation).
 */
function projectWeights(factors: readonly FactorCodes[], c: readonly Float64Array[], tolerance: number): Float64Array {
  const n = (factors[0] as FactorCodes).codes.length;
  const total = new Float64Array(n);
  const a = factors.map((f) => new Float64Array(f.levels));
  const size = factors.map((f) => {
    const s = new Float64Array(f.levels);
    for (let i = 0; i < n; i++) {
      const l = f.codes[i] as number;
      s[l] = (s[l] as number) + 1;
    }
    return s;
  });
  const maxLevels = Math.max(...factors.map((f) => f.levels));
  const other = new Float64Array(maxLevels);
  for (let it = 0; it < 100_000; it++) {
    let change = 0;
    let scale = 0;
    for (let g = 0; g < factors.length; g++) {
      const { codes, levels } = factors[g] as FactorCodes;
      const ag = a[g] as Float64Array;
      other.fill(0, 0, levels);
      for (let i = 0; i < n; i++) {
        const l = codes[i] as number;
        other[l] = (other[l] as number) + (total[i] as number) - (ag[l] as number);
      }
      const cg = c[g] as Float64Array;
      const sg = size[g] as Float64Array;
      for (let l = 0; l < levels; l++) {
        const next = ((cg[l] as number) - (other[l] as number)) / (sg[l] as number);
        change = Math.max(change, Math.abs(next - (ag[l] as number)));
        scale = Math.max(scale, Math.abs(next));
        other[l] = next - (ag[l] as number);
        ag[l] = next;
      }
      for (let i = 0; i < n; i++) total[i] = (total[i] as number) + (other[codes[i] as number] as number);
    }
    if (factors.length === 1 || change <= tolerance * Math.max(scale, 1e-300)) break;
  }
  return total;
}

/**
 * The imputation estimator of Borusyak, Jaravel & Spiess (2024, "Revisiting event-study designs: robust and
 * efficient estimation", REStud 91(6)), Theorem 2: (1) fit Y_it = α_i + λ_t + X_it'δ + ε_it by OLS on the
 * untreated observations Ω₀ (never-treated, and not-yet-treated periods); (2) impute Y_it(0) for treated
 * observations Ω₁ and set τ̂_it = Y_it − α̂_i − λ̂_t − X_it'δ̂; (3) average: the overall ATT with equal
 * weights on Ω₁, and by horizon h = t − E_i.
 *
 * Standard errors: BJS's conservative clustered variance (Theorem 3 and §4.3), computed exactly: for an
 * estimand Σ_Ω₁ w_it τ̂_it the implied weights on Ω₀ are v = −Z₀(Z₀'Z₀)⁻¹Z₁'w (found by Gauss–Seidel on the
 * fixed-effect normal equations plus a Frisch–Waugh step for covariates, never forming Z₀'Z₀), the residuals
 * are the step-1 residuals on Ω₀ and τ̂_it − τ̄ on Ω₁ with τ̄ the v²-weighted mean of τ̂ within cohort ×
 * event time, and Var = Σ_clusters (Σ_it∈cluster v_it ε̃_it)². No small-sample factor and no leave-out
 * correction (BJS's `did_imputation` default is the same formula); inference is normal.
 *
 * Treated observations of a unit (or period) with no untreated observation cannot be imputed: they are
 * left out and counted in `notImputable`.
 *
 * @example
 * const r = imputation({ unit: county, time: year, y: lemp, cohort: firstTreat });
 * r.overall.estimate; // −0.0477 on mpdta
 */
export function imputation(panel: StaggeredPanel, options: ImputationOptions = {}): ImputationResult {
  const n = checkPanel(panel);
  if (panel.weights) throw new FtzError('causal.bad_panel', { detail: 'the imputation estimator here does not take observation weights' });
  const tolerance = options.tolerance ?? 1e-12;
  const treated = new Uint8Array(n);
  const untreatedMask = new Uint8Array(n);
  let n0 = 0;
  for (let i = 0; i < n; i++) {
    const c = panel.cohort[i] as number;
    const t = !isNeverTreated(c) && (panel.time[i] as number) >= c;
    treated[i] = t ? 1 : 0;
    untreatedMask[i] = t ? 0 : 1;
    n0 += t ? 0 : 1;
  }
  if (n0 === 0) throw new FtzError('causal.no_control_units', { control: 'untreated', detail: 'every observation is treated' });
  const covariates: readonly NamedColumn[] = panel.covariates ?? [];

  // Step 1 on Ω₀ (keep singletons: a unit's only untreated row still pins down its α_i).
  const fit = feols({
    y: panel.y,
    regressors: covariates,
    fixedEffects: [{ name: 'unit', values: panel.unit }, { name: 'time', values: panel.time }],
    sample: untreatedMask,
    dropSingletons: false,
    tolerance: 1e-13,
  });
  const rows0 = fit.rows;
  const k = covariates.length;
  const delta = fit.coefficients;
  const xb = (i: number): number => {
    let s = 0;
    for (let j = 0; j < k; j++) s += (delta[j] as number) * ((covariates[j] as NamedColumn).values[i] as number);
    return s;
  };
  const r0 = new Float64Array(rows0.length);
  for (let r = 0; r < rows0.length; r++) r0[r] = (panel.y[rows0[r] as number] as number) - xb(rows0[r] as number);
  const f0 = fit.factors.map((f) => ({ codes: f.codes, levels: f.levels }));
  const fe = fixedEffectCoefficients(r0, f0, { tolerance: 1e-13 });

  // Map every row's unit and period to the Ω₀ levels (−1: not present among untreated rows).
  const fullUnit = factorize(panel.unit);
  const fullTime = factorize(panel.time);
  const toLevel = [fullUnit, fullTime].map((full, g) => {
    const map = new Int32Array(full.levels).fill(-1);
    const codes0 = (f0[g] as FactorCodes).codes;
    for (let r = 0; r < rows0.length; r++) map[full.codes[rows0[r] as number] as number] = codes0[r] as number;
    return map;
  });
  const unitEffects = new Float64Array(n).fill(Number.NaN);
  const rows1: number[] = [];
  let notImputable = 0;
  for (let i = 0; i < n; i++) {
    if (!treated[i]) continue;
    const lu = toLevel[0]![fullUnit.codes[i] as number] as number;
    const lt = toLevel[1]![fullTime.codes[i] as number] as number;
    if (lu < 0 || lt < 0 || !Number.isFinite(panel.y[i] as number)) {
      notImputable++;
      continue;
    }
    unitEffects[i] = (panel.y[i] as number) - xb(i) - (fe.coefficients[0]![lu] as number) - (fe.coefficients[1]![lt] as number);
    rows1.push(i);
  }
  if (rows1.length === 0) throw new FtzError('causal.no_control_units', { control: 'untreated', detail: 'no treated observation can be imputed' });

  // Estimands: overall, then each horizon.
  const horizonOf = (i: number): number => (panel.time[i] as number) - (panel.cohort[i] as number);
  const observed = [...new Set(rows1.map(horizonOf))].sort((a, b) => a - b);
  const horizons = options.horizons ? [...options.horizons].sort((a, b) => a - b).filter((h) => observed.includes(h)) : observed;
  const weightsFor = (h: number | null): Float64Array => {
    const w = new Float64Array(rows1.length);
    let count = 0;
    rows1.forEach((i, r) => {
      if (h === null || horizonOf(i) === h) {
        w[r] = 1;
        count++;
      }
    });
    return w.map((v) => v / count);
  };
  const targets = [null, ...horizons].map(weightsFor);
  const estimates = targets.map((w) => rows1.reduce((s, i, r) => s + (w[r] as number) * (unitEffects[i] as number), 0));

  // Conservative variance (BJS Theorem 3).
  const cluster = factorize(options.cluster ?? panel.unit);
  const groupKey = factorize(rows1.map((i) => (panel.cohort[i] as number) * 1e6 + horizonOf(i)));
  const scores = targets.map((w1) => {
    const c = f0.map((f) => new Float64Array(f.levels));
    const cX = new Float64Array(k);
    rows1.forEach((i, r) => {
      const w = w1[r] as number;
      if (w === 0) return;
      const cu = c[0] as Float64Array;
      const ct = c[1] as Float64Array;
      const lu = toLevel[0]![fullUnit.codes[i] as number] as number;
      const lt = toLevel[1]![fullTime.codes[i] as number] as number;
      cu[lu] = (cu[lu] as number) + w;
      ct[lt] = (ct[lt] as number) + w;
      for (let j = 0; j < k; j++) cX[j] = (cX[j] as number) + w * ((covariates[j] as NamedColumn).values[i] as number);
    });
    const h = projectWeights(f0, c, tolerance);
    // v₀ = −(h + X̃₀ b), b = (X̃₀'X̃₀)⁻¹ (c_X − X₀'h).
    const v0 = h.map((x) => -x);
    if (k > 0) {
      const rhs = Float64Array.from(cX);
      for (let j = 0; j < k; j++) {
        const col = (covariates[j] as NamedColumn).values;
        let s = 0;
        for (let r = 0; r < rows0.length; r++) s += (col[rows0[r] as number] as number) * (h[r] as number);
        rhs[j] = (rhs[j] as number) - s;
      }
      const b = new Float64Array(k);
      for (let a = 0; a < k; a++) for (let j = 0; j < k; j++) b[a] = (b[a] as number) + (fit.unscaledCovariance[a * k + j] as number) * (rhs[j] as number);
      for (let j = 0; j < k; j++) {
        const off = j * rows0.length;
        for (let r = 0; r < rows0.length; r++) v0[r] = (v0[r] as number) - (fit.design[off + r] as number) * (b[j] as number);
      }
    }
    // τ̄ within cohort × event time, weighted by v² = w².
    const num = new Float64Array(groupKey.levels);
    const den = new Float64Array(groupKey.levels);
    rows1.forEach((i, r) => {
      const w2 = (w1[r] as number) ** 2;
      const g = groupKey.codes[r] as number;
      num[g] = (num[g] as number) + w2 * (unitEffects[i] as number);
      den[g] = (den[g] as number) + w2;
    });
    const s = new Float64Array(cluster.levels);
    for (let r = 0; r < rows0.length; r++) {
      const i = rows0[r] as number;
      const g = cluster.codes[i] as number;
      s[g] = (s[g] as number) + (v0[r] as number) * (fit.residuals[r] as number);
    }
    rows1.forEach((i, r) => {
      const w = w1[r] as number;
      if (w === 0) return;
      const g = groupKey.codes[r] as number;
      const cl = cluster.codes[i] as number;
      s[cl] = (s[cl] as number) + w * ((unitEffects[i] as number) - (num[g] as number) / (den[g] as number));
    });
    return s;
  });
  const m = targets.length;
  const cov = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = a; b < m; b++) {
    let s = 0;
    const sa = scores[a] as Float64Array;
    const sb = scores[b] as Float64Array;
    for (let g = 0; g < cluster.levels; g++) s += (sa[g] as number) * (sb[g] as number);
    cov[a * m + b] = s;
    cov[b * m + a] = s;
  }
  const se = (a: number): number => Math.sqrt(cov[a * m + a] as number);
  const hm = horizons.length;
  const vcovH = new Float64Array(hm * hm);
  for (let a = 0; a < hm; a++) for (let b = 0; b < hm; b++) vcovH[a * hm + b] = cov[(a + 1) * m + b + 1] as number;
  const overallEstimate = estimates[0] as number;
  return {
    method: 'imputation',
    eventTimes: Int32Array.from(horizons),
    estimates: Float64Array.from(estimates.slice(1)),
    standardErrors: Float64Array.from(horizons, (_, a) => se(a + 1)),
    vcov: vcovH,
    referencePeriod: null,
    nobs: rows0.length + rows1.length,
    dropped: notImputable,
    dfT: Infinity,
    overall: { estimate: overallEstimate, standardError: se(0), pValue: 2 * normalSf(Math.abs(overallEstimate / se(0))) },
    unitEffects,
    notImputable,
    covariateCoefficients: Float64Array.from(delta),
  };
}
