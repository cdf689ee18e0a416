import ExcelJS from 'exceljs';
import { regressionCellText, type RegressionTable } from './regressionTable.js';

/**
 * Excel's border weights: `medium` is the 1.5 pt rule and `thin` the 0.75 pt one (Word's sz 12 and 6);
 * `thick` would be 2.25 pt.
 */
const THICK: Partial<ExcelJS.Border> = { style: 'medium', color: { argb: 'FF000000' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

const SHEETS = {
  table: { zh: '回归结果', en: 'Regression' },
  coefficients: { zh: '原始系数', en: 'Raw coefficients' },
  stats: { zh: '模型统计量', en: 'Model statistics' },
} as const;

/** Column heads of the raw sheets: stable keys, the same in both languages, so scripts can read them. */
export const RAW_COEFFICIENT_COLUMNS = ['model', 'model_name', 'term', 'label', 'estimate', 'se', 't', 'p', 'p_source', 'stars'] as const;
export const RAW_STAT_COLUMNS = ['model', 'model_name', 'key', 'label', 'value'] as const;

/**
 * Adds three sheets: the table as the paper prints it (every cell text, stars included, so Excel shows
 * exactly what the paper shows; borders only the three rules), the raw coefficients (estimate, se, t, p and
 * where p came from, as numbers), and the raw model statistics.
 *
 * @example
 * const wb = new ExcelJS.Workbook();
 * addRegressionSheets(wb, buildRegressionTable(spec, 'zh'));
 */
export function addRegressionSheets(wb: ExcelJS.Workbook, table: RegressionTable): void {
  const lang = table.lang;
  const k = table.modelCount;
  const labelFont: Partial<ExcelJS.Font> = { name: lang === 'zh' ? 'SimSun' : 'Times New Roman', size: 10.5 };
  const numberFont: Partial<ExcelJS.Font> = { name: 'Times New Roman', size: 10.5 };

  const ws = wb.addWorksheet(SHEETS.table[lang]);
  ws.getColumn(1).width = 24;
  for (let j = 2; j <= k + 1; j++) ws.getColumn(j).width = 14;
  const title = ws.addRow([table.title]);
  ws.mergeCells(title.number, 1, title.number, k + 1);
  title.getCell(1).font = { ...labelFont, bold: true };
  title.getCell(1).alignment = { horizontal: 'center' };

  const first = title.number + 1;
  const lastHeader = first + table.header.length - 1;
  const last = lastHeader + table.body.length;
  const texts: string[][] = [
    ...table.header.map((h) => [h.label, ...h.cells.flatMap((c) => [c.text, ...Array.from({ length: c.span - 1 }, () => '')])]),
    ...table.body.map((r) => [r.label, ...r.cells.map(regressionCellText)]),
  ];
  texts.forEach((values, i) => {
    const row = ws.addRow(values.map((v) => (v === '' ? null : v)));
    for (let j = 1; j <= k + 1; j++) {
      const c = row.getCell(j);
      c.font = j === 1 ? labelFont : numberFont;
      c.alignment = { horizontal: j === 1 ? 'left' : 'center', vertical: 'middle' };
      const border: Partial<ExcelJS.Borders> = {};
      if (row.number === first) border.top = THICK;
      if (row.number === lastHeader) border.bottom = THIN;
      else if (row.number === last) border.bottom = THICK;
      c.border = border;
    }
    const header = table.header[i];
    if (header) {
      let col = 2;
      for (const h of header.cells) {
        if (h.span > 1) ws.mergeCells(row.number, col, row.number, col + h.span - 1);
        col += h.span;
      }
    }
  });
  for (const note of table.notes) {
    const row = ws.addRow([note]);
    ws.mergeCells(row.number, 1, row.number, k + 1);
    row.getCell(1).font = { ...labelFont, size: 9 };
    row.getCell(1).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  }

  const raw = wb.addWorksheet(SHEETS.coefficients[lang]);
  raw.addRow([...RAW_COEFFICIENT_COLUMNS]).font = { bold: true };
  for (const c of table.raw.coefficients) raw.addRow([c.model, c.modelName, c.term, c.label, c.estimate, c.se, c.t, c.p, c.pSource, c.stars || null]);
  raw.views = [{ state: 'frozen', ySplit: 1 }];

  const stats = wb.addWorksheet(SHEETS.stats[lang]);
  stats.addRow([...RAW_STAT_COLUMNS]).font = { bold: true };
  for (const s of table.raw.stats) stats.addRow([s.model, s.modelName, s.key, s.label, s.value]);
  stats.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * An .xlsx file holding one regression table and its raw numbers ({@link addRegressionSheets}).
 *
 * @example
 * writeFileSync('table3.xlsx', await regressionXlsx(buildRegressionTable(spec, 'en')));
 */
export async function regressionXlsx(table: RegressionTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ftzlab';
  addRegressionSheets(wb, table);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
