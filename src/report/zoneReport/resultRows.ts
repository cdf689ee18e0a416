import type { Result, Table } from '../../core/result.js';

export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

/** A Result table as row objects (the report reads rows; Results store columns). */
export function rowsOf(t: Table | undefined): Row[] {
  if (!t) return [];
  const n = t.columns[0]?.values.length ?? 0;
  return Array.from({ length: n }, (_, i) => Object.fromEntries(t.columns.map((c) => [c.name, c.values[i] ?? null])));
}

export function tableOf(r: Result, name: string): Table | undefined {
  return r.tables.find((t) => t.name === name);
}

/**
 * A number as a reader expects it: up to three decimals for small magnitudes, fewer for large ones, thin
 * grouping avoided so the text reads the same in both languages.
 */
export function fmt(v: Cell | undefined, digits?: number): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  const d = digits ?? (Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 10 ? 2 : 3);
  return Number(v.toFixed(d)).toString();
}

export function signed(v: number, digits?: number): string {
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${fmt(Math.abs(v), digits)}`;
}
