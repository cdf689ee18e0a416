import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';

/**
 * Saaty's random consistency index RI for n = 1…15 (Saaty 1980, The Analytic Hierarchy Process, Table 1.7,
 * n ≤ 10; n = 11–15 as tabulated in the Chinese AHP literature, e.g. 许树柏 1988, 实用决策方法：层次分析法原理).
 */
export const SAATY_RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

export interface AhpOptions {
  /** Consistency-ratio limit; default 0.1 (Saaty). */
  crLimit?: number;
  /** Return the weights even when CR exceeds the limit (the result still reports CR). */
  allowInconsistent?: boolean;
  /** Relative tolerance for a_ij·a_ji = 1; default 1e-3 so that typed judgements like 0.333 pass. */
  reciprocityTolerance?: number;
  /** Override the RI table (index n − 1). */
  randomIndex?: readonly number[];
}

export interface AhpWeights {
  weights: Float64Array;
  /** Principal eigenvalue λmax. */
  lambdaMax: number;
  /** CI = (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Random index used. */
  ri: number;
  /** CR = CI/RI; 0 when RI = 0 (n ≤ 2, always consistent). */
  cr: number;
}

/**
 * AHP weights by the principal-eigenvector method (Saaty 1977, J. Math. Psychology 15(3), eq. Aw = λmax w;
 * consistency index and ratio as in Saaty 1980): w is the Perron vector of the positive reciprocal judgement
 * matrix A, found by power iteration (convergent for positive matrices by Perron's theorem), normalised to
 * sum 1; λmax = (1/n) Σ_i (Aw)_i / w_i; CI = (λmax − n)/(n − 1); CR = CI/RI.
 *
 * Throws `index.ahp_invalid` if A is not square, has a non-positive or non-finite entry, a diagonal other than
 * 1, or violates reciprocity; `index.ahp_inconsistent` if CR > crLimit unless `allowInconsistent`.
 *
 * @example
 * ahpWeights([[1, 3], [1 / 3, 1]]).weights; // [0.75, 0.25]
 */
export function ahpWeights(matrix: readonly (readonly number[])[], options: AhpOptions = {}): AhpWeights {
  const n = matrix.length;
  if (n === 0) throw new FtzError('index.ahp_invalid', { reason: 'the matrix is empty' });
  const a = new Float64Array(n * n);
  const tol = options.reciprocityTolerance ?? 1e-3;
  matrix.forEach((row, i) => {
    if (row.length !== n) throw new FtzError('index.ahp_invalid', { reason: `row ${i + 1} has ${row.length} entries, expected ${n}` });
    row.forEach((v, j) => {
      if (!Number.isFinite(v) || v <= 0) throw new FtzError('index.ahp_invalid', { reason: `entry (${i + 1}, ${j + 1}) is ${v}; judgements must be positive` });
      a[i * n + j] = v;
    });
  });
  for (let i = 0; i < n; i++) {
    if (Math.abs((a[i * n + i] as number) - 1) > tol) {
      throw new FtzError('index.ahp_invalid', { reason: `diagonal entry (${i + 1}, ${i + 1}) is ${a[i * n + i]}, not 1` });
    }
    for (let j = i + 1; j < n; j++) {
      const product = (a[i * n + j] as number) * (a[j * n + i] as number);
      if (Math.abs(product - 1) > tol) {
        throw new FtzError('index.ahp_invalid', {
          reason: `entries (${i + 1}, ${j + 1}) = ${a[i * n + j]} and (${j + 1}, ${i + 1}) = ${a[j * n + i]} are not reciprocal`,
        });
      }
    }
  }

  const w = principalVector(a, n);
  const aw = multiply(a, w, n);
  const ratios = new Float64Array(n);
  for (let i = 0; i < n; i++) ratios[i] = (aw[i] as number) / (w[i] as number);
  const lambdaMax = neumaierSum(ratios) / n;
  const ci = n > 2 ? Math.max(0, (lambdaMax - n) / (n - 1)) : 0;
  const table = options.randomIndex ?? SAATY_RANDOM_INDEX;
  const ri = table[n - 1] ?? (table[table.length - 1] as number);
  const cr = ri > 0 ? ci / ri : 0;
  const limit = options.crLimit ?? 0.1;
  if (cr > limit && options.allowInconsistent !== true) throw new FtzError('index.ahp_inconsistent', { cr, limit });
  return { weights: w, lambdaMax, ci, ri, cr };
}

function multiply(a: Float64Array, v: Float64Array, n: number): Float64Array {
  const out: Float64Array = new Float64Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) row[j] = (a[i * n + j] as number) * (v[j] as number);
    out[i] = neumaierSum(row);
  }
  return out;
}

function principalVector(a: Float64Array, n: number): Float64Array {
  // Start from the normalised geometric row means, already the exact answer for consistent matrices.
  let w: Float64Array = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let logSum = 0;
    for (let j = 0; j < n; j++) logSum += Math.log(a[i * n + j] as number);
    w[i] = Math.exp(logSum / n);
  }
  w = scaleToSum(w);
  for (let iter = 0; iter < 10_000; iter++) {
    const next = scaleToSum(multiply(a, w, n));
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs((next[i] as number) - (w[i] as number)));
    w = next;
    if (change < 1e-15) break;
  }
  return w;
}

function scaleToSum(v: Float64Array): Float64Array {
  const s = neumaierSum(v);
  return v.map((x) => x / s);
}
