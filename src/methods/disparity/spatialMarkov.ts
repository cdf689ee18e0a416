import { FtzError } from '../../core/errors.js';
import { spatialLag, type SpatialWeights } from '../spatial/spatialWeights.js';
import { markovChain, transitionProbabilities, type MarkovChainResult } from './markovChain.js';
import { markovHomogeneity, type MarkovHomogeneityResult } from './markovHomogeneity.js';
import { classifyPanel } from './quantileMarkov.js';
import { steadyState } from './steadyState.js';

export interface SpatialMarkovOptions {
  /** Classes of the variable (default 4, as giddy). */
  k?: number;
  /** Classes of the spatial lag (default 4, as giddy). */
  m?: number;
  /** `pooled` (default; giddy `fixed=True`) or `perPeriod` quantiles, for both the variable and its lag. */
  scope?: 'pooled' | 'perPeriod';
  /** Fixed interior cut-offs for the variable. */
  cutoffs?: readonly number[];
  /** Fixed interior cut-offs for the spatial lag. */
  lagCutoffs?: readonly number[];
}

export interface SpatialMarkovResult {
  readonly k: number;
  readonly m: number;
  /** Interior cut-offs of the variable's and the lag's classes (pooled or fixed scope only). */
  readonly cutoffs: readonly number[] | null;
  readonly lagCutoffs: readonly number[] | null;
  /** The classic (unconditioned) chain. */
  readonly classic: MarkovChainResult;
  /** Counts conditioned on the lag class at the start period: transitions[l][i][j]. */
  readonly transitions: number[][][];
  readonly probabilities: number[][][];
  /** Stationary distribution per lag class (null when not unique). */
  readonly steadyStates: (number[] | null)[];
  /** Bickenbach–Bode homogeneity tests of the m conditional matrices. */
  readonly homogeneity: MarkovHomogeneityResult;
  readonly classIds: readonly Int32Array[];
  readonly lagClassIds: readonly Int32Array[];
}

/**
 * Spatial Markov chain (Rey 2001, "Spatial empirics for economic growth and convergence", Geographical
 * Analysis 33:195, §3): transitions of each unit between consecutive periods are split by the class of its
 * spatial lag (Σ_j w_ij y_j, row-standardised W recommended) at the start period; homogeneity across lag
 * classes is tested by LR and Q (Bickenbach & Bode 2003). Matches giddy's `Spatial_Markov`.
 *
 * @example
 * const sm = spatialMarkov(relativeIncomeByYear, rowStandardisedW, { k: 5, m: 5 });
 * sm.homogeneity.LR; sm.homogeneity.pLR;
 */
export function spatialMarkov(periods: ReadonlyArray<ArrayLike<number>>, w: SpatialWeights, options: SpatialMarkovOptions = {}): SpatialMarkovResult {
  const scope = options.scope ?? 'pooled';
  for (const [t, p] of periods.entries()) {
    if (p.length !== w.n) throw new FtzError('disparity.length_mismatch', { what: `spatial Markov: units in period ${t}`, expected: w.n, found: p.length });
  }
  const y = classifyPanel(periods, options.k ?? 4, scope, options.cutoffs);
  const lags = periods.map((p) => spatialLag(w, p));
  const l = classifyPanel(lags, options.m ?? 4, scope, options.lagCutoffs);
  const k = y.k;
  const m = l.k;
  const T: number[][][] = Array.from({ length: m }, () => Array.from({ length: k }, () => new Array<number>(k).fill(0)));
  for (let t = 0; t + 1 < periods.length; t++) {
    const a = y.classIds[t] as Int32Array;
    const b = y.classIds[t + 1] as Int32Array;
    const lc = l.classIds[t] as Int32Array;
    for (let i = 0; i < w.n; i++) {
      const row = (T[lc[i] as number] as number[][])[a[i] as number] as number[];
      row[b[i] as number] = (row[b[i] as number] as number) + 1;
    }
  }
  const P = T.map(transitionProbabilities);
  // Pooled bins end at the maximum; the interior cut-offs are all but the last (giddy's `cutoffs`).
  const interior = (bins: number[][]): number[] | null => (scope === 'pooled' ? (bins[0] as number[]).slice(0, -1) : null);
  return {
    k,
    m,
    cutoffs: options.cutoffs !== undefined ? [...options.cutoffs] : interior(y.bins),
    lagCutoffs: options.lagCutoffs !== undefined ? [...options.lagCutoffs] : interior(l.bins),
    classic: markovChain(y.classIds, k),
    transitions: T,
    probabilities: P,
    steadyStates: P.map((p) => steadyState(p).distribution),
    homogeneity: markovHomogeneity(T),
    classIds: y.classIds,
    lagClassIds: l.classIds,
  };
}
