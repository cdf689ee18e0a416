import { FtzError } from '../../core/errors.js';

/**
 * A dense matrix stored row-major: entry (i, j) is `values[i * cols + j]`. Every input–output table here uses
 * this one shape. Industries follow pymrio's (region, sector) order, region outermost: industry index
 * `r * sectors + i` is sector `i` of region `r`. Final-demand columns follow (region, category) in the same
 * way: column `r * categories + c` is category `c` of demanding region `r`.
 */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
}

/**
 * Builds a {@link DenseMatrix} from rows of numbers (JSON, spreadsheets). Throws `carbon.bad_matrix` for
 * ragged rows; values are checked later by the method that reads them, which knows what the matrix means.
 *
 * @example
 * denseMatrix([[1, 2], [3, 4]]).values; // Float64Array [1, 2, 3, 4]
 */
export function denseMatrix(data: readonly (readonly number[])[], what = 'matrix'): DenseMatrix {
  const rows = data.length;
  const cols = data[0]?.length ?? 0;
  const values = new Float64Array(rows * cols);
  data.forEach((row, i) => {
    if (row.length !== cols) throw new FtzError('carbon.bad_matrix', { what, detail: `row ${i + 1} has ${row.length} entries, row 1 has ${cols}` });
    values.set(row, i * cols);
  });
  return { rows, cols, values };
}

