import type { Figure, Label, Result, Table } from '../../core/result.js';
import { column as col, table } from '../nqpf/tables.js';
import type { ScorecardSpec } from './scorecardSpec.js';
import { L, PARTS, type ScorecardItem } from './scorecardTypes.js';
import { whatIfTable, type WhatIfChange } from './whatIf.js';
import type { Scorecards, ZoneScorecard } from './zoneScorecard.js';

/** The items compared across zones, in the order of the comparison table and the profile chart. */
export const COMPARED: readonly { readonly key: string; readonly label: Label; readonly higherIsBetter: boolean }[] = [
  { key: 'nqpf_index', label: L('新质生产力指数', 'NQPF index'), higherIsBetter: true },
  { key: 'rd_intensity', label: L('研发投入强度', 'R&D intensity'), higherIsBetter: true },
  { key: 'hitech_share', label: L('高技术产业收入/GDP', 'high-tech revenue / GRP'), higherIsBetter: true },
  { key: 'co2_intensity', label: L('碳排放强度（越低越好）', 'CO2 intensity (lower is better)'), higherIsBetter: false },
  { key: 'digital_share', label: L('数字经济定位占比', 'digital share of positioning'), higherIsBetter: true },
  { key: 'chain_coverage', label: L('产业链覆盖度', 'chain coverage'), higherIsBetter: true },
  { key: 'max_overlap', label: L('最高同质竞争（越低越好）', 'highest duplicate competition (lower is better)'), higherIsBetter: false },
];

const find = (card: ZoneScorecard, key: string): ScorecardItem | undefined => Object.values(card.parts).flat().find((it) => it.key === key);
const num = (it: ScorecardItem | undefined): number | null => (typeof it?.value === 'number' && Number.isFinite(it.value) ? it.value : null);
const sourceText = (it: ScorecardItem): string => (it.source.kind === 'data' ? it.source.ids.join('; ') : `${it.source.name}${it.source.ids.length ? ` [${it.source.ids.join('; ')}]` : ''}`);

/** Percentile position among the zones that have a value (100 = best); null where the zone has none. */
function percentiles(cards: readonly ZoneScorecard[], key: string, higherIsBetter: boolean): (number | null)[] {
  const values = cards.map((c) => num(find(c, key)));
  const have = values.filter((v): v is number => v !== null);
  return values.map((v) => {
    if (v === null || have.length < 2) return null;
    const worse = have.filter((x) => (higherIsBetter ? x < v : x > v)).length;
    const ties = have.filter((x) => x === v).length - 1;
    return (100 * (worse + ties / 2)) / (have.length - 1);
  });
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return ((s[Math.floor(h)] as number) + (s[Math.ceil(h)] as number)) / 2;
}

