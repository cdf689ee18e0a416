import { TRIM_LEVEL } from './ipwdidPanel.js';
import { cellRegression, hajek, linearTerm, olsScale, prepareRc, rcPropensityScore, type RcTwoByTwoInput } from './rcTwoByTwo.js';
import { influenceStandardError, mean, weightedColumnMeans, type TwoByTwoResult } from './twoByTwo.js';

/**
 * Locally efficient doubly robust DID for repeated cross sections (Sant'Anna & Zhao 2020, eq. 3.4,
 * τ̂^{dr,rc}_{1}): the IPW contrast of residuals Y − μ̂_{0,s}(X) (comparison-group outcome regression of the
 * row's own period s), plus the efficiency correction Ē_{D=1}[μ̂_{1,post} − μ̂_{0,post}] − Ē_{D=1,post}[…] −
 * (the same for pre), which uses treated-group outcome regressions μ̂_{1,s} for each period. Logit propensity
 * score pooled over periods, comparison rows with p̂ ≥ 0.995 trimmed, OLS per (group, period) cell.
 * Reproduces DRDID's `drdid_rc`, which R did calls for `est_method = "dr"` without a balanced panel.
 *
 * The influence function follows DRDID term by term, including one convention worth knowing: DRDID adds the
 * pre-period outcome-regression effects (through the treated and the comparison means) with the sign of the
 * post-period ones. Those terms vanish asymptotically when the propensity score is right (the DR property),
 * so the SE stays valid, but it differs in finite samples from a literal delta method; we keep DRDID's form so
 * that standard errors match R did's.
 *
 * @example
 * const r = drdidRc({ y, post, d, covariates: [age, educ] });
 */
export function drdidRc(input: RcTwoByTwoInput): TwoByTwoResult {
  const p = prepareRc(input);
  const { n, y, post, d, w } = p;
  const { ps, factor: psFactor } = rcPropensityScore(p);
  const c0 = cellRegression(p, 0, 0);
  const c1 = cellRegression(p, 0, 1);
  const t0 = cellRegression(p, 1, 0);
  const t1 = cellRegression(p, 1, 1);

  const wTreatPre = new Float64Array(n);
  const wTreatPost = new Float64Array(n);
  const wContPre = new Float64Array(n);
  const wContPost = new Float64Array(n);
  const wTreat = new Float64Array(n);
  const resid = new Float64Array(n);
  const gapPre = new Float64Array(n);
  const gapPost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pi = ps[i] as number;
    const di = d[i] as number;
    const t = post[i] as number;
    const keep = di === 1 || pi < TRIM_LEVEL ? 1 : 0;
    const wt = keep * (w[i] as number) * di;
    const wc = (keep * (w[i] as number) * pi * (1 - di)) / (1 - pi);
    wTreat[i] = wt;
    wTreatPost[i] = wt * t;
    wTreatPre[i] = wt * (1 - t);
    wContPost[i] = wc * t;
    wContPre[i] = wc * (1 - t);
    resid[i] = (y[i] as number) - (t === 1 ? (c1.fitted[i] as number) : (c0.fitted[i] as number));
    gapPost[i] = (t1.fitted[i] as number) - (c1.fitted[i] as number);
    gapPre[i] = (t0.fitted[i] as number) - (c0.fitted[i] as number);
  }
  const treatPre = hajek(wTreatPre, resid);
  const treatPost = hajek(wTreatPost, resid);
  const contPre = hajek(wContPre, resid);
  const contPost = hajek(wContPost, resid);
  const dPost = hajek(wTreat, gapPost);
  const dt1 = hajek(wTreatPost, gapPost);
  const dPre = hajek(wTreat, gapPre);
  const dt0 = hajek(wTreatPre, gapPre);
  const att = treatPost.value - treatPre.value - (contPost.value - contPre.value) + (dPost.value - dt1.value) - (dPre.value - dt0.value);

  // Derivative vectors (DRDID's M1, M2, M3 and mom), each a k-vector.
  const scaled = (v: Float64Array, s: number): Float64Array => weightedColumnMeans(p.design, v).map((x) => x / s);
  const m1Post = scaled(wTreatPost, -treatPost.meanWeight);
  const m1Pre = scaled(wTreatPre, -treatPre.meanWeight);
  const m3Post = scaled(wContPost, -contPost.meanWeight);
  const m3Pre = scaled(wContPre, -contPre.meanWeight);
  const m2Pre = scaled(wContPre.map((v, i) => v * ((resid[i] as number) - contPre.value)), contPre.meanWeight);
  const m2Post = scaled(wContPost.map((v, i) => v * ((resid[i] as number) - contPost.value)), contPost.meanWeight);
  const meanTreat = mean(wTreat);
  const momPost = weightedColumnMeans(p.design, wTreat.map((v, i) => v / meanTreat - (wTreatPost[i] as number) / treatPost.meanWeight));
  const momPre = weightedColumnMeans(p.design, wTreat.map((v, i) => v / meanTreat - (wTreatPre[i] as number) / treatPre.meanWeight));

  // Terms sharing a nuisance estimate are combined before the solve (the representation is linear in M):
  // β̂_{0,post}: M1.post − M3.post − mom.post; β̂_{0,pre}: M1.pre − M3.pre + mom.pre; β̂_{1,post}: mom.post;
  // β̂_{1,pre}: −mom.pre; γ̂: −(M2.post − M2.pre).
  const c1Effect = linearTerm(p, olsScale(p, c1), c1.factor, m1Post.map((v, j) => v - (m3Post[j] as number) - (momPost[j] as number)));
  const c0Effect = linearTerm(p, olsScale(p, c0), c0.factor, m1Pre.map((v, j) => v - (m3Pre[j] as number) + (momPre[j] as number)));
  const t1Effect = linearTerm(p, olsScale(p, t1), t1.factor, momPost);
  const t0Effect = linearTerm(p, olsScale(p, t0), t0.factor, momPre.map((v) => -v));
  const score = Float64Array.from(w, (wi, i) => wi * ((d[i] as number) - (ps[i] as number)));
  const psEffect = linearTerm(p, score, psFactor, m2Post.map((v, j) => (m2Pre[j] as number) - v));

  const influence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const leading =
      (treatPost.influence[i] as number) -
      (treatPre.influence[i] as number) -
      ((contPost.influence[i] as number) - (contPre.influence[i] as number)) +
      ((dPost.influence[i] as number) - (dt1.influence[i] as number)) -
      ((dPre.influence[i] as number) - (dt0.influence[i] as number));
    influence[i] = leading + (c1Effect[i] as number) + (c0Effect[i] as number) + (t1Effect[i] as number) + (t0Effect[i] as number) + (psEffect[i] as number);
  }
  return { att, se: influenceStandardError(influence), influence };
}
