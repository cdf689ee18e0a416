import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { FtzError } from '../../core/errors.js';
import { bundledDir } from '../../core/paths.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Result, Table, Warning } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import { couplingCoordination, obstacleDegree, type DataMatrix, type Direction } from '../../methods/index/index.js';
import { inverseDistanceWeights, queenContiguity, transformWeights, type PolygonFeature, type SpatialWeights } from '../../methods/spatial/index.js';
import { listRegions, listSources, listZoneRecords } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { importDatasetFile } from '../datasets.js';
import { conventionsTable } from './conventions.js';
import { dynamicsTables, type ScorePanel } from './dynamics.js';
import { loadFramework } from './framework.js';
import { frameworkLeaves, frameworkSeries } from './frameworkSchema.js';
import { indexSpecSchema, type IndexSpec, type IndexSpecInput } from './indexSpec.js';
import { computeLeaves, missingCells } from './leafPanel.js';
import { loadSeriesPanel } from './panel.js';
import { runPipeline } from './pipeline.js';
import { column as col, table } from './tables.js';
import { rankUncertainty } from './uncertainty.js';

export interface RunIndexOptions {
  readonly onProgress?: (done: number, total: number, stage: string) => void;
  /** province boundaries for contiguity; default the bundled base map */
  readonly basemapPath?: string;
}

export function parseIndexSpec(input: unknown): IndexSpec {
  const parsed = indexSpecSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  return parsed.data;
}

function provinceWeights(regions: readonly string[], basemapPath: string, o: IndexSpec['spatial']): { w: SpatialWeights; islands: readonly string[] } {
  const geo = JSON.parse(readFileSync(basemapPath, 'utf8')) as { features: PolygonFeature[] };
  const byId = new Map(geo.features.map((f) => [String(f.properties?.code ?? f.id), f]));
  const lacking = regions.filter((r) => !byId.has(r));
  if (lacking.length > 0) throw new FtzError('spatial.weights_invalid', { reason: `the base map lacks ${lacking.join(', ')}` });
  const ordered = regions.map((r) => byId.get(r) as PolygonFeature);
  if (o.weights === 'inverse_distance') {
    const cp = ordered.map((f) => f.properties?.cp as [number, number] | undefined);
    if (cp.some((c) => !Array.isArray(c))) throw new FtzError('spatial.weights_invalid', { reason: 'the base map has no centre point (properties.cp) for every region' });
    const w = inverseDistanceWeights([...regions], cp.map((c) => (c as [number, number])[0]), cp.map((c) => (c as [number, number])[1]), {
      power: o.power, ...(o.cutoffKm !== undefined ? { cutoffKm: o.cutoffKm } : {}),
    });
    return { w: transformWeights(w, 'row'), islands: [] };
  }
  const q = queenContiguity(ordered, { idProperty: 'code', tolerance: 1e-3, islandNeighbors: 1 });
  return { w: transformWeights(q.weights, 'row'), islands: q.islands };
}

/**
 * Builds an NQPF composite index from a framework and the bundled (or imported) provincial panel, and
 * analyses it: weights, scores and ranks by region and year, dimension scores, TOPSIS distances, obstacle
 * degrees, coupling coordination between dimensions, regional disparity (Dagum, Theil), dynamics (kernel
 * density, Markov, spatial Markov), spatial autocorrelation (Moran, LISA), convergence and rank
 * uncertainty. Every convention is listed in the `conventions` table.
 */
