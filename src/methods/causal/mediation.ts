import { FtzError, isFtzError } from '../../core/errors.js';
import { normalSf } from '../../numeric/distributions.js';
import { createRng } from '../../numeric/rng.js';
import { quantileSorted } from '../disparity/index.js';
import { factorize, type FactorCodes } from './demean.js';
import { feols, type FeolsFit, type NamedColumn } from './feols.js';
import { clusterBootstrapIndirect } from './mediationBootstrap.js';
import { MEDIATION_LIMITATIONS, type MediationLimitation } from './mediationLimitations.js';
import { SSC_FIXEST, vcov } from './vcov.js';

export interface MediationInput {
  readonly y: ArrayLike<number>;
  /** The treatment D (e.g. treat × post). */
  readonly treatment: NamedColumn;
  /** The mediator M. */
  readonly mediator: NamedColumn;
  readonly covariates?: readonly NamedColumn[] | undefined;
  /** Fixed effects absorbed in all three regressions (e.g. unit and year). */
  readonly fixedEffects: readonly NamedColumn[];
  /** Cluster for the variance and the resampling unit of the bootstrap (e.g. the unit). */
  readonly cluster: NamedColumn;
  readonly weights?: ArrayLike<number> | undefined;
}

export interface MediationOptions {
  /** Seed of the cluster bootstrap. */
  readonly seed: number;
  /** Bootstrap draws (default 999; 0 skips the bootstrap). */
  readonly draws?: number | undefined;
  /** Confidence level of the percentile interval (default 0.95). */
  readonly level?: number | undefined;
  /** Fewest clusters the bootstrap accepts (default 10): with fewer, few distinct resamples exist. */
  readonly minClusters?: number | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  readonly tolerance?: number | undefined;
}

/** One regression coefficient with clustered inference (t with clusters − 1 df). */
export interface MediationCoefficient {
  readonly estimate: number;
  readonly standardError: number;
  readonly tStatistic: number;
  readonly pValue: number;
}

export interface MediationResult {
  /** c: Y on D (step 1). */
  readonly total: MediationCoefficient;
  /** α: M on D (step 2). */
  readonly alpha: MediationCoefficient;
  /** β: M in Y on D and M (step 3). */
  readonly beta: MediationCoefficient;
  /** c′: D in Y on D and M (step 3). */
  readonly direct: MediationCoefficient;
  readonly indirect: {
    /** α̂·β̂ (= c − c′ exactly, same sample and controls). */
    readonly estimate: number;
    /** Sobel (1982) first-order delta-method SE √(β̂²s_α² + α̂²s_β²). */
    readonly sobelStandardError: number;
    readonly sobelZ: number;
    /** Two-sided normal p-value of the Sobel z. */
    readonly sobelPValue: number;
    /** α̂·β̂ / ĉ (meaningful only when both have the same sign). */
    readonly proportionMediated: number;
  };
  readonly bootstrap: {
    readonly seed: number;
    readonly draws: number;
    readonly level: number;
    /** Percentile interval of α̂·β̂ (Hyndman–Fan type 7 quantiles of the successful draws). */
    readonly lower: number;
    readonly upper: number;
    readonly standardError: number;
    /** Draws with a rank-deficient resample (left out). */
    readonly failed: number;
  } | null;
  readonly nobs: number;
  readonly clusters: number;
  readonly dfT: number;
  /** Caveats in zh and en: the stepwise test is not a causal mediation analysis. */
  readonly limitations: readonly MediationLimitation[];
}

function coefficient(fit: FeolsFit, cluster: NamedColumn, j: number): MediationCoefficient & { dfT: number; clusters: number } {
  const v = vcov(fit, { type: 'cluster', clusters: [cluster] }, SSC_FIXEST);
  return { estimate: fit.coefficients[j] as number, standardError: v.standardErrors[j] as number, tStatistic: v.tStatistics[j] as number, pValue: v.pValues[j] as number, dfT: v.dfT, clusters: v.clusterCounts[0] as number };
}

/**
 * Stepwise mediation (机制检验 / 中介效应) with absorbed fixed effects and clustered standard errors, the
 * Baron & Kenny (1986, JPSP 51(6)) three regressions as used with TWFE in Chinese policy evaluation
 * (Wen Zhonglin 温忠麟 et al. 2004):
 *   (1) Y = c·D + X'γ₁ + FE + ε₁,  (2) M = α·D + X'γ₂ + FE + ε₂,  (3) Y = c′·D + β·M + X'γ₃ + FE + ε₃,
 * on one common sample (rows where Y, D, M, X and the weights are all usable), so that c = c′ + α·β holds
 * exactly. Reports the Sobel (1982) test of α·β and a seeded cluster-bootstrap percentile interval
 * ({@link clusterBootstrapIndirect}). Every result carries {@link MEDIATION_LIMITATIONS}: without
 * sequential ignorability the stepwise test is not causal mediation (Jiang Ting 江艇 2022, 中国工业经济).
 *
 * Errors: `causal.collinear_mediator` (M collinear with D, the covariates or the fixed effects),
 * `causal.too_few_clusters` (bootstrap with fewer than `minClusters` clusters), `causal.singular_design`
 * (D absorbed, or every bootstrap draw failed), `causal.option_invalid`.
 *
 * @example
 * const r = mediation(
 *   { y: tfp, treatment: { name: 'did', values: did }, mediator: { name: 'rd', values: rd },
 *     fixedEffects: [{ name: 'city', values: city }, { name: 'year', values: year }], cluster: { name: 'city', values: city } },
 *   { seed: 20240101, draws: 999 },
 * );
 * r.alpha; r.indirect.estimate; r.bootstrap?.lower; r.limitations[2].zh;
 */
