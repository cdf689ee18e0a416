/** Number and date formatting that follows the UI language. */
import type { ApiIndicator, ApiRegion, Lang } from '../../src/server/apiTypes.js';
import { localeOf } from './i18n.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    numberFormats.set(key, f);
  }
  return f;
}

/** Fewer decimals for large magnitudes: 20,496,028 and 4.34 both read naturally. */
export function formatNumber(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : 2;
  return numberFormat(lang, digits).format(value);
}

/** Decimals a value was published with (2049.6 → 1), at most 4: tables show numbers as the source printed them. */
function publishedDecimals(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return 0;
  const text = String(Number(v.toPrecision(12)));
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 4 : Math.min(4, text.length - dot - 1);
}

/**
 * One formatter for a column of values, so the column lines up: every value gets the decimals of the most
 * precise value in the column (47,059.4 stays 47,059.4; nothing published is rounded away).
 */
export function columnFormatter(values: Iterable<number>, lang: Lang): (value: number) => string {
  let digits = 0;
  for (const v of values) digits = Math.max(digits, publishedDecimals(v));
  const f = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (value) => f.format(value);
}

/** A measured quantity as published (areas such as 120.72 km²): up to four decimals, no rounding to taste. */
export function formatExact(value: number, lang: Lang): string {
  return numberFormat(lang, 4).format(value);
}

/** Compact axis labels: 2000万 / 20M. */
export function formatCompact(value: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2013-09-29` → 2013年9月29日 / 29 Sep 2013; `2013-09` → 2013年9月 / Sep 2013; anything else as given. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? Number(mo) : null;
  const day = d ? Number(d) : null;
  if (lang === 'zh') return `${y}年${month ? `${month}月` : ''}${day ? `${day}日` : ''}`;
  if (!month) return String(y);
  const name = MONTHS[month - 1] ?? String(month);
  return day ? `${day} ${name} ${y}` : `${name} ${y}`;
}

export function indicatorName(ind: ApiIndicator, lang: Lang): string {
  return lang === 'zh' ? ind.name_zh || ind.name_en : ind.name_en || ind.name_zh;
}

export function indicatorUnit(ind: ApiIndicator, lang: Lang): string {
  return lang === 'zh' ? ind.unit_zh || ind.unit_en : ind.unit_en || ind.unit_zh;
}

export function regionName(region: ApiRegion | undefined, code: string, lang: Lang): string {
  if (!region) return code;
  return lang === 'zh' ? region.short_zh || region.name_zh : region.name_en || region.name_zh;
}

/** Percentages for shares in 0..1. */
export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Percentages with a fixed number of decimals, for contribution shares and probabilities in 0..1. */
export function formatPercent(share: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** A plain integer such as a year or a count: no grouping below 10,000, so years read 2023, not 2,023. */
export function formatInteger(value: number, lang: Lang): string {
  return Math.abs(value) < 10_000 ? String(value) : new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(value);
}

/** A statistic with a fixed number of decimals (0.0878, 0.0880), so a column of estimates lines up. */
export function formatFixed(value: number, lang: Lang, digits: number): string {
  const key = `${lang}:fixed:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}
