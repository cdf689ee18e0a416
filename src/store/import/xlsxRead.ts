import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FtzError } from '../../core/errors.js';
import { packageRoot } from '../../core/paths.js';
import type { RawTable } from './rawTable.js';
import { inspectZip } from './zipInspect.js';

export interface XlsxOptions {
  readonly file: string;
  readonly sheet: string | null;
  readonly maxCell: number;
  /** largest total declared unpacked size accepted */
  readonly maxUnpacked: number;
  /** heap cap of the parsing worker */
  readonly maxHeapMb: number;
}

function workerPath(): string {
  const sibling = new URL('./xlsxWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return fileURLToPath(sibling);
  // Running from TypeScript sources (tests): the worker must be the compiled file, as workers get no loader.
  return fileURLToPath(new URL('dist/src/store/import/xlsxWorker.js', packageRoot()));
}

/** Reads one sheet of an XLSX workbook into a RawTable, after checking the zip cannot explode. */
export async function readXlsx(bytes: Uint8Array, options: XlsxOptions): Promise<RawTable> {
  const { file } = options;
  const zip = inspectZip(bytes);
  if (!zip || !zip.names.includes('xl/workbook.xml')) {
    throw new FtzError('import.xlsx_invalid', { file, reason: 'no workbook inside the zip' });
  }
  if (zip.unpacked > options.maxUnpacked) {
    throw new FtzError('import.xlsx_too_large', { file, unpacked: zip.unpacked, limit: options.maxUnpacked });
  }
  const result = await new Promise<{ sheets: string[]; grid: { line: number; cells: (string | null)[] }[] | null }>(
    (resolve, reject) => {
      const worker = new Worker(workerPath(), {
        workerData: { bytes, sheet: options.sheet, maxCell: options.maxCell },
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
      });
      worker.once('message', (m: { error?: string; sheets: string[]; grid: { line: number; cells: (string | null)[] }[] | null }) => {
        void worker.terminate();
        if (m.error) reject(new FtzError('import.xlsx_invalid', { file, reason: m.error }));
        else resolve(m);
      });
      worker.once('error', (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new FtzError('import.xlsx_too_large', { file, unpacked: zip.unpacked, limit: options.maxUnpacked }));
        } else reject(new FtzError('import.xlsx_invalid', { file, reason: e.message }));
      });
    },
  );
  if (!result.grid) {
    throw new FtzError('import.sheet_not_found', { file, sheet: options.sheet ?? '(first)', sheets: result.sheets });
  }
  const records = result.grid.filter((r) => r.cells.some((c) => c !== null && c.trim() !== ''));
  const head = records[0];
  if (!head) throw new FtzError('import.empty_file', { file });
  const header = head.cells.map((h) => (h ?? '').trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const rows: (string | null)[][] = [];
  const rowNumbers: number[] = [];
  for (const rec of records.slice(1)) {
    for (let c = 0; c < rec.cells.length; c++) {
      const v = rec.cells[c];
      if (v && v.length > options.maxCell) {
        throw new FtzError('import.cell_too_large', {
          file, row: rec.line, column: header[c] ?? `#${c + 1}`, size: v.length, limit: options.maxCell,
        });
      }
    }
    const extra = rec.cells.slice(header.length).some((c) => c !== null && c.trim() !== '');
    if (extra) {
      throw new FtzError('import.row_width', { file, row: rec.line, expected: header.length, found: rec.cells.length });
    }
    rows.push(header.map((_, c) => rec.cells[c] ?? null));
    rowNumbers.push(rec.line);
  }
  return { header, rows, rowNumbers, headerRow: head.line };
}
