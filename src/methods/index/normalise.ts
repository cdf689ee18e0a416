import { FtzError } from '../../core/errors.js';
import { NeumaierAccumulator } from '../../numeric/neumaierSum.js';
import type { DataMatrix, Direction } from './dataMatrix.js';
import { checkDirections, checkLength, checkShape, indicatorLabel, unitLabel } from './dataMatrix.js';

/**
 * Normalisation conventions. Each is applied per indicator (column), pooled over all units or within each
 * group (e.g. year) when `groups` is given. Missing cells (`NaN`) stay missing and are ignored in the column
 * statistics.
 *
 * - `minmax`: x' = l + (u − l)(x − min)/(max − min) + shift for positive indicators and
 *   l + (u − l)(max − x)/(max − min) + shift for negative ones. With the default range [0, 1] and shift
 *   0.0001/0.001/0.01 this is the Chinese entropy-method literature's 极差标准化 with translation (so that
 *   ln p is defined); with range [0, 100] and no shift it is COINr's `n_minmax(x, l_u = c(0, 100))` applied to
 *   direction·x (Becker et al. 2022, COINr, JOSS 7(78) 4567).
 * - `zscore`: direction·(x − mean)/sd with the sample sd (n − 1), rescaled to `mean` and `sd`
 *   (COINr `n_zscore(x, m_sd)`; OECD/JRC Handbook on Constructing Composite Indicators 2008, §5).
 * - `vector`: direction·x/‖x‖₂ (Hwang & Yoon 1981, TOPSIS eq. 1); a negative direction flips the sign,
 *   which is COINr's convention of normalising direction·x.
 * - `rank`: ranks of direction·x, 1 = lowest, ties get their average rank (COINr `n_rank`).
 * - `fracmax`: x/max for positive indicators (COINr `n_fracmax`), min/x for negative ones (the linear
 *   cost normalisation, e.g. pymcdm `linear_normalization`); values must be positive.
 * - `dist2max`: 1 − (max − x)/(max − min), COINr `n_dist2max` (identical to `minmax` on [0, 1]).
 * - `goalposts`: (x − lower)/(upper − lower) for positive, (x − upper)/(lower − upper) for negative
 *   indicators, truncated to [0, 1] unless `truncate` is false, times `scale` (COINr `n_goalposts`,
 *   gposts = c(l, u, a)).
 */
export type NormaliseMethod =
  | { method: 'minmax'; shift?: number; range?: readonly [number, number] }
  | { method: 'zscore'; mean?: number; sd?: number }
  | { method: 'vector' }
  | { method: 'rank' }
  | { method: 'fracmax' }
  | { method: 'dist2max' }
  | { method: 'goalposts'; lower: readonly number[]; upper: readonly number[]; scale?: number; truncate?: boolean };

export type NormaliseOptions = NormaliseMethod & {
  /** One direction per indicator; default all +1. */
  directions?: readonly Direction[];
  /**
   * Group id per unit (e.g. the year of each province-year): normalise within each group ("year by year").
   * Omit to pool the whole panel.
   */
  groups?: ArrayLike<number>;
};

/**
 * Normalises every indicator of a data matrix onto a common scale (see {@link NormaliseMethod} for the
 * formulas and their sources).
 *
 * Throws `index.zero_variance` when a column is constant within a group for methods that divide by its
 * spread (minmax, dist2max, zscore; vector when all zero), `index.all_missing` when a column has no value in a
 * group, `index.negative_values` for fracmax on non-positive values.
 *
 * @example
 * const x = dataMatrix([[1, 10], [2, 30], [3, 20]]);
 * normalise(x, { method: 'minmax', shift: 0.01, directions: [1, -1] }).values;
 * // [0.01, 1.01, 0.51, 0.01, 1.01, 0.51]
 */
export function normalise(x: DataMatrix, options: NormaliseOptions): DataMatrix {
  checkShape(x);
  const directions = checkDirections(options.directions, x.m);
  const groups = groupRows(x.n, options.groups);
  if (options.method === 'goalposts') {
    checkLength('goalposts lower', options.lower.length, x.m);
    checkLength('goalposts upper', options.upper.length, x.m);
  }
  const out = new Float64Array(x.n * x.m);
  for (const [group, rows] of groups) {
    const scope = options.groups === undefined ? 'pooled' : `group ${group}`;
    for (let j = 0; j < x.m; j++) {
      normaliseColumn(x, j, rows, directions[j] as Direction, options, scope, out);
    }
  }
  return withLabels(x, out);
}

