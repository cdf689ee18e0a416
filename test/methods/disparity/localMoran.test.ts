import { describe, expect, test } from 'vitest';
import { localMoran } from '../../../src/methods/disparity/index.js';
import { parseGal, transformWeights, type SpatialWeights } from '../../../src/methods/spatial/index.js';
import { column, expected, fixtureText, readCsv } from './fixtures.js';

const ref = expected('moran_esda243').desmith_local as { Is: number[]; q: number[]; p_sim: number[] };
const y = column(readCsv('pysal/desmith/desmith.txt', { skipLines: 1 }), 'z');
const w = transformWeights(parseGal(fixtureText('pysal/desmith/desmith.gal')), 'row');
const Q = ['HH', 'LH', 'LL', 'HL'];

/** Exact folded conditional-permutation p by enumerating every neighbour set (equal row weights). */
function exactPSim(i: number, z: Float64Array, weights: SpatialWeights, Ii: number, factor: number): number {
  const n = z.length;
  const a = weights.offsets[i] as number;
  const k = (weights.offsets[i + 1] as number) - a;
  const wij = weights.weights[a] as number;
  const others = [...Array(n).keys()].filter((j) => j !== i);
  let total = 0;
  let larger = 0;
  const pick = (start: number, left: number, sum: number): void => {
    if (left === 0) {
      total++;
      if (factor * (z[i] as number) * wij * sum >= Ii - 1e-12) larger++;
      return;
    }
    for (let s = start; s <= others.length - left; s++) pick(s + 1, left - 1, sum + (z[others[s] as number] as number));
  };
  pick(0, k, 0);
  const frac = larger / total;
  return Math.min(frac, 1 - frac);
}

describe("local Moran's I", () => {
  test('reproduces esda 2.4.3 local statistics on desmith in the esda scaling (1e-12)', () => {
    const r = localMoran(y, w, { permutations: 0 });
    r.Is.forEach((v, i) => expect(v).toBeCloseTo(ref.Is[i] as number, 12));
    expect(r.pSim).toBeNull();
  });

  test('gives spdep’s scaling as n/(n − 1) times esda’s (1e-12)', () => {
    const e = localMoran(y, w, { permutations: 0 });
    const s = localMoran(y, w, { permutations: 0, scaling: 'spdep' });
    s.Is.forEach((v, i) => expect(v).toBeCloseTo(((e.Is[i] as number) * 10) / 9, 12));
  });

  test('labels the same quadrants as esda (1 HH, 2 LH, 3 LL, 4 HL)', () => {
    const r = localMoran(y, w, { permutations: 0 });
    expect(r.quadrant).toEqual(ref.q.map((q) => Q[q - 1]));
  });

  test('converges to the exact conditional-permutation p-values (9,999 draws, within 0.02 ≈ 4 Monte Carlo SE)', () => {
    const r = localMoran(y, w, { permutations: 9999, seed: 2024 });
    for (let i = 0; i < y.length; i++) {
      const exact = exactPSim(i, r.z, w, r.Is[i] as number, 9 / 10);
      expect(Math.abs((r.pSim?.[i] as number) - exact)).toBeLessThan(0.02);
    }
  });

  test('agrees in distribution with esda’s 99-permutation p_sim (each within 0.15 ≈ 3 Monte Carlo SE of 99 draws)', () => {
    const r = localMoran(y, w, { permutations: 9999, seed: 5 });
    r.pSim?.forEach((p, i) => expect(Math.abs(p - (ref.p_sim[i] as number))).toBeLessThan(0.15));
  });

  test('returns identical p-values for the same seed, and clusters only where p_sim < alpha', () => {
    const a = localMoran(y, w, { permutations: 499, seed: 99, alpha: 0.1 });
    const b = localMoran(y, w, { permutations: 499, seed: 99, alpha: 0.1 });
    expect(Array.from(a.pSim ?? [])).toEqual(Array.from(b.pSim ?? []));
    a.cluster?.forEach((c, i) => expect(c).toBe(((a.pSim?.[i] as number) < 0.1 ? a.quadrant[i] : 'ns') as string));
    expect(a.seed).toBe(99);
  });

  test('throws disparity.constant_variable for a constant variable', () => {
    expect(() => localMoran(new Array<number>(10).fill(2), w)).toThrowError(expect.objectContaining({ code: 'disparity.constant_variable' }) as Error);
  });
});
