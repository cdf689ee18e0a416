import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { FtzError } from '../../../src/core/errors.js';
import {
  estimateSyntheticControl,
  syntheticControlWeights,
  type SyntheticControlFit,
  type SyntheticControlPanel,
  type SyntheticControlPredictor,
  type SyntheticControlSpec,
} from '../../../src/methods/causal/syntheticControl.js';
import { nelderMead } from '../../../src/numeric/nelderMead.js';
import { createRng } from '../../../src/numeric/rng.js';
import { simplexFrankWolfe, simplexLeastSquares } from '../../../src/numeric/simplexQp.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/reference/econ/${name}`, import.meta.url));

function readCsv(name: string): { head: string[]; rows: string[][] } {
  const lines = readFileSync(fixture(name), 'utf8').trim().split(/\r?\n/);
  const split = (l: string): string[] => l.split(',').map((c) => c.replace(/"/g, ''));
  return { head: split(lines[0] as string), rows: lines.slice(1).map(split) };
}

/** smoking_adh2010.csv as a panel: outcome = cigsale; covariates lnincome, beer, age15to24, retprice (NA → NaN). */
function loadSmoking(): SyntheticControlPanel {
  const { head, rows } = readCsv('smoking_adh2010.csv');
  const col = (n: string): number => head.indexOf(n);
  const units = [...new Set(rows.map((r) => r[col('state')] as string))];
  const periods = [...new Set(rows.map((r) => Number(r[col('year')])))].sort((a, b) => a - b);
  const size = units.length * periods.length;
  const vars: Record<string, Float64Array> = {};
  for (const v of ['cigsale', 'lnincome', 'beer', 'age15to24', 'retprice']) vars[v] = new Float64Array(size).fill(Number.NaN);
  for (const r of rows) {
    const k = units.indexOf(r[col('state')] as string) * periods.length + periods.indexOf(Number(r[col('year')]));
    for (const [v, data] of Object.entries(vars)) {
      const s = r[col(v)] as string;
      data[k] = s === 'NA' ? Number.NaN : Number(s);
    }
  }
  return { units, periods, outcome: vars.cigsale as Float64Array, covariates: vars };
}

const years = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, k) => a + k);

/** ADH (2010) Table 1 predictors, as the reference Synth run used them. */
const adhPredictors: SyntheticControlPredictor[] = [
  { variable: 'lnincome', periods: years(1980, 1988) },
  { variable: 'retprice', periods: years(1980, 1988) },
  { variable: 'age15to24', periods: years(1980, 1988) },
  { variable: 'beer', periods: years(1984, 1988) },
  { variable: 'outcome', periods: [1975], name: 'cigsale (1975)' },
  { variable: 'outcome', periods: [1980], name: 'cigsale (1980)' },
  { variable: 'outcome', periods: [1988], name: 'cigsale (1988)' },
];

const smoking = loadSmoking();
const adhSpec: SyntheticControlSpec = { treated: 'California', treatmentPeriod: 1989, predictors: adhPredictors, mspePeriods: years(1970, 1988) };

