import { FtzError } from '../../core/errors.js';

/**
 * The input every index method reads: `n` units (province-years, cities…) × `m` indicators, row-major, so unit
 * `i`'s value of indicator `j` is `values[i * m + j]`. `NaN` marks a missing value. The optional labels are used
 * only to name the offending unit or indicator in errors.
 */
export interface DataMatrix {
  n: number;
  m: number;
  values: Float64Array;
  units?: readonly string[];
  indicators?: readonly string[];
}

/** +1: more is better (正向指标); −1: less is better (负向指标). */
export type Direction = 1 | -1;

/**
 * Builds a {@link DataMatrix} from rows of numbers (`null`/`undefined` → missing), keeping labels if given.
 * Throws `index.dimension_mismatch` for ragged rows.
 *
 * @example
 * dataMatrix([[1, null], [2, 3]], { units: ['SH', 'BJ'], indicators: ['gdp', 'rd'] }).values; // [1, NaN, 2, 3]
 */
export function dataMatrix(
  rows: readonly (readonly (number | null | undefined)[])[],
  labels: { units?: readonly string[]; indicators?: readonly string[] } = {},
): DataMatrix {
  const n = rows.length;
  const m = rows[0]?.length ?? 0;
  const values = new Float64Array(n * m);
  rows.forEach((row, i) => {
    if (row.length !== m) throw new FtzError('index.dimension_mismatch', { what: `row ${i + 1} length`, expected: m, found: row.length });
    row.forEach((v, j) => {
      values[i * m + j] = v ?? Number.NaN;
    });
  });
  return { n, m, values, ...labels };
}

export function unitLabel(x: DataMatrix, i: number): string {
  return x.units?.[i] ?? `#${i + 1}`;
}

export function indicatorLabel(x: DataMatrix, j: number): string {
  return x.indicators?.[j] ?? `#${j + 1}`;
}

/** Checks that the shape is consistent and, if given, that labels match it. */
export function checkShape(x: DataMatrix): void {
  if (!Number.isInteger(x.n) || !Number.isInteger(x.m) || x.n < 0 || x.m < 0) {
    throw new FtzError('index.dimension_mismatch', { what: 'matrix shape n × m', expected: 0, found: Number.NaN });
  }
  if (x.values.length !== x.n * x.m) {
    throw new FtzError('index.dimension_mismatch', { what: 'values length (n × m)', expected: x.n * x.m, found: x.values.length });
  }
  if (x.units !== undefined && x.units.length !== x.n) {
    throw new FtzError('index.dimension_mismatch', { what: 'unit labels', expected: x.n, found: x.units.length });
  }
  if (x.indicators !== undefined && x.indicators.length !== x.m) {
    throw new FtzError('index.dimension_mismatch', { what: 'indicator labels', expected: x.m, found: x.indicators.length });
  }
}

/** Throws `index.missing_values` for the first indicator with a `NaN`, for methods that cannot skip them. */
export function requireComplete(x: DataMatrix, method: string): void {
  for (let j = 0; j < x.m; j++) {
    let count = 0;
    for (let i = 0; i < x.n; i++) if (Number.isNaN(x.values[i * x.m + j])) count++;
    if (count === x.n && x.n > 0) throw new FtzError('index.all_missing', { indicator: indicatorLabel(x, j), scope: method });
    if (count > 0) throw new FtzError('index.missing_values', { indicator: indicatorLabel(x, j), count, method });
  }
}

/** Checks a per-indicator vector (directions, weights) has one entry per indicator. */
export function checkLength(what: string, found: number, expected: number): void {
  if (found !== expected) throw new FtzError('index.dimension_mismatch', { what, expected, found });
}

export function checkDirections(directions: readonly Direction[] | undefined, m: number): readonly Direction[] {
  if (directions === undefined) return new Array<Direction>(m).fill(1);
  checkLength('directions', directions.length, m);
  directions.forEach((d, j) => {
    if (d !== 1 && d !== -1) throw new FtzError('index.weights_invalid', { reason: `direction ${j + 1} is ${String(d)}, not +1 or −1` });
  });
  return directions;
}

/** Throws `index.negative_values` naming the first negative cell. */
export function requireNonNegative(x: DataMatrix, method: string): void {
  for (let i = 0; i < x.n; i++) {
    for (let j = 0; j < x.m; j++) {
      const v = x.values[i * x.m + j] as number;
      if (v < 0) throw new FtzError('index.negative_values', { method, unit: unitLabel(x, i), indicator: indicatorLabel(x, j), value: v });
    }
  }
}
