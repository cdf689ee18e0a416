import type { Column } from '../core/result.js';

export type Lang = 'zh' | 'en';

/** Decimals a column is printed with: the most any of its values needs, at most `max` (scores need 4). */
export function columnDecimals(col: Column, max = 4): number {
  if (col.type === 'integer') return 0;
  let d = 0;
  for (const v of col.values) {
    if (typeof v !== 'number' || !Number.isFinite(v) || Number.isInteger(v)) continue;
    const text = String(Number(v.toPrecision(12)));
    const dot = text.indexOf('.');
    d = Math.max(d, dot < 0 || text.includes('e') ? max : Math.min(max, text.length - dot - 1));
    if (d === max) break;
  }
  return d;
}

/** A cell as printed in a document table: fixed decimals per column, "—" for missing (never 0). */
export function cellText(col: Column, i: number, decimals: number): string {
  const v = col.values[i];
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '—';
  if (typeof v === 'number') return v.toFixed(decimals);
  if (typeof v === 'boolean') return v ? '✓' : '';
  return v;
}

export function columnHeader(col: Column, lang: Lang): string {
  const name = col.label[lang];
  return col.unit ? `${name} (${col.unit[lang]})` : name;
}
