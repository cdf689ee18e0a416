import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import type { DenseMatrix } from '../carbon/inputOutput.js';
import { checkMatrix } from '../carbon/inputOutput.js';

// Regional specialisation of a region × industry matrix (employment, output, exports…): location quotients
// and Krugman indices, in the conventions of EconGeo 1.3 (Balland, R package; `location.quotient`, `RCA`,
// `Krugman.index`, `spec.coeff`).

/** Options of {@link locationQuotient}. */
export interface LocationQuotientOptions {
  /** Return 0/1 instead of the quotient: 1 where LQ ≥ `threshold` (EconGeo `binary = TRUE`, threshold 1). */
  binary?: boolean;
  /** Cut-off for `binary`; default 1. Ignored unless `binary` is true. */
  threshold?: number;
  /**
   * Reference totals per industry (national employment, world exports of each product) when the rows are not
   * the whole economy; default the column sums of the matrix, as EconGeo.
   */
  reference?: ArrayLike<number>;
}

/**
 * Location quotient (区位熵), also Balassa's (1965) revealed comparative advantage when the matrix holds
 * exports: LQ_ri = (x_ri / x_r·) / (X_i / X), with X_i the industry's reference total (default Σ_r x_ri) and
 * X = Σ_i X_i. Follows EconGeo's `location.quotient`: cells whose quotient is 0/0 (a region with no activity,
 * an industry nobody has) are 0; `binary` keeps LQ ≥ threshold, because EconGeo sets LQ < 1 to 0 and LQ > 1
 * to 1 and leaves LQ = 1 at 1. EconGeo's `RCA` is the same quotient rounded to 2 decimals; here it is not
 * rounded. The quotient is computed as x_ri · X / (x_r· · X_i), one rounding instead of three, so that for
 * counts a quotient that is exactly 1 or 1.5 comes out exactly (EconGeo's share ratio gives 0.3 / 0.2 =
 * 1.4999…); `binary` compares it with the threshold without tolerance.
 *
 * Throws `carbon.bad_matrix` for non-finite or negative cells, `disparity.length_mismatch` for a reference of
 * the wrong length and `disparity.option_invalid` for a bad threshold or a reference that is zero where a
 * region is active (the quotient would be infinite).
 *
 * @example
 * locationQuotient(denseMatrix([[100, 0], [20, 80]])).values; // [5/3, 0, 1/3, 2]
 */
export function locationQuotient(mat: DenseMatrix, options: LocationQuotientOptions = {}): DenseMatrix {
  requireNonNegativeMatrix(mat, 'region × industry matrix');
  const { rows, cols, values } = mat;
  const reference = options.reference === undefined ? columnTotals(mat) : checkedReference(options.reference, cols);
  const grand = neumaierSum(reference);
  const threshold = options.threshold ?? 1;
  if (options.binary === true && !(Number.isFinite(threshold) && threshold >= 0)) {
    throw new FtzError('disparity.option_invalid', { option: 'threshold', value: String(threshold), reason: 'must be a finite number ≥ 0' });
  }
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const regionTotal = neumaierSum(values, r * cols, cols);
    for (let i = 0; i < cols; i++) {
      const x = values[r * cols + i] as number;
      const ref = reference[i] as number;
      if (x > 0 && ref === 0) {
        throw new FtzError('disparity.option_invalid', {
          option: `reference[${i}]`, value: '0', reason: `region ${r + 1} has ${x} in this industry, so its reference total cannot be 0`,
        });
      }
      const lq = x === 0 ? 0 : (x * grand) / (regionTotal * ref);
      out[r * cols + i] = options.binary === true ? (lq >= threshold ? 1 : 0) : lq;
    }
  }
  return { rows, cols, values: out };
}

/** Options of {@link krugmanSpecialisation}. */
export interface KrugmanOptions {
  /**
   * What region r is compared with: `'total'`, the industry shares of all regions together, r included
   * (EconGeo `Krugman.index`); or `'others'`, the shares of all regions except r (Krugman 1991's comparison
   * with the rest of the country, as in Midelfart-Knarvik et al. 2000).
   */
  reference?: 'total' | 'others';
  /** Halve the sum so the index lies in [0, 1] (EconGeo `spec.coeff`, the coefficient of specialisation). */
  half?: boolean;
}

/**
 * Krugman specialisation index (Krugman 1991, Geography and Trade, app. D): K_r = Σ_i |s_ri − s̄_i|, with s_ri
 * = x_ri / x_r· the industry shares of region r and s̄_i the reference shares (see
 * {@link KrugmanOptions.reference}). 0 when r's structure equals the reference, at most 2 (1 with `half`).
 * A region with no activity has no shares: its index is NaN, as in EconGeo.
 *
 * Throws `carbon.bad_matrix` for non-finite or negative cells, `disparity.option_invalid` for an unknown
 * reference.
 *
 * @example
 * krugmanSpecialisation(denseMatrix([[100, 0], [0, 100]])); // [1, 1]: each region has share 1 where the total has 0.5
 */
