import { FtzError } from '../../core/errors.js';
import { chiSquareSf, fSf, studentTCdf } from '../../numeric/distributions.js';
import { householderQr, qrSolve } from '../../numeric/qr.js';
import { feols, type NamedColumn } from './feols.js';
import { SSC_FIXEST, vcov } from './vcov.js';

export interface HeterogeneityInput {
  readonly y: ArrayLike<number>;
  /** The treatment D (e.g. treat × post). */
  readonly treatment: NamedColumn;
  /** Group label of each row (e.g. FTZ batch, or coastal / inland / border); NaN, null or undefined drop the row. */
  readonly group: ArrayLike<number> | readonly (string | null | undefined)[];
  readonly covariates?: readonly NamedColumn[] | undefined;
  /** Fixed effects absorbed once for the pooled model (e.g. unit and year). */
  readonly fixedEffects: readonly NamedColumn[];
  readonly cluster: NamedColumn;
  readonly weights?: ArrayLike<number> | undefined;
}

export interface HeterogeneityOptions {
  /** Confidence level of the group intervals (default 0.95). */
  readonly level?: number | undefined;
  readonly tolerance?: number | undefined;
}

export interface HeterogeneityGroup {
  readonly label: string | number;
  readonly estimate: number;
  readonly standardError: number;
  readonly tStatistic: number;
  readonly pValue: number;
  readonly lower: number;
  readonly upper: number;
  /** Observations of the group in the estimation sample. */
  readonly nobs: number;
  /** Of which treated (D ≠ 0). */
  readonly treatedObs: number;
}

export interface HeterogeneityResult {
  /** One per group, labels in ascending order. */
  readonly groups: readonly HeterogeneityGroup[];
  /** Wald test of H₀: β₁ = β₂ = … = β_G, as q = G − 1 contrasts β₁ − β_g. */
  readonly equalityTest: {
    readonly chi2: number;
    readonly chi2Df: number;
    readonly chi2PValue: number;
    /** chi2 / q, referred to F(q, clusters − 1). */
    readonly f: number;
    readonly fDf1: number;
    readonly fDf2: number;
    readonly fPValue: number;
  };
  /** Clustered covariance of the group coefficients, row-major G × G. */
  readonly vcov: Float64Array;
  readonly nobs: number;
  readonly clusters: number;
  /** Degrees of freedom of the t and F tests (clusters − 1). */
  readonly dfT: number;
}

/** Inverse of the Student-t CDF by bisection (only needed for the interval half-width). */
function tQuantile(p: number, df: number): number {
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Heterogeneous treatment effects by group (异质性分析) in one pooled TWFE regression with group-specific
 * treatment slopes, y = Σ_g β_g·(D × 1{group = g}) + X'γ + FE + ε, the same absorbed fixed effects and
 * clustering as the baseline, and a Wald test that all β_g are equal: with R the (G − 1) × G contrasts
 * β₁ − β_g and V the clustered covariance, W = (Rβ̂)'(RVR')⁻¹(Rβ̂) ~ χ²(G − 1), and F = W/(G − 1) referred to
 * F(G − 1, clusters − 1) as Stata's `test` after a clustered regression (Wooldridge 2010, Econometric
 * Analysis of Cross Section and Panel Data, §4.2.3, eq. 4.13; the small-cluster F of Cameron & Miller 2015,
 * J. Human Resources 50(2), §VII). Covariates and fixed effects are common to all groups (not interacted);
 * separate subsample regressions answer a different question.
 *
 * Errors: `causal.group_without_treated` (a group with no treated observation), `causal.bad_panel` (fewer
 * than two groups, length mismatch), `causal.singular_design` (a group's treatment absorbed, or the contrast
 * covariance singular, e.g. with very few clusters), `causal.option_invalid`.
 *
 * @example
 * const h = heterogeneity({ y: lnTfp, treatment: { name: 'did', values: did }, group: locationType,
 *   fixedEffects: [{ name: 'city', values: city }, { name: 'year', values: year }], cluster: { name: 'city', values: city } });
 * h.groups.map((g) => [g.label, g.estimate]); h.equalityTest.fPValue;
 */
