import { FtzError } from '../../core/errors.js';

/**
 * The p-th quantile (0 ≤ p ≤ 1) of ascending `sorted` by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7; numpy's default and scipy's `scoreatpercentile`).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const idx = p * (n - 1);
  const lo = Math.floor(idx);
  const a = sorted[lo] as number;
  if (lo >= n - 1) return sorted[n - 1] as number;
  const b = sorted[lo + 1] as number;
  return a + (b - a) * (idx - lo);
}

export interface QuantileClassesResult {
  /** Class of each value, 0..k−1. */
  readonly classes: Int32Array;
  /** Upper bounds of the classes; the last is the maximum. Duplicate bounds (ties) are merged. */
  readonly bins: readonly number[];
  /** Number of classes after merging duplicate bounds (≤ the requested k). */
  readonly k: number;
}

/**
 * Classifies values into k quantile classes as mapclassify's `Quantiles` does: bounds at the
 * 100/k, 200/k, …, 100 percentiles (definition 7), duplicates dropped, and value y gets the first class
 * whose upper bound is ≥ y.
 *
 * @example
 * quantileClasses([1, 2, 3, 4, 5], 5).classes; // [0, 1, 2, 3, 4]
 */
export function quantileClasses(values: ArrayLike<number>, k: number): QuantileClassesResult {
  if (!Number.isInteger(k) || k < 2) throw new FtzError('disparity.option_invalid', { option: 'k', value: String(k), reason: 'must be an integer ≥ 2' });
  if (values.length < 1) throw new FtzError('disparity.too_few_units', { method: 'quantile classes', n: 0, min: 1 });
  const sorted = Float64Array.from(values).sort();
  if (sorted.some((v) => !Number.isFinite(v))) {
    throw new FtzError('disparity.option_invalid', { option: 'values', value: 'non-finite', reason: 'quantile classes need finite values' });
  }
  const bins: number[] = [];
  for (let c = 1; c <= k; c++) {
    const q = quantileSorted(sorted, c / k);
    if (bins.length === 0 || q !== bins[bins.length - 1]) bins.push(q);
  }
  return { classes: classify(values, bins), bins, k: bins.length };
}

/** Class of each value given ascending upper bounds: the first bound ≥ y (values above the last go last). */
export function classify(values: ArrayLike<number>, upperBounds: readonly number[]): Int32Array {
  const out = new Int32Array(values.length);
  const last = upperBounds.length - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= (upperBounds[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    out[i] = lo;
  }
  return out;
}
