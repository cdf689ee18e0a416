/**
 * Least squares on the unit simplex Δ = { x ∈ ℝⁿ : x ≥ 0, Σ x = 1 }, the inner problem of synthetic
 * control (Abadie, Diamond & Hainmueller 2010, eq. 4) and of synthetic difference-in-differences
 * (Arkhangelsky et al. 2021, eqs. 4 and 6). Two solvers:
 *
 * - {@link simplexFrankWolfe}: Frank–Wolfe with exact line search and a stop on small decrease, the
 *   solver of the synthdid R package. Its early stop is part of that estimator's definition, so it is the
 *   one to use when reproducing synthdid.
 * - {@link simplexLeastSquares}: an exact active-set method (Lawson & Hanson 1974, ch. 23, NNLS, adapted
 *   to the equality Σ x = 1), for when the minimiser itself is wanted (synthetic control's W(V)).
 *
 * Matrices are row-major `Float64Array`s: A is `rows × cols`, A[k, j] = `a[k * cols + j]`.
 */

/** A solution on the simplex and how it was reached. */
export interface SimplexSolution {
  /** The weights, ≥ 0 and summing to 1. */
  readonly x: Float64Array;
  /** The objective at `x` (the solver's own normalisation, see each solver). */
  readonly value: number;
  readonly iterations: number;
  /**
   * Frank–Wolfe duality gap at `x`: ∇f(x)·x − min_j ∂f/∂x_j ≥ f(x) − f*, a certificate of optimality
   * (Jaggi 2013, "Revisiting Frank–Wolfe", eq. 2).
   */
  readonly gap: number;
}

export interface SimplexFrankWolfeOptions {
  /** Ridge ζ: the objective is ‖Ax − b‖²/rows + ζ²‖x‖². Default 0. */
  zeta?: number;
  /** Starting point on the simplex. Default uniform 1/cols. */
  start?: ArrayLike<number>;
  /** Stop once an iteration lowers the objective by no more than minDecrease². Default 1e-3 (synthdid's). */
  minDecrease?: number;
  /** At most this many iterations. Default 10,000. */
  maxIter?: number;
}

/** Gram matrix G = AᵀA (cols × cols) and c = Aᵀb. */
function gram(a: Float64Array, rows: number, cols: number, b: ArrayLike<number>): { g: Float64Array; c: Float64Array } {
  const g = new Float64Array(cols * cols);
  const c = new Float64Array(cols);
  for (let k = 0; k < rows; k++) {
    const off = k * cols;
    const bk = b[k] as number;
    for (let i = 0; i < cols; i++) {
      const aki = a[off + i] as number;
      if (aki === 0) continue;
      c[i] = (c[i] as number) + aki * bk;
      const gi = i * cols;
      for (let j = i; j < cols; j++) g[gi + j] = (g[gi + j] as number) + aki * (a[off + j] as number);
    }
  }
  for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) g[i * cols + j] = g[j * cols + i] as number;
  return { g, c };
}

function checkShape(fn: string, a: Float64Array, rows: number, cols: number, b: ArrayLike<number>): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || a.length !== rows * cols || b.length !== rows) {
    throw new RangeError(`${fn}: A must be rows × cols (${rows} × ${cols}, ${a.length} values) and b of length rows (${b.length}).`);
  }
}

function startPoint(fn: string, cols: number, start: ArrayLike<number> | undefined): Float64Array {
  const x = new Float64Array(cols);
  if (start === undefined) return x.fill(1 / cols);
  if (start.length !== cols) throw new RangeError(`${fn}: start has length ${start.length}, expected ${cols}.`);
  let s = 0;
  for (let j = 0; j < cols; j++) {
    const v = start[j] as number;
    if (!(v >= 0)) throw new RangeError(`${fn}: start[${j}] = ${v} is not ≥ 0.`);
    x[j] = v;
    s += v;
  }
  if (!(Math.abs(s - 1) < 1e-9)) throw new RangeError(`${fn}: start sums to ${s}, not 1.`);
  return x;
}

/**
 * Minimises F(x) = ‖Ax − b‖²/m + ζ²‖x‖² over the unit simplex (m = rows) by Frank–Wolfe with exact line
 * search (Frank & Wolfe 1956; the objective of Arkhangelsky et al. 2021, eq. 4, divided by T_pre). Each
 * step moves towards the vertex e_i with the smallest partial derivative (the first on ties); the step
 * length minimises F on the segment, clipped to [0, 1]. Iteration stops after at least two steps once one
 * lowers F by ≤ `minDecrease`², or after `maxIter` steps — the rule of synthdid's `sc.weight.fw`, whose
 * early stop we keep so that results match it.
 *
 * Cost: O(m·n²) once for AᵀA, then O(m + n) per step (residual and AᵀA-gradient are updated, and
 * recomputed exactly every 256 steps against drift).
 *
 * @example
 * // nearest point of the segment between (0,0) and (2,0) to (1,1): x = [½, ½]
 * simplexFrankWolfe(new Float64Array([0, 2, 0, 0]), 2, 2, [1, 1], { minDecrease: 1e-9 }).x;
 */
