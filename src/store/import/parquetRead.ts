import { FtzError } from '../../core/errors.js';
import { Store } from '../duckdb.js';
import type { RawTable } from './rawTable.js';

/**
 * Reads a Parquet file with an in-memory DuckDB (never the user's database) and hands it on as strings, so
 * Parquet goes through the same typing and checks as CSV and XLSX.
 */
export async function readParquet(path: string, file: string): Promise<RawTable> {
  const mem = await Store.open(':memory:');
  try {
    const quoted = `'${path.replaceAll("'", "''")}'`;
    let rows: Record<string, unknown>[];
    let header: string[];
    try {
      const cols = await mem.all<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${quoted})`);
      header = cols.map((c) => c.column_name);
      rows = await mem.all<Record<string, unknown>>(`SELECT * FROM read_parquet(${quoted})`);
    } catch (e) {
      throw new FtzError('import.parquet_invalid', { file, reason: e instanceof Error ? e.message : String(e) });
    }
    if (header.length === 0) throw new FtzError('import.empty_file', { file });
    return {
      header,
      rows: rows.map((r) => header.map((h) => toText(r[h]))),
      // Parquet has no lines; number rows as a spreadsheet would, header being row 1.
      rowNumbers: rows.map((_, i) => i + 2),
      headerRow: 1,
    };
  } finally {
    mem.close();
  }
}

function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
