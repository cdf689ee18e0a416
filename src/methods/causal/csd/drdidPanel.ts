import { TRIM_LEVEL } from './ipwdidPanel.js';
import { controlOutcomeRegression, estimationEffect, logitPropensityScore } from './nuisanceModels.js';
import { influenceStandardError, mean, preparePanel, weightedColumnMeans, type PanelTwoByTwoInput, type TwoByTwoResult } from './twoByTwo.js';
import { f64 } from './scratch.js';

/**
 * Locally efficient ("traditional") doubly robust DID for panel data (Sant'Anna & Zhao 2020, τ̂^{dr,p}):
 * ATT = E_n[(w₁ − w₀)(ΔY − X'β̂)], w₁ = D/E_n[D], w₀ = ω/E_n[ω], ω = p̂(X)(1 − D)/(1 − p̂(X)),
 * with a logit propensity score and a weighted OLS outcome regression among comparison units. The influence
 * function (Sant'Anna & Zhao 2020, Section 3) carries both estimation effects. Reproduces
 * DRDID's `drdid_panel` (`drdid(..., estMethod = "trad")`), which is also what R `did::att_gt` calls for
 * `est_method = "dr"` with panel data.
 *
 * @example
 * const r = drdidPanel({ y1, y0, d, covariates: [age, educ], weights });
 */
export function drdidPanel(input: PanelTwoByTwoInput): TwoByTwoResult {
  const p = preparePanel(input);
  const { n, dy, d, w } = p;
  const { ps, factor: psFactor } = logitPropensityScore(p);
  const reg = controlOutcomeRegression(p);
  const resid = f64(n);
  for (let i = 0; i < n; i++) resid[i] = (dy[i] as number) - (reg.fitted[i] as number);
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
    attTreat[i] = (wTreat[i] as number) * (resid[i] as number);
    attCont[i] = (wCont[i] as number) * (resid[i] as number);
  }
  const etaTreat = mean(attTreat) / meanWTreat;
  const etaCont = mean(attCont) / meanWCont;
  const att = etaTreat - etaCont;

  const olsScale = f64(n);
  const score = f64(n);
  for (let i = 0; i < n; i++) {
    olsScale[i] = (w[i] as number) * (1 - (d[i] as number)) * (resid[i] as number);
    score[i] = (w[i] as number) * ((d[i] as number) - (ps[i] as number));
  }
  const m1 = weightedColumnMeans(p.design, wTreat);
  const contDev = f64(n);
  for (let i = 0; i < n; i++) contDev[i] = (wCont[i] as number) * ((resid[i] as number) - etaCont);
  const m2 = weightedColumnMeans(p.design, contDev);
  const m3 = weightedColumnMeans(p.design, wCont);
  const treatOls = estimationEffect(p, olsScale, reg.factor, m1);
  const contPs = estimationEffect(p, score, psFactor, m2);
  const contOls = estimationEffect(p, olsScale, reg.factor, m3);
  const influence = f64(n);
  for (let i = 0; i < n; i++) {
    const infTreat = ((attTreat[i] as number) - (wTreat[i] as number) * etaTreat - (treatOls[i] as number)) / meanWTreat;
    const infCont = ((attCont[i] as number) - (wCont[i] as number) * etaCont + (contPs[i] as number) - (contOls[i] as number)) / meanWCont;
    influence[i] = infTreat - infCont;
  }
  return { att, se: input.skipStandardError ? Number.NaN : influenceStandardError(influence), influence };
}