/** The rows of a {@link DenseMatrix} as plain arrays (for JSON and tables). */
export function matrixRows(m: DenseMatrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.values.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** The intermediate and final-demand tables of a multi-regional input–output system. */
export interface MrioTables {
  /** Intermediate flows Z, n × n with n = regions × sectors: Z[(o,i),(r,j)] is what sector j of r buys from sector i of o. */
  readonly Z: DenseMatrix;
  /** Final demand Y, n × (regions × categories): what each demanding region's categories buy from each industry. */
  readonly Y: DenseMatrix;
  readonly regions: number;
  /** Final-demand categories per region (households, government, investment…), summed per region; default 1. */
  readonly categories?: number;
  /** Total output x, length n; default Z·1 + Y·1 (pymrio `calc_x`). Give it when the table has a discrepancy column. */
  readonly x?: ArrayLike<number>;
}

/** The demand-driven Leontief model of an MRIO (Miller & Blair 2009, Input–Output Analysis, 2nd ed., ch. 2–3). */
export interface LeontiefModel {
  readonly regions: number;
  readonly sectors: number;
  /** Final-demand categories per region in the input (the layout direct final-demand emissions must follow). */
  readonly categories: number;
  /** Total output. */
  readonly x: Float64Array;
  /** Technical coefficients A = Z · diag(x)⁻¹, with the columns of industries whose output is 0 set to 0. */
  readonly A: DenseMatrix;
  /** Leontief inverse L = (I − A)⁻¹. */
  readonly L: DenseMatrix;
  /** Final demand summed over categories: n × regions (pymrio's `Y_agg`). */
  readonly Y: DenseMatrix;
}

/**
 * The Leontief model of an MRIO: total output (when not given), technical coefficients, Leontief inverse and
 * final demand per demanding region. Follows pymrio's `calc_x`, `calc_A` and `calc_L` (IndEcol/pymrio,
 * `pymrio/tools/iomath.py`): x = Z·1 + Y·1, A = Z·diag(1/x) with 1/0 read as 0 (an industry that produces
 * nothing has no input structure, and its column would otherwise be ∞ or NaN), L = (I − A)⁻¹.
 *
 * Throws `carbon.option_invalid` for a non-integer region or category count, `carbon.bad_matrix` for shapes that
 * disagree, non-finite entries or a negative total output, and `carbon.singular_leontief` when I − A cannot be
 * inverted.
 *
 * @example
 * const model = leontiefModel({ Z: denseMatrix([[150, 500], [200, 100]]), Y: denseMatrix([[350], [1700]]), regions: 1 });
 * model.L.values; // ≈ [1.2541, 0.3300, 0.2640, 1.1221] (Miller & Blair 2009, Table 2.3)
 */
export function leontiefModel(tables: MrioTables): LeontiefModel {
  const { Z, regions } = tables;
  const categories = tables.categories ?? 1;
  requireCount('regions', regions);
  requireCount('categories', categories);
  checkMatrix(Z, 'intermediate flows Z');
  const n = Z.rows;
  if (Z.cols !== n) throw new FtzError('carbon.bad_matrix', { what: 'intermediate flows Z', detail: `it is ${Z.rows} × ${Z.cols}, not square` });
  if (n === 0 || n % regions !== 0) {
    throw new FtzError('carbon.bad_matrix', { what: 'intermediate flows Z', detail: `${n} industries cannot be split into ${regions} regions of equal sector count` });
  }
  const Y = sumFinalDemandCategories(tables.Y, regions, categories, n);
  const x = tables.x === undefined ? totalOutput(Z, tables.Y) : checkedOutput(tables.x, n);
  const A = technicalCoefficients(Z, x);
  const L = leontiefInverse(A);
  return { regions, sectors: n / regions, categories, x, A, L, Y };
}

/**
 * Total output x = Z·1 + Y·1 (pymrio `calc_x`): every industry's output is what other industries and final
 * users buy from it. Throws `carbon.bad_matrix` when a row sums to a negative output (negative inventory
 * changes larger than sales), since A would then flip the sign of a column.
 *
 * @example
 * totalOutput(denseMatrix([[150, 500], [200, 100]]), denseMatrix([[350], [1700]])); // [1000, 2000]
 */
export function totalOutput(Z: DenseMatrix, Y: DenseMatrix): Float64Array {
  checkMatrix(Z, 'intermediate flows Z');
  checkMatrix(Y, 'final demand Y');
  if (Y.rows !== Z.rows) throw new FtzError('carbon.bad_matrix', { what: 'final demand Y', detail: `it has ${Y.rows} rows, Z has ${Z.rows}` });
  const x = new Float64Array(Z.rows);
  for (let i = 0; i < Z.rows; i++) {
    let s = 0;
    for (let j = 0; j < Z.cols; j++) s += Z.values[i * Z.cols + j] as number;
    for (let c = 0; c < Y.cols; c++) s += Y.values[i * Y.cols + c] as number;
    x[i] = s;
  }
  return checkedOutput(x, Z.rows);
}

/**
 * Technical coefficients A = Z · diag(x)⁻¹ (pymrio `calc_A`), also the intensities S = F · diag(x)⁻¹ when
 * given a stressor matrix. Columns with x_j = 0 are set to 0, as pymrio does.
 *
 * @example
 * technicalCoefficients(denseMatrix([[150, 500], [200, 100]]), [1000, 2000]).values; // [0.15, 0.25, 0.2, 0.05]
 */
export function technicalCoefficients(Z: DenseMatrix, x: ArrayLike<number>, what = 'intermediate flows Z'): DenseMatrix {
  checkMatrix(Z, what);
  const out = checkedOutput(x, Z.cols);
  const values = new Float64Array(Z.rows * Z.cols);
  for (let j = 0; j < Z.cols; j++) {
    const xj = out[j] as number;
    const inv = xj === 0 ? 0 : 1 / xj;
    for (let i = 0; i < Z.rows; i++) values[i * Z.cols + j] = (Z.values[i * Z.cols + j] as number) * inv;
  }
  return { rows: Z.rows, cols: Z.cols, values };
}

/**
 * The Leontief inverse L = (I − A)⁻¹, by LU factorisation with partial pivoting (Golub & Van Loan 2013, Matrix
 * Computations, 4th ed., §3.4) and n triangular solves. The explicit inverse is wanted here, not a
 * solve: the multipliers S·L and every account read all its columns, and pymrio reports it.
 *
 * Throws `carbon.singular_leontief` when a pivot is negligible (|u_kk| ≤ n·ε·max|I − A|) or L overflows.
 *
 * @example
 * leontiefInverse(denseMatrix([[0.15, 0.25], [0.2, 0.05]])).values; // ≈ [1.2541, 0.3300, 0.2640, 1.1221]
 */
export function leontiefInverse(A: DenseMatrix): DenseMatrix {
  checkMatrix(A, 'technical coefficients A');
  const n = A.rows;
  if (A.cols !== n) throw new FtzError('carbon.bad_matrix', { what: 'technical coefficients A', detail: `it is ${A.rows} × ${A.cols}, not square` });
  const lu = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) lu[k] = -(A.values[k] as number);
  for (let i = 0; i < n; i++) lu[i * n + i] = 1 + (lu[i * n + i] as number);
  const pivot = luFactorInPlace(lu, n);
  const values = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    column.fill(0);
    column[j] = 1;
    luSolveInPlace(lu, pivot, n, column);
    for (let i = 0; i < n; i++) {
      const v = column[i] as number;
      if (!Number.isFinite(v)) throw new FtzError('carbon.singular_leontief', { detail: `entry (${i + 1}, ${j + 1}) of L is not finite` });
      values[i * n + j] = v;
    }
  }
  return { rows: n, cols: n, values };
}

/**
 * Sums final-demand categories per demanding region: Y is n × (regions × categories), columns region-major;
 * the result is n × regions (pymrio `Y.T.groupby(level="region").sum().T`).
 *
 * @example
 * sumFinalDemandCategories(denseMatrix([[1, 2, 3, 4]]), 2, 2).values; // [3, 7]
 */
