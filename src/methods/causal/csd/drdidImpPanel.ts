import { calibratedPropensity } from './calibratedPropensity.js';
import { TRIM_LEVEL } from './ipwdidPanel.js';
import { controlOutcomeRegression } from './nuisanceModels.js';
import { influenceStandardError, mean, preparePanel, type PanelTwoByTwoInput, type TwoByTwoResult } from './twoByTwo.js';

/** The improved DR estimate plus DRDID's propensity-score flag. */
export interface DrdidImpResult extends TwoByTwoResult {
  /** 0: calibrated (IPT) propensity score; 2: fell back to the logit MLE. */
  readonly psFlag: 0 | 2;
}

/**
 * Improved ("bias-reduced") locally efficient doubly robust DID for panel data (Sant'Anna & Zhao 2020,
 * τ̂^{dr,p}_{imp}, Section 3): the propensity score is fitted by inverse
 * probability tilting and the outcome regression by OLS among comparison units weighted by p̂/(1 − p̂).
 * These first-order conditions make the estimation effects vanish, so the influence function is the leading
 * term alone: ψ_i = w_i (s_i − D_i·ATT)/E_n[w D], s_i = (D_i − (1 − D_i) p̂_i/(1 − p̂_i))(ΔY_i − x_i'β̂)
 * (comparison units with p̂ ≥ 0.995 trimmed). Reproduces DRDID's
 * `drdid_imp_panel` (`drdid(..., estMethod = "imp")`, the package default).
 *
 * @example
 * const r = drdidImpPanel({ y1, y0, d, covariates: [age, educ] });
 */
export function drdidImpPanel(input: PanelTwoByTwoInput): DrdidImpResult {
  const p = preparePanel(input);
  const { n, dy, d, w } = p;
  const cal = calibratedPropensity(p);
  const ps = cal.fitted.map((v) => Math.min(v, 1 - 1e-6));
  const regWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) regWeights[i] = ((w[i] as number) * (ps[i] as number)) / (1 - (ps[i] as number));
  const reg = controlOutcomeRegression(p, regWeights);
  const summand = new Float64Array(n);
  const keep = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const di = d[i] as number;
    const pi = ps[i] as number;
    keep[i] = di === 1 || pi < TRIM_LEVEL ? 1 : 0;
    summand[i] = (keep[i] as number) * (1 - (1 - di) / (1 - pi)) * ((dy[i] as number) - (reg.fitted[i] as number));
  }
  const meanDW = mean(w.map((v, i) => v * (d[i] as number)));
  const att = mean(summand.map((v, i) => v * (w[i] as number))) / meanDW;
  const influence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    influence[i] = ((w[i] as number) * (keep[i] as number) * ((summand[i] as number) - (d[i] as number) * att)) / meanDW;
  }
  return { att, se: influenceStandardError(influence), influence, psFlag: cal.flag };
}
