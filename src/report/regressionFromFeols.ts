import type { Label } from '../core/result.js';
import type { FeolsFit } from '../methods/causal/feols.js';
import type { VcovResult } from '../methods/causal/vcov.js';
import type { RegressionIndicatorSpec, RegressionModelSpec, RegressionStatSpec } from './regressionSpec.js';

export interface FeolsColumnOptions {
  readonly name: Label;
  /** default OLS / 最小二乘法 (feols is OLS after absorbing the fixed effects) */
  readonly estimator?: Label | undefined;
  readonly dependentVariable?: Label | undefined;
  /** terms to keep (e.g. without the control variables); default all */
  readonly terms?: readonly string[] | undefined;
  /** rows the fit cannot know: controls, which fixed effects, clustering level */
  readonly indicators?: readonly RegressionIndicatorSpec[] | undefined;
  /** statistics computed elsewhere (R², within R²), printed after N and clusters */
  readonly stats?: readonly RegressionStatSpec[] | undefined;
}

const OLS: Label = { zh: '最小二乘法', en: 'OLS' };

/**
 * One table column from {@link feols} and {@link vcov}: coefficients with their standard errors and the
 * t-based p-values the variance reports (so no normal approximation is needed), N, and the number of
 * clusters (two-way: "G₁ / G₂").
 *
 * @example
 * const fit = feols({ y, regressors: [{ name: 'treat', values: d }], fixedEffects: [county, year] });
 * const col = fromFeols(fit, vcov(fit, { type: 'cluster', clusters: [county] }), { name: { zh: '基准', en: 'Baseline' } });
 */
export function fromFeols(fit: FeolsFit, v: VcovResult, options: FeolsColumnOptions): RegressionModelSpec {
  const keep = options.terms ? new Set(options.terms) : null;
  const coefficients = fit.names.flatMap((term, j) =>
    keep && !keep.has(term) ? [] : [{ term, estimate: fit.coefficients[j] ?? Number.NaN, se: v.standardErrors[j] ?? null, p: v.pValues[j] ?? null }],
  );
  const stats: RegressionStatSpec[] = [{ key: 'n', value: fit.nobs }];
  if (v.type === 'cluster' && v.clusterCounts.length > 0) {
    stats.push({ key: 'clusters', value: v.clusterCounts.length === 1 ? (v.clusterCounts[0] ?? null) : v.clusterCounts.join(' / ') });
  }
  stats.push(...(options.stats ?? []));
  return {
    name: options.name,
    estimator: options.estimator ?? OLS,
    ...(options.dependentVariable ? { dependentVariable: options.dependentVariable } : {}),
    coefficients,
    stats,
    indicators: options.indicators ?? [],
  };
}
