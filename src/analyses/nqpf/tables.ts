import type { Column, ColumnType, Table } from '../../core/result.js';

/** A result column with its zh/en label: the one way analyses build tables, so every label has both languages. */
export function column(
  name: string, type: ColumnType, zh: string, en: string, values: readonly (string | number | boolean | null)[],
  unit?: { zh: string; en: string },
): Column {
  return { name, type, label: { zh, en }, values: values.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)), ...(unit ? { unit } : {}) };
}

export function table(name: string, title: { zh: string; en: string }, columns: readonly Column[], sourceIds: readonly string[] = []): Table {
  return { name, title, columns, sourceIds };
}
