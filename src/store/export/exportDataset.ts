import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { FtzError } from '../../core/errors.js';
import type { DatasetContent } from '../datasets.js';
import { ident, Store } from '../duckdb.js';
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
        const types = content.dataset.columns.map((c) => `${ident(c.name)} ${c.type === 'text' ? 'VARCHAR' : c.type === 'integer' ? 'BIGINT' : 'DOUBLE'}`);
        await mem.run(`CREATE TABLE t (${types.join(', ')})`);
        const app = await mem.appender('t');
        for (const row of grid) {
          content.dataset.columns.forEach((c, i) => {
            const v = row[i];
            if (v === null || v === undefined) app.appendNull();
            else if (c.type === 'text') app.appendVarchar(String(v));
            else if (c.type === 'integer') app.appendBigInt(BigInt(v as number));
            else app.appendDouble(v as number);
          });
          app.endRow();
        }
        app.flushSync();
        app.closeSync();
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
