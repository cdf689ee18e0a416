/**
 * Derivative-free minimisation by the Nelder–Mead simplex method (Nelder & Mead 1965, Computer Journal
 * 7(4)), in the form analysed by Lagarias, Reeds, Wright & Wright (1998, SIAM J. Optim. 9(1), §2:
 * reflection 1, expansion 2, outside/inside contraction ½, shrink ½), with the start and stop rules of R's
 * `optim(method = "Nelder-Mead")` so results are comparable with R packages built on it (R Synth):
 *
 * - the initial simplex is x₀ and x₀ + s·e_j for each coordinate j, with s = 0.1·max_j |x₀_j| (0.1 if
 *   x₀ = 0);
 * - the search stops when f(worst) − f(best) ≤ relTolerance·(|f(x₀)| + relTolerance), when f(best) ≤
 *   absTolerance, or after maxEvaluations evaluations of f.
 *
 * Bounds, when given, are enforced by clamping every trial point into the box (a simple "transformed"
 * variant: the objective is never evaluated outside it). Unbounded problems with constraints of another
 * shape should reparametrise, as Synth does with V = |v|/Σ|v|.
 */
export interface NelderMeadOptions {
  /** Evaluations of f at most (R's `maxit`). Default 500. */
  maxEvaluations?: number;
  /** Relative convergence tolerance (R's `reltol`). Default √ε ≈ 1.49e-8. */
  relTolerance?: number;
  /** Stop once the best value is ≤ this (R's `abstol`). Default −∞. */
  absTolerance?: number;
  /** Edge length of the initial simplex. Default 0.1·max|x₀| (0.1 when x₀ = 0). */
  initialStep?: number;
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
}

export interface NelderMeadResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly evaluations: number;
  /** True when the tolerance test stopped the search, false when the evaluation budget ran out. */
  readonly converged: boolean;
}

/**
 * Minimises `f` from `x0`.
 *
 * @example
 * const r = nelderMead((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, [0, 0], { maxEvaluations: 2000, relTolerance: 1e-12 });
 * r.x; // ≈ [1, −2]
 */
export function nelderMead(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  if (n < 1) throw new RangeError('nelderMead: x0 must have at least one coordinate.');
  const maxEvaluations = options.maxEvaluations ?? 500;
  const relTol = options.relTolerance ?? Math.sqrt(Number.EPSILON);
  const absTol = options.absTolerance ?? Number.NEGATIVE_INFINITY;
  const { lower, upper } = options;
  const clamp = (x: Float64Array): Float64Array => {
    for (let j = 0; j < n; j++) {
      if (lower !== undefined && (x[j] as number) < (lower[j] as number)) x[j] = lower[j] as number;
      if (upper !== undefined && (x[j] as number) > (upper[j] as number)) x[j] = upper[j] as number;
    }
    return x;
  };
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };

  const start = clamp(Float64Array.from(x0));
  let size = 0;
  for (let j = 0; j < n; j++) size = Math.max(size, 0.1 * Math.abs(start[j] as number));
  if (size === 0) size = 0.1;
  if (options.initialStep !== undefined) size = options.initialStep;

  const pts: Float64Array[] = [start];
  const vals: number[] = [evaluate(start)];
  const f0 = vals[0] as number;
  const convTol = relTol * (Math.abs(f0) + relTol);
  for (let j = 0; j < n; j++) {
    const p = Float64Array.from(start);
    p[j] = (p[j] as number) + size;
    pts.push(clamp(p));
    vals.push(evaluate(p));
  }
  const order = Array.from({ length: n + 1 }, (_, k) => k);
  const along = (c: Float64Array, w: Float64Array, t: number): Float64Array => {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++) p[j] = (c[j] as number) + t * ((w[j] as number) - (c[j] as number));
    return clamp(p);
  };

  let converged = false;
  for (;;) {
    order.sort((a, b) => (vals[a] as number) - (vals[b] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const fBest = vals[best] as number;
    const fWorst = vals[worst] as number;
    if (fWorst <= fBest + convTol || fBest <= absTol) {
      converged = true;
      break;
    }
    if (evaluations >= maxEvaluations) break;
    const fSecond = vals[order[n - 1] as number] as number;
    const centroid = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const p = pts[order[k] as number] as Float64Array;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
    }
    const xw = pts[worst] as Float64Array;
    const xr = along(centroid, xw, -1);
    const fr = evaluate(xr);
    if (fr < fBest) {
      const xe = along(centroid, xw, -2);
      const fe = evaluate(xe);
      if (fe < fr) {
        pts[worst] = xe;
        vals[worst] = fe;
      } else {
        pts[worst] = xr;
        vals[worst] = fr;
      }
      continue;
    }
    if (fr < fSecond) {
      pts[worst] = xr;
      vals[worst] = fr;
      continue;
    }
    // contraction: outside if the reflection improved on the worst, inside otherwise
    const outside = fr < fWorst;
    const xc = along(centroid, xw, outside ? -0.5 : 0.5);
    const fc = evaluate(xc);
    if (outside ? fc <= fr : fc < fWorst) {
      pts[worst] = xc;
      vals[worst] = fc;
      continue;
    }
    // shrink towards the best vertex
    const xb = pts[best] as Float64Array;
    for (let k = 1; k <= n; k++) {
      const idx = order[k] as number;
      pts[idx] = along(xb, pts[idx] as Float64Array, 0.5);
      vals[idx] = evaluate(pts[idx] as Float64Array);
    }
  }
  order.sort((a, b) => (vals[a] as number) - (vals[b] as number));
  const b = order[0] as number;
  return { x: pts[b] as Float64Array, value: vals[b] as number, evaluations, converged };
}
