import { describe, expect, it } from 'vitest';
import { NeumaierAccumulator, neumaierSum } from '../../../src/numeric/neumaierSum.js';
import { symmetricEigen } from '../../../src/numeric/symmetricEigen.js';

describe('neumaierSum', () => {
  it('keeps small terms that a naive loop loses next to large ones of opposite sign', () => {
    expect(neumaierSum([1, 1e100, 1, -1e100])).toBe(2);
    const acc = new NeumaierAccumulator();
    for (const v of [1, 1e100, 1, -1e100]) acc.add(v);
    expect(acc.value).toBe(2);
  });

  it('sums a strided column of a row-major matrix', () => {
    expect(neumaierSum(new Float64Array([1, 10, 2, 20, 3, 30]), 1, 3, 2)).toBe(60);
  });
});

describe('symmetricEigen', () => {
  it('returns eigenvalues largest first and unit eigenvectors with A v = λ v (tolerance 1e-12)', () => {
    const a = new Float64Array([4, 1, 2, 1, 3, 0, 2, 0, 1]);
    const { values, vectors } = symmetricEigen(a, 3);
    expect(values[0]).toBeGreaterThanOrEqual(values[1] as number);
    expect(values[1]).toBeGreaterThanOrEqual(values[2] as number);
    expect((values[0] as number) + (values[1] as number) + (values[2] as number)).toBeCloseTo(8, 12);
    for (let k = 0; k < 3; k++) {
      let norm = 0;
      for (let i = 0; i < 3; i++) {
        let av = 0;
        for (let j = 0; j < 3; j++) av += (a[i * 3 + j] as number) * (vectors[j * 3 + k] as number);
        expect(av).toBeCloseTo((values[k] as number) * (vectors[i * 3 + k] as number), 12);
        norm += (vectors[i * 3 + k] as number) ** 2;
      }
      expect(norm).toBeCloseTo(1, 12);
    }
  });

  it('handles a diagonal matrix and a 1×1 matrix', () => {
    expect(Array.from(symmetricEigen(new Float64Array([1, 0, 0, 5]), 2).values)).toEqual([5, 1]);
    expect(Array.from(symmetricEigen(new Float64Array([7]), 1).values)).toEqual([7]);
  });
});
