import { householderQr, qrSolve } from '../../numeric/qr.js';
import type { Rng } from '../../numeric/rng.js';
import { demean, dropSingletons, factorize, type FactorCodes } from './demean.js';

/** The common estimation sample of the three mediation regressions, restricted to its rows. */
export interface MediationSample {
  readonly y: Float64Array;
  readonly d: Float64Array;
  readonly m: Float64Array;
  readonly covariates: readonly Float64Array[];
  readonly weights: Float64Array | undefined;
  /** Absorbed factors over the sample rows. */
  readonly factors: readonly FactorCodes[];
  /** Resampling cluster over the sample rows. */
  readonly cluster: FactorCodes;
  readonly tolerance: number | undefined;
}

/** Whether every level of `f` lies within one cluster (then a resampled copy of a cluster needs new levels). */
function nestedIn(f: FactorCodes, cluster: FactorCodes): boolean {
  const owner = new Int32Array(f.levels).fill(-1);
  for (let r = 0; r < f.codes.length; r++) {
    const l = f.codes[r] as number;
    const o = owner[l] as number;
    if (o < 0) owner[l] = cluster.codes[r] as number;
    else if (o !== cluster.codes[r]) return false;
  }
  return true;
}

/**
 * α̂·β̂ on already demeaned columns: α̂ from M̃ on (D̃, X̃), β̂ from Ỹ on (D̃, M̃, X̃), both by QR of the
 * √w-scaled design (Frisch–Waugh–Lovell, so the fixed effects need not be re-absorbed). NaN if a design is
 * rank-deficient.
 */
function productOnDemeaned(y: Float64Array, d: Float64Array, m: Float64Array, x: readonly Float64Array[], w: Float64Array | undefined): number {
  const n = y.length;
  const sw = w ? w.map(Math.sqrt) : undefined;
  const fit = (response: Float64Array, columns: readonly Float64Array[]): Float64Array | null => {
    const k = columns.length;
    const X = new Float64Array(n * k);
    for (let j = 0; j < k; j++) {
      const c = columns[j] as Float64Array;
      for (let r = 0; r < n; r++) X[j * n + r] = (c[r] as number) * (sw ? (sw[r] as number) : 1);
    }
    const qr = householderQr(X, n, k);
    if (qr.rank < k) return null;
    return qrSolve(qr, sw ? response.map((v, r) => v * (sw[r] as number)) : response);
  };
  const a = fit(m, [d, ...x]);
  const b = fit(y, [d, m, ...x]);
  if (!a || !b) return Number.NaN;
  return (a[0] as number) * (b[1] as number);
}

/**
 * Nonparametric cluster (block) bootstrap of the indirect effect α·β (Cameron, Gelbach & Miller 2008, REStat
 * 90(3), the pairs cluster bootstrap; percentile intervals as in Preacher & Hayes 2008): each draw resamples
 * G clusters with replacement, keeps all rows of each drawn cluster, gives each copy of a cluster its own
 * levels of the fixed effects nested in the cluster (a unit drawn twice is two units), drops singletons,
 * absorbs the fixed effects and re-estimates α and β. Draws with a rank-deficient design (e.g. no treated
 * cluster drawn) are NaN.
 */
export function clusterBootstrapIndirect(sample: MediationSample, draws: number, rng: Rng, onProgress?: (done: number, total: number) => void): Float64Array {
  const { cluster, factors } = sample;
  const G = cluster.levels;
  const nested = factors.map((f) => nestedIn(f, cluster));
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let r = 0; r < cluster.codes.length; r++) (members[cluster.codes[r] as number] as number[]).push(r);
  const out = new Float64Array(draws);
  for (let b = 0; b < draws; b++) {
    const rows: number[] = [];
    const copy: number[] = [];
    for (let g = 0; g < G; g++) {
      const pick = members[rng.integer(G)] as number[];
      for (const r of pick) {
        rows.push(r);
        copy.push(g);
      }
    }
    const n = rows.length;
    const labels = factors.map((f, h) => {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = nested[h] ? (copy[i] as number) * f.levels + (f.codes[rows[i] as number] as number) : (f.codes[rows[i] as number] as number);
      return factorize(v);
    });
    const { keep } = dropSingletons(labels, n);
    const kept: number[] = [];
    for (let i = 0; i < n; i++) if (keep[i]) kept.push(i);
    const take = (col: Float64Array): Float64Array => Float64Array.from(kept, (i) => col[rows[i] as number] as number);
    const keptRows = Int32Array.from(kept);
    const fs = labels.map((f) => {
      const v = Float64Array.from(keptRows, (i) => f.codes[i] as number);
      return factorize(v) as FactorCodes;
    });
    const w = sample.weights ? take(sample.weights) : undefined;
    const dm = demean([take(sample.y), take(sample.d), take(sample.m), ...sample.covariates.map(take)], fs, { weights: w, tolerance: sample.tolerance });
    const [y, d, m, ...x] = dm.columns as [Float64Array, Float64Array, Float64Array, ...Float64Array[]];
    out[b] = dm.converged ? productOnDemeaned(y, d, m, x, w) : Number.NaN;
    onProgress?.(b + 1, draws);
  }
  return out;
}
