import { FtzError } from '../../core/errors.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance, Warning } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import { listBudgets } from '../../store/carbonBudgets.js';
import { listRegions, listSources } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { ftaIndices, type FtaIndicesOutput } from '../structure/ftaIndices.js';
import { baseContext, baseItems } from './baseItems.js';
import { hostIndex, type HostIndex } from './hostIndex.js';
import { scorecardSpecSchema, type ScorecardSpec, type ScorecardSpecInput } from './scorecardSpec.js';
import { L, item, missingItem, rankAmong, trendOf, type ScorecardItem, type ScorecardPart } from './scorecardTypes.js';
import { taskEffects, type Task, type TaskEffect } from './taskEffects.js';
import { wingItems, type ZoneWings } from './wingItems.js';

export { PARTS, type ScorecardItem, type ScorecardPart } from './scorecardTypes.js';

export interface ZoneScorecard {
  readonly zone: { readonly id: string; readonly name: Label; readonly province: string; readonly provinceName: Label; readonly batchYear: number };
  readonly parts: Readonly<Record<ScorecardPart, readonly ScorecardItem[]>>;
}

/** The scorecards of all 22 zones under one spec, with the runs they share (index, effects) and their provenance. */
export interface Scorecards {
  readonly spec: ScorecardSpec;
  readonly zones: readonly ZoneScorecard[];
  readonly index: Omit<HostIndex, 'byRegion' | 'series'> & { readonly byRegion: Readonly<Record<string, HostIndex['byRegion'] extends ReadonlyMap<string, infer V> ? V : never>>; readonly series: Readonly<Record<string, Readonly<Record<number, number>>>> };
  readonly effects: readonly TaskEffect[];
  readonly warnings: readonly Warning[];
  readonly provenance: Provenance;
}

type Obs = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<number, { value: number; source: string }>>>;

const TASK_INDICATORS = ['rd_intensity', 'hitech_revenue', 'gdp', 'co2_total'];

async function observations(store: Db): Promise<Obs> {
  const rows = await store.all<{ indicator: string; region: string; year: number; value: number; source_id: string }>(
    `SELECT indicator, region, year, value, source_id FROM observation WHERE indicator IN (${TASK_INDICATORS.map(() => '?').join(', ')})`, TASK_INDICATORS,
  );
  const out = new Map<string, Map<string, Map<number, { value: number; source: string }>>>();
  for (const r of rows) {
    const byRegion = out.get(r.indicator) ?? new Map<string, Map<number, { value: number; source: string }>>();
    const byYear = byRegion.get(r.region) ?? new Map<number, { value: number; source: string }>();
    byYear.set(r.year, { value: r.value, source: r.source_id });
    byRegion.set(r.region, byYear);
    out.set(r.indicator, byRegion);
  }
  return out;
}

type Derived = (region: string, year: number) => { value: number; sources: string[] } | null;

/**
 * A host-province indicator for the latest year (at or before `spec.year`) the zone's host has, with its rank among
 * the hosts of the 22 zones that year and its trend.
 */
function taskItem(hosts: readonly string[], province: string, key: string, label: Label, unit: string, years: readonly number[], value: Derived, higherIsBetter: boolean, maxYear: number | undefined): ScorecardItem {
  for (const year of years.filter((y) => maxYear === undefined || y <= maxYear)) {
    const mine = value(province, year);
    if (!mine) continue;
    const all = hosts.map((h) => value(h, year)?.value).filter((v): v is number => v !== undefined);
    const series = new Map(years.map((y) => [y, value(province, y)?.value ?? Number.NaN]));
    return item({
      key, label, value: mine.value, unit, year, rank: { rank: rankAmong(mine.value, all, higherIsBetter), of: all.length, among: 'hosts' },
      trend: trendOf(series, year), source: { kind: 'data', ids: [...new Set(mine.sources)] },
    });
  }
  return missingItem(key, label, unit, { kind: 'data', ids: [] }, L('所在省份没有该指标的数据', 'no data for the host province'));
}


function effectItem(e: TaskEffect, unit: string): ScorecardItem {
  const label = L(`自贸试验区政策效应：${e.outcomeName.zh}${e.log ? '（对数）' : ''}`, `FTZ effect on ${e.outcomeName.en}${e.log ? ' (log)' : ''}`);
  const key = `ftz_effect_${e.task}`;
  const source = { kind: 'analysis' as const, name: e.command, ids: e.sourceIds };
  if (e.att === null) return missingItem(key, label, unit, source, e.error ?? L('估计未得到结果', 'the estimation gave no result'));
  return item({
    key, label, value: e.att, unit: e.log ? 'log points' : unit, source,
    interval: e.ciLow !== null && e.ciHigh !== null ? { of: 'value', low: e.ciLow, high: e.ciHigh, level: 0.95 } : null,
    note: L(
      `${e.estimatorLabel.zh}；全部自贸试验区所在省份的平均效应（非本区单独效应）${e.from ? `，${e.from}–${e.to} 年` : ''}${e.p !== null ? `，p = ${e.p.toFixed(3)}` : ''}`,
      `${e.estimatorLabel.en}; average effect on all FTZ host provinces (not this zone alone)${e.from ? `, ${e.from}–${e.to}` : ''}${e.p !== null ? `, p = ${e.p.toFixed(3)}` : ''}`,
    ),
  });
}

