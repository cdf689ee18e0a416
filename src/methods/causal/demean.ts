import { FtzError } from '../../core/errors.js';

/** A factor coded 0..levels−1 for each row. */
export interface FactorCodes {
  readonly codes: Int32Array;
  readonly levels: number;
}

export interface DemeanOptions {
  /** Observation weights (length n, all > 0); unweighted if absent. */
  readonly weights?: Float64Array | undefined;
  /** Stop when a full sweep moves no value by more than tolerance × max(1, max|x|). Default 1e-10. */
  readonly tolerance?: number | undefined;
  /** Iteration cap (full sweeps over all factors). Default 10,000. */
  readonly maxIterations?: number | undefined;
}

export interface DemeanResult {
  /** The columns with every factor's (weighted) level means projected out. */
  readonly columns: Float64Array[];
  /** Largest number of sweeps any column needed. */
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Recodes arbitrary integer (or integral double) labels to dense codes 0..L−1 in order of first appearance.
 * Uses a direct lookup table when the label range is at most 4n (the usual case for ids), else a Map.
 *
 * @example
 * factorize([2007, 2003, 2007]); // { codes: [0, 1, 0], levels: 2, labels: [2007, 2003] }
 */
export function factorize(values: ArrayLike<number>): FactorCodes & { readonly labels: Float64Array } {
  const n = values.length;
  const codes = new Int32Array(n);
  const labels: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  if (values instanceof Int32Array) {
    // Always finite integers: only the range is needed, and whether they already are dense codes in order of
    // first appearance (each value at most one above the largest so far, from 0), as readPanelColumns's are.
    let canonical = true;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (v > max) {
        if (v !== (i === 0 ? 0 : max + 1)) canonical = false;
        max = v;
      }
      if (v < min) min = v;
    }
    if (canonical && n > 0 && min === 0) {
      codes.set(values);
      const lab = new Float64Array(max + 1);
      for (let l = 0; l <= max; l++) lab[l] = l;
      return { codes, levels: max + 1, labels: lab };
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (!Number.isFinite(v)) throw new FtzError('causal.bad_panel', { detail: `a factor has a non-finite value at row ${i + 1}` });
      if (v < min) min = v;
      if (v > max) max = v;
      if (integral && !Number.isInteger(v)) integral = false;
    }
  }
  if (n > 0 && integral && max - min <= 4 * n + 16) {
    const table = new Int32Array(max - min + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = (values[i] as number) - min;
      let c = table[k] as number;
      if (c < 0) {
        c = labels.length;
        table[k] = c;
        labels.push(values[i] as number);
      }
      codes[i] = c;
    }
  } else {
    const map = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let c = map.get(v);
      if (c === undefined) {
        c = labels.length;
        map.set(v, c);
        labels.push(v);
      }
      codes[i] = c;
    }
  }
  return { codes, levels: labels.length, labels: Float64Array.from(labels) };
}

/**
 * Drops singleton observations, iteratively: a row whose level of any factor occurs only once is removed
 * (its fixed effect would fit it perfectly), and removing it can create new singletons, so the pass is
 * repeated until none is left (Correia 2015, "Singletons, cluster-robust standard errors and fixed effects:
 * a bad mix"; reghdfe's default). Returns a keep mask over the rows and the number dropped.
 */
export function dropSingletons(factors: readonly FactorCodes[], n: number, keepIn?: Uint8Array): { keep: Uint8Array; dropped: number } {
  const keep = keepIn ? keepIn.slice() : new Uint8Array(n).fill(1);
  const counts = factors.map((f) => new Int32Array(f.levels));
  for (let g = 0; g < factors.length; g++) {
    const { codes } = factors[g] as FactorCodes;
    const c = counts[g] as Int32Array;
    for (let i = 0; i < n; i++) if (keep[i]) { const l = codes[i] as number; c[l] = (c[l] as number) + 1; }
  }
  let dropped = 0;
  // No level seen exactly once: nothing to drop (the usual case), without sweeping the rows again.
  if (!counts.some((c) => c.includes(1))) return { keep, dropped };
  for (let changed = true; changed; ) {
    changed = false;
    for (let g = 0; g < factors.length; g++) {
      const { codes } = factors[g] as FactorCodes;
      const c = counts[g] as Int32Array;
      for (let i = 0; i < n; i++) {
        if (keep[i] && c[codes[i] as number] === 1) {
          keep[i] = 0;
          dropped++;
          changed = true;
          for (let h = 0; h < factors.length; h++) {
            const ch = counts[h] as Int32Array;
            const l = (factors[h] as FactorCodes).codes[i] as number;
            ch[l] = (ch[l] as number) - 1;
          }
        }
      }
    }
  }
  return { keep, dropped };
}

