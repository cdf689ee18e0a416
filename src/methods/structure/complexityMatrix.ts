import { FtzError } from '../../core/errors.js';

/**
 * A region × product matrix of non-negative values (exports, employment, output), dense and row-major: region
 * `r`'s value of product `p` is `values[r * products.length + p]`. Every economic-complexity method reads it.
 */
export interface ComplexityMatrix {
  readonly regions: readonly string[];
  readonly products: readonly string[];
  readonly values: Float64Array;
  /** Regions whose values summed to zero and were removed (`zeroTotals: 'drop'`). */
  readonly droppedRegions: readonly string[];
  /** Products whose values summed to zero and were removed (`zeroTotals: 'drop'`). */
  readonly droppedProducts: readonly string[];
}

/** A long table as three columns of equal length: one row per region–product cell. */
export interface LongValues {
  readonly region: readonly string[];
  readonly product: readonly string[];
  readonly value: ArrayLike<number>;
}

export interface ComplexityMatrixOptions {
  /**
   * A region–product pair given twice: `'sum'` adds the values (economiccomplexity aggregates duplicated
   * pairs), `'first'` keeps the first one (py-ecomplexity drops later duplicates with a warning). Default
   * `'sum'`.
   */
  readonly duplicates?: 'sum' | 'first';
  /** `NaN`: `'error'` throws (default); `'zero'` reads it as 0, as py-ecomplexity coerces missing values. */
  readonly missing?: 'error' | 'zero';
  /**
   * Regions or products whose values sum to zero: `'drop'` removes them and lists them in `droppedRegions` /
   * `droppedProducts` (py-ecomplexity's `create_full_df`, and what economiccomplexity's `complexity_measures`
   * and `proximity` do before computing); `'keep'` keeps them, so their RCA is 0/0 = NaN (economiccomplexity's
   * `balassa_index`). Default `'drop'`.
   */
  readonly zeroTotals?: 'drop' | 'keep';
}

/**
 * Builds the dense region × product matrix from a long table, rectangularising with zeros for absent pairs.
 * Regions and products are sorted by code-unit order (as pandas sorts index levels), so results are stable
 * whatever the row order; codes stay strings, so `"0011"` keeps its leading zeros.
 *
 * Throws `disparity.length_mismatch` when the three columns differ in length or nothing is left,
 * `disparity.option_invalid` for a negative or (with `missing: 'error'`) missing value.
 *
 * @example
 * const m = complexityMatrix({ region: ['CN', 'CN', 'VN'], product: ['8471', '0901', '0901'], value: [5, 1, 3] });
 * m.products; // ['0901', '8471']
 * m.values;   // Float64Array [1, 5, 3, 0]
 */
export function complexityMatrix(long: LongValues, options: ComplexityMatrixOptions = {}): ComplexityMatrix {
  const n = long.region.length;
  if (long.product.length !== n) throw new FtzError('disparity.length_mismatch', { what: 'product column', expected: n, found: long.product.length });
  if (long.value.length !== n) throw new FtzError('disparity.length_mismatch', { what: 'value column', expected: n, found: long.value.length });
  const regions = [...new Set(long.region)].sort(codeOrder);
  const products = [...new Set(long.product)].sort(codeOrder);
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  const productIndex = new Map(products.map((p, j) => [p, j]));
  const m = products.length;
  const values = new Float64Array(regions.length * m);
  const seen = options.duplicates === 'first' ? new Uint8Array(regions.length * m) : null;
  for (let k = 0; k < n; k++) {
    const region = long.region[k] as string;
    const product = long.product[k] as string;
    const v = checkedValue(long.value[k] as number, region, product, options.missing ?? 'error');
    const cell = (regionIndex.get(region) as number) * m + (productIndex.get(product) as number);
    if (seen !== null) {
      if (seen[cell] === 1) continue;
      seen[cell] = 1;
    }
    values[cell] = (values[cell] as number) + v;
  }
  return finish(regions, products, values, options.zeroTotals ?? 'drop');
}

