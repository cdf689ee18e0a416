import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Readers for the copied pysal fixtures (test-only; the library does no I/O).

const ROOT = fileURLToPath(new URL('../../fixtures/reference/index/', import.meta.url));

export function fixtureText(path: string): string {
  return readFileSync(ROOT + path, 'utf8');
}

export function expected(name: 'third_party_known_values' | 'moran_esda243'): Record<string, Record<string, unknown>> {
  return JSON.parse(fixtureText(`expected/${name}.json`)) as Record<string, Record<string, unknown>>;
}

/** Reads numeric columns of a dBase III file (pysal's .dbf). */
export function readDbf(path: string): Record<string, number[]> {
  const buf = readFileSync(ROOT + path);
  const n = buf.readUInt32LE(4);
  const headerLength = buf.readUInt16LE(8);
  const recordLength = buf.readUInt16LE(10);
  const fields: { name: string; length: number }[] = [];
  for (let off = 32; buf[off] !== 0x0d; off += 32) {
    fields.push({ name: buf.toString('latin1', off, off + 11).replace(/\0.*$/, ''), length: buf[off + 16] as number });
  }
  const out: Record<string, number[]> = Object.fromEntries(fields.map((f) => [f.name, [] as number[]]));
  for (let r = 0; r < n; r++) {
    let off = headerLength + r * recordLength + 1; // skip the deletion flag
    for (const f of fields) {
      out[f.name]?.push(Number(buf.toString('latin1', off, off + f.length).trim()));
      off += f.length;
    }
  }
  return out;
}

/** Parses a simple CSV (quoted header names, numeric or quoted text cells, no embedded commas). */
export function readCsv(path: string, options: { skipLines?: number } = {}): { header: string[]; rows: string[][] } {
  const lines = fixtureText(path).trim().split(/\r?\n/).slice(options.skipLines ?? 0);
  const split = (l: string): string[] => l.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return { header: split(lines[0] as string), rows: lines.slice(1).map(split) };
}

export function column(csv: { header: string[]; rows: string[][] }, name: string): number[] {
  const j = csv.header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return csv.rows.map((r) => Number(r[j]));
}
