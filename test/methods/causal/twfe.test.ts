import { describe, expect, it } from 'vitest';
import { FtzError } from '../../../src/core/errors.js';
import { householderQr, qrSolve, qrUnscaledCovariance } from '../../../src/numeric/qr.js';
import { demean, dropSingletons, factorize } from '../../../src/methods/causal/demean.js';
import { feols } from '../../../src/methods/causal/feols.js';
import { SSC_FIXEST, SSC_LM_SANDWICH, vcov } from '../../../src/methods/causal/vcov.js';
import { readMpdta, readReference } from './twfeFixtures.js';

// Tolerances (test/fixtures/reference/econ/README.md): coefficients 1e-8, standard errors 1e-6 (absolute),
// against R lm() with factor dummies + sandwich (make_twfe_reference.R).
const COEF_TOL = 1e-8;
const SE_TOL = 1e-6;

const m = readMpdta();
const ref = readReference();
const fixedEffects = [
  { name: 'county', values: m.county },
  { name: 'year', values: m.year },
];
const byCounty = { type: 'cluster' as const, clusters: [{ name: 'county', values: m.county }] };
const twoWay = { type: 'cluster' as const, clusters: [{ name: 'county', values: m.county }, { name: 'year', values: m.year }] };

describe('householderQr', () => {
  it('solves a full-rank least-squares problem and gives (A′A)⁻¹', () => {
    // y = 1 + 2x exactly on x = 0..3.
    const a = Float64Array.from([1, 1, 1, 1, 0, 1, 2, 3]);
    const d = householderQr(a, 4, 2);
    expect(d.rank).toBe(2);
    const beta = qrSolve(d, [1, 3, 5, 7]);
    expect(beta[0]).toBeCloseTo(1, 12);
    expect(beta[1]).toBeCloseTo(2, 12);
    // A′A = [[4, 6], [6, 14]], inverse = [[14, -6], [-6, 4]] / 20.
    const c = qrUnscaledCovariance(d);
    expect(Array.from(c).map((v) => v * 20)).toEqual([14, -6, -6, 4].map((v) => expect.closeTo(v, 10)));
  });

  it('reports the later of two collinear columns as aliased, as lm does', () => {
    const a = Float64Array.from([1, 1, 1, 1, 0, 1, 2, 3, 2, 2, 2, 2, 5, 1, 4, 2]);
    const d = householderQr(a, 4, 4);
    expect(d.rank).toBe(3);
    expect(Array.from(d.aliased)).toEqual([2]);
    const beta = qrSolve(d, [1, 2, 2, 5]);
    expect(Number.isNaN(beta[2])).toBe(true);
  });
});

