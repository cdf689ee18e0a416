import { describe, expect, test } from 'vitest';
import { dagumGini, gini, theilDecomposition, theilL, theilT } from '../../../src/methods/disparity/index.js';
import { column, expected, readCsv } from './fixtures.js';

const known = expected('third_party_known_values');
const mexico = readCsv('pysal/mexico/mexico.csv');
const decades = ['1940', '1950', '1960', '1970', '1980', '1990', '2000'];
const code = (e: unknown): string => (e as { code: string }).code;
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return code(e);
  }
  return 'no error';
};

/** Brute-force Σ_i Σ_j |y_i − y_j| / (2 n² μ). */
function giniBrute(y: number[]): number {
  const n = y.length;
  const mu = y.reduce((a, b) => a + b, 0) / n;
  let s = 0;
  for (const a of y) for (const b of y) s += Math.abs(a - b);
  return s / (2 * n * n * mu);
}

describe('Gini', () => {
  test('reproduces pysal inequality’s Gini on Mexico 1940 (0.35372371173452849, to 1e-12)', () => {
    expect(gini(column(mexico, 'pcgdp1940'))).toBeCloseTo(known.inequality_gini_mexico?.G as number, 12);
  });

  test('equals the mean-absolute-difference definition on every Mexican decade (1e-12)', () => {
    for (const d of decades) {
      const y = column(mexico, `pcgdp${d}`);
      expect(gini(y)).toBeCloseTo(giniBrute(y), 12);
    }
  });

  test('with integer weights equals the Gini of the data with units repeated (1e-12)', () => {
    const y = [3, 1, 4, 1, 5];
    const w = [2, 1, 3, 1, 1];
    const expanded = y.flatMap((v, i) => new Array<number>(w[i] as number).fill(v));
    expect(gini(y, { weights: w })).toBeCloseTo(gini(expanded), 12);
  });

  test('is 0 for equal values and rejects negative values, single units and non-positive weights with codes', () => {
    expect(gini([5, 5, 5])).toBe(0);
    expect(codeOf(() => gini([1, -2, 3]))).toBe('disparity.negative_values');
    expect(codeOf(() => gini([1]))).toBe('disparity.too_few_units');
    expect(codeOf(() => gini([1, 2], { weights: [1, 0] }))).toBe('disparity.nonpositive_values');
    expect(codeOf(() => gini([0, 0]))).toBe('disparity.constant_variable');
  });
});

describe('Dagum Gini decomposition', () => {
  test('adds up: Gw + Gnb + Gt = G, the overall Gini (1e-12), on Mexico 1940 by Hanson (1998) regions', () => {
    const y = column(mexico, 'pcgdp1940');
    const d = dagumGini(y, column(mexico, 'hanson98'));
    expect(d.gini).toBeCloseTo(gini(y), 12);
    expect(d.within + d.netBetween + d.transvariation).toBeCloseTo(d.gini, 12);
    expect(d.shares.within + d.shares.netBetween + d.shares.transvariation).toBeCloseTo(1, 12);
    expect(d.groups).toEqual([1, 2, 3, 4, 5]);
    d.withinGini.forEach((g, j) => {
      const members = y.filter((_, i) => column(mexico, 'hanson98')[i] === d.groups[j]);
      expect(g).toBeCloseTo(members.length > 1 ? giniBrute(members) : 0, 12);
    });
  });

  test('matches a hand computation on two groups {1, 2} and {3, 6}', () => {
    // n = 4, μ = 3; Σ|Δ| over ordered pairs = 32 → G = 32/(2·16·3) = 1/3.
    // G_11 = 2/(2·4·1.5) = 1/6, G_22 = 6/(2·4·4.5) = 1/6, G_12 = 12/(2·2·(1.5 + 4.5)) = 1/2,
    // D_21 = 1 (no overlap), p = (½, ½), s = (¼, ¾): Gw = 1/6·½·¼ + 1/6·½·¾ = 1/12,
    // Gnb = ½·(½·¼ + ½·¾)·1 = 1/4, Gt = 0; 1/12 + 1/4 = 1/3.
    const d = dagumGini([1, 2, 3, 6], ['a', 'a', 'b', 'b']);
    expect(d.gini).toBeCloseTo(1 / 3, 14);
    expect(d.withinGini).toEqual([1 / 6, 1 / 6]);
    expect(d.betweenGini[0]?.[1]).toBeCloseTo(0.5, 14);
    expect(d.affluence[1]?.[0]).toBe(1);
    expect(d.within).toBeCloseTo(1 / 12, 14);
    expect(d.netBetween).toBeCloseTo(1 / 4, 14);
    expect(d.transvariation).toBe(0);
  });

  test('puts everything into the within part with one group, and overlap into transvariation', () => {
    const one = dagumGini([1, 2, 3, 4], [0, 0, 0, 0]);
    expect(one.within).toBeCloseTo(one.gini, 14);
    expect(one.netBetween + one.transvariation).toBe(0);
    const overlap = dagumGini([1, 4, 2, 3], ['x', 'x', 'y', 'y']); // equal means: D = 0
    expect(overlap.netBetween).toBe(0);
    expect(overlap.transvariation).toBeGreaterThan(0);
  });

  test('rejects mismatched group labels with disparity.length_mismatch', () => {
    expect(codeOf(() => dagumGini([1, 2, 3], ['a', 'b']))).toBe('disparity.length_mismatch');
  });
});

