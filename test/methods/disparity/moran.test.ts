import { describe, expect, test } from 'vitest';
import { moran, moranScatter } from '../../../src/methods/disparity/index.js';
import { parseGal, transformWeights, weightsFromNeighbors, type SpatialWeights } from '../../../src/methods/spatial/index.js';
import { FtzError } from '../../../src/core/errors.js';
import { column, expected, fixtureText, readCsv, readDbf } from './fixtures.js';

const esda = expected('moran_esda243');
const known = expected('third_party_known_values');
const rowGal = (path: string): SpatialWeights => transformWeights(parseGal(fixtureText(path)), 'row');
const num = (o: Record<string, unknown> | undefined, key: string): number => o?.[key] as number;

/** Rook contiguity on an r × c lattice, units numbered row by row (libpysal `lat2W`). */
function lattice(r: number, c: number): SpatialWeights {
  const lists: number[][] = [];
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const nb: number[] = [];
      if (i > 0) nb.push((i - 1) * c + j);
      if (j > 0) nb.push(i * c + j - 1);
      if (j < c - 1) nb.push(i * c + j + 1);
      if (i < r - 1) nb.push((i + 1) * c + j);
      lists.push(nb);
    }
  }
  return weightsFromNeighbors(lists.map((_, i) => String(i)), lists);
}

const datasets: Array<[string, () => { y: number[]; w: SpatialWeights }]> = [
  ['stl_HR8893_rowstd', () => ({ y: column(readCsv('pysal/stl/stl_hom.txt', { skipLines: 1 }), 'HR8893'), w: rowGal('pysal/stl/stl.gal') })],
  ['sids2_SIDR74_rowstd', () => ({ y: readDbf('pysal/sids2/sids2.dbf').SIDR74 as number[], w: rowGal('pysal/sids2/sids2.gal') })],
  ['columbus_CRIME_rowstd_galfile', () => ({ y: readDbf('pysal/columbus/columbus.dbf').CRIME as number[], w: rowGal('pysal/columbus/columbus.gal') })],
  ['columbus_HOVAL_rowstd_galfile', () => ({ y: readDbf('pysal/columbus/columbus.dbf').HOVAL as number[], w: rowGal('pysal/columbus/columbus.gal') })],
  ['columbus_INC_rowstd_galfile', () => ({ y: readDbf('pysal/columbus/columbus.dbf').INC as number[], w: rowGal('pysal/columbus/columbus.gal') })],
];

