import { describe, expect, it } from 'vitest';
import { complexityMatrix, economicComplexity, fitnessComplexity, rcaPresence } from '../../../src/methods/structure/index.js';
import { maxScaledDiff, readLong, readRecords } from './complexityFixtures.js';

// Open Trade Statistics 2017, 224 countries × 1,222 HS4 products, with the ECI/PCI an old commit of
// economiccomplexity wrote as "ec010_*_fitness_2017.csv". Despite the name they are the method of reflections
// (20 iterations; k_c at order 18, k_p at order 19; standardised with the sample sd). The trade file's NA
// cells (56,461) are left out of the fixture: they are absent pairs, read as 0 either way.
describe('OTS 2017 HS4 against an old economiccomplexity output', () => {
  const trade = complexityMatrix(readLong('hs4_2017/ots_world_trade_2017_hs4_non_na.csv.gz', ['reporter_iso', 'product_code', 'export_value_usd']));
  const presence = rcaPresence(trade);
  const countries = readRecords('hs4_2017/ec010_eci_fitness_2017.csv');
  const products = readRecords('hs4_2017/ec010_pci_fitness_2017.csv');
  const ri = new Map(trade.regions.map((c, i) => [c, i]));
  const pj = new Map(trade.products.map((p, j) => [p, j]));

  it('builds 224 × 1,222 with nothing dropped', () => {
    expect([trade.regions.length, trade.products.length]).toEqual([224, 1222]);
    expect([countries.length, products.length]).toEqual([224, 1222]);
  });

  // 1e-8: the file has 15 significant digits, but R iterated the raw reflections, whose standardisation
  // cancels ~7 digits (λ2^9 ≈ 1e-7 of the level); numpy's raw iteration differs from the file by 5e-10.
  it("its 'fitness' ECI and PCI are the reflections method, matched for every country and product to 1e-8", () => {
    const refl = economicComplexity(presence, { method: 'reflections', iterations: 20 });
    expect(maxScaledDiff(countries.map((c): [number, number] => [refl.eci[ri.get(c.country ?? '') as number] as number, Number(c.value)]))).toBeLessThan(1e-8);
    expect(maxScaledDiff(products.map((p): [number, number] => [refl.pci[pj.get(p.product ?? '') as number] as number, Number(p.value)]))).toBeLessThan(1e-8);
  });

  it('Tacchella fitness ranks countries differently from that file (so the file name is a misnomer)', () => {
    const fit = fitnessComplexity(presence);
    const ref = Float64Array.from(countries, (c) => Number(c.value));
    const ours = Float64Array.from(countries, (c) => Math.log(fit.fitness[ri.get(c.country ?? '') as number] as number));
    const corr = correlation(ours, ref);
    expect(corr).toBeGreaterThan(0.5);
    expect(corr).toBeLessThan(0.9);
  });
});

function correlation(a: Float64Array, b: Float64Array): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((v, i) => {
    const x = v - ma;
    const y = (b[i] as number) - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  });
  return sab / Math.sqrt(saa * sbb);
}
