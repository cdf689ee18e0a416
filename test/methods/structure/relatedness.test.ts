import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseMatrix, matrixRows } from '../../../src/methods/carbon/index.js';
import type { EconGeoRelatednessMethod } from '../../../src/methods/structure/index.js';
import { econGeoCoOccurrence, econGeoRelatedness, econGeoRelatednessDensity } from '../../../src/methods/structure/index.js';
import { econGeoTable, maxAbsDiff, readEconGeoExamples, thrown } from './econGeoFixtures.js';

const examples = readEconGeoExamples();
// The Hidalgo–Hausmann (2009) 4 × 4 toy (countries C1–C4 × products P1–P4). The reference file prints it right
// after the spec.coeff vector, without a heading of its own.
const hhTable = econGeoTable(examples, 'spec.coeff', 1);
const hh = denseMatrix(hhTable.rows);

/** EconGeo's relatedness output was printed with 10 significant digits (values ≤ 2): absolute 1e-9. */
const PRINTED_10 = 1e-9;

describe('econGeoCoOccurrence', () => {
  it('is the Hidalgo–Hausmann toy read from the file, as the other tests assume', () => {
    expect(hhTable.colNames).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(hhTable.rowNames).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(matrixRows(hh)).toEqual([[1, 1, 1, 1], [0, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1]]);
  });

  it('with diagonal: true equals EconGeo co.occurrence(t(M), diagonal = TRUE) = t(M) %*% M exactly', () => {
    expect(matrixRows(econGeoCoOccurrence(hh, { diagonal: true }))).toEqual(econGeoTable(examples, 'co-occurrence of products (t(M) M)').rows);
  });

  it('sets the diagonal to 0 by default, as EconGeo', () => {
    const c = econGeoCoOccurrence(hh);
    expect([0, 5, 10, 15].map((k) => c.values[k])).toEqual([0, 0, 0, 0]);
    expect(c.values[1]).toBe(1);
  });
});

describe('econGeoRelatedness reproduces EconGeo 1.3 relatedness() on the toy co-occurrence (absolute 1e-9)', () => {
  const cooc = econGeoCoOccurrence(hh, { diagonal: true });
  const cases: [EconGeoRelatednessMethod, string][] = [
    ['prob', 'relatedness prob'],
    ['association', 'relatedness association'],
    ['cosine', 'relatedness cosine'],
    ['jaccard', 'relatedness jaccard'],
  ];
  for (const [method, heading] of cases) {
    it(`method '${method}' matches "${heading}"`, () => {
      const expected = econGeoTable(examples, heading).rows;
      expect(maxAbsDiff(econGeoRelatedness(cooc, { method }).values, expected)).toBeLessThanOrEqual(PRINTED_10);
    });
  }

  it("defaults to 'prob' and ignores the diagonal of the input (EconGeo zeroes it first)", () => {
    const zeroDiagonal = econGeoCoOccurrence(hh);
    expect(Array.from(econGeoRelatedness(zeroDiagonal).values)).toEqual(Array.from(econGeoRelatedness(cooc, { method: 'prob' }).values));
  });

  it('by hand: P1–P2 co-occur once, S = [3, 3, 4, 4], T = 14 → association 14/9, cosine 1/3, Jaccard 1/5, prob 11/9', () => {
    // prob: 1 / ((3/14 · 3/11 + 3/14 · 3/11) · 7) = 1 / (18/154 · 7) = 154/126 = 11/9.
    const at = (method: EconGeoRelatednessMethod): number => econGeoRelatedness(cooc, { method }).values[1] as number;
    expect(at('association')).toBeCloseTo(14 / 9, 14);
    expect(at('cosine')).toBeCloseTo(1 / 3, 14);
    expect(at('jaccard')).toBeCloseTo(1 / 5, 14);
    expect(at('prob')).toBeCloseTo(11 / 9, 14);
  });

  it('gives 0 for an industry that never co-occurs (0/0, EconGeo’s is.na → 0) and throws coded errors', () => {
    const c = denseMatrix([[0, 2, 0], [2, 0, 0], [0, 0, 0]]);
    for (const method of ['prob', 'association', 'cosine', 'jaccard'] as const) {
      const r = econGeoRelatedness(c, { method });
      expect([r.values[2], r.values[5], r.values[8]]).toEqual([0, 0, 0]);
    }
    expect(thrown(() => econGeoRelatedness(cooc, { method: 'pmi' as 'prob' })).code).toBe('disparity.option_invalid');
    expect(thrown(() => econGeoRelatedness(denseMatrix([[1, 2, 3]])))).toEqual({ code: 'carbon.bad_matrix', params: { what: 'co-occurrence matrix', detail: 'it is 1 × 3, not square' } });
    expect(thrown(() => econGeoRelatedness(denseMatrix([[0, -1], [-1, 0]]))).code).toBe('carbon.bad_matrix');
  });

  it('property: symmetric for a symmetric co-occurrence; cosine and Jaccard in [0, 1]; zero diagonal', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const c = econGeoCoOccurrence(denseMatrix(rows));
        for (const method of ['prob', 'association', 'cosine', 'jaccard'] as const) {
          const r = econGeoRelatedness(c, { method });
          for (let i = 0; i < 5; i++) {
            expect(r.values[i * 5 + i]).toBe(0);
            for (let j = 0; j < 5; j++) {
              const v = r.values[i * 5 + j] as number;
              expect(Math.abs(v - (r.values[j * 5 + i] as number))).toBeLessThanOrEqual(1e-12 * Math.max(1, v));
              expect(v).toBeGreaterThanOrEqual(0);
              if (method === 'cosine' || method === 'jaccard') expect(v).toBeLessThanOrEqual(1 + 1e-12);
            }
          }
        }
      }),
      { numRuns: 300, seed: 31 },
    );
  });
});

