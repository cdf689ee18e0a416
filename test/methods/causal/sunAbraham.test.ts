import { describe, expect, it } from 'vitest';
import { FtzError } from '../../../src/core/errors.js';
import { sunAbraham } from '../../../src/methods/causal/sunAbraham.js';
import { SSC_LM_SANDWICH } from '../../../src/methods/causal/vcov.js';
import { readMpdta, readReference } from './twfeFixtures.js';
import { postAverage, simulateStaggered } from './simulatedPanel.js';

// Golden: make_twfe_reference.R fits lm() with explicit cohort × relative-time dummies (never-treated
// controls, reference −1) and county/year factors, then aggregates with each cohort's share of the
// observations at that relative time; variance W V W' with V = sandwich::vcovCL by county (HC1).
// Coefficients 1e-8, SEs 1e-6.
const m = readMpdta();
const ref = readReference();
const panel = { unit: m.county, time: m.year, y: m.lemp, cohort: m.cohort };

describe('sunAbraham on mpdta with never-treated controls', () => {
  const sa = sunAbraham(panel, { ssc: SSC_LM_SANDWICH });

  it('estimates every cohort × relative-period cell as lm does, to 1e-8', () => {
    expect(sa.cells.cohort.length).toBe(12);
    sa.cells.cohort.forEach((c, j) => {
      const e = sa.cells.eventTime[j] as number;
      const term = `sa_${c}_${e < 0 ? `m${-e}` : e}`;
      expect(Math.abs((sa.cells.estimate[j] as number) - ref('sun_abraham_cells', term, 'coef'))).toBeLessThan(1e-8);
    });
  });

  it('reproduces ATT(2004, 2004) of Callaway–Sant’Anna as the cell (2004, 0), as the estimators coincide there', () => {
    const j = Array.from(sa.cells.cohort).findIndex((c, i) => c === 2004 && sa.cells.eventTime[i] === 0);
    expect(sa.cells.estimate[j]).toBeCloseTo(-0.01050325, 7);
  });

  it('aggregates by cohort shares to the reference event-time effects to 1e-8, SEs to 1e-6', () => {
    expect(Array.from(sa.eventTimes)).toEqual([-4, -3, -2, 0, 1, 2, 3]);
    sa.eventTimes.forEach((e, a) => {
      expect(Math.abs((sa.estimates[a] as number) - ref('sun_abraham', String(e), 'coef'))).toBeLessThan(1e-8);
      expect(Math.abs((sa.standardErrors[a] as number) - ref('sun_abraham', String(e), 'se_cl_county'))).toBeLessThan(1e-6);
    });
  });

  it('gives weights that sum to one at each event time', () => {
    for (const e of sa.eventTimes) {
      let s = 0;
      sa.cells.eventTime.forEach((x, j) => { if (x === e) s += sa.cells.weight[j] as number; });
      expect(s).toBeCloseTo(1, 14);
    }
  });
});

describe('sunAbraham controls and checks', () => {
  it('with the last-treated cohort (2007) as control, drops 2007 and needs no never-treated units', () => {
    const treatedOnly = Array.from({ length: m.n }, (_, i) => i).filter((i) => m.cohort[i] !== 0);
    const pick = <T extends Int32Array | Float64Array>(a: T): T => a.filter((_, i) => m.cohort[i] !== 0) as T;
    const sa = sunAbraham({ unit: pick(m.county), time: pick(m.year), y: pick(m.lemp), cohort: pick(m.cohort) }, { control: 'last' });
    expect(sa.controlCohort).toBe(2007);
    expect(sa.nobs).toBe(treatedOnly.length - (treatedOnly.length / 5));
    expect(Array.from(new Set(sa.cells.cohort))).toEqual([2004, 2006]);
  });

  it('throws causal.no_control_units when never-treated controls are asked for and none exist', () => {
    const cohort = Int32Array.from(m.cohort, (c) => (c === 0 ? 2007 : c));
    expect(() => sunAbraham({ ...panel, cohort })).toThrow(FtzError);
  });

  it('recovers a known homogeneous effect within 2 SE on a simulated staggered panel, with either control', () => {
    const sim = simulateStaggered(20240101);
    for (const control of ['never', 'last'] as const) {
      const sa = sunAbraham(sim.panel, { control });
      const post = postAverage(sa);
      expect(Math.abs(post.estimate - sim.effect)).toBeLessThan(2 * post.se);
    }
  });
});
