import { FtzError } from '../../core/errors.js';
import { normalQuantile } from '../../numeric/distributions.js';
import { createRng } from '../../numeric/rng.js';
import { aggregateAttGt, type Aggregation, type AggregationData, type AggregationOptions, type AggregationType } from './csd/aggregate.js';
import { estimateAttGt, type AttGtCells, type AttGtEngineOptions, type BasePeriod, type ControlGroup, type EstMethod } from './csd/attGtEngine.js';
import { estimateAttGtRc } from './csd/attGtRcEngine.js';
import { balancedPanel, type LongPanel } from './csd/balancedPanel.js';
import { causalWarning, type CausalWarning } from './csd/causalWarning.js';
import { planCohorts } from './csd/cohorts.js';
import { familyInference, influenceCrossProduct, type InferenceContext } from './csd/inference.js';
import { planRcCohorts } from './csd/rcCohorts.js';
import { rcPanel, unitMeanWeights, type PanelLayout } from './csd/rcPanel.js';
import { waldPretest, type WaldPretest } from './csd/waldPretest.js';

export type { LongPanel, EstMethod, ControlGroup, BasePeriod, Aggregation, AggregationOptions, AggregationType, WaldPretest, CausalWarning, PanelLayout };

/** Options of {@link callawaySantAnna}; defaults follow R did 2.5.1 except where noted. */
export interface CallawaySantAnnaOptions {
  /** 2×2 estimator: outcome regression, standardised IPW, or doubly robust (default, DRDID `drdid_panel`). */
  readonly estMethod?: EstMethod;
  /** Comparison units: never treated (default) or not yet treated. */
  readonly controlGroup?: ControlGroup;
  /** Base period of pre-treatment ATT(g, t): the previous period (varying, default) or g − 1 (universal). */
  readonly basePeriod?: BasePeriod;
  /** Periods of anticipation δ ≥ 0 (default 0): the base period of cohort g is g − 1 − δ. */
  readonly anticipation?: number;
  /** Significance level for critical values (default 0.05). */
  readonly alpha?: number;
  /**
   * Multiplier bootstrap (Rademacher) instead of analytic standard errors. R did bootstraps by default; here
   * inference is analytic unless this is given, since a bootstrap needs a seed to replay.
   */
  readonly bootstrap?: {
    readonly seed: number;
    /** Number of draws (default 1000, as did's `biters`). */
    readonly draws?: number;
    /** Uniform (sup-t) confidence bands (default true, as did's `cband`). */
    readonly uniformBands?: boolean;
  };
  /** Window of the aggregations (did's `balance_e`, `min_e`, `max_e`). */
  readonly aggregation?: AggregationOptions;
  /**
   * How rows relate over time. `balanced` (default): every unit in every period, else `causal.bad_panel`.
   * `unbalanced`: R did's `allow_unbalanced_panel = TRUE` — each ATT(g, t) is a repeated-cross-section 2×2
   * (DRDID `reg_did_rc`, `std_ipw_did_rc`, `drdid_rc`) on the rows observed in its two periods, with influence
   * functions summed by unit. `repeated_cross_section`: R did's `panel = FALSE`, every row its own unit (`id`
   * is ignored). On a balanced panel with time-invariant covariates and weights, `unbalanced` gives the same
   * ATT(g, t) as `balanced`; with time-varying covariates it does not (each row uses its own period's values,
   * the panel path the base period's).
   */
  readonly panel?: PanelLayout;
}

/** One row per (g, t) cell. */
export interface AttGtTable {
  readonly group: Int32Array;
  readonly time: Int32Array;
  readonly basePeriod: Int32Array;
  /** 1 for t ≥ g. */
  readonly post: Uint8Array;
  readonly att: Float64Array;
  /** NaN where the estimate has no sampling variance (e.g. the reference cell under a universal base period). */
  readonly se: Float64Array;
}

export interface CallawaySantAnnaResult {
  /** Units used (rows of `influence`); observations for repeated cross sections. */
  readonly n: number;
  readonly periods: Int32Array;
  /** Cohorts with ATT(g, t)s. */
  readonly groups: Int32Array;
  readonly attGt: AttGtTable;
  /** Critical value for the ATT(g, t) intervals: z_{1−α/2}, or the sup-t value for uniform bands. */
  readonly criticalValue: number;
  /** Influence functions, n × K column-major (column c is cell c of `attGt`), for further aggregation. */
  readonly influence: Float64Array;
  /** Covariance matrix of the ATT(g, t)s, K × K row-major (analytic; cluster-robust with clusters). */
  readonly vcov: Float64Array;
  readonly waldPretest: WaldPretest;
  readonly aggregations: Readonly<Record<AggregationType, Aggregation>>;
  readonly warnings: readonly CausalWarning[];
  readonly options: {
    readonly estMethod: EstMethod;
    readonly controlGroup: ControlGroup;
    readonly basePeriod: BasePeriod;
    readonly anticipation: number;
    readonly alpha: number;
    readonly panel: PanelLayout;
    readonly bootstrap: { readonly seed: number; readonly draws: number; readonly uniformBands: boolean } | null;
    readonly clustered: boolean;
  };
}

