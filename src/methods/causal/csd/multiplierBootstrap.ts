import { normalQuantile } from '../../../numeric/distributions.js';
import type { Rng } from '../../../numeric/rng.js';

/** What the multiplier bootstrap returns for a set of influence functions. */
export interface BootstrapSummary {
  /** Bootstrap standard errors (NaN for degenerate columns). */
  readonly se: Float64Array;
  /** Sup-t critical value for a uniform 1 − α band over the non-degenerate columns. */
  readonly criticalValue: number;
}

export interface BootstrapSettings {
  readonly draws: number;
  readonly rng: Rng;
  readonly alpha: number;
  /** Dense cluster index per unit, to draw one multiplier per cluster. */
  readonly cluster?: Int32Array;
  readonly nClusters?: number;
  /** The columns' cluster sums, when already formed (else summed here). */
  readonly clusterSums?: readonly Float64Array[];
}

const IQR_NORMAL = normalQuantile(0.75) - normalQuantile(0.25);
const DEGENERATE = Math.sqrt(2.220446049250313e-16) * 10;

/**
 * Multiplier bootstrap of influence functions (Callaway & Sant'Anna 2021, Section 4; clusters as in their
 * Remark 10). Draw b perturbs the sample mean with Rademacher multipliers V_i ∈ {−1, 1}:
 * R̂*_b = √n · (1/n) Σ V_i ψ_i, one V per cluster (summing ψ within clusters) when `cluster` is given. The
 * standard error of column j is the bootstrap interquartile range over 1.349 (a robust scale), divided by √n
 * (cluster sums: √n_c / n); the uniform critical value is the (1 − α) quantile (R type 1) of
 * max_j |R̂*_bj| / σ̂_j. Matches R did's `mboot` in distribution (the random streams differ).
 *
 * @param columns influence functions, each of length n
 */
export function multiplierBootstrap(columns: readonly Float64Array[], settings: BootstrapSettings): BootstrapSummary {
  const K = columns.length;
  const n = columns[0]?.length ?? 0;
  const { draws, rng } = settings;
  // Rows of the bootstrapped matrix: units, or cluster sums.
  let rows: Float64Array[] = [...columns];
  let m = n;
  if (settings.cluster !== undefined) {
    const nc = settings.nClusters ?? 0;
    const cl = settings.cluster;
    rows = settings.clusterSums !== undefined ? [...settings.clusterSums] : columns.map((c) => {
      const s = new Float64Array(nc);
      for (let i = 0; i < n; i++) s[cl[i] as number] = (s[cl[i] as number] as number) + (c[i] as number);
      return s;
    });
    m = nc;
  }
  const bres = new Float64Array(draws * K);
  const v = new Float64Array(m);
  const scale = Math.sqrt(m) / m;
  for (let b = 0; b < draws; b++) {
    for (let i = 0; i < m; i++) v[i] = rng.integer(2) === 1 ? 1 : -1;
    for (let j = 0; j < K; j++) {
      const c = rows[j] as Float64Array;
      let s = 0;
      for (let i = 0; i < m; i++) s += (v[i] as number) * (c[i] as number);
      bres[j * draws + b] = scale * s;
    }
  }
  const se = new Float64Array(K).fill(Number.NaN);
  const sigma = new Float64Array(K).fill(Number.NaN);
  const sorted = new Float64Array(draws);
  for (let j = 0; j < K; j++) {
    const col = bres.subarray(j * draws, (j + 1) * draws);
    let ss = 0;
    for (const x of col) ss += x * x;
    if (!(ss > DEGENERATE)) continue;
    sorted.set(col);
    sorted.sort();
    const q = (p: number): number => sorted[Math.max(Math.ceil(p * draws), 1) - 1] as number;
    const s = (q(0.75) - q(0.25)) / IQR_NORMAL;
    sigma[j] = s;
    se[j] = (s * Math.sqrt(m)) / n;
  }
  const supT: number[] = [];
  for (let b = 0; b < draws; b++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < K; j++) {
      const s = sigma[j] as number;
      if (!(s > DEGENERATE)) continue;
      max = Math.max(max, Math.abs(bres[j * draws + b] as number) / s);
    }
    if (Number.isFinite(max)) supT.push(max);
  }
  supT.sort((a, b) => a - b);
  const criticalValue = supT.length === 0 ? Number.NaN : (supT[Math.max(Math.ceil((1 - settings.alpha) * supT.length), 1) - 1] as number);
  return { se, criticalValue };
}
