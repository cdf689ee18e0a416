import type { BalancedPanel } from './balancedPanel.js';
import { drdidPanel } from './drdidPanel.js';
import { ipwdidPanel } from './ipwdidPanel.js';
import { regdidPanel } from './regdidPanel.js';
import type { Design, PanelTwoByTwoInput, TwoByTwoResult } from './twoByTwo.js';
import { FtzError } from '../../../core/errors.js';
import { f64, scratchMark, scratchRelease, withScratch } from './scratch.js';

export type EstMethod = 'reg' | 'ipw' | 'dr';
export type ControlGroup = 'nevertreated' | 'notyettreated';
export type BasePeriod = 'varying' | 'universal';

export interface AttGtEngineOptions {
  readonly estMethod: EstMethod;
  readonly controlGroup: ControlGroup;
  readonly basePeriod: BasePeriod;
  readonly anticipation: number;
}

/** All ATT(g, t) point estimates with their influence functions. */
export interface AttGtCells {
  /** Number of units (rows of the influence matrix). */
  readonly n: number;
  readonly group: Int32Array;
  readonly time: Int32Array;
  /** The base (pre) period each ATT(g, t) compares with. */
  readonly basePeriod: Int32Array;
  /** 1 when t ≥ g (post-treatment). */
  readonly post: Uint8Array;
  readonly att: Float64Array;
  /** n × K column-major: column c is the influence function of cell c, zero for units outside its 2×2. */
  readonly influence: Float64Array;
}

/** R did's overlap guard: a propensity score this close to one aborts the cell. */
export const OVERLAP_LIMIT = 0.999;

const ESTIMATORS: Record<EstMethod, (input: PanelTwoByTwoInput) => TwoByTwoResult> = {
  reg: regdidPanel,
  ipw: ipwdidPanel,
  dr: drdidPanel,
};

/**
 * Group-time average treatment effects ATT(g, t) (Callaway & Sant'Anna 2021, Theorem 1):
 * each is a 2×2 DID of cohort g against the comparison group (never treated, or not yet treated by
 * max(t, base) + anticipation), between period t and its base period — t − 1 for pre-treatment cells under a
 * varying base, g − 1 − anticipation otherwise — estimated by outcome regression, standardised IPW or the
 * traditional doubly robust estimator. Covariates and weights come from the earlier of the two periods.
 * Influence functions are rescaled by n / n_{g,t} so that columns share one denominator (the full sample),
 * as in R did's `compute.att_gt`.
 */
