import { describe, expect, it } from 'vitest';
import { dataMatrix, obstacleDegree } from '../../../src/methods/index/index.js';
import { thrown } from './referenceFixtures.js';

describe('obstacleDegree', () => {
  it('computes O_ij = w_j(1 − x′_ij)/Σ_j w_j(1 − x′_ij), each row summing to 1 (exact to 1e-15)', () => {
    const r = obstacleDegree(dataMatrix([[0.2, 0.6, 1], [0.5, 0.5, 0.5]]), [0.5, 0.25, 0.25]);
    const row0 = [0.5 * 0.8, 0.25 * 0.4, 0].map((v) => v / 0.5);
    row0.forEach((v, j) => expect(r.indicators.values[j]).toBeCloseTo(v, 15));
    [0.5, 0.25, 0.25].forEach((v, j) => expect(r.indicators.values[3 + j]).toBeCloseTo(v, 15));
  });

  it('sums indicator degrees into dimension degrees when dimensions are given', () => {
    const r = obstacleDegree(dataMatrix([[0.2, 0.6, 1]]), [0.5, 0.25, 0.25], { dimensions: [0, 0, 1] });
    expect(r.dimensions?.values[0]).toBeCloseTo(1, 15);
    expect(r.dimensions?.values[1]).toBe(0);
  });

  it('gives a unit at the best value everywhere no obstacle (row of zeros, not 0/0)', () => {
    expect(Array.from(obstacleDegree(dataMatrix([[1, 1]]), [1, 1]).indicators.values)).toEqual([0, 0]);
  });

  it('throws index.missing_values on NaN and index.out_of_range for values outside [0, 1.01]', () => {
    expect(thrown(() => obstacleDegree(dataMatrix([[null, 1], [0.5, 1]]), [1, 1])).code).toBe('index.missing_values');
    expect(thrown(() => obstacleDegree(dataMatrix([[5, 1]], { units: ['SH'] }), [1, 1])).params['unit']).toBe('SH');
    expect(thrown(() => obstacleDegree(dataMatrix([[0.5, 1]]), [1])).code).toBe('index.dimension_mismatch');
  });
});