export function mediation(input: MediationInput, options: MediationOptions): MediationResult {
  const draws = options.draws ?? 999;
  const level = options.level ?? 0.95;
  const minClusters = options.minClusters ?? 10;
  if (!Number.isInteger(draws) || draws < 0) throw new FtzError('causal.option_invalid', { option: 'draws', value: String(draws), reason: 'must be a non-negative integer' });
  if (!(level > 0 && level < 1)) throw new FtzError('causal.option_invalid', { option: 'level', value: String(level), reason: 'must lie in (0, 1)' });
  if (!Number.isFinite(options.seed)) throw new FtzError('causal.option_invalid', { option: 'seed', value: String(options.seed), reason: 'must be a finite number' });
  const n = input.y.length;
  for (const [what, len] of [['treatment', input.treatment.values.length], ['mediator', input.mediator.values.length], ['cluster', input.cluster.values.length]] as const) {
    if (len !== n) throw new FtzError('causal.bad_panel', { detail: `${what} has ${len} rows, the outcome ${n}` });
  }
  const covariates = input.covariates ?? [];

  // One sample for all three regressions: a row unusable in any of them is dropped from all.
  const sample = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let ok = Number.isFinite(input.y[i] as number) && Number.isFinite(input.treatment.values[i] as number) && Number.isFinite(input.mediator.values[i] as number);
    for (const c of covariates) ok &&= Number.isFinite(c.values[i] as number);
    if (input.weights) ok &&= (input.weights[i] as number) > 0;
    sample[i] = ok ? 1 : 0;
  }
  const common = { fixedEffects: input.fixedEffects, weights: input.weights, sample, tolerance: options.tolerance };
  const step1 = feols({ ...common, y: input.y, regressors: [input.treatment, ...covariates] });
  const step2 = feols({ ...common, y: input.mediator.values, regressors: [input.treatment, ...covariates] });
  let step3: FeolsFit;
  try {
    step3 = feols({ ...common, y: input.y, regressors: [input.treatment, input.mediator, ...covariates] });
  } catch (e) {
    // Step 1 had D and X, so a singular step 3 is the mediator's fault.
    if (isFtzError(e) && e.code === 'causal.singular_design') throw new FtzError('causal.collinear_mediator', { mediator: input.mediator.name, detail: (e.params as { detail: string }).detail }, { cause: e });
    throw e;
  }
  const total = coefficient(step1, input.cluster, 0);
  const alpha = coefficient(step2, input.cluster, 0);
  const direct = coefficient(step3, input.cluster, 0);
  const beta = coefficient(step3, input.cluster, 1);

  const ab = alpha.estimate * beta.estimate;
  const sobelSe = Math.sqrt(beta.estimate ** 2 * alpha.standardError ** 2 + alpha.estimate ** 2 * beta.standardError ** 2);
  const sobelZ = ab / sobelSe;

  let bootstrap: MediationResult['bootstrap'] = null;
  if (draws > 0) {
    const rows = step3.rows;
    const takeRows = (v: ArrayLike<number>): Float64Array => Float64Array.from(rows, (r) => v[r] as number);
    const cluster: FactorCodes = factorize(takeRows(input.cluster.values));
    if (cluster.levels < minClusters) throw new FtzError('causal.too_few_clusters', { method: 'the cluster bootstrap of the indirect effect', n: cluster.levels, min: minClusters });
    const products = clusterBootstrapIndirect(
      {
        y: takeRows(input.y),
        d: takeRows(input.treatment.values),
        m: takeRows(input.mediator.values),
        covariates: covariates.map((c) => takeRows(c.values)),
        weights: step3.weights,
        factors: step3.factors.map((f) => ({ codes: f.codes, levels: f.levels })),
        cluster,
        tolerance: options.tolerance,
      },
      draws,
      createRng(options.seed),
      options.onProgress,
    );
    const ok = products.filter(Number.isFinite).sort();
    if (ok.length < 2) throw new FtzError('causal.singular_design', { what: 'the cluster bootstrap', detail: `${draws - ok.length} of ${draws} resamples were rank-deficient` });
    let mean = 0;
    for (const v of ok) mean += v;
    mean /= ok.length;
    let ss = 0;
    for (const v of ok) ss += (v - mean) ** 2;
    const tail = (1 - level) / 2;
    bootstrap = { seed: options.seed, draws, level, lower: quantileSorted(ok, tail), upper: quantileSorted(ok, 1 - tail), standardError: Math.sqrt(ss / (ok.length - 1)), failed: draws - ok.length };
  }

  const strip = ({ estimate, standardError, tStatistic, pValue }: MediationCoefficient): MediationCoefficient => ({ estimate, standardError, tStatistic, pValue });
  return {
    total: strip(total),
    alpha: strip(alpha),
    beta: strip(beta),
    direct: strip(direct),
    indirect: { estimate: ab, sobelStandardError: sobelSe, sobelZ, sobelPValue: 2 * normalSf(Math.abs(sobelZ)), proportionMediated: ab / total.estimate },
    bootstrap,
    nobs: step3.nobs,
    clusters: total.clusters,
    dfT: total.dfT,
    limitations: MEDIATION_LIMITATIONS,
  };
}

