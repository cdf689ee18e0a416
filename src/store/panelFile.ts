import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { FtzError } from '../core/errors.js';
import type { Store } from './duckdb.js';
import { Growable } from './growable.js';
import { scanCsvColumns } from './plainCsv/scanCsvColumns.js';

/**
 * `code`: a text column read as dense integer codes (Int32Array, 0, 1, … in order of first appearance) with its
 * distinct labels in `PanelColumns.labels`, so that no per-row strings are made (a NULL is coded as '').
 */
export type PanelColumnType = 'double' | 'int' | 'text' | 'code';

export interface PanelColumnSpec {
  readonly name: string;
  readonly type: PanelColumnType;
  /** allow empty cells (NaN / −1 / null); default false */
  readonly optional?: boolean;
}

export interface PanelColumns {
  readonly rows: number;
  readonly columns: ReadonlyMap<string, Float64Array | Int32Array | (string | null)[]>;
  /** For each `code` column: its distinct labels, indexed by code. */
  readonly labels: ReadonlyMap<string, readonly string[]>;
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

/** Bytes 0..len−1 of a 4-byte word holding bytes [4w, 4w + 4) of an inline string (the rest zeroed). */
const inlineMask = (len: number, w: number): number => {
  const c = len - 4 * w;
  return c >= 4 ? 0xffffffff : c <= 0 ? 0 : (1 << (8 * c)) - 1;
};

/** An inline string of ASCII bytes decoded from its header words (as UTF-8 decoding would), else null. */
function asciiInline(len: number, k1: number, k2: number, k3: number): string | null {
  if (((k1 | k2 | k3) & 0x80808080) !== 0) return null;
  let s = '';
  for (let b = 0; b < len; b++) s += String.fromCharCode(((b < 4 ? k1 : b < 8 ? k2 : k3) >>> (8 * (b & 3))) & 0xff);
  return s;
}

/**
 * Dense codes of a text column in order of first appearance, read from DuckDB's 16-byte string headers: a
 * string of at most 12 bytes is stored inline, so its (length, bytes) header is the key of an open-addressing
 * table and only the first occurrence of each value is decoded into a JS string. Longer strings (and vectors
 * without a readable header) are decoded and looked up in a Map.
 */
class TextCoder {
  readonly codes: Growable<Int32Array>;
  readonly labels: string[] = [];
  private cap = 1 << 12;
  private keys = new Uint32Array(this.cap * 4);
  /** code + 1 per slot (0: empty) */
  private vals = new Int32Array(this.cap);
  private used = 0;
  /** strings longer than 12 bytes; every label once `byLabelOnly` (a vector without headers was seen) */
  private byLabel = new Map<string, number>();
  private byLabelOnly = false;
  private prevCode = -1;
  private readonly prevKey = new Uint32Array(4);

  constructor(cap: number) {
    this.codes = new Growable<Int32Array>(new Int32Array(cap), (n) => new Int32Array(n));
  }

  private add(label: string): number {
    const code = this.labels.length;
    this.labels.push(label);
    return code;
  }

  private slot(len: number, k1: number, k2: number, k3: number): number {
    let h = Math.imul(len ^ 0x2545f491, 0x9e3779b1) ^ k1;
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ k2;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ k3;
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    const mask = this.cap - 1;
    const keys = this.keys;
    const vals = this.vals;
    let s = h & mask;
    while (vals[s] !== 0) {
      const o = s * 4;
      if (keys[o] === len && keys[o + 1] === k1 && keys[o + 2] === k2 && keys[o + 3] === k3) return s;
      s = (s + 1) & mask;
    }
    return s;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const oldCap = this.cap;
    this.cap *= 4;
    this.keys = new Uint32Array(this.cap * 4);
    this.vals = new Int32Array(this.cap);
    for (let s = 0; s < oldCap; s++) {
      if (oldVals[s] === 0) continue;
      const o = s * 4;
      const t = this.slot(oldKeys[o] as number, oldKeys[o + 1] as number, oldKeys[o + 2] as number, oldKeys[o + 3] as number);
      this.keys.set(oldKeys.subarray(o, o + 4), t * 4);
      this.vals[t] = oldVals[s] as number;
    }
  }

  private codeOfLabel(label: string): number {
    let c = this.byLabel.get(label);
    if (c === undefined) {
      c = this.add(label);
      this.byLabel.set(label, c);
    }
    return c;
  }

