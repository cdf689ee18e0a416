import { f64, scratchMark, scratchRelease } from './scratch.js';

/**
 * Small dense solvers for the 2×2 DID estimators: weighted least squares by Householder QR and solves with the
 * resulting R'R, so that no cross-product matrix is ever inverted. Design matrices are column-major
 * `Float64Array`s: entry (i, j) of an n × k matrix is `x[j * n + i]`.
 *
 * Kept inside `csd/` on purpose: the shared `numeric/qr.ts` is being written in parallel, and these estimators
 * need only k ≲ 20 columns.
 */

/**
 * Collinearity threshold: column j is declared dependent on columns 0..j−1 when |R_jj| / ‖x_j‖ (the sine of
 * the angle between x_j and the span of the earlier columns) falls below it. Scale-free, unlike R's
 * `rcond(X'X) < eps`, to which it corresponds (rcond ≈ sine², and √eps ≈ 1.5e-8).
 */
export const COLLINEARITY_TOLERANCE = 1.5e-8;

/** An upper-triangular k × k factor, row-major. */
export interface TriangularFactor {
  readonly k: number;
  readonly r: Float64Array;
}

/** Result of a weighted least-squares fit. */
export interface LeastSquaresFit {
  readonly coefficients: Float64Array;
  /** R of the QR factorisation of √w·X, so X'WX = R'R. */
  readonly factor: TriangularFactor;
}

/** Thrown (and caught by the estimators, which rethrow a coded FtzError) when a design is rank deficient. */
export class SingularDesign extends Error {
  constructor(readonly column: number) {
    super(`column ${column} is collinear with the earlier columns`);
    this.name = 'SingularDesign';
  }
}

/**
 * Householder QR of √w·X with Q'(√w·y) carried along (Golub & Van Loan 2013, Matrix Computations, Alg. 5.2.1;
 * least squares §5.3.3). `x` is n × k column-major and is not modified. Rows with zero weight drop out.
 * Throws {@link SingularDesign} when a column is (numerically) in the span of the earlier ones.
 */
export function weightedLeastSquares(
  x: Float64Array,
  n: number,
  k: number,
  y: ArrayLike<number>,
  w?: ArrayLike<number>,
): LeastSquaresFit {
  const mark = scratchMark();
  const a = f64(n * k);
  const b = f64(n);
  for (let i = 0; i < n; i++) {
    const s = w === undefined ? 1 : Math.sqrt(w[i] as number);
    b[i] = s * (y[i] as number);
    for (let j = 0; j < k; j++) a[j * n + i] = s * (x[j * n + i] as number);
  }
  let r: Float64Array;
  let coefficients: Float64Array;
  try {
    r = householderInPlace(a, n, k, b);
    coefficients = Float64Array.from(b.subarray(0, k));
  } finally {
    scratchRelease(mark);
  }
  backSubstitute(r, k, coefficients);
  return { coefficients, factor: { k, r } };
}

/**
 * R factor of √w·X only (no right-hand side), for the Hessian of a weighted likelihood: X'WX = R'R.
 * Throws {@link SingularDesign} on collinear columns.
 */
export function weightedFactor(x: Float64Array, n: number, k: number, w: ArrayLike<number>): TriangularFactor {
  const mark = scratchMark();
  const a = f64(n * k);
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(w[i] as number);
    for (let j = 0; j < k; j++) a[j * n + i] = s * (x[j * n + i] as number);
  }
  try {
    return { k, r: householderInPlace(a, n, k, undefined) };
  } finally {
    scratchRelease(mark);
  }
}

/** Solves (R'R) z = b by a forward (R') and a back (R) triangular solve; returns z (b is not modified). */
export function solveNormal(factor: TriangularFactor, b: ArrayLike<number>): Float64Array {
  const { k, r } = factor;
  const z = Float64Array.from(b as ArrayLike<number>);
  // R' is lower triangular: forward substitution.
  for (let i = 0; i < k; i++) {
    let s = z[i] as number;
    for (let j = 0; j < i; j++) s -= (r[j * k + i] as number) * (z[j] as number);
    z[i] = s / (r[i * k + i] as number);
  }
  backSubstitute(r, k, z);
  return z;
}