/**
 * Staggered difference-in-differences of Callaway & Sant'Anna (2021, Journal of Econometrics 225(2)):
 * group-time average treatment effects ATT(g, t) from 2×2 DID comparisons (outcome regression, IPW or doubly
 * robust, Sant'Anna & Zhao 2020), their influence functions, analytic or multiplier-bootstrap inference
 * (clustered if `panel.cluster` is given), the Wald pre-test of parallel trends, and the simple, dynamic
 * (event-study), group and calendar aggregations. Reproduces R did 2.5.1 `att_gt` + `aggte` on a balanced
 * panel (point estimates and analytic standard errors to 1e-6). With `panel: 'unbalanced'` or
 * `'repeated_cross_section'` it follows did's `allow_unbalanced_panel = TRUE` / `panel = FALSE` path instead.
 *
 * Degenerate designs throw coded errors: `causal.bad_panel` (malformed input, or unbalanced input under the
 * default `panel: 'balanced'`), `causal.treated_before_panel`, `causal.no_control_units`,
 * `causal.group_without_treated` (unbalanced / repeated cross sections: a cohort with no row in a period),
 * `causal.singular_design` (collinear covariates), `causal.perfect_prediction` (propensity score separation
 * or overlap failure, p̂ ≥ 0.999). Dropped units and small cohorts are reported in `warnings`.
 *
 * @example
 * const r = callawaySantAnna(
 *   { id: countyId, time: year, group: firstTreat, y: lemp, covariates: [lpop] },
 *   { estMethod: 'dr', controlGroup: 'nevertreated' },
 * );
 * r.aggregations.dynamic.att; // event-study coefficients by r.aggregations.dynamic.levels
 */
export function callawaySantAnna(panel: LongPanel, options: CallawaySantAnnaOptions = {}): CallawaySantAnnaResult {
  const estMethod = options.estMethod ?? 'dr';
  const controlGroup = options.controlGroup ?? 'nevertreated';
  const basePeriod = options.basePeriod ?? 'varying';
  const anticipation = options.anticipation ?? 0;
  const alpha = options.alpha ?? 0.05;
  const layout = options.panel ?? 'balanced';
  oneOf('estMethod', estMethod, ['reg', 'ipw', 'dr']);
  oneOf('panel', layout, ['balanced', 'unbalanced', 'repeated_cross_section']);
  oneOf('controlGroup', controlGroup, ['nevertreated', 'notyettreated']);
  oneOf('basePeriod', basePeriod, ['varying', 'universal']);
  if (!Number.isInteger(anticipation) || anticipation < 0) {
    throw new FtzError('causal.option_invalid', { option: 'anticipation', value: String(anticipation), reason: 'must be a non-negative integer' });
  }
  if (!(alpha > 0 && alpha < 1)) throw new FtzError('causal.option_invalid', { option: 'alpha', value: String(alpha), reason: 'must lie in (0, 1)' });
  const boot = options.bootstrap;
  const draws = boot?.draws ?? 1000;
  if (boot !== undefined) {
    if (!Number.isInteger(draws) || draws < 2) throw new FtzError('causal.option_invalid', { option: 'bootstrap.draws', value: String(draws), reason: 'must be an integer ≥ 2' });
    if (!Number.isFinite(boot.seed)) throw new FtzError('causal.option_invalid', { option: 'bootstrap.seed', value: String(boot.seed), reason: 'must be a finite number' });
  }
  const agg = options.aggregation ?? {};
  if (agg.balanceE !== undefined && !(Number.isInteger(agg.balanceE) && agg.balanceE >= 0)) {
    throw new FtzError('causal.option_invalid', { option: 'aggregation.balanceE', value: String(agg.balanceE), reason: 'must be a non-negative integer' });
  }

  const engine = { estMethod, controlGroup, basePeriod, anticipation };
  const p = layout === 'balanced' ? balancedSample(panel, engine) : rcSample(panel, layout, engine);
  const cells = p.cells;
  const n = cells.n;
  const K = cells.att.length;
  const warnings: CausalWarning[] = [...p.warnings];

  // With two periods a uniform band is the pointwise interval (did sets cband = FALSE).
  const uniform = (boot?.uniformBands ?? true) && p.periods.length > 2;
  const ctx: InferenceContext = {
    n,
    alpha,
    ...(p.cluster === undefined ? {} : { cluster: p.cluster }),
    nClusters: p.nClusters,
    ...(boot === undefined ? {} : { bootstrap: { draws, rng: createRng(boot.seed), uniform } }),
    clusterSumCache: new WeakMap(),
  };
  const columns = Array.from({ length: K }, (_, j) => cells.influence.subarray(j * n, (j + 1) * n));
  const V = influenceCrossProduct(columns, ctx);
  const fam = familyInference(columns, ctx);
  const pre: number[] = [];
  for (let j = 0; j < K; j++) if ((cells.group[j] as number) > (cells.time[j] as number) && !Number.isNaN(fam.se[j] as number)) pre.push(j);
  const wald = waldPretest(cells.att, V, pre, n);
  if (wald.statistic === null) warnings.push(causalWarning('causal.no_pretest', { reason: wald.reason }));

  const data: AggregationData = {
    cells,
    unitGroup: p.unitGroup,
    unitWeight: p.unitWeight,
    periods: p.periods,
    groups: p.groups,
  };
  const aggregations = {
    simple: aggregateAttGt(data, 'simple', ctx, agg),
    dynamic: aggregateAttGt(data, 'dynamic', ctx, agg),
    group: aggregateAttGt(data, 'group', ctx, agg),
    calendar: aggregateAttGt(data, 'calendar', ctx, {}),
  };
  return {
    n,
    periods: p.periods,
    groups: p.groups,
    attGt: { group: cells.group, time: cells.time, basePeriod: cells.basePeriod, post: cells.post, att: cells.att, se: fam.se },
    criticalValue: boot === undefined ? normalQuantile(1 - alpha / 2) : fam.criticalValue,
    influence: cells.influence,
    vcov: V.map((v) => v / n),
    waldPretest: wald,
    aggregations,
    warnings,
    options: {
      estMethod,
      controlGroup,
      basePeriod,
      anticipation,
      alpha,
      panel: layout,
      bootstrap: boot === undefined ? null : { seed: boot.seed, draws, uniformBands: uniform },
      clustered: p.cluster !== undefined,
    },
  };
}

