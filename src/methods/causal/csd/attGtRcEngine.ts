import { FtzError } from '../../../core/errors.js';
import { OVERLAP_LIMIT, type AttGtCells, type AttGtEngineOptions, type EstMethod } from './attGtEngine.js';
import { drdidRc } from './drdidRc.js';
import { ipwdidRc } from './ipwdidRc.js';
import type { RcPanel } from './rcPanel.js';
import type { RcTwoByTwoInput } from './rcTwoByTwo.js';
import { regdidRc } from './regdidRc.js';
import type { Design, TwoByTwoResult } from './twoByTwo.js';

const ESTIMATORS: Record<EstMethod, (input: RcTwoByTwoInput) => TwoByTwoResult> = {
  reg: regdidRc,
  ipw: ipwdidRc,
  dr: drdidRc,
};

/**
 * ATT(g, t) for unbalanced panels and repeated cross sections (Callaway & Sant'Anna 2021, Section 4.2 and
 * Appendix; R did's `allow_unbalanced_panel = TRUE` / `panel = FALSE` path): each cell is a repeated-cross-
 * section 2×2 DID on the rows of cohort g and its comparison group observed in period t or in the base period
 * (same cohorts, base periods and comparison groups as {@link estimateAttGt}). Covariates and weights are each
 * row's own. The rows' influence functions are rescaled by n / n₁ (n units, n₁ rows in the cell) and summed
 * within each unit, so that a unit observed in both periods carries one clustered contribution.
 *
 * A cell without treated rows in one of its two periods throws `causal.group_without_treated`, one without
 * comparison rows `causal.no_control_units` (R did reports NA for such a cell and a warning).
 */
export function estimateAttGtRc(panel: RcPanel, groups: Int32Array, options: AttGtEngineOptions): AttGtCells {
  const { nUnits: n, periods, unitGroup } = panel;
  const nT = periods.length;
  const universal = options.basePeriod === 'universal';
  const tfac = universal ? 0 : 1;
  const tCount = universal ? nT : nT - 1;
  const estimator = ESTIMATORS[options.estMethod];
  const rowsByPeriod: number[][] = Array.from({ length: nT }, () => []);
  panel.rowPeriod.forEach((p, r) => rowsByPeriod[p]?.push(r));
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
    if (pretG < 0) continue;
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
      const inCell = (u: number): -1 | 0 | 1 => {
        const gu = unitGroup[u] as number;
        if (gu === g) return 1;
        const control = options.controlGroup === 'nevertreated' ? gu === 0 : gu === 0 || gu > threshold;
        return control ? 0 : -1;
      };
      const rows: number[] = [];
      const d: number[] = [];
      const postFlag: number[] = [];
      const counts = [0, 0, 0, 0];
      for (const [p, flag] of [[pret, 0], [cur, 1]] as const) {
        for (const r of rowsByPeriod[p] as number[]) {
          const c = inCell(panel.rowUnit[r] as number);
          if (c < 0) continue;
          rows.push(r);
          d.push(c);
          postFlag.push(flag);
          counts[2 * c + flag] = (counts[2 * c + flag] as number) + 1;
        }
      }
      checkCounts(counts, g, periods[pret] as number, periods[cur] as number, options);
      const n1 = rows.length;
      const x = new Float64Array(n1 * k);
      x.fill(1, 0, n1);
      panel.covariates.forEach((col, j) => {
        for (let q = 0; q < n1; q++) x[(j + 1) * n1 + q] = col[rows[q] as number] as number;
      });
      const design: Design = { n: n1, k, x };
      const result = estimator({
        y: Float64Array.from(rows, (r) => panel.y[r] as number),
        post: Float64Array.from(postFlag),
        d: Float64Array.from(d),
        covariates: design,
        weights: Float64Array.from(rows, (r) => panel.weights[r] as number),
        cell: { group: g, time: periods[cur] as number },
        overlapLimit: OVERLAP_LIMIT,
      });
      att.push(result.att);
      const column = new Float64Array(n);
      const scale = n / n1;
      rows.forEach((r, q) => {
        const u = panel.rowUnit[r] as number;
        column[u] = (column[u] as number) + scale * (result.influence[q] as number);
      });
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

/** counts = [comparison pre, comparison post, treated pre, treated post]. */
function checkCounts(counts: readonly number[], g: number, pre: number, cur: number, options: AttGtEngineOptions): void {
  const cell = `group ${g}, period ${cur}`;
  if (counts[3] === 0 || counts[2] === 0) {
    throw new FtzError('causal.group_without_treated', { group: String(g), detail: `${cell}: no row of cohort ${g} in period ${counts[3] === 0 ? cur : pre}` });
  }
  if (counts[1] === 0 || counts[0] === 0) {
    throw new FtzError('causal.no_control_units', {
      control: options.controlGroup === 'nevertreated' ? 'never-treated' : 'not-yet-treated',
      detail: `${cell}: no comparison row in period ${counts[1] === 0 ? cur : pre}`,
    });
  }
}
