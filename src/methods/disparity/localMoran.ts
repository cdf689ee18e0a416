import { FtzError } from '../../core/errors.js';
import { createRng } from '../../numeric/rng.js';
import { spatialLag, type SpatialWeights } from '../spatial/spatialWeights.js';
import { finiteValues, requireLength } from './checks.js';

/** LISA quadrants as esda numbers them: 1 HH, 2 LH, 3 LL, 4 HL. */
export type LisaQuadrant = 'HH' | 'LH' | 'LL' | 'HL';
const QUADRANTS: readonly LisaQuadrant[] = ['HH', 'LH', 'LL', 'HL'];

export interface LocalMoranOptions {
  /**
   * `esda` (default): I_i = (n − 1)·z_i·Σ_j w_ij z_j / Σ z² (pysal esda `Moran_Local`);
   * `spdep`: I_i = n·z_i·Σ_j w_ij z_j / Σ z² (R spdep `localmoran`, divisor m2 = Σz²/n) — n/(n − 1) times esda's.
   */
  scaling?: 'esda' | 'spdep';
  /** Conditional permutations per unit; default 999, 0 to skip. */
  permutations?: number;
  /** Seed of the permutation stream; default 12345. */
  seed?: number;
  /** Significance level for the cluster labels: significant when p_sim < alpha (esda/splot); default 0.05. */
  alpha?: number;
}

export interface LocalMoranResult {
  readonly n: number;
  readonly scaling: 'esda' | 'spdep';
  /** Local statistics I_i. */
  readonly Is: Float64Array;
  /** Standardised values z_i = (y_i − ȳ)/σ (σ with divisor n) and their spatial lags Σ_j w_ij z_j. */
  readonly z: Float64Array;
  readonly lag: Float64Array;
  /** Quadrant of (z_i, lag_i): HH when both > 0, LH, LL, HL (zero counts as low). */
  readonly quadrant: readonly LisaQuadrant[];
  /** Folded conditional-permutation pseudo p-values, or null when permutations = 0. */
  readonly pSim: Float64Array | null;
  /** Quadrant where p_sim < alpha, else 'ns'. */
  readonly cluster: readonly (LisaQuadrant | 'ns')[] | null;
  readonly permutations: number;
  readonly seed: number;
  readonly alpha: number;
}

/**
 * Local Moran's I, a LISA (Anselin 1995, "Local indicators of spatial association — LISA", Geographical
 * Analysis 27:93, eq. 12), with conditional permutation inference (§4: unit i fixed, its k_i neighbours'
 * values drawn without replacement from the other n − 1 units) and the folded pseudo p-value
 * (larger + 1)/(permutations + 1) of esda. Both scalings are offered (see `scaling`); p-values and
 * quadrants do not depend on the scaling. Islands get I_i = 0.
 *
 * @example
 * const lisa = localMoran(gdpPerCapita, rowW, { permutations: 9999, seed: 7 });
 * lisa.cluster; // ['HH', 'ns', 'LL', …]
 */
export function localMoran(values: ArrayLike<number>, w: SpatialWeights, options: LocalMoranOptions = {}): LocalMoranResult {
  const y = finiteValues("local Moran's I", values, 3);
  requireLength("local Moran's I: values vs weights", w.n, y.length);
  const n = y.length;
  const scaling = options.scaling ?? 'esda';
  const alpha = options.alpha ?? 0.05;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] as number;
  mean /= n;
  const z = new Float64Array(n);
  let zz = 0;
  for (let i = 0; i < n; i++) {
    z[i] = (y[i] as number) - mean;
    zz += (z[i] as number) ** 2;
  }
  if (!(zz > n * (Number.EPSILON * mean) ** 2)) throw new FtzError('disparity.constant_variable', { method: "local Moran's I", variable: 'values' });
  const sd = Math.sqrt(zz / n);
  for (let i = 0; i < n; i++) z[i] = (z[i] as number) / sd;
  const den = n; // Σ of standardised z² equals n
  const factor = (scaling === 'esda' ? n - 1 : n) / den;
  const lag = spatialLag(w, z);
  const Is = new Float64Array(n);
  const quadrant: LisaQuadrant[] = [];
  for (let i = 0; i < n; i++) {
    Is[i] = factor * (z[i] as number) * (lag[i] as number);
    const hi = (z[i] as number) > 0;
    const lhi = (lag[i] as number) > 0;
    quadrant.push(QUADRANTS[hi ? (lhi ? 0 : 3) : lhi ? 1 : 2] as LisaQuadrant);
  }

  const perms = options.permutations ?? 999;
  const seed = options.seed ?? 12345;
  let pSim: Float64Array | null = null;
  let cluster: (LisaQuadrant | 'ns')[] | null = null;
  if (perms > 0) {
    if (!Number.isInteger(perms)) throw new FtzError('disparity.option_invalid', { option: 'permutations', value: String(perms), reason: 'must be a non-negative integer' });
    const rng = createRng(seed);
    const scratch = new Int32Array(n - 1);
    pSim = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = w.offsets[i] as number;
      const ki = (w.offsets[i + 1] as number) - a;
      if (ki === 0) {
        pSim[i] = Number.NaN;
        continue;
      }
      const zi = z[i] as number;
      const Ii = Is[i] as number;
      let larger = 0;
      for (let p = 0; p < perms; p++) {
        const draw = rng.sampleWithoutReplacement(n - 1, ki, scratch);
        let l = 0;
        for (let k = 0; k < ki; k++) {
          const d = draw[k] as number;
          const j = d < i ? d : d + 1; // skip unit i itself
          l += (w.weights[a + k] as number) * (z[j] as number);
        }
        if (factor * zi * l >= Ii) larger++;
      }
      if (perms - larger < larger) larger = perms - larger;
      pSim[i] = (larger + 1) / (perms + 1);
    }
    cluster = quadrant.map((q, i) => ((pSim as Float64Array)[i] as number) < alpha ? q : 'ns');
  }
  return { n, scaling, Is, z, lag, quadrant, pSim, cluster, permutations: perms, seed, alpha };
}
