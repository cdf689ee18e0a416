import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HsIsicLink, TradeRow } from '../../../src/methods/carbon/index.js';
import { tradeEmbodiedEmissions } from '../../../src/methods/carbon/index.js';

const thrown = (f: () => unknown): { code: string; params: unknown } => {
  try {
    f();
  } catch (e) {
    const err = e as { code?: string; params?: unknown };
    return { code: err.code ?? `uncoded: ${String(e)}`, params: err.params };
  }
  return { code: 'no error', params: undefined };
};

// Steel and aluminium lines with a two-way HS code; amounts in tonnes, intensities in tCO2 per tonne.
const concordance: HsIsicLink[] = [
  { hs: '720851', isic: '2410' },
  { hs: '760110', isic: '2420' },
  { hs: '7308.90', isic: '2511', share: 0.75 },
  { hs: '7308.90', isic: '4290', share: 0.25 },
  { hs: '0101', isic: '0149' },
  { hs: '8504', isic: '2710' },
  { hs: '8504', isic: '2790' },
];
const intensities = { '2410': 2, '2420': 10, '2511': 1.2, '2710': 0.8 };
const rows: TradeRow[] = [
  { hs: '720851', partner: 'DE', amount: 100 },
  { hs: '760110', partner: 'DE', amount: 5 },
  { hs: '730890', partner: 'VN', amount: 40 },
  { hs: '8504', partner: 'VN', amount: 10 },
  { hs: '101', partner: 'DE', amount: 3 },
  { hs: '0101', partner: 'KZ', amount: 2 },
  { hs: '999999', partner: 'KZ', amount: 7 },
];