describe('synthetic control for California Proposition 99 (ADH 2010; R Synth 1.1-8 reference)', () => {
  let fit: SyntheticControlFit;
  beforeAll(() => {
    fit = estimateSyntheticControl(smoking, adhSpec);
  });
  const weightOf = (state: string): number => fit.w[fit.controls.indexOf(state)] as number;

  // Synth's nested optimiser (optimx Nelder–Mead/BFGS over an interior-point QP) is not exact; the
  // reference README allows 0.03 on weights and 1 pack on gaps. We meet 0.027 at worst (Montana).
  test.each([
    ['Utah', 0.343],
    ['Nevada', 0.236],
    ['Montana', 0.182],
    ['Colorado', 0.175],
    ['Connecticut', 0.062],
  ] as const)('%s gets weight %s (within 0.03)', (state, expected) => {
    expect(Math.abs(weightOf(state) - expected)).toBeLessThan(0.03);
  });

  test('every weight in the reference file is matched within 0.03, including the zeros', () => {
    const { rows } = readCsv('prop99_synth_adh_weights.csv');
    for (const r of rows) expect(Math.abs(weightOf(r[1] as string) - Number(r[0]))).toBeLessThan(0.03);
  });

  test('the 2000 gap is −25.43 packs (within 1) and every yearly gap is within 1 pack of Synth\'s', () => {
    expect(Math.abs((fit.gaps[fit.periods.indexOf(2000)] as number) + 25.43)).toBeLessThan(1);
    const { rows } = readCsv('prop99_synth_adh_gaps.csv');
    for (const r of rows) {
      const t = fit.periods.indexOf(Number(r[0]));
      expect(Math.abs((fit.treatedPath[t] as number) - Number(r[1]))).toBeLessThan(1e-6);
      expect(Math.abs((fit.gaps[t] as number) - Number(r[3]))).toBeLessThan(1);
    }
  });

  test('pre-1989 RMSPE is 1.791 within 0.03, and our V is at least as good as Synth\'s (MSPE ≤ 1.791²)', () => {
    expect(Math.abs(fit.preRmspe - 1.791)).toBeLessThan(0.03);
    expect(fit.lossV).toBeLessThanOrEqual(1.791 ** 2);
    // the MSPE periods are exactly the pre-period here, so loss V is the squared pre-RMSPE
    expect(fit.lossV).toBeCloseTo(fit.preRmspe ** 2, 10);
  });

  test('W and V lie on the simplex, and synthetic = Σ w·donor path', () => {
    const sum = (v: Float64Array): number => v.reduce((a, b) => a + b, 0);
    expect(sum(fit.w)).toBeCloseTo(1, 12);
    expect(sum(fit.v)).toBeCloseTo(1, 12);
    expect(Math.min(...fit.w, ...fit.v)).toBeGreaterThanOrEqual(0);
    const t = fit.periods.indexOf(1995);
    let s = 0;
    fit.controls.forEach((c, j) => (s += (fit.w[j] as number) * (smoking.outcome[smoking.units.indexOf(c) * 31 + t] as number)));
    expect(fit.syntheticPath[t]).toBeCloseTo(s, 10);
    expect(fit.gaps[t]).toBeCloseTo((fit.treatedPath[t] as number) - s, 10);
  });

  test('the synthetic unit matches California\'s predictors better than the average donor does', () => {
    const { treated, synthetic, donorMean } = fit.balance;
    const q = fit.predictorNames.indexOf('cigsale (1988)');
    expect(Math.abs((synthetic[q] as number) - (treated[q] as number))).toBeLessThan(Math.abs((donorMean[q] as number) - (treated[q] as number)));
    expect(treated[q]).toBeCloseTo(90.1, 1);
  });

  test('a fixed V (customV) skips the outer search and reproduces the fitted W', () => {
    const again = estimateSyntheticControl(smoking, { ...adhSpec, customV: fit.v });
    expect(again.start).toBe('custom');
    for (let j = 0; j < fit.w.length; j++) expect(Math.abs((again.w[j] as number) - (fit.w[j] as number))).toBeLessThan(1e-9);
  });
});

describe('in-space placebos for California (ADH 2010, §3)', () => {
  let fit: SyntheticControlFit;
  beforeAll(() => {
    fit = estimateSyntheticControl(smoking, { ...adhSpec, placebo: true });
  });

  test('every one of the 38 donors is refitted once as a placebo', () => {
    const p = fit.placebo!;
    expect(p.units).toHaveLength(38);
    expect(p.gaps).toHaveLength(38);
    expect(p.included.every(Boolean)).toBe(true);
  });

  test('California has the largest post/pre RMSPE ratio: rank 1, p = 1/39', () => {
    const p = fit.placebo!;
    expect(p.rank).toBe(1);
    expect(p.pValue).toBeCloseTo(1 / 39, 12);
    expect(Math.max(...p.ratio)).toBeLessThan(fit.postRmspe / fit.preRmspe);
  });

  test('excluding placebos fitted worse than √5 × California\'s pre-RMSPE (ADH\'s 5 × MSPE) shrinks the denominator', () => {
    const cut = estimateSyntheticControl(smoking, { ...adhSpec, placebo: true, placeboExcludeRatio: Math.sqrt(5) }).placebo!;
    const kept = cut.included.filter(Boolean).length;
    expect(kept).toBeLessThan(38);
    for (let j = 0; j < 38; j++) expect(cut.included[j]).toBe((cut.preRmspe[j] as number) <= Math.sqrt(5) * fit.preRmspe);
    expect(cut.pValue).toBeCloseTo(1 / (kept + 1), 12);
  });
});

