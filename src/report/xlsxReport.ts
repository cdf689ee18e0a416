import ExcelJS from 'exceljs';
import type { Table } from '../core/result.js';
import { columnHeader, type Lang } from './cellText.js';

export interface ReportNotes {
  readonly title: string;
  /** one line each: conventions, sources, warnings */
  readonly lines: readonly string[];
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ in them, or used twice. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28).trim() || 'Sheet';
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base.slice(0, 26)}_${k}`;
  used.add(name);
  return name;
}

/**
 * One sheet per table (labels in the chosen language, numbers kept as numbers so they can be recomputed),
 * and a first sheet with the notes: every convention and source, so a referee can replicate the run.
 */
export async function writeTablesXlsx(tables: readonly Table[], notes: ReportNotes, lang: Lang, out: string): Promise<void> {
  await tablesWorkbook(tables, notes, lang).xlsx.writeFile(out);
}

/** The same workbook in memory. */
export async function writeTablesXlsxBuffer(tables: readonly Table[], notes: ReportNotes, lang: Lang): Promise<Buffer> {
  return Buffer.from(await tablesWorkbook(tables, notes, lang).xlsx.writeBuffer());
}

function tablesWorkbook(tables: readonly Table[], notes: ReportNotes, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ftzlab';
  const used = new Set<string>();
  const noteSheet = wb.addWorksheet(sheetName(lang === 'zh' ? '说明' : 'Notes', used));
  noteSheet.addRow([notes.title]).font = { bold: true, size: 13 };
  for (const line of notes.lines) noteSheet.addRow([line]);
  noteSheet.getColumn(1).width = 120;
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title[lang], used));
    ws.addRow([t.title[lang]]).font = { bold: true };
    const header = ws.addRow(t.columns.map((c) => columnHeader(c, lang)));
    header.font = { bold: true };
    header.border = { bottom: { style: 'thin' } };
    const n = t.columns[0]?.values.length ?? 0;
    for (let i = 0; i < n; i++) {
      ws.addRow(t.columns.map((c) => {
        const v = c.values[i];
        return v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v;
      }));
    }
    t.columns.forEach((c, j) => { ws.getColumn(j + 1).width = Math.min(40, Math.max(10, columnHeader(c, lang).length + 2)); });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return wb;
}
