import { FtzError } from '../../../core/errors.js';

/** Long panel input as typed columns: one entry per (unit, period) row. */
export interface LongPanel {
  /** Unit ids: labels, integers, or (with `idLabels`) integer codes into `idLabels`. */
  readonly id: Int32Array | readonly string[];
  /**
   * Distinct text labels of coded ids: `id[r]` is an index into this array (as a file reader's dense codes),
   * and units are ordered by label exactly as with string ids — no per-row strings needed.
   */
  readonly idLabels?: readonly string[];
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

  const rowUnit = new Int32Array(rows);
  let distinct: readonly (string | number)[];
  let labelOf: (r: number) => string;
  if (panel.idLabels !== undefined) {
    const codes = panel.id;
    const labels = panel.idLabels;
    if (!(codes instanceof Int32Array)) throw new FtzError('causal.bad_panel', { detail: 'id must be integer codes when id labels are given' });
    labelOf = (r) => String(labels[codes[r] as number]);
    distinct = codedUnits(codes, labels, rowUnit);
  } else {
    const key = (r: number): string | number => panel.id[r] as string | number;
    labelOf = (r) => String(key(r));
    // Units in order of first appearance; a row with the same id as the row before (the usual long layout)
    // skips the hash lookup.
    const firstSeen = new Map<string | number, number>();
    const order: (string | number)[] = [];
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
    distinct = numeric ? Array.from(Float64Array.from(order as number[]).sort()) : (order as string[]).slice().sort();
    const rank = new Int32Array(order.length);
    if (numeric) {
      const sortedIndex = new Map<number, number>(distinct.map((v, i) => [v as number, i]));
      for (let u = 0; u < order.length; u++) rank[u] = sortedIndex.get(order[u] as number) as number;
    } else {
      const sortedIndex = new Map<string, number>((distinct as string[]).map((v, i) => [v, i]));
      for (let u = 0; u < order.length; u++) rank[u] = sortedIndex.get(order[u] as string) as number;
    }
    for (let r = 0; r < rows; r++) rowUnit[r] = rank[rowUnit[r] as number] as number;
  }
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
  // Locals, so the loop over rows reads typed arrays only.
  const timeIn = panel.time;
  const groupIn = panel.group;
  const yIn = panel.y;
  const weightsIn = panel.weights;
  const clusterIn = panel.cluster;
  const nCov = covariates.length;
  for (let r = 0; r < rows; r++) {
    const u = rowUnit[r] as number;
    const tr = timeIn[r] as number;
    const p = periodLookup ? (periodLookup[tr - t0] as number) : (periodIndex.get(tr) as number);
    const c = p * nUnits + u;
    if (seen[c]) throw new FtzError('causal.bad_panel', { detail: `unit ${labelOf(r)} has more than one row for period ${panel.time[r]}` });
    seen[c] = 1;
    const g = groupIn[r] as number;
    if (g < 0) throw new FtzError('causal.bad_panel', { detail: `unit ${labelOf(r)} has group ${g}; use 0 for never treated` });
    if (unitGroup[u] === -1) unitGroup[u] = g;
    if (unitGroup[u] !== g) throw new FtzError('causal.bad_panel', { detail: `the group of unit ${labelOf(r)} changes over time (${unitGroup[u]} and ${g}): treatment must be irreversible` });
    const yv = yIn[r] as number;
    if (!Number.isFinite(yv)) throw new FtzError('causal.bad_panel', { detail: `y of unit ${labelOf(r)} in ${panel.time[r]} is ${yv}` });
    y[c] = yv;
    for (let j = 0; j < nCov; j++) {
      const v = covIn[j]?.[r] as number;
      if (!Number.isFinite(v)) throw new FtzError('causal.bad_panel', { detail: `covariate ${j + 1} of unit ${labelOf(r)} in ${panel.time[r]} is ${v}` });
      (covariates[j] as Float64Array)[c] = v;
    }
    const w = weightsIn === undefined ? 1 : (weightsIn[r] as number);
    if (!(w >= 0) || !Number.isFinite(w)) throw new FtzError('causal.bad_panel', { detail: `weight of unit ${labelOf(r)} in ${panel.time[r]} is ${w}; weights must be finite and non-negative` });
    weights[c] = w;
    if (unitCluster !== undefined) {
      const cl = (clusterIn as Int32Array)[r] as number;
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
    const dense = denseRank(unitCluster);
    cluster = dense.codes;
    nClusters = dense.count;
  }
  return {
    nUnits,
    unitIds: distinct.every((v) => typeof v === 'string') ? (distinct as readonly string[]) : distinct.map(String),
    periods,
    unitGroup,
    y,
    covariates,
    weights,
    ...(cluster === undefined ? {} : { cluster }),
    nClusters,
  };
}

/**
 * Each value's rank among the distinct values of `v` (ascending), and their number: a presence table when the
 * values span a modest range, else a sort.
 */
export function denseRank(v: Int32Array): { codes: Int32Array; count: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (v.length > 0 && hi - lo < 1 << 24) {
    const rank = new Int32Array(hi - lo + 1).fill(-1);
    for (let i = 0; i < v.length; i++) rank[(v[i] as number) - lo] = 0;
    let count = 0;
    for (let x = 0; x < rank.length; x++) if (rank[x] === 0) rank[x] = count++;
    const codes = new Int32Array(v.length);
    for (let i = 0; i < v.length; i++) codes[i] = rank[(v[i] as number) - lo] as number;
    return { codes, count };
  }
  const labels = [...new Set(v)].sort((a, b) => a - b);
  const index = new Map(labels.map((x, i) => [x, i]));
  return { codes: v.map((x) => index.get(x) as number), count: labels.length };
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

/**
 * Units of coded ids: writes each row's unit (the rank of its label among the labels in use, in the default
 * sort order of strings) into `rowUnit` and returns the sorted distinct labels. Equal labels are one unit.
 */
function codedUnits(codes: Int32Array, labels: readonly string[], rowUnit: Int32Array): string[] {
  const L = labels.length;
  const used = new Uint8Array(L);
  for (let r = 0; r < codes.length; r++) {
    const c = codes[r] as number;
    if (!(c >= 0 && c < L)) throw new FtzError('causal.bad_panel', { detail: `id code ${c} has no label (${L} labels)` });
    used[c] = 1;
  }
  const rank = new Int32Array(L).fill(-1);
  const distinct: string[] = [];
  const digitKeys = digitSortKeys(labels, used);
  if (digitKeys) {
    // Labels of at most 14 decimal digits: ordering the numeric keys (a radix sort) orders the strings.
    let inUse = 0;
    for (let c = 0; c < L; c++) inUse += used[c] as number;
    const codesInUse = new Int32Array(inUse);
    for (let c = 0, q = 0; c < L; c++) if (used[c]) codesInUse[q++] = c;
    const order = radixOrder(digitKeys, codesInUse);
    let prevKey = -1;
    for (let q = 0; q < order.length; q++) {
      const c = order[q] as number;
      const k = digitKeys[c] as number;
      if (k !== prevKey) {
        distinct.push(labels[c] as string);
        prevKey = k;
      }
      rank[c] = distinct.length - 1;
    }
  } else {
    const present: string[] = [];
    for (let c = 0; c < L; c++) if (used[c]) present.push(labels[c] as string);
    present.sort();
    for (const v of present) if (distinct.length === 0 || distinct[distinct.length - 1] !== v) distinct.push(v);
    const index = new Map<string, number>(distinct.map((v, i) => [v, i]));
    for (let c = 0; c < L; c++) if (used[c]) rank[c] = index.get(labels[c] as string) as number;
  }
  for (let r = 0; r < codes.length; r++) rowUnit[r] = rank[codes[r] as number] as number;
  return distinct;
}

/**
 * Sort keys of labels that are all 1–14 ASCII digits: the digits right-padded with zeros to 14 places, then
 * the length (a prefix sorts first), as one exact integer below 2^53 — ordered as the strings are. Null when
 * some label in use is not of that form.
 */
function digitSortKeys(labels: readonly string[], used: Uint8Array): Float64Array | null {
  const keys = new Float64Array(labels.length);
  for (let c = 0; c < labels.length; c++) {
    if (!used[c]) continue;
    const s = labels[c] as string;
    const len = s.length;
    if (len < 1 || len > 14) return null;
    let v = 0;
    for (let i = 0; i < len; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return null;
      v = v * 10 + d;
    }
    keys[c] = v * 10 ** (14 - len) * 16 + len;
  }
  return keys;
}

/** `codes` ordered by their non-negative integer `keys[code]` (< 2^53), stably: an LSD radix sort on 16-bit digits. */
function radixOrder(keys: Float64Array, codes: Int32Array): Int32Array {
  const m = codes.length;
  const lo = new Uint32Array(m);
  const hi = new Uint32Array(m);
  for (let q = 0; q < m; q++) {
    const k = keys[codes[q] as number] as number;
    lo[q] = k % 4294967296;
    hi[q] = Math.floor(k / 4294967296);
  }
  let from = new Int32Array(m);
  for (let q = 0; q < m; q++) from[q] = q;
  let to = new Int32Array(m);
  const count = new Int32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const words = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let q = 0; q < m; q++) {
      const d = (((words[q] as number) >>> shift) & 0xffff) + 1;
      count[d] = (count[d] as number) + 1;
    }
    if (count[1] === m) continue; // one digit value throughout: the order stands
    for (let d = 0; d < 65536; d++) count[d + 1] = (count[d + 1] as number) + (count[d] as number);
    for (let q = 0; q < m; q++) {
      const e = from[q] as number;
      const d = ((words[e] as number) >>> shift) & 0xffff;
      to[count[d] as number] = e;
      count[d] = (count[d] as number) + 1;
    }
    const t = from;
    from = to;
    to = t;
  }
  for (let q = 0; q < m; q++) to[q] = codes[from[q] as number] as number;
  return to;
}
