import { householderQr, qrSolve, type QrDecomposition } from '../../numeric/qr.js';
import { demean, factorize, type FactorCodes } from './demean.js';
import { feols, type NamedColumn } from './feols.js';
import { SSC_FIXEST, vcov } from './vcov.js';

/** What {@link twfeTreatmentEngine} needs: the two-way panel, covariates, weights and the cluster variable. */
export interface TwfeTreatmentData {
  readonly unit: ArrayLike<number>;
  readonly time: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly covariates?: readonly NamedColumn[] | undefined;
  readonly weights?: ArrayLike<number> | undefined;
  /** Cluster of each row; default the unit. */
  readonly cluster?: ArrayLike<number> | undefined;
  readonly tolerance?: number | undefined;
}

/** One treatment coefficient with its clustered standard error (NaN, NaN when the column is absorbed). */
export interface TwfeTreatmentEstimate {
  readonly estimate: number;
  readonly standardError: number;
}

export interface TwfeTreatmentEngine {
  /** Estimation rows (after dropping non-finite values and singletons). */
  readonly nobs: number;
  /** Number of clusters. */
  readonly clusters: number;
  /** Degrees of freedom of the clustered t test (clusters − 1). */
  readonly dfT: number;
  /** β̂ of y on the treatment column `d` (one value per input row) with the panel's FE and covariates. */
  estimate(d: ArrayLike<number>): TwfeTreatmentEstimate;
}

/**
 * The TWFE treatment coefficient, prepared once and re-estimated cheaply for many treatment columns (the
 * inner loop of a placebo test). The regression is fixest's `feols(y ~ d + x | unit + time, cluster = ~c)`;
 * by Frisch–Waugh–Lovell (Lovell 1963) β̂_d = d⊥'Wy⊥ / d⊥'Wd⊥, where ⊥ removes the fixed effects (alternating
 * projections, {@link demean}) and then the covariates. The outcome and the covariates are demeaned and
 * factorised once; each call demeans only the new column, O(n) per call. The clustered variance of β̂_d is
 * the d-row of the sandwich, c · Σ_g (Σ_{i∈g} w_i d⊥_i e_i)² / (d⊥'Wd⊥)² (Liang & Zeger 1986), with fixest's
 * small-sample factor c = G/(G − 1) · (n − 1)/(n − K), K taken from a full {@link vcov} of the reference fit.
 *
 * `reference` is one treatment column for which the full regression is run once (to fix the sample, the
 * absorbed factors and K); it must not be absorbed by the fixed effects.
 *
 * @example
 * const engine = twfeTreatmentEngine({ unit: county, time: year, y: lemp }, treatPost);
 * engine.estimate(fakeTreatPost).estimate;
 */
export function twfeTreatmentEngine(data: TwfeTreatmentData, reference: ArrayLike<number>): TwfeTreatmentEngine {
  const covariates = data.covariates ?? [];
  const cluster = data.cluster ?? data.unit;
  const fit = feols({
    y: data.y,
    regressors: [{ name: 'treatment', values: reference }, ...covariates],
    fixedEffects: [{ name: 'unit', values: data.unit }, { name: 'time', values: data.time }],
    weights: data.weights,
    tolerance: data.tolerance,
  });
  const v = vcov(fit, { type: 'cluster', clusters: [{ name: 'cluster', values: cluster }] }, SSC_FIXEST);
  const { rows, nobs } = fit;
  const factors: FactorCodes[] = fit.factors.map((f) => ({ codes: f.codes, levels: f.levels }));
  const w = fit.weights;
  const take = (values: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(nobs);
    for (let r = 0; r < nobs; r++) out[r] = values[rows[r] as number] as number;
    return out;
  };
  const clusterCodes = factorize(take(cluster));
  const G = clusterCodes.levels;
  const scale = (G / (G - 1)) * ((nobs - 1) / (nobs - v.K));
  const demeanOptions = { weights: w, tolerance: data.tolerance };

  const dm = demean([take(data.y), ...covariates.map((c) => take(c.values))], factors, demeanOptions);
  const yT = dm.columns[0] as Float64Array;
  const xT = dm.columns.slice(1);
  const k = xT.length;
  const sw = w ? w.map(Math.sqrt) : undefined;

  // Covariates are partialled out of each new column by the QR of √w·X̃ (factorised once).
  let qr: QrDecomposition | undefined;
  if (k > 0) {
    const X = new Float64Array(nobs * k);
    for (let j = 0; j < k; j++) {
      const c = xT[j] as Float64Array;
      for (let r = 0; r < nobs; r++) X[j * nobs + r] = (c[r] as number) * (sw ? (sw[r] as number) : 1);
    }
    qr = householderQr(X, nobs, k);
  }
  const partialOut = (x: Float64Array): void => {
    if (!qr) return;
    const b = qrSolve(qr, sw ? x.map((val, r) => val * (sw[r] as number)) : x);
    for (let j = 0; j < k; j++) {
      const bj = b[j] as number;
      if (!Number.isFinite(bj)) continue;
      const c = xT[j] as Float64Array;
      for (let r = 0; r < nobs; r++) x[r] = (x[r] as number) - bj * (c[r] as number);
    }
  };
  partialOut(yT);

  const sums = new Float64Array(G);
  function estimate(d: ArrayLike<number>): TwfeTreatmentEstimate {
    const raw = take(d);
    let before = 0;
    for (let r = 0; r < nobs; r++) before += (w ? (w[r] as number) : 1) * (raw[r] as number) ** 2;
    const dT = demean([raw], factors, demeanOptions).columns[0] as Float64Array;
    partialOut(dT);
    let sdd = 0;
    let sdy = 0;
    for (let r = 0; r < nobs; r++) {
      const wd = (w ? (w[r] as number) : 1) * (dT[r] as number);
      sdd += wd * (dT[r] as number);
      sdy += wd * (yT[r] as number);
    }
    // Same rule as feols: a column the fixed effects (and covariates) absorb leaves only rounding noise.
    if (!(Math.sqrt(sdd) > 1e-7 * Math.sqrt(before))) return { estimate: Number.NaN, standardError: Number.NaN };
    const beta = sdy / sdd;
    sums.fill(0);
    for (let r = 0; r < nobs; r++) {
      const e = (yT[r] as number) - beta * (dT[r] as number);
      const g = clusterCodes.codes[r] as number;
      sums[g] = (sums[g] as number) + (w ? (w[r] as number) : 1) * (dT[r] as number) * e;
    }
    let meat = 0;
    for (let g = 0; g < G; g++) meat += (sums[g] as number) ** 2;
    return { estimate: beta, standardError: Math.sqrt((scale * meat) / (sdd * sdd)) };
  }

  return { nobs, clusters: G, dfT: v.dfT, estimate };
}
