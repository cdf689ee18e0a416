import {
  AlignmentType, Document, Footer, HeadingLevel, ImageRun, PageBreak, PageNumber, Packer, Paragraph, Table as DocxTable, TextRun,
} from 'docx';
import { threeLineTable } from '../docxReport.js';
import { chartSvg, svgToPng } from '../charts/renderChart.js';
import type { Block, ReportDocument } from './reportDocument.js';

/** Figures are 16 cm wide: the text width of an A4 page with Word's default margins. */
const FIGURE_WIDTH_PX = 605;

function blockDocx(b: Block, lang: 'zh' | 'en'): (Paragraph | DocxTable)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun(b.text)] })];
    case 'paragraph':
      if (b.tone === 'code') return b.text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas', size: 16 })] }));
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: b.text, size: b.tone === 'note' ? 16 : b.tone === 'lead' ? 22 : 21, ...(b.tone === 'note' ? { color: '555555' } : {}) })] })];
    case 'bullets':
      return b.items.map((text) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun({ text, size: 21 })] }));
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'table':
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: lang === 'zh' ? `表 ${b.number}  ${b.caption}` : `Table ${b.number}. ${b.caption}`, bold: true, size: 20 })] }),
        threeLineTable(b.table, lang, b.widths),
        ...(b.sources ? [new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: b.sources, size: 16, italics: true, color: '555555' })] })] : []),
      ];
    case 'figure': {
      const png = svgToPng(chartSvg(b.spec, { width: b.width, height: b.height }), 2 * b.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 200 },
          children: [new ImageRun({ type: 'png', data: png, transformation: { width: FIGURE_WIDTH_PX, height: Math.round((FIGURE_WIDTH_PX * b.height) / b.width) }, altText: { name: b.name, title: b.caption, description: b.caption } })],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 60 }, children: [new TextRun({ text: lang === 'zh' ? `图 ${b.number}  ${b.caption}` : `Figure ${b.number}. ${b.caption}`, bold: true, size: 20 })] }),
        ...(b.sources ? [new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: b.sources, size: 16, italics: true, color: '555555' })] })] : []),
      ];
    }
  }
}

/**
 * The report as a Word document: a cover page, headings Word lists in its navigation pane, three-line tables,
 * figures as PNG drawn from the same chart specs as the page, page numbers, and the spec in the document's
 * properties.
 */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const cover = [
    new Paragraph({ spacing: { before: 3600, after: 400 }, children: [new TextRun({ text: doc.title, bold: true, size: 48 })] }),
    new Paragraph({ spacing: { after: 1600 }, children: [new TextRun({ text: doc.subtitle, size: 28, color: '444444' })] }),
    ...doc.coverLines.map((l) => new Paragraph({ children: [new TextRun({ text: l, size: 18, color: '555555' })] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const document = new Document({
    creator: 'ftzlab',
    title: doc.title,
    subject: doc.subtitle,
    description: doc.specJson,
    styles: {
      default: { document: { run: { font: { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' } } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 30, bold: true, font: { eastAsia: 'SimHei' } } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 24, bold: true, font: { eastAsia: 'SimHei' } } },
      ],
    },
    sections: [{
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 16 })] })] }) },
      children: [...cover, ...doc.blocks.flatMap((b) => blockDocx(b, doc.lang))],
    }],
  });
  return Packer.toBuffer(document);
}
