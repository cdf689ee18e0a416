import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const root = new URL('../../fixtures/reference/complexity/', import.meta.url);

/** A fixture file as text (gunzipped when it ends in .gz). */
export function fixtureText(relative: string): string {
  const bytes = readFileSync(new URL(relative, root));
  return (relative.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** A CSV from R's write.csv or pandas' to_csv: header row, optional double quotes, no embedded commas. */
export function readCsv(relative: string): { header: string[]; rows: string[][] } {
  const lines = fixtureText(relative).split(/\r?\n/).filter((l) => l.length > 0);
  const split = (line: string): string[] => line.split(',').map((c) => c.replace(/^"(.*)"$/, '$1'));
  const [head, ...rest] = lines.map(split);
  return { header: head ?? [], rows: rest };
}

/** Rows as records keyed by header. */
export function readRecords(relative: string): Record<string, string>[] {
  const { header, rows } = readCsv(relative);
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

/** Long columns of a country/product/value CSV (value "NA" → NaN). */
export function readLong(relative: string, columns: [string, string, string]): { region: string[]; product: string[]; value: Float64Array } {
  const records = readRecords(relative);
  return {
    region: records.map((r) => r[columns[0]] ?? ''),
    product: records.map((r) => r[columns[1]] ?? ''),
    value: Float64Array.from(records, (r) => (r[columns[2]] === 'NA' ? Number.NaN : Number(r[columns[2]]))),
  };
}

export function readJson<T>(relative: string): T {
  return JSON.parse(fixtureText(relative)) as T;
}

/**
 * Tolerance for a number printed by R: half a unit in its last printed decimal, plus a hair for the binary
 * representation, e.g. "0.7538883" → 5e-8.
 */
export function printedTolerance(printed: string): number {
  const decimals = printed.includes('.') ? (printed.split('.')[1] as string).length : 0;
  return 0.5 * 10 ** -decimals * (1 + 1e-9);
}

/** Largest |a − b| / max(1, |b|) over paired entries: absolute below 1, relative above. */
export function maxScaledDiff(pairs: Iterable<[number, number]>): number {
  let worst = 0;
  for (const [a, b] of pairs) {
    const d = Number.isNaN(a) && Number.isNaN(b) ? 0 : Math.abs(a - b) / Math.max(1, Math.abs(b));
    worst = Math.max(worst, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d);
  }
  return worst;
}

export const thrown = (f: () => unknown): { code: string; params: unknown } => {
  try {
    f();
  } catch (e) {
    const err = e as { code?: string; params?: unknown };
    return { code: err.code ?? `uncoded: ${String(e)}`, params: err.params };
  }
  return { code: 'no error', params: undefined };
};
