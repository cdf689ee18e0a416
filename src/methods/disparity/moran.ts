import { FtzError } from '../../core/errors.js';
import { normalSf } from '../../numeric/distributions.js';
import { createRng } from '../../numeric/rng.js';
import { weightSums, type SpatialWeights } from '../spatial/spatialWeights.js';
import { finiteValues, requireLength } from './checks.js';

export interface MoranOptions {
  /** Random permutations for the pseudo p-value; default 999, 0 to skip. */
  permutations?: number;
  /** Seed of the permutation stream (xoshiro128**); default 12345. Reported back in the result. */
  seed?: number;
}

export interface MoranInference {
  readonly variance: number;
  readonly z: number;
  /** One-tailed p in the direction of the observed deviation: P(Z > |z|). */
  readonly pOneTailed: number;
  /** Two-tailed p: 2·P(Z > |z|). */
  readonly pTwoTailed: number;
}

export interface MoranPermutationResult {
  readonly permutations: number;
  readonly seed: number;
  /** Folded pseudo p-value (larger + 1)/(permutations + 1), larger counted in the observed direction. */
  readonly pSim: number;
  readonly mean: number;
  readonly sd: number;
  readonly z: number;
  /** P(Z > |z_sim|). */
  readonly pZOneTailed: number;
}

export interface MoranResult {
  readonly n: number;
  readonly I: number;
  /** E[I] = −1/(n − 1). */
  readonly expected: number;
  /** Inference under the normality assumption. */
  readonly normal: MoranInference;
  /** Inference under randomisation (uses the kurtosis of y). */
  readonly randomization: MoranInference;
  readonly permutation: MoranPermutationResult | null;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}

function inference(I: number, EI: number, variance: number): MoranInference {
  const z = (I - EI) / Math.sqrt(variance);
  const one = normalSf(Math.abs(z));
  return { variance, z, pOneTailed: one, pTwoTailed: 2 * one };
}

/** I for a (possibly permuted) deviation vector z: (n/S0)·Σ_i z_i Σ_j w_ij z_j / Σ z². */
function moranStatistic(w: SpatialWeights, z: Float64Array, zz: number, s0: number): number {
  let num = 0;
  for (let i = 0; i < w.n; i++) {
    let lag = 0;
    for (let k = w.offsets[i] as number; k < (w.offsets[i + 1] as number); k++) lag += (w.weights[k] as number) * (z[w.neighbors[k] as number] as number);
    num += (z[i] as number) * lag;
  }
  return ((w.n / s0) * num) / zz;
}

/**
 * Global Moran's I (Moran 1950; Cliff & Ord 1981, eqs. 1.34–1.36 and 2.33–2.37):
 * I = (n/S0)·z'Wz / z'z with z = y − ȳ; E[I] = −1/(n−1);
 * Var_N[I] = (n²S1 − nS2 + 3S0²)/((n² − 1)S0²) − E[I]²;
 * Var_R[I] = [n((n² − 3n + 3)S1 − nS2 + 3S0²) − b2((n² − n)S1 − 2nS2 + 6S0²)] / ((n−1)(n−2)(n−3)S0²) − E[I]²,
 * b2 = n Σz⁴/(Σz²)². Permutation inference randomly relabels y across units (Anselin 1995) with a seeded
 * stream; the folded pseudo p-value follows esda. Matches esda `Moran` and spdep `moran.test`.
 *
 * @example
 * const m = moran(homicideRate, transformWeights(parseGal(gal), 'row'), { permutations: 999, seed: 1 });
 */
export function moran(values: ArrayLike<number>, w: SpatialWeights, options: MoranOptions = {}): MoranResult {
  const y = finiteValues("Moran's I", values, 4);
  requireLength("Moran's I: values vs weights", w.n, y.length);
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] as number;
  mean /= n;
  const z = new Float64Array(n);
  let zz = 0;
  let z4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (y[i] as number) - mean;
    z[i] = d;
    zz += d * d;
    z4 += d * d * d * d;
  }
  // A relative threshold: values equal up to rounding of the mean count as constant.
  if (zz <= n * (Number.EPSILON * mean) ** 2) {
    throw new FtzError('disparity.constant_variable', { method: "Moran's I", variable: 'values' });
  }
  const { s0, s1, s2 } = weightSums(w);
  if (!(s0 > 0)) throw new FtzError('spatial.weights_invalid', { reason: 'the weights have no links (S0 = 0)' });
  const I = moranStatistic(w, z, zz, s0);
  const EI = -1 / (n - 1);
  const n2 = n * n;
  const s02 = s0 * s0;
  const vNorm = (n2 * s1 - n * s2 + 3 * s02) / ((n2 - 1) * s02) - EI * EI;
  const b2 = (n * z4) / (zz * zz);
  const A = n * ((n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02);
  const B = b2 * ((n2 - n) * s1 - 2 * n * s2 + 6 * s02);
  const vRand = (A - B) / ((n - 1) * (n - 2) * (n - 3) * s02) - EI * EI;

  const perms = options.permutations ?? 999;
  const seed = options.seed ?? 12345;
  let permutation: MoranPermutationResult | null = null;
  if (perms > 0) {
    if (!Number.isInteger(perms)) throw new FtzError('disparity.option_invalid', { option: 'permutations', value: String(perms), reason: 'must be a non-negative integer' });
    const rng = createRng(seed);
    const zp = Float64Array.from(z);
    let larger = 0;
    let sum = 0;
    let sumSq = 0;
    for (let p = 0; p < perms; p++) {
      rng.shuffle(zp);
      const Ip = moranStatistic(w, zp, zz, s0);
      if (Ip >= I) larger++;
      sum += Ip;
      sumSq += Ip * Ip;
    }
    if (perms - larger < larger) larger = perms - larger;
    const m = sum / perms;
    const sd = Math.sqrt(Math.max(0, sumSq / perms - m * m));
    const zSim = (I - m) / sd;
    permutation = { permutations: perms, seed, pSim: (larger + 1) / (perms + 1), mean: m, sd, z: zSim, pZOneTailed: normalSf(Math.abs(zSim)) };
  }
  return { n, I, expected: EI, normal: inference(I, EI, vNorm), randomization: inference(I, EI, vRand), permutation, s0, s1, s2 };
}
