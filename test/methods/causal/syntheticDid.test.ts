import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FtzError } from '../../../src/core/errors.js';
import { estimateSyntheticDid, syntheticDidStandardError, type SyntheticDidInput } from '../../../src/methods/causal/syntheticDid.js';
import { createRng } from '../../../src/numeric/rng.js';
import { simplexFrankWolfe } from '../../../src/numeric/simplexQp.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/reference/econ/${name}`, import.meta.url));

/** california_prop99.csv as synthdid's panel.matrices builds it: states alphabetical, 1970–2000, T₀ = 19. */
function loadProp99(): SyntheticDidInput & { states: string[]; years: number[] } {
  const lines = readFileSync(fixture('california_prop99.csv'), 'utf8').trim().split(/\r?\n/);
  const sep = (lines[0] as string).includes(';') ? ';' : ',';
  const rows = lines.slice(1).map((l) => l.split(sep).map((c) => c.replace(/"/g, '')));
  const states = [...new Set(rows.map((r) => r[0] as string))].sort();
  const years = [...new Set(rows.map((r) => Number(r[1])))].sort((a, b) => a - b);
  const outcome = new Float64Array(states.length * years.length);
  const treated = new Uint8Array(states.length);
  for (const r of rows) {
    const i = states.indexOf(r[0] as string);
    outcome[i * years.length + years.indexOf(Number(r[1]))] = Number(r[2]);
    if (r[3] === '1') treated[i] = 1;
  }
  return { outcome, units: states.length, periods: years.length, treated, prePeriods: years.indexOf(1989), states, years };
}

const prop99 = loadProp99();

describe('synthetic DID on California Proposition 99 (Arkhangelsky et al. 2021, Table 1)', () => {
  test('the panel has 38 control states, California treated, 19 pre- and 12 post-treatment years', () => {
    expect(prop99.units).toBe(39);
    expect(prop99.periods).toBe(31);
    expect(prop99.prePeriods).toBe(19);
    expect(Array.from(prop99.treated).filter((x) => x === 1)).toHaveLength(1);
  });

  // Table 1 prints one decimal; the estimates are deterministic, so we require agreement to ±0.05.
  test.each([
    ['sdid', -15.6],
    ['sc', -19.6],
    ['did', -27.3],
  ] as const)('the %s estimate is %s packs per capita (to ±0.05)', (estimator, expected) => {
    const fit = estimateSyntheticDid(prop99, { estimator });
    expect(Math.abs(fit.estimate - expected)).toBeLessThan(0.05);
  });

  // The placebo SE is random: our seeded generator is not R's, so we compare in distribution (±15 %).
  test.each([
    ['sdid', 8.4],
    ['sc', 9.9],
    ['did', 17.7],
  ] as const)('the %s placebo standard error (200 replications, seed 12345) is within 15 percent of %s', (estimator, expected) => {
    const fit = estimateSyntheticDid(prop99, { estimator });
    const se = syntheticDidStandardError(fit, { method: 'placebo', replications: 200, seed: 12345 });
    expect(se.draws).toHaveLength(200);
    expect(Math.abs(se.se / expected - 1)).toBeLessThan(0.15);
  });

  test('SDID weights lie on the simplex, and λ puts its mass on the last pre-treatment years (1986–1988)', () => {
    const fit = estimateSyntheticDid(prop99);
    const sum = (v: Float64Array): number => v.reduce((a, b) => a + b, 0);
    expect(sum(fit.omega)).toBeCloseTo(1, 12);
    expect(sum(fit.lambda)).toBeCloseTo(1, 12);
    expect(Math.min(...fit.omega, ...fit.lambda)).toBeGreaterThanOrEqual(0);
    expect(fit.lambda.subarray(16).reduce((a, b) => a + b, 0)).toBeGreaterThan(0.99);
    expect(fit.settings.zetaOmega).toBeCloseTo(Math.pow(12, 0.25) * fit.settings.noiseLevel, 12);
  });

  test('the effect curve averages to the estimate', () => {
    const fit = estimateSyntheticDid(prop99);
    expect(fit.effectCurve).toHaveLength(12);
    expect(fit.effectCurve.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(fit.estimate, 10);
  });

  test('SC uses no time weights and no intercept; DID uses uniform weights', () => {
    const sc = estimateSyntheticDid(prop99, { estimator: 'sc' });
    expect(Array.from(sc.lambda).every((x) => x === 0)).toBe(true);
    expect(sc.omegaIntercept).toBe(0);
    const did = estimateSyntheticDid(prop99, { estimator: 'did' });
    expect(Array.from(did.omega).every((x) => x === 1 / 38)).toBe(true);
    expect(Array.from(did.lambda).every((x) => x === 1 / 19)).toBe(true);
  });

  test('the DID estimate equals the 2×2 difference of means computed directly', () => {
    const { outcome, periods: t, prePeriods: t0, treated } = prop99;
    const mean = (units: number[], from: number, to: number): number => {
      let s = 0;
      for (const i of units) for (let c = from; c < to; c++) s += outcome[i * t + c] as number;
      return s / (units.length * (to - from));
    };
    const tr = [...Array(39).keys()].filter((i) => treated[i] === 1);
    const co = [...Array(39).keys()].filter((i) => treated[i] !== 1);
    const direct = mean(tr, t0, t) - mean(tr, 0, t0) - (mean(co, t0, t) - mean(co, 0, t0));
    expect(estimateSyntheticDid(prop99, { estimator: 'did' }).estimate).toBeCloseTo(direct, 10);
  });

  test('adding unit and period fixed effects to the outcome leaves SDID unchanged (same ζ)', () => {
    const base = estimateSyntheticDid(prop99);
    const rng = createRng(7);
    const alpha = Array.from({ length: 39 }, () => 50 * rng.normal());
    const beta = Array.from({ length: 31 }, () => 10 * rng.normal());
    const shifted = Float64Array.from(prop99.outcome, (v, k) => v + (alpha[Math.floor(k / 31)] as number) + (beta[k % 31] as number));
    const s = base.settings;
    const fit = estimateSyntheticDid({ ...prop99, outcome: shifted }, { zetaOmega: s.zetaOmega, zetaLambda: s.zetaLambda, minDecrease: s.minDecrease });
    expect(fit.estimate).toBeCloseTo(base.estimate, 6);
  });
});

describe('synthetic DID standard errors (Algorithms 2–4)', () => {
  test('the same seed gives the same placebo draws; another seed other draws', () => {
    const fit = estimateSyntheticDid(prop99, { estimator: 'sc' });
    const a = syntheticDidStandardError(fit, { replications: 20, seed: 3 });
    const b = syntheticDidStandardError(fit, { replications: 20, seed: 3 });
    const c = syntheticDidStandardError(fit, { replications: 20, seed: 4 });
    expect(Array.from(a.draws)).toEqual(Array.from(b.draws));
    expect(Array.from(c.draws)).not.toEqual(Array.from(a.draws));
    expect(a.seed).toBe(3);
  });

  test('the jackknife is undefined with a single treated unit: NaN and a coded warning', () => {
    const se = syntheticDidStandardError(estimateSyntheticDid(prop99), { method: 'jackknife' });
    expect(se.se).toBeNaN();
    expect(se.warning).toBe('causal.jackknife_single_treated');
  });

  // Three treated states (California, Nevada, Utah) make jackknife and bootstrap defined.
  const three = { ...prop99, treated: Uint8Array.from(prop99.states, (s) => (['California', 'Nevada', 'Utah'].includes(s) ? 1 : 0)) };

  test('with three treated units the jackknife is finite and uses one leave-one-out estimate per unit', () => {
    const se = syntheticDidStandardError(estimateSyntheticDid(three), { method: 'jackknife' });
    expect(se.draws).toHaveLength(39);
    expect(se.se).toBeGreaterThan(0);
    expect(Number.isFinite(se.se)).toBe(true);
  });

  test('the bootstrap redraws samples without controls or treated units, and replays from its seed', () => {
    const fit = estimateSyntheticDid(three);
    const a = syntheticDidStandardError(fit, { method: 'bootstrap', replications: 50, seed: 11 });
    const b = syntheticDidStandardError(fit, { method: 'bootstrap', replications: 50, seed: 11 });
    expect(a.draws).toHaveLength(50);
    expect(Array.from(a.draws).every(Number.isFinite)).toBe(true);
    expect(a.se).toBe(b.se);
    expect(a.se).toBeGreaterThan(0);
  });

  test('the placebo needs more controls than treated units', () => {
    const y = new Float64Array(5 * 4).map((_, k) => k % 4 + Math.floor(k / 4) * 0.3 + ((k * 7) % 5) * 0.1);
    const fit = estimateSyntheticDid({ outcome: y, units: 5, periods: 4, treated: [0, 0, 1, 1, 1], prePeriods: 2 });
    expect(() => syntheticDidStandardError(fit, { seed: 1 })).toThrow(FtzError);
  });
});

describe('synthetic DID rejects degenerate input with coded errors', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      return e instanceof FtzError ? e.code : 'not an FtzError';
    }
    return undefined;
  };

  test('no pre-treatment period (or only one, which leaves no first difference for ζ) → causal.too_few_periods', () => {
    expect(code(() => estimateSyntheticDid({ ...prop99, prePeriods: 0 }))).toBe('causal.too_few_periods');
    expect(code(() => estimateSyntheticDid({ ...prop99, prePeriods: 1 }))).toBe('causal.too_few_periods');
    expect(estimateSyntheticDid({ ...prop99, prePeriods: 1 }, { estimator: 'did' }).estimate).toBeTypeOf('number');
  });

  test('no post-treatment period → causal.too_few_periods', () => {
    expect(code(() => estimateSyntheticDid({ ...prop99, prePeriods: 31 }))).toBe('causal.too_few_periods');
  });

  test('one control unit → causal.too_few_controls', () => {
    const y = Float64Array.from({ length: 2 * 5 }, (_, k) => k);
    expect(code(() => estimateSyntheticDid({ outcome: y, units: 2, periods: 5, treated: [0, 1], prePeriods: 3 }))).toBe('causal.too_few_controls');
  });

  test('a missing outcome, a shape mismatch or nobody treated → causal.bad_panel', () => {
    const y = Float64Array.from(prop99.outcome);
    y[40] = Number.NaN;
    expect(code(() => estimateSyntheticDid({ ...prop99, outcome: y }))).toBe('causal.bad_panel');
    expect(code(() => estimateSyntheticDid({ ...prop99, periods: 30 }))).toBe('causal.bad_panel');
    expect(code(() => estimateSyntheticDid({ ...prop99, treated: new Uint8Array(39) }))).toBe('causal.bad_panel');
  });
});

describe('Frank–Wolfe on the simplex (src/numeric/simplexQp)', () => {
  test('finds the nearest point of a segment: (1,1) projects to the midpoint of (0,0)–(2,0)', () => {
    // A = [[0, 2], [0, 0]]: columns are the points (0,0) and (2,0)
    const r = simplexFrankWolfe(new Float64Array([0, 2, 0, 0]), 2, 2, [1, 1], { minDecrease: 1e-12 });
    expect(r.x[0]).toBeCloseTo(0.5, 6);
    expect(r.x[1]).toBeCloseTo(0.5, 6);
    expect(r.gap).toBeLessThan(1e-8);
  });

  test('a ridge ζ pulls the weights towards uniform', () => {
    const a = new Float64Array([1, 0, 0, 1, 0, 0]); // rows: 3, cols: 2
    const free = simplexFrankWolfe(a, 3, 2, [1, 0, 0], { minDecrease: 1e-10 });
    const ridged = simplexFrankWolfe(a, 3, 2, [1, 0, 0], { minDecrease: 1e-10, zeta: 10 });
    expect(free.x[0]).toBeCloseTo(1, 6);
    expect(Math.abs((ridged.x[0] as number) - 0.5)).toBeLessThan(0.01);
  });

  test('stops at once when started at an optimal vertex', () => {
    const r = simplexFrankWolfe(new Float64Array([0, 2, 0, 0]), 2, 2, [0, 0], { start: [1, 0] });
    expect(Array.from(r.x)).toEqual([1, 0]);
    expect(r.iterations).toBeLessThanOrEqual(2);
  });
});
