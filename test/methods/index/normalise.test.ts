import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataMatrix, normalise } from '../../../src/methods/index/index.js';
import { thrown } from './referenceFixtures.js';

const x = dataMatrix([[1, 10], [2, 30], [3, 20]], { units: ['a', 'b', 'c'], indicators: ['gdp', 'co2'] });

describe('normalise: min-max', () => {
  it('maps positive indicators to (x − min)/(max − min) and negative ones to (max − x)/(max − min), plus the shift (exact to 1e-15)', () => {
    const y = normalise(x, { method: 'minmax', shift: 0.01, directions: [1, -1] });
    [0.01, 1.01, 0.51, 0.01, 1.01, 0.51].forEach((v, k) => expect(y.values[k]).toBeCloseTo(v, 15));
    expect(y.indicators).toEqual(['gdp', 'co2']);
  });

  it('scales to COINr l_u = [0, 100] when a range is given', () => {
    const y = normalise(x, { method: 'minmax', range: [0, 100] });
    expect(Array.from(y.values)).toEqual([0, 0, 50, 100, 100, 50]);
  });

  it('dist2max equals min-max on [0, 1] (COINr n_dist2max)', () => {
    const a = normalise(x, { method: 'dist2max', directions: [1, -1] });
    const b = normalise(x, { method: 'minmax', directions: [1, -1] });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it('normalises within each group when groups (years) are given', () => {
    const panel = dataMatrix([[1], [3], [10], [30]]);
    const y = normalise(panel, { method: 'minmax', groups: [2020, 2020, 2021, 2021] });
    expect(Array.from(y.values)).toEqual([0, 1, 0, 1]);
    const pooled = normalise(panel, { method: 'minmax' });
    expect(pooled.values[1]).toBeCloseTo(2 / 29, 15);
  });

  it('keeps missing cells missing and ignores them in min and max', () => {
    const y = normalise(dataMatrix([[1], [null], [3]]), { method: 'minmax' });
    expect(Array.from(y.values)).toEqual([0, Number.NaN, 1]);
  });

  it('throws index.zero_variance naming the indicator and the group for a constant column', () => {
    const e = thrown(() => normalise(dataMatrix([[1, 5], [2, 5]], { indicators: ['a', 'b'] }), { method: 'minmax', groups: [7, 7] }));
    expect(e).toEqual({ code: 'index.zero_variance', params: { indicator: 'b', scope: 'group 7' } });
  });

  it('throws index.all_missing for a column with no value', () => {
    expect(thrown(() => normalise(dataMatrix([[1, null], [2, null]]), { method: 'zscore' })).code).toBe('index.all_missing');
  });

  it('throws index.dimension_mismatch when directions or groups have the wrong length', () => {
    expect(thrown(() => normalise(x, { method: 'minmax', directions: [1] })).code).toBe('index.dimension_mismatch');
    expect(thrown(() => normalise(x, { method: 'minmax', groups: [1, 2] })).code).toBe('index.dimension_mismatch');
  });

  it('property: min-max output lies within [shift, 1 + shift] for any data and shift', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.constantFrom(0, 0.0001, 0.001, 0.01),
        fc.constantFrom<1 | -1>(1, -1),
        (col, shift, d) => {
          fc.pre(Math.max(...col) > Math.min(...col));
          const y = normalise({ n: col.length, m: 1, values: Float64Array.from(col) }, { method: 'minmax', shift, directions: [d] });
          return y.values.every((v) => v >= shift && v <= 1 + shift + 1e-15);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('normalise: other conventions', () => {
  it('z-score uses the sample sd and flips the sign of negative indicators', () => {
    const y = normalise(dataMatrix([[1], [2], [3]]), { method: 'zscore', directions: [-1] });
    expect(Array.from(y.values)).toEqual([1, 0, -1]);
    const z = normalise(dataMatrix([[1], [2], [3]]), { method: 'zscore', mean: 10, sd: 2 });
    expect(Array.from(z.values)).toEqual([8, 10, 12]);
  });

  it('vector divides by the Euclidean norm of the column', () => {
    const y = normalise(dataMatrix([[3], [4]]), { method: 'vector' });
    expect(Array.from(y.values)).toEqual([0.6, 0.8]);
    expect(thrown(() => normalise(dataMatrix([[0], [0]]), { method: 'vector' })).code).toBe('index.zero_variance');
  });

  it('rank gives average ranks to ties and ranks direction·x', () => {
    const y = normalise(dataMatrix([[5], [1], [5], [3]]), { method: 'rank' });
    expect(Array.from(y.values)).toEqual([3.5, 1, 3.5, 2]);
    const r = normalise(dataMatrix([[5], [1], [3]]), { method: 'rank', directions: [-1] });
    expect(Array.from(r.values)).toEqual([1, 3, 2]);
  });

  it('fracmax is x/max for positive and min/x for negative indicators, and rejects non-positive cost values', () => {
    const y = normalise(dataMatrix([[2, 2], [4, 4]]), { method: 'fracmax', directions: [1, -1] });
    expect(Array.from(y.values)).toEqual([0.5, 1, 1, 0.5]);
    expect(thrown(() => normalise(dataMatrix([[0], [4]], { units: ['u1', 'u2'], indicators: ['c'] }), { method: 'fracmax', directions: [-1] }))).toEqual({
      code: 'index.negative_values',
      params: { method: 'fracmax', unit: 'u1', indicator: 'c', value: 0 },
    });
  });

  it('goalposts scale between the posts, truncate outside them and multiply by the scale (COINr n_goalposts)', () => {
    const y = normalise(dataMatrix([[0], [5], [15]]), { method: 'goalposts', lower: [0], upper: [10], scale: 100 });
    expect(Array.from(y.values)).toEqual([0, 50, 100]);
    const r = normalise(dataMatrix([[0], [5], [15]]), { method: 'goalposts', lower: [0], upper: [10], directions: [-1], truncate: false });
    expect(Array.from(r.values)).toEqual([1, 0.5, -0.5]);
  });
});
