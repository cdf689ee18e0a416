import { FtzError } from '../../core/errors.js';
import { studentTTwoSided } from '../../numeric/distributions.js';
import { symmetricEigen } from '../../numeric/symmetricEigen.js';
import { factorize, type FactorCodes } from './demean.js';
import type { FeolsFit, NamedColumn } from './feols.js';

/** Which variance: classical, heteroskedasticity-robust (HC1), or clustered on one or two variables. */
export type VcovSpec =
  | { readonly type: 'iid' }
  | { readonly type: 'hetero' }
  | { readonly type: 'cluster'; readonly clusters: readonly NamedColumn[] };

/**
 * Small-sample corrections, named as fixest's `ssc()` (Bergé 2018, fixest vignette "On standard-errors"):
 *
 * - `adj`: multiply by (n − 1)/(n − K) (for iid this turns e'e/(n − 1) into the unbiased e'e/(n − K)).
 * - `fixefK`: how K counts absorbed fixed effects. `'full'`: K = k + Σ levels − (factors − 1) (what `lm`
 *   with dummies and Stata `areg` use); `'nested'`: fixed effects nested in a cluster variable are not
 *   counted (K = k + Σ_{not nested}(levels) − …; if all are nested, K = k + 1) — fixest's default and close
 *   to reghdfe's; `'none'`: K = k.
 * - `fixefExact`: count the first two factors exactly (levels₁ + levels₂ − connected components).
 * - `clusterAdj`: multiply clustered variances by G/(G − 1) (and HC by n/(n − 1), so HC1 = n/(n − K)).
 * - `clusterDf`: two-way only. `'min'`: one factor G_min/(G_min − 1), G_min the smaller cluster count
 *   (fixest); `'conventional'`: each of the three CGM terms gets its own G_i/(G_i − 1) (Cameron, Gelbach &
 *   Miller 2011, eq. 2.12; `sandwich::vcovCL`).
 * - `tDf`: degrees of freedom of the t tests: `'min'` → G_min − 1 when clustered, else n − K;
 *   `'conventional'` → n − K.
 *
 * So one-way clustered with the defaults is V = G/(G−1) · (n−1)/(n−K) · B M B, Stata's and fixest's factor.
 */
export interface SmallSampleCorrection {
  readonly adj: boolean;
  readonly fixefK: 'nested' | 'full' | 'none';
  readonly fixefExact: boolean;
  readonly clusterAdj: boolean;
  readonly clusterDf: 'min' | 'conventional';
  readonly tDf: 'min' | 'conventional';
}

/** fixest's defaults: `ssc(adj = TRUE, fixef.K = "nested", cluster.adj = TRUE, cluster.df = "min", t.df = "min")`. */
export const SSC_FIXEST: SmallSampleCorrection = { adj: true, fixefK: 'nested', fixefExact: false, clusterAdj: true, clusterDf: 'min', tDf: 'min' };

/**
 * What `lm` with factor dummies plus `sandwich::vcovHC(type = "HC1")` / `vcovCL(type = "HC1")` give: every
 * fixed effect counted, each two-way term adjusted by its own G/(G − 1).
 */
export const SSC_LM_SANDWICH: SmallSampleCorrection = { adj: true, fixefK: 'full', fixefExact: false, clusterAdj: true, clusterDf: 'conventional', tDf: 'min' };

export interface VcovResult {
  readonly type: 'iid' | 'hetero' | 'cluster';
  /** Row-major k × k. */
  readonly matrix: Float64Array;
  readonly standardErrors: Float64Array;
  readonly tStatistics: Float64Array;
  readonly pValues: Float64Array;
  /** Parameters counted in (n − 1)/(n − K). */
  readonly K: number;
  /** Degrees of freedom of the t distribution. */
  readonly dfT: number;
  /** Cluster counts per cluster variable (empty unless clustered). */
  readonly clusterCounts: readonly number[];
  /** True when a two-way matrix had a negative variance and its negative eigenvalues were set to 0 (CGM 2011 §2.3). */
  readonly psdFixed: boolean;
}

