import { FtzError } from '../../../core/errors.js';
import { NeumaierAccumulator } from '../../../numeric/neumaierSum.js';
import { f64 } from './scratch.js';

/** A column-major n × k design matrix; column 0 is the intercept when built by {@link interceptDesign}. */
export interface Design {
  readonly n: number;
  readonly k: number;
  readonly x: Float64Array;
}

/** The (g, t) cell a 2×2 comparison belongs to, so errors can name it; standalone 2×2 calls use (1, 1). */
export interface CellLabel {
  readonly group: number;
  readonly time: number;
}

/** Input of the panel 2×2 DID estimators (one row per unit). */
export interface PanelTwoByTwoInput {
  /** Outcome in the post period. */
  readonly y1: ArrayLike<number>;
  /** Outcome in the pre (base) period. */
  readonly y0: ArrayLike<number>;
  /** 1 for treated units, 0 for comparison units. */
  readonly d: ArrayLike<number>;
  /** Covariate columns without the intercept (one is added), or a ready design matrix with its intercept. */
  readonly covariates?: readonly ArrayLike<number>[] | Design;
  /** Sampling weights (non-negative); normalised to mean one, as DRDID does. */
  readonly weights?: ArrayLike<number>;
  /** Names the (g, t) cell in error messages. */
  readonly cell?: CellLabel;
  /**
   * When set, a fitted propensity score at or above it throws `causal.perfect_prediction` (R did's overlap
   * guard uses 0.999). Unset, DRDID's behaviour: comparison units above 0.995 are trimmed, nothing is thrown.
   */
  readonly overlapLimit?: number;
  /** Leave `se` NaN (the ATT(g, t) engine uses only the influence function). */
  readonly skipStandardError?: boolean;
  /**
   * Reuse of the propensity score between comparisons with the same units, treatment, covariates and weights
   * (the post-treatment cells of a cohort share their base period): `key` names those inputs, and `store`
   * keeps the last fit (a fit depends on nothing else, so reuse gives the same numbers).
   */
  readonly propensityMemo?: PropensityMemo;
}

/** See {@link PanelTwoByTwoInput.propensityMemo}. */
export interface PropensityMemo {
  readonly key: string;
  readonly store: Map<string, unknown>;
}

/** Output of every 2×2 estimator. */
export interface TwoByTwoResult {
  readonly att: number;
  /** Analytic standard error sd(ψ)·√(n−1)/n, as DRDID reports it. */
  readonly se: number;
  /** Influence function ψ_i, one entry per unit, so that att − ATT ≈ mean(ψ). */
  readonly influence: Float64Array;
}

/** The arrays every panel 2×2 estimator starts from. */
export interface PreparedPanel {
  readonly n: number;
  readonly dy: Float64Array;
  readonly d: Float64Array;
  /** weights / mean(weights) */
  readonly w: Float64Array;
  readonly design: Design;
  readonly cell: CellLabel;
  readonly overlapLimit: number;
  readonly propensityMemo?: PropensityMemo;
}

/** Builds [1, c_1, …, c_m] column-major. */
export function interceptDesign(n: number, columns: readonly ArrayLike<number>[] = []): Design {
  const k = columns.length + 1;
  const x = f64(n * k);
  x.fill(1, 0, n);
  columns.forEach((c, j) => {
    if (c.length !== n) throw new FtzError('causal.bad_panel', { detail: `covariate ${j + 1} has ${c.length} values, expected ${n}` });
    for (let i = 0; i < n; i++) x[(j + 1) * n + i] = c[i] as number;
  });
  return { n, k, x };
}

function isDesign(c: PanelTwoByTwoInput['covariates']): c is Design {
  return c !== undefined && !Array.isArray(c) && typeof (c as Design).k === 'number';
}

