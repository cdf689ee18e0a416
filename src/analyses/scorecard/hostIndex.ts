import type { Label, Result, Table } from '../../core/result.js';
import type { Db } from '../../store/duckdb.js';
import { datasetVersionsOf } from '../../store/datasets.js';
import { cachedValue } from '../../store/resultCache.js';
import { loadFramework } from '../nqpf/framework.js';
import { frameworkSeries } from '../nqpf/frameworkSchema.js';
import { runIndex } from '../nqpf/runIndex.js';
import type { ScorecardSpec } from './scorecardSpec.js';

/** The tables of an index run the scorecard keeps (the rest — dynamics, disparity — live in `index run`). */
const KEPT = ['conventions', 'scores', 'weights', 'dimension_weights', 'rank_uncertainty'];

export interface RegionIndex {
  readonly score: number;
  readonly rank: number;
  readonly dims: readonly number[];
  /** median and 5–95 % range of the rank over the uncertainty runs */
  readonly rankInterval: { readonly median: number; readonly q05: number; readonly q95: number } | null;
}

export interface HostIndex {
  readonly framework: { readonly id: string; readonly version: number; readonly name: Label };
  readonly year: number;
  readonly regions: number;
  readonly dimensions: readonly { readonly code: string; readonly name: Label; readonly weight: number }[];
  readonly byRegion: ReadonlyMap<string, RegionIndex>;
  /** index by region and year, for trends */
  readonly series: ReadonlyMap<string, ReadonlyMap<number, number>>;
  readonly tables: readonly Table[];
  readonly sourceIds: readonly string[];
  readonly replications: number;
  readonly command: string;
}

const get = (t: Table | undefined, name: string): readonly (string | number | boolean | null)[] => t?.columns.find((c) => c.name === name)?.values ?? [];

/**
 * The NQPF index of every province under the scorecard's index options, run once and cached (key: the options
 * and the data's hash), read for the latest year with the rank interval from the uncertainty runs.
 */
export async function hostIndex(store: Db, spec: ScorecardSpec['index']): Promise<HostIndex> {
  const framework = loadFramework(spec.framework);
  const indexSpec = {
    framework: spec.framework, normalisation: spec.normalisation, weights: spec.weights, aggregation: spec.aggregation,
    uncertainty: { replications: spec.replications, seed: spec.seed }, spatial: { permutations: 0 },
  };
  const datasets = await datasetVersionsOf(store, frameworkSeries(framework));
  const { value: r } = await cachedValue(store, 'scorecard.index', { indexSpec, framework, datasets }, async (): Promise<Result> => {
    const full = await runIndex(store, indexSpec);
    return { ...full, tables: full.tables.filter((t) => KEPT.includes(t.name)) };
  });
  const scores = r.tables.find((t) => t.name === 'scores');
  const region = get(scores, 'region') as string[];
  const years = get(scores, 'year') as number[];
  const score = get(scores, 'score') as number[];
  const rank = get(scores, 'rank') as number[];
  const year = Math.max(...years);
  const dims = framework.tree.map((d) => d.code);
  const dw = r.tables.find((t) => t.name === 'dimension_weights');
  const dwCodes = get(dw, 'code') as string[];
  const dwWeights = get(dw, 'weight') as number[];
  const unc = r.tables.find((t) => t.name === 'rank_uncertainty');
  const uRegion = get(unc, 'region') as string[];
  const byRegion = new Map<string, RegionIndex>();
  const series = new Map<string, Map<number, number>>();
  region.forEach((code, i) => {
    const m = series.get(code) ?? new Map<number, number>();
    m.set(years[i] as number, score[i] as number);
    series.set(code, m);
    if (years[i] !== year) return;
    const u = uRegion.indexOf(code);
    byRegion.set(code, {
      score: score[i] as number,
      rank: rank[i] as number,
      dims: dims.map((d) => get(scores, `dim_${d}`)[i] as number),
      rankInterval: u >= 0 ? { median: get(unc, 'median')[u] as number, q05: get(unc, 'q05')[u] as number, q95: get(unc, 'q95')[u] as number } : null,
    });
  });
  // `index run` takes these choices from a spec file: name every one that differs from its defaults.
  const choices = [
    spec.weights.method !== 'entropy' || spec.weights.dimensions ? `weights ${spec.weights.method}${spec.weights.dimensions ? ` (dimensions ${spec.weights.dimensions.join(':')})` : ''}` : '',
    spec.normalisation.method !== 'minmax' || spec.normalisation.scope !== 'pooled' || spec.normalisation.shift !== 0.01 ? `normalisation ${spec.normalisation.method} ${spec.normalisation.scope}` : '',
    spec.aggregation.method !== 'arithmetic' ? `aggregation ${spec.aggregation.method}` : '',
  ].filter(Boolean);
  return {
    framework: { id: framework.id, version: framework.version, name: framework.name },
    year,
    regions: byRegion.size,
    dimensions: framework.tree.map((d) => ({ code: d.code, name: d.name, weight: dwWeights[dwCodes.indexOf(d.code)] ?? Number.NaN })),
    byRegion,
    series,
    tables: r.tables,
    sourceIds: scores?.sourceIds ?? [],
    replications: spec.replications,
    command: `index run --framework ${framework.id}${choices.length ? ` (spec: ${choices.join('; ')})` : ''} --replications ${spec.replications}`,
  };
}
