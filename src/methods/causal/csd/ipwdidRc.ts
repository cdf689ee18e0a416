import { TRIM_LEVEL } from './ipwdidPanel.js';
import { hajek, linearTerm, prepareRc, rcPropensityScore, type RcTwoByTwoInput } from './rcTwoByTwo.js';
import { influenceStandardError, weightedColumnMeans, type TwoByTwoResult } from './twoByTwo.js';

/**
 * Standardised (Hájek) IPW DID for repeated cross sections (Abadie 2005; Sant'Anna & Zhao 2020, τ̂^{ipw,rc}_{std}):
 * ATT = (Ȳ^w_{D=1,post} − Ȳ^w_{D=1,pre}) − (Ȳ^ω_{D=0,post} − Ȳ^ω_{D=0,pre}), ω = p̂(X)/(1 − p̂(X)), each mean
 * normalised within its (group, period) cell, p̂ a logit pooled over both periods. Comparison rows with
 * p̂ ≥ 0.995 are trimmed. The influence function carries the logit's estimation effect. Reproduces DRDID's
 * `std_ipw_did_rc`, which R did calls for `est_method = "ipw"` without a balanced panel.
 *
 * @example
 * const r = ipwdidRc({ y, post, d, covariates: [age, educ] });
 */
export function ipwdidRc(input: RcTwoByTwoInput): TwoByTwoResult {
  const p = prepareRc(input);
  const { n, y, post, d, w } = p;
  const { ps, factor } = rcPropensityScore(p);
  const wTreatPre = new Float64Array(n);
  const wTreatPost = new Float64Array(n);
  const wContPre = new Float64Array(n);
  const wContPost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pi = ps[i] as number;
    const di = d[i] as number;
    const keep = di === 1 || pi < TRIM_LEVEL ? 1 : 0;
    const t = post[i] as number;
    const wt = keep * (w[i] as number) * di;
    const wc = (keep * (w[i] as number) * pi * (1 - di)) / (1 - pi);
    wTreatPost[i] = wt * t;
    wTreatPre[i] = wt * (1 - t);
    wContPost[i] = wc * t;
    wContPre[i] = wc * (1 - t);
  }
  const treatPre = hajek(wTreatPre, y);
  const treatPost = hajek(wTreatPost, y);
  const contPre = hajek(wContPre, y);
  const contPost = hajek(wContPost, y);
  const att = treatPost.value - treatPre.value - (contPost.value - contPre.value);

  // d ATT / d γ through the comparison means: M2_post − M2_pre.
  const m2Pre = weightedColumnMeans(p.design, wContPre.map((v, i) => v * ((y[i] as number) - contPre.value)));
  const m2Post = weightedColumnMeans(p.design, wContPost.map((v, i) => v * ((y[i] as number) - contPost.value)));
  const m2 = m2Post.map((v, j) => v / contPost.meanWeight - (m2Pre[j] as number) / contPre.meanWeight);
  const score = Float64Array.from(w, (wi, i) => wi * ((d[i] as number) - (ps[i] as number)));
  const psEffect = linearTerm(p, score, factor, m2);
  const influence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const infTreat = (treatPost.influence[i] as number) - (treatPre.influence[i] as number);
    const infCont = (contPost.influence[i] as number) - (contPre.influence[i] as number) + (psEffect[i] as number);
    influence[i] = infTreat - infCont;
  }
  return { att, se: influenceStandardError(influence), influence };
}
