import { FtzError } from '../../core/errors.js';
import { studentTTwoSided } from '../../numeric/distributions.js';

export interface OlsResult {
  readonly coefficients: Float64Array;
  readonly standardErrors: Float64Array;
  readonly t: Float64Array;
  readonly p: Float64Array;
  readonly residualDf: number;
  /** Residual variance s² = e'e/(n − p). */
  readonly sigma2: number;
  readonly rSquared: number;
}

/**
 * Ordinary least squares with classical (iid) standard errors by Householder QR of X (Golub & Van Loan 2013,
 * Matrix Computations, Alg. 5.2.1 and §5.3.3): β solves Rβ = Q'y, Var(β) = s²(R'R)⁻¹ via back-substitution,
 * never forming X'X. `columns[j]` is the j-th regressor (include a column of ones for an intercept).
 * Small dense problems only (the convergence regressions); the panel estimators have their own engine.
 */
export function ols(y: ArrayLike<number>, columns: ReadonlyArray<ArrayLike<number>>): OlsResult {
  const n = y.length;
  const p = columns.length;
  if (n <= p) throw new FtzError('disparity.too_few_units', { method: 'OLS', n, min: p + 1 });
  // Column-major copy of X and a copy of y, reduced in place.
  const A = columns.map((c) => {
    if (c.length !== n) throw new FtzError('disparity.length_mismatch', { what: 'OLS regressor', expected: n, found: c.length });
    return Float64Array.from(c);
  });
  const b = Float64Array.from(y);
  const yMean = b.reduce((s, v) => s + v, 0) / n;
  let tss = 0;
  for (const v of b) tss += (v - yMean) ** 2;
  for (let j = 0; j < p; j++) {
    const aj = A[j] as Float64Array;
    let norm = 0;
    for (let i = j; i < n; i++) norm += (aj[i] as number) ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > 0)) throw new FtzError('disparity.option_invalid', { option: `regressor ${j}`, value: 'collinear', reason: 'the design matrix is rank deficient' });
    const alpha = (aj[j] as number) > 0 ? -norm : norm;
    const v = new Float64Array(n);
    v[j] = (aj[j] as number) - alpha;
    for (let i = j + 1; i < n; i++) v[i] = aj[i] as number;
    let vv = 0;
    for (let i = j; i < n; i++) vv += (v[i] as number) ** 2;
    const apply = (x: Float64Array): void => {
      let d = 0;
      for (let i = j; i < n; i++) d += (v[i] as number) * (x[i] as number);
      const f = (2 * d) / vv;
      for (let i = j; i < n; i++) x[i] = (x[i] as number) - f * (v[i] as number);
    };
    for (let c = j; c < p; c++) apply(A[c] as Float64Array);
    apply(b);
    if (Math.abs(aj[j] as number) < 1e-12 * norm) {
      throw new FtzError('disparity.option_invalid', { option: `regressor ${j}`, value: 'collinear', reason: 'the design matrix is rank deficient' });
    }
  }
  const R = (i: number, j: number): number => (A[j] as Float64Array)[i] as number;
  const beta = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let j = i + 1; j < p; j++) s -= R(i, j) * (beta[j] as number);
    beta[i] = s / R(i, i);
  }
  let rss = 0;
  for (let i = p; i < n; i++) rss += (b[i] as number) ** 2;
  const df = n - p;
  const sigma2 = rss / df;
  // (R'R)⁻¹ = R⁻¹R⁻ᵀ: invert the triangular R column by column, then sum squares of its rows.
  const Rinv: Float64Array[] = Array.from({ length: p }, () => new Float64Array(p));
  for (let c = 0; c < p; c++) {
    for (let i = p - 1; i >= 0; i--) {
      let s = i === c ? 1 : 0;
      for (let j = i + 1; j < p; j++) s -= R(i, j) * ((Rinv[j] as Float64Array)[c] as number);
      (Rinv[i] as Float64Array)[c] = s / R(i, i);
    }
  }
  const se = new Float64Array(p);
  const t = new Float64Array(p);
  const pv = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let c = 0; c < p; c++) s += ((Rinv[i] as Float64Array)[c] as number) ** 2;
    se[i] = Math.sqrt(sigma2 * s);
    t[i] = (beta[i] as number) / (se[i] as number);
    pv[i] = studentTTwoSided(t[i] as number, df);
  }
  return { coefficients: beta, standardErrors: se, t, p: pv, residualDf: df, sigma2, rSquared: tss > 0 ? 1 - rss / tss : Number.NaN };
}
