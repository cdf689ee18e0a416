import { FtzError } from '../../../core/errors.js';

/** Long panel input as typed columns: one entry per (unit, period) row. */
export interface LongPanel {
  readonly id: Int32Array | readonly string[];
  readonly time: Int32Array;
  /** First treated period; 0 for never treated. Must not vary within a unit. */
  readonly group: Int32Array;
  readonly y: Float64Array;
  /** Covariate columns (the intercept is added). Values from the earlier period of each 2×2 comparison are used. */
  readonly covariates?: readonly Float64Array[];
  /** Sampling weights; the earlier period's weight is used in each 2×2 comparison, the first period's to aggregate. */
  readonly weights?: Float64Array;
  /** Cluster of each row (time-invariant within a unit), for clustered inference. */
  readonly cluster?: Int32Array;
}

/** A balanced panel as dense unit × period arrays: entry (unit i, period p) at `p * nUnits + i`. */
export interface BalancedPanel {
  readonly nUnits: number;
  /** Unit labels in row order of every array (sorted ids). */
  readonly unitIds: readonly string[];
  /** Sorted distinct periods. */
  readonly periods: Int32Array;
  readonly unitGroup: Int32Array;
  readonly y: Float64Array;
  readonly covariates: readonly Float64Array[];
  readonly weights: Float64Array;
  /** Dense cluster index per unit (0..nClusters−1), or undefined. */
  readonly cluster?: Int32Array;
  readonly nClusters: number;
}

/**
 * Checks a long panel and lays it out as dense unit × period arrays. Throws `causal.bad_panel` on length
 * mismatches, non-finite values, negative or non-integer weights, duplicated (unit, period) rows, a group or
 * cluster that varies within a unit, and unbalanced panels (every unit must be observed in every period:
 * R did's `allow_unbalanced_panel = TRUE` path is not implemented).
 */
export function balancedPanel(panel: LongPanel): BalancedPanel {
  const rows = panel.time.length;
  const check = (what: string, len: number): void => {
    if (len !== rows) throw new FtzError('causal.bad_panel', { detail: `${what} has ${len} values, but time has ${rows}` });
  };
  check('id', panel.id.length);
  check('group', panel.group.length);
  check('y', panel.y.length);
  (panel.covariates ?? []).forEach((c, j) => check(`covariate ${j + 1}`, c.length));
  if (panel.weights !== undefined) check('weights', panel.weights.length);
  if (panel.cluster !== undefined) check('cluster', panel.cluster.length);
  if (rows === 0) throw new FtzError('causal.bad_panel', { detail: 'the panel has no rows' });

  const key = (r: number): string | number => panel.id[r] as string | number;
  const distinct = [...new Set(Array.from({ length: rows }, (_, r) => key(r)))];
  distinct.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  const unitIndex = new Map<string | number, number>(distinct.map((v, i) => [v, i]));
  const periods = Int32Array.from(new Set(panel.time)).sort();
  const periodIndex = new Map<number, number>(Array.from(periods, (t, p) => [t, p]));
  const nUnits = distinct.length;
  const nPeriods = periods.length;
  if (nPeriods < 2) throw new FtzError('causal.bad_panel', { detail: `only ${nPeriods} period: at least two are needed` });

  const cells = nUnits * nPeriods;
  const seen = new Uint8Array(cells);
  const y = new Float64Array(cells);
  const covariates = (panel.covariates ?? []).map(() => new Float64Array(cells));
  const weights = new Float64Array(cells);
  const unitGroup = new Int32Array(nUnits).fill(-1);
  const unitCluster = panel.cluster === undefined ? undefined : new Int32Array(nUnits);
  const clusterSet = new Uint8Array(nUnits);
  for (let r = 0; r < rows; r++) {
    const u = unitIndex.get(key(r)) as number;
    const p = periodIndex.get(panel.time[r] as number) as number;
    const c = p * nUnits + u;
    const label = String(key(r));
    if (seen[c]) throw new FtzError('causal.bad_panel', { detail: `unit ${label} has more than one row for period ${panel.time[r]}` });
    seen[c] = 1;
    const g = panel.group[r] as number;
    if (g < 0) throw new FtzError('causal.bad_panel', { detail: `unit ${label} has group ${g}; use 0 for never treated` });
    if (unitGroup[u] === -1) unitGroup[u] = g;
    if (unitGroup[u] !== g) throw new FtzError('causal.bad_panel', { detail: `the group of unit ${label} changes over time (${unitGroup[u]} and ${g}): treatment must be irreversible` });
    const yv = panel.y[r] as number;
    if (!Number.isFinite(yv)) throw new FtzError('causal.bad_panel', { detail: `y of unit ${label} in ${panel.time[r]} is ${yv}` });
    y[c] = yv;
    covariates.forEach((col, j) => {
      const v = (panel.covariates as readonly Float64Array[])[j]?.[r] as number;
      if (!Number.isFinite(v)) throw new FtzError('causal.bad_panel', { detail: `covariate ${j + 1} of unit ${label} in ${panel.time[r]} is ${v}` });
      col[c] = v;
    });
    const w = panel.weights === undefined ? 1 : (panel.weights[r] as number);
    if (!(w >= 0) || !Number.isFinite(w)) throw new FtzError('causal.bad_panel', { detail: `weight of unit ${label} in ${panel.time[r]} is ${w}; weights must be finite and non-negative` });
    weights[c] = w;
    if (unitCluster !== undefined) {
      const cl = (panel.cluster as Int32Array)[r] as number;
      if (!clusterSet[u]) {
        unitCluster[u] = cl;
        clusterSet[u] = 1;
      }
      if (unitCluster[u] !== cl) throw new FtzError('causal.bad_panel', { detail: `the cluster of unit ${label} changes over time: clusters must be time-invariant` });
    }
  }
  for (let c = 0; c < cells; c++) {
    if (!seen[c]) {
      const u = c % nUnits;
      const p = Math.floor(c / nUnits);
      throw new FtzError('causal.bad_panel', {
        detail: `unit ${String(distinct[u])} has no row for period ${periods[p]}: the panel must be balanced (drop incomplete units first)`,
      });
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
    nUnits,
    unitIds: distinct.map(String),
    periods,
    unitGroup,
    y,
    covariates,
    weights,
    ...(cluster === undefined ? {} : { cluster }),
    nClusters,
  };
}
