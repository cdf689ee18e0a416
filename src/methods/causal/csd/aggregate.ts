import { FtzError } from '../../../core/errors.js';
import type { AttGtCells } from './attGtEngine.js';
import { familyInference, influenceCrossProduct, type InferenceContext } from './inference.js';

/** Units per block when columns are summed into one influence function. */
const BLOCK = 4096;

export type AggregationType = 'simple' | 'dynamic' | 'group' | 'calendar';

/** Options of the aggregations (R did's `aggte`). */
export interface AggregationOptions {
  /** Dynamic only: keep cohorts observed for at least `balanceE` periods after treatment (balanced event time). */
  readonly balanceE?: number;
  /** Dynamic only: the shortest event time reported. */
  readonly minE?: number;
  /** The longest event time used (simple, group and dynamic). */
  readonly maxE?: number;
}

/** An aggregated effect: an overall number and, except for `simple`, values by level. */
export interface Aggregation {
  readonly type: AggregationType;
  readonly overall: { readonly att: number; readonly se: number };
  /** Event time e (dynamic), cohort g (group) or calendar period t (calendar); empty for simple. */
  readonly levels: Int32Array;
  readonly att: Float64Array;
  readonly se: Float64Array;
  /** Pointwise z, or the uniform sup-t value when bootstrapping with uniform bands. */
  readonly criticalValue: number;
  /** Dynamic only: the analytic covariance matrix of the event-study coefficients, row-major. */
  readonly vcov?: Float64Array;
}

/** Unit-level data the aggregation weights need. */
export interface AggregationData {
  readonly cells: AttGtCells;
  /** Cohort of each unit (0 never treated), aligned with influence rows. */
  readonly unitGroup: Int32Array;
  /** Sampling weight of each unit (first period). */
  readonly unitWeight: Float64Array;
  /** Every period of the panel and every estimated cohort (R's `tlist`, `glist`). */
  readonly periods: Int32Array;
  readonly groups: Int32Array;
}

/**
 * Aggregates ATT(g, t) into summary parameters (Callaway & Sant'Anna 2021, Section 3): `simple`
 * (θ_W^O, post-treatment cells weighted by cohort size), `group` (θ_sel(g) and θ_sel^O), `dynamic`
 * (event-study θ_es(e) and θ_es^O, the mean over e ≥ 0; with `balanceE`, θ_es^bal) and `calendar` (θ_c(t) and
 * θ_c^O). Cohort weights are estimated, P(G = g | G ∈ keepers), so their influence function (R did's `wif`)
 * is added wherever cohorts are pooled. Mirrors R did 2.5.1 `aggte`.
 */
