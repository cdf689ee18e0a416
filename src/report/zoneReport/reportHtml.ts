import type { Table } from '../../core/result.js';
import { cellText, columnDecimals, columnHeader, type Lang } from '../cellText.js';
import { CHART_FONT_FAMILY } from '../charts/scorecardCharts.js';
import { chartSvg } from '../charts/renderChart.js';
import type { Block, ReportDocument } from './reportDocument.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A three-line table: rules above and below the header and under the last row, none between. */
function tableHtml(t: Table, lang: Lang, widths?: readonly number[]): string {
  const n = t.columns[0]?.values.length ?? 0;
  const dec = t.columns.map((c) => columnDecimals(c));
  const numeric = t.columns.map((c) => c.type === 'number' || c.type === 'integer');
  const head = t.columns.map((c, j) => `<th${numeric[j] ? ' class="num"' : ''}>${esc(columnHeader(c, lang))}</th>`).join('');
  const body = Array.from({ length: n }, (_, i) => `<tr>${t.columns.map((c, j) => `<td${numeric[j] ? ' class="num"' : ''}>${esc(cellText(c, i, dec[j] ?? 0))}</td>`).join('')}</tr>`).join('\n');
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
  return `<table class="three-line"${widths ? ' style="table-layout:fixed"' : ''}>${cols}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function blockHtml(b: Block, lang: Lang): string {
  switch (b.kind) {
    case 'heading': return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
    case 'paragraph': return b.tone === 'code' ? `<pre>${esc(b.text)}</pre>` : `<p${b.tone ? ` class="${b.tone}"` : ''}>${esc(b.text)}</p>`;
    case 'bullets': return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'pagebreak': return '<div class="page-break"></div>';
    case 'table':
      return `<figure class="table"><figcaption>${esc(lang === 'zh' ? `表 ${b.number}  ${b.caption}` : `Table ${b.number}. ${b.caption}`)}</figcaption>${tableHtml(b.table, lang, b.widths)}${b.sources ? `<p class="source">${esc(b.sources)}</p>` : ''}</figure>`;
    case 'figure':
      return `<figure class="chart" data-figure="${esc(b.name)}">${chartSvg(b.spec, { width: b.width, height: b.height })}<figcaption>${esc(lang === 'zh' ? `图 ${b.number}  ${b.caption}` : `Figure ${b.number}. ${b.caption}`)}</figcaption>${b.sources ? `<p class="source">${esc(b.sources)}</p>` : ''}</figure>`;
  }
}

const CSS = `
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
html { font-family: ${CHART_FONT_FAMILY}; font-size: 10.5pt; color: #1a1a1a; line-height: 1.6; }
body { max-width: 180mm; margin: 0 auto; }
.cover { height: 250mm; display: flex; flex-direction: column; justify-content: center; page-break-after: always; }
.cover h1 { font-size: 24pt; margin: 0 0 6mm; }
.cover .subtitle { font-size: 14pt; color: #444; margin-bottom: 20mm; }
.cover .meta { font-size: 9pt; color: #555; }
h2 { font-size: 15pt; margin: 9mm 0 3mm; border-bottom: 0.5pt solid #999; padding-bottom: 1mm; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; page-break-after: avoid; }
p.lead { font-size: 11pt; }
p.note, p.source { font-size: 8.5pt; color: #555; }
pre { font-size: 8pt; background: #f5f5f5; padding: 2mm; white-space: pre-wrap; word-break: break-all; }
figure { margin: 5mm 0; page-break-inside: avoid; }
figure.table { page-break-inside: auto; }
figcaption { text-align: center; font-weight: bold; font-size: 9.5pt; margin: 1mm 0; }
figure.chart svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
table.three-line { border-collapse: collapse; width: 100%; font-size: 8.5pt; border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000; }
table.three-line th { border-bottom: 0.75pt solid #000; text-align: left; padding: 1mm 1.5mm; font-weight: bold; }
table.three-line td { padding: 0.8mm 1.5mm; vertical-align: top; }
table.three-line .num { text-align: right; font-variant-numeric: tabular-nums; }
table.three-line tr { page-break-inside: avoid; }
.page-break { page-break-after: always; }
`;

/** The report as one self-contained HTML file: inline styles and inline SVG figures, nothing fetched. */
export function reportHtml(doc: ReportDocument): string {
  const lang = doc.lang;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="generator" content="ftzlab"><title>${esc(doc.title)}</title><style>${CSS}</style></head>
<body>
<section class="cover"><h1>${esc(doc.title)}</h1><div class="subtitle">${esc(doc.subtitle)}</div><div class="meta">${doc.coverLines.map((l) => `<div>${esc(l)}</div>`).join('')}</div></section>
${doc.blocks.map((b) => blockHtml(b, lang)).join('\n')}
</body></html>
`;
}