export function simplexFrankWolfe(
  a: Float64Array,
  rows: number,
  cols: number,
  b: ArrayLike<number>,
  options: SimplexFrankWolfeOptions = {},
): SimplexSolution {
  checkShape('simplexFrankWolfe', a, rows, cols, b);
  const zeta = options.zeta ?? 0;
  const zeta2 = zeta * zeta;
  const eta = rows * zeta2;
  const minDecrease = options.minDecrease ?? 1e-3;
  const tol = minDecrease * minDecrease;
  const maxIter = options.maxIter ?? 10_000;
  const x = startPoint('simplexFrankWolfe', cols, options.start);
  const { g, c } = gram(a, rows, cols, b);
  const r = new Float64Array(rows); // Ax − b
  const h = new Float64Array(cols); // Aᵀ(Ax − b)
  const refresh = (): void => {
    for (let k = 0; k < rows; k++) {
      let s = -(b[k] as number);
      const off = k * cols;
      for (let j = 0; j < cols; j++) s += (a[off + j] as number) * (x[j] as number);
      r[k] = s;
    }
    for (let i = 0; i < cols; i++) {
      let s = -(c[i] as number);
      const off = i * cols;
      for (let j = 0; j < cols; j++) s += (g[off + j] as number) * (x[j] as number);
      h[i] = s;
    }
  };
  const value = (): number => {
    let rr = 0;
    for (let k = 0; k < rows; k++) rr += (r[k] as number) * (r[k] as number);
    let xx = 0;
    for (let j = 0; j < cols; j++) xx += (x[j] as number) * (x[j] as number);
    return rr / rows + zeta2 * xx;
  };
  refresh();
  let prev = Number.POSITIVE_INFINITY;
  let current = value();
  let t = 0;
  while (t < maxIter && (t < 2 || prev - current > tol)) {
    t++;
    if (t % 256 === 0) refresh();
    // half-gradient of ‖Ax − b‖² + η‖x‖²
    let i = 0;
    let gMin = Number.POSITIVE_INFINITY;
    let gx = 0;
    let xx = 0;
    for (let j = 0; j < cols; j++) {
      const xj = x[j] as number;
      const gj = (h[j] as number) + eta * xj;
      gx += gj * xj;
      xx += xj * xj;
      if (gj < gMin) {
        gMin = gj;
        i = j;
      }
    }
    const xi = x[i] as number;
    if (xi === 1 && xx === 1) {
      prev = current;
      continue; // already at the vertex: no move, zero decrease, the loop ends
    }
    // ‖A d‖² with d = e_i − x, from the residual: A e_i − Ax = (A_i − b) − r
    let ad2 = 0;
    for (let k = 0; k < rows; k++) {
      const e = (a[k * cols + i] as number) - (b[k] as number) - (r[k] as number);
      ad2 += e * e;
    }
    const d2 = xx - 2 * xi + 1;
    const denom = ad2 + eta * d2;
    const step = denom > 0 ? Math.min(1, Math.max(0, -(gMin - gx) / denom)) : 0;
    if (step > 0) {
      for (let j = 0; j < cols; j++) x[j] = (1 - step) * (x[j] as number);
      x[i] = (x[i] as number) + step;
      for (let k = 0; k < rows; k++) {
        const rk = r[k] as number;
        r[k] = rk + step * ((a[k * cols + i] as number) - (b[k] as number) - rk);
      }
      const gi = i * cols;
      for (let j = 0; j < cols; j++) {
        const hj = h[j] as number;
        h[j] = hj + step * ((g[gi + j] as number) - (c[j] as number) - hj);
      }
    }
    prev = current;
    current = value();
  }
  refresh();
  return { x, value: value(), iterations: t, gap: frankWolfeGap(g, c, cols, x, eta, 2 / rows) };
}

/** (∇f·x − min ∇f) for f = scale·(½‖Ax−b‖² + ½η‖x‖²)·2, from the Gram form. */
function frankWolfeGap(g: Float64Array, c: Float64Array, n: number, x: Float64Array, ridge: number, scale: number): number {
  let gx = 0;
  let gMin = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    let s = -(c[i] as number) + ridge * (x[i] as number);
    const off = i * n;
    for (let j = 0; j < n; j++) s += (g[off + j] as number) * (x[j] as number);
    gx += s * (x[i] as number);
    if (s < gMin) gMin = s;
  }
  return Math.max(0, scale * (gx - gMin));
}

