/**
 * Reading the scorecard Result on the page: its items grouped by part, sources split into data ids and the
 * command behind a value, and numbers written with as many digits as the quantity needs. The page computes
 * nothing the server did not.
 */
import type { Lang } from '../../../../src/server/apiTypes.js';
import { localeOf, type MessageKey } from '../../i18n.js';
import { findTable, num, rowsOf, text, type Result, type Row, type Table } from '../index/result.js';
import type { Aggregation, Normalisation, WeightMethod } from '../index/spec.js';

export type { Result, Row, Table };

export const RESULT_PATH = 'api/scorecard/result';

// the scorecard's index takes the index page's methods, labelled the same way
export { AGGREGATIONS, NORMALISATIONS, WEIGHTS, aggKey, normKey, weightKey, type Aggregation, type Normalisation, type WeightMethod } from '../index/spec.js';

/** The body of `POST api/scorecard/result`. */
export interface ScorecardRequest {
  readonly zone?: string;
  readonly index?: {
    readonly weights?: { readonly method?: WeightMethod; readonly dimensions?: readonly number[] };
    readonly normalisation?: { readonly method?: Normalisation };
    readonly aggregation?: { readonly method?: Aggregation };
  };
  readonly scenario?: { readonly name: string; readonly version?: number };
  readonly whatIf?: true;
}

export interface SavedScenario {
  readonly name: string;
  readonly version: number;
  readonly edition: string;
  readonly createdAt: string;
}

export interface ScenariosResponse {
  readonly scenarios: readonly SavedScenario[];
}

export function tableRows(result: Result, name: string): Row[] {
  const t = findTable(result, name);
  return t ? rowsOf(t) : [];
}

export interface Part {
  readonly code: string;
  readonly label: string;
  readonly items: readonly Row[];
}

/** The scorecard's items by part, parts in the order the server lists them. */
export function partsOf(result: Result, lang: Lang): Part[] {
  const parts = new Map<string, { label: string; items: Row[] }>();
  for (const r of tableRows(result, 'scorecard')) {
    const code = text(r['part']);
    const entry = parts.get(code) ?? { label: text(lang === 'zh' ? r['part_zh'] : r['part_en']) || code, items: [] };
    entry.items.push(r);
    parts.set(code, entry);
  }
  return [...parts.entries()].map(([code, p]) => ({ code, label: p.label, items: p.items }));
}

export interface SourceParts {
  /** data ids, each a card on the Sources page */
  readonly ids: readonly string[];
  /** the analysis that produced the value, as the CLI command (without `ftzlab`) */
  readonly command: string | null;
}

const DATA_ID = /^[a-z][a-z0-9_]*\.[a-z0-9_.-]+$/i;

/**
 * The server writes a data source as `id; id` and an analysis as `command [id; id]`; only the flattened text
 * reaches the table, so the two are told apart by shape.
 */
export function parseSource(source: string): SourceParts {
  const s = source.trim();
  if (!s) return { ids: [], command: null };
  const split = (list: string) => list.split(';').map((x) => x.trim()).filter(Boolean);
  const bracket = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(s);
  if (bracket) return { command: bracket[1]?.trim() || null, ids: split(bracket[2] ?? '') };
  const tokens = split(s);
  if (tokens.length > 0 && tokens.every((x) => DATA_ID.test(x))) return { ids: tokens, command: null };
  return { ids: [], command: s };
}

/**
 * Digits by magnitude: an index of 0.497 keeps three significant digits, a share of 16.72 % two decimals, a
 * count of 27 none. Scorecard values come from different analyses, so no column-wide rule fits them all.
 */
export function formatValue(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  const locale = localeOf(lang);
  if (abs === 0) return '0';
  if (abs >= 1000) return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  if (abs >= 100) return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (abs >= 1) return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }).format(value);
}

/** A change, always signed, so a rise and a fall read apart at a glance. */
export function formatSigned(value: number, lang: Lang): string {
  const s = formatValue(value, lang);
  return value > 0 ? `+${s}` : s;
}

/** Rank quantiles come interpolated (3.05); a rank is read as a whole place. */
export function formatRank(value: number): string {
  return String(Math.round(value));
}

// units come as one language-neutral string per item; those the scorecard uses are translated here
const UNIT_KEYS: Readonly<Record<string, MessageKey>> = {
  rows: 'scorecard.unit.rows',
  items: 'scorecard.unit.items',
  measures: 'scorecard.unit.measures',
  index: 'scorecard.unit.index',
  '0–1': 'scorecard.unit.scale01',
  '0–100': 'scorecard.unit.scale0100',
  LQ: 'scorecard.unit.lq',
  'log points': 'scorecard.unit.logPoints',
  't CO2 / 10k yuan': 'scorecard.unit.co2PerYuan',
};

export function unitText(unit: string, t: (key: MessageKey) => string): string {
  const key = UNIT_KEYS[unit];
  return key ? t(key) : unit;
}

/** A value and its unit: a percent sign sits on the number, a word after a space. */
export function withUnit(value: string, unit: string): string {
  if (!unit) return value;
  if (unit === '%' || unit.startsWith('（')) return `${value}${unit}`;
  return `${value} ${unit}`;
}

/** The zone columns of the profile table (every column but the axis labels and the median). */
export function profileZones(profile: Table): string[] {
  const fixed = new Set(['axis', 'axis_zh', 'axis_en', 'median']);
  return profile.columns.filter((c) => !fixed.has(c.name)).map((c) => c.name);
}

/**
 * The all-zones Result narrowed to one zone's radar: the profile table keeps the axes, that zone and the
 * median, and the figure is titled with the zone's name, so `scorecardChart` draws it as it draws a scorecard's.
 */
export function oneZoneProfile(result: Result, zone: string, title: { zh: string; en: string }): Result {
  const keep = new Set(['axis', 'axis_zh', 'axis_en', zone, 'median']);
  return {
    ...result,
    tables: result.tables.map((t) => (t.name === 'profile' ? { ...t, columns: t.columns.filter((c) => keep.has(c.name)) } : t)),
    figures: result.figures.map((f) => (f.name === 'profile' ? { ...f, title, encoding: { ...f.encoding, series: zone } } : f)),
  };
}

/** The items a what-if changed, as `part|key` (the what-if table and the scorecard table both carry the item code). */
export function changedItems(result: Result | null): ReadonlySet<string> {
  return new Set(result ? tableRows(result, 'what_if').map((r) => changeKey(r)) : []);
}

export function changeKey(row: Row): string {
  return `${text(row['part'])}|${text(row['key'])}`;
}

/** English item names come lower-case from the server ("trade complementarity …"); a row label starts with a capital. */
export function itemText(name: string, lang: Lang): string {
  return lang === 'en' && /^[a-z][a-z]/.test(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

export { findTable, num, rowsOf, text };