export function aggregateAttGt(data: AggregationData, type: AggregationType, ctx: InferenceContext, options: AggregationOptions = {}): Aggregation {
  const { cells } = data;
  const K = cells.att.length;
  const n = cells.n;
  const maxE = options.maxE ?? Number.POSITIVE_INFINITY;
  const minE = options.minE ?? Number.NEGATIVE_INFINITY;
  // P(G = g), from first-period weights: pg of each cohort and of each cell's cohort.
  const cohortShare = new Map<number, number>();
  for (const g of data.groups) {
    let s = 0;
    for (let i = 0; i < n; i++) if (data.unitGroup[i] === g) s += data.unitWeight[i] as number;
    cohortShare.set(g, s / n);
  }
  const pg = Float64Array.from(cells.group, (g) => cohortShare.get(g) ?? 0);
  const all = Array.from({ length: K }, (_, j) => j);
  const isPost = (j: number): boolean => (cells.group[j] as number) <= (cells.time[j] as number);

  /** Weighted average of cells `which` with weights ∝ pg, plus the estimated-weight correction. */
  const combine = (which: readonly number[], withWif: boolean): { att: number; psi: Float64Array } => {
    const spg = which.reduce((s, j) => s + (pg[j] as number), 0);
    let att = 0;
    const psi = new Float64Array(n);
    const weights = which.map((j) => (pg[j] as number) / spg);
    which.forEach((j, q) => (att += (weights[q] as number) * (cells.att[j] as number)));
    // In blocks of units, so that the block of ψ stays in cache while the columns are added (each entry
    // still receives its terms in the order of `which`).
    const inf = cells.influence;
    for (let i0 = 0; i0 < n; i0 += BLOCK) {
      const i1 = Math.min(n, i0 + BLOCK);
      for (let q = 0; q < which.length; q++) {
        const wj = weights[q] as number;
        const off = (which[q] as number) * n;
        for (let i = i0; i < i1; i++) psi[i] = (psi[i] as number) + wj * (inf[off + i] as number);
      }
    }
    if (withWif) addWeightInfluence(psi, which.map((j) => cells.group[j] as number), which.map((j) => pg[j] as number), which.map((j) => cells.att[j] as number), data);
    return { att, psi };
  };
  const seOf = (psi: Float64Array): number => familyInference([psi], ctx).se[0] as number;
  const empty = new Int32Array(0);

  if (type === 'simple') {
    const keep = all.filter((j) => isPost(j) && (cells.time[j] as number) <= (cells.group[j] as number) + maxE);
    if (keep.length === 0) throw noCells('maxE', String(maxE));
    const { att, psi } = combine(keep, true);
    return { type, overall: { att, se: seOf(psi) }, levels: empty, att: new Float64Array(0), se: new Float64Array(0), criticalValue: familyInference([], ctx).criticalValue };
  }

  if (type === 'group') {
    const glist = Array.from(data.groups);
    const byGroup = glist.map((g) => {
      const which = all.filter((j) => cells.group[j] === g && isPost(j) && (cells.time[j] as number) <= g + maxE);
      if (which.length === 0) return { att: Number.NaN, psi: new Float64Array(n) };
      // Equal pg within a cohort: a plain mean, no weight correction.
      return combine(which, false);
    });
    const fam = familyInference(byGroup.map((r) => r.psi), ctx);
    const shares = glist.map((g) => cohortShare.get(g) ?? 0);
    const spg = shares.reduce((s, v) => s + v, 0);
    let att = 0;
    const psi = new Float64Array(n);
    byGroup.forEach((r, q) => {
      const w = (shares[q] as number) / spg;
      att += w * r.att;
      for (let i = 0; i < n; i++) psi[i] = (psi[i] as number) + w * (r.psi[i] as number);
    });
    addWeightInfluence(psi, glist, shares, byGroup.map((r) => r.att), data);
    return { type, overall: { att, se: seOf(psi) }, levels: Int32Array.from(glist), att: Float64Array.from(byGroup, (r) => r.att), se: fam.se, criticalValue: fam.criticalValue };
  }

  if (type === 'dynamic') {
    let include = all.map(() => true);
    let eseq = uniqueSorted(all.map((j) => (cells.time[j] as number) - (cells.group[j] as number)));
    if (options.balanceE !== undefined) {
      const balanceE = options.balanceE;
      const maxT = Math.max(...cells.time);
      const minTG = Math.min(...data.periods, ...data.groups);
      include = all.map((j) => maxT - (cells.group[j] as number) >= balanceE);
      eseq = uniqueSorted(all.filter((j) => include[j]).map((j) => (cells.time[j] as number) - (cells.group[j] as number)));
      eseq = eseq.filter((e) => e <= balanceE && e >= balanceE - maxT + minTG);
    }
    eseq = eseq.filter((e) => e >= minE && e <= maxE);
    if (eseq.length === 0) throw noCells('minE/maxE/balanceE', `${minE}/${maxE}/${options.balanceE ?? 'none'}`);
    const byE = eseq.map((e) => combine(all.filter((j) => include[j] && (cells.time[j] as number) - (cells.group[j] as number) === e), true));
    const psis = byE.map((r) => r.psi);
    const fam = familyInference(psis, ctx);
    const V = influenceCrossProduct(psis, ctx);
    const vcov = V.map((v) => v / n);
    const pos = eseq.map((e, q) => (e >= 0 ? q : -1)).filter((q) => q >= 0);
    let att = Number.NaN;
    let se = Number.NaN;
    if (pos.length > 0) {
      att = pos.reduce((s, q) => s + (byE[q]?.att as number), 0) / pos.length;
      const psi = new Float64Array(n);
      for (const q of pos) {
        const c = byE[q]?.psi as Float64Array;
        for (let i = 0; i < n; i++) psi[i] = (psi[i] as number) + (c[i] as number) / pos.length;
      }
      se = seOf(psi);
    }
    return { type, overall: { att, se }, levels: Int32Array.from(eseq), att: Float64Array.from(byE, (r) => r.att), se: fam.se, criticalValue: fam.criticalValue, vcov };
  }

  // calendar
  const minG = Math.min(...cells.group);
  const tlist = uniqueSorted(Array.from(cells.time)).filter((t) => t >= minG && all.some((j) => cells.time[j] === t && (cells.group[j] as number) <= t));
  const byT = tlist.map((t) => combine(all.filter((j) => cells.time[j] === t && (cells.group[j] as number) <= t), true));
  const fam = familyInference(byT.map((r) => r.psi), ctx);
  const att = byT.reduce((s, r) => s + r.att, 0) / byT.length;
  const psi = new Float64Array(n);
  for (const r of byT) for (let i = 0; i < n; i++) psi[i] = (psi[i] as number) + (r.psi[i] as number) / byT.length;
  return { type, overall: { att, se: seOf(psi) }, levels: Int32Array.from(tlist), att: Float64Array.from(byT, (r) => r.att), se: fam.se, criticalValue: fam.criticalValue };
}

/**
 * Adds Σ_k wif_ik·att_k to ψ, the influence of estimating the weights pg_k / Σ pg (R did's `wif`):
 * wif_ik = (c_ik − pg_k·Σ_l c_il / Σ pg) / Σ pg, with c_ik = w_i·1{G_i = g_k} − pg_k.
 */
function addWeightInfluence(psi: Float64Array, groups: readonly number[], pg: readonly number[], att: readonly number[], data: AggregationData): void {
  const n = psi.length;
  const spg = pg.reduce((s, v) => s + v, 0);
  let attBar = 0; // Σ_k pg_k att_k / Σ pg
  for (let k = 0; k < groups.length; k++) attBar += ((pg[k] as number) * (att[k] as number)) / spg;
  for (let i = 0; i < n; i++) {
    const gi = data.unitGroup[i] as number;
    const wi = data.unitWeight[i] as number;
    let sumC = 0;
    let first = 0;
    for (let k = 0; k < groups.length; k++) {
      const c = (gi === groups[k] ? wi : 0) - (pg[k] as number);
      sumC += c;
      first += c * (att[k] as number);
    }
    psi[i] = (psi[i] as number) + first / spg - (sumC * attBar) / spg;
  }
}

function uniqueSorted(v: readonly number[]): number[] {
  return [...new Set(v)].sort((a, b) => a - b);
}

function noCells(option: string, value: string): FtzError {
  return new FtzError('causal.option_invalid', { option, value, reason: 'no ATT(g,t) falls within the requested event-time window' });
}