export function sumFinalDemandCategories(Y: DenseMatrix, regions: number, categories: number, rows = Y.rows, what = 'final demand Y'): DenseMatrix {
  requireCount('regions', regions);
  requireCount('categories', categories);
  checkMatrix(Y, what);
  if (Y.rows !== rows) throw new FtzError('carbon.bad_matrix', { what, detail: `it has ${Y.rows} rows, expected ${rows}` });
  if (Y.cols !== regions * categories) {
    throw new FtzError('carbon.bad_matrix', { what, detail: `it has ${Y.cols} columns, expected ${regions} regions × ${categories} categories = ${regions * categories}` });
  }
  const values = new Float64Array(Y.rows * regions);
  for (let i = 0; i < Y.rows; i++) {
    for (let r = 0; r < regions; r++) {
      let s = 0;
      for (let c = 0; c < categories; c++) s += Y.values[i * Y.cols + r * categories + c] as number;
      values[i * regions + r] = s;
    }
  }
  return { rows: Y.rows, cols: regions, values };
}

/** Product a·b of row-major matrices (internal; i-k-j order so the inner loop runs along rows of b). */
export function multiply(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  if (a.cols !== b.rows) throw new FtzError('carbon.bad_matrix', { what: 'matrix product', detail: `${a.rows} × ${a.cols} times ${b.rows} × ${b.cols}` });
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    const row = i * b.cols;
    for (let k = 0; k < a.cols; k++) {
      const aik = a.values[i * a.cols + k] as number;
      if (aik === 0) continue;
      const bk = k * b.cols;
      for (let j = 0; j < b.cols; j++) out[row + j] = (out[row + j] as number) + aik * (b.values[bk + j] as number);
    }
  }
  return { rows: a.rows, cols: b.cols, values: out };
}

/** Throws `carbon.bad_matrix` when the storage does not match the shape or an entry is not finite (internal). */
export function checkMatrix(m: DenseMatrix, what: string): void {
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 0 || m.cols < 0 || m.values.length !== m.rows * m.cols) {
    throw new FtzError('carbon.bad_matrix', { what, detail: `shape ${m.rows} × ${m.cols} does not match ${m.values.length} stored values` });
  }
  for (let k = 0; k < m.values.length; k++) {
    const v = m.values[k] as number;
    if (!Number.isFinite(v)) {
      throw new FtzError('carbon.bad_matrix', { what, detail: `entry (${Math.floor(k / m.cols) + 1}, ${(k % m.cols) + 1}) is ${v}` });
    }
  }
}

function checkedOutput(x: ArrayLike<number>, n: number): Float64Array {
  if (x.length !== n) throw new FtzError('carbon.bad_matrix', { what: 'total output x', detail: `it has ${x.length} entries, expected ${n}` });
  const out = Float64Array.from(x);
  for (let j = 0; j < n; j++) {
    const v = out[j] as number;
    if (!Number.isFinite(v) || v < 0) throw new FtzError('carbon.bad_matrix', { what: 'total output x', detail: `industry ${j + 1} has output ${v}; outputs must be finite and non-negative` });
  }
  return out;
}

function requireCount(option: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new FtzError('carbon.option_invalid', { option, value: String(value), reason: 'must be a positive integer' });
}

/**
 * In-place LU with partial pivoting of the row-major n × n matrix `lu` (Doolittle, unit lower triangle stored
 * below the diagonal). Returns the row permutation.
 */
function luFactorInPlace(lu: Float64Array, n: number): Int32Array {
  let scale = 0;
  for (let k = 0; k < n * n; k++) scale = Math.max(scale, Math.abs(lu[k] as number));
  const tolerance = n * Number.EPSILON * scale;
  const pivot = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k] as number);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > tolerance)) {
      throw new FtzError('carbon.singular_leontief', { detail: `pivot ${k + 1} of ${n} is ${best.toExponential(2)}, at most ${tolerance.toExponential(2)}` });
    }
    pivot[k] = p;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j] as number;
        lu[k * n + j] = lu[p * n + j] as number;
        lu[p * n + j] = t;
      }
    }
    const ukk = lu[k * n + k] as number;
    for (let i = k + 1; i < n; i++) {
      const lik = (lu[i * n + k] as number) / ukk;
      lu[i * n + k] = lik;
      if (lik === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] = (lu[i * n + j] as number) - lik * (lu[k * n + j] as number);
    }
  }
  return pivot;
}

/** Solves (LU) z = P b in place for one right-hand side. */
function luSolveInPlace(lu: Float64Array, pivot: Int32Array, n: number, b: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const p = pivot[k] as number;
    if (p !== k) {
      const t = b[k] as number;
      b[k] = b[p] as number;
      b[p] = t;
    }
  }
  for (let i = 1; i < n; i++) {
    let s = b[i] as number;
    for (let j = 0; j < i; j++) s -= (lu[i * n + j] as number) * (b[j] as number);
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let j = i + 1; j < n; j++) s -= (lu[i * n + j] as number) * (b[j] as number);
    b[i] = s / (lu[i * n + i] as number);
  }
}
