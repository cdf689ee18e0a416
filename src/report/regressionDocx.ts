import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table as DocxTable, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType,
  type ITableCellBorders,
} from 'docx';
import { regressionCellText, type RegressionTable } from './regressionTable.js';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const THICK = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const; // 1.5 pt (eighths of a point)
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const; // 0.75 pt

/** Times New Roman for Latin letters and digits, SimSun (宋体) for Chinese, as Chinese journals set tables. */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' } as const;
const BODY_SIZE = 21; // 10.5 pt (五号), in half-points
const NOTE_SIZE = 18; // 9 pt (小五)
/** Text width of an A4 page with 2.54 cm side margins is about 9,000 twips; the label column takes a third. */
const TEXT_WIDTH = 9000;

export interface RegressionDocxOptions {
  /** printed before the title: "表 3" / "Table 3." */
  readonly tableNumber?: number | undefined;
}

function run(text: string, size: number, bold = false): TextRun {
  return new TextRun({ text, size, font: FONT, ...(bold ? { bold } : {}) });
}

/**
 * The title paragraph, the three-line table (三线表) and the note paragraphs, to put in any document: a
 * 1.5 pt rule above the header, a 0.75 pt rule under it, a 1.5 pt rule under the last row, and no other
 * line — the table-level borders, which Word draws as a full grid by default, are switched off. Numbers and
 * column heads are centred, labels left.
 *
 * @example
 * new Document({ sections: [{ children: regressionDocxBlocks(buildRegressionTable(spec, 'zh'), { tableNumber: 3 }) }] });
 */
export function regressionDocxBlocks(table: RegressionTable, options: RegressionDocxOptions = {}): (Paragraph | DocxTable)[] {
  const k = table.modelCount;
  const labelWidth = Math.round(TEXT_WIDTH / 3);
  const modelWidth = Math.floor((TEXT_WIDTH - labelWidth) / k);
  const headerRows = table.header.length;
  const lastRow = headerRows + table.body.length - 1;
  const borders = (row: number): ITableCellBorders => ({
    top: row === 0 ? THICK : NONE,
    bottom: row === headerRows - 1 ? THIN : row === lastRow ? THICK : NONE,
    left: NONE,
    right: NONE,
  });
  const cell = (text: string, row: number, o: { centred: boolean; width: number; span?: number }): TableCell =>
    new TableCell({
      borders: borders(row),
      ...(o.span !== undefined && o.span > 1 ? { columnSpan: o.span } : {}),
      width: { size: o.width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 0, bottom: 0, left: 80, right: 80 },
      children: [new Paragraph({
        alignment: o.centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { before: 0, after: 0 },
        children: text === '' ? [] : [run(text, BODY_SIZE)],
      })],
    });
  const labelCell = (text: string, row: number): TableCell => cell(text, row, { centred: false, width: labelWidth });

  const rows: TableRow[] = [
    ...table.header.map((h, i) => new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [labelCell(h.label, i), ...h.cells.map((c) => cell(c.text, i, { centred: true, width: modelWidth * c.span, span: c.span }))],
    })),
    ...table.body.map((r, b) => new TableRow({
      cantSplit: true,
      children: [labelCell(r.label, headerRows + b), ...r.cells.map((c) => cell(regressionCellText(c), headerRows + b, { centred: true, width: modelWidth }))],
    })),
  ];
  const docxTable = new DocxTable({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [labelWidth, ...Array.from({ length: k }, () => modelWidth)],
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  });
  const n = options.tableNumber;
  const prefix = n === undefined ? '' : table.lang === 'zh' ? `表 ${n}  ` : `Table ${n}. `;
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240, after: 80 }, children: [run(`${prefix}${table.title}`, BODY_SIZE, true)] }),
    docxTable,
    ...table.notes.map((text) => new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 40, after: 0 }, children: [run(text, NOTE_SIZE)] })),
  ];
}

/**
 * A Word document holding one regression table (title, three-line table, notes), Times New Roman and SimSun
 * throughout.
 *
 * @example
 * writeFileSync('table3.docx', await regressionDocx(buildRegressionTable(spec, 'zh'), { tableNumber: 3 }));
 */
export async function regressionDocx(table: RegressionTable, options: RegressionDocxOptions = {}): Promise<Buffer> {
  const doc = new Document({
    creator: 'ftzlab',
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [{ children: regressionDocxBlocks(table, options) }],
  });
  return Packer.toBuffer(doc);
}
