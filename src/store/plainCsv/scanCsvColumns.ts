import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../core/paths.js';
import type { PanelColumns, PanelColumnSpec } from '../panelFile.js';
import type { ByteCoder } from './byteCoder.js';
import { readHeader, scanRange, type RangeColumns } from './scanRange.js';
import type { ScanJob, ScanReply } from './scanWorker.js';

/** Below this many data bytes one thread reads the file (a worker costs about 30 ms to start). */
const SPLIT_BYTES = 4 << 20;

function workerPath(): string {
  const sibling = new URL('./scanWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return fileURLToPath(sibling);
  // Running from TypeScript sources (tests): the worker must be the compiled file, as workers get no loader.
  return fileURLToPath(new URL('dist/src/store/plainCsv/scanWorker.js', packageRoot()));
}

/** The second half of the file, on a worker thread; null when it is not plain or the worker cannot run. */
function scanOnWorker(job: ScanJob): Promise<Exclude<ScanReply, { plain: false } | { error: string }> | null | 'failed'> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // No inherited flags: under `node -e …` a worker would otherwise evaluate that code again.
      worker = new Worker(workerPath(), { workerData: job, execArgv: [] });
    } catch {
      resolve('failed');
      return;
    }
    worker.once('message', (m: ScanReply) => {
      void worker.terminate();
      resolve('error' in m ? 'failed' : 'plain' in m ? null : m);
    });
    worker.once('error', () => resolve('failed'));
    worker.once('exit', () => resolve('failed'));
  });
}

/**
 * Reads the named columns of a plain delimited file — no quoted cells, numbers in plain decimal notation,
 * UTF-8 text — straight into typed arrays: a large file in two halves, one on a worker thread, joined so
 * that codes still follow the order of first appearance in the file. Returns null as soon as anything is not
 * plain (see {@link scanRange}) or a column is missing; the caller then reads the file through DuckDB, which
 * handles those cases and names the offending line.
 */
export async function scanCsvColumns(path: string, specs: readonly PanelColumnSpec[], delim: number): Promise<PanelColumns | null> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const header = readHeader(fd, delim);
    if (!header) return null;
    const { names, dataStart } = header;
    if (specs.some((s) => !names.includes(s.name))) return null;
    // The split: the first line feed after the middle of the data.
    let split = size;
    if (size - dataStart >= SPLIT_BYTES) {
      const probe = new Uint8Array(1 << 16);
      const mid = dataStart + Math.floor((size - dataStart) / 2);
      const n = readSync(fd, probe, 0, probe.length, mid);
      const lf = probe.subarray(0, n).indexOf(0x0a);
      if (lf >= 0 && mid + lf + 1 < size) split = mid + lf + 1;
    }
    if (split === size) return join(specs, scanRange(fd, dataStart, size, names, specs, delim, true), null);
    const second = scanOnWorker({ path, start: split, end: size, names, specs, delim });
    const first = scanRange(fd, dataStart, split, names, specs, delim, false, size - dataStart);
    const rest = await second;
    if (first === null || rest === null) return null;
    return join(specs, first, rest === 'failed' ? scanRange(fd, split, size, names, specs, delim, true) : rest);
  } finally {
    closeSync(fd);
  }
}

type Second = RangeColumns | Exclude<ScanReply, { plain: false } | { error: string }>;

/** The two halves as one set of columns (the second half's codes renumbered after the first's). */
function join(specs: readonly PanelColumnSpec[], first: RangeColumns | null, second: Second | null): PanelColumns | null {
  if (first === null) return null;
  const rows = first.rows + (second?.rows ?? 0);
  if (rows === 0) return null; // DuckDB's path reports the empty file
  const columns = new Map<string, Float64Array | Int32Array | (string | null)[]>();
  const labels = new Map<string, readonly string[]>();
  specs.forEach((spec, i) => {
    const a = first.values[i] as Float64Array | Int32Array | (string | null)[];
    const b = second?.values[i];
    if (Array.isArray(a)) {
      columns.set(spec.name, b ? a.concat(b as (string | null)[]) : a);
      return;
    }
    const out = a.length >= rows && a.length <= 1.4 * rows ? a.subarray(0, rows) : (a instanceof Float64Array ? new Float64Array(rows) : new Int32Array(rows));
    if (out.buffer !== a.buffer) out.set(a.subarray(0, first.rows));
    if (b) {
      const tail = (b as Float64Array | Int32Array).subarray(0, second.rows);
      const coder = first.coders[i] as ByteCoder | null;
      const other = second.coders[i] ?? null;
      if (coder && other) {
        const map = coder.absorb('state' in other ? other.state() : other);
        const o = out as Int32Array;
        for (let r = 0; r < tail.length; r++) o[first.rows + r] = map[tail[r] as number] as number;
      } else out.set(tail, first.rows);
    }
    columns.set(spec.name, out);
    if (first.coders[i]) labels.set(spec.name, (first.coders[i] as ByteCoder).labels);
  });
  return { rows, columns, labels };
}
