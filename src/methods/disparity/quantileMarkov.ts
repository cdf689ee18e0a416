import { FtzError } from '../../core/errors.js';
import { classify, quantileClasses } from './quantileClasses.js';
import { markovChain, type MarkovChainResult } from './markovChain.js';

export interface QuantileMarkovOptions {
  /** Number of classes (default 5, quintiles). */
  k?: number;
  /**
   * `perPeriod` (default): quantiles within each period, as giddy's `Markov` example on usjoin;
   * `pooled`: one set of quantile bounds over all periods (giddy `Spatial_Markov(fixed=True)`).
   */
  scope?: 'perPeriod' | 'pooled';
  /** Fixed interior cut-offs (ascending) instead of quantiles: class c holds y ≤ cutoffs[c]. */
  cutoffs?: readonly number[];
}

export interface QuantileMarkovResult extends MarkovChainResult {
  /** Class of each unit per period. */
  readonly classIds: readonly Int32Array[];
  /** Upper class bounds used (pooled or fixed cut-offs; per period: one array per period). */
  readonly bins: readonly (readonly number[])[];
}

/**
 * Classifies continuous values into quantile (or fixed) classes and estimates the Markov chain of class
 * transitions (Quah 1993; Rey 2001 §2). `periods[t][i]` is unit i's value in period t.
 *
 * @example
 * const m = quantileMarkov(incomeByYear, { k: 5, scope: 'perPeriod' });
 */
export function quantileMarkov(periods: ReadonlyArray<ArrayLike<number>>, options: QuantileMarkovOptions = {}): QuantileMarkovResult {
  const { classIds, bins, k } = classifyPanel(periods, options.k ?? 5, options.scope ?? 'perPeriod', options.cutoffs);
  return { ...markovChain(classIds, k), classIds, bins };
}

/** Shared by quantileMarkov and spatialMarkov: classify a panel by period or pooled quantiles or cut-offs. */
export function classifyPanel(
  periods: ReadonlyArray<ArrayLike<number>>,
  k: number,
  scope: 'perPeriod' | 'pooled',
  cutoffs: readonly number[] | undefined,
): { classIds: Int32Array[]; bins: number[][]; k: number } {
  if (periods.length < 2) throw new FtzError('disparity.too_few_units', { method: 'Markov chain (periods)', n: periods.length, min: 2 });
  if (cutoffs !== undefined) {
    const bounds = [...cutoffs, Infinity];
    return { classIds: periods.map((p) => classify(p, bounds)), bins: [bounds], k: bounds.length };
  }
  if (scope === 'pooled') {
    const all: number[] = [];
    for (const p of periods) for (let i = 0; i < p.length; i++) all.push(p[i] as number);
    const q = quantileClasses(all, k);
    return { classIds: periods.map((p) => classify(p, q.bins)), bins: [[...q.bins]], k: q.k };
  }
  const per = periods.map((p) => quantileClasses(p, k));
  const kk = Math.max(...per.map((q) => q.k));
  return { classIds: per.map((q) => q.classes), bins: per.map((q) => [...q.bins]), k: kk };
}
