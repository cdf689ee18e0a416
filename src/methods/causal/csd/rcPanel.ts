import { FtzError } from '../../../core/errors.js';
import type { LongPanel } from './balancedPanel.js';

/** How the rows of a long panel relate over time (the `panel` option of `callawaySantAnna`). */
export type PanelLayout = 'balanced' | 'unbalanced' | 'repeated_cross_section';

/**
 * Observations kept as rows, for the estimators that treat each ATT(g, t) as a repeated-cross-section 2×2:
 * an unbalanced panel (rows grouped into units by id) or true repeated cross sections (every row its own unit).
 */
export interface RcPanel {
  readonly layout: 'unbalanced' | 'repeated_cross_section';
  readonly nUnits: number;
  /** Unit labels (sorted ids; 1-based row numbers for repeated cross sections). */
  readonly unitIds: readonly string[];
  /** Sorted distinct periods. */
  readonly periods: Int32Array;
  readonly unitGroup: Int32Array;
  /** Per row: its unit and the index of its period in `periods`. */
  readonly rowUnit: Int32Array;
  readonly rowPeriod: Int32Array;
  readonly y: Float64Array;
  /** Per-row covariate columns: each row carries its own period's values. */
  readonly covariates: readonly Float64Array[];
  readonly weights: Float64Array;
  /** Dense cluster index per unit (0..nClusters−1), or undefined. */
  readonly cluster?: Int32Array;
  readonly nClusters: number;
}

/**
 * Checks a long panel and indexes its rows by unit and period, without requiring balance (R did's
 * `allow_unbalanced_panel = TRUE` and `panel = FALSE` data handling). Throws `causal.bad_panel` on length
 * mismatches, non-finite values, invalid weights, and — for an unbalanced panel — duplicated (unit, period)
 * rows and a group or cluster that varies within a unit. For repeated cross sections `id` is ignored (R did
 * does the same: each row is a separate draw).
 */
export function rcPanel(panel: LongPanel, layout: 'unbalanced' | 'repeated_cross_section'): RcPanel {
  const rows = panel.time.length;
  const check = (what: string, len: number): void => {
    if (len !== rows) throw new FtzError('causal.bad_panel', { detail: `${what} has ${len} values, but time has ${rows}` });
  };
  if (layout === 'unbalanced') check('id', panel.id.length);
  check('group', panel.group.length);
  check('y', panel.y.length);
  (panel.covariates ?? []).forEach((c, j) => check(`covariate ${j + 1}`, c.length));
  if (panel.weights !== undefined) check('weights', panel.weights.length);
  if (panel.cluster !== undefined) check('cluster', panel.cluster.length);
  if (rows === 0) throw new FtzError('causal.bad_panel', { detail: 'the panel has no rows' });

  const periods = Int32Array.from(new Set(panel.time)).sort();
  if (periods.length < 2) throw new FtzError('causal.bad_panel', { detail: `only ${periods.length} period: at least two are needed` });
  const periodIndex = new Map<number, number>(Array.from(periods, (t, p) => [t, p]));

  let unitIds: string[];
  const rowUnit = new Int32Array(rows);
  if (layout === 'repeated_cross_section') {
    unitIds = Array.from({ length: rows }, (_, r) => String(r + 1));
    for (let r = 0; r < rows; r++) rowUnit[r] = r;
  } else {
    const key = (r: number): string | number => panel.id[r] as string | number;
    const distinct = [...new Set(Array.from({ length: rows }, (_, r) => key(r)))];
    distinct.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    const unitIndex = new Map<string | number, number>(distinct.map((v, i) => [v, i]));
    unitIds = distinct.map(String);
    for (let r = 0; r < rows; r++) rowUnit[r] = unitIndex.get(key(r)) as number;
  }
  const nUnits = unitIds.length;
  const label = (r: number): string => (layout === 'repeated_cross_section' ? `row ${r + 1}` : `unit ${unitIds[rowUnit[r] as number]}`);

  const rowPeriod = Int32Array.from(panel.time, (t) => periodIndex.get(t) as number);
  const seen = layout === 'unbalanced' ? new Set<number>() : undefined;
  const unitGroup = new Int32Array(nUnits).fill(-1);
  const unitCluster = panel.cluster === undefined ? undefined : new Int32Array(nUnits).fill(-1);
  const clusterSet = new Uint8Array(nUnits);
  const weights = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const u = rowUnit[r] as number;
    const t = panel.time[r] as number;
    if (seen !== undefined) {
      const cell = u * periods.length + (rowPeriod[r] as number);
      if (seen.has(cell)) throw new FtzError('causal.bad_panel', { detail: `${label(r)} has more than one row for period ${t}` });
      seen.add(cell);
    }
    const g = panel.group[r] as number;
    if (g < 0) throw new FtzError('causal.bad_panel', { detail: `${label(r)} has group ${g}; use 0 for never treated` });
    if (unitGroup[u] === -1) unitGroup[u] = g;
    if (unitGroup[u] !== g) throw new FtzError('causal.bad_panel', { detail: `the group of ${label(r)} changes over time (${unitGroup[u]} and ${g}): treatment must be irreversible` });
    const yv = panel.y[r] as number;
    if (!Number.isFinite(yv)) throw new FtzError('causal.bad_panel', { detail: `y of ${label(r)} in ${t} is ${yv}` });
    (panel.covariates ?? []).forEach((col, j) => {
      const v = col[r] as number;
      if (!Number.isFinite(v)) throw new FtzError('causal.bad_panel', { detail: `covariate ${j + 1} of ${label(r)} in ${t} is ${v}` });
    });
    const w = panel.weights === undefined ? 1 : (panel.weights[r] as number);
    if (!(w >= 0) || !Number.isFinite(w)) throw new FtzError('causal.bad_panel', { detail: `weight of ${label(r)} in ${t} is ${w}; weights must be finite and non-negative` });
    weights[r] = w;
    if (unitCluster !== undefined) {
      const cl = (panel.cluster as Int32Array)[r] as number;
      if (!clusterSet[u]) {
        unitCluster[u] = cl;
        clusterSet[u] = 1;
      }
      if (unitCluster[u] !== cl) throw new FtzError('causal.bad_panel', { detail: `the cluster of ${label(r)} changes over time: clusters must be time-invariant` });
    }
  }
  let nClusters = 0;
  let cluster: Int32Array | undefined;
  if (unitCluster !== undefined) {
    const labels = [...new Set(unitCluster)].sort((a, b) => a - b);
    const index = new Map(labels.map((v, i) => [v, i]));
    cluster = unitCluster.map((v) => index.get(v) as number);
    nClusters = labels.length;
  }
  return {
    layout,
    nUnits,
    unitIds,
    periods,
    unitGroup,
    rowUnit,
    rowPeriod,
    y: Float64Array.from(panel.y),
    covariates: (panel.covariates ?? []).map((c) => Float64Array.from(c)),
    weights,
    ...(cluster === undefined ? {} : { cluster }),
    nClusters,
  };
}

/** Each unit's mean row weight: R did's `aggte` weights for unbalanced panels and repeated cross sections. */
export function unitMeanWeights(panel: RcPanel): Float64Array {
  const sum = new Float64Array(panel.nUnits);
  const count = new Float64Array(panel.nUnits);
  panel.rowUnit.forEach((u, r) => {
    sum[u] = (sum[u] as number) + (panel.weights[r] as number);
    count[u] = (count[u] as number) + 1;
  });
  return sum.map((s, u) => s / (count[u] as number));
}