describe('synthetic control rejects degenerate input with coded errors', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      return e instanceof FtzError ? e.code : 'not an FtzError';
    }
    return undefined;
  };
  const small: SyntheticControlSpec = { treated: 'California', treatmentPeriod: 1989, predictors: adhPredictors.slice(4), maxEvaluations: 200 };

  test('no pre-treatment period → causal.too_few_periods', () => {
    expect(code(() => estimateSyntheticControl(smoking, { ...small, treatmentPeriod: 1970 }))).toBe('causal.too_few_periods');
  });

  test('no post-treatment period → causal.too_few_periods', () => {
    expect(code(() => estimateSyntheticControl(smoking, { ...small, treatmentPeriod: 2001 }))).toBe('causal.too_few_periods');
  });

  test('one control unit → causal.too_few_controls', () => {
    expect(code(() => estimateSyntheticControl(smoking, { ...small, controls: ['Utah'] }))).toBe('causal.too_few_controls');
  });

  test('a predictor constant across the donors → causal.constant_predictor, naming it', () => {
    const flat = Float64Array.from(smoking.outcome, () => 3);
    const panel = { ...smoking, covariates: { ...smoking.covariates, flat } };
    try {
      estimateSyntheticControl(panel, { ...small, predictors: [...small.predictors, { variable: 'flat', periods: [1980] }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FtzError);
      expect((e as FtzError<'causal.constant_predictor'>).code).toBe('causal.constant_predictor');
      expect((e as FtzError<'causal.constant_predictor'>).params.predictor).toBe('flat (1980)');
    }
  });

  test('unknown units, periods or variables, and predictors missing in every chosen year → causal.bad_panel', () => {
    expect(code(() => estimateSyntheticControl(smoking, { ...small, treated: 'Atlantis' }))).toBe('causal.bad_panel');
    expect(code(() => estimateSyntheticControl(smoking, { ...small, predictors: [{ variable: 'outcome', periods: [1950] }] }))).toBe('causal.bad_panel');
    expect(code(() => estimateSyntheticControl(smoking, { ...small, predictors: [{ variable: 'gdp', periods: [1980] }] }))).toBe('causal.bad_panel');
    expect(code(() => estimateSyntheticControl(smoking, { ...small, predictors: [{ variable: 'beer', periods: [1975] }] }))).toBe('causal.bad_panel');
  });

  test('the engine rejects a single donor and mismatched shapes', () => {
    expect(code(() => syntheticControlWeights([1], [1], 1, 1, [1], [1], 1))).toBe('causal.too_few_controls');
    expect(code(() => syntheticControlWeights([1, 2], [1, 2, 3], 2, 2, [1], [1, 2], 1))).toBe('causal.bad_panel');
  });
});

describe('exact least squares on the simplex (src/numeric/simplexQp)', () => {
  test('a target inside the convex hull of the columns is reproduced exactly', () => {
    // columns (0,0), (4,0), (0,4); target (1,1) = ½·(0,0) + ¼·(4,0) + ¼·(0,4)
    const r = simplexLeastSquares(new Float64Array([0, 4, 0, 0, 0, 4]), 2, 3, [1, 1]);
    expect(Array.from(r.x).map((v) => +v.toFixed(12))).toEqual([0.5, 0.25, 0.25]);
    expect(r.value).toBeLessThan(1e-20);
  });

  test('on 200 random problems it agrees with a long Frank–Wolfe run and certifies a gap below 1e-9', () => {
    const rng = createRng(20240101);
    for (let rep = 0; rep < 200; rep++) {
      const rows = 2 + rng.integer(8);
      const cols = 2 + rng.integer(12);
      const a = Float64Array.from({ length: rows * cols }, () => rng.normal());
      const b = Float64Array.from({ length: rows }, () => 2 * rng.normal());
      const ridge = rep % 3 === 0 ? 0.1 : 0;
      const exact = simplexLeastSquares(a, rows, cols, b, { ridge });
      expect(exact.gap).toBeLessThan(1e-9);
      const fw = simplexFrankWolfe(a, rows, cols, b, { zeta: Math.sqrt(ridge / rows), minDecrease: 1e-9, maxIter: 100_000 });
      // both minimise the same objective (FW's is divided by rows): the exact one is never worse
      expect(exact.value / rows).toBeLessThanOrEqual(fw.value + 1e-9);
      expect(fw.value - exact.value / rows).toBeLessThan(1e-4);
    }
  });

  test('with one column the answer is that column', () => {
    expect(Array.from(simplexLeastSquares(new Float64Array([3, 1]), 2, 1, [0, 0]).x)).toEqual([1]);
  });
});

describe('Nelder–Mead (src/numeric/nelderMead)', () => {
  test('minimises the Rosenbrock function from (−1.2, 1) to (1, 1)', () => {
    const rosen = (x: Float64Array): number => 100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;
    const r = nelderMead(rosen, [-1.2, 1], { maxEvaluations: 5000, relTolerance: 1e-14 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  test('keeps trial points inside bounds', () => {
    const seen: number[] = [];
    const r = nelderMead((x) => (seen.push(x[0] as number), ((x[0] as number) + 3) ** 2), [1], { lower: [0], upper: [2], maxEvaluations: 200 });
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(r.x[0]).toBeCloseTo(0, 6);
  });

  test('stops when the evaluation budget runs out and says so', () => {
    const r = nelderMead((x) => (x[0] as number) ** 2 + (x[1] as number) ** 2, [5, 5], { maxEvaluations: 10, relTolerance: 0 });
    expect(r.converged).toBe(false);
    expect(r.evaluations).toBeLessThanOrEqual(12);
  });
});
