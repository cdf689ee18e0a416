import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { FtzError } from '../../core/errors.js';
import type { DatasetContent } from '../datasets.js';
import { Store } from '../duckdb.js';
import { writeTypedTable } from '../typedTable.js';
import { toCsv } from './csvWrite.js';

const UTF8_BOM = '\ufeff';

/**
 * Writes one dataset version to a file whose extension picks the format. CSV gets a UTF-8 BOM because
 * Chinese Excel otherwise opens UTF-8 as GBK and garbles every header.
 */
export async function exportDataset(content: DatasetContent, out: string): Promise<{ format: string; rows: number }> {
  const ext = extname(out).toLowerCase();
  const header = content.dataset.columns.map((c) => c.name);
  const grid = content.rows.map((r) => header.map((h) => r[h] ?? null));
  switch (ext) {
    case '.csv':
      await writeFile(out, UTF8_BOM + toCsv(header, grid), 'utf8');
      return { format: 'csv', rows: grid.length };
    case '.json':
      await writeFile(out, JSON.stringify({ dataset: content.dataset, rows: content.rows }, null, 2) + '\n', 'utf8');
      return { format: 'json', rows: grid.length };
    case '.xlsx': {
      // exceljs is loaded only for an .xlsx export: it slows every CLI start otherwise.
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
      const ws = wb.addWorksheet(content.dataset.name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'data');
      ws.addRow(header).font = { bold: true };
      for (const row of grid) ws.addRow(row.map((v) => (v === null ? null : v)));
      await wb.xlsx.writeFile(out);
      return { format: 'xlsx', rows: grid.length };
    }
    case '.parquet': {
      const mem = await Store.open(':memory:');
      try {
        await writeTypedTable(mem, 't', content.dataset.columns.map((c) => ({ name: c.name, type: c.type as 'text' | 'number' | 'integer' })), grid);
        await mem.run(`COPY t TO '${out.replaceAll("'", "''")}' (FORMAT parquet)`);
      } finally {
        mem.close();
      }
      return { format: 'parquet', rows: grid.length };
    }
    default:
      throw new FtzError('export.unsupported_format', { file: out, extension: ext || '(none)' });
  }
}
