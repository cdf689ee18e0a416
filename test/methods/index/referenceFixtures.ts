import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataMatrix } from '../../../src/methods/index/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/reference/index');

/** Reads a small CSV written by R's write.csv: quoted strings (may contain commas), "NA" for missing. */
export function readCsv(relative: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(join(root, relative), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const split = (line: string): string[] => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let k = 0; k < line.length; k++) {
      const ch = line[k];
      if (quoted) {
        if (ch === '"' && line[k + 1] === '"') { cell += '"'; k++; }
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { cells.push(cell); cell = ''; }
      else cell += ch;
    }
    cells.push(cell);
    return cells;
  };
  const [head, ...rest] = lines.map(split);
  return { header: head ?? [], rows: rest };
}

export function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(join(root, relative), 'utf8')) as unknown;
}

/** A CSV with a `uCode` first column and numeric columns, as a DataMatrix (NA → NaN). */
export function readUnitTable(relative: string, columns?: readonly string[]): DataMatrix {
  const { header, rows } = readCsv(relative);
  const names = columns ?? header.slice(1);
  const idx = names.map((c) => header.indexOf(c));
  if (idx.some((k) => k < 0)) throw new Error(`missing column in ${relative}`);
  const values = new Float64Array(rows.length * names.length);
  rows.forEach((r, i) => idx.forEach((k, j) => {
    const cell = r[k] ?? 'NA';
    values[i * names.length + j] = cell === 'NA' ? Number.NaN : Number(cell);
  }));
  return { n: rows.length, m: names.length, values, units: rows.map((r) => r[0] ?? ''), indicators: names };
}

export interface AsemMetaRow { level: number; code: string; direction: number; weight: number; parent: string | null }

export function readAsemMeta(): AsemMetaRow[] {
  const { header, rows } = readCsv('coinr_asem/ASEM_iMeta.csv');
  const col = (name: string): number => header.indexOf(name);
  return rows
    .filter((r) => r[col('Type')] === 'Indicator' || r[col('Type')] === 'Aggregate')
    .map((r) => ({
      level: Number(r[col('Level')]),
      code: r[col('iCode')] ?? '',
      direction: Number(r[col('Direction')]),
      weight: Number(r[col('Weight')]),
      parent: r[col('Parent')] === 'NA' ? null : (r[col('Parent')] ?? null),
    }));
}

/** Largest absolute difference over cells present in both (NaN must match NaN). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (!(Number.isNaN(x) && Number.isNaN(y))) return Infinity;
      continue;
    }
    worst = Math.max(worst, Math.abs(x - y));
  }
  return worst;
}

/** Runs fn and returns the FtzError code and params it throws. */
export function thrown(fn: () => unknown): { code: string; params: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    const err = e as { code?: string; params?: Record<string, unknown> };
    return { code: err.code ?? 'not an FtzError', params: err.params ?? {} };
  }
  return { code: 'nothing thrown', params: {} };
}
