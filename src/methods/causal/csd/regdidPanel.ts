import { controlOutcomeRegression, estimationEffect } from './nuisanceModels.js';
import { influenceStandardError, mean, preparePanel, weightedColumnMeans, type PanelTwoByTwoInput, type TwoByTwoResult } from './twoByTwo.js';

/**
 * Outcome-regression DID for panel data (Heckman, Ichimura & Todd 1997; Sant'Anna & Zhao 2020, τ̂^{reg}):
 * ATT = E_w[ΔY | D = 1] − E_w[X'β̂ | D = 1], with β̂ the weighted OLS of ΔY on X among comparison units.
 * The influence function adds the OLS estimation effect (Sant'Anna & Zhao 2020, Appendix, OR estimator).
 * Reproduces DRDID's `reg_did_panel` (R package DRDID 1.2, the `ordid` panel estimator).
 *
 * @example
 * const r = regdidPanel({ y1, y0, d, covariates: [age, educ] });
 * r.att; r.se; r.influence;
 */
export function regdidPanel(input: PanelTwoByTwoInput): TwoByTwoResult {
  const p = preparePanel(input);
  const { n, dy, d, w } = p;
  const reg = controlOutcomeRegression(p);
  const wTreat = new Float64Array(n);
  for (let i = 0; i < n; i++) wTreat[i] = (w[i] as number) * (d[i] as number);
  const meanWTreat = mean(wTreat);
  const attTreat = new Float64Array(n);
  const attCont = new Float64Array(n);
  const fitted = reg.fitted;
  for (let i = 0; i < n; i++) {
    const v = wTreat[i] as number;
    attTreat[i] = v * (dy[i] as number);
    attCont[i] = v * (fitted[i] as number);
  }
  const etaTreat = mean(attTreat) / meanWTreat;
  const etaCont = mean(attCont) / meanWTreat;
  const att = etaTreat - etaCont;

  // OLS moment of comparison unit i: w_i (ΔY_i − x_i'β̂) x_i.
  const olsScale = new Float64Array(n);
  for (let i = 0; i < n; i++) olsScale[i] = (w[i] as number) * (1 - (d[i] as number)) * ((dy[i] as number) - (reg.fitted[i] as number));
  const m1 = weightedColumnMeans(p.design, wTreat);
  const olsEffect = estimationEffect(p, olsScale, reg.factor, m1);
  const influence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const infTreat = ((attTreat[i] as number) - (wTreat[i] as number) * etaTreat) / meanWTreat;
    const infCont = ((attCont[i] as number) - (wTreat[i] as number) * etaCont + (olsEffect[i] as number)) / meanWTreat;
    influence[i] = infTreat - infCont;
  }
  return { att, se: influenceStandardError(influence), influence };
}