describe("global Moran's I", () => {
  // Tolerance: 1e-10 relative on I, E[I], variances and z; p-values 1e-8 relative (analytic, same formulas
  // as esda; observed agreement is ~1e-14).
  for (const [name, load] of datasets) {
    test(`reproduces esda 2.4.3 on ${name} (I, E[I], variances, z and two-tailed p to 1e-10 / 1e-8 relative)`, () => {
      const ref = esda[name];
      const { y, w } = load();
      const m = moran(y, w, { permutations: 0 });
      expect(m.n).toBe(num(ref, 'n'));
      expect(m.I).toBeCloseTo(num(ref, 'I'), 12);
      expect(m.expected).toBeCloseTo(num(ref, 'EI'), 14);
      expect(Math.abs(m.normal.z / num(ref, 'z_norm') - 1)).toBeLessThan(1e-10);
      expect(Math.abs(m.normal.pTwoTailed / num(ref, 'p_norm_two') - 1)).toBeLessThan(1e-8);
      expect(Math.abs(m.randomization.z / num(ref, 'z_rand') - 1)).toBeLessThan(1e-10);
      expect(Math.abs(m.randomization.pTwoTailed / num(ref, 'p_rand_two') - 1)).toBeLessThan(1e-8);
      if (ref?.VI_norm !== undefined) {
        expect(Math.abs(m.normal.variance / num(ref, 'VI_norm') - 1)).toBeLessThan(1e-10);
        expect(Math.abs(m.randomization.variance / num(ref, 'VI_rand') - 1)).toBeLessThan(1e-10);
      }
    });
  }

  test('matches the esda docstring values on stl (I to 1e-12; one-tailed p 1.3573931385468807e-4 to 1e-8 relative)', () => {
    const ref = known.esda_moran_stl;
    const m = moran(column(readCsv('pysal/stl/stl_hom.txt', { skipLines: 1 }), 'HR8893'), rowGal('pysal/stl/stl.gal'), { permutations: 0 });
    expect(m.I).toBeCloseTo(num(ref, 'I'), 12);
    expect(Math.abs(m.normal.pOneTailed / num(ref, 'p_norm_one_tailed') - 1)).toBeLessThan(1e-8);
    expect(m.normal.pTwoTailed).toBeCloseTo(num(ref, 'p_norm_two_tailed'), 6);
  });

  test('reproduces the esda test_variance values on a 3×3 rook lattice with binary weights (1e-12)', () => {
    const ref = esda.lat3x3_binary;
    const m = moran([1, 2, 3, 4, 5, 6, 7, 8, 9], lattice(3, 3), { permutations: 0 });
    expect(m.I).toBeCloseTo(num(ref, 'I'), 12);
    expect(m.normal.variance).toBeCloseTo(num(ref, 'VI_norm'), 12);
    expect(m.randomization.variance).toBeCloseTo(num(ref, 'VI_rand'), 12);
    expect(m.randomization.variance).toBeCloseTo(num(known.esda_moran_lattice_variance, 'VI_rand'), 12);
  });

  test('gives a permutation p-value in the distribution of esda’s (p_sim ≤ 0.01 where esda reports 0.001–0.002; HOVAL within 0.015 of 0.026)', () => {
    const [, stl] = datasets[0] as [string, () => { y: number[]; w: SpatialWeights }];
    const a = stl();
    expect(moran(a.y, a.w, { permutations: 999, seed: 7 }).permutation?.pSim).toBeLessThanOrEqual(0.01);
    const [, hoval] = datasets[3] as [string, () => { y: number[]; w: SpatialWeights }];
    const h = hoval();
    // 9,999 draws: the Monte Carlo standard error of p ≈ 0.026 is 0.0016.
    const p = moran(h.y, h.w, { permutations: 9999, seed: 11 }).permutation?.pSim as number;
    expect(Math.abs(p - num(esda.columbus_HOVAL_rowstd_galfile, 'p_sim_seed12345'))).toBeLessThan(0.015);
  });

  test('returns identical permutation results for the same seed and different ones for another seed', () => {
    const [, crime] = datasets[2] as [string, () => { y: number[]; w: SpatialWeights }];
    const { y, w } = crime();
    const a = moran(y, w, { permutations: 199, seed: 42 });
    const b = moran(y, w, { permutations: 199, seed: 42 });
    const c = moran(y, w, { permutations: 199, seed: 43 });
    expect(a.permutation).toEqual(b.permutation);
    expect(a.permutation?.seed).toBe(42);
    expect(c.permutation?.mean).not.toBe(a.permutation?.mean);
  });

  test('throws disparity.constant_variable for a constant variable', () => {
    const w = lattice(2, 2);
    expect(() => moran([3, 3, 3, 3], w)).toThrowError(expect.objectContaining({ code: 'disparity.constant_variable' }) as Error);
    expect(() => moran([0.1, 0.1, 0.1, 0.1], w)).toThrow(FtzError);
  });

  test('throws disparity.too_few_units below four units and length_mismatch when values and weights differ', () => {
    expect(() => moran([1, 2, 3], lattice(1, 3))).toThrowError(expect.objectContaining({ code: 'disparity.too_few_units' }) as Error);
    expect(() => moran([1, 2, 3, 4, 5], lattice(2, 2))).toThrowError(expect.objectContaining({ code: 'disparity.length_mismatch' }) as Error);
  });

  test('Moran scatter slope equals I under row-standardised weights (1e-12)', () => {
    const [, stl] = datasets[0] as [string, () => { y: number[]; w: SpatialWeights }];
    const { y, w } = stl();
    const s = moranScatter(y, w);
    expect(s.slope).toBeCloseTo(moran(y, w, { permutations: 0 }).I, 12);
    expect(s.z.length).toBe(78);
  });
});
