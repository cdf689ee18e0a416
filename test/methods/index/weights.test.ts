import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ahpWeights, combineWeights, criticWeights, dataMatrix, entropyWeights, equalWeights, normalise, pcaWeights, userWeights,
} from '../../../src/methods/index/index.js';
import { readJson, thrown } from './referenceFixtures.js';

interface PymcdmWeights { weights?: number[]; weights_3dp?: number[] }
const known = readJson('expected/third_party_known_values.json') as Record<string, PymcdmWeights>;

// Decision matrices of pymcdm's test/test_weights.py (kotbaton/pymcdm, MIT); expected weights in the fixture.
const elsayed = dataMatrix([
  [7, 312, 1891, 6613, 163], [72, 88, 728, 941804, 1078], [10, 252, 2594, 3466, 117471], [10, 145, 980, 2371, 86329],
  [65, 54, 350, 501, 29897], [29, 48, 380, 912, 34051], [7, 476, 3300, 78470, 2212], [70, 87, 650, 733, 819000],
  [4, 86, 591, 3015, 103], [12, 79, 579, 3240, 96098], [21, 45, 261, 1253, 453], [1, 72, 530, 4333, 0.1048],
]);
const tusAdali = dataMatrix([
  [5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4],
]);
// A small province-style panel: 4 units × 3 indicators, the second negative.
const small = dataMatrix([[1, 10, 0.5], [2, 30, 0.7], [3, 20, 0.2], [4, 25, 0.9]]);
const smallDirections = [1, -1, 1] as const;

const sum = (w: ArrayLike<number>): number => Array.from(w).reduce((a, b) => a + b, 0);

describe('entropyWeights', () => {
  it('reproduces pymcdm entropy_weights on the Elsayed et al. (2017) matrix (published to 6 dp, tolerance 5e-7)', () => {
    const expected = known['pymcdm_entropy']?.weights ?? [];
    const w = entropyWeights(elsayed).weights;
    expected.forEach((v, j) => expect(Math.abs((w[j] as number) - v)).toBeLessThanOrEqual(5e-7));
  });

  it('matches an independent numpy computation on min-max + 0.01 shifted data (tolerance 1e-12)', () => {
    const y = normalise(small, { method: 'minmax', shift: 0.01, directions: [...smallDirections] });
    const r = entropyWeights(y);
    [0.32686658220556014, 0.3742931318785141, 0.29884028591592576].forEach((v, j) => expect(r.weights[j]).toBeCloseTo(v, 12));
    [0.7502549099223637, 0.7140182660898211, 0.7716686312155225].forEach((v, j) => expect(r.entropy[j]).toBeCloseTo(v, 12));
  });

  it('treats p = 0 as 0·ln 0 = 0, so unshifted min-max data work (numpy, tolerance 1e-12)', () => {
    const y = normalise(small, { method: 'minmax', directions: [...smallDirections] });
    [0.3265530903926748, 0.3750751386405394, 0.2983717709667858].forEach((v, j) => expect(entropyWeights(y).weights[j]).toBeCloseTo(v, 12));
  });

  it('uses k = 1/ln(n) with n the number of rows, so a pooled N×T panel gets k = 1/ln(N·T)', () => {
    // column (1, 2): p = (1/3, 2/3), e = −(1/3 ln 1/3 + 2/3 ln 2/3)/ln 2
    const e = entropyWeights(dataMatrix([[1, 2], [2, 1]])).entropy[0];
    expect(e).toBeCloseTo(-((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3)) / Math.log(2), 14);
  });

  it('throws index.missing_values, index.negative_values and index.zero_variance on degenerate input', () => {
    expect(thrown(() => entropyWeights(dataMatrix([[1, 2], [null, 3]]))).code).toBe('index.missing_values');
    expect(thrown(() => entropyWeights(dataMatrix([[1, -2], [2, 3]], { units: ['SH', 'BJ'], indicators: ['a', 'b'] })))).toEqual({
      code: 'index.negative_values', params: { method: 'entropy weights', unit: 'SH', indicator: 'b', value: -2 },
    });
    expect(thrown(() => entropyWeights(dataMatrix([[1, 2], [2, 2]]))).code).toBe('index.zero_variance');
    expect(thrown(() => entropyWeights(dataMatrix([[null], [null]]))).code).toBe('index.all_missing');
  });
});

describe('criticWeights', () => {
  it('reproduces pymcdm critic_weights on the Tuş & Adalı (2019) matrix after min-max (published to 3 dp, tolerance 5e-4)', () => {
    const expected = known['pymcdm_critic']?.weights_3dp ?? [];
    const w = criticWeights(normalise(tusAdali, { method: 'minmax' })).weights;
    expected.forEach((v, j) => expect(Math.abs((w[j] as number) - v)).toBeLessThanOrEqual(5e-4));
  });

  it('matches numpy on min-max data with directions (tolerance 1e-12)', () => {
    const w = criticWeights(normalise(small, { method: 'minmax', directions: [...smallDirections] })).weights;
    [0.3025842264304989, 0.4049127582080924, 0.2925030153614087].forEach((v, j) => expect(w[j]).toBeCloseTo(v, 12));
  });

  it('throws index.zero_variance on a constant column and index.missing_values on NaN', () => {
    expect(thrown(() => criticWeights(dataMatrix([[1, 2], [2, 2], [3, 2]]))).code).toBe('index.zero_variance');
    expect(thrown(() => criticWeights(dataMatrix([[1, 2], [2, null], [3, 1]]))).code).toBe('index.missing_values');
  });
});