describe('demean', () => {
  it('absorbs two balanced factors in two sweeps, leaving zero means by unit and by year', () => {
    const unit = factorize(m.county);
    const year = factorize(m.year);
    const { columns, iterations, converged } = demean([m.lemp], [unit, year]);
    expect(converged).toBe(true);
    expect(iterations).toBeLessThanOrEqual(2);
    const x = columns[0] as Float64Array;
    const sums = new Float64Array(year.levels);
    for (let i = 0; i < m.n; i++) {
      const l = year.codes[i] as number;
      sums[l] = (sums[l] as number) + (x[i] as number);
    }
    for (const s of sums) expect(Math.abs(s)).toBeLessThan(1e-9);
  });

  it('drops singletons iteratively and counts them', () => {
    // Unit 3 appears once; removing it leaves year 2 with one row (unit 2's), which goes next, then unit 2.
    const unit = factorize([1, 1, 2, 2, 3, 1, 2]);
    const year = factorize([1, 2, 1, 2, 3, 1, 4]);
    const { keep, dropped } = dropSingletons([unit, year], 7);
    expect(dropped).toBe(2);
    expect(Array.from(keep)).toEqual([1, 1, 1, 1, 0, 1, 0]);
  });

  it('reports non-convergence when the iteration cap is hit', () => {
    const a = factorize([1, 1, 2, 2, 3, 3, 1]);
    const b = factorize([1, 2, 2, 3, 3, 1, 3]);
    const r = demean([Float64Array.from([1, 5, 2, 7, 3, 1, 4])], [a, b], { maxIterations: 1, tolerance: 1e-14 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(1);
  });
});

describe('feols on mpdta (lemp on treat × post, county and year FE) matches lm with dummies', () => {
  const fit = feols({ y: m.lemp, regressors: [{ name: 'D', values: m.d }], fixedEffects });

  it('reproduces the coefficient to 1e-8', () => {
    expect(fit.coefficients[0]).toBeCloseTo(ref('twfe', 'D', 'coef'), 8);
    expect(Math.abs((fit.coefficients[0] as number) - ref('twfe', 'D', 'coef'))).toBeLessThan(COEF_TOL);
    expect(fit.nobs).toBe(2500);
    expect(fit.singletons).toBe(0);
    expect(fit.fixedEffectParameters + 1).toBe(ref('twfe', '', 'k_full'));
  });

  it('reproduces iid, HC1, county-clustered and two-way clustered SEs (lm + sandwich conventions)', () => {
    const cases = [
      ['se_iid', vcov(fit, { type: 'iid' }, SSC_LM_SANDWICH)],
      ['se_hc1', vcov(fit, { type: 'hetero' }, SSC_LM_SANDWICH)],
      ['se_cl_county', vcov(fit, byCounty, SSC_LM_SANDWICH)],
      ['se_cl_twoway', vcov(fit, twoWay, SSC_LM_SANDWICH)],
    ] as const;
    for (const [stat, v] of cases) expect(Math.abs((v.standardErrors[0] as number) - ref('twfe', 'D', stat))).toBeLessThan(SE_TOL);
  });

  it('reproduces fixest-default clustered SEs: nested FE not counted, G_min/(G_min − 1) for two-way', () => {
    const one = vcov(fit, byCounty, SSC_FIXEST);
    expect(one.K).toBe(1 + 5);
    expect(one.dfT).toBe(499);
    expect(Math.abs((one.standardErrors[0] as number) - ref('twfe', 'D', 'se_cl_county_fixest'))).toBeLessThan(SE_TOL);
    const two = vcov(fit, twoWay, SSC_FIXEST);
    expect(two.K).toBe(2);
    expect(two.dfT).toBe(4);
    expect(Math.abs((two.standardErrors[0] as number) - ref('twfe', 'D', 'se_cl_twoway_fixest'))).toBeLessThan(SE_TOL);
  });

  it('gives iid and HC1 SEs that do not depend on the fixest/lm convention when nothing is nested', () => {
    expect(vcov(fit, { type: 'iid' }).standardErrors[0]).toBeCloseTo(vcov(fit, { type: 'iid' }, SSC_LM_SANDWICH).standardErrors[0] as number, 14);
    expect(vcov(fit, { type: 'hetero' }).standardErrors[0]).toBeCloseTo(ref('twfe', 'D', 'se_hc1'), 6);
  });
});

describe('feols on mpdta with a time-varying covariate matches lm with dummies', () => {
  const fit = feols({ y: m.lemp, regressors: [{ name: 'D', values: m.d }, { name: 'xcov', values: m.xcov }], fixedEffects });
  const terms = ['D', 'xcov'] as const;

  it('reproduces both coefficients to 1e-8', () => {
    terms.forEach((t, j) => expect(Math.abs((fit.coefficients[j] as number) - ref('twfe_cov', t, 'coef'))).toBeLessThan(COEF_TOL));
  });

  it('reproduces every SE type under both conventions to 1e-6', () => {
    const lm = { se_iid: { type: 'iid' }, se_hc1: { type: 'hetero' }, se_cl_county: byCounty, se_cl_twoway: twoWay } as const;
    for (const [stat, spec] of Object.entries(lm)) {
      const v = vcov(fit, spec, SSC_LM_SANDWICH);
      terms.forEach((t, j) => expect(Math.abs((v.standardErrors[j] as number) - ref('twfe_cov', t, stat))).toBeLessThan(SE_TOL));
    }
    const fx = { se_cl_county_fixest: byCounty, se_cl_twoway_fixest: twoWay } as const;
    for (const [stat, spec] of Object.entries(fx)) {
      const v = vcov(fit, spec, SSC_FIXEST);
      terms.forEach((t, j) => expect(Math.abs((v.standardErrors[j] as number) - ref('twfe_cov', t, stat))).toBeLessThan(SE_TOL));
    }
  });
});

describe('feols edge cases', () => {
  it('names a regressor the fixed effects absorb (lpop is constant within county) in causal.singular_design', () => {
    try {
      feols({ y: m.lemp, regressors: [{ name: 'D', values: m.d }, { name: 'lpop', values: m.lpop }], fixedEffects });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FtzError);
      expect((e as FtzError).code).toBe('causal.singular_design');
      expect((e as FtzError).message).toContain('lpop');
    }
  });

  it('names the later of two collinear regressors in causal.singular_design', () => {
    const twice = m.xcov.map((v, i) => 2 * v - (m.d[i] as number));
    expect(() => feols({ y: m.lemp, regressors: [{ name: 'D', values: m.d }, { name: 'xcov', values: m.xcov }, { name: 'twiceX', values: twice }], fixedEffects })).toThrow(/twiceX/);
  });

  it('drops singletons before estimating and reports how many', () => {
    // Append three rows for a county seen once and a year seen once.
    const n = m.n;
    const extend = (a: ArrayLike<number>, extra: number[]): Float64Array => Float64Array.from([...Array.from(a), ...extra]);
    const fit = feols({
      y: extend(m.lemp, [5, 6]),
      regressors: [{ name: 'D', values: extend(m.d, [1, 0]) }],
      fixedEffects: [{ name: 'county', values: extend(m.county, [99999, 99998]) }, { name: 'year', values: extend(m.year, [2005, 2010]) }],
    });
    expect(fit.singletons).toBe(2);
    expect(fit.nobs).toBe(n);
    expect(Math.abs((fit.coefficients[0] as number) - ref('twfe', 'D', 'coef'))).toBeLessThan(COEF_TOL);
  });

  it('adds an intercept when there are no fixed effects', () => {
    const fit = feols({ y: [1, 3, 5, 7], regressors: [{ name: 'x', values: [0, 1, 2, 3] }] });
    expect(fit.names).toEqual(['(Intercept)', 'x']);
    expect(fit.coefficients[1]).toBeCloseTo(2, 12);
  });

  it('weights rows: integer weights equal duplicated rows', () => {
    const w = Float64Array.from({ length: m.n }, (_, i) => 1 + (i % 3));
    const fw = feols({ y: m.lemp, regressors: [{ name: 'D', values: m.d }], fixedEffects, weights: w });
    const idx: number[] = [];
    for (let i = 0; i < m.n; i++) for (let r = 0; r < (w[i] as number); r++) idx.push(i);
    const pick = (a: ArrayLike<number>): Float64Array => Float64Array.from(idx, (i) => a[i] as number);
    const fd = feols({ y: pick(m.lemp), regressors: [{ name: 'D', values: pick(m.d) }], fixedEffects: [{ name: 'county', values: pick(m.county) }, { name: 'year', values: pick(m.year) }] });
    expect(Math.abs((fw.coefficients[0] as number) - (fd.coefficients[0] as number))).toBeLessThan(1e-10);
  });
});