function withLabels(x: DataMatrix, values: Float64Array): DataMatrix {
  const out: DataMatrix = { n: x.n, m: x.m, values };
  if (x.units !== undefined) out.units = x.units;
  if (x.indicators !== undefined) out.indicators = x.indicators;
  return out;
}

function groupRows(n: number, groups: ArrayLike<number> | undefined): Map<number, number[]> {
  const map = new Map<number, number[]>();
  if (groups === undefined) {
    map.set(0, Array.from({ length: n }, (_, i) => i));
    return map;
  }
  checkLength('groups', groups.length, n);
  for (let i = 0; i < n; i++) {
    const g = groups[i] as number;
    const list = map.get(g);
    if (list === undefined) map.set(g, [i]);
    else list.push(i);
  }
  return map;
}

function normaliseColumn(
  x: DataMatrix,
  j: number,
  rows: readonly number[],
  d: Direction,
  o: NormaliseOptions,
  scope: string,
  out: Float64Array,
): void {
  const m = x.m;
  const present = rows.filter((i) => !Number.isNaN(x.values[i * m + j]));
  const get = (i: number): number => x.values[i * m + j] as number;
  for (const i of rows) out[i * m + j] = Number.NaN;
  if (present.length === 0) throw new FtzError('index.all_missing', { indicator: indicatorLabel(x, j), scope });
  const zeroVariance = (): never => {
    throw new FtzError('index.zero_variance', { indicator: indicatorLabel(x, j), scope });
  };

  switch (o.method) {
    case 'minmax':
    case 'dist2max': {
      let min = Infinity;
      let max = -Infinity;
      for (const i of present) {
        min = Math.min(min, get(i));
        max = Math.max(max, get(i));
      }
      if (!(max > min)) zeroVariance();
      const [lo, hi] = o.method === 'minmax' ? (o.range ?? [0, 1]) : [0, 1];
      const shift = o.method === 'minmax' ? (o.shift ?? 0) : 0;
      const span = max - min;
      for (const i of present) {
        const r = d === 1 ? (get(i) - min) / span : (max - get(i)) / span;
        out[i * m + j] = lo + (hi - lo) * r + shift;
      }
      return;
    }
    case 'zscore': {
      const acc = new NeumaierAccumulator();
      for (const i of present) acc.add(get(i));
      const mean = acc.value / present.length;
      const ss = new NeumaierAccumulator();
      for (const i of present) ss.add((get(i) - mean) ** 2);
      const sd = present.length > 1 ? Math.sqrt(ss.value / (present.length - 1)) : 0;
      if (!(sd > 0)) zeroVariance();
      const targetMean = o.mean ?? 0;
      const targetSd = o.sd ?? 1;
      for (const i of present) out[i * m + j] = targetMean + (targetSd * d * (get(i) - mean)) / sd;
      return;
    }
    case 'vector': {
      const acc = new NeumaierAccumulator();
      for (const i of present) acc.add(get(i) ** 2);
      const norm = Math.sqrt(acc.value);
      if (!(norm > 0)) zeroVariance();
      for (const i of present) out[i * m + j] = (d * get(i)) / norm;
      return;
    }
    case 'rank': {
      const sorted = [...present].sort((a, b) => d * get(a) - d * get(b));
      for (let k = 0; k < sorted.length; ) {
        let e = k;
        while (e + 1 < sorted.length && get(sorted[e + 1] as number) === get(sorted[k] as number)) e++;
        const avg = (k + e) / 2 + 1;
        for (let t = k; t <= e; t++) out[(sorted[t] as number) * m + j] = avg;
        k = e + 1;
      }
      return;
    }
    case 'fracmax': {
      let min = Infinity;
      let max = -Infinity;
      for (const i of present) {
        const v = get(i);
        if (v < 0 || (v === 0 && d === -1)) {
          throw new FtzError('index.negative_values', { method: 'fracmax', unit: unitLabel(x, i), indicator: indicatorLabel(x, j), value: v });
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (!(max > 0)) zeroVariance();
      for (const i of present) out[i * m + j] = d === 1 ? get(i) / max : min / get(i);
      return;
    }
    case 'goalposts': {
      const lower = o.lower[j] as number;
      const upper = o.upper[j] as number;
      if (!(upper > lower)) {
        throw new FtzError('index.weights_invalid', { reason: `goalposts for "${indicatorLabel(x, j)}" need lower < upper (got ${lower}, ${upper})` });
      }
      const scale = o.scale ?? 1;
      for (const i of present) {
        let r = d === 1 ? (get(i) - lower) / (upper - lower) : (get(i) - upper) / (lower - upper);
        if (o.truncate !== false) r = Math.min(1, Math.max(0, r));
        out[i * m + j] = r * scale;
      }
      return;
    }
  }
}
