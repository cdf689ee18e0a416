import { FtzError } from '../../../core/errors.js';
import { NeumaierAccumulator } from '../../../numeric/neumaierSum.js';
import { SingularDesign, solveNormal, weightedLeastSquares, type TriangularFactor } from './linearSolve.js';
import { logitPropensityScore, type PropensityScore } from './nuisanceModels.js';
import { interceptDesign, mean, rowDot, subsetDesign, subsetVector, type CellLabel, type Design } from './twoByTwo.js';

/**
 * Input of the repeated-cross-section 2×2 DID estimators: one entry per observation (row), each observed in
 * either the pre or the post period. Rows of the same unit may appear in both periods (an unbalanced panel run
 * as repeated cross sections); the estimators treat them as separate draws, the caller sums their influence
 * by unit.
 */
export interface RcTwoByTwoInput {
  readonly y: ArrayLike<number>;
  /** 1 for rows of the post (current) period, 0 for the pre (base) period. */
  readonly post: ArrayLike<number>;
  /** 1 for treated rows, 0 for comparison rows. */
  readonly d: ArrayLike<number>;
  /** Covariate columns without the intercept (one is added), or a ready design matrix with its intercept. */
  readonly covariates?: readonly ArrayLike<number>[] | Design;
  /** Sampling weights (non-negative); normalised to mean one, as DRDID does. */
  readonly weights?: ArrayLike<number>;
  readonly cell?: CellLabel;
  /** As in the panel estimators: a fitted propensity score at or above it throws `causal.perfect_prediction`. */
  readonly overlapLimit?: number;
}

/** The arrays every repeated-cross-section 2×2 estimator starts from. */
export interface PreparedRc {
  readonly n: number;
  readonly y: Float64Array;
  readonly post: Float64Array;
  readonly d: Float64Array;
  /** weights / mean(weights) */
  readonly w: Float64Array;
  readonly design: Design;
  readonly cell: CellLabel;
  readonly overlapLimit: number;
}

/** A weighted OLS fit on one (group, period) cell with fitted values x_r'β̂ for every row. */
export interface CellRegression {
  readonly fitted: Float64Array;
  /** R with Σ_cell w_r x_r x_r' = R'R. */
  readonly factor: TriangularFactor;
  /** Rows of the cell (1) and the others (0). */
  readonly inCell: Float64Array;
}

const CELL_NAMES = [
  ['comparison rows in the pre period', 'comparison rows in the post period'],
  ['treated rows in the pre period', 'treated rows in the post period'],
] as const;

/** Validates a repeated-cross-section 2×2 input; every (treated, period) cell must hold a row. */
export function prepareRc(input: RcTwoByTwoInput): PreparedRc {
  const n = input.d.length;
  const cell = input.cell ?? { group: 1, time: 1 };
  if (input.y.length !== n || input.post.length !== n) {
    throw new FtzError('causal.bad_panel', { detail: `y (${input.y.length}), post (${input.post.length}) and d (${n}) differ in length` });
  }
  const cov = input.covariates;
  const design = cov !== undefined && !Array.isArray(cov) && typeof (cov as Design).k === 'number' ? (cov as Design) : interceptDesign(n, (cov ?? []) as readonly ArrayLike<number>[]);
  if (design.n !== n) throw new FtzError('causal.bad_panel', { detail: `the design has ${design.n} rows, expected ${n}` });
  const y = new Float64Array(n);
  const post = new Float64Array(n);
  const d = new Float64Array(n);
  const w = new Float64Array(n);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const di = input.d[i] as number;
    const pi = input.post[i] as number;
    if (di !== 0 && di !== 1) throw new FtzError('causal.bad_panel', { detail: `treatment indicator of row ${i + 1} is ${di}, not 0 or 1` });
    if (pi !== 0 && pi !== 1) throw new FtzError('causal.bad_panel', { detail: `post indicator of row ${i + 1} is ${pi}, not 0 or 1` });
    d[i] = di;
    post[i] = pi;
    counts[2 * di + pi] = (counts[2 * di + pi] as number) + 1;
    y[i] = input.y[i] as number;
    if (!Number.isFinite(y[i])) throw new FtzError('causal.bad_panel', { detail: `outcome of row ${i + 1} is not finite` });
    const wi = input.weights === undefined ? 1 : (input.weights[i] as number);
    if (!(wi >= 0) || !Number.isFinite(wi)) throw new FtzError('causal.bad_panel', { detail: `weight of row ${i + 1} is ${wi}; weights must be finite and non-negative` });
    w[i] = wi;
  }
  for (let c = 0; c < 4; c++) {
    if (counts[c] !== 0) continue;
    const what = CELL_NAMES[c >> 1]?.[c & 1] as string;
    const detail = `no ${what} (group ${cell.group}, period ${cell.time})`;
    if (c >> 1 === 1) throw new FtzError('causal.group_without_treated', { group: String(cell.group), detail });
    throw new FtzError('causal.no_control_units', { control: 'comparison', detail });
  }
  const meanW = mean(w);
  if (!(meanW > 0)) throw new FtzError('causal.bad_panel', { detail: 'the weights sum to zero' });
  for (let i = 0; i < n; i++) w[i] = (w[i] as number) / meanW;
  return { n, y, post, d, w, design, cell, overlapLimit: input.overlapLimit ?? Number.POSITIVE_INFINITY };
}

