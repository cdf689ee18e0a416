import { FtzError } from '../../core/errors.js';
import { householderQr, qrSolve, qrUnscaledCovariance } from '../../numeric/qr.js';
import { demeanInPlace, dropSingletons, factorize, subsetFactor, type FactorCodes } from './demean.js';

export interface NamedColumn {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

export interface FeolsInput {
  readonly y: ArrayLike<number>;
  /** Slope regressors (no intercept: added automatically only when there are no fixed effects). */
  readonly regressors: readonly NamedColumn[];
  /** Fixed effects to absorb, as integer (or integral) labels per row. */
  readonly fixedEffects?: readonly NamedColumn[] | undefined;
  /** Analytic/frequency weights (> 0). */
  readonly weights?: ArrayLike<number> | undefined;
  /** Restrict the sample: rows with mask 0 are ignored. */
  readonly sample?: Uint8Array | undefined;
  /** Drop singleton observations iteratively (reghdfe's default). Default true. */
  readonly dropSingletons?: boolean | undefined;
  readonly tolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
}

export interface AbsorbedFactor {
  readonly name: string;
  /** Dense codes over the estimation rows. */
  readonly codes: Int32Array;
  readonly levels: number;
}

export interface FeolsFit {
  readonly names: readonly string[];
  readonly coefficients: Float64Array;
  /** Original row indices of the estimation sample (after the sample mask and singleton dropping). */
  readonly rows: Int32Array;
  readonly nobs: number;
  /** Observations dropped as singletons. */
  readonly singletons: number;
  /** y − ŷ on the estimation rows (ŷ includes the fixed effects). */
  readonly residuals: Float64Array;
  /** The design after absorbing the fixed effects, column-major nobs × k. */
  readonly design: Float64Array;
  /** (X̃'WX̃)⁻¹, row-major k × k. */
  readonly unscaledCovariance: Float64Array;
  readonly weights: Float64Array | undefined;
  /** Σ w e². */
  readonly rss: number;
  readonly factors: readonly AbsorbedFactor[];
  /**
   * Fixed-effect parameters counted the fixest way: Σ levels − (factors − 1) (one restriction per extra
   * factor, `fixef.force_exact = FALSE`).
   */
  readonly fixedEffectParameters: number;
  /**
   * Exact count for the first two factors: levels₁ + levels₂ − (connected components of their bipartite
   * graph), others counted as levels − 1 (`fixef.force_exact = TRUE` for two factors; reghdfe's rule).
   */
  readonly fixedEffectParametersExact: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Connected components of the bipartite graph between two factors (union–find). */
function components(a: FactorCodes, b: FactorCodes): number {
  const parent = new Int32Array(a.levels + b.levels);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  let count = parent.length;
  for (let i = 0; i < a.codes.length; i++) {
    const ra = find(a.codes[i] as number);
    const rb = find(a.levels + (b.codes[i] as number));
    if (ra !== rb) {
      parent[ra] = rb;
      count--;
    }
  }
  return count;
}

/** Neumaier-compensated Σ w·a·b over n rows (w optional). */
function compensatedDot(a: Float64Array, b: Float64Array, w: Float64Array | undefined, n: number): number {
  let sum = 0;
  let c = 0;
  for (let r = 0; r < n; r++) {
    const v = w ? (w[r] as number) * (a[r] as number) * (b[r] as number) : (a[r] as number) * (b[r] as number);
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}

/**
 * Solves min ‖√w(y − Xβ)‖ from the normal equations X'WX β = X'Wy by Cholesky, and returns β and (X'WX)⁻¹
 * (row-major). Used only when the design is well conditioned: if any column keeps less than 10% of its norm
 * after projecting out the columns before it (the Cholesky pivot relative to the diagonal, i.e. the quantity
 * LINPACK's pivoting rule looks at), null is returned and the caller takes Householder QR. Then the error of
 * the normal equations, of order κ²ε, stays at rounding level.
 */
function normalEquations(design: Float64Array, y: Float64Array, w: Float64Array | undefined, n: number, k: number): { beta: Float64Array; unscaled: Float64Array } | null {
  const col = (j: number): Float64Array => design.subarray(j * n, (j + 1) * n);
  const G = new Float64Array(k * k);
  const b = new Float64Array(k);
  if (k === 1 && !w) {
    // One regressor: x'x and x'y in one sweep (both Neumaier-compensated).
    let sxx = 0, cxx = 0, sxy = 0, cxy = 0;
    for (let r = 0; r < n; r++) {
      const x = design[r] as number;
      const u = x * x;
      const t1 = sxx + u;
      cxx += Math.abs(sxx) >= Math.abs(u) ? sxx - t1 + u : u - t1 + sxx;
      sxx = t1;
      const v = x * (y[r] as number);
      const t2 = sxy + v;
      cxy += Math.abs(sxy) >= Math.abs(v) ? sxy - t2 + v : v - t2 + sxy;
      sxy = t2;
    }
    G[0] = sxx + cxx;
    b[0] = sxy + cxy;
  } else for (let a = 0; a < k; a++) {
    for (let c = a; c < k; c++) {
      const v = compensatedDot(col(a), col(c), w, n);
      G[a * k + c] = v;
      G[c * k + a] = v;
    }
    b[a] = compensatedDot(col(a), y, w, n);
  }
  // Cholesky G = L L' (L lower, row-major).
  const L = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = G[j * k + j] as number;
    for (let l = 0; l < j; l++) d -= (L[j * k + l] as number) ** 2;
    if (!(d > 1e-2 * (G[j * k + j] as number))) return null;
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = G[i * k + j] as number;
      for (let l = 0; l < j; l++) s -= (L[i * k + l] as number) * (L[j * k + l] as number);
      L[i * k + j] = s / ljj;
    }
  }
  // Linv (lower triangular), then (X'WX)⁻¹ = Linv' Linv.
  const Li = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let i = c; i < k; i++) {
      let s = i === c ? 1 : 0;
      for (let l = c; l < i; l++) s -= (L[i * k + l] as number) * (Li[l * k + c] as number);
      Li[i * k + c] = s / (L[i * k + i] as number);
    }
  }
  const unscaled = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let c = a; c < k; c++) {
      let s = 0;
      for (let l = c; l < k; l++) s += (Li[l * k + a] as number) * (Li[l * k + c] as number);
      unscaled[a * k + c] = s;
      unscaled[c * k + a] = s;
    }
  }
  // β by forward and back substitution: L z = X'Wy, L' β = z.
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i] as number;
    for (let l = 0; l < i; l++) s -= (L[i * k + l] as number) * (z[l] as number);
    z[i] = s / (L[i * k + i] as number);
  }
  const beta = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let l = i + 1; l < k; l++) s -= (L[l * k + i] as number) * (beta[l] as number);
    beta[i] = s / (L[i * k + i] as number);
  }
  return { beta, unscaled };
}