describe('econGeoRelatednessDensity', () => {
  const cosine = econGeoRelatedness(econGeoCoOccurrence(hh), { method: 'cosine' });

  it('matches relatedness.density(hh, cosine relatedness) (EconGeo rounds to 2 decimals: absolute 0.005)', () => {
    const expected = econGeoTable(examples, 'relatedness.density(hh, cosine relatedness)');
    expect(expected.rowNames).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(maxAbsDiff(econGeoRelatednessDensity(hh, cosine).values, expected.rows)).toBeLessThanOrEqual(0.005 + 1e-12);
  });

  it('by hand: C2 has only P2, so its density around P1 is 100 · φ(P2,P1) / Σ_i φ(i,P1) = 100 · (1/3) / (1/3 + 2/√12)', () => {
    const d = econGeoRelatednessDensity(hh, cosine);
    expect(d.values[4]).toBeCloseTo((100 * (1 / 3)) / (1 / 3 + 2 / Math.sqrt(12)), 12);
  });

  it('gives NaN around an industry related to nothing (0/0, as EconGeo) and checks shapes', () => {
    const m = denseMatrix([[1, 1, 0], [0, 1, 1]]);
    const phi = denseMatrix([[0, 1, 0], [1, 0, 0], [0, 0, 0]]);
    const d = econGeoRelatednessDensity(m, phi);
    expect([d.values[2], d.values[5]].every(Number.isNaN)).toBe(true);
    expect(Array.from(d.values.subarray(0, 2))).toEqual([100, 100]);
    expect(thrown(() => econGeoRelatednessDensity(m, denseMatrix([[0, 1], [1, 0]])))).toEqual({
      code: 'disparity.length_mismatch', params: { what: 'relatedness matrix rows (one per industry)', expected: 3, found: 2 },
    });
  });

  it('property: for a 0/1 matrix and non-negative relatedness every density lies in [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const m = denseMatrix(rows);
        const d = econGeoRelatednessDensity(m, econGeoRelatedness(econGeoCoOccurrence(m)));
        d.values.forEach((v) => {
          if (Number.isNaN(v)) return;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100 + 1e-9);
        });
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
