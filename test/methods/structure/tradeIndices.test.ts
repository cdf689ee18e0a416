import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/methods/carbon/index.js';
import {
  bilateralKrugman, drysdaleIntensity, exportSimilarity, tradeComplementarity, tradeFlowsFromBilateral, tradeIntensity,
} from '../../../src/methods/structure/index.js';
import type { TradeFlows } from '../../../src/methods/structure/index.js';
import { maxAbsDiff, readFixtureJson, thrown } from './econGeoFixtures.js';

type PairKey = 'A->B' | 'A->C' | 'B->A' | 'B->C' | 'C->A' | 'C->B';
interface PairIndices {
  TCI_michaely_0_100: number;
  TCI_rca_product_sum: number;
  drysdale_complementarity_c_ij: number;
  drysdale_bias_b_ij: number;
  drysdale_intensity_c_times_b: number;
  TII_wits: number;
  TII_excluding_own_imports: number;
}
interface TradeFixture {
  countries: string[];
  bilateral_exports_X_ijk: number[][][];
  exports_by_product: number[][];
  imports_by_product: number[][];
  bilateral_indices: Record<PairKey, PairIndices>;
  structure_similarity_export_shares: Record<string, { krugman_bilateral_sum_abs_share_diff: number }>;
}
const fixture = readFixtureJson<TradeFixture>('fixture_trade_indices_3x4.json');
const flows = tradeFlowsFromBilateral(fixture.bilateral_exports_X_ijk);
const pairs = Object.entries(fixture.bilateral_indices) as [PairKey, PairIndices][];
const index = (c: string): number => fixture.countries.indexOf(c);
/** Entry (exporter, importer) of an n × n result for a fixture key such as 'A->B'. */
const at = (m: { values: Float64Array; cols: number }, key: string): number => {
  const [i, j] = key.split('->') as [string, string];
  return m.values[index(i) * m.cols + index(j)] as number;
};

/** The fixture prints 10 decimals (9 for some 0–100 values): absolute 1e-9. */
const TOL = 1e-9;

describe('tradeFlowsFromBilateral', () => {
  it('sums x_ijk to the fixture’s exports_by_product and imports_by_product exactly, and to bilateral totals', () => {
    expect(maxAbsDiff(flows.exports.values, fixture.exports_by_product)).toBe(0);
    expect(maxAbsDiff(flows.imports.values, fixture.imports_by_product)).toBe(0);
    // A exports 0 to itself, 10+5+0+25 = 40 to B, 5+5+10+0 = 20 to C.
    expect(Array.from(flows.bilateral.values.subarray(0, 3))).toEqual([0, 40, 20]);
  });

  it('rejects ragged arrays and negative flows with carbon.bad_matrix', () => {
    expect(thrown(() => tradeFlowsFromBilateral([[[1, 2], [1]], [[0, 0], [0, 0]]])).code).toBe('carbon.bad_matrix');
    expect(thrown(() => tradeFlowsFromBilateral([[[1]], [[0]]])).code).toBe('carbon.bad_matrix');
    expect(thrown(() => tradeFlowsFromBilateral([[[0], [-1]], [[0], [0]]])).code).toBe('carbon.bad_matrix');
  });
});

