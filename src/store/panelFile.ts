import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { FtzError } from '../core/errors.js';
import { decodeText, firstInvalidUtf8 } from './import/decode.js';
import { Store } from './duckdb.js';

export type PanelColumnType = 'double' | 'int' | 'text';

export interface PanelColumnSpec {
  readonly name: string;
  readonly type: PanelColumnType;
  /** allow empty cells (NaN / −1 / null); default false */
  readonly optional?: boolean;
}

export interface PanelColumns {
  readonly rows: number;
  readonly columns: ReadonlyMap<string, Float64Array | Int32Array | (string | null)[]>;
}

const sql = (s: string): string => `'${s.replaceAll("'", "''")}'`;
/** The importers' missing-value tokens (NA, N/A, -, …): absent, not "not a number". */
const MISSING_TOKENS = ['NA', 'N/A', 'NAN', 'NULL', '-', '--', '—', '——', '.', '…', '...'];
const MISSING_SQL = (col: string): string =>
  `upper(trim("${col.replaceAll('"', '""')}"::VARCHAR)) NOT IN (${MISSING_TOKENS.map((t) => `'${t}'`).join(', ')})`;
const q = (s: string): string => `"${s.replaceAll('"', '""')}"`;

async function head(path: string, bytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of createReadStream(path, { start: 0, end: bytes - 1 })) {
    chunks.push(c as Buffer);
    n += (c as Buffer).length;
  }
  return new Uint8Array(Buffer.concat(chunks, n));
}

/**
 * Reads the named columns of a large CSV or Parquet panel into typed arrays with an in-memory DuckDB (the
 * estimators want columns, never row objects). UTF-8 CSV goes straight to DuckDB's reader; a GBK file is
 * decoded in Node first, since DuckDB here cannot. Missing columns and non-numeric cells get the importers'
 * coded errors, naming the row.
 */
export async function readPanelColumns(path: string, specs: readonly PanelColumnSpec[]): Promise<PanelColumns> {
  const file = basename(path);
  try {
    await stat(path);
  } catch {
    throw new FtzError('import.file_not_found', { file: path });
  }
  const ext = extname(path).toLowerCase();
  const mem = await Store.open(':memory:', { threads: 2 });
  let tmp: string | null = null;
  try {
    let source: string;
    if (ext === '.parquet') source = `read_parquet(${sql(path)})`;
    else if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
      let csvPath = path;
      const start = await head(path, 1 << 20);
      const isUtf8 = (start[0] === 0xef && start[1] === 0xbb) || firstInvalidUtf8(start.subarray(0, Math.max(0, start.length - 4))) < 0;
      if (!isUtf8) {
        tmp = await mkdtemp(join(tmpdir(), 'ftzlab-panel-'));
        csvPath = join(tmp, 'utf8.csv');
        await writeFile(csvPath, decodeText(await readFile(path), 'auto', file).text, 'utf8');
      }
      source = `read_csv(${sql(csvPath)}, header = true, all_varchar = true${ext === '.tsv' ? ", delim = '\\t'" : ''})`;
    } else throw new FtzError('import.unsupported_format', { file, extension: ext || '(none)' });
    await mem.run(`CREATE TEMP VIEW src AS SELECT row_number() OVER () + 1 AS __line__, * FROM ${source}`);
    const have = (await mem.all<{ column_name: string }>('DESCRIBE src')).map((c) => c.column_name);
    for (const s of specs) {
      if (!have.includes(s.name)) throw new FtzError('import.missing_column', { file, column: s.name, layout: 'panel', found: have.filter((h) => h !== '__line__') });
    }
    // A cell that does not convert is reported with its line, before anything is read into memory.
    for (const s of specs) {
      if (s.type === 'text') continue;
      const target = s.type === 'int' ? 'BIGINT' : 'DOUBLE';
      const bad = await mem.one<{ line: number; v: string }>(
        `SELECT __line__::INTEGER AS line, ${q(s.name)}::VARCHAR AS v FROM src
          WHERE ${q(s.name)} IS NOT NULL AND trim(${q(s.name)}::VARCHAR) <> '' AND ${MISSING_SQL(s.name)} AND TRY_CAST(${q(s.name)} AS ${target}) IS NULL LIMIT 1`,
      );
      if (bad) throw new FtzError('import.non_numeric', { file, row: bad.line, column: s.name, value: bad.v });
      if (!s.optional) {
        const empty = await mem.one<{ line: number; v: string | null }>(`SELECT __line__::INTEGER AS line, ${q(s.name)}::VARCHAR AS v FROM src WHERE ${q(s.name)} IS NULL OR trim(${q(s.name)}::VARCHAR) = '' OR NOT ${MISSING_SQL(s.name)} LIMIT 1`);
        if (empty) throw new FtzError('import.non_numeric', { file, row: empty.line, column: s.name, value: empty.v ?? '' });
      }
    }
    const select = specs.map((s) => (s.type === 'text' ? `${q(s.name)}::VARCHAR` : `TRY_CAST(${q(s.name)} AS ${s.type === 'int' ? 'INTEGER' : 'DOUBLE'})`)).join(', ');
    const count = (await mem.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM src'))?.n ?? 0;
    if (count === 0) throw new FtzError('import.no_rows', { file });
    const out = new Map<string, Float64Array | Int32Array | (string | null)[]>();
    specs.forEach((s) => out.set(s.name, s.type === 'double' ? new Float64Array(count) : s.type === 'int' ? new Int32Array(count) : new Array<string | null>(count)));
    await mem.eachChunk(`SELECT ${select} FROM src ORDER BY __line__`, (chunk, offset) => {
      specs.forEach((s, c) => {
        const vec = chunk.getColumnVector(c);
        const target = out.get(s.name) as Float64Array | Int32Array | (string | null)[];
        for (let i = 0; i < chunk.rowCount; i++) {
          const v = vec.getItem(i) as number | string | null;
          if (s.type === 'double') (target as Float64Array)[offset + i] = v === null ? Number.NaN : (v as number);
          else if (s.type === 'int') (target as Int32Array)[offset + i] = v === null ? -1 : (v as number);
          else (target as (string | null)[])[offset + i] = v === null ? null : String(v);
        }
      });
    });
    return { rows: count, columns: out };
  } finally {
    mem.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}
