/** Eigenvalues (descending) and unit eigenvectors of a real symmetric matrix. */
export interface SymmetricEigen {
  /** Matrix order. */
  size: number;
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Eigenvectors as columns of a row-major `size × size` matrix: vector k is `vectors[i * size + k]`. */
  vectors: Float64Array;
}

/**
 * Eigen-decomposition of a symmetric matrix by the cyclic Jacobi method (Golub & Van Loan, Matrix
 * Computations, 4th ed., Algorithm 8.5.3, with the stable rotation of §8.5.2). Jacobi is slow for large
 * matrices but accurate to high relative precision and simple to verify; indicator correlation matrices are
 * small (m ≲ 100). Only the upper triangle of `a` is read. Each eigenvector is sign-normalised so that its
 * largest-magnitude entry is positive, which makes results reproducible across platforms.
 *
 * @param a row-major `size × size` symmetric matrix (not modified)
 * @example
 * symmetricEigen(new Float64Array([2, 1, 1, 2]), 2).values; // Float64Array [3, 1]
 */
export function symmetricEigen(a: Float64Array, size: number, maxSweeps = 100): SymmetricEigen {
  const n = size;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = a[i * n + j] as number;
      m[i * n + j] = v;
      m[j * n + i] = v;
    }
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;

  const at = (i: number, j: number): number => m[i * n + j] as number;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += at(i, i) * at(i, i);
      for (let j = i + 1; j < n; j++) off += at(i, j) * at(i, j);
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const tau = (at(q, q) - at(p, p)) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = at(k, p);
          const mkq = at(k, q);
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = at(p, k);
          const mqk = at(q, k);
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }

  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => at(y, y) - at(x, x));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, k) => {
    values[k] = at(src, src);
    let big = 0;
    for (let i = 0; i < n; i++) {
      const e = v[i * n + src] as number;
      if (Math.abs(e) > Math.abs(big)) big = e;
    }
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[i * n + k] = sign * (v[i * n + src] as number);
  });
  return { size: n, values, vectors };
}
