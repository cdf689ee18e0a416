import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DenseMatrix } from '../../../src/methods/carbon/index.js';
import {
  bilateralEmbodiedEmissions, denseMatrix, emissionAccounts, leontiefInverse, leontiefModel, matrixRows, sumFinalDemandCategories,
  technicalCoefficients, totalOutput,
} from '../../../src/methods/carbon/index.js';

// td_small_MRIO of pymrio's tests/test_math.py (IndEcol/pymrio, LGPL-3.0): 2 regions × 3 sectors, 2 stressors.
interface PymrioFixture {
  Z: number[][];
  Y_by_region: number[][];
  F: number[][];
  F_Y: number[][];
  expected: Record<'x' | 'A' | 'L' | 'S' | 'M' | 'D_cba' | 'D_pba' | 'D_imp' | 'D_exp', number[] | number[][]>;
  miller_blair_2x2: { Z: number[][]; f: number[]; x: number[]; A: number[][]; L: number[][]; labour_coeff: number[] };
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/reference/green/pymrio_small_mrio_fixture.json', import.meta.url), 'utf8'),
) as PymrioFixture;

/** Absolute tolerance for every fixture quantity (pymrio computes in double precision too). */
const TOL = 1e-10;

const thrown = (f: () => unknown): { code: string; params: unknown } => {
  try {
    f();
  } catch (e) {
    const err = e as { code?: string; params?: unknown };
    return { code: err.code ?? `uncoded: ${String(e)}`, params: err.params };
  }
  return { code: 'no error', params: undefined };
};

/** Largest |actual − expected| over all entries, after checking both have the same number of entries. */
function maxAbsDiff(actual: ArrayLike<number>, expected: number[] | number[][]): number {
  const flat = (expected as (number | number[])[]).flat();
  expect(actual.length).toBe(flat.length);
  let worst = 0;
  flat.forEach((v, i) => {
    worst = Math.max(worst, Math.abs((actual[i] as number) - v));
  });
  return worst;
}

const sumRowBlocks = (m: number[][], blocks: number, size: number): number[][] =>
  m.map((row) => Array.from({ length: blocks }, (_, b) => row.slice(b * size, (b + 1) * size).reduce((a, v) => a + v, 0)));

const Z = denseMatrix(fixture.Z);
const Y = denseMatrix(fixture.Y_by_region);
const F = denseMatrix(fixture.F);
const FY = denseMatrix(fixture.F_Y);
const e = fixture.expected;

describe('leontiefModel reproduces pymrio on td_small_MRIO (absolute tolerance 1e-10)', () => {
  const model = leontiefModel({ Z, Y, regions: 2 });

  it('computes x = Z·1 + Y·1, A = Z·diag(1/x) and L = (I − A)⁻¹ as pymrio calc_x, calc_A, calc_L', () => {
    expect(model.sectors).toBe(3);
    expect(maxAbsDiff(model.x, e.x)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(model.A.values, e.A)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(model.L.values, e.L)).toBeLessThanOrEqual(TOL);
  });

  it('pivots: leontiefInverse inverts an I − A with a zero leading entry ([[0, −2], [−3, 0]] → [[0, −1/3], [−1/2, 0]])', () => {
    const L = leontiefInverse(denseMatrix([[1, 2], [3, 1]]));
    expect(maxAbsDiff(L.values, [[0, -1 / 3], [-1 / 2, 0]])).toBeLessThanOrEqual(1e-15);
  });

  it('gives the same model when x is passed in explicitly', () => {
    const given = leontiefModel({ Z, Y, regions: 2, x: e.x as number[] });
    expect(maxAbsDiff(given.L.values, e.L)).toBeLessThanOrEqual(TOL);
  });

  it('sums final-demand categories per region: Y split into two categories gives the same L and accounts', () => {
    const split = denseMatrix(fixture.Y_by_region.map((row) => row.flatMap((v) => [0.3 * v, 0.7 * v])));
    const fySplit = denseMatrix(fixture.F_Y.map((row) => row.flatMap((v) => [0.25 * v, 0.75 * v])));
    const m2 = leontiefModel({ Z, Y: split, regions: 2, categories: 2 });
    expect(maxAbsDiff(m2.Y.values, fixture.Y_by_region)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(m2.L.values, e.L)).toBeLessThanOrEqual(TOL);
    const acc = emissionAccounts(m2, F, { FY: fySplit });
    expect(maxAbsDiff(acc.consumption.bySector.values, e.D_cba)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(acc.finalDemandEmissions.values, fixture.F_Y)).toBeLessThanOrEqual(TOL);
  });
});

