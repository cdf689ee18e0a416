import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseMatrix, matrixRows } from '../../../src/methods/carbon/index.js';
import { bilateralKrugman, krugmanSpecialisation, locationQuotient } from '../../../src/methods/structure/index.js';
import { econGeoTable, maxAbsDiff, readEconGeoExamples, readFixtureJson, readFixtureText, thrown } from './econGeoFixtures.js';

// EconGeo 1.3's own example matrix (location.quotient / RCA / Krugman.index documentation): 5 regions × 5 industries.
const econGeo5x5 = [
  [100, 0, 0, 0, 0],
  [0, 15, 5, 70, 10],
  [0, 20, 10, 20, 50],
  [0, 25, 30, 5, 40],
  [0, 40, 55, 5, 0],
];
const mat = denseMatrix(econGeo5x5);
const examples = readEconGeoExamples();

interface TradeFixture {
  exports_by_product: number[][];
  imports_by_product: number[][];
  RCA_export_balassa: number[][];
  RCA_import: number[][];
  structure_similarity_export_shares: Record<string, { krugman_bilateral_sum_abs_share_diff: number }>;
}
const trade = readFixtureJson<TradeFixture>('fixture_trade_indices_3x4.json');

/** R prints at 7 significant digits: a printed value is within half a unit of the 7th digit. */
const printed7 = (v: number): number => 5e-7 * Math.max(1, Math.abs(v));

describe('locationQuotient reproduces EconGeo 1.3 on its 5×5 example', () => {
  const lq = locationQuotient(mat);

  it('matches location.quotient(mat) entry by entry (R prints 7 significant digits: relative 5e-7)', () => {
    const expected = econGeoTable(examples, 'LQ');
    expect(expected.colNames).toEqual(['I1', 'I2', 'I3', 'I4', 'I5']);
    expected.rows.flat().forEach((v, k) => expect(Math.abs((lq.values[k] as number) - v)).toBeLessThanOrEqual(printed7(v)));
  });

  it('matches location.quotient(mat, binary = TRUE) exactly, keeping LQ = 1 (R3: I2 and I4) as 1', () => {
    const binary = locationQuotient(mat, { binary: true });
    expect(matrixRows(binary)).toEqual(econGeoTable(examples, 'LQ binary').rows);
    expect(lq.values[2 * 5 + 1]).toBe(1);
    expect(binary.values[2 * 5 + 1]).toBe(1);
  });

  it('rounded to 2 decimals equals EconGeo RCA(mat), which is the same quotient rounded', () => {
    const rounded = Array.from(lq.values, (v) => Math.round(v * 100) / 100);
    expect(rounded).toEqual(econGeoTable(examples, 'RCA (rounded 2dp)').rows.flat());
  });

  it('equals the rca column py-ecomplexity 0.5.2 gives for the same matrix (absolute 1e-12)', () => {
    const rows = readFixtureText('fixture_econgeo5x5_pyecomplexity_rca.csv').trim().split('\n').slice(1).map((l) => l.split(','));
    const byCell = new Map(rows.map((r) => [`${r[0]}|${r[1]}`, Number(r[12])]));
    expect(byCell.size).toBe(25);
    for (let r = 0; r < 5; r++) {
      for (let i = 0; i < 5; i++) expect(Math.abs((lq.values[r * 5 + i] as number) - (byCell.get(`R${r + 1}|I${i + 1}`) as number))).toBeLessThanOrEqual(1e-12);
    }
  });

  // R4·I3 is exactly 1.5 only because the quotient is formed as x·X / (x_r·X_i) = 30·500 / (100·100); the share
  // ratio EconGeo forms, 0.3 / 0.2, is 1.4999999999999998 in doubles and would drop the cell.
  it('binary at threshold 1.5 keeps exactly the cells with LQ ≥ 1.5 (5, 3.5, 2.5, 1.5, 2, 2, 2.75)', () => {
    const b = locationQuotient(mat, { binary: true, threshold: 1.5 });
    expect(matrixRows(b)).toEqual([
      [1, 0, 0, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 1, 0, 1],
      [0, 1, 1, 0, 0],
    ]);
  });
});