export interface SimplexLeastSquaresOptions {
  /** Ridge ρ ≥ 0: the objective is ‖Ax − b‖² + ρ‖x‖². Default 0. */
  ridge?: number;
  /**
   * Optimality tolerance, relative to the largest diagonal entry of AᵀA + ρI: stop when no
   * coordinate's reduced gradient is below −tolerance·scale. Default 1e-12.
   */
  tolerance?: number;
}

/**
 * Solves the equality-constrained subproblem on the free set F: min ½uᵀH_FF u − c_Fᵀu subject to Σu = 1,
 * by eliminating the reference coordinate r (u_r = 1 − Σ_{j≠r} u_j) and a Cholesky solve of the reduced,
 * positive semi-definite system. A tiny relative jitter keeps it solvable when H_FF is singular on
 * {Σu = 0} (degenerate problems whose minimiser is not unique; any minimiser is then returned).
 */
function solveOnFreeSet(hm: Float64Array, c: Float64Array, n: number, free: readonly number[], ref: number): Float64Array {
  const others = free.filter((j) => j !== ref);
  const p = others.length;
  const u = new Float64Array(n);
  if (p === 0) {
    u[ref] = 1;
    return u;
  }
  const m = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  const hrr = hm[ref * n + ref] as number;
  let maxDiag = 0;
  for (let s = 0; s < p; s++) {
    const j = others[s] as number;
    const hjr = hm[j * n + ref] as number;
    rhs[s] = (c[j] as number) - (c[ref] as number) - (hjr - hrr);
    for (let q = 0; q <= s; q++) {
      const k = others[q] as number;
      const v = (hm[j * n + k] as number) - hjr - (hm[ref * n + k] as number) + hrr;
      m[s * p + q] = v;
      m[q * p + s] = v;
    }
    maxDiag = Math.max(maxDiag, m[s * p + s] as number);
  }
  const jitter = 1e-13 * (maxDiag > 0 ? maxDiag : 1);
  choleskySolveInPlace(m, rhs, p, jitter);
  let sum = 0;
  for (let s = 0; s < p; s++) {
    u[others[s] as number] = rhs[s] as number;
    sum += rhs[s] as number;
  }
  u[ref] = 1 - sum;
  return u;
}

/**
 * Cholesky factorisation and solve of a p × p symmetric positive semi-definite system in place (`b` is
 * overwritten by the solution). Pivots at or below `jitter` get `jitter` added, so singular directions get
 * a minimal-effort (ridge-like) solution instead of a division by zero.
 */
function choleskySolveInPlace(m: Float64Array, b: Float64Array, p: number, jitter: number): void {
  for (let j = 0; j < p; j++) {
    let d = m[j * p + j] as number;
    for (let k = 0; k < j; k++) d -= (m[j * p + k] as number) ** 2;
    if (!(d > jitter)) d += jitter;
    const l = Math.sqrt(Math.max(d, jitter));
    m[j * p + j] = l;
    for (let i = j + 1; i < p; i++) {
      let s = m[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (m[i * p + k] as number) * (m[j * p + k] as number);
      m[i * p + j] = s / l;
    }
  }
  for (let i = 0; i < p; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (m[i * p + k] as number) * (b[k] as number);
    b[i] = s / (m[i * p + i] as number);
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let k = i + 1; k < p; k++) s -= (m[k * p + i] as number) * (b[k] as number);
    b[i] = s / (m[i * p + i] as number);
  }
}

/**
 * Exact minimiser of ‖Ax − b‖² + ρ‖x‖² over the unit simplex by a primal active-set method: Lawson &
 * Hanson's (1974, Solving Least Squares Problems, Algorithm 23.10) NNLS, with the equality Σx = 1 kept in
 * every subproblem. It starts at the best vertex, frees the coordinate with the most negative reduced
 * gradient ∂f/∂x_j − Σ_k x_k ∂f/∂x_k, solves the equality-constrained least squares on the free set, and
 * steps back to the boundary (dropping coordinates that reach 0) when that solution leaves the simplex.
 * It ends when every reduced gradient is ≥ −tolerance·scale (the KKT conditions), so the result is optimal
 * up to that stated tolerance; the returned `gap` certifies it.
 *
 * Typical synthetic-control supports are small (≤ number of predictors + 1), so each subproblem is a tiny
 * Cholesky solve: much faster than interior-point or projected-gradient iterations inside a Nelder–Mead
 * loop.
 *
 * @example
 * // b = (1, 1) lies between columns (0, 0) and (2, 2): x = [½, ½]
 * simplexLeastSquares(new Float64Array([0, 2, 0, 2]), 2, 2, [1, 1]).x;
 */