describe('emissionAccounts reproduces pymrio calc_accounts on td_small_MRIO (absolute tolerance 1e-10)', () => {
  const model = leontiefModel({ Z, Y, regions: 2 });
  const acc = emissionAccounts(model, F, { FY });

  it('computes intensities S = F·diag(1/x) and multipliers M = S·L', () => {
    expect(maxAbsDiff(acc.S.values, e.S)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(acc.M.values, e.M)).toBeLessThanOrEqual(TOL);
  });

  it('computes D_cba, D_pba, D_imp and D_exp per (region, sector) column', () => {
    expect(maxAbsDiff(acc.consumption.bySector.values, e.D_cba)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(acc.production.bySector.values, e.D_pba)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(acc.imports.bySector.values, e.D_imp)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(acc.exports.bySector.values, e.D_exp)).toBeLessThanOrEqual(TOL);
  });

  it('aggregates to regions as pymrio calc_system: F_Y added to the consumption and production accounts only', () => {
    const plusFY = (m: number[][]): number[][] => sumRowBlocks(m, 2, 3).map((row, s) => row.map((v, r) => v + (fixture.F_Y[s]?.[r] as number)));
    expect(maxAbsDiff(acc.consumption.byRegion.values, plusFY(e.D_cba as number[][]))).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(acc.production.byRegion.values, plusFY(e.D_pba as number[][]))).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(acc.imports.byRegion.values, sumRowBlocks(e.D_imp as number[][], 2, 3))).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(acc.exports.byRegion.values, sumRowBlocks(e.D_exp as number[][], 2, 3))).toBeLessThanOrEqual(TOL);
  });

  it('without F_Y the regional consumption account is the plain sum of D_cba', () => {
    const bare = emissionAccounts(model, F);
    expect(maxAbsDiff(bare.consumption.byRegion.values, sumRowBlocks(e.D_cba as number[][], 2, 3))).toBeLessThanOrEqual(TOL);
    expect(Array.from(bare.finalDemandEmissions.values)).toEqual([0, 0, 0, 0]);
  });

  it('splits pymrio D_exp by destination: bilateral exports summed over partners equal D_exp, into partners equal D_imp by region', () => {
    const t = bilateralEmbodiedEmissions(model, F);
    expect([t.stressors, t.regions, t.sectors]).toEqual([2, 2, 3]);
    const dExp = e.D_exp as number[][];
    const dImpReg = sumRowBlocks(e.D_imp as number[][], 2, 3);
    for (let s = 0; s < 2; s++) {
      for (let o = 0; o < 2; o++) {
        const d = 1 - o;
        for (let i = 0; i < 3; i++) {
          expect(Math.abs((t.values[((s * 2 + o) * 2 + d) * 3 + i] as number) - (dExp[s]?.[o * 3 + i] as number))).toBeLessThanOrEqual(TOL);
        }
        expect(Math.abs((t.pairs[(s * 2 + o) * 2 + d] as number) - (dImpReg[s]?.[d] as number))).toBeLessThanOrEqual(TOL);
      }
    }
  });

  it('reports nothing unattributed when every industry has output', () => {
    expect(acc.unattributed).toEqual([]);
  });
});

