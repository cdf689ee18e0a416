import { createHash } from 'node:crypto';
import { PARTS, type ScorecardPart } from '../../analyses/scorecard/scorecardTypes.js';
import type { Label, Result, Table } from '../../core/result.js';
import { column as col, table } from '../../analyses/nqpf/tables.js';
import type { Lang } from '../cellText.js';
import { scorecardChart, type ChartSpec } from '../charts/scorecardCharts.js';
import { effectSentence, itemSentence, summaryFindings, valueText } from './narrative.js';
import { fmt, rowsOf, tableOf, type Row } from './resultRows.js';

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly tone?: 'lead' | 'note' | 'code' }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  /** `widths`: percent of the text width per column, where the automatic layout would squeeze a long column */
  | { readonly kind: 'table'; readonly number: number; readonly caption: string; readonly table: Table; readonly sources: string; readonly widths?: readonly number[] }
  | { readonly kind: 'figure'; readonly number: number; readonly caption: string; readonly name: string; readonly spec: ChartSpec; readonly width: number; readonly height: number; readonly sources: string }
  | { readonly kind: 'pagebreak' };

/** A finished report as blocks, the same for every output format. */
export interface ReportDocument {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly coverLines: readonly string[];
  readonly blocks: readonly Block[];
  /** the spec that reproduces the report, as JSON */
  readonly specJson: string;
}

const L = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);

/** How each part is computed, stated once in the appendix. */
const METHODS: Record<ScorecardPart, Label> = {
  base: { zh: '负面清单引擎：适用清单的条目数来自清单时间线；限制性指数为类 STRI 评分（类别、阈值与权重随结果打印），仅在清单全部条目已录入（或导入官方文本）时计算；与 CPTPP 附件一的差距按条目要素逐项核对。', en: 'Negative-list engine: rows of the applicable list from the list timeline; the STRI-style restrictiveness score (categories, thresholds and weights printed with it) only when every measure of the list is transcribed or the official text imported; the gap to a CPTPP Annex I schedule checked element by element.' },
  wing_inside: { zh: '产业结构引擎：已核实的产业定位映射到战略性新兴产业分类与国民经济行业分类；数字经济占比为可映射定位中属于数字经济核心产业的比例；产业链覆盖度为定位部门在全国投入产出表中前 5 位上下游环节由本区或同区域自贸试验区覆盖的比例。', en: 'Structure engine: verified positioning items mapped to the SEI 2018 and GB/T 4754 classifications; the digital share is the share of mappable items in the digital-economy core; chain coverage is the share of the top-5 suppliers and customers of the positioned sectors (national IO table) covered in the zone or its macro-region.' },
  wing_between: { zh: '定位相似度为两区产业定位（行业大类）向量的余弦相似度；推荐伙伴按产业链关联 ×（1 − 相似度）排序。', en: 'Positioning similarity is the cosine similarity of the two zones\' positioning vectors (GB/T 4754 divisions); partners are ranked by chain link × (1 − similarity).' },
  wing_fta: { zh: '需导入 BACI 格式的双边贸易数据：Michaely 贸易互补性指数（0–100）对 RCEP 与 CPTPP 伙伴取平均；所用为全国贸易，不是本区贸易。', en: 'Needs bilateral trade data in the BACI layout: Michaely\'s complementarity index (0–100) averaged over RCEP and CPTPP partners; the trade is national, not the zone\'s.' },
  nqpf: { zh: '新质生产力综合指数：按所选指标体系、标准化、赋权与加总方法计算各省指数；位次区间来自蒙特卡洛不确定性分析（每次随机抽取方法并扰动权重 ±25%）。', en: 'NQPF index: computed for every province under the chosen framework, normalisation, weights and aggregation; the rank interval comes from a Monte Carlo uncertainty analysis (each run draws the methods and perturbs the weights by ±25 %).' },
  task_innovation: { zh: '所在省份指标，排名范围为 22 个自贸试验区的所在省份；政策效应为交错双重差分估计（默认 Callaway–Sant\'Anna，以尚未设立的省份为对照），聚类到省份。', en: 'Host-province indicators ranked among the hosts of the 22 zones; the FTZ effect is a staggered difference-in-differences estimate (Callaway–Sant\'Anna by default, not-yet-treated controls), clustered by province.' },
  task_upgrading: { zh: '同上；产业升级以高技术产业营业收入与地区生产总值之比衡量，政策效应以高技术产业营业收入的对数为结果变量。', en: 'As above; upgrading is high-tech revenue relative to GRP, and the effect uses the log of high-tech revenue.' },
  task_green: { zh: '同上；碳排放强度为 CEADs 省级清单排放量与地区生产总值之比（越低越好），政策效应以排放总量的对数为结果变量；碳预算需为本区设定。', en: 'As above; CO2 intensity is CEADs provincial emissions over GRP (lower is better) and the effect uses log total emissions; a carbon budget must be set for the zone.' },
};

