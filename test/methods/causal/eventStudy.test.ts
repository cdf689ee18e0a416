import { describe, expect, it } from 'vitest';
import { FtzError } from '../../../src/core/errors.js';
import { eventStudy } from '../../../src/methods/causal/eventStudy.js';
import { SSC_LM_SANDWICH } from '../../../src/methods/causal/vcov.js';
import { readMpdta, readReference } from './twfeFixtures.js';
import { postAverage, simulateStaggered } from './simulatedPanel.js';

// Golden: R lm() with explicit relative-time dummies + county and year factors, sandwich::vcovCL (HC1,
// cadjust) by county (make_twfe_reference.R). Coefficients 1e-8, SEs 1e-6.
const m = readMpdta();
const ref = readReference();
const panel = { unit: m.county, time: m.year, y: m.lemp, cohort: m.cohort };
const term = (k: number): string => `es_${k < 0 ? `m${-k}` : k}`;

describe('eventStudy on mpdta (window −4..3, reference −1, never-treated controls)', () => {
  const es = eventStudy(panel, { window: [-4, 3], reference: -1, ssc: SSC_LM_SANDWICH });

  it('estimates every event time but the reference, in order', () => {
    expect(Array.from(es.eventTimes)).toEqual([-4, -3, -2, 0, 1, 2, 3]);
    expect(es.referencePeriod).toBe(-1);
    expect(es.nobs).toBe(2500);
  });

  it('matches lm with explicit dummies to 1e-8', () => {
    es.eventTimes.forEach((k, j) => expect(Math.abs((es.estimates[j] as number) - ref('event_study', term(k), 'coef'))).toBeLessThan(1e-8));
  });

  it('matches the county-clustered SEs of sandwich::vcovCL (HC1, every FE counted) to 1e-6', () => {
    es.eventTimes.forEach((k, j) => expect(Math.abs((es.standardErrors[j] as number) - ref('event_study', term(k), 'se_cl_county'))).toBeLessThan(1e-6));
  });

  it('matches the iid SEs of lm to 1e-6', () => {
    const iid = eventStudy(panel, { window: [-4, 3], vcov: { type: 'iid' } });
    iid.eventTimes.forEach((k, j) => expect(Math.abs((iid.standardErrors[j] as number) - ref('event_study', term(k), 'se_iid'))).toBeLessThan(1e-6));
  });

  it('returns a symmetric vcov whose diagonal is the squared SEs', () => {
    const k = es.eventTimes.length;
    for (let a = 0; a < k; a++) {
      expect(es.vcov[a * k + a]).toBeCloseTo((es.standardErrors[a] as number) ** 2, 15);
      for (let b = 0; b < k; b++) expect(es.vcov[a * k + b]).toBe(es.vcov[b * k + a]);
    }
  });
});

describe('eventStudy binning and checks', () => {
  it('bins relative times beyond the window into its end points', () => {
    // Window −2..1: −4 and −3 pool into −2, 2 and 3 into 1.
    const es = eventStudy(panel, { window: [-2, 1] });
    expect(Array.from(es.eventTimes)).toEqual([-2, 0, 1]);
  });

  it('rejects a reference period outside the window with a coded error', () => {
    expect(() => eventStudy(panel, { window: [0, 3], reference: -1 })).toThrow(FtzError);
  });

  it('rejects a unit with two cohorts', () => {
    const cohort = Int32Array.from(m.cohort);
    cohort[1] = 2004;
    expect(() => eventStudy({ ...panel, cohort })).toThrow(/two treatment cohorts/);
  });

  it('recovers a known homogeneous effect within 2 SE on a simulated staggered panel (with a covariate)', () => {
    const sim = simulateStaggered(20240101);
    const es = eventStudy({ ...sim.panel, covariates: [{ name: 'x', values: sim.panel.x }] }, { window: [-3, 3] });
    const post = postAverage(es);
    expect(Math.abs(post.estimate - sim.effect)).toBeLessThan(2 * post.se);
  });
});
