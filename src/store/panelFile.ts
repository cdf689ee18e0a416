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

/** The parts of @duckdb/node-api's vectors read here directly (present in the pinned version; checked before use). */
interface RawVector {
  readonly items?: unknown;
  readonly dataView?: unknown;
  readonly validity?: { readonly data?: BigUint64Array | null; readonly offset?: number };
  getItem(i: number): unknown;
}

/** Invalid (NULL) rows of a vector as a bit mask (bit i of word i >> 5), or null when every row is valid. */
function nullMask(vec: RawVector): Uint32Array | null | undefined {
  const v = vec.validity;
  if (v === undefined || (v.offset ?? 0) !== 0) return undefined;
  if (v.data === null || v.data === undefined) return null;
  return new Uint32Array(v.data.buffer, v.data.byteOffset, v.data.length * 2);
}
const isNull = (mask: Uint32Array, i: number): boolean => (((mask[i >>> 5] as number) >>> (i & 31)) & 1) === 0;

/** A typed array that grows as chunks arrive (the row count of a CSV scan is not known in advance). */
class Growable<T extends Float64Array | Int32Array> {
  length = 0;
  constructor(public data: T, private readonly make: (n: number) => T) {}
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    const next = this.make(Math.max(this.length + extra, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** The filled part; a view when little capacity is unused (no copy), else a trimmed copy. */
  done(): T {
    return (this.length >= 0.9 * this.data.length ? this.data.subarray(0, this.length) : this.data.slice(0, this.length)) as T;
  }
}

/**
 * Streams `query` (one output column per spec, in order) into typed arrays, reading DuckDB's chunk vectors in
 * bulk (no per-row objects): numbers are copied from the vectors' typed arrays, and a short string equal to
 * the previous row's (a unit id repeated over its periods) reuses the previous JS string instead of decoding
 * again. NULL becomes NaN (double), −1 (int) or null (text). With `strict`, a NULL in a required column
 * returns null instead (the caller then takes the checked path, which reports the line).
 */
async function readColumns(mem: Store, specs: readonly PanelColumnSpec[], query: string, strict: boolean, expectedRows = 1 << 16): Promise<PanelColumns | null> {
  const cap = Math.max(1024, Math.ceil(expectedRows));
  const nums = specs.map((s) =>
    s.type === 'double' ? new Growable<Float64Array>(new Float64Array(cap), (n) => new Float64Array(n))
      : s.type === 'int' ? new Growable<Int32Array>(new Int32Array(cap), (n) => new Int32Array(n)) : null);
  const texts = specs.map((s) => (s.type === 'text' ? ([] as (string | null)[]) : null));
  // Last string of each text column with its 16-byte DuckDB header (length + inline bytes), across chunks.
  const lastKey = specs.map(() => new Uint32Array(4));
  const lastStr: (string | null)[] = specs.map(() => null);
  let rows = 0;
  let rejected = false;
  await mem.eachChunk(query, (chunk) => {
    if (rejected) return;
    const n = chunk.rowCount;
    for (let c = 0; c < specs.length; c++) {
      const s = specs[c] as PanelColumnSpec;
      const vec = chunk.getColumnVector(c) as unknown as RawVector;
      const mask = nullMask(vec);
      const num = nums[c];
      if (num) {
        num.reserve(n);
        const items = vec.items;
        const fill = s.type === 'double' ? Number.NaN : -1;
        if (mask !== undefined && (items instanceof Float64Array || items instanceof Int32Array) && items.length >= n && (s.type === 'double') === items instanceof Float64Array) {
          num.data.set(items.subarray(0, n), num.length);
          if (mask) {
            for (let i = 0; i < n; i++) {
              if (isNull(mask, i)) {
                if (strict && !s.optional) { rejected = true; return; }
                num.data[num.length + i] = fill;
              }
            }
          }
        } else {
          for (let i = 0; i < n; i++) {
            const v = vec.getItem(i) as number | null;
            if (v === null && strict && !s.optional) { rejected = true; return; }
            num.data[num.length + i] = v === null ? fill : v;
          }
        }
        num.length += n;
        continue;
      }
      const out = texts[c] as (string | null)[];
      const dv = vec.dataView;
      if (mask === undefined || !(dv instanceof DataView) || dv.byteLength < n * 16) {
        for (let i = 0; i < n; i++) {
          const v = vec.getItem(i) as string | null;
          if (v === null && strict && !s.optional) { rejected = true; return; }
          out.push(v === null ? null : String(v));
        }
        continue;
      }
      const key = lastKey[c] as Uint32Array;
      let prev = lastStr[c] as string | null;
      for (let i = 0; i < n; i++) {
        if (mask && isNull(mask, i)) {
          if (strict && !s.optional) { rejected = true; return; }
          out.push(null);
          prev = null;
          continue;
        }
        const o = i * 16;
        const len = dv.getUint32(o, true);
        const k1 = dv.getUint32(o + 4, true), k2 = dv.getUint32(o + 8, true), k3 = dv.getUint32(o + 12, true);
        // Strings of at most 12 bytes are stored inline, so equal headers mean equal strings.
        if (prev !== null && len <= 12 && len === key[0] && k1 === key[1] && k2 === key[2] && k3 === key[3]) {
          out.push(prev);
          continue;
        }
        prev = String(vec.getItem(i));
        out.push(prev);
        if (len <= 12) { key[0] = len; key[1] = k1; key[2] = k2; key[3] = k3; } else prev = null;
      }
      lastStr[c] = prev;
    }
    rows += n;
  });
  if (rejected) return null;
  const columns = new Map<string, Float64Array | Int32Array | (string | null)[]>();
  specs.forEach((s, c) => columns.set(s.name, nums[c] ? (nums[c] as Growable<Float64Array | Int32Array>).done() : (texts[c] as (string | null)[])));
  return { rows, columns };
}

/**
 * Reads the named columns of a large CSV or Parquet panel into typed arrays with an in-memory DuckDB (the
 * estimators want columns, never row objects). UTF-8 CSV goes straight to DuckDB's reader; a GBK file is
 * decoded in Node first, since DuckDB here cannot. Missing columns and non-numeric cells get the importers'
 * coded errors, naming the row. A UTF-8 CSV is first read in one typed scan; only when that scan fails (a cell
 * that does not convert, a missing column, an empty required cell) are the checks below run to name the line.
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
    let expectedRows: number | undefined;
    if (ext === '.parquet') source = `read_parquet(${sql(path)})`;
    else if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
      let csvPath = path;
      const start = await head(path, 1 << 20);
      // Rows expected from the line length of the first megabyte (sizes the arrays; they grow if it is short).
      let lines = 0;
      for (const b of start) if (b === 0x0a) lines++;
      if (lines > 1) expectedRows = 1.05 * (((await stat(path)).size * lines) / start.length);
      const isUtf8 = (start[0] === 0xef && start[1] === 0xbb) || firstInvalidUtf8(start.subarray(0, Math.max(0, start.length - 4))) < 0;
      if (!isUtf8) {
        tmp = await mkdtemp(join(tmpdir(), 'ftzlab-panel-'));
        csvPath = join(tmp, 'utf8.csv');
        await writeFile(csvPath, decodeText(await readFile(path), 'auto', file).text, 'utf8');
      }
      source = `read_csv(${sql(csvPath)}, header = true, all_varchar = true${ext === '.tsv' ? ", delim = '\\t'" : ''})`;
    } else throw new FtzError('import.unsupported_format', { file, extension: ext || '(none)' });
    // Fast path: one typed scan of the file. Any conversion error, missing column or empty required cell sends
    // the read to the checked path below, which names the file, the column and the line.
    if (source.startsWith('read_csv(')) {
      const csvPath = source.slice('read_csv('.length, source.indexOf(', header'));
      const types = specs.map((s) => `${sql(s.name)}: '${s.type === 'double' ? 'DOUBLE' : s.type === 'int' ? 'INTEGER' : 'VARCHAR'}'`).join(', ');
      const fast = await readColumns(mem, specs, `SELECT ${specs.map((s) => q(s.name)).join(', ')} FROM read_csv(${csvPath}, header = true, all_varchar = true${ext === '.tsv' ? ", delim = '\\t'" : ''}, types = {${types}})`, true, expectedRows).catch(() => null);
      if (fast) {
        if (fast.rows === 0) throw new FtzError('import.no_rows', { file });
        return fast;
      }
    }
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
    const out = await readColumns(mem, specs, `SELECT ${select} FROM src ORDER BY __line__`, false);
    if (!out || out.rows === 0) throw new FtzError('import.no_rows', { file });
    return out;
  } finally {
    mem.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}
