import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildRegressionTable, regressionCellText, type RegressionTable } from '../../src/report/regressionTable.js';
import { RAW_COEFFICIENT_COLUMNS, RAW_STAT_COLUMNS, regressionXlsx } from '../../src/report/regressionXlsx.js';
import { normalTwoSidedP } from '../../src/report/significanceStars.js';
import { TWO_MODELS } from './regressionFixture.js';

async function readBack(t: RegressionTable): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its input as the ArrayBuffer-backed Buffer of older @types/node; the bytes are the same.
  await wb.xlsx.load((await regressionXlsx(t)) as unknown as ExcelJS.Buffer);
  return wb;
}

function rowValues(ws: ExcelJS.Worksheet, r: number, n: number): unknown[] {
  return Array.from({ length: n }, (_, j) => ws.getRow(r).getCell(j + 1).value);
}

describe('regressionXlsx', () => {
  it('names its sheets in the table language: table, raw coefficients, model statistics', async () => {
    expect((await readBack(buildRegressionTable(TWO_MODELS, 'zh'))).worksheets.map((w) => w.name)).toEqual(['回归结果', '原始系数', '模型统计量']);
    expect((await readBack(buildRegressionTable(TWO_MODELS, 'en'))).worksheets.map((w) => w.name)).toEqual(['Regression', 'Raw coefficients', 'Model statistics']);
  });

  it('holds every cell as the text the paper prints, stars and parentheses included, blanks empty', async () => {
    const t = buildRegressionTable(TWO_MODELS, 'zh');
    const ws = (await readBack(t)).worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe(t.title);
    expect(rowValues(ws, 2, 3)).toEqual([null, '(1)', '(2)']);
    expect(rowValues(ws, 3, 3)).toEqual([null, '混合回归', '双向固定效应']);
    expect(rowValues(ws, 4, 2)).toEqual(['被解释变量', '新质生产力指数']);
    expect(ws.getCell('C4').isMerged).toBe(true);
    t.body.forEach((r, i) => {
      expect(rowValues(ws, 5 + i, 3)).toEqual([r.label || null, ...r.cells.map((c) => regressionCellText(c) || null)]);
    });
    expect(rowValues(ws, 5, 3)).toEqual(['自贸试验区 × 设立后', '0.0523***', '0.0410*']);
    expect(rowValues(ws, 6, 3)).toEqual([null, '(0.0187)', '(0.0213)']);
    const notes = 5 + t.body.length;
    expect(t.notes.map((_, k) => ws.getCell(notes + k, 1).value)).toEqual([...t.notes]);
  });

  it('draws only the three rules: medium above the header, thin under it, medium under the last row', async () => {
    const t = buildRegressionTable(TWO_MODELS, 'en');
    const ws = (await readBack(t)).worksheets[0] as ExcelJS.Worksheet;
    const first = 2;
    const lastHeader = first + t.header.length - 1;
    const last = lastHeader + t.body.length;
    for (let r = first; r <= last; r++) {
      for (let c = 1; c <= 3; c++) {
        const b = ws.getRow(r).getCell(c).border ?? {};
        expect(b.top?.style).toBe(r === first ? 'medium' : undefined);
        expect(b.bottom?.style).toBe(r === lastHeader ? 'thin' : r === last ? 'medium' : undefined);
        expect(b.left).toBeUndefined();
        expect(b.right).toBeUndefined();
      }
    }
  });

  it('keeps the raw numbers (estimate, se, t, p and its source) on the second sheet for recomputation', async () => {
    const ws = (await readBack(buildRegressionTable(TWO_MODELS, 'en'))).worksheets[1] as ExcelJS.Worksheet;
    expect(rowValues(ws, 1, 10)).toEqual([...RAW_COEFFICIENT_COLUMNS]);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => rowValues(ws, i + 2, 10));
    expect(rows.map((r) => [r[0], r[2]])).toEqual([[1, 'ftz'], [2, 'ftz'], [1, 'rd'], [2, 'rd'], [2, 'open'], [1, '_cons']]);
    expect(rows[0]).toEqual([1, 'Pooled', 'ftz', 'FTZ × post', 0.052318, 0.018741, 0.052318 / 0.018741, 0.0061, 'reported', '***']);
    expect(rows[3]).toEqual([2, 'Two-way FE', 'rd', 'R&D intensity (%)', 0.1187, 0.0542, 0.1187 / 0.0542, normalTwoSidedP(0.1187, 0.0542), 'normal', '**']);
    expect(rows[4]?.[9]).toBeNull();
  });

  it('keeps the model statistics as numbers on the third sheet, missing ones empty', async () => {
    const ws = (await readBack(buildRegressionTable(TWO_MODELS, 'en'))).worksheets[2] as ExcelJS.Worksheet;
    expect(rowValues(ws, 1, 5)).toEqual([...RAW_STAT_COLUMNS]);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => rowValues(ws, i + 2, 5));
    expect(rows).toContainEqual([1, 'Pooled', 'r2', 'R²', 0.61234]);
    expect(rows).toContainEqual([1, 'Pooled', 'r2_within', 'Within R²', null]);
    expect(rows).toContainEqual([2, 'Two-way FE', 'clusters', 'Clusters', 280]);
    expect(rows).toHaveLength(7);
  });
});
