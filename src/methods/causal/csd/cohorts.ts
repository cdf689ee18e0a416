import { FtzError } from '../../../core/errors.js';
import { denseRank, type BalancedPanel } from './balancedPanel.js';
import { causalWarning, type CausalWarning } from './causalWarning.js';

/** The panel restricted to the units and periods that enter estimation, and the cohorts to estimate. */
export interface CohortPlan {
  readonly panel: BalancedPanel;
  /** Treated cohorts with ATT(g, t)s to estimate, ascending. */
  readonly groups: Int32Array;
  readonly warnings: readonly CausalWarning[];
}

export interface CohortOptions {
  readonly controlGroup: 'nevertreated' | 'notyettreated';
  readonly anticipation: number;
  /** Number of covariates (without the intercept), for the small-cohort rule. */
  readonly nCovariates: number;
}

/**
 * Decides which cohorts are estimated, following R did 2.5.1's pre-processing (`pre_process_did`):
 *  - units first treated after the last period (+ anticipation) are recoded as never treated;
 *  - a unit first treated before the first period throws `causal.treated_before_panel` (did would silently
 *    drop it: a date outside the panel is more often a coding error than a design);
 *  - units treated in the first period (+ anticipation) have no pre-period and are dropped with the warning
 *    `causal.dropped_treated_first_period`, as did does;
 *  - without never-treated units, `nevertreated` throws `causal.no_control_units` (did would instead recode
 *    the last cohort as never treated); `notyettreated` drops the periods from the last cohort's start
 *    (− anticipation) and keeps that cohort as a control only (warning `causal.dropped_late_periods`), as did;
 *  - cohorts with fewer than k + 5 units (k covariates), a single unit included, are estimated with the
 *    warning `causal.few_units_in_cohort`, as did does (one host province per FTZ batch is the ordinary case
 *    in province-level FTZ studies); a never-treated group that small throws `causal.no_control_units` under
 *    `nevertreated` — did's rule and threshold.
 */
export function planCohorts(panel: BalancedPanel, options: CohortOptions): CohortPlan {
  const { anticipation } = options;
  const warnings: CausalWarning[] = [];
  const periods = panel.periods;
  const first = periods[0] as number;
  const last = periods[periods.length - 1] as number;
  const unitGroup = panel.unitGroup.map((g) => (g > last + anticipation ? 0 : g));
  for (let i = 0; i < panel.nUnits; i++) {
    const g = unitGroup[i] as number;
    if (g !== 0 && g < first) {
      throw new FtzError('causal.treated_before_panel', { unit: panel.unitIds[i] as string, group: g, first });
    }
  }
  let keepPeriods = periods.map(() => 1);
  let latestControlOnly: number | undefined;
  if (!unitGroup.some((g) => g === 0)) {
    if (options.controlGroup === 'nevertreated') {
      throw new FtzError('causal.no_control_units', { control: 'never-treated', detail: 'no unit has group 0' });
    }
    const latest = Math.max(...unitGroup);
    const cutoff = latest - anticipation;
    keepPeriods = periods.map((t) => (t < cutoff ? 1 : 0));
    latestControlOnly = latest;
    warnings.push(causalWarning('causal.dropped_late_periods', { from: cutoff, group: latest }));
  }
  const keepUnits = new Uint8Array(panel.nUnits);
  let droppedFirst = 0;
  for (let i = 0; i < panel.nUnits; i++) {
    const g = unitGroup[i] as number;
    if (g !== 0 && g <= first + anticipation) droppedFirst++;
    else keepUnits[i] = 1;
  }
  if (droppedFirst > 0) warnings.push(causalWarning('causal.dropped_treated_first_period', { n: droppedFirst, first, anticipation }));
  const restricted = restrict(panel, unitGroup, keepUnits, keepPeriods);
  if (restricted.periods.length < 2) {
    throw new FtzError('causal.bad_panel', { detail: `only ${restricted.periods.length} period is left after dropping periods without comparison units` });
  }
  const sizes = new Map<number, number>();
  for (const g of restricted.unitGroup) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const groups = Int32Array.from([...sizes.keys()].filter((g) => g > 0 && g !== latestControlOnly)).sort();
  if (groups.length === 0) {
    throw new FtzError('causal.bad_panel', { detail: 'no cohort is first treated after the first period: group holds the first treated period, 0 for never treated' });
  }
  const min = options.nCovariates + 5;
  for (const [g, n] of [...sizes.entries()].sort((a, b) => a[0] - b[0])) {
    if (n < min) {
      if (g === 0 && options.controlGroup === 'nevertreated') {
        throw new FtzError('causal.no_control_units', { control: 'never-treated', detail: `only ${n} never-treated unit(s); at least ${min} are needed` });
      }
      warnings.push(causalWarning('causal.few_units_in_cohort', { group: g, n, min }));
    }
  }
  return { panel: restricted, groups, warnings };
}

function restrict(panel: BalancedPanel, unitGroup: Int32Array, keepUnits: Uint8Array, keepPeriods: Int32Array): BalancedPanel {
  const units: number[] = [];
  for (let i = 0; i < panel.nUnits; i++) if (keepUnits[i]) units.push(i);
  const periodIdx: number[] = [];
  keepPeriods.forEach((k, p) => {
    if (k) periodIdx.push(p);
  });
  const m = units.length;
  const unitIdx = Int32Array.from(units);
  // Nothing dropped: the arrays are shared, not copied (they are only read from here on).
  const all = m === panel.nUnits && periodIdx.length === panel.periods.length;
  const pick = (a: Float64Array): Float64Array => {
    if (all) return a;
    const out = new Float64Array(m * periodIdx.length);
    for (let q = 0; q < periodIdx.length; q++) {
      const from = (periodIdx[q] as number) * panel.nUnits;
      const to = q * m;
      if (m === panel.nUnits) out.set(a.subarray(from, from + m), to);
      else for (let r = 0; r < m; r++) out[to + r] = a[from + (unitIdx[r] as number)] as number;
    }
    return out;
  };
  let cluster: Int32Array | undefined;
  let nClusters = 0;
  if (panel.cluster !== undefined) {
    const raw = m === panel.nUnits ? panel.cluster : Int32Array.from(units, (u) => (panel.cluster as Int32Array)[u] as number);
    const dense = denseRank(raw);
    cluster = dense.codes;
    nClusters = dense.count;
  }
  return {
    nUnits: m,
    unitIds: m === panel.nUnits ? panel.unitIds : units.map((u) => panel.unitIds[u] as string),
    periods: Int32Array.from(periodIdx, (p) => panel.periods[p] as number),
    unitGroup: Int32Array.from(units, (u) => unitGroup[u] as number),
    y: pick(panel.y),
    covariates: panel.covariates.map(pick),
    weights: pick(panel.weights),
    ...(cluster === undefined ? {} : { cluster }),
    nClusters,
  };
}
