import { describe, expect, it } from 'vitest';
import { regressionDocx } from '../../src/report/regressionDocx.js';
import { buildRegressionTable } from '../../src/report/regressionTable.js';
import { unzipEntry } from '../helpers/unzip.js';
import { expectGolden } from './golden.js';
import { bodyParagraphs, docxTableCells, normaliseDocumentXml, tableBorders, type DocxCell } from './ooxml.js';
import { TWO_MODELS } from './regressionFixture.js';

async function documentXml(lang: 'zh' | 'en'): Promise<string> {
  return unzipEntry(await regressionDocx(buildRegressionTable(TWO_MODELS, lang), { tableNumber: 3 }), 'word/document.xml');
}

const texts = (row: readonly DocxCell[] | undefined): string[] => (row ?? []).map((c) => c.text);

describe('regressionDocx', () => {
  it('writes the same document.xml body as the golden file, once ids are stripped', async () => {
    expectGolden('regression-two-models.zh.document.xml', normaliseDocumentXml(await documentXml('zh')));
  });

  it('draws exactly three rules: 1.5 pt above the header, 0.75 pt under it, 1.5 pt under the last row', async () => {
    const rows = docxTableCells(await documentXml('zh'));
    const headerRows = 3;
    rows.forEach((row, i) => {
      for (const c of row) {
        expect(c.borders.top).toEqual(i === 0 ? { val: 'single', sz: 12 } : { val: 'none', sz: 0 });
        const bottom = i === headerRows - 1 ? { val: 'single', sz: 6 } : i === rows.length - 1 ? { val: 'single', sz: 12 } : { val: 'none', sz: 0 };
        expect(c.borders.bottom).toEqual(bottom);
      }
    });
  });

  it('has no vertical lines, and the table-level grid is switched off', async () => {
    const xml = await documentXml('en');
    for (const row of docxTableCells(xml)) for (const c of row) {
      expect(c.borders.left?.val).toBe('none');
      expect(c.borders.right?.val).toBe('none');
    }
    expect(Object.values(tableBorders(xml)).map((b) => b.val)).toEqual(['none', 'none', 'none', 'none', 'none', 'none']);
    expect(xml).not.toMatch(/<w:(left|right|start|end|insideV) w:val="single"/);
  });

  it('heads the columns (1) (2) with the model names and a dependent-variable cell spanning both', async () => {
    const rows = docxTableCells(await documentXml('zh'));
    expect(texts(rows[0])).toEqual(['', '(1)', '(2)']);
    expect(texts(rows[1])).toEqual(['', '混合回归', '双向固定效应']);
    expect(rows[2]?.map((c) => [c.text, c.span])).toEqual([['被解释变量', 1], ['新质生产力指数', 2]]);
  });

  it('puts stars on the coefficient and the standard error in parentheses in the cell below; blanks stay blank', async () => {
    const rows = docxTableCells(await documentXml('en'));
    const at = rows.findIndex((r) => r[0]?.text === 'FTZ × post');
    expect(texts(rows[at])).toEqual(['FTZ × post', '0.0523***', '0.0410*']);
    expect(texts(rows[at + 1])).toEqual(['', '(0.0187)', '(0.0213)']);
    const cons = rows.findIndex((r) => r[0]?.text === 'Constant');
    expect(texts(rows[cons])).toEqual(['Constant', '1.2346***', '']);
    expect(texts(rows[cons + 1])).toEqual(['', '(0.2000)', '']);
    expect(texts(rows.at(-1))).toEqual(['Estimator', 'OLS', 'TWFE']);
  });

  it('centres numbers, left-aligns labels, and sets Times New Roman with SimSun for Chinese', async () => {
    const rows = docxTableCells(await documentXml('zh'));
    for (const row of rows.slice(3)) {
      expect(row[0]?.align).toBe('left');
      for (const c of row.slice(1)) expect(c.align).toBe('center');
    }
    const fonts = new Set(rows.flat().flatMap((c) => c.fonts));
    expect([...fonts]).toEqual(['Times New Roman/SimSun']);
  });

  it('prints the numbered title above and the notes below the table, in the chosen language', async () => {
    expect(bodyParagraphs(await documentXml('zh'))).toEqual([
      '表 3  自贸试验区设立对新质生产力的影响：基准回归',
      '注：括号内为聚类稳健标准误；*、**、*** 分别表示在 10%、5%、1% 的水平上显著。',
      '未报告 p 值者，按 z = 系数/标准误的正态分布双侧检验计算。',
      '数据来源：作者计算。',
    ]);
    const en = bodyParagraphs(await documentXml('en'));
    expect(en[0]).toBe('Table 3. Pilot FTZs and new quality productive forces: baseline regressions');
    expect(en[1]).toBe('Notes: clustered standard errors in parentheses; *, ** and *** denote significance at 10 %, 5 % and 1 %.');
  });
});
