import { FtzError } from '../../../core/errors.js';
import { causalWarning, type CausalWarning } from './causalWarning.js';
import type { CohortOptions } from './cohorts.js';
import type { RcPanel } from './rcPanel.js';

/** The rows that enter estimation and the cohorts to estimate (cf. `CohortPlan` for balanced panels). */
export interface RcCohortPlan {
  readonly panel: RcPanel;
  readonly groups: Int32Array;
  readonly warnings: readonly CausalWarning[];
}

/**
 * The cohort rules of {@link planCohorts} (R did 2.5.1 `pre_process_did`) applied to rows: late cohorts
 * recoded as never treated, `causal.treated_before_panel`, units treated by the first period (+ anticipation)
 * dropped, without never-treated units either `causal.no_control_units` or the late periods dropped, and the
 * small-cohort rule. Units left without rows are dropped (R did counts n after its subsetting). A cohort's size
 * is its number of units for an unbalanced panel, and — as R did measures it for repeated cross sections — its
 * rows per period for repeated cross sections, where every row is a unit.
 */
export function planRcCohorts(panel: RcPanel, options: CohortOptions): RcCohortPlan {
  const { anticipation } = options;
  const warnings: CausalWarning[] = [];
  const periods = panel.periods;
  const first = periods[0] as number;
  const last = periods[periods.length - 1] as number;
  const unitGroup = panel.unitGroup.map((g) => (g > last + anticipation ? 0 : g));
  for (let u = 0; u < panel.nUnits; u++) {
    const g = unitGroup[u] as number;
    if (g !== 0 && g < first) throw new FtzError('causal.treated_before_panel', { unit: panel.unitIds[u] as string, group: g, first });
  }
  let keepPeriod = Array.from(periods, () => true);
  let latestControlOnly: number | undefined;
  if (!unitGroup.some((g) => g === 0)) {
    if (options.controlGroup === 'nevertreated') throw new FtzError('causal.no_control_units', { control: 'never-treated', detail: 'no unit has group 0' });
    const latest = Math.max(...unitGroup);
    const cutoff = latest - anticipation;
    keepPeriod = Array.from(periods, (t) => t < cutoff);
    latestControlOnly = latest;
    warnings.push(causalWarning('causal.dropped_late_periods', { from: cutoff, group: latest }));
  }
  let droppedFirst = 0;
  const keepUnit = Array.from(unitGroup, (g) => {
    const drop = g !== 0 && g <= first + anticipation;
    if (drop) droppedFirst++;
    return !drop;
  });
  if (droppedFirst > 0) warnings.push(causalWarning('causal.dropped_treated_first_period', { n: droppedFirst, first, anticipation }));

  const restricted = restrictRows(panel, unitGroup, keepUnit, keepPeriod);
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
  const perPeriod = panel.layout === 'repeated_cross_section' ? restricted.periods.length : 1;
  for (const [g, count] of [...sizes.entries()].sort((a, b) => a[0] - b[0])) {
    const n = Math.round((count / perPeriod) * 100) / 100;
    if (n >= min) continue;
    if (g === 0 && options.controlGroup === 'nevertreated') {
      throw new FtzError('causal.no_control_units', { control: 'never-treated', detail: `only ${n} never-treated unit(s)${perPeriod > 1 ? ' per period' : ''}; at least ${min} are needed` });
    }
    warnings.push(causalWarning('causal.few_units_in_cohort', { group: g, n, min }));
  }
  return { panel: restricted, groups, warnings };
}

function restrictRows(panel: RcPanel, unitGroup: Int32Array, keepUnit: readonly boolean[], keepPeriod: readonly boolean[]): RcPanel {
  const rows: number[] = [];
  const used = new Uint8Array(panel.nUnits);
  const periodUsed = new Uint8Array(panel.periods.length);
  panel.rowUnit.forEach((u, r) => {
    const p = panel.rowPeriod[r] as number;
    if (keepUnit[u] && keepPeriod[p]) {
      rows.push(r);
      used[u] = 1;
      periodUsed[p] = 1;
    }
  });
  const units: number[] = [];
  const newUnit = new Int32Array(panel.nUnits).fill(-1);
  for (let u = 0; u < panel.nUnits; u++) {
    if (used[u]) {
      newUnit[u] = units.length;
      units.push(u);
    }
  }
  const periodIdx: number[] = [];
  const newPeriod = new Int32Array(panel.periods.length).fill(-1);
  periodUsed.forEach((k, p) => {
    if (k) {
      newPeriod[p] = periodIdx.length;
      periodIdx.push(p);
    }
  });
  const pick = (a: Float64Array): Float64Array => Float64Array.from(rows, (r) => a[r] as number);
  let cluster: Int32Array | undefined;
  let nClusters = 0;
  if (panel.cluster !== undefined) {
    const raw = Int32Array.from(units, (u) => (panel.cluster as Int32Array)[u] as number);
    const labels = [...new Set(raw)].sort((a, b) => a - b);
    const index = new Map(labels.map((v, i) => [v, i]));
    cluster = raw.map((v) => index.get(v) as number);
    nClusters = labels.length;
  }
  return {
    layout: panel.layout,
    nUnits: units.length,
    unitIds: units.map((u) => panel.unitIds[u] as string),
    periods: Int32Array.from(periodIdx, (p) => panel.periods[p] as number),
    unitGroup: Int32Array.from(units, (u) => unitGroup[u] as number),
    rowUnit: Int32Array.from(rows, (r) => newUnit[panel.rowUnit[r] as number] as number),
    rowPeriod: Int32Array.from(rows, (r) => newPeriod[panel.rowPeriod[r] as number] as number),
    y: pick(panel.y),
    covariates: panel.covariates.map(pick),
    weights: pick(panel.weights),
    ...(cluster === undefined ? {} : { cluster }),
    nClusters,
  };
}