export function simplexLeastSquares(
  a: Float64Array,
  rows: number,
  cols: number,
  b: ArrayLike<number>,
  options: SimplexLeastSquaresOptions = {},
): SimplexSolution {
  checkShape('simplexLeastSquares', a, rows, cols, b);
  const rho = options.ridge ?? 0;
  if (!(rho >= 0)) throw new RangeError(`simplexLeastSquares: ridge must be ≥ 0. Value: ${rho}`);
  const { g: hm, c } = gram(a, rows, cols, b);
  const n = cols;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    hm[i * n + i] = (hm[i * n + i] as number) + rho;
    scale = Math.max(scale, hm[i * n + i] as number);
  }
  const tol = (options.tolerance ?? 1e-12) * (scale > 0 ? scale : 1);
  // best vertex: f(e_i) ∝ H_ii − 2 c_i
  let best = 0;
  for (let i = 1; i < n; i++) {
    if ((hm[i * n + i] as number) - 2 * (c[i] as number) < (hm[best * n + best] as number) - 2 * (c[best] as number)) best = i;
  }
  let x: Float64Array = new Float64Array(n);
  x[best] = 1;
  const inF = new Uint8Array(n);
  inF[best] = 1;
  const grad = new Float64Array(n);
  const computeGrad = (): void => {
    for (let i = 0; i < n; i++) {
      let s = -(c[i] as number);
      const off = i * n;
      for (let j = 0; j < n; j++) s += (hm[off + j] as number) * (x[j] as number);
      grad[i] = s;
    }
  };
  let iterations = 0;
  const maxOuter = 10 * n + 100;
  let stalled = false;
  for (let outer = 0; outer < maxOuter && !stalled; outer++) {
    computeGrad();
    let gx = 0;
    for (let i = 0; i < n; i++) gx += (grad[i] as number) * (x[i] as number);
    let enter = -1;
    let most = -tol;
    for (let j = 0; j < n; j++) {
      if (inF[j] === 1) continue;
      const rj = (grad[j] as number) - gx;
      if (rj < most) {
        most = rj;
        enter = j;
      }
    }
    if (enter < 0) break;
    inF[enter] = 1;
    let entered = true;
    for (let inner = 0; inner < 3 * n + 10; inner++) {
      iterations++;
      const free: number[] = [];
      let ref = -1;
      for (let j = 0; j < n; j++) {
        if (inF[j] !== 1) continue;
        free.push(j);
        if (ref < 0 || (x[j] as number) > (x[ref] as number)) ref = j;
      }
      const z = solveOnFreeSet(hm, c, n, free, ref);
      let alpha = 1;
      let blocking = false;
      for (const j of free) {
        const zj = z[j] as number;
        if (zj <= 0) {
          const xj = x[j] as number;
          const t = xj / (xj - zj);
          if (t < alpha) alpha = t;
          blocking = true;
        }
      }
      if (!blocking) {
        x = z;
        break;
      }
      // move towards z until the first coordinate hits 0, and drop every coordinate at 0
      const next = new Float64Array(n);
      let sum = 0;
      for (const j of free) {
        const v = (x[j] as number) + alpha * ((z[j] as number) - (x[j] as number));
        next[j] = v > 0 ? v : 0;
        sum += next[j] as number;
      }
      for (const j of free) {
        next[j] = (next[j] as number) / sum;
        if ((next[j] as number) <= 1e-15) {
          next[j] = 0;
          inF[j] = 0;
        }
      }
      x = next;
      if (entered && inF[enter] === 0) {
        stalled = true; // the entering coordinate bounced straight back: no descent left within rounding
        break;
      }
      entered = false;
    }
  }
  computeGrad();
  let rr = 0;
  for (let k = 0; k < rows; k++) {
    let s = -(b[k] as number);
    for (let j = 0; j < n; j++) s += (a[k * cols + j] as number) * (x[j] as number);
    rr += s * s;
  }
  let xx = 0;
  for (let j = 0; j < n; j++) xx += (x[j] as number) * (x[j] as number);
  let gx = 0;
  let gMin = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    gx += (grad[i] as number) * (x[i] as number);
    gMin = Math.min(gMin, grad[i] as number);
  }
  return { x, value: rr + rho * xx, iterations, gap: Math.max(0, 2 * (gx - gMin)) };
}