export function estimateAttGt(panel: BalancedPanel, groups: Int32Array, options: AttGtEngineOptions): AttGtCells {
  const { nUnits: n, periods, unitGroup } = panel;
  const nT = periods.length;
  const universal = options.basePeriod === 'universal';
  const tfac = universal ? 0 : 1;
  const tCount = universal ? nT : nT - 1;
  const estimator = ESTIMATORS[options.estMethod];
  const k = panel.covariates.length + 1;
  // The cells first (their number sizes the influence matrix, written in place: no per-cell column copies).
  interface Cell { g: number; cur: number; pret: number; isPost: boolean; reference: boolean }
  const plan: Cell[] = [];
  for (const g of groups) {
    let pretG = -1;
    for (let p = 0; p < nT; p++) if ((periods[p] as number) + options.anticipation < g) pretG = p;
    if (pretG < 0) continue; // excluded upstream: no pre-treatment period
    for (let t = 0; t < tCount; t++) {
      const cur = t + tfac;
      const isPost = g <= (periods[cur] as number);
      const pret = universal || isPost ? pretG : t;
      plan.push({ g, cur, pret, isPost, reference: universal && pret === cur });
    }
  }
  const K = plan.length;
  const group = new Int32Array(K);
  const time = new Int32Array(K);
  const base = new Int32Array(K);
  const post = new Uint8Array(K);
  const att = new Float64Array(K);
  const influence = new Float64Array(n * K);
  // The 2×2 sample (units and treatment dummy) depends on the cohort and, for not-yet-treated controls, on
  // the threshold only: built once per distinct pair.
  const samples = new Map<string, { units: Int32Array; d: Float64Array }>();
  const sampleKey = (g: number, threshold: number): string => (options.controlGroup === 'nevertreated' ? `${g}` : `${g}:${threshold}`);
  const sample = (g: number, threshold: number): { units: Int32Array; d: Float64Array } => {
    const key = sampleKey(g, threshold);
    let s = samples.get(key);
    if (s === undefined) {
      const idx = new Int32Array(n);
      const dd = new Float64Array(n);
      let m = 0;
      for (let i = 0; i < n; i++) {
        const gi = unitGroup[i] as number;
        const treated = gi === g;
        const control = options.controlGroup === 'nevertreated' ? gi === 0 : gi === 0 || (gi > threshold && gi !== g);
        if (treated || control) {
          idx[m] = i;
          dd[m++] = treated ? 1 : 0;
        }
      }
      s = { units: idx.slice(0, m), d: dd.slice(0, m) };
      samples.set(key, s);
    }
    return s;
  };

  const propensityStore = new Map<string, unknown>();
  // Samples first: the largest sizes the pooled work arrays, reused by every cell.
  let maxN1 = 0;
  for (const { g, cur, pret, reference } of plan) {
    if (reference) continue;
    maxN1 = Math.max(maxN1, sample(g, Math.max(periods[cur] as number, periods[pret] as number) + options.anticipation).units.length);
  }
  withScratch([maxN1, maxN1 * k], () => plan.forEach(({ g, cur, pret, isPost, reference }, c) => {
    group[c] = g;
    time[c] = periods[cur] as number;
    base[c] = periods[pret] as number;
    if (reference) return; // post 0, att 0, a zero influence column
    post[c] = isPost ? 1 : 0;
    const threshold = Math.max(periods[cur] as number, periods[pret] as number) + options.anticipation;
    const { units, d } = sample(g, threshold);
    const n1 = units.length;
    if (!d.includes(0)) {
      throw new FtzError('causal.no_control_units', {
        control: options.controlGroup === 'nevertreated' ? 'never-treated' : 'not-yet-treated',
        detail: `group ${g}, period ${periods[cur]}`,
      });
    }
    const mark = scratchMark();
    const earlier = Math.min(cur, pret);
    const x = f64(n1 * k);
    x.fill(1, 0, n1);
    panel.covariates.forEach((col, j) => {
      const off = earlier * n;
      for (let r = 0; r < n1; r++) x[(j + 1) * n1 + r] = col[off + (units[r] as number)] as number;
    });
    const design: Design = { n: n1, k, x };
    const pick = (a: Float64Array, p: number): Float64Array => {
      const out = f64(n1);
      const off = p * n;
      for (let r = 0; r < n1; r++) out[r] = a[off + (units[r] as number)] as number;
      return out;
    };
    const result = estimator({
      y1: pick(panel.y, cur),
      y0: pick(panel.y, pret),
      d,
      covariates: design,
      weights: pick(panel.weights, earlier),
      cell: { group: g, time: periods[cur] as number },
      overlapLimit: OVERLAP_LIMIT,
      skipStandardError: true,
      // Same units, covariates and weights (those of the earlier period): the same propensity score.
      propensityMemo: { key: `${sampleKey(g, threshold)}|${earlier}`, store: propensityStore },
    });
    att[c] = result.att;
    const scale = n / n1;
    const off = c * n;
    const inf = result.influence;
    for (let r = 0; r < n1; r++) influence[off + (units[r] as number)] = scale * (inf[r] as number);
    scratchRelease(mark);
  }));
  return {
    n,
    group,
    time,
    basePeriod: base,
    post,
    att,
    influence,
  };
}