/** Per-factor reciprocal of the (weighted) level sizes; empty levels get 0. */
function inverseSizes(factors: readonly FactorCodes[], weights: Float64Array | undefined): Float64Array[] {
  return factors.map(({ codes, levels }) => {
    const s = new Float64Array(levels);
    for (let i = 0; i < codes.length; i++) {
      const l = codes[i] as number;
      s[l] = (s[l] as number) + (weights ? (weights[i] as number) : 1);
    }
    for (let l = 0; l < levels; l++) s[l] = (s[l] as number) > 0 ? 1 / (s[l] as number) : 0;
    return s;
  });
}

/** Scratch for one factor: compensated level sums (Neumaier 1974) and the level means of the last pass. */
interface LevelSums {
  readonly sum: Float64Array;
  readonly comp: Float64Array;
}

/**
 * Adds x (times w) into the level sums of `f`. Levels of at most 64 rows are summed plainly (error ≤ 64ε of
 * Σ|x|); larger ones (a time effect over a million units) are Neumaier-compensated.
 */
function accumulate(x: Float64Array, f: FactorCodes, w: Float64Array | undefined, acc: LevelSums, compensate: boolean): void {
  const { codes } = f;
  const { sum, comp } = acc;
  sum.fill(0);
  comp.fill(0);
  const n = codes.length;
  if (!compensate) {
    if (w) for (let i = 0; i < n; i++) { const c = codes[i] as number; sum[c] = (sum[c] as number) + (w[i] as number) * (x[i] as number); }
    else for (let i = 0; i < n; i++) { const c = codes[i] as number; sum[c] = (sum[c] as number) + (x[i] as number); }
    return;
  }
  for (let i = 0; i < n; i++) {
    const c = codes[i] as number;
    const v = w ? (w[i] as number) * (x[i] as number) : (x[i] as number);
    const s = sum[c] as number;
    const t = s + v;
    comp[c] = (comp[c] as number) + (Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s);
    sum[c] = t;
  }
}

/** Turns accumulated sums into level means (in `sum`), optionally adds them to `into`, returns the largest |mean|. */
function means(acc: LevelSums, inv: Float64Array, into?: Float64Array): number {
  const { sum, comp } = acc;
  let largest = 0;
  for (let l = 0; l < sum.length; l++) {
    const m = ((sum[l] as number) + (comp[l] as number)) * (inv[l] as number);
    sum[l] = m;
    const a = Math.abs(m);
    if (a > largest) largest = a;
    if (into) into[l] = (into[l] as number) + m;
  }
  return largest;
}

function runProjections(x: Float64Array, factors: readonly FactorCodes[], invs: Float64Array[], w: Float64Array | undefined, tolerance: number, maxIterations: number, acc?: Float64Array[]): { iterations: number; converged: boolean } {
  let scale = 1;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i] as number));
  const G = factors.length;
  const bufs: LevelSums[] = factors.map((f) => ({ sum: new Float64Array(f.levels), comp: new Float64Array(f.levels) }));
  // Largest level size decides whether compensation is worth its cost.
  const compensate = invs.map((inv) => inv.some((v) => v > 0 && 1 / v > 64));
  const n = x.length;
  accumulate(x, factors[0] as FactorCodes, w, bufs[0] as LevelSums, compensate[0] as boolean);
  for (let it = 1; it <= maxIterations; it++) {
    let largest = 0;
    for (let g = 0; g < G; g++) {
      const m = means(bufs[g] as LevelSums, invs[g] as Float64Array, acc?.[g]);
      if (m > largest) largest = m;
      // Fused pass: subtract this factor's means and accumulate the next factor's sums in one sweep of memory.
      const mean = (bufs[g] as LevelSums).sum;
      const codes = (factors[g] as FactorCodes).codes;
      const last = g === G - 1;
      if (last && (G === 1 || largest <= tolerance * scale)) {
        for (let i = 0; i < n; i++) x[i] = (x[i] as number) - (mean[codes[i] as number] as number);
        // One factor is an exact projection: a single sweep suffices.
        return { iterations: it, converged: true };
      }
      const h = last ? 0 : g + 1;
      const next = factors[h] as FactorCodes;
      const nb = bufs[h] as LevelSums;
      if (!compensate[h] && !w) {
        const nc = next.codes;
        const ns = nb.sum;
        ns.fill(0);
        nb.comp.fill(0);
        for (let i = 0; i < n; i++) {
          const v = (x[i] as number) - (mean[codes[i] as number] as number);
          x[i] = v;
          const c = nc[i] as number;
          ns[c] = (ns[c] as number) + v;
        }
      } else {
        for (let i = 0; i < n; i++) x[i] = (x[i] as number) - (mean[codes[i] as number] as number);
        accumulate(x, next, w, nb, compensate[h] as boolean);
      }
    }
  }
  return { iterations: maxIterations, converged: false };
}