/**
 * The "one base, two wings, three focal points" scorecards of the 22 zones, composed from the engines: the
 * negative lists that apply (base), the zone's positioning, digital share and chain coverage (wing inside),
 * duplicate competition and partners (wing between), FTA trade indices where trade data is given (wing with
 * FTAs), the NQPF index and sub-indices of the host province with the rank's uncertainty, and per focal task
 * the host's indicator (rank among hosts, trend) and the estimated FTZ effect with its interval; a carbon
 * budget where one is set. Every value names its data or the analysis that made it; what is missing says why.
 */
export async function scorecards(store: Db, input: ScorecardSpecInput | unknown = {}): Promise<Scorecards> {
  const parsed = scorecardSpecSchema.safeParse(input ?? {});
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const spec = parsed.data;
  const zones = await store.all<{ id: string; name_zh: string; name_en: string; province_code: string; batch_year: number }>(
    'SELECT z.id, z.name_zh, z.name_en, z.province_code, z.batch_year FROM zone z JOIN zone_doc d ON d.id = z.id ORDER BY d.ord',
  );
  if (spec.zone && !zones.some((z) => z.id === spec.zone)) throw new FtzError('zone.not_found', { id: spec.zone, known: zones.map((z) => z.id) });
  const provinces = new Map((await listRegions(store, 'province')).map((r) => [r.code, r]));
  const hosts = [...new Set(zones.map((z) => z.province_code))];
  const obs = await observations(store);
  const { zones: wings, sourceIds: wingSources } = await wingItems(store);
  const index = await hostIndex(store, spec.index);
  const effects = await taskEffects(store, spec.effects);
  const base = await baseContext(store, spec);
  const budgets = await listBudgets(store);
  const warnings: Warning[] = [];
  let fta: FtaIndicesOutput | null = null;
  if (spec.trade) fta = await ftaIndices(store, { trade: spec.trade.file, ...(spec.trade.countries ? { countries: spec.trade.countries } : {}), ...(spec.trade.year ? { year: spec.trade.year } : {}) });

  const years = (ind: string): number[] => [...new Set([...(obs.get(ind)?.values() ?? [])].flatMap((m) => [...m.keys()]))].sort((a, b) => b - a);
  const o = (ind: string, region: string, year: number) => obs.get(ind)?.get(region)?.get(year);
  const ratio = (num: string, den: string, scale: number): Derived => (r, y) => {
    const a = o(num, r, y), b = o(den, r, y);
    return a && b && b.value > 0 ? { value: (scale * a.value) / b.value, sources: [a.source, b.source] } : null;
  };
  const plain = (ind: string): Derived => (r, y) => {
    const a = o(ind, r, y);
    return a ? { value: a.value, sources: [a.source] } : null;
  };
  const dimRank = (k: number, v: number): number => rankAmong(v, [...index.byRegion.values()].map((x) => x.dims[k] as number), true);
  const indexSource = { kind: 'analysis' as const, name: index.command, ids: index.sourceIds };
  const effectOf = (t: Task): TaskEffect => effects.find((e) => e.task === t) as TaskEffect;

  const cards: ZoneScorecard[] = [];
  for (const z of zones) {
    const province = z.province_code;

    const { wingInside, wingBetween } = wings[z.id] as ZoneWings;

    // Wing with FTAs: China's trade with RCEP and CPTPP parties, when a trade file is given.
    const ftaSource = { kind: 'analysis' as const, name: spec.trade ? `structure fta --trade ${spec.trade.file}` : 'structure fta --trade FILE', ids: fta ? fta.provenance.sources.map((s) => s.id) : [] };
    const wingFta: ScorecardItem[] = (['RCEP', 'CPTPP'] as const).map((agreement) => {
      const label = L(`与 ${agreement} 伙伴的贸易互补性（出口）`, `trade complementarity with ${agreement} partners (exports)`);
      if (!fta) return missingItem(`complementarity_${agreement.toLowerCase()}`, label, '0–100', ftaSource, L('需要导入贸易数据（BACI 格式）', 'needs trade data loaded (BACI layout)'));
      const ps = fta.partners.filter((p) => p.agreements.includes(agreement));
      if (ps.length === 0) return missingItem(`complementarity_${agreement.toLowerCase()}`, label, '0–100', ftaSource, L('贸易文件中没有该协定的伙伴', 'the trade file has no party of this agreement'));
      return item({
        key: `complementarity_${agreement.toLowerCase()}`, label, value: ps.reduce((s, p) => s + p.complementarityExports, 0) / ps.length, unit: '0–100', year: fta.year, source: ftaSource,
        note: L(`${fta.reporter} 全国贸易（非本区），${ps.length} 个伙伴的平均值`, `${fta.reporter}'s national trade (not the zone's), mean over ${ps.length} partners`),
      });
    });

    // The NQPF index of the host province and its sub-indices, with the rank's uncertainty.
    const mine = index.byRegion.get(province);
    const indexLabel = L(`新质生产力综合指数（${index.framework.name.zh}）`, `NQPF index (${index.framework.name.en})`);
    const nqpf: ScorecardItem[] = mine
      ? [
          item({
            key: 'nqpf_index', label: indexLabel, value: mine.score, unit: 'index', year: index.year, rank: { rank: mine.rank, of: index.regions, among: 'provinces' },
            interval: mine.rankInterval ? { of: 'rank', low: mine.rankInterval.q05, high: mine.rankInterval.q95, level: 0.9 } : null,
            trend: trendOf(new Map(index.series.get(province)), index.year), source: indexSource,
          }),
          ...index.dimensions.map((d, k) => item({
            key: `nqpf_dim_${d.code}`, label: L(`分指数：${d.name.zh}`, `sub-index: ${d.name.en}`), value: mine.dims[k] as number, unit: 'index', year: index.year,
            rank: { rank: dimRank(k, mine.dims[k] as number), of: index.regions, among: 'provinces' }, source: indexSource,
            note: L(`权重 ${d.weight.toFixed(3)}`, `weight ${d.weight.toFixed(3)}`),
          })),
        ]
      : [missingItem('nqpf_index', indexLabel, 'index', indexSource, L(`指标体系未覆盖${provinces.get(province)?.short_zh ?? province}`, `the framework does not cover ${provinces.get(province)?.name_en ?? province}`))];

    const rdYears = years('rd_intensity');
    const innovation = [
      taskItem(hosts, province, 'rd_intensity', L('研发投入强度', 'R&D intensity'), '%', rdYears, plain('rd_intensity'), true, spec.year),
      effectItem(effectOf('innovation'), '%'),
    ];
    const upgrading = [
      taskItem(hosts, province, 'hitech_share', L('高技术产业营业收入与地区生产总值之比', 'high-tech industry revenue relative to GRP'), '%', years('hitech_revenue'), ratio('hitech_revenue', 'gdp', 100), true, spec.year),
      effectItem(effectOf('upgrading'), ''),
    ];
    const zoneBudgets = budgets.filter((b) => b.scopeKind === 'zone' && b.scopeCode === z.id);
    const green = [
      taskItem(hosts, province, 'co2_intensity', L('二氧化碳排放强度', 'CO2 intensity of GRP'), 't CO2 / 10k yuan', years('co2_total'), ratio('co2_total', 'gdp', 100), false, spec.year),
      effectItem(effectOf('green'), ''),
      zoneBudgets.length
        ? item({ key: 'carbon_budget', label: L('碳预算', 'carbon budget'), value: `${zoneBudgets[0]?.name} v${zoneBudgets[0]?.version}`, unit: '', source: { kind: 'analysis', name: `carbon budget show ${zoneBudgets[0]?.name}`, ids: [] } })
        : missingItem('carbon_budget', L('碳预算', 'carbon budget'), '', { kind: 'analysis', name: 'carbon budget create', ids: [] }, L('尚未为该区设定碳预算', 'no carbon budget set for the zone')),
    ];
    const p = provinces.get(province);
    cards.push({
      zone: { id: z.id, name: L(z.name_zh, z.name_en), province, provinceName: L(p?.short_zh ?? province, p?.name_en ?? province), batchYear: z.batch_year },
      parts: {
        base: await baseItems(store, z.id, base), wing_inside: wingInside, wing_between: wingBetween, wing_fta: wingFta, nqpf,
        task_innovation: innovation, task_upgrading: upgrading, task_green: green,
      },
    });
  }
  for (const e of effects) {
    if (e.error) warnings.push({ code: 'scorecard.effect_missing', message: L(`${e.task}：${e.error.zh}`, `${e.task}: ${e.error.en}`) });
  }
  if (fta) warnings.push({ code: 'scorecard.national_trade', message: L('二翼的贸易指标来自全国贸易数据，不是各区自身的贸易。', 'The FTA-wing trade indices use national trade, not each zone\'s own.') });

  const ids = new Set<string>(['neglist.timeline', ...index.sourceIds, ...effects.flatMap((e) => e.sourceIds), ...wingSources]);
  for (const c of cards) for (const items of Object.values(c.parts)) for (const it of items) it.source.ids.forEach((id) => ids.add(id));
  const sources = (await listSources(store)).filter((s) => ids.has(s.id)).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence }));
  return {
    spec,
    zones: cards,
    index: {
      ...index,
      byRegion: Object.fromEntries(index.byRegion),
      series: Object.fromEntries([...index.series].map(([k, m]) => [k, Object.fromEntries(m)])),
    },
    effects,
    warnings,
    provenance: await buildProvenance(store, { sources, options: spec as unknown as Record<string, unknown>, seed: spec.index.seed }),
  };
}

/** One zone's scorecard under a spec (the other zones are computed too: ranks compare across them). */
export async function zoneScorecard(store: Db, zoneId: string, input: ScorecardSpecInput = {}): Promise<ZoneScorecard> {
  const all = await scorecards(store, { ...input, zone: zoneId });
  return all.zones.find((z) => z.zone.id === zoneId) as ZoneScorecard;
}