describe('Theil', () => {
  const T = known.inequality_theil_mexico as { T: number[]; TheilD_bg_hanson98: number[]; TheilD_wg_hanson98: number[]; toy: { y: number[]; groups: number[]; T: number; bg: number; wg: number } };

  test('reproduces pysal inequality’s Theil T for Mexico 1940–2000 (published to 8 decimals: 5e-9)', () => {
    decades.forEach((d, k) => expect(Math.abs(theilT(column(mexico, `pcgdp${d}`)) - (T.T[k] as number))).toBeLessThan(5e-9));
  });

  test('reproduces TheilD between and within parts by Hanson (1998) regions (5e-9)', () => {
    decades.forEach((d, k) => {
      const r = theilDecomposition(column(mexico, `pcgdp${d}`), column(mexico, 'hanson98'));
      expect(Math.abs(r.between - (T.TheilD_bg_hanson98[k] as number))).toBeLessThan(5e-9);
      expect(Math.abs(r.within - (T.TheilD_wg_hanson98[k] as number))).toBeLessThan(5e-9);
      expect(r.within + r.between).toBeCloseTo(theilT(column(mexico, `pcgdp${d}`)), 14);
    });
  });

  test('reproduces the inequality toy: y = [0,0,0,10,10,10] gives T = bg = ln 2, wg = 0 (1e-15)', () => {
    const r = theilDecomposition(T.toy.y, T.toy.groups);
    expect(r.total).toBeCloseTo(T.toy.T, 15);
    expect(r.between).toBeCloseTo(T.toy.bg, 15);
    expect(r.within).toBeCloseTo(T.toy.wg, 15);
  });

  test('Theil L decomposes additively and equals the mean log deviation (1e-14)', () => {
    const y = column(mexico, 'pcgdp2000');
    const mu = y.reduce((a, b) => a + b, 0) / y.length;
    const mld = y.reduce((s, v) => s + Math.log(mu / v), 0) / y.length;
    expect(theilL(y)).toBeCloseTo(mld, 14);
    const r = theilDecomposition(y, column(mexico, 'hanson98'), { index: 'L' });
    expect(r.total).toBeCloseTo(mld, 14);
  });

  test('population weights equal replicating units (T and L, both decompositions, 1e-12)', () => {
    const y = [2, 5, 1, 8];
    const w = [3, 1, 2, 1];
    const g = ['a', 'a', 'b', 'b'];
    const ex = y.flatMap((v, i) => new Array<number>(w[i] as number).fill(v));
    const exg = g.flatMap((v, i) => new Array<string>(w[i] as number).fill(v));
    expect(theilT(y, { weights: w })).toBeCloseTo(theilT(ex), 12);
    expect(theilL(y, { weights: w })).toBeCloseTo(theilL(ex), 12);
    for (const index of ['T', 'L'] as const) {
      const a = theilDecomposition(y, g, { index, weights: w });
      const b = theilDecomposition(ex, exg, { index });
      expect(a.between).toBeCloseTo(b.between, 12);
      expect(a.within).toBeCloseTo(b.within, 12);
    }
  });

  test('rejects negative values for T and zeros for L with coded errors', () => {
    expect(codeOf(() => theilT([1, -1, 2]))).toBe('disparity.negative_values');
    expect(codeOf(() => theilL([1, 0, 2]))).toBe('disparity.nonpositive_values');
    expect(codeOf(() => theilDecomposition([1, 0, 2], [1, 1, 2], { index: 'L' }))).toBe('disparity.nonpositive_values');
    expect(codeOf(() => theilT([0, 0]))).toBe('disparity.constant_variable');
  });
});
