/**
 * Reading the index run's `Result` on the page: its tables by name, their rows, labels in the UI language and
 * the region names the `scores` table carries. The page draws what the server computed; it computes nothing.
 */
import type { Column, Label, Result, Table } from '../../../../src/core/result.js';
import type { Lang } from '../../../../src/server/apiTypes.js';

export type { Column, Label, Result, Table };
export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

export function findTable(result: Result, name: string): Table | undefined {
  return result.tables.find((t) => t.name === name);
}

export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

export function rowCount(table: Table): number {
  return table.columns[0]?.values.length ?? 0;
}

/** The table as row objects keyed by column name. */
export function rowsOf(table: Table): Row[] {
  const n = rowCount(table);
  const rows: Record<string, Cell>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, Cell> = {};
    for (const c of table.columns) row[c.name] = c.values[i] ?? null;
    rows.push(row);
  }
  return rows;
}

export function labelOf(label: Label, lang: Lang): string {
  return lang === 'zh' ? label.zh || label.en : label.en || label.zh;
}

/** A finite number, or null for anything missing (null, NaN, text). */
export function num(v: Cell | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function text(v: Cell | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/**
 * English column labels come lower-case ("overall Gini G"); a header starts with a capital. Symbols keep their
 * case: t, z, p-value and β are not words.
 */
export function headerText(label: Label, lang: Lang): string {
  const s = labelOf(label, lang);
  return lang === 'en' && /^[a-z][a-z]/.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export interface RegionName {
  readonly zh: string;
  readonly en: string;
}

/** Region code → name in both languages, from the `scores` table (which has both). */
export function regionNames(result: Result): ReadonlyMap<string, RegionName> {
  const out = new Map<string, RegionName>();
  const scores = findTable(result, 'scores');
  if (!scores) return out;
  for (const r of rowsOf(scores)) {
    const code = text(r['region']);
    if (code && !out.has(code)) out.set(code, { zh: text(r['name_zh']) || code, en: text(r['name_en']) || text(r['name_zh']) || code });
  }
  return out;
}

export function nameIn(names: ReadonlyMap<string, RegionName>, code: string, lang: Lang): string {
  const n = names.get(code);
  return n ? n[lang] : code;
}

/** The years a table covers, ascending. */
export function yearsOf(table: Table | undefined): number[] {
  if (!table) return [];
  const col = findColumn(table, 'year');
  if (!col) return [];
  const set = new Set<number>();
  for (const v of col.values) if (typeof v === 'number') set.add(v);
  return [...set].sort((a, b) => a - b);
}
