import { estimationEffect, logitPropensityScore } from './nuisanceModels.js';
import { influenceStandardError, mean, preparePanel, weightedColumnMeans, type PanelTwoByTwoInput, type TwoByTwoResult } from './twoByTwo.js';
import { f64 } from './scratch.js';

/** DRDID's trimming rule: comparison units with p̂ ≥ 0.995 get zero weight; treated units are always kept. */
export const TRIM_LEVEL = 0.995;

/**
 * Standardised (Hájek) inverse-probability-weighted DID for panel data (Abadie 2005, with weights
 * normalised to sum to one in each arm as in Sant'Anna & Zhao 2020, τ̂^{ipw,p}_{std}):
 * ATT = Σ w_i D_i ΔY_i / Σ w_i D_i − Σ w_i ω_i ΔY_i / Σ w_i ω_i, ω_i = p̂_i(1 − D_i)/(1 − p̂_i),
 * with a logit propensity score. The influence function carries the logit's estimation effect.
 * Reproduces DRDID's `std_ipw_did_panel` (`ipwdid(..., normalized = TRUE)`), trimming included.
 *
 * @example
 * const r = ipwdidPanel({ y1, y0, d, covariates: [age, educ] });
 */
export function ipwdidPanel(input: PanelTwoByTwoInput): TwoByTwoResult {
  const p = preparePanel(input);
  const { n, dy, d, w } = p;
  const { ps, factor } = logitPropensityScore(p);
  const wTreat = f64(n);
  const wCont = f64(n);
  for (let i = 0; i < n; i++) {
    const pi = ps[i] as number;
    const keep = (d[i] as number) === 1 || pi < TRIM_LEVEL ? 1 : 0;
    wTreat[i] = keep * (w[i] as number) * (d[i] as number);
    wCont[i] = (keep * (w[i] as number) * pi * (1 - (d[i] as number))) / (1 - pi);
  }
  const meanWTreat = mean(wTreat);
  const meanWCont = mean(wCont);
  const attTreat = f64(n);
  const attCont = f64(n);
  for (let i = 0; i < n; i++) {
    attTreat[i] = (wTreat[i] as number) * (dy[i] as number);
    attCont[i] = (wCont[i] as number) * (dy[i] as number);
  }
  const etaTreat = mean(attTreat) / meanWTreat;
  const etaCont = mean(attCont) / meanWCont;
  const att = etaTreat - etaCont;

  // Logit score of unit i: w_i (D_i − p̂_i) x_i.
  const score = f64(n);
  for (let i = 0; i < n; i++) score[i] = (w[i] as number) * ((d[i] as number) - (ps[i] as number));
  const contDev = f64(n);
  for (let i = 0; i < n; i++) contDev[i] = (wCont[i] as number) * ((dy[i] as number) - etaCont);
  const m2 = weightedColumnMeans(p.design, contDev);
  const psEffect = estimationEffect(p, score, factor, m2);
  const influence = f64(n);
  for (let i = 0; i < n; i++) {
    const infTreat = ((attTreat[i] as number) - (wTreat[i] as number) * etaTreat) / meanWTreat;
    const infCont = ((attCont[i] as number) - (wCont[i] as number) * etaCont + (psEffect[i] as number)) / meanWCont;
    influence[i] = infTreat - infCont;
  }
  return { att, se: input.skipStandardError ? Number.NaN : influenceStandardError(influence), influence };
}
