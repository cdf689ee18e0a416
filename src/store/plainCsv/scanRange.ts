import { readSync } from 'node:fs';
import type { PanelColumnSpec } from '../panelFile.js';
import { ByteCoder } from './byteCoder.js';
import { cursor, notPlain, parseDouble, parseInt32 } from './plainNumbers.js';

const LF = 0x0a, CR = 0x0d, QUOTE = 0x22;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The header of a plain delimited file: its column names and where the data starts. */
export interface PlainHeader {
  readonly names: readonly string[];
  readonly dataStart: number;
}

/** Columns read from one byte range of the file, in the order of the specs; typed arrays may run past `rows`. */
export interface RangeColumns {
  readonly rows: number;
  readonly values: readonly (Float64Array | Int32Array | (string | null)[])[];
  readonly coders: readonly (ByteCoder | null)[];
}

/** The header line (after a UTF-8 byte-order mark), or null when it is not plain (quoted, not UTF-8, too long). */
export function readHeader(fd: number, delim: number): PlainHeader | null {
  const buf = new Uint8Array(1 << 20);
  const n = readSync(fd, buf, 0, buf.length, 0);
  const from = n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const end = buf.subarray(0, n).indexOf(LF, from);
  if (end < 0) return null;
  const head = buf.subarray(from, end > from && buf[end - 1] === CR ? end - 1 : end);
  if (head.includes(QUOTE)) return null;
  try {
    return { names: utf8.decode(head).split(String.fromCharCode(delim)), dataStart: end + 1 };
  } catch {
    return null;
  }
}

const SKIP = 0, DOUBLE = 1, INT = 2, CODE = 3, TEXT = 4;

/**
 * Reads the spec columns from the lines in bytes [start, end) of the file (start at a line's first byte, end
 * after a line feed or at the end of the file), in blocks of whole lines. Returns null at the first thing that
 * is not plain: a quote, a ragged row, an empty required cell, a missing-value token, a number in another
 * notation, a label that is not UTF-8, an empty line before the end of the file (`endsFile`: the range
 * runs to it). The arrays are sized for the lines of `sizeFor` bytes (more when the range is to be joined
 * with the next one).
 */
