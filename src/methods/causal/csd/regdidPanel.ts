import { controlOutcomeRegression, estimationEffect } from './nuisanceModels.js';
import { influenceStandardError, preparePanel, weightedColumnMeans, type PanelTwoByTwoInput, type TwoByTwoResult } from './twoByTwo.js';
import { f64 } from './scratch.js';

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
  const fitted = reg.fitted;
  // One pass for the weights, the two ATT summands, the OLS moments and the three compensated sums
  // (Neumaier, term by term as `mean` forms them).
  const wTreat = f64(n);
  const attTreat = f64(n);
  const attCont = f64(n);
  const olsScale = f64(n);
  let sW = 0, cW = 0, sT = 0, cT = 0, sC = 0, cC = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    const di = d[i] as number;
    const dyi = dy[i] as number;
    const fi = fitted[i] as number;
    const v = wi * di;
    const at = v * dyi;
    const ac = v * fi;
    wTreat[i] = v;
    attTreat[i] = at;
    attCont[i] = ac;
    // OLS moment of comparison unit i: w_i (ΔY_i − x_i'β̂) x_i.
    olsScale[i] = wi * (1 - di) * (dyi - fi);
    let t = sW + v;
    if (Math.abs(sW) >= Math.abs(v)) cW += sW - t + v;
    else cW += v - t + sW;
    sW = t;
    t = sT + at;
    if (Math.abs(sT) >= Math.abs(at)) cT += sT - t + at;
    else cT += at - t + sT;
    sT = t;
    t = sC + ac;
    if (Math.abs(sC) >= Math.abs(ac)) cC += sC - t + ac;
    else cC += ac - t + sC;
    sC = t;
  }
  const meanWTreat = (sW + cW) / n;
  const etaTreat = (sT + cT) / n / meanWTreat;
  const etaCont = (sC + cC) / n / meanWTreat;
  const att = etaTreat - etaCont;

  const m1 = weightedColumnMeans(p.design, wTreat);
  const olsEffect = estimationEffect(p, olsScale, reg.factor, m1);
  const influence = f64(n);
  for (let i = 0; i < n; i++) {
    const infTreat = ((attTreat[i] as number) - (wTreat[i] as number) * etaTreat) / meanWTreat;
    const infCont = ((attCont[i] as number) - (wTreat[i] as number) * etaCont + (olsEffect[i] as number)) / meanWTreat;
    influence[i] = infTreat - infCont;
  }
  return { att, se: input.skipStandardError ? Number.NaN : influenceStandardError(influence), influence };
}
