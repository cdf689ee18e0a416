import type { Result } from '../../core/result.js';
import type { Lang } from '../cellText.js';
import { writeTablesXlsxBuffer } from '../xlsxReport.js';
import { resultNotes } from '../renderResult.js';
import { buildReportDocument } from './reportDocument.js';
import { reportDocx } from './reportDocx.js';
import { reportHtml } from './reportHtml.js';
import { htmlToPdf } from './reportPdf.js';

export type ReportFormat = 'docx' | 'xlsx' | 'html' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'xlsx', 'html', 'pdf'];

export const REPORT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * A zone's scorecard Result as a finished report: Word, HTML or PDF (the same document: cover, summary, a
 * section per part, comparison, appendix), or an Excel workbook with every table of the Result and its notes.
 */
export async function renderZoneReport(r: Result, format: ReportFormat, lang: Lang): Promise<Buffer> {
  if (format === 'xlsx') {
    const zone = (r.spec as { zone?: string }).zone ?? '';
    return writeTablesXlsxBuffer(r.tables, resultNotes(r, lang, { zh: `自贸试验区评分卡 ${zone}`.trim(), en: `FTZ scorecard ${zone}`.trim() }), lang);
  }
  const doc = buildReportDocument(r, lang);
  if (format === 'docx') return reportDocx(doc);
  const html = reportHtml(doc);
  if (format === 'html') return Buffer.from(html, 'utf8');
  return htmlToPdf(html, { title: doc.title });
}