describe('the two-sector example of Miller & Blair (2009), Tables 2.3–2.4, as in pymrio td_IO_Data_Miller', () => {
  const mb = fixture.miller_blair_2x2;
  const model = leontiefModel({ Z: denseMatrix(mb.Z), Y: denseMatrix(mb.f.map((v) => [v])), regions: 1 });

  it('gives x and A exactly (1e-12) and L to the book’s printed digits (1e-8)', () => {
    expect(maxAbsDiff(model.x, mb.x)).toBeLessThanOrEqual(1e-12);
    expect(maxAbsDiff(model.A.values, mb.A)).toBeLessThanOrEqual(1e-12);
    expect(maxAbsDiff(model.L.values, mb.L)).toBeLessThanOrEqual(1e-8);
  });

  it('gives labour multipliers ℓ·L = [0.3·0.95 + 0.25·0.2, 0.3·0.25 + 0.25·0.85] / det(I − A), det = 0.7575', () => {
    const acc = emissionAccounts(model, denseMatrix([mb.labour_coeff.map((c, j) => c * (mb.x[j] as number))]));
    expect(maxAbsDiff(acc.M.values, [0.335 / 0.7575, 0.2875 / 0.7575])).toBeLessThanOrEqual(1e-12);
  });
});

describe('pymrio conventions that differ from the textbook', () => {
  it('production-based accounts use output recomputed as L·Y·1, not a given x that disagrees with Z and Y', () => {
    const x = (e.x as number[]).map((v) => 1.1 * v);
    const model = leontiefModel({ Z, Y, regions: 2, x });
    const acc = emissionAccounts(model, F);
    const y = model.Y.values;
    // L·Y·1 computed here from the model's own L: pba = S ⊙ (L·Y·1), which is not F when x ≠ Z·1 + Y·1.
    const n = 6;
    for (let j = 0; j < n; j++) {
      let xj = 0;
      for (let p = 0; p < n; p++) xj += (model.L.values[j * n + p] as number) * ((y[p * 2] as number) + (y[p * 2 + 1] as number));
      expect(Math.abs((acc.production.bySector.values[j] as number) - (fixture.F[0]?.[j] as number) / (x[j] as number) * xj)).toBeLessThanOrEqual(1e-10);
    }
    expect(Math.abs((acc.production.bySector.values[0] as number) - 20)).toBeGreaterThan(0.1);
  });

  it('indexes D_cba by the product bought: region 1 and 2 columns of sector 2 coincide because both buy the same sector-2 final demand', () => {
    const acc = emissionAccounts(leontiefModel({ Z, Y, regions: 2 }), F);
    const d = acc.consumption.bySector.values;
    expect(Math.abs((d[1] as number) - (d[4] as number))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs((d[0] as number) - (d[3] as number))).toBeGreaterThan(1);
  });

  it('sets the A and S columns of an industry with zero output to 0 and lists its emissions as unattributed', () => {
    const model = leontiefModel({ Z: denseMatrix([[1, 2, 0], [3, 1, 0], [0, 0, 0]]), Y: denseMatrix([[5], [4], [0]]), regions: 1 });
    expect(Array.from(model.x)).toEqual([8, 8, 0]);
    expect(matrixRows(model.A).map((r) => r[2])).toEqual([0, 0, 0]);
    expect(model.L.values[8]).toBe(1);
    const acc = emissionAccounts(model, denseMatrix([[1, 1, 7]]));
    expect(acc.S.values[2]).toBe(0);
    expect(acc.unattributed).toEqual([2]);
    expect(Math.abs((acc.production.byRegion.values[0] as number) - 2)).toBeLessThanOrEqual(1e-12);
  });
});

