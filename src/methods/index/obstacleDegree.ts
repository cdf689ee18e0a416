import { FtzError } from '../../core/errors.js';
import { NeumaierAccumulator } from '../../numeric/neumaierSum.js';
import type { DataMatrix } from './dataMatrix.js';
import { checkLength, checkShape, indicatorLabel, requireComplete, unitLabel } from './dataMatrix.js';
import { userWeights } from './userWeights.js';

export interface ObstacleDegreeOptions {
  /**
   * Dimension id (0-based) per indicator: also report each dimension's obstacle degree, the sum of its
   * indicators' degrees (准则层障碍度).
   */
  dimensions?: ArrayLike<number>;
}

export interface ObstacleDegree {
  /** O_ij, row-major n × m; each row sums to 1 (or is all 0 for a unit with no deviation). */
  indicators: DataMatrix;
  /** Σ_{j ∈ dimension} O_ij, row-major n × (number of dimensions), if dimensions were given. */
  dimensions?: DataMatrix;
}

/**
 * Obstacle degree model (障碍度模型; e.g. 杨丽 & 孙之淳 2015; the factor contribution F_j = w_j and indicator
 * deviation I_ij = 1 − x′_ij): O_ij = w_j (1 − x′_ij) / Σ_j w_j (1 − x′_ij), from a matrix normalised to
 * [0, 1] (min-max). A unit at the best value on every indicator has no obstacle: its row is all 0 rather
 * than 0/0.
 *
 * Throws `index.missing_values` on NaN and `index.out_of_range` for x′ < 0 or x′ > 1.01 (so min-max output
 * with a shift up to 0.01 is accepted; a negative deviation 1 − x′ from such a shift counts as 0).
 *
 * @example
 * obstacleDegree(dataMatrix([[0.2, 1]]), [0.5, 0.5]).indicators.values; // [1, 0]
 */
export function obstacleDegree(x: DataMatrix, weights: ArrayLike<number>, options: ObstacleDegreeOptions = {}): ObstacleDegree {
  checkShape(x);
  requireComplete(x, 'obstacle degree');
  const w = userWeights(weights, x.m);
  const { n, m, values } = x;
  const o = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const total = new NeumaierAccumulator();
    for (let j = 0; j < m; j++) {
      const v = values[i * m + j] as number;
      if (v < 0 || v > 1.01 + 1e-12) {
        throw new FtzError('index.out_of_range', { what: `normalised value of "${indicatorLabel(x, j)}"`, unit: unitLabel(x, i), value: v, min: 0, max: 1 });
      }
      const dev = (w[j] as number) * Math.max(0, 1 - v);
      o[i * m + j] = dev;
      total.add(dev);
    }
    const t = total.value;
    for (let j = 0; j < m; j++) o[i * m + j] = t > 0 ? (o[i * m + j] as number) / t : 0;
  }
  const indicators: DataMatrix = { n, m, values: o };
  if (x.units !== undefined) indicators.units = x.units;
  if (x.indicators !== undefined) indicators.indicators = x.indicators;
  if (options.dimensions === undefined) return { indicators };

  const dims = options.dimensions;
  checkLength('dimension per indicator', dims.length, m);
  let k = 0;
  for (let j = 0; j < m; j++) {
    const d = dims[j] as number;
    if (!Number.isInteger(d) || d < 0) throw new FtzError('index.weights_invalid', { reason: `dimension of indicator ${j + 1} is ${d}; use 0-based integers` });
    k = Math.max(k, d + 1);
  }
  const dv = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const t = i * k + (dims[j] as number);
      dv[t] = (dv[t] as number) + (o[i * m + j] as number);
    }
  }
  const dimensions: DataMatrix = { n, m: k, values: dv };
  if (x.units !== undefined) dimensions.units = x.units;
  return { indicators, dimensions };
}