/** Σ over groups of (Σ_i∈g s_i)(Σ_i∈g s_i)', row-major k × k; scores s = w·e·x̃. */
function clusterMeat(fit: FeolsFit, codes: Int32Array, groups: number): Float64Array {
  const { nobs, design, residuals, weights } = fit;
  const k = fit.names.length;
  const sums = new Float64Array(groups * k);
  for (let j = 0; j < k; j++) {
    const off = j * nobs;
    if (weights) {
      for (let r = 0; r < nobs; r++) {
        const s = (design[off + r] as number) * (residuals[r] as number) * (weights[r] as number);
        const at = (codes[r] as number) * k + j;
        sums[at] = (sums[at] as number) + s;
      }
    } else if (k === 1) {
      for (let r = 0; r < nobs; r++) {
        const c = codes[r] as number;
        sums[c] = (sums[c] as number) + (design[r] as number) * (residuals[r] as number);
      }
    } else {
      for (let r = 0; r < nobs; r++) {
        const s = (design[off + r] as number) * (residuals[r] as number);
        const at = (codes[r] as number) * k + j;
        sums[at] = (sums[at] as number) + s;
      }
    }
  }
  const meat = new Float64Array(k * k);
  for (let g = 0; g < groups; g++) {
    const o = g * k;
    for (let a = 0; a < k; a++) {
      const sa = sums[o + a] as number;
      if (sa === 0) continue;
      for (let b = 0; b < k; b++) meat[a * k + b] = (meat[a * k + b] as number) + sa * (sums[o + b] as number);
    }
  }
  return meat;
}

/** B M B for symmetric row-major k × k matrices. */
function sandwich(B: Float64Array, M: Float64Array, k: number): Float64Array {
  const BM = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let s = 0;
    for (let l = 0; l < k; l++) s += (B[i * k + l] as number) * (M[l * k + j] as number);
    BM[i * k + j] = s;
  }
  // Only the upper triangle is computed and mirrored, so the result is exactly symmetric.
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) {
    let s = 0;
    for (let l = 0; l < k; l++) s += (BM[i * k + l] as number) * (B[l * k + j] as number);
    out[i * k + j] = s;
    out[j * k + i] = s;
  }
  return out;
}

/** Whether every level of the factor lies within a single cluster. */
function nestedIn(f: { codes: Int32Array; levels: number }, cluster: Int32Array): boolean {
  const owner = new Int32Array(f.levels).fill(-1);
  for (let r = 0; r < f.codes.length; r++) {
    const l = f.codes[r] as number;
    const c = cluster[r] as number;
    const o = owner[l] as number;
    if (o < 0) owner[l] = c;
    else if (o !== c) return false;
  }
  return true;
}

/**
 * The variance of a {@link feols} fit: iid, heteroskedasticity-robust (White 1980; HC1 of MacKinnon & White
 * 1985), or cluster-robust (Liang & Zeger 1986; Arellano 1987), one-way or two-way by Cameron, Gelbach &
 * Miller (2011, JBES 29(2), eq. 2.12): V = V_A + V_B − V_{A∩B}. With B = (X̃'WX̃)⁻¹ and scores s_i = w_i e_i x̃_i,
 * V = c · B (Σ_g s_g s_g') B, c as in {@link SmallSampleCorrection}. Cluster values are given for the
 * original rows; the fit's estimation rows are taken from them.
 *
 * @example
 * const v = vcov(fit, { type: 'cluster', clusters: [{ name: 'county', values: county }] });
 * v.standardErrors[0];
 */