export function krugmanSpecialisation(mat: DenseMatrix, options: KrugmanOptions = {}): Float64Array {
  requireNonNegativeMatrix(mat, 'region × industry matrix');
  const reference = options.reference ?? 'total';
  if (reference !== 'total' && reference !== 'others') {
    throw new FtzError('disparity.option_invalid', { option: 'reference', value: String(reference), reason: "must be 'total' or 'others'" });
  }
  const { rows, cols, values } = mat;
  const totals = columnTotals(mat);
  const out = new Float64Array(rows);
  const refShares = new Float64Array(cols);
  const own = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    own.set(values.subarray(r * cols, (r + 1) * cols));
    for (let i = 0; i < cols; i++) refShares[i] = reference === 'total' ? (totals[i] as number) : (totals[i] as number) - (own[i] as number);
    const k = krugmanDistance(own, refShares);
    out[r] = options.half === true ? k / 2 : k;
  }
  return out;
}

/**
 * Bilateral Krugman index of two structures: K_ab = Σ_i |a_i / Σa − b_i / Σb|, the distance between the share
 * vectors of two regions (or two countries' exports), in [0, 2]. NaN when either vector sums to 0.
 *
 * Throws `disparity.length_mismatch` for vectors of different length and `disparity.option_invalid` for
 * non-finite or negative entries.
 *
 * @example
 * bilateralKrugman([15, 10, 10, 25], [15, 20, 10, 15]); // 1/3
 */
export function bilateralKrugman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new FtzError('disparity.length_mismatch', { what: 'bilateral Krugman: second vector', expected: a.length, found: b.length });
  return krugmanDistance(nonNegativeVector(a, 'a'), nonNegativeVector(b, 'b'));
}

/** Σ|a/Σa − b/Σb| on checked non-negative vectors; NaN when a total is 0. */
function krugmanDistance(a: Float64Array, b: Float64Array): number {
  const ta = neumaierSum(a);
  const tb = neumaierSum(b);
  if (!(ta > 0 && tb > 0)) return Number.NaN;
  const terms = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) terms[i] = Math.abs((a[i] as number) / ta - (b[i] as number) / tb);
  return neumaierSum(terms);
}

/** Column sums with compensated summation (internal; shared by the structure methods). */
export function columnTotals(mat: DenseMatrix): Float64Array {
  const out = new Float64Array(mat.cols);
  for (let j = 0; j < mat.cols; j++) out[j] = neumaierSum(mat.values, j, mat.rows, mat.cols);
  return out;
}

/** Row sums with compensated summation (internal). */
export function rowTotals(mat: DenseMatrix): Float64Array {
  const out = new Float64Array(mat.rows);
  for (let i = 0; i < mat.rows; i++) out[i] = neumaierSum(mat.values, i * mat.cols, mat.cols);
  return out;
}

/** Throws `carbon.bad_matrix` for a malformed matrix or a non-finite or negative entry (internal). */
export function requireNonNegativeMatrix(m: DenseMatrix, what: string): void {
  checkMatrix(m, what);
  for (let k = 0; k < m.values.length; k++) {
    const v = m.values[k] as number;
    if (v < 0) throw new FtzError('carbon.bad_matrix', { what, detail: `entry (${Math.floor(k / m.cols) + 1}, ${(k % m.cols) + 1}) is ${v}; entries must be ≥ 0` });
  }
}

/** Copies a vector after checking every entry is finite and ≥ 0; `disparity.option_invalid` otherwise (internal). */
export function nonNegativeVector(v: ArrayLike<number>, what: string): Float64Array {
  const out = Float64Array.from(v);
  for (let i = 0; i < out.length; i++) {
    const x = out[i] as number;
    if (!(Number.isFinite(x) && x >= 0)) throw new FtzError('disparity.option_invalid', { option: `${what}[${i}]`, value: String(x), reason: 'entries must be finite and ≥ 0' });
  }
  return out;
}

function checkedReference(reference: ArrayLike<number>, cols: number): Float64Array {
  if (reference.length !== cols) throw new FtzError('disparity.length_mismatch', { what: 'location quotient: reference totals', expected: cols, found: reference.length });
  const out = nonNegativeVector(reference, 'reference');
  if (!(neumaierSum(out) > 0)) throw new FtzError('disparity.option_invalid', { option: 'reference', value: 'all 0', reason: 'the reference economy must have some activity' });
  return out;
}
