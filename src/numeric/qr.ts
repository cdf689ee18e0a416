/**
 * Householder QR of a tall column-major matrix with LINPACK-style limited column pivoting (Golub & Van Loan
 * 2013, Matrix Computations, 4th ed., Alg. 5.2.1; the pivoting rule of LINPACK `dqrdc2` as used by R's
 * `lm`): columns are processed in their given order, and a column whose remaining norm falls below
 * `tolerance` × its original norm is declared linearly dependent on the columns before it and moved to the
 * end. So the *later* of two collinear regressors is the one reported, exactly as `lm` reports `NA`.
 *
 * Storage: `qr[j·n + i]` holds R above the diagonal (pivoted order) and the Householder vectors below it;
 * `pivot[k]` is the original index of the column in position k. Accumulations are Neumaier-compensated
 * (Neumaier 1974) because a column may have millions of rows.
 */
export interface QrDecomposition {
  readonly n: number;
  readonly p: number;
  /** Column-major n × p: R on and above the diagonal, Householder vectors v (v₀ = 1 implied) below. */
  readonly qr: Float64Array;
  /** Householder scalars: H_k = I − tau_k v v'. */
  readonly tau: Float64Array;
  /** pivot[k] = original column index at pivoted position k; the first `rank` are independent. */
  readonly pivot: Int32Array;
  readonly rank: number;
  /** Original indices of the columns found dependent (positions rank..p−1), in original order. */
  readonly aliased: Int32Array;
}

/** Compensated dot product of two strided ranges (Neumaier 1974). */
function dot(a: Float64Array, ia: number, b: Float64Array, ib: number, count: number): number {
  let sum = 0;
  let c = 0;
  for (let k = 0; k < count; k++) {
    const x = (a[ia + k] as number) * (b[ib + k] as number);
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) c += sum - t + x;
    else c += x - t + sum;
    sum = t;
  }
  return sum + c;
}

/**
 * Factorises the n × p column-major matrix `a` (copied, not modified).
 *
 * @param tolerance relative norm below which a column is treated as dependent (R's `lm` uses 1e-7).
 * @example
 * const d = householderQr(Float64Array.from([1, 1, 1, 1, 2, 3]), 3, 2);
 * d.rank; // 2
 */
export function householderQr(a: Float64Array, n: number, p: number, tolerance = 1e-7): QrDecomposition {
  if (a.length !== n * p) throw new RangeError(`householderQr: expected ${n * p} entries, found ${a.length}.`);
  const qr = a.slice();
  const tau = new Float64Array(p);
  const order: number[] = Array.from({ length: p }, (_, j) => j);
  const original = new Float64Array(p);
  for (let j = 0; j < p; j++) original[j] = Math.sqrt(dot(qr, j * n, qr, j * n, n));
  let active = p;
  let k = 0;
  const limit = Math.min(n, p);
  while (k < Math.min(active, limit)) {
    const off = k * n;
    const norm = Math.sqrt(dot(qr, off + k, qr, off + k, n - k));
    const ref = original[order[k] as number] as number;
    if (!(norm > tolerance * ref) || !(ref > 0)) {
      // Dependent column: rotate it to the end (LINPACK dqrdc2) and retry this position.
      const col = qr.slice(off, off + n);
      qr.copyWithin(off, off + n, p * n);
      qr.set(col, (p - 1) * n);
      order.push(order.splice(k, 1)[0] as number);
      active--;
      continue;
    }
    const akk = qr[off + k] as number;
    const alpha = akk > 0 ? -norm : norm;
    const v0 = akk - alpha;
    // Normalise v so v₀ = 1: v_i = a_i / v0, tau = −v0/alpha.
    for (let i = k + 1; i < n; i++) qr[off + i] = (qr[off + i] as number) / v0;
    tau[k] = -v0 / alpha;
    qr[off + k] = alpha;
    for (let j = k + 1; j < p; j++) {
      const cj = j * n;
      const s = (qr[cj + k] as number) + dot(qr, off + k + 1, qr, cj + k + 1, n - k - 1);
      const f = (tau[k] as number) * s;
      qr[cj + k] = (qr[cj + k] as number) - f;
      for (let i = k + 1; i < n; i++) qr[cj + i] = (qr[cj + i] as number) - f * (qr[off + i] as number);
    }
    k++;
  }
  const rank = k;
  const pivot = Int32Array.from(order);
  const aliased = Int32Array.from(order.slice(rank)).sort();
  return { n, p, qr, tau, pivot, rank, aliased };
}

/** Applies Q' to y in place (y of length n). */
export function applyQt(d: QrDecomposition, y: Float64Array): void {
  const { n, qr, tau, rank } = d;
  for (let k = 0; k < rank; k++) {
    const off = k * n;
    const s = (y[k] as number) + dot(qr, off + k + 1, y, k + 1, n - k - 1);
    const f = (tau[k] as number) * s;
    y[k] = (y[k] as number) - f;
    for (let i = k + 1; i < n; i++) y[i] = (y[i] as number) - f * (qr[off + i] as number);
  }
}

/**
 * Least-squares coefficients β = argmin ‖y − Aβ‖ by back-substitution R β = (Q'y)₁..rank, in original
 * column order; dependent columns get NaN (as `lm` reports NA).
 */
export function qrSolve(d: QrDecomposition, y: ArrayLike<number>): Float64Array {
  if (y.length !== d.n) throw new RangeError(`qrSolve: expected ${d.n} responses, found ${y.length}.`);
  const qty = Float64Array.from(y);
  applyQt(d, qty);
  const { n, qr, rank, pivot, p } = d;
  const z = new Float64Array(rank);
  for (let i = rank - 1; i >= 0; i--) {
    let s = qty[i] as number;
    for (let j = i + 1; j < rank; j++) s -= (qr[j * n + i] as number) * (z[j] as number);
    z[i] = s / (qr[i * n + i] as number);
  }
  const beta = new Float64Array(p).fill(Number.NaN);
  for (let k = 0; k < rank; k++) beta[pivot[k] as number] = z[k] as number;
  return beta;
}

/**
 * The unscaled covariance (R'R)⁻¹ = (A'A)⁻¹ of the independent columns, as a p × p row-major matrix in
 * original column order (NaN rows and columns for dependent ones). Computed as R⁻¹R⁻ᵀ from triangular
 * solves R X = I; A'A is never formed.
 */
export function qrUnscaledCovariance(d: QrDecomposition): Float64Array {
  const { n, qr, rank, pivot, p } = d;
  // Rinv upper triangular, rank × rank, row-major.
  const rinv = new Float64Array(rank * rank);
  for (let c = 0; c < rank; c++) {
    for (let i = c; i >= 0; i--) {
      let s = i === c ? 1 : 0;
      for (let j = i + 1; j <= c; j++) s -= (qr[j * n + i] as number) * (rinv[j * rank + c] as number);
      rinv[i * rank + c] = s / (qr[i * n + i] as number);
    }
  }
  const out = new Float64Array(p * p).fill(Number.NaN);
  for (let a = 0; a < rank; a++) {
    for (let b = a; b < rank; b++) {
      let s = 0;
      for (let c = b; c < rank; c++) s += (rinv[a * rank + c] as number) * (rinv[b * rank + c] as number);
      const ia = pivot[a] as number;
      const ib = pivot[b] as number;
      out[ia * p + ib] = s;
      out[ib * p + ia] = s;
    }
  }
  return out;
}