describe('locationQuotient as Balassa RCA on fixture_trade_indices_3x4.json (absolute 1e-9; the file has 10 decimals)', () => {
  it('gives RCA_export_balassa from exports_by_product and RCA_import from imports_by_product', () => {
    expect(maxAbsDiff(locationQuotient(denseMatrix(trade.exports_by_product)).values, trade.RCA_export_balassa)).toBeLessThanOrEqual(1e-9);
    expect(maxAbsDiff(locationQuotient(denseMatrix(trade.imports_by_product)).values, trade.RCA_import)).toBeLessThanOrEqual(1e-9);
  });
});

describe('locationQuotient options and edges', () => {
  it('uses given reference totals when the rows are not the whole economy (hand: (60/100)/(200/1000) = 3)', () => {
    // Two zones; the nation has 200 of 1,000 jobs in industry 1 and 800 in industry 2.
    const lq = locationQuotient(denseMatrix([[60, 40], [10, 90]]), { reference: [200, 800] });
    expect(maxAbsDiff(lq.values, [3, 0.5, 0.5, 1.125])).toBeLessThanOrEqual(1e-15);
  });

  it('sets 0/0 cells to 0 as EconGeo does: a region with no activity, an industry nobody has', () => {
    const lq = locationQuotient(denseMatrix([[0, 0, 0], [5, 5, 0]]));
    expect(Array.from(lq.values)).toEqual([0, 0, 0, 1, 1, 0]);
  });

  it('throws coded errors for negative cells, bad thresholds and references', () => {
    expect(thrown(() => locationQuotient(denseMatrix([[1, -2]])))).toEqual({
      code: 'carbon.bad_matrix', params: { what: 'region × industry matrix', detail: 'entry (1, 2) is -2; entries must be ≥ 0' },
    });
    expect(thrown(() => locationQuotient(denseMatrix([[1, Number.NaN]]))).code).toBe('carbon.bad_matrix');
    expect(thrown(() => locationQuotient(mat, { binary: true, threshold: -1 })).code).toBe('disparity.option_invalid');
    expect(thrown(() => locationQuotient(mat, { reference: [1, 2] }))).toEqual({
      code: 'disparity.length_mismatch', params: { what: 'location quotient: reference totals', expected: 5, found: 2 },
    });
    expect(thrown(() => locationQuotient(denseMatrix([[1, 1]]), { reference: [1, 0] })).code).toBe('disparity.option_invalid');
  });

  it('property: the size-weighted mean of an active industry’s LQ over regions is 1 (Σ_r (x_r·/X) LQ_ri = 1, to 1e-12)', () => {
    const cell = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.array(cell, { minLength: 36, maxLength: 36 }), (r, c, cells) => {
        const rows = Array.from({ length: r }, (_, i) => cells.slice(i * c, (i + 1) * c));
        const m = denseMatrix(rows);
        const lq = locationQuotient(m);
        const total = cells.slice(0, r * c).reduce((a, b) => a + b, 0);
        for (let i = 0; i < c; i++) {
          if (rows.every((row) => row[i] === 0)) continue;
          let mean = 0;
          rows.forEach((row, k) => {
            mean += (row.reduce((a, b) => a + b, 0) / total) * (lq.values[k * c + i] as number);
          });
          expect(Math.abs(mean - 1)).toBeLessThanOrEqual(1e-12);
        }
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });
});

describe('krugmanSpecialisation reproduces EconGeo 1.3', () => {
  it('matches Krugman.index(mat) = [1.6, 1.0, 0.6, 0.7, 1.1] (relative 5e-7)', () => {
    const expected = econGeoTable(examples, 'Krugman.index');
    expect(expected.colNames).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    const k = krugmanSpecialisation(mat);
    (expected.rows[0] as number[]).forEach((v, r) => expect(Math.abs((k[r] as number) - v)).toBeLessThanOrEqual(printed7(v)));
  });

  it('matches spec.coeff(mat), the halved index, with half: true (relative 5e-7)', () => {
    const expected = econGeoTable(examples, 'spec.coeff').rows[0] as number[];
    const k = krugmanSpecialisation(mat, { half: true });
    expected.forEach((v, r) => expect(Math.abs((k[r] as number) - v)).toBeLessThanOrEqual(printed7(v)));
  });

  it("compares with the other regions under reference: 'others' (hand computation)", () => {
    // Column totals are 100 each. R1 = [1, 0, 0, 0, 0] against the others [0, 100, 100, 100, 100]/400:
    //   |1 − 0| + 4 · |0 − 0.25| = 2.
    // R2 = [0, .15, .05, .70, .10] against the others [100, 85, 95, 30, 90]/400 = [.25, .2125, .2375, .075, .225]:
    //   .25 + .0625 + .1875 + .625 + .125 = 1.25.
    const k = krugmanSpecialisation(mat, { reference: 'others' });
    expect(k[0]).toBeCloseTo(2, 14);
    expect(k[1]).toBeCloseTo(1.25, 14);
  });

  it('gives NaN for a region with no activity (EconGeo: 0/0 shares) and rejects an unknown reference', () => {
    const k = krugmanSpecialisation(denseMatrix([[0, 0], [1, 3]]));
    expect(Number.isNaN(k[0])).toBe(true);
    expect(k[1]).toBe(0);
    expect(thrown(() => krugmanSpecialisation(mat, { reference: 'nation' as 'total' })).code).toBe('disparity.option_invalid');
  });

  it('property: 0 ≤ K ≤ 2, and half is exactly K / 2', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 6 }), (rows) => {
        const m = denseMatrix(rows);
        const k = krugmanSpecialisation(m);
        const h = krugmanSpecialisation(m, { half: true });
        k.forEach((v, r) => {
          if (Number.isNaN(v)) return;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(2 + 1e-12);
          expect(h[r]).toBe(v / 2);
        });
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('bilateralKrugman', () => {
  it('matches krugman_bilateral_sum_abs_share_diff of fixture_trade_indices_3x4.json for A-B, A-C, B-C (absolute 1e-9)', () => {
    const [a, b, c] = trade.exports_by_product as [number[], number[], number[]];
    const expected = trade.structure_similarity_export_shares;
    expect(Math.abs(bilateralKrugman(a, b) - (expected['A-B']?.krugman_bilateral_sum_abs_share_diff as number))).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(bilateralKrugman(a, c) - (expected['A-C']?.krugman_bilateral_sum_abs_share_diff as number))).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(bilateralKrugman(b, c) - (expected['B-C']?.krugman_bilateral_sum_abs_share_diff as number))).toBeLessThanOrEqual(1e-9);
  });

  it('is symmetric, 0 for proportional structures, 2 for disjoint ones, NaN for an empty one', () => {
    expect(bilateralKrugman([1, 2, 3], [3, 2, 1])).toBe(bilateralKrugman([3, 2, 1], [1, 2, 3]));
    expect(bilateralKrugman([1, 2, 3], [10, 20, 30])).toBeCloseTo(0, 15);
    expect(bilateralKrugman([1, 0], [0, 5])).toBe(2);
    expect(Number.isNaN(bilateralKrugman([0, 0], [1, 1]))).toBe(true);
    expect(thrown(() => bilateralKrugman([1, 2], [1]))).toEqual({ code: 'disparity.length_mismatch', params: { what: 'bilateral Krugman: second vector', expected: 2, found: 1 } });
    expect(thrown(() => bilateralKrugman([1, -2], [1, 1])).code).toBe('disparity.option_invalid');
  });
});