  /** Codes the n rows of a chunk's vector; false when a NULL is met and `rejectNull`. */
  push(vec: RawVector, mask: Uint32Array | null | undefined, n: number, rejectNull: boolean): boolean {
    this.codes.reserve(n);
    const out = this.codes.data;
    const base = this.codes.length;
    const dv = vec.dataView;
    if (this.byLabelOnly || mask === undefined || !(dv instanceof DataView) || dv.byteLength < n * 16) {
      if (!this.byLabelOnly) {
        // From now on every label goes through the Map (the header table is no longer consulted).
        this.labels.forEach((l, c) => this.byLabel.set(l, c));
        this.byLabelOnly = true;
        this.prevCode = -1;
      }
      for (let i = 0; i < n; i++) {
        const v = vec.getItem(i) as string | null;
        if (v === null && rejectNull) return false;
        out[base + i] = this.codeOfLabel(v === null ? '' : String(v));
      }
      this.codes.length += n;
      return true;
    }
    const pk = this.prevKey;
    let prev = this.prevCode;
    let p0 = pk[0] as number, p1 = pk[1] as number, p2 = pk[2] as number, p3 = pk[3] as number;
    // The headers as native-endian words, as DuckDB wrote them (copied first if the view is unaligned).
    const words = dv.byteOffset % 4 === 0
      ? new Uint32Array(dv.buffer, dv.byteOffset, n * 4)
      : new Uint32Array(new Uint8Array(dv.buffer, dv.byteOffset, n * 16).slice().buffer);
    for (let i = 0; i < n; i++) {
      let len = 0, k1 = 0, k2 = 0, k3 = 0;
      if (mask && isNull(mask, i)) {
        if (rejectNull) return false;
      } else {
        const o = i * 4;
        len = words[o] as number;
        const w1 = words[o + 1] as number, w2 = words[o + 2] as number, w3 = words[o + 3] as number;
        // A unit's rows usually follow each other: a header equal to the previous row's (an inline string,
        // so equal headers are equal strings) takes its code without a lookup.
        if (prev >= 0 && len === p0 && w1 === p1 && w2 === p2 && w3 === p3) {
          out[base + i] = prev;
          continue;
        }
        if (len > 12) {
          out[base + i] = this.codeOfLabel(String(vec.getItem(i)));
          prev = -1;
          continue;
        }
        p0 = len; p1 = w1; p2 = w2; p3 = w3;
        k1 = (w1 & inlineMask(len, 0)) >>> 0;
        k2 = (w2 & inlineMask(len, 1)) >>> 0;
        k3 = (w3 & inlineMask(len, 2)) >>> 0;
      }
      if (len === 0) p0 = p1 = p2 = p3 = 0; // NULL or '': compare with zeroed words
      let s = this.slot(len, k1, k2, k3);
      let code = (this.vals[s] as number) - 1;
      if (code < 0) {
        const v = len === 0 ? null : (asciiInline(len, k1, k2, k3) ?? (vec.getItem(i) as string | null));
        code = this.add(v === null ? '' : String(v));
        if (2 * (this.used + 1) > this.cap) {
          this.grow();
          s = this.slot(len, k1, k2, k3);
        }
        const o = s * 4;
        this.keys[o] = len; this.keys[o + 1] = k1; this.keys[o + 2] = k2; this.keys[o + 3] = k3;
        this.vals[s] = code + 1;
        this.used++;
      }
      out[base + i] = code;
      prev = code;
    }
    pk[0] = p0; pk[1] = p1; pk[2] = p2; pk[3] = p3;
    this.prevCode = prev;
    this.codes.length += n;
    return true;
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
  const coders = specs.map((s) => (s.type === 'code' ? new TextCoder(cap) : null));
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
      const coder = coders[c];
      if (coder) {
        if (!coder.push(vec, mask, n, strict && !s.optional)) { rejected = true; return; }
        continue;
      }
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
  const labels = new Map<string, readonly string[]>();
  specs.forEach((s, c) => {
    const coder = coders[c];
    if (coder) {
      columns.set(s.name, coder.codes.done());
      labels.set(s.name, coder.labels);
    } else columns.set(s.name, nums[c] ? (nums[c] as Growable<Float64Array | Int32Array>).done() : (texts[c] as (string | null)[]));
  });
  return { rows, columns, labels };
}

/**
 * Reads the named columns of a large CSV or Parquet panel into typed arrays (the estimators want columns,
 * never row objects). A plain UTF-8 CSV (no quotes, plain numbers) is scanned directly ({@link scanCsvColumns});
 * anything else goes to an in-memory DuckDB: first one typed scan, and only when that fails (a cell that does
 * not convert, a missing column, an empty required cell) the checks below that name the line. A GBK file is
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
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    const plain = await scanCsvColumns(path, specs, ext === '.tsv' ? 0x09 : 0x2c);
    if (plain) return plain;
  }
  // DuckDB (and the GBK decoder) load only for files the plain scan cannot read: most runs never need them.
  const [{ Store: DuckStore }, { decodeText, firstInvalidUtf8 }] = await Promise.all([import('./duckdb.js'), import('./import/decode.js')]);
  const mem = await DuckStore.open(':memory:', { threads: 2 });
  let tmp: string | null = null;
  try {
    // Let DuckDB parse ahead while the chunks already read are copied here (the default buffer of a
    // streamed result is about 1 MB, so the reader would wait for JS after every few chunks).
    await mem.run("SET streaming_buffer_size = '64MB'");
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
      if (s.type === 'text' || s.type === 'code') continue;
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
    const select = specs.map((s) => (s.type === 'text' || s.type === 'code' ? `${q(s.name)}::VARCHAR` : `TRY_CAST(${q(s.name)} AS ${s.type === 'int' ? 'INTEGER' : 'DOUBLE'})`)).join(', ');
    const out = await readColumns(mem, specs, `SELECT ${select} FROM src ORDER BY __line__`, false);
    if (!out || out.rows === 0) throw new FtzError('import.no_rows', { file });
    return out;
  } finally {
    mem.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}
