import { FtzError } from '../../core/errors.js';

// Shared input checks for the disparity methods (internal; not re-exported).

/** Copies `y` into a Float64Array after checking length ≥ `min` and that every value is finite. */
export function finiteValues(method: string, y: ArrayLike<number>, min: number): Float64Array {
  if (y.length < min) throw new FtzError('disparity.too_few_units', { method, n: y.length, min });
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) throw new FtzError('disparity.option_invalid', { option: `${method} value[${i}]`, value: String(v), reason: 'values must be finite numbers' });
    out[i] = v;
  }
  return out;
}

export function requireNonNegative(method: string, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (v < 0) throw new FtzError('disparity.negative_values', { method, unit: String(i), value: v });
  }
}

export function requirePositive(method: string, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (v <= 0) throw new FtzError('disparity.nonpositive_values', { method, unit: String(i), value: v });
  }
}

export function requireLength(what: string, expected: number, found: number): void {
  if (expected !== found) throw new FtzError('disparity.length_mismatch', { what, expected, found });
}

/** Unit weights (population) checked positive and finite; all ones when absent. */
export function unitWeights(method: string, n: number, weights: ArrayLike<number> | undefined): Float64Array {
  if (weights === undefined) return new Float64Array(n).fill(1);
  requireLength(`${method}: weights vs values`, n, weights.length);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = weights[i] as number;
    if (!Number.isFinite(v) || v <= 0) throw new FtzError('disparity.nonpositive_values', { method: `${method} weights`, unit: String(i), value: v });
    w[i] = v;
  }
  return w;
}

/** Groups labels into sorted unique labels and a position → group-index map. */
export function groupIndex(n: number, labels: ArrayLike<string | number>): { labels: (string | number)[]; index: Int32Array } {
  requireLength('groups vs values', n, labels.length);
  const uniq = [...new Set(Array.from(labels))].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
  if (uniq.length < 1) throw new FtzError('disparity.groups_invalid', { reason: 'no groups' });
  const pos = new Map(uniq.map((g, i) => [g, i]));
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = pos.get(labels[i] as string | number) as number;
  return { labels: uniq, index };
}