/**
 * Cholesky factor of a symmetric positive-definite k × k matrix (row-major; upper triangle read), returned
 * as upper-triangular R with A = R'R, or `undefined` when A is not numerically positive definite (a pivot
 * below `tolerance` times the largest diagonal entry).
 */
export function cholesky(a: Float64Array, k: number, tolerance = 2.220446049250313e-16): TriangularFactor | undefined {
  const r = new Float64Array(k * k);
  let maxDiag = 0;
  for (let i = 0; i < k; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * k + i] as number));
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = a[i * k + j] as number;
      for (let p = 0; p < i; p++) s -= (r[p * k + i] as number) * (r[p * k + j] as number);
      if (j === i) {
        if (!(s > tolerance * maxDiag)) return undefined;
        r[i * k + i] = Math.sqrt(s);
      } else {
        r[i * k + j] = s / (r[i * k + i] as number);
      }
    }
  }
  return { k, r };
}

function backSubstitute(r: Float64Array, k: number, z: Float64Array): void {
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let j = i + 1; j < k; j++) s -= (r[i * k + j] as number) * (z[j] as number);
    z[i] = s / (r[i * k + i] as number);
  }
}

/**
 * Reduces `a` (n × k, column-major) to R in place, applying the same reflections to `b`; returns R row-major.
 * The Householder vector of step j is kept in column j itself (below the diagonal it equals the column, and
 * those entries are not needed again), with its first entry apart, so no copy is made: only the diagonal of
 * column j is reflected. Every sum is formed in the same order as with an explicit vector.
 */
function householderInPlace(a: Float64Array, n: number, k: number, b: Float64Array | undefined): Float64Array {
  if (n < k) throw new SingularDesign(n);
  const sums = new Float64Array(k);
  const norms = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (a[j * n + i] as number) ** 2;
    sums[j] = s;
    norms[j] = Math.sqrt(s);
  }
  for (let j = 0; j < k; j++) {
    const col = j * n;
    let norm = 0;
    if (j === 0) norm = sums[0] as number;
    else for (let i = j; i < n; i++) norm += (a[col + i] as number) ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > COLLINEARITY_TOLERANCE * (norms[j] as number)) || !(norms[j] as number > 0)) throw new SingularDesign(j);
    const ajj = a[col + j] as number;
    const alpha = ajj > 0 ? -norm : norm;
    const vj = ajj - alpha;
    // v'v, and v'(column j) for the reflection of the column's own diagonal entry
    let vv = 0 + vj ** 2;
    let dj = 0 + vj * ajj;
    for (let i = j + 1; i < n; i++) {
      const x = a[col + i] as number;
      vv += x ** 2;
      dj += x * x;
    }
    if (vv > 0) {
      const f = (2 * dj) / vv;
      if (f !== 0) a[col + j] = ajj - f * vj;
      for (let c = j + 1; c < k; c++) reflect(a, c * n, a, col, vj, j, n, vv);
      if (b !== undefined) reflect(b, 0, a, col, vj, j, n, vv);
    }
  }
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) r[i * k + j] = a[j * n + i] as number;
  return r;
}

/** x ← (I − 2vv'/v'v)x over rows from..n−1, with v = (vFirst, a[col + from + 1], …, a[col + n − 1]). */
function reflect(x: Float64Array, offset: number, a: Float64Array, col: number, vFirst: number, from: number, n: number, vv: number): void {
  let d = 0 + vFirst * (x[offset + from] as number);
  for (let i = from + 1; i < n; i++) d += (a[col + i] as number) * (x[offset + i] as number);
  const f = (2 * d) / vv;
  if (f === 0) return;
  x[offset + from] = (x[offset + from] as number) - f * vFirst;
  for (let i = from + 1; i < n; i++) x[offset + i] = (x[offset + i] as number) - f * (a[col + i] as number);
}
