import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { PanelColumnSpec } from '../panelFile.js';
import type { CoderState } from './byteCoder.js';
import { scanRange } from './scanRange.js';

/** One byte range of a plain CSV, scanned on a worker thread (see scanCsvColumns.ts). */
export interface ScanJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly names: readonly string[];
  readonly specs: readonly PanelColumnSpec[];
  readonly delim: number;
}

export type ScanReply =
  | { readonly rows: number; readonly values: (Float64Array | Int32Array | (string | null)[])[]; readonly coders: (CoderState | null)[] }
  | { readonly plain: false }
  | { readonly error: string };

const job = workerData as ScanJob;
let reply: ScanReply;
const transfer: ArrayBuffer[] = [];
try {
  const fd = openSync(job.path, 'r');
  try {
    const r = scanRange(fd, job.start, job.end, job.names, job.specs, job.delim, true);
    if (r === null) reply = { plain: false };
    else {
      const coders = r.coders.map((c) => c?.state() ?? null);
      // Handed over, not copied.
      for (const v of r.values) if (!Array.isArray(v)) transfer.push(v.buffer as ArrayBuffer);
      for (const c of coders) if (c) transfer.push(c.arena.buffer as ArrayBuffer, c.start.buffer as ArrayBuffer, c.length.buffer as ArrayBuffer);
      reply = { rows: r.rows, values: [...r.values], coders };
    }
  } finally {
    closeSync(fd);
  }
} catch (e) {
  reply = { error: e instanceof Error ? e.message : String(e) };
}
parentPort?.postMessage(reply, transfer);
