import { FtzError } from '../../core/errors.js';
import { NeumaierAccumulator } from '../../numeric/neumaierSum.js';
import { coordinationClass } from './coordinationClass.js';
import type { CoordinationClass } from './coordinationClass.js';
import type { DataMatrix } from './dataMatrix.js';
import { checkShape, requireComplete, unitLabel } from './dataMatrix.js';
import { userWeights } from './userWeights.js';

export interface CouplingCoordinationOptions {
  /** β_i, contribution of each subsystem to T; validated and rescaled to sum 1. Default equal. */
  beta?: ArrayLike<number>;
}

export interface CouplingCoordination {
  /** Coupling degree C ∈ [0, 1]. */
  coupling: Float64Array;
  /** Comprehensive coordination index T = Σ β_i U_i. */
  development: Float64Array;
  /** Coupling coordination degree D = √(C·T). */
  coordination: Float64Array;
  /** Class of D in the 10-level scheme. */
  classes: readonly CoordinationClass[];
}

/**
 * Coupling coordination degree model for k ≥ 2 subsystems, in the normative form
 *
 *   C = [ Π_i U_i / ((Σ_i U_i / k)^k) ]^{1/k},   T = Σ_i β_i U_i,   D = √(C·T),
 *
 * i.e. C is the ratio of the geometric to the arithmetic mean of the U_i, so C ∈ [0, 1] for every k. This is
 * the form derived by 丛晓男 (2019, 经济地理 39(4): 18–25, "耦合度模型的形式、性质及在地理学中的若干误用",
 * eq. 5), which corrects the widespread variants with the wrong exponent or denominator that are not bounded
 * by 1 or not comparable across k; the misuses are surveyed again by 王淑佳, 孔伟, 任亮 et al. (2021, 自然资源学报
 * 36(3): 793–810), whose further modified C ftzlab does not offer.
 *
 * Input: one row per unit, one column per subsystem score U_i ∈ [0, 1]. Any U_i = 0 gives C = 0 (Π U_i = 0);
 * a unit with every U_i = 0, where the formula is 0/0, also gets C = 0, and D = 0 either way since T = 0.
 *
 * Throws `index.missing_values` on NaN, `index.out_of_range` for U outside [0, 1],
 * `index.dimension_mismatch` for fewer than 2 subsystems.
 *
 * @example
 * couplingCoordination(dataMatrix([[0.5, 0.5]])).coordination; // [0.7071…] (C = 1, T = 0.5)
 */
export function couplingCoordination(u: DataMatrix, options: CouplingCoordinationOptions = {}): CouplingCoordination {
  checkShape(u);
  requireComplete(u, 'coupling coordination');
  const { n, m: k, values } = u;
  if (k < 2) throw new FtzError('index.dimension_mismatch', { what: 'coupling coordination: subsystems (at least 2)', expected: 2, found: k });
  const beta = options.beta === undefined ? new Float64Array(k).fill(1 / k) : userWeights(options.beta, k);
  for (let i = 0; i < n * k; i++) {
    const v = values[i] as number;
    if (v < 0 || v > 1) throw new FtzError('index.out_of_range', { what: 'subsystem score U', unit: unitLabel(u, Math.floor(i / k)), value: v, min: 0, max: 1 });
  }
  const coupling = new Float64Array(n);
  const development = new Float64Array(n);
  const coordination = new Float64Array(n);
  const classes: CoordinationClass[] = [];
  for (let i = 0; i < n; i++) {
    const sum = new NeumaierAccumulator();
    const t = new NeumaierAccumulator();
    let logProduct = 0;
    let anyZero = false;
    for (let s = 0; s < k; s++) {
      const v = values[i * k + s] as number;
      sum.add(v);
      t.add((beta[s] as number) * v);
      if (v === 0) anyZero = true;
      else logProduct += Math.log(v);
    }
    const mean = sum.value / k;
    // In logs: C = exp(mean ln U − ln mean U), the geometric/arithmetic mean ratio; avoids underflow of Π U.
    const c = anyZero || mean === 0 ? 0 : Math.min(1, Math.exp(logProduct / k - Math.log(mean)));
    const tv = t.value;
    coupling[i] = c;
    development[i] = tv;
    const d = Math.sqrt(c * tv);
    coordination[i] = d;
    classes.push(coordinationClass(d));
  }
  return { coupling, development, coordination, classes };
}
