import type { BalancedPanel } from './balancedPanel.js';
import { drdidPanel } from './drdidPanel.js';
import { ipwdidPanel } from './ipwdidPanel.js';
import { regdidPanel } from './regdidPanel.js';
import type { Design, PanelTwoByTwoInput, TwoByTwoResult } from './twoByTwo.js';
import { FtzError } from '../../../core/errors.js';

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
const OVERLAP_LIMIT = 0.999;

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
  const group: number[] = [];
  const time: number[] = [];
  const base: number[] = [];
  const post: number[] = [];
  const att: number[] = [];
  const columns: Float64Array[] = [];
  const k = panel.covariates.length + 1;

  for (const g of groups) {
    let pretG = -1;
    for (let p = 0; p < nT; p++) if ((periods[p] as number) + options.anticipation < g) pretG = p;
    if (pretG < 0) continue; // excluded upstream: no pre-treatment period
    for (let t = 0; t < tCount; t++) {
      const cur = t + tfac;
      const isPost = g <= (periods[cur] as number);
      const pret = universal || isPost ? pretG : t;
      group.push(g);
      time.push(periods[cur] as number);
      base.push(periods[pret] as number);
      if (universal && pret === cur) {
        post.push(0);
        att.push(0);
        columns.push(new Float64Array(n));
        continue;
      }
      post.push(isPost ? 1 : 0);
      const threshold = Math.max(periods[cur] as number, periods[pret] as number) + options.anticipation;
      const units: number[] = [];
      const d: number[] = [];
      for (let i = 0; i < n; i++) {
        const gi = unitGroup[i] as number;
        const treated = gi === g;
        const control = options.controlGroup === 'nevertreated' ? gi === 0 : gi === 0 || (gi > threshold && gi !== g);
        if (treated || control) {
          units.push(i);
          d.push(treated ? 1 : 0);
        }
      }
      const n1 = units.length;
      if (!d.includes(0)) {
        throw new FtzError('causal.no_control_units', {
          control: options.controlGroup === 'nevertreated' ? 'never-treated' : 'not-yet-treated',
          detail: `group ${g}, period ${periods[cur]}`,
        });
      }
      const earlier = Math.min(cur, pret);
      const x = new Float64Array(n1 * k);
      x.fill(1, 0, n1);
      panel.covariates.forEach((col, j) => {
        for (let r = 0; r < n1; r++) x[(j + 1) * n1 + r] = col[earlier * n + (units[r] as number)] as number;
      });
      const design: Design = { n: n1, k, x };
      const pick = (a: Float64Array, p: number): Float64Array => Float64Array.from(units, (u) => a[p * n + u] as number);
      const result = estimator({
        y1: pick(panel.y, cur),
        y0: pick(panel.y, pret),
        d: Float64Array.from(d),
        covariates: design,
        weights: pick(panel.weights, earlier),
        cell: { group: g, time: periods[cur] as number },
        overlapLimit: OVERLAP_LIMIT,
      });
      att.push(result.att);
      const column = new Float64Array(n);
      const scale = n / n1;
      units.forEach((u, r) => (column[u] = scale * (result.influence[r] as number)));
      columns.push(column);
    }
  }
  const K = columns.length;
  const influence = new Float64Array(n * K);
  columns.forEach((c, j) => influence.set(c, j * n));
  return {
    n,
    group: Int32Array.from(group),
    time: Int32Array.from(time),
    basePeriod: Int32Array.from(base),
    post: Uint8Array.from(post),
    att: Float64Array.from(att),
    influence,
  };
}
