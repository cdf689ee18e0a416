import { normalQuantile } from '../../../numeric/distributions.js';
import { NeumaierAccumulator } from '../../../numeric/neumaierSum.js';
import type { Rng } from '../../../numeric/rng.js';
import { multiplierBootstrap } from './multiplierBootstrap.js';

/** How standard errors are formed for ATT(g, t)s and their aggregations. */
export interface InferenceContext {
  readonly n: number;
  readonly alpha: number;
  readonly cluster?: Int32Array;
  readonly nClusters: number;
  /** Multiplier bootstrap instead of analytic standard errors; `uniform` adds sup-t bands. */
  readonly bootstrap?: { readonly draws: number; readonly rng: Rng; readonly uniform: boolean };
  /**
   * Cluster sums already formed, by influence column (an array summed once is not summed again: the same
   * column goes to the standard errors, the covariance matrix and the bootstrap). Columns must not change
   * after they have been passed in.
   */
  readonly clusterSumCache?: WeakMap<Float64Array, Float64Array>;
}

/** Standard errors and the critical value for a family of estimates. */
export interface FamilyInference {
  readonly se: Float64Array;
  /** z_{1−α/2} for pointwise intervals, or the bootstrap sup-t value for uniform bands. */
  readonly criticalValue: number;
}

/** R did's rule: a standard error this small means the estimate does not vary (set to NaN). */
export const SE_FLOOR = Math.sqrt(2.220446049250313e-16) * 10;

/**
 * Analytic variance of means of influence functions: V = Ψ'Ψ / n (Callaway & Sant'Anna 2021, Section 4),
 * or with clusters V = S'S / n from the cluster sums S (their Remark 10), returned row-major K × K. The
 * covariance matrix of the estimates is V / n.
 */
export function influenceCrossProduct(columns: readonly Float64Array[], ctx: InferenceContext): Float64Array {
  const K = columns.length;
  const rows = clusterSums(columns, ctx);
  const V = new Float64Array(K * K);
  for (let a = 0; a < K; a++) {
    for (let b = a; b < K; b++) {
      const acc = new NeumaierAccumulator();
      const ca = rows[a] as Float64Array;
      const cb = rows[b] as Float64Array;
      for (let i = 0; i < ca.length; i++) acc.add((ca[i] as number) * (cb[i] as number));
      const v = acc.value / ctx.n;
      V[a * K + b] = v;
      V[b * K + a] = v;
    }
  }
  return V;
}

/** Analytic standard errors √(V_jj / n); values at or below {@link SE_FLOOR} become NaN. */
export function analyticStandardErrors(columns: readonly Float64Array[], ctx: InferenceContext): Float64Array {
  const rows = clusterSums(columns, ctx);
  return Float64Array.from(rows, (c) => {
    const acc = new NeumaierAccumulator();
    for (const v of c) acc.add(v * v);
    const se = Math.sqrt(acc.value) / ctx.n;
    return se > SE_FLOOR ? se : Number.NaN;
  });
}

/**
 * Standard errors (analytic, or bootstrap where the analytic one exists) and the critical value for a
 * family of estimates whose influence functions are `columns`. Uniform bands need the bootstrap.
 */
export function familyInference(columns: readonly Float64Array[], ctx: InferenceContext): FamilyInference {
  const pointwise = normalQuantile(1 - ctx.alpha / 2);
  const analytic = analyticStandardErrors(columns, ctx);
  if (ctx.bootstrap === undefined || columns.length === 0) return { se: analytic, criticalValue: pointwise };
  const boot = multiplierBootstrap(columns, {
    draws: ctx.bootstrap.draws,
    rng: ctx.bootstrap.rng,
    alpha: ctx.alpha,
    ...(ctx.cluster === undefined ? {} : { cluster: ctx.cluster, nClusters: ctx.nClusters, clusterSums: clusterSums(columns, ctx) }),
  });
  const se = analytic.map((a, j) => {
    const b = boot.se[j] as number;
    return Number.isNaN(a) || !(b > SE_FLOOR) ? Number.NaN : b;
  });
  let criticalValue = pointwise;
  if (ctx.bootstrap.uniform && Number.isFinite(boot.criticalValue) && boot.criticalValue >= pointwise) criticalValue = boot.criticalValue;
  return { se, criticalValue };
}

function clusterSums(columns: readonly Float64Array[], ctx: InferenceContext): readonly Float64Array[] {
  if (ctx.cluster === undefined) return columns;
  const cl = ctx.cluster;
  const cache = ctx.clusterSumCache;
  return columns.map((c) => {
    const hit = cache?.get(c);
    if (hit !== undefined) return hit;
    const s = new Float64Array(ctx.nClusters);
    for (let i = 0; i < c.length; i++) s[cl[i] as number] = (s[cl[i] as number] as number) + (c[i] as number);
    cache?.set(c, s);
    return s;
  });
}