export function scanRange(fd: number, start: number, end: number, names: readonly string[], specs: readonly PanelColumnSpec[], delim: number, endsFile: boolean, sizeFor = end - start, blockBytes = 16 << 20): RangeColumns | null {
  const width = names.length;
  const kinds = new Int8Array(width);
  const optional = new Uint8Array(width);
  const specOf = new Int32Array(width).fill(-1);
  for (const [i, spec] of specs.entries()) {
    const at = names.indexOf(spec.name);
    if (at < 0 || names.indexOf(spec.name, at + 1) >= 0 || specOf[at] !== -1) return null;
    specOf[at] = i;
    kinds[at] = spec.type === 'double' ? DOUBLE : spec.type === 'int' ? INT : spec.type === 'code' ? CODE : TEXT;
    optional[at] = spec.optional ? 1 : 0;
  }
  // Blocks of whole lines: the unread tail of a block moves to the front before the next read, and a last
  // line without its line feed gets one, so every line in [pos, limit) is complete.
  let buf = new Uint8Array(Math.max(2, Math.min(end - start + 1, blockBytes)));
  let filled = 0, pos = 0, limit = 0, next = start;
  let done = false;
  const nextBlock = (): void => {
    for (;;) {
      if (pos > 0) {
        buf.copyWithin(0, pos, filled);
        filled -= pos;
        pos = 0;
      }
      if (filled + 1 >= buf.length) {
        const b = new Uint8Array(buf.length * 2);
        b.set(buf.subarray(0, filled));
        buf = b;
      }
      const n = next < end ? readSync(fd, buf, filled, Math.min(buf.length - 1 - filled, end - next), next) : 0;
      next += n;
      filled += n;
      if (n === 0) {
        done = true;
        if (filled > 0 && buf[filled - 1] !== LF) buf[filled++] = LF;
      }
      limit = filled > 0 ? buf.lastIndexOf(LF, filled - 1) + 1 : 0;
      if (limit > 0 || done) return;
    }
  };
  nextBlock();
  // Arrays sized from the lines of the first block (they double if the estimate is short).
  let lines = 0;
  for (let i = 0; i < limit; i++) if (buf[i] === LF) lines++;
  let cap = Math.max(1024, Math.ceil(limit === 0 ? 0 : (1.02 * lines * sizeFor) / limit));
  const none64 = new Float64Array(0), none32 = new Int32Array(0);
  // One monomorphic array per kind, indexed by file column (a placeholder where the column has another kind).
  const dbl = Array.from(kinds, (k) => (k === DOUBLE ? new Float64Array(cap) : none64));
  const int = Array.from(kinds, (k) => (k === INT || k === CODE ? new Int32Array(cap) : none32));
  const coders = Array.from(kinds, (k) => (k === CODE ? new ByteCoder() : null));
  const texts = Array.from(kinds, (k) => (k === TEXT ? ([] as (string | null)[]) : null));
  const grow = (): void => {
    cap *= 2;
    for (let c = 0; c < width; c++) {
      if (kinds[c] === DOUBLE) { const b = new Float64Array(cap); b.set(dbl[c] as Float64Array); dbl[c] = b; }
      else if (kinds[c] === INT || kinds[c] === CODE) { const b = new Int32Array(cap); b.set(int[c] as Int32Array); int[c] = b; }
    }
  };

  let rows = 0;
  try {
    for (;;) {
      if (pos >= limit) {
        if (done) break;
        nextBlock();
        continue;
      }
      const b = buf;
      if (b[pos] === LF || (b[pos] === CR && b[pos + 1] === LF)) {
        // An empty line: at the end of the file it is harmless; inside it, DuckDB decides what it means.
        pos += b[pos] === LF ? 1 : 2;
        if (endsFile && pos >= limit && done) continue;
        return null;
      }
      if (rows === cap) grow();
      let s = pos;
      for (let c = 0; c < width; c++) {
        const kind = kinds[c] as number;
        let e: number;
        let x = b[s] as number;
        const empty = x === delim || x === LF || x === CR;
        if (kind === DOUBLE || kind === INT) {
          if (empty) {
            if (!optional[c]) return null;
            if (kind === DOUBLE) (dbl[c] as Float64Array)[rows] = Number.NaN;
            else (int[c] as Int32Array)[rows] = -1;
            e = s;
          } else {
            if (kind === DOUBLE) (dbl[c] as Float64Array)[rows] = parseDouble(b, s);
            else (int[c] as Int32Array)[rows] = parseInt32(b, s);
            e = cursor;
          }
        } else {
          e = s;
          while (x !== delim && x !== LF && x !== CR && x !== QUOTE) x = b[++e] as number;
          if (x === QUOTE) return null;
          if (kind !== SKIP && empty && !optional[c]) return null;
          if (kind === CODE) (int[c] as Int32Array)[rows] = (coders[c] as ByteCoder).code(b, s, e);
          else if (kind === TEXT) (texts[c] as (string | null)[]).push(empty ? null : utf8.decode(b.subarray(s, e)));
        }
        x = b[e] as number;
        if (c < width - 1) {
          if (x !== delim) return null; // a ragged row, or a cell that is not plain
        } else {
          if (x === CR) x = b[++e] as number;
          if (x !== LF) return null;
        }
        s = e + 1;
      }
      rows++;
      pos = s;
    }
  } catch (e) {
    if (e === notPlain || e instanceof TypeError) return null; // TypeError: a text cell that is not UTF-8
    throw e;
  }
  const values: (Float64Array | Int32Array | (string | null)[])[] = [];
  const specCoders: (ByteCoder | null)[] = [];
  for (const spec of specs) {
    const c = names.indexOf(spec.name);
    values.push(kinds[c] === DOUBLE ? (dbl[c] as Float64Array) : kinds[c] === TEXT ? (texts[c] as (string | null)[]) : (int[c] as Int32Array));
    specCoders.push(coders[c] ?? null);
  }
  return { rows, values, coders: specCoders };
}
