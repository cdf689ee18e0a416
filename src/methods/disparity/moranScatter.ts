import { FtzError } from '../../core/errors.js';
import { spatialLag, type SpatialWeights } from '../spatial/spatialWeights.js';
import { finiteValues, requireLength } from './checks.js';

export interface MoranScatterData {
  /** Standardised values (y − ȳ)/σ, σ with divisor n. */
  readonly z: Float64Array;
  /** Spatial lag of z. */
  readonly lag: Float64Array;
  /** OLS slope and intercept of lag on z; with row-standardised weights the slope equals Moran's I. */
  readonly slope: number;
  readonly intercept: number;
}

/**
 * Data for the Moran scatterplot (Anselin 1996, "The Moran scatterplot as an ESDA tool", in Spatial
 * Analytical Perspectives on GIS): standardised values against their spatial lag, with the OLS line.
 *
 * @example
 * const s = moranScatter(y, rowW); // plot s.z vs s.lag; s.slope ≈ I
 */
export function moranScatter(values: ArrayLike<number>, w: SpatialWeights): MoranScatterData {
  const y = finiteValues('Moran scatterplot', values, 3);
  requireLength('Moran scatterplot: values vs weights', w.n, y.length);
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((y[i] as number) - mean) ** 2;
  if (!(ss > n * (Number.EPSILON * mean) ** 2)) throw new FtzError('disparity.constant_variable', { method: 'Moran scatterplot', variable: 'values' });
  const sd = Math.sqrt(ss / n);
  const z = y.map((v) => (v - mean) / sd);
  const lag = spatialLag(w, z);
  const lagMean = lag.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (z[i] as number) * ((lag[i] as number) - lagMean);
    sxx += (z[i] as number) ** 2;
  }
  const slope = sxy / sxx;
  return { z, lag, slope, intercept: lagMean };
}
