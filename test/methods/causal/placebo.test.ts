import { describe, expect, it } from 'vitest';
import { FtzError } from '../../../src/core/errors.js';
import { callawaySantAnna } from '../../../src/methods/causal/callawaySantAnna.js';
import { feols } from '../../../src/methods/causal/feols.js';
import { placeboTest, type PlaceboEstimator, type PlaceboPanel } from '../../../src/methods/causal/placebo.js';
import { callawaySantAnnaPlaceboEstimator } from '../../../src/methods/causal/placeboEstimators.js';
import { SSC_FIXEST, vcov } from '../../../src/methods/causal/vcov.js';
import { simulateStaggered } from './simulatedPanel.js';
import { readMpdta } from './twfeFixtures.js';

const m = readMpdta();
const mpdta: PlaceboPanel = { unit: m.county, time: m.year, y: m.lemp, cohort: m.cohort };
const withCovariate: PlaceboPanel = { ...mpdta, covariates: [{ name: 'xcov', values: m.xcov }] };
const years = [2003, 2004, 2005, 2006, 2007];

/** The slow reference: a full feols + clustered vcov on whatever cohort column the draw hands over. */
const fullTwfe: PlaceboEstimator = (p) => {
  const d = Float64Array.from(p.cohort, (c, i) => (c > 0 && (p.time[i] as number) >= c ? 1 : 0));
  const fit = feols({ y: p.y, regressors: [{ name: 'd', values: d }, ...(p.covariates ?? [])], fixedEffects: [{ name: 'unit', values: p.unit }, { name: 'time', values: p.time }] });
  const v = vcov(fit, { type: 'cluster', clusters: [{ name: 'unit', values: p.unit }] }, SSC_FIXEST);
  return { estimate: fit.coefficients[0] as number, standardError: v.standardErrors[0] as number };
};

/** Unit → cohort of one (fake) assignment. */
function unitCohorts(p: PlaceboPanel): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < p.cohort.length; i++) out.set(p.unit[i] as number, p.cohort[i] as number);
  return out;
}