function itemsTable(cards: readonly ZoneScorecard[]): Table {
  const rows = cards.flatMap((c) => PARTS.flatMap((p) => c.parts[p.key].map((it) => ({ c, p, it }))));
  const ids = [...new Set(rows.flatMap((r) => r.it.source.ids))].sort();
  return table('scorecard', L('评分卡：一基两翼三重点', 'Scorecard: one base, two wings, three focal points'), [
    col('zone', 'text', '自贸试验区', 'zone', rows.map((r) => r.c.zone.id)),
    col('part', 'text', '部分代码', 'part code', rows.map((r) => r.p.key)),
    col('part_zh', 'text', '部分', 'part (zh)', rows.map((r) => r.p.label.zh)),
    col('part_en', 'text', '部分（英文）', 'part', rows.map((r) => r.p.label.en)),
    col('key', 'text', '指标代码', 'item code', rows.map((r) => r.it.key)),
    col('item_zh', 'text', '指标', 'item (zh)', rows.map((r) => r.it.label.zh)),
    col('item_en', 'text', '指标（英文）', 'item', rows.map((r) => r.it.label.en)),
    col('value', 'number', '数值', 'value', rows.map((r) => num(r.it))),
    col('value_text', 'text', '文字值', 'text value', rows.map((r) => (typeof r.it.value === 'string' ? r.it.value : null))),
    col('unit', 'text', '单位', 'unit', rows.map((r) => r.it.unit || null)),
    col('year', 'integer', '年份', 'year', rows.map((r) => r.it.year)),
    col('rank', 'integer', '位次', 'rank', rows.map((r) => r.it.rank?.rank ?? null)),
    col('of', 'integer', '参与排名数', 'ranked', rows.map((r) => r.it.rank?.of ?? null)),
    col('among', 'text', '排名范围', 'ranked among', rows.map((r) => r.it.rank?.among ?? null)),
    col('interval_of', 'text', '区间对象', 'interval of', rows.map((r) => r.it.interval?.of ?? null)),
    col('low', 'number', '区间下限', 'interval low', rows.map((r) => r.it.interval?.low ?? null)),
    col('high', 'number', '区间上限', 'interval high', rows.map((r) => r.it.interval?.high ?? null)),
    col('trend', 'number', '近五年年均变化', 'change per year (last 5 years)', rows.map((r) => r.it.trend?.perYear ?? null)),
    col('source', 'text', '来源或分析', 'source or analysis', rows.map((r) => sourceText(r.it))),
    col('source_kind', 'text', '来源类型', 'source kind', rows.map((r) => r.it.source.kind)),
    col('command', 'text', '复现命令', 'command', rows.map((r) => (r.it.source.kind === 'analysis' ? r.it.source.name : null))),
    col('source_ids', 'text', '数据来源编号', 'source ids', rows.map((r) => r.it.source.ids.join('; ') || null)),
    col('note_zh', 'text', '说明', 'note (zh)', rows.map((r) => r.it.note?.zh ?? null)),
    col('note_en', 'text', '说明（英文）', 'note', rows.map((r) => r.it.note?.en ?? null)),
    col('missing_zh', 'text', '缺失原因', 'why missing (zh)', rows.map((r) => r.it.missing?.zh ?? null)),
    col('missing_en', 'text', '缺失原因（英文）', 'why missing', rows.map((r) => r.it.missing?.en ?? null)),
  ], ids);
}

function comparisonTable(cards: readonly ZoneScorecard[]): Table {
  const item = (k: string) => cards.map((c) => find(c, k));
  const index = item('nqpf_index');
  return table('comparison', L('22 个自贸试验区比较', 'The 22 zones compared'), [
    col('zone', 'text', '代码', 'zone', cards.map((c) => c.zone.id)),
    col('name_zh', 'text', '自贸试验区', 'zone (zh)', cards.map((c) => c.zone.name.zh)),
    col('name_en', 'text', '自贸试验区（英文）', 'zone name', cards.map((c) => c.zone.name.en)),
    col('province', 'text', '所在省份代码', 'host province code', cards.map((c) => c.zone.province)),
    col('batch_year', 'integer', '设立批次年份', 'batch year', cards.map((c) => c.zone.batchYear)),
    ...COMPARED.map((k) => col(k.key, 'number', k.label.zh, k.label.en, item(k.key).map(num))),
    col('nqpf_rank', 'integer', `指数位次（${index.find((it) => it?.rank)?.rank?.of ?? ''} 个省份中）`, `index rank (of ${index.find((it) => it?.rank)?.rank?.of ?? ''} provinces)`, index.map((it) => it?.rank?.rank ?? null)),
    col('nqpf_rank_q05', 'number', '位次 5% 分位', 'rank 5th pct', index.map((it) => (it?.interval?.of === 'rank' ? it.interval.low : null))),
    col('nqpf_rank_q95', 'number', '位次 95% 分位', 'rank 95th pct', index.map((it) => (it?.interval?.of === 'rank' ? it.interval.high : null))),
  ], [...new Set(cards.flatMap((c) => COMPARED.flatMap((k) => find(c, k.key)?.source.ids ?? [])))].sort());
}

function profileTable(cards: readonly ZoneScorecard[], focus: readonly string[]): Table {
  const pct = COMPARED.map((k) => percentiles(cards, k.key, k.higherIsBetter));
  const cols = [
    col('axis', 'text', '维度代码', 'axis code', COMPARED.map((k) => k.key)),
    col('axis_zh', 'text', '维度', 'axis (zh)', COMPARED.map((k) => k.label.zh)),
    col('axis_en', 'text', '维度（英文）', 'axis', COMPARED.map((k) => k.label.en)),
    ...focus.map((id) => {
      const i = cards.findIndex((c) => c.zone.id === id);
      return col(id, 'number', cards[i]?.zone.name.zh ?? id, cards[i]?.zone.name.en ?? id, pct.map((p) => p[i] ?? null));
    }),
    col('median', 'number', '22 区中位数', 'median of the zones', pct.map((p) => median(p.filter((v): v is number => v !== null)))),
  ];
  return table('profile', L('相对位置（百分位，100 = 22 个区中最好）', 'Relative position (percentile, 100 = best of the zones)'), cols);
}