describe('tradeComplementarity reproduces fixture_trade_indices_3x4.json for all six ordered pairs (absolute 1e-9)', () => {
  it("form 'michaely' (default) gives TCI_michaely_0_100 = 100 · (1 − Σ|m_jk − x_ik| / 2)", () => {
    const tc = tradeComplementarity(flows);
    for (const [key, v] of pairs) expect(Math.abs(at(tc, key) - v.TCI_michaely_0_100)).toBeLessThanOrEqual(TOL);
  });

  it("form 'rca' gives TCI_rca_product_sum = Σ_k RCA^x_ik · RCA^m_jk · W_k / W; world-export or world-import weights agree in this closed table", () => {
    const byExports = tradeComplementarity(flows, { form: 'rca' });
    const byImports = tradeComplementarity(flows, { form: 'rca', worldWeights: 'imports' });
    for (const [key, v] of pairs) {
      expect(Math.abs(at(byExports, key) - v.TCI_rca_product_sum)).toBeLessThanOrEqual(TOL);
      expect(Math.abs(at(byImports, key) - v.TCI_rca_product_sum)).toBeLessThanOrEqual(TOL);
    }
  });

  it('by hand, A → B: x_A = [15,10,10,25]/60, m_B = [10,15,0,45]/70, Σ|m − x| = 23/42, TC = 100 · (1 − 23/84)', () => {
    expect(tradeComplementarity(flows).values[1]).toBeCloseTo(100 * (1 - 23 / 84), 12);
  });

  it('is NaN on the diagonal and for an exporter without exports; rejects unknown forms', () => {
    const tc = tradeComplementarity(flows);
    expect([tc.values[0], tc.values[4], tc.values[8]].every(Number.isNaN)).toBe(true);
    // Country 1 exports [1, 1] (shares .5, .5); country 0 imports [1, 3] (.25, .75): Σ|m − x| = .5, TC = 75.
    const idle: TradeFlows = { exports: denseMatrix([[0, 0], [1, 1]]), imports: denseMatrix([[1, 3], [1, 0]]) };
    expect(Number.isNaN(tradeComplementarity(idle).values[1])).toBe(true);
    expect(tradeComplementarity(idle).values[2]).toBeCloseTo(75, 13);
    expect(thrown(() => tradeComplementarity(flows, { form: 'gl' as 'rca' })).code).toBe('disparity.option_invalid');
  });
});