describe('input checks', () => {
  const y2 = denseMatrix([[1], [1]]);
  it('throws carbon.bad_matrix for ragged, non-square, mis-sized or non-finite tables', () => {
    expect(thrown(() => denseMatrix([[1, 2], [3]], 'Z'))).toEqual({ code: 'carbon.bad_matrix', params: { what: 'Z', detail: 'row 2 has 1 entries, row 1 has 2' } });
    expect(thrown(() => leontiefModel({ Z: denseMatrix([[1, 2, 3], [4, 5, 6]]), Y: y2, regions: 1 })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => leontiefModel({ Z: denseMatrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), Y: denseMatrix([[1], [1], [1]]), regions: 2 })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => leontiefModel({ Z: denseMatrix([[1, 0], [0, 1]]), Y: denseMatrix([[1]]), regions: 1 })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => leontiefModel({ Z, Y, regions: 2, categories: 2 }))).toEqual({
      code: 'carbon.bad_matrix', params: { what: 'final demand Y', detail: 'it has 2 columns, expected 2 regions × 2 categories = 4' },
    });
    expect(thrown(() => leontiefModel({ Z: denseMatrix([[1, Number.NaN], [0, 1]]), Y: y2, regions: 1 }))).toEqual({
      code: 'carbon.bad_matrix', params: { what: 'intermediate flows Z', detail: 'entry (1, 2) is NaN' },
    });
    expect(thrown(() => leontiefModel({ Z: denseMatrix([[1, 0], [0, 1]]), Y: denseMatrix([[1], [Infinity]]), regions: 1 })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => leontiefModel({ Z: { rows: 2, cols: 2, values: new Float64Array(3) }, Y: y2, regions: 1 })).code).toBe('carbon.bad_matrix');
  });

  it('throws carbon.bad_matrix for a negative or mis-sized total output, given or computed', () => {
    expect(thrown(() => leontiefModel({ Z: denseMatrix([[1, 0], [0, 1]]), Y: y2, regions: 1, x: [2] })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => leontiefModel({ Z: denseMatrix([[1, 0], [0, 1]]), Y: y2, regions: 1, x: [2, -1] }))).toEqual({
      code: 'carbon.bad_matrix', params: { what: 'total output x', detail: 'industry 2 has output -1; outputs must be finite and non-negative' },
    });
    expect(thrown(() => totalOutput(denseMatrix([[1, 0], [0, 1]]), denseMatrix([[1], [-5]]))).code).toBe('carbon.bad_matrix');
  });

  it('throws carbon.option_invalid for a region or category count that is not a positive integer', () => {
    expect(thrown(() => leontiefModel({ Z, Y, regions: 0 }))).toEqual({ code: 'carbon.option_invalid', params: { option: 'regions', value: '0', reason: 'must be a positive integer' } });
    expect(thrown(() => leontiefModel({ Z, Y, regions: 2, categories: 1.5 })).code).toBe('carbon.option_invalid');
    expect(thrown(() => sumFinalDemandCategories(Y, 2.5, 1)).code).toBe('carbon.option_invalid');
  });

  it('throws carbon.singular_leontief when I − A cannot be inverted', () => {
    // A sector that uses all of its own output (A = 1) and a rank-one A with eigenvalue 1.
    expect(thrown(() => leontiefModel({ Z: denseMatrix([[5]]), Y: denseMatrix([[0]]), regions: 1 })).code).toBe('carbon.singular_leontief');
    expect(thrown(() => leontiefModel({ Z: denseMatrix([[1, 1], [1, 1]]), Y: y2, regions: 1, x: [2, 2] })).code).toBe('carbon.singular_leontief');
    expect(thrown(() => leontiefInverse(denseMatrix([[0.5, 0.5, 0], [0.5, 0.5, 0], [0, 0, 0.2]]))).code).toBe('carbon.singular_leontief');
    expect(thrown(() => leontiefInverse(denseMatrix([[0.5, 0.5]]))).code).toBe('carbon.bad_matrix');
  });

  it('throws carbon.bad_matrix for stressor tables that do not fit the model', () => {
    const model = leontiefModel({ Z, Y, regions: 2 });
    expect(thrown(() => emissionAccounts(model, denseMatrix([[1, 2, 3]])))).toEqual({
      code: 'carbon.bad_matrix', params: { what: 'stressor matrix F', detail: 'it has 3 columns, the model has 6 industries' },
    });
    expect(thrown(() => emissionAccounts(model, { rows: 0, cols: 6, values: new Float64Array(0) })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => emissionAccounts(model, denseMatrix([[1, 2, 3, 4, 5, Number.NaN]]))).code).toBe('carbon.bad_matrix');
    expect(thrown(() => emissionAccounts(model, F, { FY: denseMatrix([[1, 2]]) })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => emissionAccounts(model, F, { FY: denseMatrix([[1, 2, 3], [4, 5, 6]]) })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => bilateralEmbodiedEmissions(model, denseMatrix([[1]]))).code).toBe('carbon.bad_matrix');
  });

  it('technicalCoefficients checks that x has one entry per column', () => {
    expect(thrown(() => technicalCoefficients(Z, [1, 2])).code).toBe('carbon.bad_matrix');
  });
});

