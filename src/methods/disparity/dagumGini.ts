import { FtzError } from '../../core/errors.js';
import { finiteValues, groupIndex, requireNonNegative } from './checks.js';

export interface DagumGiniResult {
  /** Group labels, sorted (numbers ascending, strings by `localeCompare`). */
  readonly groups: readonly (string | number)[];
  readonly sizes: readonly number[];
  readonly means: readonly number[];
  /** Overall Gini G (Dagum 1997 eq. 2). */
  readonly gini: number;
  /** Within-group Gini G_jj per group (eq. 3). */
  readonly withinGini: readonly number[];
  /** Between-group Gini G_jh (eq. 4); symmetric, diagonal = G_jj. */
  readonly betweenGini: readonly (readonly number[])[];
  /** Relative economic affluence D_jh ∈ [0, 1] (eq. 9–11); symmetric, diagonal 0. */
  readonly affluence: readonly (readonly number[])[];
  /** Within-group component Gw = Σ_j G_jj p_j s_j. */
  readonly within: number;
  /** Net between-group component Gnb = Σ_{j>h} G_jh (p_j s_h + p_h s_j) D_jh. */
  readonly netBetween: number;
  /** Transvariation (intensity of overlap) Gt = Σ_{j>h} G_jh (p_j s_h + p_h s_j)(1 − D_jh). */
  readonly transvariation: number;
  /** Contribution shares Gw/G, Gnb/G, Gt/G (sum to 1). */
  readonly shares: { readonly within: number; readonly netBetween: number; readonly transvariation: number };
}

interface SortedGroup {
  y: Float64Array;
  prefix: Float64Array;
}

function sortedGroup(values: number[]): SortedGroup {
  const y = Float64Array.from(values).sort();
  const prefix = new Float64Array(y.length + 1);
  for (let i = 0; i < y.length; i++) prefix[i + 1] = (prefix[i] as number) + (y[i] as number);
  return { y, prefix };
}

/** Σ_i Σ_r (a_i − b_r)⁺ and Σ_i Σ_r |a_i − b_r| over two sorted groups, by binary search on prefix sums. */
function pairSums(a: SortedGroup, b: SortedGroup): { positive: number; absolute: number } {
  const nb = b.y.length;
  const bTotal = b.prefix[nb] as number;
  let positive = 0;
  let absolute = 0;
  let idx = 0;
  for (let i = 0; i < a.y.length; i++) {
    const ai = a.y[i] as number;
    // a is sorted, so the count of b below ai only grows: a merge walk.
    while (idx < nb && (b.y[idx] as number) < ai) idx++;
    const below = ai * idx - (b.prefix[idx] as number);
    const above = bTotal - (b.prefix[idx] as number) - ai * (nb - idx);
    positive += below;
    absolute += below + above;
  }
  return { positive, absolute };
}

/**
 * Dagum's (1997) Gini decomposition by subgroups (Dagum, C., "A new approach to the decomposition of the
 * Gini income inequality ratio", Empirical Economics 22:515–531): G = Gw + Gnb + Gt, with group Ginis G_jj
 * (eq. 3), between-group Ginis G_jh (eq. 4), population shares p_j = n_j/n, income shares
 * s_j = n_j Ȳ_j/(n Ȳ), and relative affluence D_jh = (d_jh − p_jh)/(d_jh + p_jh), where d_jh is the mean
 * of (y_ji − y_hr)⁺ and p_jh that of (y_hr − y_ji)⁺ for Ȳ_j ≥ Ȳ_h. Units count once each (no weights).
 * Groups are given as one label per unit (macro-region, FTZ batch, FTZ vs non-FTZ).
 *
 * @example
 * const d = dagumGini(gdpPerCapita, macroRegion); // d.within + d.netBetween + d.transvariation === d.gini
 */
export function dagumGini(values: ArrayLike<number>, groups: ArrayLike<string | number>): DagumGiniResult {
  const y = finiteValues('Dagum Gini', values, 2);
  requireNonNegative('Dagum Gini', y);
  const { labels, index } = groupIndex(y.length, groups);
  const k = labels.length;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < y.length; i++) members[index[i] as number]?.push(y[i] as number);
  const sg = members.map(sortedGroup);
  const n = y.length;
  const sizes = members.map((m) => m.length);
  const totals = sg.map((g) => g.prefix[g.y.length] as number);
  const means = totals.map((t, j) => t / (sizes[j] as number));
  const grand = totals.reduce((a, b) => a + b, 0);
  const mean = grand / n;
  if (!(mean > 0)) throw new FtzError('disparity.constant_variable', { method: 'Dagum Gini', variable: 'values (mean is zero)' });
  if (means.some((m) => !(m > 0))) throw new FtzError('disparity.groups_invalid', { reason: 'a group has zero mean, so its Gini is undefined' });

  const p = sizes.map((s) => s / n);
  const s = totals.map((t) => t / grand);
  const G: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const D: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let absAll = 0;
  let within = 0;
  let netBetween = 0;
  let transvariation = 0;
  for (let j = 0; j < k; j++) {
    const gj = sg[j] as SortedGroup;
    const nj = sizes[j] as number;
    const self = pairSums(gj, gj);
    const gjj = self.absolute / (2 * nj * nj * (means[j] as number));
    (G[j] as number[])[j] = gjj;
    absAll += self.absolute;
    within += gjj * (p[j] as number) * (s[j] as number);
    for (let h = 0; h < j; h++) {
      const gh = sg[h] as SortedGroup;
      const nh = sizes[h] as number;
      const ps = pairSums(gj, gh);
      absAll += 2 * ps.absolute;
      const gjh = ps.absolute / (nj * nh * ((means[j] as number) + (means[h] as number)));
      // Orient so that the richer group is "j" in Dagum's d_jh; D is then non-negative.
      const dPlus = (means[j] as number) >= (means[h] as number) ? ps.positive : ps.absolute - ps.positive;
      const dMinus = ps.absolute - dPlus;
      const djh = ps.absolute > 0 ? (dPlus - dMinus) / ps.absolute : 0;
      (G[j] as number[])[h] = gjh;
      (G[h] as number[])[j] = gjh;
      (D[j] as number[])[h] = djh;
      (D[h] as number[])[j] = djh;
      const weight = (p[j] as number) * (s[h] as number) + (p[h] as number) * (s[j] as number);
      netBetween += gjh * weight * djh;
      transvariation += gjh * weight * (1 - djh);
    }
  }
  const g = absAll / (2 * n * n * mean);
  return {
    groups: labels,
    sizes,
    means,
    gini: g,
    withinGini: G.map((row, j) => row[j] as number),
    betweenGini: G,
    affluence: D,
    within,
    netBetween,
    transvariation,
    shares: g > 0 ? { within: within / g, netBetween: netBetween / g, transvariation: transvariation / g } : { within: Number.NaN, netBetween: Number.NaN, transvariation: Number.NaN },
  };
}