function provincesTable(s: Scorecards): Table {
  const hosts = new Map<string, string[]>();
  for (const c of s.zones) hosts.set(c.zone.province, [...(hosts.get(c.zone.province) ?? []), c.zone.id]);
  const rows = Object.entries(s.index.byRegion).sort((a, b) => a[1].rank - b[1].rank);
  const names = new Map(s.index.tables.find((t) => t.name === 'scores')?.columns.find((c) => c.name === 'region')?.values.map((r, i) => [r as string, i]) ?? []);
  const scores = s.index.tables.find((t) => t.name === 'scores');
  const nameOf = (code: string, lang: 'name_zh' | 'name_en'): string => String(scores?.columns.find((c) => c.name === lang)?.values[names.get(code) ?? -1] ?? code);
  return table('nqpf_provinces', L(`新质生产力指数（${s.index.year} 年）与位次不确定性`, `NQPF index (${s.index.year}) and rank uncertainty`), [
    col('region', 'text', '地区代码', 'region code', rows.map(([r]) => r)),
    col('name_zh', 'text', '地区', 'region (zh)', rows.map(([r]) => nameOf(r, 'name_zh'))),
    col('name_en', 'text', '地区（英文）', 'region', rows.map(([r]) => nameOf(r, 'name_en'))),
    col('zones', 'text', '自贸试验区', 'zones', rows.map(([r]) => hosts.get(r)?.join(' ') ?? null)),
    col('score', 'number', '指数', 'index', rows.map(([, v]) => v.score)),
    col('rank', 'integer', '位次', 'rank', rows.map(([, v]) => v.rank)),
    col('rank_median', 'number', '位次中位数', 'median rank', rows.map(([, v]) => v.rankInterval?.median ?? null)),
    col('rank_q05', 'number', '位次 5% 分位', 'rank 5th pct', rows.map(([, v]) => v.rankInterval?.q05 ?? null)),
    col('rank_q95', 'number', '位次 95% 分位', 'rank 95th pct', rows.map(([, v]) => v.rankInterval?.q95 ?? null)),
    ...s.index.dimensions.map((d, k) => col(`dim_${d.code}`, 'number', d.name.zh, d.name.en, rows.map(([, v]) => v.dims[k] ?? null))),
  ], s.index.sourceIds);
}

