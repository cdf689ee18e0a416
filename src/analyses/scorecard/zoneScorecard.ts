import { FtzError } from '../../core/errors.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance } from '../../core/result.js';
import type { Db } from '../../store/duckdb.js';
import { listBudgets } from '../../store/carbonBudgets.js';
import { listEditions } from '../neglist/lists.js';
import { industryChain } from '../structure/industryChain.js';
import { codesAt, counts, loadPositionings } from '../structure/positionings.js';
import { zonePartners } from '../structure/zonePartners.js';
import { zoneProfile } from '../structure/zoneProfile.js';
import { zoneSimilarity } from '../structure/zoneSimilarity.js';

export type ScorecardPart = 'base' | 'wing_inside' | 'wing_between' | 'wing_fta' | 'task_innovation' | 'task_upgrading' | 'task_green';

/** One cell: a value with where it came from, or the reason it is missing (never a zero in its place). */
export interface ScorecardItem {
  readonly key: string;
  readonly label: Label;
  readonly value: number | string | null;
  readonly unit: string;
  readonly year: number | null;
  /** Rank among the 22 zones' hosts (1 = best), with how many had a value. */
  readonly rank: { readonly rank: number; readonly of: number } | null;
  readonly source: { readonly kind: 'data'; readonly ids: readonly string[] } | { readonly kind: 'analysis'; readonly name: string };
  readonly missing: Label | null;
}

export interface ZoneScorecard {
  readonly zone: { id: string; name: Label; province: string };
  readonly parts: Readonly<Record<ScorecardPart, readonly ScorecardItem[]>>;
}

const L = (zh: string, en: string): Label => ({ zh, en });
const missingItem = (key: string, label: Label, unit: string, source: ScorecardItem['source'], why: Label): ScorecardItem => ({ key, label, value: null, unit, year: null, rank: null, source, missing: why });

interface Shared {
  readonly zones: readonly { id: string; name_zh: string; name_en: string; province_code: string }[];
  readonly similarity: Awaited<ReturnType<typeof zoneSimilarity>>;
  readonly observations: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<number, { value: number; source: string }>>>;
}

async function shared(store: Db): Promise<Shared> {
  const zones = await store.all<{ id: string; name_zh: string; name_en: string; province_code: string }>('SELECT z.id, z.name_zh, z.name_en, z.province_code FROM zone z JOIN zone_doc d ON d.id = z.id ORDER BY d.ord');
  const rows = await store.all<{ indicator: string; region: string; year: number; value: number; source_id: string }>(
    "SELECT indicator, region, year, value, source_id FROM observation WHERE indicator IN ('rd_intensity', 'hitech_revenue', 'gdp', 'co2_total')",
  );
  const observations = new Map<string, Map<string, Map<number, { value: number; source: string }>>>();
  for (const r of rows) {
    const byRegion = observations.get(r.indicator) ?? new Map<string, Map<number, { value: number; source: string }>>();
    const byYear = byRegion.get(r.region) ?? new Map<number, { value: number; source: string }>();
    byYear.set(r.year, { value: r.value, source: r.source_id });
    byRegion.set(r.region, byYear);
    observations.set(r.indicator, byRegion);
  }
  return { zones, similarity: await zoneSimilarity(store, {}), observations };
}

/** A host-province indicator for the latest year every host has, with its rank among the 22 zones' hosts. */
function taskItem(s: Shared, province: string, key: string, label: Label, unit: string, value: (region: string, year: number) => { value: number; sources: string[] } | null, higherIsBetter: boolean): ScorecardItem {
  const hosts = [...new Set(s.zones.map((z) => z.province_code))];
  const years = [...new Set([...(s.observations.get(key === 'hitech_share' ? 'hitech_revenue' : key === 'co2_intensity' ? 'co2_total' : key)?.values() ?? [])].flatMap((m) => [...m.keys()]))].sort((a, b) => b - a);
  for (const year of years) {
    const mine = value(province, year);
    if (!mine) continue;
    const all = hosts.map((h) => value(h, year)?.value).filter((v): v is number => v !== undefined);
    const better = all.filter((v) => (higherIsBetter ? v > mine.value : v < mine.value)).length;
    return { key, label, value: mine.value, unit, year, rank: { rank: better + 1, of: all.length }, source: { kind: 'data', ids: [...new Set(mine.sources)] }, missing: null };
  }
  return missingItem(key, label, unit, { kind: 'data', ids: [] }, L('所在省份没有该指标的数据', 'no data for the host province'));
}