/** A random productive MRIO: column sums of A at most 0.9, so I − A is well conditioned (κ₁ ≤ 19). */
const mrioArbitrary = fc
  .record({ regions: fc.integer({ min: 1, max: 3 }), sectors: fc.integer({ min: 1, max: 3 }), categories: fc.integer({ min: 1, max: 2 }), stressors: fc.integer({ min: 1, max: 2 }) })
  .chain(({ regions, sectors, categories, stressors }) => {
    const n = regions * sectors;
    const cell = (max: number): fc.Arbitrary<number> => fc.oneof(fc.constant(0), fc.double({ min: 0, max, noNaN: true }));
    return fc.record({
      regions: fc.constant(regions),
      categories: fc.constant(categories),
      z: fc.array(cell(10), { minLength: n * n, maxLength: n * n }),
      base: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
      weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n * regions * categories, maxLength: n * regions * categories }),
      f: fc.array(cell(50), { minLength: stressors * n, maxLength: stressors * n }),
      fy: fc.array(cell(20), { minLength: stressors * regions * categories, maxLength: stressors * regions * categories }),
      stressors: fc.constant(stressors),
    });
  })
  .map(({ regions, categories, z, base, weights, f, fy, stressors }) => {
    const n = base.length;
    const cols = regions * categories;
    const yValues = new Float64Array(n * cols);
    for (let i = 0; i < n; i++) {
      let rowSum = 0;
      let colSum = 0;
      for (let j = 0; j < n; j++) {
        rowSum += z[i * n + j] as number;
        colSum += z[j * n + i] as number;
      }
      // x_i = rowSum + total final demand ≥ colSum / 0.9 + base_i, so column i of A sums to at most 0.9.
      const demand = Math.max(base[i] as number, colSum / 0.9 - rowSum + (base[i] as number));
      const w = weights.slice(i * cols, (i + 1) * cols);
      const wSum = w.reduce((a, v) => a + v, 0);
      w.forEach((v, c) => {
        yValues[i * cols + c] = (demand * v) / wSum;
      });
    }
    const m = (rows: number, c: number, values: ArrayLike<number>): DenseMatrix => ({ rows, cols: c, values: Float64Array.from(values) });
    return { regions, categories, Z: m(n, n, z), Y: m(n, cols, yValues), F: m(stressors, n, f), FY: m(stressors, cols, fy) };
  });

const near = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

