import { describe, expect, it } from 'vitest';
import { FtzError } from '../../../src/core/errors.js';
import { imputation } from '../../../src/methods/causal/imputation.js';
import { readMpdta, readReference } from './twfeFixtures.js';
import { postAverage, simulateStaggered } from './simulatedPanel.js';

// Golden: make_twfe_reference.R implements BJS's steps with lm (unit + year factors on untreated rows,
// predict, average) and Theorem 3's conservative variance by explicit matrix algebra. Coefficients 1e-8,
// SEs 1e-6.
const m = readMpdta();
const ref = readReference();
const panel = { unit: m.county, time: m.year, y: m.lemp, cohort: m.cohort };

describe('imputation (Borusyak, Jaravel & Spiess 2024) on mpdta', () => {
  const r = imputation(panel);

  it('matches the overall ATT of lm-on-untreated, predict, average to 1e-8', () => {
    expect(Math.abs(r.overall.estimate - ref('imputation', 'overall', 'coef'))).toBeLessThan(1e-8);
    expect(r.notImputable).toBe(0);
  });

  it('matches the effects by event time 0..3 to 1e-8', () => {
    expect(Array.from(r.eventTimes)).toEqual([0, 1, 2, 3]);
    r.eventTimes.forEach((h, j) => expect(Math.abs((r.estimates[j] as number) - ref('imputation', String(h), 'coef'))).toBeLessThan(1e-8));
  });

  it('matches the conservative clustered SEs (BJS Theorem 3) to 1e-6', () => {
    expect(Math.abs(r.overall.standardError - ref('imputation', 'overall', 'se_bjs'))).toBeLessThan(1e-6);
    r.eventTimes.forEach((h, j) => expect(Math.abs((r.standardErrors[j] as number) - ref('imputation', String(h), 'se_bjs'))).toBeLessThan(1e-6));
  });

  it('returns τ̂_it on treated rows only', () => {
    for (let i = 0; i < m.n; i++) expect(Number.isNaN(r.unitEffects[i] as number)).toBe(m.d[i] === 0);
  });

  it('reports only the requested horizons', () => {
    expect(Array.from(imputation(panel, { horizons: [2, 0] }).eventTimes)).toEqual([0, 2]);
  });
});

describe('imputation with a covariate in the first step on mpdta', () => {
  const r = imputation({ ...panel, covariates: [{ name: 'xcov', values: m.xcov }] });

  it('matches the overall and by-horizon effects to 1e-8', () => {
    expect(Math.abs(r.overall.estimate - ref('imputation_cov', 'overall', 'coef'))).toBeLessThan(1e-8);
    r.eventTimes.forEach((h, j) => expect(Math.abs((r.estimates[j] as number) - ref('imputation_cov', String(h), 'coef'))).toBeLessThan(1e-8));
  });

  it('matches the conservative SEs, whose implied weights now include the covariate, to 1e-6', () => {
    expect(Math.abs(r.overall.standardError - ref('imputation_cov', 'overall', 'se_bjs'))).toBeLessThan(1e-6);
    r.eventTimes.forEach((h, j) => expect(Math.abs((r.standardErrors[j] as number) - ref('imputation_cov', String(h), 'se_bjs'))).toBeLessThan(1e-6));
  });
});

describe('imputation edge cases', () => {
  it('leaves out and counts treated rows of a unit never observed untreated', () => {
    // Make county 8001's cohort 2003: treated in every period, so no α_i can be estimated.
    const cohort = Int32Array.from(m.cohort, (c, i) => (m.county[i] === 8001 ? 2003 : c));
    const r = imputation({ ...panel, cohort });
    expect(r.notImputable).toBe(5);
  });

  it('throws causal.no_control_units when every row is treated', () => {
    const cohort = new Int32Array(m.n).fill(2003);
    expect(() => imputation({ ...panel, cohort })).toThrow(FtzError);
  });

  it('recovers a known homogeneous effect within 2 SE on a simulated staggered panel (with a covariate)', () => {
    const sim = simulateStaggered(20240101);
    const r = imputation({ ...sim.panel, covariates: [{ name: 'x', values: sim.panel.x }] });
    expect(Math.abs(r.overall.estimate - sim.effect)).toBeLessThan(2 * r.overall.standardError);
    const post = postAverage(r);
    expect(Math.abs(post.estimate - sim.effect)).toBeLessThan(2 * post.se);
    expect(r.covariateCoefficients[0]).toBeCloseTo(0.3, 1);
  });
});