/** What inference and aggregation need from either estimation path. */
interface AttGtSample {
  readonly cells: AttGtCells;
  readonly periods: Int32Array;
  readonly groups: Int32Array;
  readonly unitGroup: Int32Array;
  /** Weight of each unit for the aggregations' cohort shares. */
  readonly unitWeight: Float64Array;
  readonly cluster?: Int32Array;
  readonly nClusters: number;
  readonly warnings: readonly CausalWarning[];
}

function balancedSample(panel: LongPanel, engine: AttGtEngineOptions): AttGtSample {
  const dense = balancedPanel(panel);
  const plan = planCohorts(dense, { controlGroup: engine.controlGroup, anticipation: engine.anticipation, nCovariates: dense.covariates.length });
  const p = plan.panel;
  const cells = estimateAttGt(p, plan.groups, engine);
  return {
    cells,
    periods: p.periods,
    groups: plan.groups,
    unitGroup: p.unitGroup,
    unitWeight: p.weights.subarray(0, cells.n),
    ...(p.cluster === undefined ? {} : { cluster: p.cluster }),
    nClusters: p.nClusters,
    warnings: plan.warnings,
  };
}

function rcSample(panel: LongPanel, layout: 'unbalanced' | 'repeated_cross_section', engine: AttGtEngineOptions): AttGtSample {
  // The row-level path keys units by label: coded ids become their labels.
  const labels = panel.idLabels;
  const rows = rcPanel(labels === undefined ? panel : { ...panel, id: Array.from(panel.id as Int32Array, (c) => labels[c] as string) }, layout);
  const plan = planRcCohorts(rows, { controlGroup: engine.controlGroup, anticipation: engine.anticipation, nCovariates: rows.covariates.length });
  const p = plan.panel;
  return {
    cells: estimateAttGtRc(p, plan.groups, engine),
    periods: p.periods,
    groups: plan.groups,
    unitGroup: p.unitGroup,
    unitWeight: unitMeanWeights(p),
    ...(p.cluster === undefined ? {} : { cluster: p.cluster }),
    nClusters: p.nClusters,
    warnings: plan.warnings,
  };
}

function oneOf(option: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) throw new FtzError('causal.option_invalid', { option, value, reason: `use one of ${allowed.join(', ')}` });
}
