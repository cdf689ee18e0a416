import { describe, expect, test } from 'vitest';
import { markovChain, markovHomogeneity, quantileClasses, quantileMarkov, spatialMarkov, steadyState } from '../../../src/methods/disparity/index.js';
import { parseGal, transformWeights } from '../../../src/methods/spatial/index.js';
import { column, expected, fixtureText, readCsv } from './fixtures.js';

const known = expected('third_party_known_values');
const giddy = known.giddy_markov_usjoin_quintiles as {
  transitions: number[][];
  p_row0: number[];
  steady_state: number[];
  relative_income_pooled_quintiles_transitions: number[][];
  relative_income_steady_state: number[];
};
const sm = known.giddy_spatial_markov_usjoin as {
  cutoffs: number[];
  lag_cutoffs: number[];
  P_lag0: number[][];
  p_pooled: number[][];
  LR: number;
  Q: number;
  dof_hom: number;
  m4: { lag_cutoffs: number[]; LR: number; Q: number; dof_hom: number };
  S_lag0: number[];
};

const us = readCsv('pysal/us_income/usjoin.csv');
const pci = us.header.slice(2).map((year) => column(us, year)); // 81 periods × 48 states
const rpci = pci.map((p) => {
  const mu = p.reduce((a, b) => a + b, 0) / p.length;
  return p.map((v) => v / mu);
});
const w = transformWeights(parseGal(fixtureText('pysal/us_income/states48.gal')), 'row');

/** |a − b| ≤ tol elementwise. */
function closeAll(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThanOrEqual(tol);
}

describe('classic Markov chain', () => {
  test('reproduces giddy’s usjoin per-year quintile transition counts exactly', () => {
    const m = quantileMarkov(pci, { k: 5, scope: 'perPeriod' });
    expect(m.transitions).toEqual(giddy.transitions);
  });

  test('reproduces giddy’s first probability row and steady state (published to 8 decimals: 5e-9)', () => {
    const m = quantileMarkov(pci, { k: 5 });
    closeAll(m.probabilities[0] as number[], giddy.p_row0, 5e-9);
    closeAll(m.steadyState as number[], giddy.steady_state, 5e-9);
  });

  test('reproduces giddy’s relative-income pooled-quintile counts exactly and steady state to 5e-9', () => {
    const m = quantileMarkov(rpci, { k: 5, scope: 'pooled' });
    expect(m.transitions).toEqual(giddy.relative_income_pooled_quintiles_transitions);
    closeAll(m.steadyState as number[], giddy.relative_income_steady_state, 5e-9);
  });

  test('assigns quantile classes as mapclassify does: first upper bound ≥ y, tied bounds merged', () => {
    expect(Array.from(quantileClasses([1, 2, 3, 4, 5], 5).classes)).toEqual([0, 1, 2, 3, 4]);
    const tied = quantileClasses([1, 1, 1, 1, 2], 4);
    expect(tied.bins).toEqual([1, 2]);
    expect(tied.k).toBe(2);
  });

  test('solves a two-state chain exactly and reports a non-unique steady state as null', () => {
    expect(steadyState([[0.9, 0.1], [0.5, 0.5]]).distribution?.map((v) => +v.toFixed(15))).toEqual([0.833333333333333, 0.166666666666667]);
    const two = steadyState([[1, 0, 0], [0.5, 0, 0.5], [0, 0, 1]]);
    expect(two.distribution).toBeNull();
    expect(two.structure.recurrentClasses).toEqual([[0], [2]]);
    const transient = steadyState([[0.5, 0.5, 0], [0.5, 0.5, 0], [0.2, 0.3, 0.5]]);
    expect(transient.distribution).toEqual([0.5, 0.5, 0]);
  });

  test('keeps rows of never-visited classes at zero and lists them', () => {
    const m = markovChain([[0, 0], [0, 1], [1, 1]], 3);
    expect(m.emptyRows).toEqual([2]);
    expect(m.probabilities[2]).toEqual([0, 0, 0]);
  });

  test('rejects a single period and out-of-range classes with coded errors', () => {
    expect(() => markovChain([[0, 1]], 2)).toThrowError(expect.objectContaining({ code: 'disparity.too_few_units' }) as Error);
    expect(() => markovChain([[0, 1], [0, 2]], 2)).toThrowError(expect.objectContaining({ code: 'disparity.option_invalid' }) as Error);
  });
});

describe('spatial Markov chain', () => {
  const r = spatialMarkov(rpci, w, { k: 5, m: 5 });

  test('reproduces giddy’s pooled cut-offs of the variable and of its spatial lag (5e-9)', () => {
    closeAll(r.cutoffs as number[], sm.cutoffs, 5e-9);
    closeAll(r.lagCutoffs as number[], sm.lag_cutoffs, 5e-9);
  });

  test('reproduces giddy’s conditional matrix for the poorest lag class and the pooled matrix (5e-9)', () => {
    (r.probabilities[0] as number[][]).forEach((row, i) => closeAll(row, sm.P_lag0[i] as number[], 5e-9));
    r.classic.probabilities.forEach((row, i) => closeAll(row, sm.p_pooled[i] as number[], 5e-9));
    closeAll(r.steadyStates[0] as number[], sm.S_lag0, 5e-9);
  });

  test('reproduces the Bickenbach–Bode tests: LR 170.659, Q 200.624 (published to 3 decimals: 5e-4), 60 df', () => {
    expect(Math.abs(r.homogeneity.LR - sm.LR)).toBeLessThan(5e-4);
    expect(Math.abs(r.homogeneity.Q - sm.Q)).toBeLessThan(5e-4);
    expect(r.homogeneity.dof).toBe(sm.dof_hom);
    expect(r.homogeneity.pLR).toBeGreaterThan(0);
    expect(r.homogeneity.pLR).toBeLessThan(1e-10);
  });

  test('reproduces giddy with four lag classes: cut-offs 5e-9, LR 172.105, Q 321.128 (5e-4), 45 df', () => {
    const r4 = spatialMarkov(rpci, w, { k: 5, m: 4 });
    closeAll(r4.lagCutoffs as number[], sm.m4.lag_cutoffs, 5e-9);
    expect(Math.abs(r4.homogeneity.LR - sm.m4.LR)).toBeLessThan(5e-4);
    expect(Math.abs(r4.homogeneity.Q - sm.m4.Q)).toBeLessThan(5e-4);
    expect(r4.homogeneity.dof).toBe(sm.m4.dof_hom);
  });

  test('homogeneity of identical regimes gives LR = Q = 0', () => {
    const T = [[5, 1], [2, 4]];
    const h = markovHomogeneity([T, T]);
    expect(h.LR).toBe(0);
    expect(h.Q).toBe(0);
    expect(h.dof).toBe(2);
    expect(h.pLR).toBe(1);
  });

  test('rejects a panel whose units do not match the weights', () => {
    expect(() => spatialMarkov([[1, 2], [2, 1]], w)).toThrowError(expect.objectContaining({ code: 'disparity.length_mismatch' }) as Error);
  });
});