describe('tradeIntensity and drysdaleIntensity reproduce fixture_trade_indices_3x4.json (absolute 1e-9)', () => {
  it("denominator 'world' (default) gives TII_wits = (X_ij / X_i) / (M_j / M_w)", () => {
    const tii = tradeIntensity(flows);
    for (const [key, v] of pairs) expect(Math.abs(at(tii, key) - v.TII_wits)).toBeLessThanOrEqual(TOL);
  });

  it("denominator 'excludingOwnImports' gives TII_excluding_own_imports = (X_ij / X_i) / (M_j / (M_w − M_i))", () => {
    const tii = tradeIntensity(flows, { denominator: 'excludingOwnImports' });
    for (const [key, v] of pairs) expect(Math.abs(at(tii, key) - v.TII_excluding_own_imports)).toBeLessThanOrEqual(TOL);
  });

  it('splits intensity into Drysdale complementarity c_ij and bias b_ij with c · b = intensity', () => {
    const d = drysdaleIntensity(flows);
    for (const [key, v] of pairs) {
      expect(Math.abs(at(d.complementarity, key) - v.drysdale_complementarity_c_ij)).toBeLessThanOrEqual(TOL);
      expect(Math.abs(at(d.bias, key) - v.drysdale_bias_b_ij)).toBeLessThanOrEqual(TOL);
      expect(Math.abs(at(d.intensity, key) - v.drysdale_intensity_c_times_b)).toBeLessThanOrEqual(TOL);
      expect(Math.abs(at(d.complementarity, key) * at(d.bias, key) - at(d.intensity, key))).toBeLessThanOrEqual(1e-14);
    }
  });

  it('the bias equals the complementarity-weighted mean of product biases (X_ijk/X_ik)/(M_jk/(M_wk − M_ik)) (1e-12)', () => {
    // Products with M_jk = 0 have weight 0 and no bias; products A does not export have weight 0 as well.
    const d = drysdaleIntensity(flows);
    const x = fixture.bilateral_exports_X_ijk;
    const Mw = [0, 1, 2, 3].map((k) => fixture.imports_by_product.reduce((s, row) => s + (row[k] as number), 0));
    for (const [key] of pairs) {
      const [i, j] = key.split('->').map(index) as [number, number];
      let num = 0;
      let den = 0;
      for (let k = 0; k < 4; k++) {
        const Xik = fixture.exports_by_product[i]?.[k] as number;
        const Mjk = fixture.imports_by_product[j]?.[k] as number;
        if (Xik === 0 || Mjk === 0) continue;
        const rest = (Mw[k] as number) - (fixture.imports_by_product[i]?.[k] as number);
        const weight = Xik * (Mjk / rest);
        num += weight * ((x[i]?.[j]?.[k] as number) / Xik) / (Mjk / rest);
        den += weight;
      }
      expect(Math.abs(at(d.bias, key) - num / den)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('needs bilateral totals, and checks given world totals against the countries’ own', () => {
    const noBilateral: TradeFlows = { exports: flows.exports, imports: flows.imports };
    expect(thrown(() => tradeIntensity(noBilateral))).toEqual({
      code: 'disparity.option_invalid', params: { option: 'bilateral', value: 'missing', reason: 'trade intensity needs the bilateral totals X_ij' },
    });
    expect(thrown(() => tradeIntensity({ ...flows, worldImports: [1, 1, 1, 1] })).code).toBe('disparity.option_invalid');
    expect(thrown(() => tradeIntensity({ ...flows, worldImports: [1, 1] })).code).toBe('disparity.length_mismatch');
    expect(thrown(() => tradeIntensity(flows, { denominator: 'partner' as 'world' })).code).toBe('disparity.option_invalid');
  });

  it('with a larger world (the three countries plus the rest), intensities use the given world imports (hand: A → B)', () => {
    // World imports doubled: M_w = 360. TII_AB = (40/60) / (70/360) = 24/7.
    const world = { ...flows, worldImports: [70, 90, 80, 120], worldExports: [70, 90, 80, 120] };
    expect(tradeIntensity(world).values[1]).toBeCloseTo(24 / 7, 12);
  });
});

describe('exportSimilarity (Finger & Kreinin 1979)', () => {
  // K is printed to 10 decimals (error ≤ 5e-11); 100 · (1 − K/2) scales that by 50: absolute 2.5e-9.
  it('equals 100 · (1 − K/2) with the fixture’s bilateral Krugman indices (absolute 2.5e-9)', () => {
    const TOL = 2.5e-9;
    const esi = exportSimilarity(flows.exports);
    const k = fixture.structure_similarity_export_shares;
    expect(Math.abs((esi.values[1] as number) - 100 * (1 - (k['A-B']?.krugman_bilateral_sum_abs_share_diff as number) / 2))).toBeLessThanOrEqual(TOL);
    expect(Math.abs((esi.values[2] as number) - 100 * (1 - (k['A-C']?.krugman_bilateral_sum_abs_share_diff as number) / 2))).toBeLessThanOrEqual(TOL);
    expect(Math.abs((esi.values[5] as number) - 100 * (1 - (k['B-C']?.krugman_bilateral_sum_abs_share_diff as number) / 2))).toBeLessThanOrEqual(TOL);
    expect([esi.values[0], esi.values[4], esi.values[8]]).toEqual([100, 100, 100]);
  });

  it('property: symmetric, in [0, 100], and 100 · (1 − bilateralKrugman / 2)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }), { minLength: 2, maxLength: 5 }), (rows) => {
        const esi = exportSimilarity(denseMatrix(rows));
        const n = rows.length;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const v = esi.values[i * n + j] as number;
            const k = bilateralKrugman(rows[i] as number[], rows[j] as number[]);
            if (Number.isNaN(k)) {
              expect(Number.isNaN(v)).toBe(true);
              continue;
            }
            expect(v).toBe(esi.values[j * n + i]);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(100 + 1e-9);
            expect(Math.abs(v - 100 * (1 - k / 2))).toBeLessThanOrEqual(1e-9);
          }
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe('trade index properties', () => {
  it('property: Michaely TC lies in [0, 100] and intensities are ≥ 0 on random closed tables', () => {
    const flow = fc.integer({ min: 0, max: 50 });
    fc.assert(
      fc.property(fc.array(flow, { minLength: 27, maxLength: 27 }), (cells) => {
        // 3 countries × 3 partners × 3 products, no trade with oneself.
        const x = [0, 1, 2].map((i) => [0, 1, 2].map((j) => [0, 1, 2].map((k) => (i === j ? 0 : (cells[i * 9 + j * 3 + k] as number)))));
        const f = tradeFlowsFromBilateral(x);
        const tc = tradeComplementarity(f);
        const tii = tradeIntensity(f);
        tc.values.forEach((v) => {
          if (Number.isNaN(v)) return;
          expect(v).toBeGreaterThanOrEqual(-1e-12);
          expect(v).toBeLessThanOrEqual(100 + 1e-12);
        });
        tii.values.forEach((v) => {
          if (!Number.isNaN(v)) expect(v).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
