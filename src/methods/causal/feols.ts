import { FtzError } from '../../core/errors.js';
import { householderQr, qrSolve, qrUnscaledCovariance } from '../../numeric/qr.js';
import { demean, dropSingletons, factorize, subsetFactor, type FactorCodes } from './demean.js';

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

  // Sample: mask, finite values, positive weights.
  const keep0 = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let ok = input.sample ? input.sample[i] !== 0 : true;
    if (ok && !Number.isFinite(input.y[i] as number)) ok = false;
    for (let j = 0; ok && j < input.regressors.length; j++) if (!Number.isFinite((input.regressors[j] as NamedColumn).values[i] as number)) ok = false;
    if (ok && input.weights && !((input.weights[i] as number) > 0)) ok = false;
    keep0[i] = ok ? 1 : 0;
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
  const factors = full.map((f) => subsetFactor(f, rows));

  const intercept = fes.length === 0;
  const names = intercept ? ['(Intercept)', ...input.regressors.map((r) => r.name)] : input.regressors.map((r) => r.name);
  const k = names.length;
  if (nobs <= k) throw new FtzError('causal.singular_design', { what: 'the regression', detail: `${nobs} observations for ${k} coefficients` });
  const raw: Float64Array[] = [];
  const take = (v: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(nobs);
    for (let r = 0; r < nobs; r++) out[r] = v[rows[r] as number] as number;
    return out;
  };
  if (intercept) raw.push(new Float64Array(nobs).fill(1));
  for (const r of input.regressors) raw.push(take(r.values));
  const y = take(input.y);
  const w = input.weights ? take(input.weights) : undefined;

  const dm = demean([y, ...raw], factors, { weights: w, tolerance: input.tolerance, maxIterations: input.maxIterations });
  const yT = dm.columns[0] as Float64Array;
  const xT = dm.columns.slice(1);

  // A column the fixed effects absorb leaves only rounding noise: judge it against its norm before demeaning.
  for (let j = 0; j < k; j++) {
    let before = 0;
    let after = 0;
    const a = raw[j] as Float64Array;
    const b = xT[j] as Float64Array;
    for (let r = 0; r < nobs; r++) {
      before += (a[r] as number) ** 2;
      after += (b[r] as number) ** 2;
    }
    if (!(Math.sqrt(after) > 1e-7 * Math.sqrt(before))) {
      throw new FtzError('causal.singular_design', { what: 'the regression', detail: `regressor "${names[j] as string}" is constant within the fixed effects (${fes.map((f) => f.name).join(', ')})` });
    }
  }

  const sw = w ? w.map(Math.sqrt) : undefined;
  const design = new Float64Array(nobs * k);
  for (let j = 0; j < k; j++) design.set(xT[j] as Float64Array, j * nobs);
  const weighted = sw ? design.map((v, idx) => v * (sw[idx % nobs] as number)) : design;
  const qr = householderQr(weighted, nobs, k);
  if (qr.rank < k) {
    const bad = Array.from(qr.aliased, (j) => `"${names[j] as string}"`).join(', ');
    throw new FtzError('causal.singular_design', { what: 'the regression', detail: `regressor ${bad} is collinear with other regressors${fes.length ? ' or the fixed effects' : ''}` });
  }
  const beta = qrSolve(qr, sw ? yT.map((v, r) => v * (sw[r] as number)) : yT);
  const residuals = yT.slice();
  for (let j = 0; j < k; j++) {
    const b = beta[j] as number;
    const c = xT[j] as Float64Array;
    for (let r = 0; r < nobs; r++) residuals[r] = (residuals[r] as number) - b * (c[r] as number);
  }
  let rss = 0;
  for (let r = 0; r < nobs; r++) rss += (w ? (w[r] as number) : 1) * (residuals[r] as number) ** 2;

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
    unscaledCovariance: qrUnscaledCovariance(qr),
    weights: w,
    rss,
    factors: factors.map((f, g) => ({ name: (fes[g] as NamedColumn).name, codes: f.codes, levels: f.levels })),
    fixedEffectParameters,
    fixedEffectParametersExact,
    iterations: dm.iterations,
    converged: dm.converged,
  };
}
