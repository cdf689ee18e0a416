import { writeFile } from 'node:fs/promises';
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table as DocxTable, TableCell, TableLayoutType, TableRow, TextRun,
  WidthType, type ITableCellBorders,
} from 'docx';
import type { Table } from '../core/result.js';
import { cellText, columnDecimals, columnHeader, type Lang } from './cellText.js';
import type { ReportNotes } from './xlsxReport.js';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const THICK = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const; // 1.5 pt
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const; // 0.75 pt
/** A4 width less Word's default 1-inch margins, in twentieths of a point. */
const A4_TEXT_TWIPS = 11906 - 2 * 1440;

/**
 * A three-line table (三线表) as Chinese journals print it: a thick rule above the header, a thin rule under
 * it, a thick rule under the last row, and no other lines. `widths` (percent of the text width per column) fixes the
 * layout where Word's automatic widths would squeeze a long text column.
 */
export function threeLineTable(t: Table, lang: Lang, widths?: readonly number[]): DocxTable {
  const n = t.columns[0]?.values.length ?? 0;
  const decimals = t.columns.map((c) => columnDecimals(c));
  const borders = (first: boolean, headerRow: boolean, last: boolean): ITableCellBorders => ({
    top: first ? THICK : NONE,
    bottom: headerRow ? THIN : last ? THICK : NONE,
    left: NONE,
    right: NONE,
  });
  const cell = (text: string, opts: { header: boolean; first: boolean; last: boolean; numeric: boolean }): TableCell =>
    new TableCell({
      borders: borders(opts.first, opts.header, opts.last),
      children: [new Paragraph({
        alignment: opts.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.header, size: 20 })],
      })],
    });
  const numeric = t.columns.map((c) => c.type === 'number' || c.type === 'integer');
  const rows = [
    new TableRow({
      tableHeader: true,
      children: t.columns.map((c, j) => cell(columnHeader(c, lang), { header: true, first: true, last: n === 0, numeric: numeric[j] ?? false })),
    }),
    ...Array.from({ length: n }, (_, i) =>
      new TableRow({
        children: t.columns.map((c, j) => cell(cellText(c, i, decimals[j] ?? 0), { header: false, first: false, last: i === n - 1, numeric: numeric[j] ?? false })),
      }),
    ),
  ];
  // Table-level borders default to a full grid in Word; switch them off so only the three rules remain.
  return new DocxTable({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(widths ? { columnWidths: widths.map((p) => Math.round((A4_TEXT_TWIPS * p) / 100)), layout: TableLayoutType.FIXED } : {}),
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  });
}

/** A Word document: the notes, then every table as a numbered three-line table with its sources under it. */
export async function writeTablesDocx(tables: readonly Table[], notes: ReportNotes, lang: Lang, out: string): Promise<void> {
  const children: (Paragraph | DocxTable)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(notes.title)] }),
    ...notes.lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, size: 18 })] })),
  ];
  tables.forEach((t, k) => {
    children.push(new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 80 },
      children: [new TextRun({ text: `${lang === 'zh' ? `表 ${k + 1}` : `Table ${k + 1}.`} ${t.title[lang]}`, bold: true })],
    }));
    children.push(threeLineTable(t, lang));
    if (t.sourceIds.length > 0) {
      children.push(new Paragraph({
        children: [new TextRun({ text: `${lang === 'zh' ? '资料来源：' : 'Sources: '}${t.sourceIds.join('; ')}`, size: 16, italics: true })],
      }));
    }
  });
  const doc = new Document({
    creator: 'ftzlab',
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' } } } } },
    sections: [{ children }],
  });
  await writeFile(out, await Packer.toBuffer(doc));
}
