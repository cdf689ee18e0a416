import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateArithmetic, aggregateGeometric, dataMatrix, topsis } from '../../../src/methods/index/index.js';
import { readJson, thrown } from './referenceFixtures.js';

interface PymcdmTopsis { matrix: number[][]; types: (1 | -1)[]; weights: number[]; C_3dp: number[] }
const known = readJson('expected/third_party_known_values.json') as { pymcdm_topsis: PymcdmTopsis };

describe('aggregateArithmetic and aggregateGeometric', () => {
  const x = dataMatrix([[1, 4], [2, 8]], { units: ['SH', 'BJ'], indicators: ['a', 'b'] });

  it('computes Σ w x / Σ w and exp(Σ w ln x / Σ w) with relative weights', () => {
    expect(Array.from(aggregateArithmetic(x, [1, 3]))).toEqual([3.25, 6.5]);
    const g = aggregateGeometric(x, [1, 1]);
    expect(g[0]).toBeCloseTo(2, 14);
    expect(g[1]).toBeCloseTo(4, 14);
  });

  it('throws index.missing_values on NaN by default and reweights the present cells with missing: reweight (COINr a_amean)', () => {
    const y = dataMatrix([[1, null], [null, null]]);
    expect(thrown(() => aggregateArithmetic(y, [1, 1])).code).toBe('index.missing_values');
    const r = aggregateArithmetic(y, [1, 1], { missing: 'reweight' });
    expect(r[0]).toBe(1);
    expect(r[1]).toBeNaN();
    expect(aggregateGeometric(y, [1, 1], { missing: 'reweight' })[0]).toBe(1);
  });

  it('geometric aggregation throws index.nonpositive_geometric naming unit, indicator and value', () => {
    expect(thrown(() => aggregateGeometric(dataMatrix([[1, 2], [0, 3]], { units: ['SH', 'BJ'], indicators: ['a', 'b'] }), [1, 1]))).toEqual({
      code: 'index.nonpositive_geometric', params: { unit: 'BJ', indicator: 'a', value: 0 },
    });
  });

  it('rejects weights of the wrong length or sign', () => {
    expect(thrown(() => aggregateArithmetic(x, [1])).code).toBe('index.dimension_mismatch');
    expect(thrown(() => aggregateArithmetic(x, [1, -1])).code).toBe('index.weights_invalid');
  });
});

describe('topsis', () => {
  it('reproduces pymcdm TOPSIS with min-max normalisation (Opricovic & Tzeng 2004 example; published to 3 dp, tolerance 5e-4)', () => {
    const t = known.pymcdm_topsis;
    const r = topsis(dataMatrix(t.matrix), t.weights, { directions: t.types, normalisation: 'minmax' });
    t.C_3dp.forEach((v, i) => expect(Math.abs((r.closeness[i] as number) - v)).toBeLessThanOrEqual(5e-4));
  });

  it('matches numpy for vector normalisation with ideal and anti-ideal chosen per direction (tolerance 1e-12)', () => {
    const x = dataMatrix([[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4], [225, 16, 16, 2]]);
    const r = topsis(x, [0.25, 0.25, 0.25, 0.25], { directions: [-1, 1, 1, 1] });
    [0.5342768571821003, 0.3083677687324685, 0.6916322312675315, 0.534736584486838, 0.40104612151678615].forEach((v, i) =>
      expect(r.closeness[i]).toBeCloseTo(v, 12),
    );
  });

  it('throws index.zero_variance on a constant column under min-max, index.missing_values on NaN', () => {
    expect(thrown(() => topsis(dataMatrix([[1, 2], [1, 3]]), [1, 1], { normalisation: 'minmax' })).code).toBe('index.zero_variance');
    expect(thrown(() => topsis(dataMatrix([[1, 2], [2, 2]]), [0, 1])).code).toBe('index.zero_variance');
    expect(thrown(() => topsis(dataMatrix([[1, 2], [null, 3]]), [1, 1])).code).toBe('index.missing_values');
  });

  it('property: the closeness C lies in [0, 1] for both normalisations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0.1, max: 1e4, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 10 }),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom<'vector' | 'minmax'>('vector', 'minmax'),
        (rows, w, normalisation) => {
          try {
            const c = topsis(dataMatrix(rows), w, { directions: [1, -1, 1], normalisation }).closeness;
            return c.every((v) => v >= 0 && v <= 1);
          } catch (e) {
            return (e as { code?: string }).code === 'index.zero_variance';
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
