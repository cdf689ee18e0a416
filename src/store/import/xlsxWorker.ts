import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

/**
 * Runs inside a worker with a heap cap (see xlsxRead.ts): a hostile or merely huge workbook kills the
 * worker, not the server. Posts `{ sheets, header?, rows, rowNumbers }` or `{ error }`.
 */
interface Job {
  readonly bytes: Uint8Array;
  readonly sheet: string | null;
  readonly maxCell: number;
}

type Cell = string | null;

function cellText(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
    if (o.error) return o.error;
  }
  return String(v);
}

async function run(job: Job): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(job.bytes)]), {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit',
  });
  const sheets: string[] = [];
  let grid: { line: number; cells: Cell[] }[] | null = null;
  for await (const ws of reader) {
    const w = ws as unknown as { name: string } & AsyncIterable<{ number: number; values: unknown[] }>;
    const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
    const firstName = model?.sheets?.[0]?.name;
    sheets.push(w.name);
    const wanted = job.sheet === null ? grid === null && (firstName === undefined || firstName === w.name) : w.name === job.sheet;
    const rows: { line: number; cells: Cell[] }[] = [];
    for await (const row of w) {
      if (!wanted) continue;
      const cells: Cell[] = [];
      const values = row.values;
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      rows.push({ line: row.number, cells });
    }
    if (wanted) grid = rows;
  }
  parentPort?.postMessage({ sheets, grid });
}

run(workerData as Job).catch((e: unknown) => {
  parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
});