/**
 * Wraps an existing dense row-major matrix (copied, never modified), with the same checks and zero-total
 * handling as {@link complexityMatrix}; labels keep the given order.
 *
 * @example
 * complexityMatrixFromDense(new Float64Array([1, 0, 0, 1]), ['A', 'B'], ['x', 'y']).values.length; // 4
 */
export function complexityMatrixFromDense(
  values: ArrayLike<number>,
  regions: readonly string[],
  products: readonly string[],
  options: Omit<ComplexityMatrixOptions, 'duplicates'> = {},
): ComplexityMatrix {
  const m = products.length;
  if (values.length !== regions.length * m) {
    throw new FtzError('disparity.length_mismatch', { what: 'values (regions × products)', expected: regions.length * m, found: values.length });
  }
  checkUnique(regions, 'region');
  checkUnique(products, 'product');
  const copy = new Float64Array(values.length);
  for (let r = 0; r < regions.length; r++) {
    for (let p = 0; p < m; p++) {
      copy[r * m + p] = checkedValue(values[r * m + p] as number, regions[r] as string, products[p] as string, options.missing ?? 'error');
    }
  }
  return finish(regions, products, copy, options.zeroTotals ?? 'drop');
}

/** Region totals (row sums) and product totals (column sums) of a row-major matrix. */
export function marginTotals(values: Float64Array, nRegions: number, nProducts: number): { regionTotals: Float64Array; productTotals: Float64Array } {
  const regionTotals = new Float64Array(nRegions);
  const productTotals = new Float64Array(nProducts);
  for (let r = 0; r < nRegions; r++) {
    let s = 0;
    for (let p = 0; p < nProducts; p++) {
      const v = values[r * nProducts + p] as number;
      s += v;
      productTotals[p] = (productTotals[p] as number) + v;
    }
    regionTotals[r] = s;
  }
  return { regionTotals, productTotals };
}

/**
 * Sorting by UTF-16 code units, not `localeCompare`: codes must order the same on every machine and locale
 * (R's `factor` levels follow the locale; pandas and Python compare code points, which agree for ASCII codes).
 */
function codeOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkUnique(labels: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label)) throw new FtzError('disparity.option_invalid', { option: `${what} labels`, value: label, reason: `${what} "${label}" appears twice` });
    seen.add(label);
  }
}

function checkedValue(v: number, region: string, product: string, missing: 'error' | 'zero'): number {
  if (Number.isNaN(v)) {
    if (missing === 'zero') return 0;
    throw new FtzError('disparity.option_invalid', {
      option: 'value',
      value: 'NaN',
      reason: `region ${region}, product ${product} is missing; pass missing: 'zero' to read it as 0`,
    });
  }
  if (!(v >= 0) || !Number.isFinite(v)) {
    throw new FtzError('disparity.option_invalid', {
      option: 'value',
      value: String(v),
      reason: `region ${region}, product ${product}: values must be finite and non-negative`,
    });
  }
  return v;
}

function finish(regions: readonly string[], products: readonly string[], values: Float64Array, zeroTotals: 'drop' | 'keep'): ComplexityMatrix {
  const m = products.length;
  const { regionTotals, productTotals } = marginTotals(values, regions.length, m);
  const keepRegion = regions.map((_, r) => zeroTotals === 'keep' || (regionTotals[r] as number) > 0);
  const keepProduct = products.map((_, p) => zeroTotals === 'keep' || (productTotals[p] as number) > 0);
  const keptRegions = regions.filter((_, r) => keepRegion[r]);
  const keptProducts = products.filter((_, p) => keepProduct[p]);
  if (keptRegions.length === 0 || keptProducts.length === 0) {
    throw new FtzError('disparity.length_mismatch', {
      what: keptRegions.length === 0 ? 'regions (with a positive total)' : 'products (with a positive total)',
      expected: 1,
      found: 0,
    });
  }
  const droppedRegions = regions.filter((_, r) => !keepRegion[r]);
  const droppedProducts = products.filter((_, p) => !keepProduct[p]);
  if (droppedRegions.length === 0 && droppedProducts.length === 0) {
    return { regions: [...regions], products: [...products], values, droppedRegions, droppedProducts };
  }
  const out = new Float64Array(keptRegions.length * keptProducts.length);
  let k = 0;
  for (let r = 0; r < regions.length; r++) {
    if (!keepRegion[r]) continue;
    for (let p = 0; p < m; p++) if (keepProduct[p]) out[k++] = values[r * m + p] as number;
  }
  return { regions: keptRegions, products: keptProducts, values: out, droppedRegions, droppedProducts };
}

