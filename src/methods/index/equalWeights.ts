import { FtzError } from '../../core/errors.js';

/**
 * Equal weights 1/m (the OECD/JRC Handbook's default when no information supports other weights).
 *
 * @example
 * equalWeights(4); // [0.25, 0.25, 0.25, 0.25]
 */
export function equalWeights(m: number): Float64Array {
  if (!Number.isInteger(m) || m < 1) throw new FtzError('index.weights_invalid', { reason: `equal weights need at least one indicator (got ${m})` });
  return new Float64Array(m).fill(1 / m);
}