export async function runIndex(store: Db, input: IndexSpecInput | unknown, options: RunIndexOptions = {}): Promise<Result<'nqpf_index', IndexSpec>> {
  const spec = parseIndexSpec(input);
  const progress = options.onProgress ?? (() => {});
  const framework = loadFramework(spec.framework);
  const warnings: Warning[] = [];
  if (spec.data.file) {
    const name = spec.data.dataset ?? basename(spec.data.file, extname(spec.data.file)).replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 64);
    const imported = await importDatasetFile(store, spec.data.file, { dataset: name });
    warnings.push({
      code: 'index.data_imported',
      message: {
        zh: `已将 ${basename(spec.data.file)} 导入为数据集“${imported.dataset.name}”第 ${imported.dataset.version} 版（${imported.dataset.rows} 行）。`,
        en: `Imported ${basename(spec.data.file)} as dataset "${imported.dataset.name}" version ${imported.dataset.version} (${imported.dataset.rows} rows).`,
      },
    });
  }

  // Regions and years: the spec's, else the framework's scope, else what the data covers.
  const provinces = await listRegions(store, 'province');
  const names = new Map(provinces.map((r) => [r.code, r]));
  const excluded = spec.data.regions === 'provinces' ? (framework.scope?.exclude_regions ?? []) : [];
  const regions = spec.data.regions === 'provinces' ? provinces.map((r) => r.code).filter((c) => !excluded.includes(c)) : spec.data.regions;
  const series = frameworkSeries(framework);
  const span = await store.one<{ lo: number | null; hi: number | null }>(
    `SELECT max(lo) AS lo, min(hi) AS hi FROM (
       SELECT indicator, min(year) AS lo, max(year) AS hi FROM (
         SELECT indicator, year FROM observation UNION ALL SELECT indicator, year FROM user_observation)
       WHERE indicator IN (${series.map(() => '?').join(', ')}) GROUP BY indicator)`,
    series,
  );
  const from = spec.data.from ?? framework.scope?.from ?? span?.lo ?? 2010;
  const to = spec.data.to ?? framework.scope?.to ?? span?.hi ?? from;
  if (to < from) throw new FtzError('api.bad_request', { issues: `data.to (${to}) is before data.from (${from})` });
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  progress(0, 1, 'data');

  const panel = await loadSeriesPanel(store, { series, regions, years });
  for (const code of panel.unknown) throw new FtzError('index.unknown_indicator', { framework: framework.id, code });
  const leaves = computeLeaves(framework, panel);
  const missing = missingCells(leaves);
  const leafMeta = frameworkLeaves(framework);
  let rows = regions.flatMap((region, r) => years.map((year, t) => ({ region, year, r, t })));
  // A year in which an indicator has no value anywhere is named as such: usually the data ends earlier.
  for (const code of leaves.codes) {
    const v = leaves.values.get(code) as Float64Array;
    for (let t = 0; t < years.length; t++) {
      if (regions.every((_, r) => Number.isNaN(v[r * years.length + t] as number))) {
        throw new FtzError('index.all_missing', { indicator: code, scope: `year ${years[t]}: set data.from/data.to to the years the data covers` });
      }
    }
  }
  if (missing.length > 0) {
    if (spec.data.missing === 'error') {
      const first = missing[0] as (typeof missing)[number];
      throw new FtzError('index.missing_values', {
        indicator: first.indicators.join(', '),
        count: missing.length,
        method: `this run (first gap: ${first.region} ${first.year}; set "data": {"missing": "drop"} to leave such region–years out, or narrow regions and years)`,
      });
    }
    const gap = new Set(missing.map((m) => `${m.region}:${m.year}`));
    rows = rows.filter((x) => !gap.has(`${x.region}:${x.year}`));
    warnings.push({
      code: 'index.dropped_region_years',
      message: {
        zh: `${missing.length} 个地区—年份缺少指标，已按设定（missing: drop）剔除，未作插补：${missing.slice(0, 12).map((m) => `${m.region} ${m.year}`).join('、')}${missing.length > 12 ? ' 等' : ''}。`,
        en: `${missing.length} region–years lack an indicator and were left out as set (missing: drop); nothing was imputed: ${missing.slice(0, 12).map((m) => `${m.region} ${m.year}`).join(', ')}${missing.length > 12 ? ' …' : ''}.`,
      },
      details: missing,
    });
  }
  if (rows.length < 3) throw new FtzError('disparity.too_few_units', { method: 'index run (region–years left)', n: rows.length, min: 3 });

  const m = leaves.codes.length;
  const values = new Float64Array(rows.length * m);
  rows.forEach((row, i) => {
    leaves.codes.forEach((c, j) => { values[i * m + j] = (leaves.values.get(c) as Float64Array)[row.r * years.length + row.t] as number; });
  });
  const raw: DataMatrix = { n: rows.length, m, values, units: rows.map((x) => `${x.region} ${x.year}`), indicators: [...leaves.codes] };
  const directions: Direction[] = leafMeta.map((l) => (l.leaf.direction === '+' ? 1 : -1));
  const groups = Int32Array.from(rows, (x) => x.year);
  const result = runPipeline(raw, directions, groups, framework, spec);
  progress(1, 3, 'index');

  // Scores and ranks within each year (1 = highest).
  const dimCodes = result.dimensions;
  const dimNames = framework.tree.map((d) => d.name);
  const rankOf = new Float64Array(rows.length);
  for (const year of years) {
    const idx = rows.map((x, i) => (x.year === year ? i : -1)).filter((i) => i >= 0);
    idx.sort((a, b) => (result.score[b] as number) - (result.score[a] as number));
    idx.forEach((i, k) => { rankOf[i] = k + 1; });
  }
  const scoreCols = [
    col('region', 'text', '地区代码', 'region code', rows.map((x) => x.region)),
    col('name_zh', 'text', '地区', 'region (zh)', rows.map((x) => names.get(x.region)?.short_zh ?? x.region)),
    col('name_en', 'text', '地区（英文）', 'region', rows.map((x) => names.get(x.region)?.name_en ?? x.region)),
    col('year', 'integer', '年份', 'year', rows.map((x) => x.year)),
    col('score', 'number', spec.aggregation.method === 'topsis' ? '贴近度 C' : '综合指数', spec.aggregation.method === 'topsis' ? 'closeness C' : 'index', [...result.score]),
    col('rank', 'integer', '年内位次', 'rank in year', [...rankOf]),
    ...dimCodes.map((d, k) => col(`dim_${d}`, 'number', dimNames[k]?.zh ?? d, dimNames[k]?.en ?? d, rows.map((_, i) => result.dimensionScores[i * dimCodes.length + k] as number))),
  ];
  const allSources = [...new Set([...leaves.sources.values()].flat())].sort();
  const tables: Table[] = [table('scores', { zh: '综合指数、分维度得分与位次', en: 'Index, dimension scores and ranks' }, scoreCols, allSources)];
  if (result.topsis) {
    const tp = result.topsis;
    tables.push(table('topsis', { zh: 'TOPSIS 距离与贴近度', en: 'TOPSIS distances and closeness' }, [
      col('region', 'text', '地区代码', 'region code', rows.map((x) => x.region)), col('year', 'integer', '年份', 'year', rows.map((x) => x.year)),
      col('d_plus', 'number', '正理想解距离 D+', 'distance to ideal D+', [...tp.dPlus]),
      col('d_minus', 'number', '负理想解距离 D−', 'distance to anti-ideal D−', [...tp.dMinus]),
      col('closeness', 'number', '贴近度 C', 'closeness C', [...tp.closeness]),
    ], allSources));
  }

  // Weights: every indicator with its dimension, direction, unit, effective weight and sources.
  const diag = result.weightDiagnostics;
  const arr = (k: string): readonly number[] | null => (Array.isArray(diag[k]) ? (diag[k] as number[]) : null);
  tables.push(table('weights', { zh: '指标与权重', en: 'Indicators and weights' }, [
    col('dimension', 'text', '维度', 'dimension', leafMeta.map((l) => l.path[0]?.code ?? '')),
    col('dimension_name', 'text', '维度名称', 'dimension name', leafMeta.map((l) => `${l.path[0]?.name.zh ?? ''} / ${l.path[0]?.name.en ?? ''}`)),
    col('code', 'text', '指标代码', 'indicator code', leafMeta.map((l) => l.leaf.code)),
    col('name_zh', 'text', '指标', 'indicator (zh)', leafMeta.map((l) => l.leaf.name.zh)),
    col('name_en', 'text', '指标（英文）', 'indicator', leafMeta.map((l) => l.leaf.name.en)),
    col('unit', 'text', '单位', 'unit', leafMeta.map((l) => `${l.leaf.unit.zh} / ${l.leaf.unit.en}`)),
    col('direction', 'text', '方向', 'direction', leafMeta.map((l) => l.leaf.direction)),
    col('formula', 'text', '计算', 'formula', leafMeta.map((l) => (l.leaf.formula.op === 'value' ? l.leaf.formula.of : `${l.leaf.formula.num} / ${l.leaf.formula.den} × ${l.leaf.formula.scale}`))),
    col('weight', 'number', '权重', 'weight', [...result.leafWeights]),
    ...(arr('entropy') ? [col('entropy', 'number', '信息熵', 'entropy', [...(arr('entropy') ?? [])]), col('divergence', 'number', '差异系数', 'divergence', [...(arr('divergence') ?? [])])] : []),
    col('sources', 'text', '来源', 'sources', leaves.codes.map((c) => (leaves.sources.get(c) ?? []).join('; '))),
  ], allSources));
  tables.push(table('dimension_weights', { zh: '维度权重', en: 'Dimension weights' }, [
    col('code', 'text', '维度代码', 'dimension code', [...dimCodes]),
    col('name_zh', 'text', '维度', 'dimension (zh)', dimNames.map((d) => d.zh)), col('name_en', 'text', '维度（英文）', 'dimension', dimNames.map((d) => d.en)),
    col('weight', 'number', '权重', 'weight', dimCodes.map((d) => result.effective.get(d) ?? 0)),
  ]));

  // Obstacle degree (latest year, min-max normalised indicators) and coupling coordination of the dimensions.
  const lastYear = Math.max(...rows.map((x) => x.year));
  if (spec.normalisation.method === 'minmax') {
    const od = obstacleDegree(result.normalised, result.leafWeights, { dimensions: leafMeta.map((l) => framework.tree.findIndex((d) => d.code === l.path[0]?.code)) });
    const idx = rows.map((x, i) => (x.year === lastYear ? i : -1)).filter((i) => i >= 0);
    const top = idx.map((i) => {
      const degs = leaves.codes.map((c, j) => ({ c, d: od.indicators.values[i * m + j] as number })).sort((a, b) => b.d - a.d);
      return degs.slice(0, 3);
    });
    tables.push(table('obstacles', { zh: `障碍度（${lastYear} 年）`, en: `Obstacle degrees (${lastYear})` }, [
      col('region', 'text', '地区代码', 'region code', idx.map((i) => rows[i]?.region ?? '')),
      col('name', 'text', '地区', 'region', idx.map((i) => names.get(rows[i]?.region ?? '')?.short_zh ?? '')),
      ...dimCodes.map((d, k) => col(`obstacle_${d}`, 'number', `${dimNames[k]?.zh ?? d}障碍度`, `${dimNames[k]?.en ?? d} obstacle`, idx.map((i) => od.dimensions?.values[i * dimCodes.length + k] ?? null))),
      col('top1', 'text', '第一障碍因子', 'main obstacle', top.map((t) => t[0] ? `${t[0].c} (${t[0].d.toFixed(3)})` : '')),
      col('top2', 'text', '第二障碍因子', 'second obstacle', top.map((t) => t[1] ? `${t[1].c} (${t[1].d.toFixed(3)})` : '')),
      col('top3', 'text', '第三障碍因子', 'third obstacle', top.map((t) => t[2] ? `${t[2].c} (${t[2].d.toFixed(3)})` : '')),
    ]));
  }
  if (dimCodes.length >= 2 && result.dimensionScores.every((v) => v > 0)) {
    const d = dimCodes.length;
    // U_i must lie in [0, 1]: dimension scores are rescaled by their pooled maximum so the shift cannot push them above 1.
    const maxU = Math.max(...result.dimensionScores);
    const u: DataMatrix = { n: rows.length, m: d, values: result.dimensionScores.map((v) => v / maxU), units: raw.units ?? [], indicators: [...dimCodes] };
    const cc = couplingCoordination(u);
    tables.push(table('coupling', { zh: '维度间耦合协调度', en: 'Coupling coordination between dimensions' }, [
      col('region', 'text', '地区代码', 'region code', rows.map((x) => x.region)), col('year', 'integer', '年份', 'year', rows.map((x) => x.year)),
      col('C', 'number', '耦合度 C', 'coupling C', [...cc.coupling]), col('T', 'number', '综合发展指数 T', 'development T', [...cc.development]),
      col('D', 'number', '耦合协调度 D', 'coordination D', [...cc.coordination]),
      col('class_zh', 'text', '协调等级', 'class (zh)', cc.classes.map((c) => c.zh)), col('class_en', 'text', '协调等级（英文）', 'class', cc.classes.map((c) => c.en)),
    ]));
  }
  progress(2, 3, 'disparity');

  // Disparity, dynamics and spatial pattern on the balanced region × year panel of scores.
  const zones = await listZoneRecords(store);
  const batchOf = new Map(zones.map((z) => [z.province_code, z.batch_year]));
  const scorePanel = new Float64Array(regions.length * years.length).fill(Number.NaN);
  rows.forEach((x, i) => { scorePanel[x.r * years.length + x.t] = result.score[i] as number; });
  const sp: ScorePanel = {
    regions, years, score: scorePanel,
    groupings: [
      { key: 'macro_region', label: { zh: '四大区域', en: 'macro-region' }, byYear: () => regions.map((r) => names.get(r)?.macro_region ?? 'unknown') },
      { key: 'ftz', label: { zh: '是否设有自贸试验区', en: 'FTZ host or not' }, byYear: (y) => regions.map((r) => ((batchOf.get(r) ?? 9999) <= y ? 'ftz' : 'non_ftz')) },
      { key: 'batch', label: { zh: '自贸试验区批次', en: 'FTZ batch' }, byYear: () => regions.map((r) => String(batchOf.get(r) ?? 'none')) },
    ],
  };
  let spatial: { w: SpatialWeights; islands: readonly string[] } | null = null;
  try {
    spatial = provinceWeights(regions, options.basemapPath ?? join(bundledDir(), 'geo', 'china_provinces.geojson'), spec.spatial);
  } catch (e) {
    warnings.push({ code: 'index.analysis_skipped', message: { zh: `空间权重不可用：${e instanceof FtzError ? e.localized('zh-CN') : String(e)}`, en: `Spatial weights unavailable: ${e instanceof FtzError ? e.localized('en') : String(e)}` } });
  }
  const dyn = dynamicsTables(sp, { weights: spatial?.w ?? null, permutations: spec.spatial.permutations, seed: spec.uncertainty.seed, markovClasses: spec.dynamics.markovClasses, localScaling: spec.spatial.localScaling });
  tables.push(...dyn.tables);
  warnings.push(...dyn.warnings);

  if (spec.uncertainty.replications > 0) {
    const u = rankUncertainty(raw, directions, groups, framework, spec, rows.map((x) => x.year), lastYear, (done, total) => progress(done, total, 'uncertainty'));
    const idx = rows.map((x, i) => (x.year === lastYear ? i : -1)).filter((i) => i >= 0);
    tables.push(table('rank_uncertainty', { zh: `位次不确定性（${lastYear} 年，${spec.uncertainty.replications} 次蒙特卡洛）`, en: `Rank uncertainty (${lastYear}, ${spec.uncertainty.replications} Monte Carlo runs)` }, [
      col('region', 'text', '地区代码', 'region code', idx.map((i) => rows[i]?.region ?? '')),
      col('name', 'text', '地区', 'region', idx.map((i) => names.get(rows[i]?.region ?? '')?.short_zh ?? '')),
      col('rank', 'integer', '名义位次', 'nominal rank', idx.map((i) => rankOf[i] as number)),
      col('median', 'number', '位次中位数', 'median rank', [...u.median]), col('q05', 'number', '5% 分位', '5th percentile', [...u.q05]),
      col('q95', 'number', '95% 分位', '95th percentile', [...u.q95]),
    ]));
  }
  progress(3, 3, 'done');

  tables.unshift(conventionsTable(spec, framework, { regions, years, excluded, islands: spatial?.islands ?? [], dropped: missing.length }));
  const sourceRecords = (await listSources(store)).filter((s) => allSources.includes(s.id));
  const userDatasets = allSources.filter((s) => s.startsWith('user:')).map((s) => {
    const mm = /^user:(.+)@(\d+)$/.exec(s);
    return { name: mm?.[1] ?? s, version: Number(mm?.[2] ?? 0) };
  });
  const provenance = await buildProvenance(store, {
    sources: sourceRecords.map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence })),
    datasets: userDatasets,
    options: { ...spec, framework: `${framework.id}@${framework.version}` },
    seed: spec.uncertainty.seed,
  });
  return {
    kind: 'nqpf_index',
    spec,
    tables,
    figures: [
      { name: 'map', title: { zh: '综合指数地图', en: 'Index map' }, kind: 'map', table: 'scores', encoding: { region: 'region', value: 'score', frame: 'year' }, sourceIds: allSources },
      { name: 'kde', title: { zh: '核密度曲线', en: 'Kernel density curves' }, kind: 'density', table: 'kde', encoding: { x: 'x', y: 'density', series: 'year' }, sourceIds: allSources },
      { name: 'moran', title: { zh: '莫兰散点图', en: 'Moran scatter plot' }, kind: 'scatter', table: 'lisa', encoding: { x: 'value', y: 'lag', color: 'quadrant' }, sourceIds: allSources },
    ],
    warnings,
    provenance,
  };
}