function checkLength(what: string, found: number, expected: number): void {
  if (found !== expected) throw new FtzError('causal.bad_panel', { detail: `${what} has ${found} rows, expected ${expected}` });
}

/**
 * Ordinary (or weighted) least squares with any number of absorbed fixed effects: by the Frisch–Waugh–
 * Lovell theorem (Frisch & Waugh 1933; Lovell 1963) β̂ of y = Xβ + Σ_g D_g α_g + ε equals the OLS of ỹ on X̃,
 * where ~ removes the fixed effects by alternating projections ({@link demean}); the solve is Householder
 * QR of √w·X̃ (`qr.ts`). This is the estimator of fixest's `feols(y ~ x | f1 + f2)` and Stata's `reghdfe`.
 *
 * A regressor that the fixed effects absorb, or that is collinear with earlier ones, is an error
 * (`causal.singular_design`, naming it): silently dropping a treatment dummy would change the estimand.
 *
 * @example
 * const fit = feols({ y: lemp, regressors: [{ name: 'treat', values: d }],
 *   fixedEffects: [{ name: 'county', values: county }, { name: 'year', values: year }] });
 * fit.coefficients[0];
 */
export function feols(input: FeolsInput): FeolsFit {
  const n = input.y.length;
  const fes = input.fixedEffects ?? [];
  for (const r of input.regressors) checkLength(`regressor ${r.name}`, r.values.length, n);
  for (const f of fes) checkLength(`fixed effect ${f.name}`, f.values.length, n);
  if (input.weights) checkLength('weights', input.weights.length, n);
  if (input.sample) checkLength('sample mask', input.sample.length, n);

  // Sample: mask, finite values, positive weights (column by column: one sweep of memory per input).
  const keep0 = new Uint8Array(n);
  if (input.sample) for (let i = 0; i < n; i++) keep0[i] = input.sample[i] !== 0 ? 1 : 0;
  else keep0.fill(1);
  const finiteIn = (v: ArrayLike<number>): void => {
    for (let i = 0; i < n; i++) if (!Number.isFinite(v[i] as number)) keep0[i] = 0;
  };
  finiteIn(input.y);
  for (const r of input.regressors) finiteIn(r.values);
  if (input.weights) {
    const wt = input.weights;
    for (let i = 0; i < n; i++) if (!((wt[i] as number) > 0)) keep0[i] = 0;
  }
  const full = fes.map((f) => factorize(f.values));
  let singletons = 0;
  let keep: Uint8Array = keep0;
  if (fes.length > 0 && input.dropSingletons !== false) {
    const r = dropSingletons(full, n, keep0);
    keep = r.keep;
    singletons = r.dropped;
  }
  let nobs = 0;
  for (let i = 0; i < n; i++) nobs += keep[i] as number;
  const rows = new Int32Array(nobs);
  for (let i = 0, k = 0; i < n; i++) if (keep[i]) rows[k++] = i;
  // Every row kept: factorize's codes are already dense in order of first appearance, as subsetFactor's would be.
  const allRows = nobs === n;
  const factors: FactorCodes[] = allRows ? full.map((f) => ({ codes: f.codes, levels: f.levels })) : full.map((f) => subsetFactor(f, rows));

  const intercept = fes.length === 0;
  const names = intercept ? ['(Intercept)', ...input.regressors.map((r) => r.name)] : input.regressors.map((r) => r.name);
  const k = names.length;
  if (nobs <= k) throw new FtzError('causal.singular_design', { what: 'the regression', detail: `${nobs} observations for ${k} coefficients` });
  // The design is filled column by column and demeaned in place: no other copy of the regressors is made.
  const design = new Float64Array(nobs * k);
  const xT: Float64Array[] = [];
  for (let j = 0; j < k; j++) xT.push(design.subarray(j * nobs, (j + 1) * nobs));
  const take = (v: ArrayLike<number>, out: Float64Array = new Float64Array(nobs)): Float64Array => {
    if (allRows) for (let r = 0; r < nobs; r++) out[r] = v[r] as number;
    else for (let r = 0; r < nobs; r++) out[r] = v[rows[r] as number] as number;
    return out;
  };
  if (intercept) (xT[0] as Float64Array).fill(1);
  input.regressors.forEach((r, j) => take(r.values, xT[intercept ? j + 1 : j]));
  const yT = take(input.y);
  const w = input.weights ? take(input.weights) : undefined;

  // A column the fixed effects absorb leaves only rounding noise: judge it against its norm before demeaning.
  const before = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    const a = xT[j] as Float64Array;
    for (let r = 0; r < nobs; r++) s += (a[r] as number) ** 2;
    before[j] = s;
  }
  const dm = demeanInPlace([yT, ...xT], factors, { weights: w, tolerance: input.tolerance, maxIterations: input.maxIterations });
  for (let j = 0; j < k; j++) {
    let after = 0;
    const b = xT[j] as Float64Array;
    for (let r = 0; r < nobs; r++) after += (b[r] as number) ** 2;
    if (!(Math.sqrt(after) > 1e-7 * Math.sqrt(before[j] as number))) {
      throw new FtzError('causal.singular_design', { what: 'the regression', detail: `regressor "${names[j] as string}" is constant within the fixed effects (${fes.map((f) => f.name).join(', ')})` });
    }
  }

  // Well-conditioned designs are solved from the (compensated) normal equations; anything near collinear goes
  // to pivoted Householder QR, which also names the aliased regressor.
  let solved = normalEquations(design, yT, w, nobs, k);
  if (!solved) {
    const sw = w ? w.map(Math.sqrt) : undefined;
    const weighted = sw ? design.map((v, idx) => v * (sw[idx % nobs] as number)) : design;
    const qr = householderQr(weighted, nobs, k);
    if (qr.rank < k) {
      const bad = Array.from(qr.aliased, (j) => `"${names[j] as string}"`).join(', ');
      throw new FtzError('causal.singular_design', { what: 'the regression', detail: `regressor ${bad} is collinear with other regressors${fes.length ? ' or the fixed effects' : ''}` });
    }
    solved = { beta: qrSolve(qr, sw ? yT.map((v, r) => v * (sw[r] as number)) : yT), unscaled: qrUnscaledCovariance(qr) };
  }
  const beta = solved.beta;
  // Residuals overwrite the demeaned outcome (no longer needed).
  const residuals = yT;
  for (let j = 0; j < k; j++) {
    const b = beta[j] as number;
    const c = xT[j] as Float64Array;
    for (let r = 0; r < nobs; r++) residuals[r] = (residuals[r] as number) - b * (c[r] as number);
  }
  let rss = 0;
  if (w) for (let r = 0; r < nobs; r++) rss += (w[r] as number) * (residuals[r] as number) ** 2;
  else for (let r = 0; r < nobs; r++) rss += (residuals[r] as number) ** 2;

  const sumLevels = factors.reduce((s, f) => s + f.levels, 0);
  const fixedEffectParameters = factors.length === 0 ? 0 : sumLevels - (factors.length - 1);
  let fixedEffectParametersExact = fixedEffectParameters;
  if (factors.length >= 2) {
    const f0 = factors[0] as FactorCodes;
    const f1 = factors[1] as FactorCodes;
    fixedEffectParametersExact = f0.levels + f1.levels - components(f0, f1);
    for (let g = 2; g < factors.length; g++) fixedEffectParametersExact += (factors[g] as FactorCodes).levels - 1;
  }

  return {
    names,
    coefficients: beta,
    rows,
    nobs,
    singletons,
    residuals,
    design,
    unscaledCovariance: solved.unscaled,
    weights: w,
    rss,
    factors: factors.map((f, g) => ({ name: (fes[g] as NamedColumn).name, codes: f.codes, levels: f.levels })),
    fixedEffectParameters,
    fixedEffectParametersExact,
    iterations: dm.iterations,
    converged: dm.converged,
  };
}