describe('tradeEmbodiedEmissions', () => {
  const r = tradeEmbodiedEmissions(rows, concordance, intensities);

  it('multiplies each row’s amount by share × intensity of every ISIC code it maps to', () => {
    expect(r.rows.map((x) => x.emissions)).toEqual([200, 50, 36, 4, 0, 0, 0]);
    expect(r.rows[2]?.parts).toEqual([
      { isic: '2511', share: 0.75, amount: 30, intensity: 1.2, emissions: 36 },
      { isic: '4290', share: 0.25, amount: 10, intensity: null, emissions: null },
    ]);
  });

  it('splits an HS code equally over its ISIC codes when no shares are given', () => {
    expect(r.rows[3]?.parts.map((p) => [p.isic, p.share, p.amount])).toEqual([['2710', 0.5, 5], ['2790', 0.5, 5]]);
  });

  it('marks each row complete, partial, no_intensity or unmatched and keeps the covered amount', () => {
    expect(r.rows.map((x) => x.status)).toEqual(['complete', 'complete', 'partial', 'partial', 'unmatched', 'no_intensity', 'unmatched']);
    expect(r.rows.map((x) => x.coveredAmount)).toEqual([100, 5, 30, 5, 0, 0, 0]);
    expect(r.rows[2]?.hs).toBe('730890');
  });

  it('keeps leading zeros: "101" does not match the concordance code "0101"', () => {
    expect(r.rows[4]?.matchedHs).toBeNull();
    expect(r.rows[5]?.matchedHs).toBe('0101');
  });

  it('reports unmatched HS codes and missing intensities with their rows and trade, not silently dropped', () => {
    expect(r.unmatchedHs).toEqual([{ code: '101', rows: [4], amount: 3 }, { code: '999999', rows: [6], amount: 7 }]);
    expect(r.missingIntensities).toEqual([
      { code: '0149', rows: [5], amount: 2 },
      { code: '2790', rows: [3], amount: 5 },
      { code: '4290', rows: [2], amount: 10 },
    ]);
  });

  it('aggregates by ISIC code and by partner, reporting covered next to total trade', () => {
    expect(r.byIsic).toEqual([
      { key: '0149', amount: 2, coveredAmount: 0, emissions: 0 },
      { key: '2410', amount: 100, coveredAmount: 100, emissions: 200 },
      { key: '2420', amount: 5, coveredAmount: 5, emissions: 50 },
      { key: '2511', amount: 30, coveredAmount: 30, emissions: 36 },
      { key: '2710', amount: 5, coveredAmount: 5, emissions: 4 },
      { key: '2790', amount: 5, coveredAmount: 0, emissions: 0 },
      { key: '4290', amount: 10, coveredAmount: 0, emissions: 0 },
    ]);
    expect(r.byPartner).toEqual([
      { key: 'DE', amount: 108, coveredAmount: 105, emissions: 250 },
      { key: 'KZ', amount: 9, coveredAmount: 0, emissions: 0 },
      { key: 'VN', amount: 50, coveredAmount: 35, emissions: 40 },
    ]);
    expect(r.total).toEqual({ amount: 167, coveredAmount: 140, emissions: 290 });
  });

  it('accepts intensities as a Map', () => {
    const viaMap = tradeEmbodiedEmissions(rows, concordance, new Map(Object.entries(intensities)));
    expect(viaMap.total).toEqual(r.total);
  });

  it('matches tariff lines to their longest concordance prefix only with prefixMatch', () => {
    const lines: TradeRow[] = [{ hs: '72085110', partner: 'DE', amount: 10 }, { hs: '85044010', partner: 'DE', amount: 4 }];
    expect(tradeEmbodiedEmissions(lines, concordance, intensities).unmatchedHs.map((u) => u.code)).toEqual(['72085110', '85044010']);
    const p = tradeEmbodiedEmissions(lines, concordance, intensities, { prefixMatch: true });
    expect(p.rows.map((x) => x.matchedHs)).toEqual(['720851', '8504']);
    expect(p.total.emissions).toBeCloseTo(10 * 2 + 2 * 0.8, 12);
    expect(p.unmatchedHs).toEqual([]);
  });

  it('rescales shares that sum to 1 within the tolerance so no trade is created or lost', () => {
    const c: HsIsicLink[] = [{ hs: '1', isic: 'a', share: 0.3333334 }, { hs: '1', isic: 'b', share: 0.6666667 }];
    const out = tradeEmbodiedEmissions([{ hs: '1', partner: 'X', amount: 9 }], c, { a: 1, b: 1 });
    expect(out.total.emissions).toBeCloseTo(9, 12);
  });

  it('throws carbon.bad_matrix for inconsistent concordances, amounts and intensities', () => {
    const one = [{ hs: '1', partner: 'X', amount: 1 }];
    expect(thrown(() => tradeEmbodiedEmissions(one, [{ hs: '1', isic: 'a', share: 0.5 }, { hs: '1', isic: 'b', share: 0.4 }], {}))).toEqual({
      code: 'carbon.bad_matrix', params: { what: 'HS→ISIC concordance', detail: 'the shares of HS 1 sum to 0.9, not 1 (tolerance 0.000001)' },
    });
    expect(thrown(() => tradeEmbodiedEmissions(one, [{ hs: '1', isic: 'a', share: 1 }, { hs: '1', isic: 'b' }], {})).code).toBe('carbon.bad_matrix');
    expect(thrown(() => tradeEmbodiedEmissions(one, [{ hs: '1', isic: 'a' }, { hs: '1', isic: 'a' }], {})).code).toBe('carbon.bad_matrix');
    expect(thrown(() => tradeEmbodiedEmissions(one, [{ hs: '1', isic: 'a', share: -1 }, { hs: '1', isic: 'b', share: 2 }], {})).code).toBe('carbon.bad_matrix');
    expect(thrown(() => tradeEmbodiedEmissions(one, [{ hs: ' ', isic: 'a' }], {})).code).toBe('carbon.bad_matrix');
    expect(thrown(() => tradeEmbodiedEmissions([{ hs: '1', partner: 'X', amount: -2 }], [{ hs: '1', isic: 'a' }], {}))).toEqual({
      code: 'carbon.bad_matrix', params: { what: 'trade row 1 (HS 1, partner X)', detail: 'amount -2 must be finite and non-negative' },
    });
    expect(thrown(() => tradeEmbodiedEmissions([{ hs: '1', partner: 'X', amount: Number.NaN }], [{ hs: '1', isic: 'a' }], {})).code).toBe('carbon.bad_matrix');
    expect(thrown(() => tradeEmbodiedEmissions(one, [{ hs: '1', isic: 'a' }], { a: -999 })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => tradeEmbodiedEmissions(one, [{ hs: '1', isic: 'a' }], { a: Number.NaN })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => tradeEmbodiedEmissions(one, [{ hs: '1', isic: 'a' }], { a: 1, ' a': 2 })).code).toBe('carbon.bad_matrix');
  });

  it('throws carbon.option_invalid for a share tolerance outside [0, 1)', () => {
    expect(thrown(() => tradeEmbodiedEmissions(rows, concordance, intensities, { shareTolerance: -1 })).code).toBe('carbon.option_invalid');
  });

  it('returns empty totals for no rows', () => {
    const empty = tradeEmbodiedEmissions([], concordance, intensities);
    expect(empty).toEqual({ rows: [], byIsic: [], byPartner: [], total: { amount: 0, coveredAmount: 0, emissions: 0 }, unmatchedHs: [], missingIntensities: [] });
  });
});

