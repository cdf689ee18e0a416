import { finiteValues, groupIndex, requireNonNegative, requirePositive, unitWeights } from './checks.js';
import { FtzError } from '../../core/errors.js';

export interface TheilDecompositionOptions {
  /** `T` (GE(1), default) or `L` (GE(0)). */
  index?: 'T' | 'L';
  /** Population weights; default equal weights (pysal inequality's `TheilD`). */
  weights?: ArrayLike<number>;
}

export interface TheilDecompositionResult {
  readonly index: 'T' | 'L';
  readonly total: number;
  readonly within: number;
  readonly between: number;
  readonly groups: readonly (string | number)[];
  /** Population share P_g and income share S_g of each group. */
  readonly populationShares: readonly number[];
  readonly incomeShares: readonly number[];
  /** The index computed inside each group. */
  readonly groupIndex: readonly number[];
  /** Each group's contribution to `within` (S_g·T_g for T, P_g·L_g for L). */
  readonly withinContributions: readonly number[];
  /** within/total and between/total. */
  readonly shares: { readonly within: number; readonly between: number };
}

/**
 * Additive decomposition of Theil's T or L into within- and between-group parts (Shorrocks 1980,
 * Econometrica 48:613, eq. 23; Bourguignon 1979):
 * T = Σ_g S_g T_g + Σ_g S_g ln(S_g/P_g) and L = Σ_g P_g L_g + Σ_g P_g ln(P_g/S_g),
 * with group population shares P_g and income shares S_g. With equal weights the between part of T equals
 * pysal inequality's `TheilD.bg`.
 *
 * @example
 * const d = theilDecomposition(gdpPerCapita, region, { index: 'T', weights: population });
 */
export function theilDecomposition(
  values: ArrayLike<number>,
  groups: ArrayLike<string | number>,
  options: TheilDecompositionOptions = {},
): TheilDecompositionResult {
  const which = options.index ?? 'T';
  const method = `Theil ${which} decomposition`;
  const y = finiteValues(method, values, 1);
  if (which === 'T') requireNonNegative(method, y);
  else requirePositive(method, y);
  const w = unitWeights(method, y.length, options.weights);
  const { labels, index } = groupIndex(y.length, groups);
  const k = labels.length;
  let W = 0;
  let Y = 0;
  for (let i = 0; i < y.length; i++) {
    W += w[i] as number;
    Y += (w[i] as number) * (y[i] as number);
  }
  if (!(Y > 0)) throw new FtzError('disparity.constant_variable', { method, variable: 'values (total is zero)' });
  const P = new Float64Array(k);
  const S = new Float64Array(k);
  for (let i = 0; i < y.length; i++) {
    const g = index[i] as number;
    P[g] = (P[g] as number) + (w[i] as number) / W;
    S[g] = (S[g] as number) + ((w[i] as number) * (y[i] as number)) / Y;
  }
  const gIndex = new Float64Array(k);
  for (let i = 0; i < y.length; i++) {
    const g = index[i] as number;
    const pi = (w[i] as number) / W / (P[g] as number);
    const Sg = S[g] as number;
    if (which === 'T') {
      if (Sg === 0) continue; // a group with zero income has T_g = 0 by convention and zero weight S_g
      const si = ((w[i] as number) * (y[i] as number)) / Y / Sg;
      if (si > 0) gIndex[g] = (gIndex[g] as number) + si * Math.log(si / pi);
    } else {
      const si = ((w[i] as number) * (y[i] as number)) / Y / Sg;
      gIndex[g] = (gIndex[g] as number) + pi * Math.log(pi / si);
    }
  }
  let within = 0;
  let between = 0;
  const contributions: number[] = [];
  for (let g = 0; g < k; g++) {
    const Pg = P[g] as number;
    const Sg = S[g] as number;
    const c = (which === 'T' ? Sg : Pg) * (gIndex[g] as number);
    contributions.push(c);
    within += c;
    if (which === 'T') between += Sg > 0 ? Sg * Math.log(Sg / Pg) : 0;
    else between += Pg * Math.log(Pg / Sg);
  }
  const total = within + between;
  return {
    index: which,
    total,
    within,
    between,
    groups: labels,
    populationShares: Array.from(P),
    incomeShares: Array.from(S),
    groupIndex: Array.from(gIndex),
    withinContributions: contributions,
    shares: total > 0 ? { within: within / total, between: between / total } : { within: Number.NaN, between: Number.NaN },
  };
}