function trendTable(s: Scorecards, focus: readonly string[]): Table {
  const hostSet = new Set(s.zones.map((c) => c.zone.province));
  const years = [...new Set(Object.values(s.index.series).flatMap((m) => Object.keys(m).map(Number)))].sort((a, b) => a - b);
  const mean = (pick: (region: string) => boolean, y: number): number | null => {
    const v = Object.entries(s.index.series).filter(([r]) => pick(r)).map(([, m]) => m[y]).filter((x): x is number => typeof x === 'number');
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  const provinces = [...new Set(focus.map((id) => s.zones.find((c) => c.zone.id === id)?.zone.province).filter((p): p is string => Boolean(p)))];
  return table('index_trend', L('新质生产力指数的变化', 'The NQPF index over time'), [
    col('year', 'integer', '年份', 'year', years),
    ...provinces.map((p) => {
      const c = s.zones.find((z) => z.zone.province === p) as ZoneScorecard;
      return col(`p_${p}`, 'number', c.zone.provinceName.zh, c.zone.provinceName.en, years.map((y) => s.index.series[p]?.[y] ?? null));
    }),
    col('hosts', 'number', '自贸试验区所在省份平均', 'mean of FTZ hosts', years.map((y) => mean((r) => hostSet.has(r), y))),
    col('others', 'number', '其他省份平均', 'mean of other provinces', years.map((y) => mean((r) => !hostSet.has(r), y))),
  ], s.index.sourceIds);
}

const TASK_LABEL: Record<string, Label> = { innovation: L('科技创新', 'technological innovation'), upgrading: L('产业升级', 'industrial upgrading'), green: L('绿色发展', 'green development') };

function effectsTable(s: Scorecards): Table {
  const e = s.effects;
  return table('effects', L('自贸试验区对三项重点任务的政策效应（95% 置信区间）', 'FTZ effect on the three focal tasks (95% confidence intervals)'), [
    col('task', 'text', '任务代码', 'task code', e.map((x) => x.task)),
    col('task_zh', 'text', '重点任务', 'task (zh)', e.map((x) => TASK_LABEL[x.task]?.zh ?? x.task)),
    col('task_en', 'text', '重点任务（英文）', 'task', e.map((x) => TASK_LABEL[x.task]?.en ?? x.task)),
    col('outcome', 'text', '结果变量', 'outcome', e.map((x) => (x.log ? `ln ${x.outcome}` : x.outcome))),
    col('estimator', 'text', '估计方法', 'estimator', e.map((x) => x.estimatorLabel.en)),
    col('att', 'number', '效应', 'effect', e.map((x) => x.att)),
    col('se', 'number', '标准误', 'SE', e.map((x) => x.se)),
    col('ci_low', 'number', '95% 下限', '95% CI low', e.map((x) => x.ciLow)),
    col('ci_high', 'number', '95% 上限', '95% CI high', e.map((x) => x.ciHigh)),
    col('p', 'number', 'p 值', 'p-value', e.map((x) => x.p)),
    col('years', 'text', '样本年份', 'years', e.map((x) => (x.from ? `${x.from}–${x.to}` : null))),
    col('missing_zh', 'text', '未估计原因', 'why not estimated (zh)', e.map((x) => x.error?.zh ?? null)),
    col('missing_en', 'text', '未估计原因（英文）', 'why not estimated', e.map((x) => x.error?.en ?? null)),
  ], [...new Set(e.flatMap((x) => x.sourceIds))].sort());
}

function conventionsTable(spec: ScorecardSpec, s: Scorecards): Table {
  const i = spec.index;
  const rows: [string, string, string, string][] = [
    ['zone', spec.zone ?? 'all', '评分卡对象', 'the zone the scorecard is about'],
    ['framework', `${s.index.framework.id}@${s.index.framework.version}`, s.index.framework.name.zh, s.index.framework.name.en],
    ['normalisation', `${i.normalisation.method}${i.normalisation.method === 'minmax' ? ` (shift ${i.normalisation.shift})` : ''}, ${i.normalisation.scope}`, '指标标准化方法', 'how indicators are normalised'],
    ['weights', `${i.weights.method}${i.weights.dimensions ? `; dimensions set by hand ${i.weights.dimensions.join(' : ')}` : ''}`, `维度权重：${s.index.dimensions.map((d) => `${d.name.zh} ${d.weight.toFixed(3)}`).join('，')}`, `dimension weights: ${s.index.dimensions.map((d) => `${d.name.en} ${d.weight.toFixed(3)}`).join(', ')}`],
    ['aggregation', i.aggregation.method, '加总方法', 'how the index is aggregated'],
    ['uncertainty', i.replications > 0 ? `${i.replications} runs, seed ${i.seed}` : 'not run', '位次区间：每次随机抽取标准化、赋权与加总方法并扰动权重 ±25%，取 5%–95% 分位', 'rank interval: each run draws a normalisation, weighting and aggregation and perturbs weights by ±25 %; 5th–95th percentiles'],
    ['index year', String(s.index.year), '指数取最新年份（受数据覆盖限制）', 'the index is read for its latest year (set by data coverage)'],
    ['effects', `${spec.effects.estimator}, control ${spec.effects.control}, rule ${spec.effects.rule}`, '三项任务的结果变量：' + s.effects.map((e) => `${TASK_LABEL[e.task]?.zh} ${e.log ? 'ln ' : ''}${e.outcome}`).join('，'), 'outcomes of the three tasks: ' + s.effects.map((e) => `${TASK_LABEL[e.task]?.en} ${e.log ? 'ln ' : ''}${e.outcome}`).join(', ')],
    ['task indicators', spec.year ? `latest year ≤ ${spec.year}` : 'latest year', '所在省份指标，排名范围为 22 个区的所在省份', 'host-province indicators, ranked among the hosts of the 22 zones'],
    ['scenario', spec.scenario ? `${spec.scenario.name}${spec.scenario.version ? ` v${spec.scenario.version}` : ''}` : 'none', '负面清单假设情景', 'negative-list what-if scenario'],
    ['trade', spec.trade?.file ?? 'none', '二翼贸易数据（BACI 格式）', 'trade data for the FTA wing (BACI layout)'],
  ];
  return table('conventions', L('设定与约定', 'Settings and conventions'), [
    col('option', 'text', '选项', 'option', rows.map((r) => r[0])),
    col('value', 'text', '取值', 'value', rows.map((r) => r[1])),
    col('note_zh', 'text', '说明', 'note (zh)', rows.map((r) => r[2])),
    col('note_en', 'text', '说明（英文）', 'note', rows.map((r) => r[3])),
  ]);
}

function sourcesTable(s: Scorecards): Table {
  const src = s.provenance.sources;
  return table('sources', L('数据来源', 'Data sources'), [
    col('id', 'text', '编号', 'id', src.map((x) => x.id)),
    col('publisher', 'text', '发布机构', 'publisher', src.map((x) => x.publisher)),
    col('title', 'text', '名称', 'title', src.map((x) => x.title)),
    col('url', 'text', '网址', 'URL', src.map((x) => x.url)),
    col('licence', 'text', '许可', 'licence', src.map((x) => x.licence)),
  ]);
}

/**
 * The scorecards as one Result: the items of the zone (or every zone) with their sources, the 22 zones compared,
 * the relative-position profile, the index of every province with its rank interval, the index over time, the
 * effect estimates, the index weights, the settings, and the sources; figures are specs the page and the report
 * both draw.
 */
export function scorecardResult(s: Scorecards, whatIf?: readonly WhatIfChange[]): Result<'zone_scorecard', ScorecardSpec> {
  const focus = s.spec.zone ? [s.spec.zone] : s.zones.map((c) => c.zone.id);
  const cards = s.spec.zone ? s.zones.filter((c) => c.zone.id === s.spec.zone) : s.zones;
  const weights = s.index.tables.filter((t) => t.name === 'weights' || t.name === 'dimension_weights')
    .map((t) => ({ ...t, name: `index_${t.name}` }));
  const tables: Table[] = [
    itemsTable(cards), comparisonTable(s.zones), profileTable(s.zones, focus), provincesTable(s), trendTable(s, s.spec.zone ? focus : []),
    effectsTable(s), ...weights, ...(whatIf ? [whatIfTable(whatIf)] : []), conventionsTable(s.spec, s), sourcesTable(s),
  ];
  const ids = [...new Set(tables.flatMap((t) => t.sourceIds))].sort();
  const figures: Figure[] = [
    { name: 'profile', title: L('相对位置雷达图', 'Relative position (radar)'), kind: 'radar', table: 'profile', encoding: { axis: 'axis', series: focus.length === 1 ? (focus[0] as string) : '', reference: 'median' }, sourceIds: ids },
    { name: 'index_map', title: L(`新质生产力指数地图（${s.index.year} 年）`, `NQPF index map (${s.index.year})`), kind: 'map', table: 'nqpf_provinces', encoding: { region: 'region', value: 'score', ...(s.spec.zone ? { focus: s.spec.zone } : {}) }, sourceIds: s.index.sourceIds },
    { name: 'index_rank', title: L('指数位次及其 5%–95% 区间', 'Index rank with its 5–95 % range'), kind: 'interval', table: 'nqpf_provinces', encoding: { label: 'name', x: 'rank', low: 'rank_q05', high: 'rank_q95', highlight: 'zones', ...(s.spec.zone ? { focus: s.spec.zone } : {}) }, sourceIds: s.index.sourceIds },
    { name: 'index_trend', title: L('新质生产力指数的变化', 'The NQPF index over time'), kind: 'line', table: 'index_trend', encoding: { x: 'year' }, sourceIds: s.index.sourceIds },
    { name: 'effects', title: L('政策效应及 95% 置信区间', 'FTZ effects with 95 % intervals'), kind: 'interval', table: 'effects', encoding: { label: 'task', detail: 'outcome', x: 'att', low: 'ci_low', high: 'ci_high' }, sourceIds: ids },
  ];
  return { kind: 'zone_scorecard', spec: s.spec, tables, figures, warnings: s.warnings, provenance: s.provenance };
}
