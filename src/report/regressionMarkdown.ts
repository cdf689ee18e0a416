import { regressionCellText, type RegressionTable } from './regressionTable.js';

/** Characters GitHub Markdown would read as emphasis, code, HTML, links or a cell boundary. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_|<>[\]]/g, (c) => `\\${c}`).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Columns a terminal gives a string: East Asian wide and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
      || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
      ? 2 : 1;
  }
  return w;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * A GitHub-flavoured Markdown preview: the title in bold, a pipe table (labels left, numbers centred; the
 * model numbers are its header, model names and the dependent variable its first rows, a spanning head
 * repeated in each column it spans), then the notes. Columns are padded to equal display width so the raw
 * text lines up in a terminal too.
 *
 * @example
 * console.log(renderRegressionMarkdown(buildRegressionTable(spec, 'zh')));
 */
export function renderRegressionMarkdown(table: RegressionTable): string {
  const grid: string[][] = [];
  for (const h of table.header) grid.push([h.label, ...h.cells.flatMap((c) => Array.from({ length: c.span }, () => c.text))]);
  for (const r of table.body) grid.push([r.label, ...r.cells.map(regressionCellText)]);
  const cells = grid.map((r) => r.map(escapeMarkdown));
  const widths = Array.from({ length: table.modelCount + 1 }, (_, j) => Math.max(3, ...cells.map((r) => displayWidth(r[j] ?? ''))));
  const line = (r: readonly string[]): string => `| ${widths.map((w, j) => pad(r[j] ?? '', w)).join(' | ')} |`;
  const rule = `|${widths.map((w, j) => (j === 0 ? `:${'-'.repeat(w + 1)}` : `:${'-'.repeat(w)}:`)).join('|')}|`;
  const [head, ...rest] = cells;
  const out = [`**${escapeMarkdown(table.title)}**`, '', line(head ?? []), rule, ...rest.map(line), ''];
  for (const n of table.notes) out.push(escapeMarkdown(n), '');
  return out.join('\n');
}