/** Validates a panel 2×2 input and computes ΔY and normalised weights. */
export function preparePanel(input: PanelTwoByTwoInput): PreparedPanel {
  const n = input.d.length;
  const cell = input.cell ?? { group: 1, time: 1 };
  if (input.y1.length !== n || input.y0.length !== n) {
    throw new FtzError('causal.bad_panel', { detail: `y1 (${input.y1.length}), y0 (${input.y0.length}) and d (${n}) differ in length` });
  }
  const design = isDesign(input.covariates) ? input.covariates : interceptDesign(n, input.covariates ?? []);
  if (design.n !== n) throw new FtzError('causal.bad_panel', { detail: `the design has ${design.n} rows, expected ${n}` });
  const dy = f64(n);
  const d = f64(n);
  const w = f64(n);
  let treated = 0;
  for (let i = 0; i < n; i++) {
    const di = input.d[i] as number;
    if (di !== 0 && di !== 1) throw new FtzError('causal.bad_panel', { detail: `treatment indicator of unit ${i + 1} is ${di}, not 0 or 1` });
    d[i] = di;
    treated += di;
    dy[i] = (input.y1[i] as number) - (input.y0[i] as number);
    if (!Number.isFinite(dy[i])) throw new FtzError('causal.bad_panel', { detail: `outcome of unit ${i + 1} is not finite` });
    const wi = input.weights === undefined ? 1 : (input.weights[i] as number);
    if (!(wi >= 0) || !Number.isFinite(wi)) throw new FtzError('causal.bad_panel', { detail: `weight of unit ${i + 1} is ${wi}; weights must be finite and non-negative` });
    w[i] = wi;
  }
  if (treated === 0) throw new FtzError('causal.bad_panel', { detail: `no treated units in group ${cell.group}, period ${cell.time}` });
  if (treated === n) throw new FtzError('causal.no_control_units', { control: 'comparison', detail: `group ${cell.group}, period ${cell.time}` });
  const meanW = mean(w);
  if (!(meanW > 0)) throw new FtzError('causal.bad_panel', { detail: 'the weights sum to zero' });
  for (let i = 0; i < n; i++) w[i] = (w[i] as number) / meanW;
  return { n, dy, d, w, design, cell, overlapLimit: input.overlapLimit ?? Number.POSITIVE_INFINITY, ...(input.propensityMemo ? { propensityMemo: input.propensityMemo } : {}) };
}

/** Compensated mean. */
export function mean(v: ArrayLike<number>): number {
  const acc = new NeumaierAccumulator();
  for (let i = 0; i < v.length; i++) acc.add(v[i] as number);
  return acc.value / v.length;
}

/** colMeans(v ⊙ X): the k-vector (1/n) Σ v_i x_i. */
export function weightedColumnMeans(design: Design, v: ArrayLike<number>): Float64Array {
  const { n, k, x } = design;
  const out = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const acc = new NeumaierAccumulator();
    for (let i = 0; i < n; i++) acc.add((v[i] as number) * (x[j * n + i] as number));
    out[j] = acc.value / n;
  }
  return out;
}

/** x_i'z for every row i. */
export function rowDot(design: Design, z: ArrayLike<number>): Float64Array {
  const { n, k, x } = design;
  const out = f64(n);
  for (let j = 0; j < k; j++) {
    const zj = z[j] as number;
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + zj * (x[j * n + i] as number);
  }
  return out;
}

/** The rows of `design` where `keep` is non-zero, as a new design. */
export function subsetDesign(design: Design, keep: ArrayLike<number>): Design {
  const { n, k, x } = design;
  let m = 0;
  for (let i = 0; i < n; i++) if (keep[i] as number) m++;
  const out = f64(m * k);
  for (let j = 0; j < k; j++) {
    let r = 0;
    for (let i = 0; i < n; i++) if (keep[i] as number) out[j * m + r++] = x[j * n + i] as number;
  }
  return { n: m, k, x: out };
}

/** The entries of v where `keep` is non-zero. */
export function subsetVector(v: ArrayLike<number>, keep: ArrayLike<number>): Float64Array {
  let m = 0;
  for (let i = 0; i < v.length; i++) if (keep[i] as number) m++;
  const out = f64(m);
  let r = 0;
  for (let i = 0; i < v.length; i++) if (keep[i] as number) out[r++] = v[i] as number;
  return out;
}

/** DRDID's analytic standard error: sd(ψ)·√(n−1)/n = √(Σ(ψ_i − ψ̄)²)/n. */
export function influenceStandardError(psi: Float64Array): number {
  const n = psi.length;
  const m = mean(psi);
  const acc = new NeumaierAccumulator();
  for (let i = 0; i < n; i++) acc.add(((psi[i] as number) - m) ** 2);
  return Math.sqrt(acc.value) / n;
}