/** Item, value, year, rank, interval, trend, source: the item and its source need the room. */
const PART_WIDTHS = [26, 12, 8, 8, 11, 9, 26];

/** One part's items as a display table: every cell text, missing ones with their reason. */
function partTable(rows: readonly Row[], lang: Lang, title: string): Table {
  const rank = (r: Row): string | null => (typeof r.rank === 'number' ? `${r.rank}/${r.of}` : null);
  const interval = (r: Row): string | null => {
    if (typeof r.low !== 'number' || typeof r.high !== 'number') return null;
    return r.interval_of === 'rank' ? L(lang, `位次 ${fmt(r.low, 1)}–${fmt(r.high, 1)}`, `rank ${fmt(r.low, 1)}–${fmt(r.high, 1)}`) : `[${fmt(r.low)}, ${fmt(r.high)}]`;
  };
  const missing = (r: Row): boolean => r.value === null && !r.value_text;
  return table('part', { zh: title, en: title }, [
    col('item', 'text', '指标', 'Item', rows.map((r) => String(lang === 'zh' ? r.item_zh : r.item_en))),
    col('value', 'text', '数值', 'Value', rows.map((r) => (missing(r) ? L(lang, '缺失', 'missing') : valueText(r, lang)))),
    col('year', 'text', '年份', 'Year', rows.map((r) => (r.year === null ? null : String(r.year)))),
    col('rank', 'text', '位次', 'Rank', rows.map(rank)),
    col('interval', 'text', '区间', 'Interval', rows.map(interval)),
    col('trend', 'text', '年均变化', 'Per year', rows.map((r) => (typeof r.trend === 'number' ? `${r.trend >= 0 ? '+' : '−'}${fmt(Math.abs(r.trend))}` : null))),
    col('basis', 'text', '来源 / 缺失原因', 'Source / why missing', rows.map((r) => String(missing(r) ? (lang === 'zh' ? r.missing_zh : r.missing_en) : String(r.source).replace(/ \[.*\]$/, '')))),
  ]);
}

/** The 22 zones side by side, with the columns a reader compares. */
function comparisonDisplay(r: Result, lang: Lang): Table {
  const t = tableOf(r, 'comparison') as Table;
  const rows = rowsOf(t);
  const keep = ['nqpf_index', 'rd_intensity', 'hitech_share', 'co2_intensity', 'digital_share', 'chain_coverage', 'max_overlap'];
  const label = (name: string): Label => t.columns.find((c) => c.name === name)?.label ?? { zh: name, en: name };
  return table('comparison', t.title, [
    col('zone', 'text', '自贸试验区', 'Zone', rows.map((x) => String(lang === 'zh' ? x.name_zh : x.zone))),
    col('batch', 'text', '批次', 'Batch', rows.map((x) => String(x.batch_year))),
    ...keep.map((k) => col(k, 'text', label(k).zh, label(k).en, rows.map((x) => (typeof x[k] === 'number' ? fmt(x[k]) : null)))),
    col('rank', 'text', '指数位次', 'Index rank', rows.map((x) => (typeof x.nqpf_rank === 'number' ? `${x.nqpf_rank} (${fmt(x.nqpf_rank_q05, 0)}–${fmt(x.nqpf_rank_q95, 0)})` : null))),
  ], t.sourceIds);
}