export function heterogeneity(input: HeterogeneityInput, options: HeterogeneityOptions = {}): HeterogeneityResult {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new FtzError('causal.option_invalid', { option: 'level', value: String(level), reason: 'must lie in (0, 1)' });
  const n = input.y.length;
  for (const [what, len] of [['treatment', input.treatment.values.length], ['group', input.group.length], ['cluster', input.cluster.values.length]] as const) {
    if (len !== n) throw new FtzError('causal.bad_panel', { detail: `${what} has ${len} rows, the outcome ${n}` });
  }

  // Group codes in ascending label order; a missing label leaves the row out.
  const labelOf = (i: number): string | number | null => {
    const v = input.group[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return null;
    return v;
  };
  const distinct = new Set<string | number>();
  for (let i = 0; i < n; i++) {
    const l = labelOf(i);
    if (l !== null) distinct.add(l);
  }
  const labels = [...distinct].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  const G = labels.length;
  if (G < 2) throw new FtzError('causal.bad_panel', { detail: `heterogeneity needs at least two groups, found ${G}${G === 1 ? ` (${String(labels[0])})` : ''}` });
  const index = new Map(labels.map((l, g) => [l, g]));
  const code = new Int32Array(n).fill(-1);
  const sample = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const l = labelOf(i);
    if (l === null) continue;
    code[i] = index.get(l) as number;
    sample[i] = 1;
  }

  const d = input.treatment.values;
  const regressors: NamedColumn[] = labels.map((l, g) => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) if (code[i] === g) v[i] = d[i] as number;
    return { name: `${input.treatment.name}:${String(l)}`, values: v };
  });
  // Caught before the regression: the usual cause is a group with only never-treated units.
  for (let g = 0; g < G; g++) {
    let treated = 0;
    let rows = 0;
    for (let i = 0; i < n; i++) {
      if (code[i] !== g || !Number.isFinite(input.y[i] as number)) continue;
      rows++;
      if ((d[i] as number) !== 0 && Number.isFinite(d[i] as number)) treated++;
    }
    if (treated === 0) throw new FtzError('causal.group_without_treated', { group: String(labels[g]), detail: `${rows} observations, none with ${input.treatment.name} ≠ 0` });
  }

  const fit = feols({ y: input.y, regressors: [...regressors, ...(input.covariates ?? [])], fixedEffects: input.fixedEffects, weights: input.weights, sample, tolerance: options.tolerance });
  const v = vcov(fit, { type: 'cluster', clusters: [input.cluster] }, SSC_FIXEST);
  const k = fit.names.length;
  const V = new Float64Array(G * G);
  for (let a = 0; a < G; a++) for (let b = 0; b < G; b++) V[a * G + b] = v.matrix[a * k + b] as number;

  const nobs = new Int32Array(G);
  const treatedObs = new Int32Array(G);
  for (const r of fit.rows) {
    const g = code[r] as number;
    nobs[g] = (nobs[g] as number) + 1;
    if ((d[r] as number) !== 0) treatedObs[g] = (treatedObs[g] as number) + 1;
  }
  const crit = tQuantile(1 - (1 - level) / 2, v.dfT);
  const groups: HeterogeneityGroup[] = labels.map((label, g) => {
    const estimate = fit.coefficients[g] as number;
    const se = v.standardErrors[g] as number;
    return { label, estimate, standardError: se, tStatistic: v.tStatistics[g] as number, pValue: v.pValues[g] as number, lower: estimate - crit * se, upper: estimate + crit * se, nobs: nobs[g] as number, treatedObs: treatedObs[g] as number };
  });

  // Contrasts c_j = β₀ − β_{j+1}; RVR' is (G−1) × (G−1).
  const q = G - 1;
  const rb = new Float64Array(q);
  const rvr = new Float64Array(q * q);
  const b0 = fit.coefficients[0] as number;
  for (let a = 0; a < q; a++) {
    rb[a] = b0 - (fit.coefficients[a + 1] as number);
    for (let c = 0; c < q; c++) {
      // Cov(β₀ − β_{a+1}, β₀ − β_{c+1}) = V₀₀ − V₀,c+1 − V_{a+1},0 + V_{a+1},{c+1}; stored column-major for QR.
      rvr[c * q + a] = (V[0] as number) - (V[c + 1] as number) - (V[(a + 1) * G] as number) + (V[(a + 1) * G + c + 1] as number);
    }
  }
  const qr = householderQr(rvr, q, q, 1e-10);
  if (qr.rank < q) throw new FtzError('causal.singular_design', { what: 'the equality test', detail: `the covariance of the ${q} contrasts has rank ${qr.rank} (${v.clusterCounts[0] ?? 0} clusters)` });
  const x = qrSolve(qr, rb);
  let chi2 = 0;
  for (let a = 0; a < q; a++) chi2 += (rb[a] as number) * (x[a] as number);
  const f = chi2 / q;
  return {
    groups,
    equalityTest: { chi2, chi2Df: q, chi2PValue: chiSquareSf(chi2, q), f, fDf1: q, fDf2: v.dfT, fPValue: fSf(f, q, v.dfT) },
    vcov: V,
    nobs: fit.nobs,
    clusters: v.clusterCounts[0] as number,
    dfT: v.dfT,
  };
}