/**
 * Which products each region "has": the binary matrix M_cp of Hidalgo & Hausmann (2009), with its row sums
 * (diversity k_c,0) and column sums (ubiquity k_p,0).
 */
export interface Presence {
  readonly regions: readonly string[];
  readonly products: readonly string[];
  /** Row-major 0/1, regions × products. */
  readonly mcp: Uint8Array;
  /** k_c,0 = Σ_p M_cp, the number of products region c has. */
  readonly diversity: Float64Array;
  /** k_p,0 = Σ_c M_cp, the number of regions that have product p. */
  readonly ubiquity: Float64Array;
}

/** A presence matrix from Balassa's RCA at a threshold, keeping the RCA it came from. */
export interface RcaPresence extends Presence {
  /** Row-major RCA, regions × products; NaN where a region or product total is zero (0/0). */
  readonly rca: Float64Array;
  readonly threshold: number;
}

export interface RcaPresenceOptions {
  /** M_cp = 1 when RCA_cp ≥ threshold (both libraries use ≥). Default 1. */
  readonly threshold?: number;
  /**
   * Only matters for an undefined (NaN) RCA, i.e. a zero region or product kept with `zeroTotals: 'keep'`:
   * `'py-ecomplexity'` counts it as absent (`nan_to_num` → 0); `'economiccomplexity'` counts it as present,
   * because `balassa_index` maps `val < cutoff ? 0 : 1` and `NaN < 1` is false. Default `'py-ecomplexity'`.
   */
  readonly convention?: 'py-ecomplexity' | 'economiccomplexity';
}

/**
 * Balassa's revealed comparative advantage (Balassa 1965, "Trade liberalisation and revealed comparative
 * advantage", Manchester School 33(2)): RCA_cp = (x_cp / Σ_p x_cp) / (Σ_c x_cp / Σ_cp x_cp). Computed in the
 * same order as py-ecomplexity and economiccomplexity (region share first, then divided by the world share),
 * so that a cell whose RCA is exactly 1 in theory rounds the same way in all three and lands on the same side
 * of the threshold. NaN where a total is zero.
 *
 * @example
 * balassaRca(complexityMatrixFromDense([2, 0, 1, 1], ['A', 'B'], ['x', 'y'])); // [1.333…, 0, 0.666…, 2]
 */
export function balassaRca(m: ComplexityMatrix): Float64Array {
  const nR = m.regions.length;
  const nP = m.products.length;
  const { regionTotals, productTotals } = marginTotals(m.values, nR, nP);
  let world = 0;
  for (let p = 0; p < nP; p++) world += productTotals[p] as number;
  const worldShare = productTotals.map((t) => t / world);
  const rca = new Float64Array(nR * nP);
  for (let r = 0; r < nR; r++) {
    const total = regionTotals[r] as number;
    for (let p = 0; p < nP; p++) {
      rca[r * nP + p] = (m.values[r * nP + p] as number) / total / (worldShare[p] as number);
    }
  }
  return rca;
}

/**
 * RCA and the binary presence matrix M_cp = [RCA_cp ≥ threshold] (Hidalgo & Hausmann 2009, PNAS 106(26),
 * p. 10570), with diversity and ubiquity. Neither library rounds RCA before the comparison; see
 * {@link balassaRca} for why the operation order matters at exactly 1.
 *
 * Throws `disparity.option_invalid` for a threshold that is not a finite number ≥ 0.
 *
 * @example
 * const presence = rcaPresence(complexityMatrix(long));
 * presence.diversity; // products with RCA ≥ 1, per region
 */