/**
 * The "one base, two wings, three focal points" scorecard of one zone, composed from the engines: the negative
 * lists that apply (base), the zone's positioning, digital share and chain coverage (wing inside), duplicate
 * competition and partners (wing between), FTA trade indices (wing with FTAs: they need trade data the user
 * loads), and the host province's innovation, upgrading and green indicators with their rank among the hosts,
 * plus any carbon budget set for the zone. Every value names its data or analysis; what is missing says why.
 */
export async function zoneScorecard(store: Db, zoneId: string, cache?: Shared): Promise<ZoneScorecard> {
  const s = cache ?? (await shared(store));
  const zone = s.zones.find((z) => z.id === zoneId);
  if (!zone) throw new FtzError('zone.not_found', { id: zoneId, known: s.zones.map((z) => z.id) });
  const province = zone.province_code;

  // Base: the lists that apply to a zone (the FTZ foreign-investment list, and Hainan's own), newest first.
  const editions = await listEditions(store);
  const applies = editions.filter((e) => e.origin === 'bundled' && e.kind === 'fdi' && (e.jurisdiction === 'ftz' || (zoneId === 'HI' && e.jurisdiction === 'hainan') || (zoneId === 'SH' && e.jurisdiction === 'shanghai_ftz')));
  const latest = applies.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))[0];
  const base: ScorecardItem[] = latest ? [
    { key: 'list_rows', label: L('适用负面清单条目数', 'measures on the applicable negative list'), value: latest.officialCount, unit: 'rows', year: Number((latest.published ?? '').slice(0, 4)) || null, rank: null, source: { kind: 'data', ids: ['neglist.timeline'] }, missing: null },
    latest.transcribed > 0
      ? { key: 'list_transcribed', label: L('已录入条目', 'transcribed measures'), value: latest.transcribed, unit: 'rows', year: null, rank: null, source: { kind: 'analysis', name: `neglist show ${latest.id}` }, missing: null }
      : missingItem('list_restrictiveness', L('限制性指数', 'restrictiveness score'), '0–1', { kind: 'analysis', name: `neglist score ${latest.id}` }, L(`${latest.id} 的条目尚未录入，无法评分（可导入官方文本）`, `${latest.id} has no transcribed measure: no score (import the official text)`)),
  ] : [missingItem('list_rows', L('适用负面清单', 'applicable negative list'), 'rows', { kind: 'data', ids: ['neglist.timeline'] }, L('没有适用的清单版本', 'no applicable edition'))];

  // Wing inside: positioning, digital share, chain coverage of the positioned sectors' main links.
  const profile = await zoneProfile(store, zoneId);
  const items = (await loadPositionings(store)).filter((it) => it.zone === zoneId && counts(it.status, false));
  const sectors = [...new Set(items.flatMap((it) => codesAt(it, 'io42')))];
  let covered = 0, links = 0;
  for (const sector of sectors) {
    const c = await industryChain(store, { sector, zone: zoneId, top: 5 });
    for (const l of [...c.suppliers, ...c.customers]) {
      links++;
      if (l.coverage !== 'missing') covered++;
    }
  }
  const wingInside: ScorecardItem[] = [
    { key: 'positioning_items', label: L('已核实的产业定位条目', 'verified positioning items'), value: profile.summary.items, unit: 'items', year: null, rank: null, source: { kind: 'analysis', name: `structure profile --zone ${zoneId}` }, missing: null },
    profile.summary.digitalShare === null
      ? missingItem('digital_share', L('数字经济占比（N+1）', 'digital share (N+1)'), '%', { kind: 'analysis', name: `structure profile --zone ${zoneId}` }, L('没有可映射的已核实定位', 'no mappable verified positioning'))
      : { key: 'digital_share', label: L('数字经济占比（N+1）', 'digital share (N+1)'), value: 100 * profile.summary.digitalShare, unit: '%', year: null, rank: null, source: { kind: 'analysis', name: `structure profile --zone ${zoneId}` }, missing: null },
    links === 0
      ? missingItem('chain_coverage', L('产业链覆盖度', 'chain coverage'), '%', { kind: 'analysis', name: `structure chain --zone ${zoneId}` }, L('没有定位到投入产出部门', 'no positioned IO sector'))
      : { key: 'chain_coverage', label: L('产业链覆盖度（主要上下游环节由本区或同区域自贸试验区覆盖的比例）', 'chain coverage (main suppliers and customers covered in the zone or its macro-region)'), value: (100 * covered) / links, unit: '%', year: null, rank: null, source: { kind: 'analysis', name: `structure chain --zone ${zoneId}` }, missing: null },
  ];

  // Wing between: duplicate competition and partners.
  const i = s.similarity.zones.findIndex((z) => z.id === zoneId);
  const row = s.similarity.matrix[i] ?? [];
  const others = row.map((v, j) => ({ v, j })).filter((x) => x.j !== i && x.v !== null) as { v: number; j: number }[];
  const top = others.sort((a, b) => b.v - a.v)[0];
  const wingBetween: ScorecardItem[] = [];
  if (top) {
    wingBetween.push({ key: 'max_overlap', label: L('最高定位相似度（同质竞争）', 'highest positioning similarity (duplicate competition)'), value: top.v, unit: '0–1', year: null, rank: null, source: { kind: 'analysis', name: 'structure similarity' }, missing: null });
    wingBetween.push({ key: 'closest_rival', label: L('最相似的自贸试验区', 'most alike zone'), value: s.similarity.zones[top.j]?.id ?? null, unit: '', year: null, rank: null, source: { kind: 'analysis', name: 'structure similarity' }, missing: null });
    const partners = await zonePartners(store, { zone: zoneId });
    wingBetween.push({ key: 'best_partners', label: L('推荐合作伙伴', 'best partner zones'), value: partners.partners.slice(0, 3).map((p) => p.zone).join(' '), unit: '', year: null, rank: null, source: { kind: 'analysis', name: `structure partners --zone ${zoneId}` }, missing: null });
  } else {
    wingBetween.push(missingItem('max_overlap', L('同质竞争', 'duplicate competition'), '0–1', { kind: 'analysis', name: 'structure similarity' }, L('没有已核实的产业定位，不参与比较', 'no verified positioning: not compared')));
  }

  const wingFta: ScorecardItem[] = [missingItem('fta_complementarity', L('与 RCEP、CPTPP 伙伴的贸易互补性', 'trade complementarity with RCEP and CPTPP partners'), '0–100', { kind: 'analysis', name: 'structure fta --trade FILE' }, L('需要导入贸易数据（BACI 格式）', 'needs trade data loaded (BACI layout)'))];

  const obs = (ind: string, region: string, year: number) => s.observations.get(ind)?.get(region)?.get(year);
  const innovation = [taskItem(s, province, 'rd_intensity', L('研发投入强度', 'R&D intensity'), '%', (r, y) => { const o = obs('rd_intensity', r, y); return o ? { value: o.value, sources: [o.source] } : null; }, true)];
  const upgrading = [taskItem(s, province, 'hitech_share', L('高技术产业营业收入与地区生产总值之比', 'high-tech industry revenue relative to GRP'), '%', (r, y) => {
    const a = obs('hitech_revenue', r, y), b = obs('gdp', r, y);
    return a && b && b.value > 0 ? { value: (100 * a.value) / b.value, sources: [a.source, b.source] } : null;
  }, true)];
  const budgets = (await listBudgets(store)).filter((b) => b.scopeKind === 'zone' && b.scopeCode === zoneId);
  const green: ScorecardItem[] = [
    taskItem(s, province, 'co2_intensity', L('二氧化碳排放强度', 'CO2 intensity of GRP'), 't CO2 / 10k yuan', (r, y) => {
      const a = obs('co2_total', r, y), b = obs('gdp', r, y);
      return a && b && b.value > 0 ? { value: (a.value * 100) / b.value, sources: [a.source, b.source] } : null;
    }, false),
    budgets.length
      ? { key: 'carbon_budget', label: L('碳预算', 'carbon budget'), value: `${budgets[0]?.name} v${budgets[0]?.version}`, unit: '', year: null, rank: null, source: { kind: 'analysis', name: `carbon budget show ${budgets[0]?.name}` }, missing: null }
      : missingItem('carbon_budget', L('碳预算', 'carbon budget'), '', { kind: 'analysis', name: 'carbon budget create' }, L('尚未为该区设定碳预算', 'no carbon budget set for the zone')),
  ];
  return {
    zone: { id: zone.id, name: L(zone.name_zh, zone.name_en), province },
    parts: { base, wing_inside: wingInside, wing_between: wingBetween, wing_fta: wingFta, task_innovation: innovation, task_upgrading: upgrading, task_green: green },
  };
}

/** Scorecards of all 22 zones (shared lookups computed once), with the provenance of the data read. */
export async function allScorecards(store: Db): Promise<{ zones: readonly ZoneScorecard[]; provenance: Provenance }> {
  const s = await shared(store);
  const zones: ZoneScorecard[] = [];
  for (const z of s.zones) zones.push(await zoneScorecard(store, z.id, s));
  return { zones, provenance: await buildProvenance(store, { sources: [], options: { all: true } }) };
}
