import { cellRegression, hajek, linearTerm, olsScale, prepareRc, type RcTwoByTwoInput } from './rcTwoByTwo.js';
import { influenceStandardError, weightedColumnMeans, type TwoByTwoResult } from './twoByTwo.js';

/**
 * Outcome-regression DID for repeated cross sections (Heckman, Ichimura & Todd 1997; Sant'Anna & Zhao 2020,
 * eq. 2.2 with RC data): ATT = (Ȳ_{D=1,post} − Ȳ_{D=1,pre}) − Ē_{D=1}[X'(β̂_post − β̂_pre)], with β̂_s the weighted OLS
 * of Y on X among comparison rows of period s and the last mean over the treated rows of both periods. The
 * influence function carries both OLS estimation effects. Reproduces DRDID's `reg_did_rc`, which R did calls
 * for `est_method = "reg"` with `panel = FALSE` or `allow_unbalanced_panel = TRUE`.
 *
 * @example
 * const r = regdidRc({ y, post, d, covariates: [age, educ] });
 */
export function regdidRc(input: RcTwoByTwoInput): TwoByTwoResult {
  const p = prepareRc(input);
  const { n, y, post, d, w } = p;
  const pre = cellRegression(p, 0, 0);
  const pst = cellRegression(p, 0, 1);
  const wTreatPre = new Float64Array(n);
  const wTreatPost = new Float64Array(n);
  const wTreat = new Float64Array(n);
  const drift = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wd = (w[i] as number) * (d[i] as number);
    wTreat[i] = wd;
    wTreatPost[i] = wd * (post[i] as number);
    wTreatPre[i] = wd * (1 - (post[i] as number));
    drift[i] = (pst.fitted[i] as number) - (pre.fitted[i] as number);
  }
  const treatPre = hajek(wTreatPre, y);
  const treatPost = hajek(wTreatPost, y);
  const cont = hajek(wTreat, drift);
  const att = treatPost.value - treatPre.value - cont.value;

  const m1 = weightedColumnMeans(p.design, wTreat);
  const olsPost = linearTerm(p, olsScale(p, pst), pst.factor, m1);
  const olsPre = linearTerm(p, olsScale(p, pre), pre.factor, m1);
  const influence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const infTreat = (treatPost.influence[i] as number) - (treatPre.influence[i] as number);
    const infCont = (cont.influence[i] as number) + ((olsPost[i] as number) - (olsPre[i] as number)) / cont.meanWeight;
    influence[i] = infTreat - infCont;
  }
  return { att, se: influenceStandardError(influence), influence };
}