describe('pcaWeights', () => {
  const x = dataMatrix([[3, 2, 8, 1], [5, 4, 6, 2], [2, 7, 5, 9], [6, 3, 9, 4], [4, 8, 2, 6], [7, 5, 4, 3]]);

  it('keeps components with eigenvalue > 1 and weights |eigenvector| entries by eigenvalue (numpy eigh, tolerance 1e-10)', () => {
    const r = pcaWeights(x);
    expect(r.components).toBe(2);
    [2.5519940448844474, 1.0540914313833047, 0.38630072586962794, 0.007613797862621826].forEach((v, k) => expect(r.eigenvalues[k]).toBeCloseTo(v, 10));
    [0.23116536603070903, 0.260780909043375, 0.2655715355750258, 0.24248218935089016].forEach((v, j) => expect(r.weights[j]).toBeCloseTo(v, 10));
  });

  it('throws index.zero_variance on a constant column', () => {
    expect(thrown(() => pcaWeights(dataMatrix([[1, 1], [2, 1], [3, 1]]))).code).toBe('index.zero_variance');
  });
});

describe('ahpWeights', () => {
  it('returns the principal eigenvector, λmax, CI and CR of a 3×3 judgement matrix (numpy eig, tolerance 1e-12)', () => {
    const r = ahpWeights([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]);
    [0.6369855717447568, 0.25828499437449515, 0.10472943388074794].forEach((v, j) => expect(r.weights[j]).toBeCloseTo(v, 12));
    expect(r.lambdaMax).toBeCloseTo(3.0385110905581727, 12);
    expect(r.ci).toBeCloseTo(0.01925554527908635, 12);
    expect(r.cr).toBeCloseTo(0.03319921599842474, 12);
  });

  it('gives CR = 0 for a perfectly consistent matrix and for n ≤ 2', () => {
    const r = ahpWeights([[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]);
    expect(r.cr).toBeCloseTo(0, 12);
    expect(r.weights[0]).toBeCloseTo(4 / 7, 14);
    expect(ahpWeights([[1, 3], [1 / 3, 1]]).cr).toBe(0);
  });

  it('throws index.ahp_inconsistent above CR 0.1 unless allowed', () => {
    const bad = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]];
    const e = thrown(() => ahpWeights(bad));
    expect(e.code).toBe('index.ahp_inconsistent');
    expect(e.params['limit']).toBe(0.1);
    expect(ahpWeights(bad, { allowInconsistent: true }).cr).toBeGreaterThan(0.1);
  });

  it('throws index.ahp_invalid for non-reciprocal, non-positive, non-square matrices or a diagonal other than 1', () => {
    expect(thrown(() => ahpWeights([[1, 3], [3, 1]])).code).toBe('index.ahp_invalid');
    expect(thrown(() => ahpWeights([[1, 0], [0, 1]])).code).toBe('index.ahp_invalid');
    expect(thrown(() => ahpWeights([[1, 2, 3], [0.5, 1]])).code).toBe('index.ahp_invalid');
    expect(thrown(() => ahpWeights([[2, 1], [1, 1]])).code).toBe('index.ahp_invalid');
    expect(thrown(() => ahpWeights([])).code).toBe('index.ahp_invalid');
  });
});

describe('equal, user and combined weights', () => {
  it('equalWeights gives 1/m each', () => {
    expect(Array.from(equalWeights(4))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(thrown(() => equalWeights(0)).code).toBe('index.weights_invalid');
  });

  it('userWeights rescales to sum 1 and rejects negative, non-finite or all-zero weights', () => {
    expect(Array.from(userWeights([2, 1, 1]))).toEqual([0.5, 0.25, 0.25]);
    expect(thrown(() => userWeights([1, -1])).code).toBe('index.weights_invalid');
    expect(thrown(() => userWeights([1, Number.NaN])).code).toBe('index.weights_invalid');
    expect(thrown(() => userWeights([0, 0])).code).toBe('index.weights_invalid');
    expect(thrown(() => userWeights([1, 1], 3)).code).toBe('index.dimension_mismatch');
  });

  it('combineWeights mixes linearly with α or multiplies and renormalises', () => {
    const lin = combineWeights([0.6, 0.4], [0.2, 0.8], { method: 'linear', alpha: 0.5 });
    expect(lin[0]).toBeCloseTo(0.4, 15);
    const mul = combineWeights([0.6, 0.4], [0.2, 0.8], { method: 'multiplicative' });
    expect(mul[0]).toBeCloseTo(0.12 / 0.44, 15);
    expect(thrown(() => combineWeights([1], [1], { method: 'linear', alpha: 1.5 })).code).toBe('index.weights_invalid');
    expect(thrown(() => combineWeights([1, 0], [0, 1], { method: 'multiplicative' })).code).toBe('index.weights_invalid');
  });

  it('property: entropy, CRITIC, PCA and combined weights are non-negative and sum to 1 (tolerance 1e-12)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 4, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, alpha) => {
          const x = normalise(dataMatrix(rows), { method: 'minmax', shift: 0.01 });
          let e: Float64Array;
          let c: Float64Array;
          let p: Float64Array;
          try {
            e = entropyWeights(x).weights;
            c = criticWeights(x).weights;
            p = pcaWeights(x).weights;
          } catch {
            return true; // constant or perfectly collinear columns are rejected by design
          }
          const combined = combineWeights(e, c, { method: 'linear', alpha });
          return [e, c, p, combined].every((w) => Math.abs(sum(w) - 1) < 1e-12 && w.every((v) => v >= 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