/**
 * Whether two factors form a balanced panel: every pair of levels (a, b) occurs in exactly one row. Then the
 * projection on both sets of dummies has a closed form (see {@link balancedTwoWayInPlace}).
 */
function isBalancedTwoWay(a: FactorCodes, b: FactorCodes): boolean {
  const n = a.codes.length;
  if (b.codes.length !== n || a.levels * b.levels !== n || n === 0) return false;
  const seen = new Uint8Array(n);
  const ac = a.codes;
  const bc = b.codes;
  const L = b.levels;
  for (let i = 0; i < n; i++) {
    const cell = (ac[i] as number) * L + (bc[i] as number);
    if (seen[cell]) return false;
    seen[cell] = 1;
  }
  return true; // n distinct cells out of n possible: every cell exactly once
}

/**
 * Exact two-way within transformation of a balanced panel, in place: x_it − x̄_i· − x̄_·t + x̄ (one pass to
 * accumulate both sets of level sums, one to subtract). Level sums over more than 64 rows are
 * Neumaier-compensated, as in the alternating projections.
 */
function balancedTwoWayInPlace(x: Float64Array, a: FactorCodes, b: FactorCodes, invA: Float64Array, invB: Float64Array, bufA: LevelSums, bufB: LevelSums, compA: boolean, compB: boolean): void {
  const n = x.length;
  const ac = a.codes;
  const bc = b.codes;
  const sa = bufA.sum;
  const ea = bufA.comp;
  const sb = bufB.sum;
  const eb = bufB.comp;
  sa.fill(0);
  ea.fill(0);
  sb.fill(0);
  eb.fill(0);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const ca = ac[i] as number;
    const cb = bc[i] as number;
    if (compA) {
      const s = sa[ca] as number;
      const t = s + v;
      ea[ca] = (ea[ca] as number) + (Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s);
      sa[ca] = t;
    } else sa[ca] = (sa[ca] as number) + v;
    if (compB) {
      const s = sb[cb] as number;
      const t = s + v;
      eb[cb] = (eb[cb] as number) + (Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s);
      sb[cb] = t;
    } else sb[cb] = (sb[cb] as number) + v;
  }
  // Grand total from the compensated sums of the factor with fewer levels (each is a partition of the rows).
  const [ts, te] = sa.length <= sb.length ? [sa, ea] : [sb, eb];
  let total = 0;
  let tc = 0;
  for (let l = 0; l < ts.length; l++) {
    const v = (ts[l] as number) + (te[l] as number);
    const t = total + v;
    tc += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  const grand = (total + tc) / n;
  for (let l = 0; l < sa.length; l++) sa[l] = ((sa[l] as number) + (ea[l] as number)) * (invA[l] as number);
  // Fold the grand mean into the second factor's means: x − m_a − (m_b − x̄).
  for (let l = 0; l < sb.length; l++) sb[l] = ((sb[l] as number) + (eb[l] as number)) * (invB[l] as number) - grand;
  for (let i = 0; i < n; i++) x[i] = (x[i] as number) - (sa[ac[i] as number] as number) - (sb[bc[i] as number] as number);
}

/**
 * {@link demean} without the copies: the columns themselves are overwritten with their demeaned values.
 * A balanced two-way panel without weights (every pair of levels exactly once) takes the exact closed form
 * x − x̄_i − x̄_t + x̄ in one sweep; anything else runs the alternating projections.
 */