function sourcesLine(ids: readonly string[], lang: Lang): string {
  return ids.length ? `${L(lang, '资料来源：', 'Sources: ')}${ids.join('; ')}` : '';
}

/**
 * The report of one zone: cover, summary, one section per part of the system with its findings, table and
 * figures, the 22 zones compared, and the appendix (methods, settings, effect estimates, index weights, sources,
 * and the spec and command that reproduce it). Built from the scorecard Result only.
 */
export function buildReportDocument(r: Result, lang: Lang): ReportDocument {
  const spec = r.spec as { zone?: string };
  const zone = spec.zone;
  if (!zone) throw new Error('a report is about one zone: the Result must come from a spec with a zone');
  const items = rowsOf(tableOf(r, 'scorecard')).filter((x) => x.zone === zone);
  const comparison = rowsOf(tableOf(r, 'comparison'));
  const me = comparison.find((x) => x.zone === zone);
  const zoneName = String((lang === 'zh' ? me?.name_zh : me?.name_en) ?? zone);
  const blocks: Block[] = [];
  let tableNo = 0, figureNo = 0;
  const addTable = (t: Table, caption: string, sourceIds: readonly string[] = t.sourceIds, widths?: readonly number[]): void => {
    blocks.push({ kind: 'table', number: ++tableNo, caption, table: t, sources: sourcesLine(sourceIds, lang), ...(widths ? { widths } : {}) });
  };
  const addFigure = (name: string, height = 420): void => {
    const fig = r.figures.find((f) => f.name === name);
    if (!fig) return;
    blocks.push({ kind: 'figure', number: ++figureNo, caption: fig.title[lang], name, spec: scorecardChart(r, name, lang), width: 760, height, sources: sourcesLine(fig.sourceIds, lang) });
  };

  blocks.push({ kind: 'heading', level: 1, text: L(lang, '摘要', 'Summary') });
  blocks.push({
    kind: 'paragraph', tone: 'lead',
    text: L(lang,
      `本报告按“一基两翼三重点”体系评估${zoneName}：以制度型开放为基，以自贸试验区和自贸协定为两翼（区内、区际、区与协定三个层面），以科技创新、产业升级和绿色发展为三项重点任务。所列数值均来自内置的有来源数据或可复现的分析；缺失项如实标注。`,
      `This report assesses the ${zoneName} under the "one base, two wings, three focal points" system: institutional opening-up as the base; the FTZs and the FTAs as the two wings (inside the zone, between zones, zone with FTAs); technological innovation, industrial upgrading and green development as the three focal tasks. Every number comes from bundled, sourced data or a reproducible analysis; missing items are shown as missing.`),
  });
  blocks.push({ kind: 'bullets', items: summaryFindings(r, zone, lang) });
  addFigure('profile', 440);

  const effects = rowsOf(tableOf(r, 'effects'));
  for (const p of PARTS) {
    const rows = items.filter((x) => x.part === p.key);
    blocks.push({ kind: 'heading', level: 1, text: p.label[lang] });
    blocks.push({ kind: 'paragraph', text: rows.map((x) => itemSentence(x, lang)).join(' ') });
    const task = p.key.startsWith('task_') ? p.key.slice(5) : null;
    const effect = task ? effects.find((e) => e.task === task) : undefined;
    if (effect) blocks.push({ kind: 'paragraph', text: effectSentence(effect, lang) + L(lang, '这是全部自贸试验区所在省份的平均效应，不是本区单独的效应。', ' This is the average over all FTZ host provinces, not this zone alone.') });
    addTable(partTable(rows, lang, p.label[lang]), p.label[lang], [...new Set(rows.flatMap((x) => String(x.source_ids ?? '').split('; ').filter(Boolean)))].sort(), PART_WIDTHS);
    if (p.key === 'nqpf') {
      addFigure('index_trend', 380);
      addFigure('index_rank', 640);
      addFigure('index_map', 460);
    }
    if (p.key === 'task_green') addFigure('effects', 340);
  }

  blocks.push({ kind: 'heading', level: 1, text: L(lang, '22 个自贸试验区比较', 'The 22 zones compared') });
  blocks.push({ kind: 'paragraph', text: L(lang, '数值为所在省份指标；同一省份的自贸试验区数值相同。括号内为指数位次的 5%–95% 区间。', 'Values are host-province indicators; zones in the same province share them. In brackets: the 5–95 % range of the index rank.') });
  addTable(comparisonDisplay(r, lang), L(lang, '22 个自贸试验区比较', 'The 22 zones compared'));

  blocks.push({ kind: 'pagebreak' });
  blocks.push({ kind: 'heading', level: 1, text: L(lang, '附录：方法、设定与来源', 'Appendix: methods, settings and sources') });
  blocks.push({ kind: 'heading', level: 2, text: L(lang, '方法', 'Methods') });
  blocks.push({ kind: 'bullets', items: PARTS.map((p) => `${p.label[lang]}：${METHODS[p.key][lang]}`.replace('：', lang === 'zh' ? '：' : ': ')) });
  const conventions = tableOf(r, 'conventions');
  if (conventions) addTable(conventions, conventions.title[lang]);
  const effectsTable = tableOf(r, 'effects');
  if (effectsTable) addTable(effectsTable, effectsTable.title[lang]);
  for (const name of ['index_dimension_weights', 'index_weights']) {
    const t = tableOf(r, name);
    if (t) addTable(t, t.title[lang]);
  }
  if (r.warnings.length) {
    blocks.push({ kind: 'heading', level: 2, text: L(lang, '提示', 'Warnings') });
    blocks.push({ kind: 'bullets', items: [...new Set(r.warnings.map((w) => w.message[lang]))] });
  }
  const sources = tableOf(r, 'sources');
  blocks.push({ kind: 'heading', level: 2, text: L(lang, '数据来源', 'Data sources') });
  if (sources) addTable(sources, sources.title[lang], []);
  blocks.push({ kind: 'heading', level: 2, text: L(lang, '复现', 'Reproduce') });
  const specJson = JSON.stringify(r.spec, null, 2);
  blocks.push({ kind: 'paragraph', text: L(lang, '将下列设定存为 spec.json，运行：', 'Save the settings below as spec.json and run:') });
  blocks.push({ kind: 'paragraph', tone: 'code', text: `ftzlab report --spec spec.json --lang ${lang} --out report.pdf` });
  blocks.push({ kind: 'paragraph', tone: 'code', text: specJson });
  blocks.push({
    kind: 'paragraph', tone: 'note',
    text: `ftzlab ${r.provenance.package.version}; ${r.provenance.inputs.map((i) => `${i.name} sha256 ${i.sha256}`).join('; ')}; ${L(lang, '生成于', 'created')} ${r.provenance.createdAt}`,
  });

  const date = r.provenance.createdAt.slice(0, 10);
  return {
    lang,
    title: L(lang, `${zoneName}评分卡`, `${zoneName}: scorecard`),
    subtitle: L(lang, '“一基两翼三重点”视角下的新质生产力评估报告', 'New quality productive forces under "one base, two wings, three focal points"'),
    coverLines: [
      `${L(lang, '日期', 'Date')}: ${date}`,
      `ftzlab ${r.provenance.package.version}`,
      `${L(lang, '设定指纹', 'Spec fingerprint')}: sha256 ${createHash('sha256').update(specJson).digest('hex').slice(0, 16)}`,
      ...r.provenance.inputs.map((i) => `${i.name}: sha256 ${i.sha256.slice(0, 16)}`),
    ],
    blocks,
    specJson,
  };
}

