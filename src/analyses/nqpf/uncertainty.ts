import { isFtzError } from '../../core/errors.js';
import type { DataMatrix, Direction } from '../../methods/index/index.js';
import { createRng } from '../../numeric/rng.js';
import type { Framework } from './frameworkSchema.js';
import type { IndexSpec } from './indexSpec.js';
import { runPipeline, type PipelineOptions } from './pipeline.js';

/** The alternatives sampled in each replication (COINr `get_sensitivity` style, Saisana et al. 2005). */
const NORMALISATIONS: PipelineOptions['normalisation'][] = [
  { method: 'minmax', shift: 0.01, scope: 'pooled' },
  { method: 'minmax', shift: 0.0001, scope: 'pooled' },
  { method: 'minmax', shift: 0.01, scope: 'year' },
];
const WEIGHTS: PipelineOptions['weights']['method'][] = ['entropy', 'critic', 'equal'];
const AGGREGATIONS: PipelineOptions['aggregation']['method'][] = ['arithmetic', 'geometric'];
/** each leaf weight is multiplied by a uniform factor in [1 − r, 1 + r] */
const PERTURBATION = 0.25;

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Rank uncertainty: the index is recomputed `replications` times, each with a normalisation, weighting method
 * and aggregation drawn uniformly from the alternatives above and every leaf weight perturbed by ±25 % (dimension
 * weights set by hand are kept in every run); the ranks of the regions in `year` give a median and a 5–95 % interval per region. Draws come from one seeded
 * generator, so the same spec gives the same intervals. Replications whose options cannot run on this data
 * (e.g. a zero-variance column in one year) are skipped and counted.
 */
export function rankUncertainty(
  raw: DataMatrix, directions: readonly Direction[], groups: Int32Array, framework: Framework, spec: IndexSpec,
  unitYears: readonly number[], year: number, onProgress: (done: number, total: number) => void,
): { median: Float64Array; q05: Float64Array; q95: Float64Array; used: number; skipped: number } {
  const rng = createRng(spec.uncertainty.seed);
  const idx = unitYears.map((y, i) => (y === year ? i : -1)).filter((i) => i >= 0);
  const ranks: number[][] = idx.map(() => []);
  const total = spec.uncertainty.replications;
  let skipped = 0;
  const step = Math.max(1, Math.floor(total / 100));
  for (let rep = 0; rep < total; rep++) {
    const o: PipelineOptions = {
      normalisation: NORMALISATIONS[rng.integer(NORMALISATIONS.length)] as PipelineOptions['normalisation'],
      weights: { method: WEIGHTS[rng.integer(WEIGHTS.length)] as PipelineOptions['weights']['method'], ...(spec.weights.dimensions ? { dimensions: spec.weights.dimensions } : {}) },
      aggregation: { method: AGGREGATIONS[rng.integer(AGGREGATIONS.length)] as PipelineOptions['aggregation']['method'], topsisNormalisation: 'vector' },
    };
    const perturb = Float64Array.from({ length: raw.m }, () => 1 - PERTURBATION + 2 * PERTURBATION * rng.uniform());
    try {
      const r = runPipeline(raw, directions, groups, framework, o, perturb);
      const order = [...idx.keys()].sort((a, b) => (r.score[idx[b] as number] as number) - (r.score[idx[a] as number] as number));
      order.forEach((k, pos) => ranks[k]?.push(pos + 1));
    } catch (e) {
      if (!isFtzError(e)) throw e;
      skipped++;
    }
    if ((rep + 1) % step === 0 || rep + 1 === total) onProgress(rep + 1, total);
  }
  const sorted = ranks.map((r) => [...r].sort((a, b) => a - b));
  return {
    median: Float64Array.from(sorted, (r) => (r.length ? quantile(r, 0.5) : Number.NaN)),
    q05: Float64Array.from(sorted, (r) => (r.length ? quantile(r, 0.05) : Number.NaN)),
    q95: Float64Array.from(sorted, (r) => (r.length ? quantile(r, 0.95) : Number.NaN)),
    used: total - skipped,
    skipped,
  };
}