/**
 * Weighted OLS of y on X among the rows with D = `treated` and post = `post` (DRDID's per-period outcome
 * regressions), with fitted values for every row. Collinear covariates in the cell throw
 * `causal.singular_design`.
 */
export function cellRegression(p: PreparedRc, treated: 0 | 1, post: 0 | 1): CellRegression {
  const inCell = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) inCell[i] = p.d[i] === treated && p.post[i] === post ? 1 : 0;
  const xc = subsetDesign(p.design, inCell);
  try {
    const fit = weightedLeastSquares(xc.x, xc.n, xc.k, subsetVector(p.y, inCell), subsetVector(p.w, inCell));
    return { fitted: rowDot(p.design, fit.coefficients), factor: fit.factor, inCell };
  } catch (e) {
    if (e instanceof SingularDesign) {
      throw new FtzError('causal.singular_design', {
        what: `the outcome regression of ${CELL_NAMES[treated][post]} (group ${p.cell.group}, period ${p.cell.time})`,
        detail: `covariate column ${e.column} is collinear with the earlier columns (column 0 is the intercept)`,
      });
    }
    throw e;
  }
}

/** The pooled logit P(D = 1 | X) over both periods' rows, with the panel estimators' checks. */
export function rcPropensityScore(p: PreparedRc): PropensityScore {
  // The logit reads n, design, d, w, cell and overlapLimit only; dy is a placeholder.
  return logitPropensityScore({ n: p.n, dy: p.y, d: p.d, w: p.w, design: p.design, cell: p.cell, overlapLimit: p.overlapLimit });
}

/**
 * One term of an asymptotic linear representation: a_r·x_r'(H/n)⁻¹m for every row, where a_r·x_r is the row's
 * score (logit) or OLS moment and H = R'R. One solve, no explicit inverse.
 */
export function linearTerm(p: PreparedRc, scale: ArrayLike<number>, factor: TriangularFactor, m: Float64Array): Float64Array {
  const z = solveNormal(factor, m);
  for (let j = 0; j < z.length; j++) z[j] = (z[j] as number) * p.n;
  const out = rowDot(p.design, z);
  for (let i = 0; i < p.n; i++) out[i] = (out[i] as number) * (scale[i] as number);
  return out;
}

/** The OLS moment scale of a cell regression: w_r·1{r in cell}·(y_r − x_r'β̂). */
export function olsScale(p: PreparedRc, reg: CellRegression): Float64Array {
  return Float64Array.from(reg.inCell, (c, i) => c * (p.w[i] as number) * ((p.y[i] as number) - (reg.fitted[i] as number)));
}

/**
 * A Hájek (ratio) mean a = Σ v_r z_r / Σ v_r with the leading term of its influence function,
 * v_r (z_r − a) / mean(v) — the building block of every DRDID repeated-cross-section estimator.
 */
export function hajek(v: Float64Array, z: ArrayLike<number>): { readonly value: number; readonly meanWeight: number; readonly influence: Float64Array } {
  const n = v.length;
  const num = new NeumaierAccumulator();
  for (let i = 0; i < n; i++) num.add((v[i] as number) * (z[i] as number));
  const meanWeight = mean(v);
  const value = num.value / n / meanWeight;
  const influence = new Float64Array(n);
  for (let i = 0; i < n; i++) influence[i] = ((v[i] as number) * ((z[i] as number) - value)) / meanWeight;
  return { value, meanWeight, influence };
}
