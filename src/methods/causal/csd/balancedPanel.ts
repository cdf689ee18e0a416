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
 * cluster that varies within a unit, and unbalanced panels (every unit must be observed in every period; for
 * R did's `allow_unbalanced_panel = TRUE` path use `callawaySantAnna`'s `panel: 'unbalanced'`, see `rcPanel`).
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
  const labelOf = (r: number): string => String(key(r));
  // Units in order of first appearance; a row with the same id as the row before (the usual long layout)
  // skips the hash lookup.
  const firstSeen = new Map<string | number, number>();
  const order: (string | number)[] = [];
  const rowUnit = new Int32Array(rows);
  let prevKey: string | number | undefined;
  let prevUnit = -1;
  for (let r = 0; r < rows; r++) {
    const kr = key(r);
    if (kr !== prevKey || prevUnit < 0) {
      let u = firstSeen.get(kr);
      if (u === undefined) {
        u = order.length;
        firstSeen.set(kr, u);
        order.push(kr);
      }
      prevKey = kr;
      prevUnit = u;
    }
    rowUnit[r] = prevUnit;
  }
  const numeric = order.every((v) => typeof v === 'number');
  // Sorted labels (numbers numerically, strings by UTF-16 code units, as the default sort compares them).
  const distinct = numeric ? Array.from(Float64Array.from(order as number[]).sort()) : (order as string[]).slice().sort();
  const rank = new Int32Array(order.length);
  if (numeric) {
    const sortedIndex = new Map<number, number>(distinct.map((v, i) => [v as number, i]));
    for (let u = 0; u < order.length; u++) rank[u] = sortedIndex.get(order[u] as number) as number;
  } else {
    const sortedIndex = new Map<string, number>((distinct as string[]).map((v, i) => [v, i]));
    for (let u = 0; u < order.length; u++) rank[u] = sortedIndex.get(order[u] as string) as number;
  }
  for (let r = 0; r < rows; r++) rowUnit[r] = rank[rowUnit[r] as number] as number;
  const periods = distinctSorted(panel.time);
  const nUnits = distinct.length;
  const nPeriods = periods.length;
  if (nPeriods < 2) throw new FtzError('causal.bad_panel', { detail: `only ${nPeriods} period: at least two are needed` });
  // Period → index by direct lookup when the periods span a modest range (years, 1..T), else a map.
  const t0 = periods[0] as number;
  const span = (periods[nPeriods - 1] as number) - t0 + 1;
  const periodLookup = span <= 1 << 20 ? new Int32Array(span).fill(-1) : null;
  const periodIndex = new Map<number, number>(Array.from(periods, (t, p) => [t, p]));
  if (periodLookup) periods.forEach((t, p) => (periodLookup[t - t0] = p));

  const cells = nUnits * nPeriods;
  const seen = new Uint8Array(cells);
  const y = new Float64Array(cells);
  const covIn = panel.covariates ?? [];
  const covariates = covIn.map(() => new Float64Array(cells));
  const weights = new Float64Array(cells);
  const unitGroup = new Int32Array(nUnits).fill(-1);
  const unitCluster = panel.cluster === undefined ? undefined : new Int32Array(nUnits);
  const clusterSet = new Uint8Array(nUnits);
  for (let r = 0; r < rows; r++) {
    const u = rowUnit[r] as number;
    const tr = panel.time[r] as number;
    const p = periodLookup ? (periodLookup[tr - t0] as number) : (periodIndex.get(tr) as number);
    const c = p * nUnits + u;
    if (seen[c]) throw new FtzError('causal.bad_panel', { detail: `unit ${labelOf(r)} has more than one row for period ${panel.time[r]}` });
    seen[c] = 1;
    const g = panel.group[r] as number;
    if (g < 0) throw new FtzError('causal.bad_panel', { detail: `unit ${labelOf(r)} has group ${g}; use 0 for never treated` });
    if (unitGroup[u] === -1) unitGroup[u] = g;
    if (unitGroup[u] !== g) throw new FtzError('causal.bad_panel', { detail: `the group of unit ${labelOf(r)} changes over time (${unitGroup[u]} and ${g}): treatment must be irreversible` });
    const yv = panel.y[r] as number;
    if (!Number.isFinite(yv)) throw new FtzError('causal.bad_panel', { detail: `y of unit ${labelOf(r)} in ${panel.time[r]} is ${yv}` });
    y[c] = yv;
    for (let j = 0; j < covariates.length; j++) {
      const v = covIn[j]?.[r] as number;
      if (!Number.isFinite(v)) throw new FtzError('causal.bad_panel', { detail: `covariate ${j + 1} of unit ${labelOf(r)} in ${panel.time[r]} is ${v}` });
      (covariates[j] as Float64Array)[c] = v;
    }
    const w = panel.weights === undefined ? 1 : (panel.weights[r] as number);
    if (!(w >= 0) || !Number.isFinite(w)) throw new FtzError('causal.bad_panel', { detail: `weight of unit ${labelOf(r)} in ${panel.time[r]} is ${w}; weights must be finite and non-negative` });
    weights[c] = w;
    if (unitCluster !== undefined) {
      const cl = (panel.cluster as Int32Array)[r] as number;
      if (!clusterSet[u]) {
        unitCluster[u] = cl;
        clusterSet[u] = 1;
      }
      if (unitCluster[u] !== cl) throw new FtzError('causal.bad_panel', { detail: `the cluster of unit ${labelOf(r)} changes over time: clusters must be time-invariant` });
    }
  }
  for (let c = 0; c < cells; c++) {
    if (!seen[c]) {
      const u = c % nUnits;
      const p = Math.floor(c / nUnits);
      throw new FtzError('causal.bad_panel', {
        detail: `unit ${String(distinct[u])} has no row for period ${periods[p]}: the panel must be balanced (drop incomplete units first, or use panel: 'unbalanced')`,
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

/** The distinct values of `v`, ascending (a presence table when the values span a modest range). */
function distinctSorted(v: Int32Array): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!(hi - lo < 1 << 20)) return Int32Array.from(new Set(v)).sort();
  const present = new Uint8Array(hi - lo + 1);
  for (let i = 0; i < v.length; i++) present[(v[i] as number) - lo] = 1;
  const out: number[] = [];
  for (let x = 0; x < present.length; x++) if (present[x]) out.push(x + lo);
  return Int32Array.from(out);
}
