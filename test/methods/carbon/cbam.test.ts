import { describe, expect, it } from 'vitest';
import { CnIndex } from '../../../src/methods/carbon/cbamGoods.js';
import { cbamObligation, type CbamLine, type CbamRules } from '../../../src/methods/carbon/cbamObligation.js';
import { specificEmbeddedEmissions } from '../../../src/methods/carbon/complexGoods.js';
import { caught } from '../../helpers/tempStore.js';

// Rules as the law states them (the bundled tables carry the citations; here they are inputs).
const FACTOR: Record<number, number> = { 2026: 0.975, 2027: 0.95, 2028: 0.9 };
const MARKUP: Record<string, number> = { 'Iron and steel': 10, Cement: 10, Fertilisers: 1, Aluminium: 10, Hydrogen: 10 };
const rules: CbamRules = {
  freeAllocationFactor: (y) => FACTOR[y],
  markupPct: (g, y) => (y === 2026 ? MARKUP[g] : undefined),
  deMinimisTonnes: 50,
  deMinimisExcluded: ['Electricity', 'Hydrogen'],
  countsIndirect: (g, cn) => !['Iron and steel', 'Aluminium', 'Hydrogen'].includes(g) || cn.startsWith('26011200'),
};
const line = (over: Partial<CbamLine> & Pick<CbamLine, 'productGroup' | 'quantityT'>): CbamLine => ({
  row: 2, cn: '72085120', year: 2026, declarant: 'A', defaults: { direct: 2.0, indirect: 0.3 }, ...over,
});
const close = (a: number, b: number): void => expect(a).toBeCloseTo(b, 9);

