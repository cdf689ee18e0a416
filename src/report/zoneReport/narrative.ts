import type { Result } from '../../core/result.js';
import type { Lang } from '../cellText.js';
import { fmt, rowsOf, signed, tableOf, type Row } from './resultRows.js';

/**
 * The report's sentences, each filled from one row of the Result: a template per kind of statement, with the
 * number, its year, rank, interval and trend as computed. Nothing is said that a table does not hold.
 */

const UNITS: Record<string, { zh: string; en: string }> = {
  '%': { zh: '%', en: '%' },
  rows: { zh: ' 条', en: ' rows' },
  items: { zh: ' 条', en: ' items' },
  measures: { zh: ' 条', en: ' measures' },
  index: { zh: '', en: '' },
  '0–1': { zh: '', en: '' },
  '0–100': { zh: '', en: '' },
  'log points': { zh: ' 个对数点', en: ' log points' },
  't CO2 / 10k yuan': { zh: ' 吨二氧化碳/万元', en: ' t CO2 per 10,000 yuan' },
};

export function unitText(unit: string | null | undefined, lang: Lang): string {
  if (!unit) return '';
  return UNITS[unit]?.[lang] ?? ` ${unit}`;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The value of an item as text: a number with its unit, or the text value. */
export function valueText(row: Row, lang: Lang): string {
  const v = num(row.value);
  if (v !== null) return `${fmt(v)}${unitText(str(row.unit), lang)}`;
  return str(row.value_text);
}

/** One item as a sentence: value, year, rank, interval, trend and note; or why it is missing. */
export function itemSentence(row: Row, lang: Lang): string {
  const en = str(row.item_en);
  const name = lang === 'zh' ? str(row.item_zh) : en.charAt(0).toUpperCase() + en.slice(1);
  if (row.value === null && !row.value_text) {
    const why = str(lang === 'zh' ? row.missing_zh : row.missing_en);
    return lang === 'zh' ? `${name}：缺失（${why}）。` : `${name}: missing (${why}).`;
  }
  const parts: string[] = [];
  const year = num(row.year);
  const rank = num(row.rank), of = num(row.of);
  const low = num(row.low), high = num(row.high);
  const trend = num(row.trend);
  const note = str(lang === 'zh' ? row.note_zh : row.note_en);
  if (lang === 'zh') {
    parts.push(`${name}为 ${valueText(row, lang)}${year ? `（${year} 年）` : ''}`);
    if (rank !== null && of !== null) parts.push(`，在 ${of} 个${row.among === 'hosts' ? '自贸试验区所在省份' : '省份'}中居第 ${rank} 位`);
    if (low !== null && high !== null) parts.push(row.interval_of === 'rank' ? `（不确定性模拟中位次的 5%–95% 区间为第 ${fmt(low, 1)}–${fmt(high, 1)} 位）` : `（95% 置信区间 ${fmt(low)} 至 ${fmt(high)}）`);
    if (trend !== null) parts.push(`；近五年年均${trend >= 0 ? '上升' : '下降'} ${fmt(Math.abs(trend))}`);
    return `${parts.join('')}。${note ? `${note}。` : ''}`;
  }
  parts.push(`${name}: ${valueText(row, lang)}${year ? ` (${year})` : ''}`);
  if (rank !== null && of !== null) parts.push(`, ranked ${rank} of ${of} ${row.among === 'hosts' ? 'FTZ host provinces' : 'provinces'}`);
  if (low !== null && high !== null) parts.push(row.interval_of === 'rank' ? ` (5–95 % range of the rank over the uncertainty runs: ${fmt(low, 1)}–${fmt(high, 1)})` : ` (95 % CI ${fmt(low)} to ${fmt(high)})`);
  if (trend !== null) parts.push(`; over the last five years it changed by ${signed(trend)} per year`);
  return `${parts.join('')}.${note ? ` ${note}.` : ''}`;
}

/** An effect estimate read out: direction, size (in % for log outcomes), interval, and whether it excludes zero. */
export function effectSentence(row: Row, lang: Lang): string {
  const task = str(lang === 'zh' ? row.task_zh : row.task_en);
  const att = num(row.att), lo = num(row.ci_low), hi = num(row.ci_high), p = num(row.p);
  if (att === null) {
    const why = str(lang === 'zh' ? row.missing_zh : row.missing_en);
    return lang === 'zh' ? `${task}：未能估计政策效应（${why}）。` : `${task}: the FTZ effect could not be estimated (${why}).`;
  }
  const outcome = str(row.outcome);
  const log = outcome.startsWith('ln ');
  const pct = log ? ` ≈ ${signed(100 * (Math.exp(att) - 1), 1)}%` : '';
  const excludes = lo !== null && hi !== null && (lo > 0 || hi < 0);
  if (lang === 'zh') {
    return `${task}：按 ${str(row.estimator)} 估计，设立自贸试验区后所在省份的 ${outcome} 平均${att >= 0 ? '提高' : '降低'} ${fmt(Math.abs(att))}${log ? ' 个对数点' : ''}${pct}`
      + `（95% 置信区间 ${fmt(lo)} 至 ${fmt(hi)}${p !== null ? `，p = ${fmt(p)}` : ''}，${str(row.years)} 年）；`
      + `${excludes ? '区间不含 0' : '区间包含 0，不能排除没有效应'}。`;
  }
  return `${task}: by ${str(row.estimator)}, ${outcome} in FTZ host provinces ${att >= 0 ? 'rose' : 'fell'} by ${fmt(Math.abs(att))}${log ? ' log points' : ''}${pct} on average after the zones were set up`
    + ` (95 % CI ${fmt(lo)} to ${fmt(hi)}${p !== null ? `, p = ${fmt(p)}` : ''}, ${str(row.years)}); `
    + `${excludes ? 'the interval excludes zero' : 'the interval includes zero: no effect cannot be ruled out'}.`;
}

/** The summary's findings, each a sentence with its numbers. */
export function summaryFindings(r: Result, zone: string, lang: Lang): string[] {
  const items = rowsOf(tableOf(r, 'scorecard')).filter((x) => x.zone === zone);
  const out: string[] = [];
  const index = items.find((x) => x.key === 'nqpf_index');
  if (index) out.push(itemSentence(index, lang));
  const profile = rowsOf(tableOf(r, 'profile'));
  const scored = profile.filter((p) => num(p[zone]) !== null).sort((a, b) => (num(b[zone]) as number) - (num(a[zone]) as number));
  const best = scored[0], worst = scored.at(-1);
  if (best && worst && best !== worst) {
    const name = (p: Row): string => str(lang === 'zh' ? p.axis_zh : p.axis_en);
    out.push(lang === 'zh'
      ? `在 ${scored.length} 项与其他自贸试验区可比的指标中，相对位置最好的是${name(best)}（百分位 ${fmt(num(best[zone]), 0)}），最弱的是${name(worst)}（百分位 ${fmt(num(worst[zone]), 0)}）。`
      : `Of the ${scored.length} items comparable across the zones, the zone stands best on ${name(best)} (percentile ${fmt(num(best[zone]), 0)}) and weakest on ${name(worst)} (percentile ${fmt(num(worst[zone]), 0)}).`);
  }
  const effects = rowsOf(tableOf(r, 'effects'));
  const clear = effects.filter((e) => num(e.ci_low) !== null && ((num(e.ci_low) as number) > 0 || (num(e.ci_high) as number) < 0));
  if (effects.length) {
    const names = (rows: Row[]): string => rows.map((e) => str(lang === 'zh' ? e.task_zh : e.task_en)).join(lang === 'zh' ? '、' : ', ');
    out.push(lang === 'zh'
      ? `政策效应（全部自贸试验区所在省份的平均效应）：${clear.length ? `${names(clear)}的 95% 置信区间不含 0` : '三项任务的 95% 置信区间均包含 0'}${clear.length < effects.length && clear.length ? `；${names(effects.filter((e) => !clear.includes(e)))}的区间包含 0` : ''}。`
      : `FTZ effects (averages over all FTZ host provinces): ${clear.length ? `the 95 % intervals of ${names(clear)} exclude zero` : 'all three 95 % intervals include zero'}${clear.length < effects.length && clear.length ? `; those of ${names(effects.filter((e) => !clear.includes(e)))} include zero` : ''}.`);
  }
  const partners = items.find((x) => x.key === 'best_partners');
  if (partners?.value_text) out.push(lang === 'zh' ? `推荐的区际合作伙伴：${str(partners.value_text)}（依据产业链关联且定位不重合）。` : `Suggested partner zones: ${str(partners.value_text)} (linked by the supply chain, unlike in positioning).`);
  const missing = items.filter((x) => x.value === null && !x.value_text);
  if (missing.length) {
    out.push(lang === 'zh'
      ? `${missing.length} 项指标缺失（${missing.map((x) => str(x.item_zh)).join('；')}），均如实标注，未以 0 或均值填补。`
      : `${missing.length} items are missing (${missing.map((x) => str(x.item_en)).join('; ')}); they are shown as missing, never filled with 0 or a mean.`);
  }
  return out;
}