export function demeanInPlace(columns: readonly Float64Array[], factors: readonly FactorCodes[], options: DemeanOptions = {}): { iterations: number; converged: boolean } {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 10_000;
  const w = options.weights;
  if (factors.length === 0 || columns.length === 0) return { iterations: 0, converged: true };
  if (factors.length === 2 && !w && isBalancedTwoWay(factors[0] as FactorCodes, factors[1] as FactorCodes)) {
    const [a, b] = factors as [FactorCodes, FactorCodes];
    // Balanced: every level of a has b.levels rows and every level of b has a.levels rows.
    const invA = new Float64Array(a.levels).fill(1 / b.levels);
    const invB = new Float64Array(b.levels).fill(1 / a.levels);
    const bufA: LevelSums = { sum: new Float64Array(a.levels), comp: new Float64Array(a.levels) };
    const bufB: LevelSums = { sum: new Float64Array(b.levels), comp: new Float64Array(b.levels) };
    // Balanced: level sizes are b.levels (for a) and a.levels (for b).
    for (const x of columns) balancedTwoWayInPlace(x, a, b, invA, invB, bufA, bufB, b.levels > 64, a.levels > 64);
    return { iterations: 1, converged: true };
  }
  const invs = inverseSizes(factors, w);
  let iterations = 0;
  let converged = true;
  for (const x of columns) {
    const r = runProjections(x, factors, invs, w, tolerance, maxIterations);
    iterations = Math.max(iterations, r.iterations);
    converged &&= r.converged;
  }
  return { iterations, converged };
}

/**
 * Absorbs any number of fixed effects by the method of alternating projections (von Neumann 1950; Halperin
 * 1962; Guimarães & Portugal 2010 for its use in two-way FE; Gaure 2013, "OLS with multiple high
 * dimensional category variables", CSDA 66, §3): each sweep subtracts, factor by factor, the (weighted) level
 * means from the column, and the sweeps converge to the residual of the projection on all factor dummies
 * at once. Cost is O(n · factors) per sweep. A balanced two-way panel without weights is done exactly in
 * one sweep by the closed form x − x̄_i − x̄_t + x̄.
 *
 * Columns are copied; the input arrays are not modified (see {@link demeanInPlace}). Rows must already be
 * restricted (see {@link dropSingletons}).
 *
 * @example
 * const unit = factorize(unitIds), year = factorize(years);
 * const { columns: [yTilde, dTilde], iterations } = demean([y, d], [unit, year]);
 */
export function demean(columns: readonly Float64Array[], factors: readonly FactorCodes[], options: DemeanOptions = {}): DemeanResult {
  const out = columns.map((c) => c.slice());
  const r = demeanInPlace(out, factors, options);
  return { columns: out, iterations: r.iterations, converged: r.converged };
}

/**
 * Recovers fixed-effect coefficients from a vector r that should be explained by the factors (e.g. the
 * outcome minus the slope part, y − Xβ): runs the same alternating projections on r and accumulates the
 * level means removed. The sum Σ_g α_g[code_g(i)] is the projection of r on the factor space (unique); the
 * individual α_g are identified only up to normalisation (one reference per extra connected factor).
 */
export function fixedEffectCoefficients(r: Float64Array, factors: readonly FactorCodes[], options: DemeanOptions = {}): { coefficients: Float64Array[]; iterations: number; converged: boolean } {
  const invs = inverseSizes(factors, options.weights);
  const acc = factors.map((f) => new Float64Array(f.levels));
  const x = r.slice();
  const res = runProjections(x, factors, invs, options.weights, options.tolerance ?? 1e-12, options.maxIterations ?? 100_000, acc);
  return { coefficients: acc, ...res };
}

/** Restricts codes to kept rows and re-densifies the levels (levels without kept rows disappear). */
export function subsetFactor(f: FactorCodes, rows: Int32Array): FactorCodes {
  const map = new Int32Array(f.levels).fill(-1);
  const codes = new Int32Array(rows.length);
  let levels = 0;
  for (let k = 0; k < rows.length; k++) {
    const c = f.codes[rows[k] as number] as number;
    let m = map[c] as number;
    if (m < 0) {
      m = levels++;
      map[c] = m;
    }
    codes[k] = m;
  }
  return { codes, levels };
}