export function vcov(fit: FeolsFit, spec: VcovSpec, ssc: SmallSampleCorrection = SSC_FIXEST): VcovResult {
  const k = fit.names.length;
  const n = fit.nobs;
  const B = fit.unscaledCovariance;
  const feParams = ssc.fixefExact ? fit.fixedEffectParametersExact : fit.fixedEffectParameters;
  let K = ssc.fixefK === 'none' ? k : k + feParams;
  let matrix: Float64Array;
  let dfTCluster = Infinity;
  const clusterCounts: number[] = [];
  let psdFixed = false;

  if (spec.type === 'iid') {
    // fixest's raw iid scale is e'e/(n − 1); adj turns it into e'e/(n − K).
    const s2 = fit.rss / (n - 1);
    matrix = B.map((v) => v * s2);
  } else if (spec.type === 'hetero') {
    const codes = new Int32Array(n);
    for (let r = 0; r < n; r++) codes[r] = r;
    matrix = sandwich(B, clusterMeat(fit, codes, n), k);
    if (ssc.clusterAdj) matrix = matrix.map((v) => (v * n) / (n - 1));
  } else {
    if (spec.clusters.length < 1 || spec.clusters.length > 2) {
      throw new FtzError('causal.bad_panel', { detail: `clustering needs one or two cluster variables, found ${spec.clusters.length}` });
    }
    const codes: FactorCodes[] = spec.clusters.map((c) => {
      if (c.values.length <= (fit.rows[fit.rows.length - 1] ?? -1)) {
        throw new FtzError('causal.bad_panel', { detail: `cluster variable ${c.name} is shorter than the data` });
      }
      // Every row of the data in the estimation sample: the cluster values are used as they are.
      if (c.values.length === n && fit.rows[n - 1] === n - 1) return factorize(c.values);
      const v = new Float64Array(n);
      for (let r = 0; r < n; r++) v[r] = c.values[fit.rows[r] as number] as number;
      return factorize(v);
    });
    for (const c of codes) {
      clusterCounts.push(c.levels);
      if (c.levels < 2) throw new FtzError('causal.bad_panel', { detail: 'clustering needs at least two clusters' });
    }
    const terms: { sign: number; f: FactorCodes }[] = codes.map((f) => ({ sign: 1, f }));
    if (codes.length === 2) {
      const a = codes[0] as FactorCodes;
      const b = codes[1] as FactorCodes;
      const inter = new Float64Array(n);
      for (let r = 0; r < n; r++) inter[r] = (a.codes[r] as number) * b.levels + (b.codes[r] as number);
      terms.push({ sign: -1, f: factorize(inter) });
    }
    const gMin = Math.min(...clusterCounts);
    matrix = new Float64Array(k * k);
    for (const { sign, f } of terms) {
      const V = sandwich(B, clusterMeat(fit, f.codes, f.levels), k);
      const c = ssc.clusterAdj && (ssc.clusterDf === 'conventional' || codes.length === 1) ? f.levels / (f.levels - 1) : 1;
      for (let i = 0; i < k * k; i++) matrix[i] = (matrix[i] as number) + sign * c * (V[i] as number);
    }
    if (ssc.clusterAdj && ssc.clusterDf === 'min' && codes.length > 1) matrix = matrix.map((v) => (v * gMin) / (gMin - 1));
    dfTCluster = gMin - 1;

    if (ssc.fixefK === 'nested' && fit.factors.length > 0) {
      const nested = fit.factors.map((f) => codes.some((c) => nestedIn(f, c.codes)));
      if (nested.every(Boolean)) K = k + 1;
      else K = k + feParams - fit.factors.reduce((s, f, g) => s + (nested[g] ? f.levels - 1 : 0), 0);
      K = Math.max(K, k + 1);
    }
  }

  if (ssc.adj) {
    const c = (n - 1) / (n - K);
    matrix = matrix.map((v) => v * c);
  }
  if (spec.type === 'cluster' && spec.clusters.length > 1) {
    let negative = false;
    for (let i = 0; i < k; i++) if ((matrix[i * k + i] as number) < 0) negative = true;
    if (negative) {
      const { values, vectors } = symmetricEigen(matrix, k);
      const fixed = new Float64Array(k * k);
      for (let e = 0; e < k; e++) {
        const lam = Math.max(values[e] as number, 0);
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) fixed[i * k + j] = (fixed[i * k + j] as number) + lam * (vectors[i * k + e] as number) * (vectors[j * k + e] as number);
      }
      matrix = fixed;
      psdFixed = true;
    }
  }

  const dfT = spec.type === 'cluster' && ssc.tDf === 'min' ? dfTCluster : n - K;
  const standardErrors = new Float64Array(k);
  const tStatistics = new Float64Array(k);
  const pValues = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const se = Math.sqrt(matrix[j * k + j] as number);
    standardErrors[j] = se;
    tStatistics[j] = (fit.coefficients[j] as number) / se;
    pValues[j] = studentTTwoSided(tStatistics[j] as number, dfT);
  }
  return { type: spec.type, matrix, standardErrors, tStatistics, pValues, K, dfT, clusterCounts, psdFixed };
}
