import { FtzError } from '../../core/errors.js';
import { NeumaierAccumulator } from '../../numeric/neumaierSum.js';
import type { ComplexityMatrix } from './complexityMatrix.js';
import { marginTotals } from './complexityMatrix.js';

/** GDP per capita by region, as two columns. */
export interface RegionValues {
  readonly region: readonly string[];
  readonly value: ArrayLike<number>;
}

export interface ProdyExpy {
  readonly regions: readonly string[];
  readonly products: readonly string[];
  /** PRODY_p, income level of product p; NaN if no region with GDP exports it. */
  readonly prody: Float64Array;
  /** EXPY_c, income level of region c's export basket; NaN for a region without GDP. */
  readonly expy: Float64Array;
  /** Regions of the matrix with no GDP value: left out of PRODY, as economiccomplexity drops them. */
  readonly missingGdp: readonly string[];
  /** Regions with GDP but not in the matrix (unused). */
  readonly unusedGdp: readonly string[];
}

/**
 * PRODY and EXPY (Hausmann, Hwang & Rodrik 2007, "What you export matters", J. Econ. Growth 12(1), eqs. 1–2):
 * PRODY is the income level of a product, a GDP-per-capita average over exporters weighted by revealed
 * comparative advantage; EXPY the export-share-weighted PRODY of a region's basket:
 *
 *   s_cp = x_cp / Σ_p x_cp,   PRODY_p = Σ_c s_cp Y_c / Σ_c s_cp,   EXPY_c = Σ_p s_cp PRODY_p.
 *
 * Only regions that have GDP enter the weights (economiccomplexity's `productivity_levels` keeps the
 * intersection too, with a warning), so add the dropped regions back only knowing that PRODY changes with the
 * set of regions. Regions with zero exports carry no weight.
 *
 * Throws `disparity.option_invalid` for a duplicated region, or a GDP that is not finite and positive,
 * `disparity.length_mismatch` when the columns differ in length.
 *
 * @example
 * prody(complexityMatrix(trade), { region: ['CHN', 'VNM'], value: [10000, 3500] }).expy;
 */
export function prody(m: ComplexityMatrix, gdpPerCapita: RegionValues): ProdyExpy {
  if (gdpPerCapita.value.length !== gdpPerCapita.region.length) {
    throw new FtzError('disparity.length_mismatch', { what: 'GDP value column', expected: gdpPerCapita.region.length, found: gdpPerCapita.value.length });
  }
  const gdp = new Map<string, number>();
  gdpPerCapita.region.forEach((region, k) => {
    const v = gdpPerCapita.value[k] as number;
    if (gdp.has(region)) throw new FtzError('disparity.option_invalid', { option: 'gdpPerCapita', value: region, reason: `region ${region} appears twice` });
    if (!Number.isFinite(v) || v <= 0) throw new FtzError('disparity.option_invalid', { option: 'gdpPerCapita', value: String(v), reason: `GDP per capita of ${region} must be finite and positive` });
    gdp.set(region, v);
  });
  const nR = m.regions.length;
  const nP = m.products.length;
  const { regionTotals } = marginTotals(m.values, nR, nP);
  const used = m.regions.map((region, r) => gdp.has(region) && (regionTotals[r] as number) > 0);
  const share = (r: number, p: number): number => (m.values[r * nP + p] as number) / (regionTotals[r] as number);

  const prodyValues = new Float64Array(nP);
  for (let p = 0; p < nP; p++) {
    const weighted = new NeumaierAccumulator();
    const weights = new NeumaierAccumulator();
    for (let r = 0; r < nR; r++) {
      if (!used[r]) continue;
      const s = share(r, p);
      weighted.add(s * (gdp.get(m.regions[r] as string) as number));
      weights.add(s);
    }
    prodyValues[p] = weighted.value / weights.value;
  }
  const expy = new Float64Array(nR).fill(Number.NaN);
  for (let r = 0; r < nR; r++) {
    if (!used[r]) continue;
    const acc = new NeumaierAccumulator();
    for (let p = 0; p < nP; p++) {
      const s = share(r, p);
      if (s > 0) acc.add(s * (prodyValues[p] as number));
    }
    expy[r] = acc.value;
  }
  const inMatrix = new Set(m.regions);
  return {
    regions: m.regions,
    products: m.products,
    prody: prodyValues,
    expy,
    missingGdp: m.regions.filter((region) => !gdp.has(region)),
    unusedGdp: [...gdp.keys()].filter((region) => !inMatrix.has(region)),
  };
}
