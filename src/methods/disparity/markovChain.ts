import { FtzError } from '../../core/errors.js';
import { steadyState, type ChainStructure } from './steadyState.js';

export interface MarkovChainResult {
  readonly k: number;
  /** Transition counts n_ij summed over consecutive periods. */
  readonly transitions: number[][];
  /** Maximum-likelihood probabilities p_ij = n_ij / n_i (Anderson & Goodman 1957); empty rows stay 0. */
  readonly probabilities: number[][];
  /** Classes never observed at the start of a transition (their probability row is 0). */
  readonly emptyRows: readonly number[];
  /** Stationary distribution, or null when it is not unique (several recurrent classes). */
  readonly steadyState: number[] | null;
  readonly structure: ChainStructure;
}

/** Row-normalises counts; rows with no transitions stay 0 (giddy's convention). */
export function transitionProbabilities(counts: readonly (readonly number[])[]): number[][] {
  return counts.map((row) => {
    const s = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (s > 0 ? v / s : 0));
  });
}

/**
 * A discrete first-order Markov chain estimated from class sequences (Anderson & Goodman 1957; Quah 1993's
 * distribution dynamics; giddy's `Markov`): `classIds[t][i]` is the class (0..k−1) of unit i in period t;
 * transitions are counted for every unit between consecutive periods.
 *
 * @example
 * const m = markovChain([[0, 1], [1, 1], [1, 0]], 2);
 */
export function markovChain(classIds: ReadonlyArray<ArrayLike<number>>, k: number): MarkovChainResult {
  if (classIds.length < 2) throw new FtzError('disparity.too_few_units', { method: 'Markov chain (periods)', n: classIds.length, min: 2 });
  const n = (classIds[0] as ArrayLike<number>).length;
  const T: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let t = 0; t + 1 < classIds.length; t++) {
    const a = classIds[t] as ArrayLike<number>;
    const b = classIds[t + 1] as ArrayLike<number>;
    if (a.length !== n || b.length !== n) throw new FtzError('disparity.length_mismatch', { what: `Markov chain: units in period ${t + 1}`, expected: n, found: b.length });
    for (let i = 0; i < n; i++) {
      const from = a[i] as number;
      const to = b[i] as number;
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < 0 || from >= k || to >= k) {
        throw new FtzError('disparity.option_invalid', { option: `class of unit ${i}`, value: `${from}→${to}`, reason: `classes must be integers in 0..${k - 1}` });
      }
      (T[from] as number[])[to] = ((T[from] as number[])[to] as number) + 1;
    }
  }
  const P = transitionProbabilities(T);
  const emptyRows = T.flatMap((row, i) => (row.every((v) => v === 0) ? [i] : []));
  const ss = steadyState(P);
  return { k, transitions: T, probabilities: P, emptyRows, steadyState: ss.distribution, structure: ss.structure };
}