describe('CBAM obligation, hand-computed cases', () => {
  it('a simple good: hot-rolled steel on default values, 10 % mark-up, direct emissions only', () => {
    // 100 t × 2.0 × 1.10 = 220 tCO2e embedded (the 0.3 indirect does not count for iron and steel).
    // Free allocation: 100 t × benchmark 1.37 × 0.975 = 133.575 t. Certificates 86.425; at €80: €6,914.
    const r = cbamObligation([line({ productGroup: 'Iron and steel', quantityT: 100, benchmarkTco2PerT: 1.37 })], rules, { certificatePriceEur: 80, freeAllocation: 'benchmark' });
    const l = r.lines[0]!;
    expect(l.basis).toBe('default');
    expect(l.countsIndirect).toBe(false);
    close(l.seePerT, 2.2);
    close(l.embeddedT, 220);
    close(l.freeAllocationAdjustmentT, 133.575);
    close(l.certificates, 86.425);
    close(l.costEur, 6914);
    expect(l.exemptDeMinimis).toBe(false);
    close(r.totals.costEur, 6914);
  });

  it('the free-allocation conventions differ as documented', () => {
    const one = (freeAllocation: 'benchmark' | 'phase_in_share' | 'none', benchmark?: number) =>
      cbamObligation([line({ productGroup: 'Iron and steel', quantityT: 100, ...(benchmark !== undefined ? { benchmarkTco2PerT: benchmark } : {}) })], rules, { certificatePriceEur: 80, freeAllocation });
    // phase-in share: 220 × (1 − 0.975) = 5.5 certificates.
    close(one('phase_in_share').lines[0]!.certificates, 5.5);
    close(one('none').lines[0]!.certificates, 220);
    // benchmark method without a benchmark: no adjustment, and a note says the result is an upper bound.
    const nb = one('benchmark');
    close(nb.lines[0]!.certificates, 220);
    expect(nb.notes.map((n) => n.code)).toContain('no_benchmark');
    // A benchmark above the good's emissions cannot make the obligation negative.
    close(one('benchmark', 5).lines[0]!.certificates, 0);
  });

  it('a complex good with a precursor, then its obligation on actual values', () => {
    // Process: 50 t direct, 10 t indirect, 100 t produced; precursor 80 t at (1.5, 0.2) t/t.
    // SEE direct = (50 + 80 × 1.5) / 100 = 1.7; indirect = (10 + 80 × 0.2) / 100 = 0.26.
    const see = specificEmbeddedEmissions({ attributedDirectT: 50, attributedIndirectT: 10, activityLevelT: 100, precursors: [{ name: 'crude steel', massT: 80, emissions: { direct: 1.5, indirect: 0.2 } }] });
    close(see.direct, 1.7);
    close(see.indirect, 0.26);
    // A two-level chain: the precursor given by its own process (40 t direct over 20 t → 2.0 t/t).
    const chain = specificEmbeddedEmissions({ attributedDirectT: 10, attributedIndirectT: 0, activityLevelT: 10, precursors: [{ name: 'pig iron', massT: 5, emissions: { attributedDirectT: 40, attributedIndirectT: 2, activityLevelT: 20 } }] });
    close(chain.direct, (10 + 5 * 2) / 10);
    close(chain.indirect, (0 + 5 * 0.1) / 10);
    // 60 t at the actual 1.7 t/t: no mark-up on actual values; 102 t embedded; €90 → 102 × 90 = €9,180 (no adjustment).
    const r = cbamObligation([line({ productGroup: 'Iron and steel', quantityT: 60, actual: { direct: see.direct, indirect: see.indirect } })], rules, { certificatePriceEur: 90, freeAllocation: 'none' });
    expect(r.lines[0]!.basis).toBe('actual');
    expect(r.lines[0]!.markupPct).toBe(0);
    close(r.lines[0]!.embeddedT, 102);
    close(r.lines[0]!.costEur, 9180);
  });

  it('a fertiliser: 1 % mark-up on the total default value, direct and indirect emissions', () => {
    // Urea 1,000 t, defaults direct 0.90, indirect 0.05, total 0.94 (the annex rounds each column on its own):
    // the mark-up applies to the total, 0.94 × 1.01 = 0.9494 t/t → 949.4 t embedded; at €70, €66,458.
    const r = cbamObligation([line({ cn: '31021012', productGroup: 'Fertilisers', quantityT: 1000, defaults: { direct: 0.9, indirect: 0.05, total: 0.94 } })], rules, { certificatePriceEur: 70, freeAllocation: 'none' });
    const l = r.lines[0]!;
    expect(l.markupPct).toBe(1);
    expect(l.countsIndirect).toBe(true);
    close(l.seePerT, 0.9494);
    close(l.embeddedT, 949.4);
    close(l.costEur, 66458);
    // Without a total column: direct + indirect, 0.95 × 1.01 = 0.9595.
    const noTotal = cbamObligation([line({ cn: '31021012', productGroup: 'Fertilisers', quantityT: 1000, defaults: { direct: 0.9, indirect: 0.05 } })], rules, { certificatePriceEur: 70, freeAllocation: 'none' });
    close(noTotal.lines[0]!.seePerT, 0.9595);
  });

  it('a declarant under the 50-tonne threshold pays nothing; hydrogen neither counts nor is exempted', () => {
    const lines = [
      line({ row: 2, productGroup: 'Iron and steel', quantityT: 30 }),
      line({ row: 3, cn: '25232900', productGroup: 'Cement', quantityT: 15, defaults: { direct: 1.35, indirect: 0.07 } }),
      line({ row: 4, cn: '28041000', productGroup: 'Hydrogen', quantityT: 10, defaults: { direct: 10, indirect: 1 } }),
      // Another declarant over the threshold: 60 t, every tonne counts.
      line({ row: 5, productGroup: 'Iron and steel', quantityT: 60, declarant: 'B' }),
    ];
    const r = cbamObligation(lines, rules, { certificatePriceEur: 100, freeAllocation: 'none' });
    expect(r.lines.map((l) => l.exemptDeMinimis)).toEqual([true, true, false, false]);
    expect(r.lines[0]!.certificates).toBe(0);
    expect(r.lines[1]!.certificates).toBe(0);
    // Hydrogen: 10 t × 10 × 1.1 = 110 (direct only). B: 60 × 2.2 = 132.
    close(r.lines[2]!.certificates, 110);
    close(r.lines[3]!.certificates, 132);
    expect(r.thresholdMass).toEqual([{ declarant: 'A', year: 2026, tonnes: 45, exempt: true }, { declarant: 'B', year: 2026, tonnes: 60, exempt: false }]);
    // Embedded emissions are still reported for exempt lines: 30 × 2.2 = 66.
    close(r.lines[0]!.embeddedT, 66);
  });

  it('actual versus default values, and a carbon price paid at origin (deducted on actual values only)', () => {
    // Cement 100 t with actual direct 0.80 and no actual indirect: indirect from the default (0.07 × 1.1 = 0.077).
    const r = cbamObligation([
      line({ cn: '25232900', productGroup: 'Cement', quantityT: 100, defaults: { direct: 1.35, indirect: 0.07 }, actual: { direct: 0.8 } }),
      line({ row: 3, cn: '25232900', productGroup: 'Cement', quantityT: 100, defaults: { direct: 1.35, indirect: 0.07 } }),
      // Paid €10/t at origin with a €80 certificate price, on actual values (0.9 + 0.1 t/t → 100 t): 1/8 deducted.
      line({ row: 4, cn: '25232900', productGroup: 'Cement', quantityT: 100, defaults: { direct: 1.35, indirect: 0.07 }, actual: { direct: 0.9, indirect: 0.1 }, carbonPricePaidEurPerT: 10 }),
      // The same price on default values: no deduction, and a note.
      line({ row: 5, cn: '25232900', productGroup: 'Cement', quantityT: 100, defaults: { direct: 1.35, indirect: 0.07 }, carbonPricePaidEurPerT: 10 }),
    ], rules, { certificatePriceEur: 80, freeAllocation: 'none' });
    const [a, d, p, q] = r.lines;
    expect(a!.basis).toBe('actual_direct_default_indirect');
    close(a!.embeddedT, 100 * (0.8 + 0.077));
    expect(d!.basis).toBe('default');
    close(d!.embeddedT, 100 * (1.35 + 0.07) * 1.1); // 156.2
    close(p!.embeddedT, 100);
    close(p!.carbonPriceDeductionT, 12.5);
    close(p!.certificates, 87.5);
    expect(q!.carbonPriceDeductionT).toBe(0);
    close(q!.certificates, 156.2);
    expect(r.notes.find((n) => n.code === 'carbon_price_needs_actual')?.rows).toEqual([5]);
  });

  it('agglomerated iron ore counts indirect emissions although it is in the iron and steel group', () => {
    const r = cbamObligation([line({ cn: '26011200', productGroup: 'Iron and steel', quantityT: 10, defaults: { direct: 0.2, indirect: 0.06 } })], rules, { certificatePriceEur: 0, freeAllocation: 'none' });
    expect(r.lines[0]!.countsIndirect).toBe(true);
    close(r.lines[0]!.embeddedT, 10 * 0.26 * 1.1);
  });

  it('refuses negative or missing inputs and a good without a default', async () => {
    expect(await caught(async () => cbamObligation([line({ productGroup: 'Cement', quantityT: -1 })], rules, { certificatePriceEur: 80, freeAllocation: 'none' }))).toMatchObject({ code: 'carbon.option_invalid' });
    expect(await caught(async () => cbamObligation([line({ productGroup: 'Cement', quantityT: 1, defaults: null })], rules, { certificatePriceEur: 80, freeAllocation: 'none' }))).toMatchObject({ code: 'carbon.no_default_value' });
    expect(await caught(async () => cbamObligation([], rules, { certificatePriceEur: -5, freeAllocation: 'none' }))).toMatchObject({ code: 'carbon.option_invalid' });
    expect(await caught(async () => specificEmbeddedEmissions({ attributedDirectT: 1, attributedIndirectT: 0, activityLevelT: 0 }))).toMatchObject({ code: 'carbon.bad_matrix' });
  });
});

describe('CN codes against the goods list', () => {
  const index = new CnIndex([
    { cn: '7208', productGroup: 'Iron and steel' }, { cn: '31021012', productGroup: 'Fertilisers' }, { cn: '31021019', productGroup: 'Fertilisers' },
  ]);
  it('covers a code under a listed heading, and calls a heading over several listed codes ambiguous', () => {
    expect(index.match('7208 51 20')).toMatchObject({ kind: 'covered', good: { cn: '7208' } });
    expect(index.match('3102.10.12')).toMatchObject({ kind: 'covered', good: { cn: '31021012' } });
    expect(index.match('310210')).toMatchObject({ kind: 'ambiguous' });
    expect(index.match('73181500')).toEqual({ kind: 'not_covered' });
    expect(index.match('72x8')).toEqual({ kind: 'not_covered' });
  });
});