describe('placeboTest', () => {
  it('reports as the real estimate the TWFE treat × post coefficient and clustered SE of feols + vcov on mpdta', () => {
    const r = placeboTest(mpdta, { seed: 1, draws: 5 });
    const ref = fullTwfe(mpdta);
    expect(r.real.estimate).toBeCloseTo(ref.estimate, 10);
    expect(r.real.standardError).toBeCloseTo(ref.standardError as number, 10);
    expect(r.estimator).toBe('twfe');
  });

  it.each(['individual', 'timing', 'mixed'] as const)('gives, draw by draw, the same placebo estimates and t statistics as a full feols re-fit (%s, with a covariate)', (mode) => {
    const fast = placeboTest(withCovariate, { mode, seed: 7, draws: 25 });
    const slow = placeboTest(withCovariate, { mode, seed: 7, draws: 25, estimator: fullTwfe });
    expect(slow.estimator).toBe('custom');
    for (let r = 0; r < 25; r++) {
      expect(fast.estimates[r]).toBeCloseTo(slow.estimates[r] as number, 9);
      expect(fast.tStatistics[r]).toBeCloseTo(slow.tStatistics[r] as number, 7);
    }
    expect(fast.pValue).toBe(slow.pValue);
  });

  it('replays the same draws from the same seed and different draws from another seed', () => {
    const a = placeboTest(mpdta, { seed: 42, draws: 30 });
    const b = placeboTest(mpdta, { seed: 42, draws: 30 });
    const c = placeboTest(mpdta, { seed: 43, draws: 30 });
    expect(Array.from(b.estimates)).toEqual(Array.from(a.estimates));
    expect(Array.from(c.estimates)).not.toEqual(Array.from(a.estimates));
  });

  it('individual mode treats as many random units as are treated, with the real cohorts permuted', () => {
    const real = unitCohorts(mpdta);
    const realCohorts = [...real.values()].filter((c) => c > 0).sort();
    const seen: Map<number, number>[] = [];
    placeboTest(mpdta, { mode: 'individual', seed: 3, draws: 10, estimator: (p) => (seen.push(unitCohorts(p)), { estimate: 0.1 }) });
    expect(seen).toHaveLength(11); // the real assignment, then 10 draws
    for (const draw of seen.slice(1)) {
      expect([...draw.values()].filter((c) => c > 0).sort()).toEqual(realCohorts);
      expect([...draw].some(([u, c]) => c > 0 && real.get(u) === 0)).toBe(true);
    }
  });

  it('timing mode keeps the treated units and draws each fake first-treated year from the sample years', () => {
    const real = unitCohorts(mpdta);
    const draws: Map<number, number>[] = [];
    placeboTest(mpdta, { mode: 'timing', seed: 3, draws: 10, estimator: (p) => (draws.push(unitCohorts(p)), { estimate: 0.1 }) });
    const drawnYears = new Set<number>();
    for (const draw of draws.slice(1)) {
      for (const [u, c] of draw) {
        expect(c > 0).toBe((real.get(u) as number) > 0);
        if (c > 0) {
          expect(years).toContain(c);
          drawnYears.add(c);
        }
      }
    }
    expect([...drawnYears].sort()).toEqual(years);
  });

  it('mixed mode treats as many random units as are treated, at years drawn from the sample years', () => {
    const nTreated = [...unitCohorts(mpdta).values()].filter((c) => c > 0).length;
    const draws: Map<number, number>[] = [];
    placeboTest(mpdta, { mode: 'mixed', seed: 5, draws: 10, estimator: (p) => (draws.push(unitCohorts(p)), { estimate: 0.1 }) });
    for (const draw of draws.slice(1)) {
      const treated = [...draw.values()].filter((c) => c > 0);
      expect(treated).toHaveLength(nTreated);
      for (const c of treated) expect(years).toContain(c);
    }
  });

  it('computes the two-sided permutation p-value as (#|placebo| ≥ |real| + 1)/(R + 1), and the mean and sd of the draws', () => {
    const r = placeboTest(mpdta, { mode: 'mixed', seed: 11, draws: 200 });
    const extreme = Array.from(r.estimates).filter((x) => Math.abs(x) >= Math.abs(r.real.estimate)).length;
    expect(r.failed).toBe(0);
    expect(r.pValue).toBeCloseTo((extreme + 1) / 201, 15);
    const mean = r.estimates.reduce((s, x) => s + x, 0) / 200;
    expect(r.mean).toBeCloseTo(mean, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(r.estimates.reduce((s, x) => s + (x - mean) ** 2, 0) / 199), 12);
    expect(r.tPValue).not.toBeNull();
  });

  it('finds a strong simulated effect (τ = 0.5, seed 2024) far in the tail of placebos centred on zero, and no effect when τ = 0', () => {
    const { panel, effect } = simulateStaggered(2024, 200, 10);
    const strong = placeboTest(panel, { mode: 'individual', seed: 9, draws: 199 });
    expect(strong.real.estimate).toBeGreaterThan(0.35);
    expect(strong.pValue).toBeCloseTo(1 / 200, 15);
    expect(Math.abs(strong.mean)).toBeLessThan(0.05);
    const y0 = Float64Array.from(panel.y, (v, i) => v - ((panel.cohort[i] as number) > 0 && (panel.time[i] as number) >= (panel.cohort[i] as number) ? effect : 0));
    const none = placeboTest({ ...panel, y: y0 }, { mode: 'individual', seed: 9, draws: 199 });
    expect(none.pValue).toBeGreaterThan(0.05);
  });

  it('returns a Gaussian Silverman density of the draws that integrates to about 1 and spans the real estimate', () => {
    const r = placeboTest(mpdta, { seed: 13, draws: 300, densityPoints: 400 });
    const d = r.density;
    expect(d).not.toBeNull();
    if (!d) return;
    expect(d.kernel).toBe('gaussian');
    expect(d.x).toHaveLength(400);
    let area = 0;
    for (let g = 1; g < d.x.length; g++) area += ((d.x[g] as number) - (d.x[g - 1] as number)) * ((d.density[g] as number) + (d.density[g - 1] as number)) / 2;
    expect(area).toBeGreaterThan(0.98);
    expect(area).toBeLessThan(1.001);
    expect(d.x[0]).toBeLessThan(r.real.estimate);
    expect(d.x[d.x.length - 1]).toBeGreaterThan(r.real.estimate);
  });

  it('calls the progress callback once per draw with (done, total)', () => {
    const calls: [number, number][] = [];
    placeboTest(mpdta, { seed: 1, draws: 12, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, 12]));
  });

  it('runs R = 1,000 mixed draws on 500 × 5 mpdta in well under the test timeout', () => {
    const start = performance.now();
    const r = placeboTest(withCovariate, { mode: 'mixed', seed: 20240101, draws: 1000 });
    const ms = performance.now() - start;
    expect(r.estimates).toHaveLength(1000);
    expect(ms).toBeLessThan(4000);
  });

  it("accepts the Callaway–Sant'Anna simple ATT as estimator, reporting did's simple aggregation for the real assignment", () => {
    const est = callawaySantAnnaPlaceboEstimator({ estMethod: 'reg' });
    const r = placeboTest(mpdta, { mode: 'individual', seed: 17, draws: 8, estimator: est });
    const direct = callawaySantAnna({ id: m.county, time: m.year, group: m.cohort, y: m.lemp }, { estMethod: 'reg' }).aggregations.simple.overall;
    expect(r.real.estimate).toBeCloseTo(direct.att, 12);
    expect(r.real.standardError).toBeCloseTo(direct.se, 12);
    expect(r.estimates.filter(Number.isFinite).length + r.failed).toBe(8);
  });

  it('counts draws whose estimator throws a coded error as failed and leaves them out of the p-value', () => {
    let calls = 0;
    const flaky: PlaceboEstimator = (p) => {
      calls++;
      if (calls > 1 && calls % 3 === 0) throw new FtzError('causal.singular_design', { what: 'test', detail: 'every third draw' });
      return fullTwfe(p);
    };
    const r = placeboTest(mpdta, { seed: 2, draws: 9, estimator: flaky });
    expect(r.failed).toBe(3);
    expect(r.estimates.filter(Number.isNaN)).toHaveLength(3);
    const extreme = Array.from(r.estimates).filter((x) => Math.abs(x) >= Math.abs(r.real.estimate)).length;
    expect(r.pValue).toBeCloseTo((extreme + 1) / 7, 15);
  });

  it('lets an estimator bug (a plain Error) propagate instead of counting it as a failed draw', () => {
    let calls = 0;
    const broken: PlaceboEstimator = () => {
      if (++calls > 1) throw new TypeError('bug');
      return { estimate: 1 };
    };
    expect(() => placeboTest(mpdta, { seed: 2, draws: 3, estimator: broken })).toThrow(TypeError);
  });

  it('rejects a panel without treated units, a zero draw count and an unknown mode with coded errors', () => {
    const never: PlaceboPanel = { ...mpdta, cohort: new Int32Array(m.n) };
    expect(() => placeboTest(never, { seed: 1 })).toThrow(expect.objectContaining({ code: 'causal.bad_panel' }));
    expect(() => placeboTest(mpdta, { seed: 1, draws: 0 })).toThrow(expect.objectContaining({ code: 'causal.option_invalid' }));
    expect(() => placeboTest(mpdta, { seed: 1, mode: 'random' as 'mixed' })).toThrow(expect.objectContaining({ code: 'causal.option_invalid' }));
  });
});