export function rcaPresence(m: ComplexityMatrix, options: RcaPresenceOptions = {}): RcaPresence {
  const threshold = options.threshold ?? 1;
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new FtzError('disparity.option_invalid', { option: 'threshold', value: String(threshold), reason: 'must be a finite number ≥ 0' });
  }
  const nanPresent = options.convention === 'economiccomplexity';
  const rca = balassaRca(m);
  const mcp = new Uint8Array(rca.length);
  rca.forEach((v, k) => {
    mcp[k] = Number.isNaN(v) ? (nanPresent ? 1 : 0) : v >= threshold ? 1 : 0;
  });
  return { ...degrees(m.regions, m.products, mcp), rca, threshold };
}

/**
 * A presence matrix given directly (py-ecomplexity's `presence_test="manual"`): every value must be 0 or 1.
 * Throws `disparity.option_invalid` naming the first other value.
 *
 * @example
 * presenceFromBinary(complexityMatrixFromDense([1, 1, 0, 1], ['C1', 'C2'], ['P1', 'P2'])).ubiquity; // [1, 2]
 */
export function presenceFromBinary(m: ComplexityMatrix): Presence {
  const nP = m.products.length;
  const mcp = new Uint8Array(m.values.length);
  m.values.forEach((v, k) => {
    if (v !== 0 && v !== 1) {
      const region = m.regions[Math.floor(k / nP)] as string;
      const product = m.products[k % nP] as string;
      throw new FtzError('disparity.option_invalid', { option: 'value', value: String(v), reason: `region ${region}, product ${product}: a presence matrix holds only 0 and 1` });
    }
    mcp[k] = v;
  });
  return degrees(m.regions, m.products, mcp);
}

/** Diversity (row sums) and ubiquity (column sums) of a 0/1 matrix. */
function degrees(regions: readonly string[], products: readonly string[], mcp: Uint8Array): Presence {
  const nP = products.length;
  const diversity = new Float64Array(regions.length);
  const ubiquity = new Float64Array(nP);
  for (let r = 0; r < regions.length; r++) {
    for (let p = 0; p < nP; p++) {
      if (mcp[r * nP + p] === 1) {
        diversity[r] = (diversity[r] as number) + 1;
        ubiquity[p] = (ubiquity[p] as number) + 1;
      }
    }
  }
  return { regions, products, mcp, diversity, ubiquity };
}

/**
 * Checks a presence matrix that may have been built by hand: lengths, 0/1 cells, and diversity and ubiquity
 * that are the row and column sums. Throws `disparity.length_mismatch` or `disparity.option_invalid`.
 */
export function checkPresence(presence: Presence): Presence {
  const nR = presence.regions.length;
  const nP = presence.products.length;
  if (presence.mcp.length !== nR * nP) throw new FtzError('disparity.length_mismatch', { what: 'mcp (regions × products)', expected: nR * nP, found: presence.mcp.length });
  if (presence.diversity.length !== nR) throw new FtzError('disparity.length_mismatch', { what: 'diversity', expected: nR, found: presence.diversity.length });
  if (presence.ubiquity.length !== nP) throw new FtzError('disparity.length_mismatch', { what: 'ubiquity', expected: nP, found: presence.ubiquity.length });
  const sums = degrees(presence.regions, presence.products, presence.mcp);
  const badCell = presence.mcp.findIndex((v) => v > 1);
  if (badCell >= 0) throw new FtzError('disparity.option_invalid', { option: 'mcp', value: String(presence.mcp[badCell]), reason: 'a presence matrix holds only 0 and 1' });
  const badRegion = sums.diversity.findIndex((d, r) => d !== presence.diversity[r]);
  if (badRegion >= 0) {
    throw new FtzError('disparity.option_invalid', { option: 'diversity', value: String(presence.diversity[badRegion]), reason: `region ${presence.regions[badRegion] ?? ''} has ${sums.diversity[badRegion] ?? 0} products in mcp` });
  }
  const badProduct = sums.ubiquity.findIndex((u, p) => u !== presence.ubiquity[p]);
  if (badProduct >= 0) {
    throw new FtzError('disparity.option_invalid', { option: 'ubiquity', value: String(presence.ubiquity[badProduct]), reason: `product ${presence.products[badProduct] ?? ''} has ${sums.ubiquity[badProduct] ?? 0} regions in mcp` });
  }
  return presence;
}