describe('tradeEmbodiedEmissions properties (fast-check, seeded, relative tolerance 1e-9)', () => {
  const hsCodes = ['01', '02', '03', '04', '05'];
  const isicCodes = ['A', 'B', 'C', 'D'];
  const input = fc.record({
    // Each HS code maps to a random non-empty subset of ISIC codes, split equally.
    links: fc.tuple(...hsCodes.map(() => fc.subarray(isicCodes, { minLength: 1 }))),
    intensity: fc.dictionary(fc.constantFrom(...isicCodes), fc.double({ min: 0, max: 5, noNaN: true })),
    rows: fc.array(
      fc.record({ hs: fc.constantFrom(...hsCodes, '99'), partner: fc.constantFrom('P', 'Q', 'R'), amount: fc.double({ min: 0, max: 1000, noNaN: true }) }),
      { maxLength: 40 },
    ),
  });
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);

  it('conserves trade and emissions: rows, ISIC totals, partner totals and the grand total agree, and uncovered trade is listed', () => {
    fc.assert(
      fc.property(input, ({ links, intensity, rows: tradeRows }) => {
        const c: HsIsicLink[] = hsCodes.flatMap((hs, k) => (links[k] ?? []).map((isic) => ({ hs, isic })));
        const r = tradeEmbodiedEmissions(tradeRows, c, intensity);
        const total = sum(tradeRows.map((x) => x.amount));
        const emissions = sum(r.rows.map((x) => x.emissions));
        // Independent expectation: Σ_rows amount × mean intensity of the row's ISIC codes (0 where missing).
        const expected = sum(tradeRows.map((row) => {
          const k = hsCodes.indexOf(row.hs);
          const codes = k < 0 ? [] : (links[k] ?? []);
          return sum(codes.map((isic) => (row.amount / codes.length) * (intensity[isic] ?? 0)));
        }));
        const unmatched = sum(r.unmatchedHs.map((u) => u.amount));
        const missing = sum(r.missingIntensities.map((u) => u.amount));
        return near(r.total.amount, total)
          && near(r.total.emissions, emissions)
          && near(emissions, expected)
          && near(sum(r.byIsic.map((x) => x.emissions)), emissions)
          && near(sum(r.byPartner.map((x) => x.emissions)), emissions)
          && near(sum(r.byPartner.map((x) => x.amount)), total)
          && near(sum(r.byIsic.map((x) => x.amount)) + unmatched, total)
          && near(r.total.coveredAmount + unmatched + missing, total)
          && near(unmatched, sum(tradeRows.filter((x) => x.hs === '99').map((x) => x.amount)));
      }),
      { seed: 20240614, numRuns: 500 },
    );
  });
});