describe('properties of random productive MRIOs (fast-check, seeded, relative tolerance 1e-9)', () => {
  it('x = A·x + Y·1 and L·(I − A) = (I − A)·L = I', () => {
    fc.assert(
      fc.property(mrioArbitrary, (t) => {
        const model = leontiefModel({ Z: t.Z, Y: t.Y, regions: t.regions, categories: t.categories });
        const { A, L, x } = model;
        const n = x.length;
        for (let i = 0; i < n; i++) {
          let ax = 0;
          for (let j = 0; j < n; j++) ax += (A.values[i * n + j] as number) * (x[j] as number);
          let y = 0;
          for (let c = 0; c < t.Y.cols; c++) y += t.Y.values[i * t.Y.cols + c] as number;
          if (!near(x[i] as number, ax + y, 1e-9)) return false;
          for (let j = 0; j < n; j++) {
            let left = 0;
            let right = 0;
            for (let p = 0; p < n; p++) {
              const ipA = (p === j ? 1 : 0) - (A.values[p * n + j] as number);
              left += (L.values[i * n + p] as number) * ipA;
              right += ((i === p ? 1 : 0) - (A.values[i * n + p] as number)) * (L.values[p * n + j] as number);
            }
            const id = i === j ? 1 : 0;
            if (!near(left, id, 1e-9) || !near(right, id, 1e-9)) return false;
          }
        }
        return true;
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });

  it('in a closed system the footprints of all regions add up to all production emissions plus F_Y, and cba = pba + imp − exp per region', () => {
    fc.assert(
      fc.property(mrioArbitrary, (t) => {
        const model = leontiefModel({ Z: t.Z, Y: t.Y, regions: t.regions, categories: t.categories });
        const acc = emissionAccounts(model, t.F, { FY: t.FY });
        const R = t.regions;
        const n = t.F.cols;
        const m = n / R;
        for (let s = 0; s < t.F.rows; s++) {
          let direct = 0;
          for (let j = 0; j < n; j++) direct += t.F.values[s * n + j] as number;
          let fy = 0;
          for (let c = 0; c < t.FY.cols; c++) fy += t.FY.values[s * t.FY.cols + c] as number;
          let footprints = 0;
          for (let r = 0; r < R; r++) {
            const cba = acc.consumption.byRegion.values[s * R + r] as number;
            const pba = acc.production.byRegion.values[s * R + r] as number;
            const imp = acc.imports.byRegion.values[s * R + r] as number;
            const exp = acc.exports.byRegion.values[s * R + r] as number;
            footprints += cba;
            if (!near(cba, pba + imp - exp, 1e-9)) return false;
            // Territorial emissions of r are its industries' F (x = L·Y·1 here) plus its households' F_Y.
            let own = acc.finalDemandEmissions.values[s * R + r] as number;
            for (let i = 0; i < m; i++) own += t.F.values[s * n + r * m + i] as number;
            if (!near(pba, own, 1e-9)) return false;
          }
          if (!near(footprints, direct + fy, 1e-9)) return false;
        }
        return true;
      }),
      { seed: 20240612, numRuns: 300 },
    );
  });

  it('bilateral embodied emissions add up to the export, import and consumption accounts', () => {
    fc.assert(
      fc.property(mrioArbitrary, (t) => {
        const model = leontiefModel({ Z: t.Z, Y: t.Y, regions: t.regions, categories: t.categories });
        const acc = emissionAccounts(model, t.F, { FY: t.FY });
        const b = bilateralEmbodiedEmissions(model, t.F);
        const { regions: R, sectors: m, stressors: k } = b;
        const n = R * m;
        for (let s = 0; s < k; s++) {
          for (let d = 0; d < R; d++) {
            let intoD = 0;
            let forD = 0;
            for (let o = 0; o < R; o++) {
              const pair = b.pairs[(s * R + o) * R + d] as number;
              forD += pair;
              if (o !== d) intoD += pair;
            }
            if (!near(intoD, acc.imports.byRegion.values[s * R + d] as number, 1e-9)) return false;
            const cbaWithoutFY = (acc.consumption.byRegion.values[s * R + d] as number) - (acc.finalDemandEmissions.values[s * R + d] as number);
            if (!near(forD, cbaWithoutFY, 1e-9)) return false;
          }
          for (let o = 0; o < R; o++) {
            for (let i = 0; i < m; i++) {
              let out = 0;
              for (let d = 0; d < R; d++) if (d !== o) out += b.values[((s * R + o) * R + d) * m + i] as number;
              if (!near(out, acc.exports.bySector.values[s * n + o * m + i] as number, 1e-9)) return false;
            }
          }
        }
        return true;
      }),
      { seed: 20240613, numRuns: 300 },
    );
  });
});
