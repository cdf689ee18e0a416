import { FtzError } from '../core/errors.js';
import type { RegressionCell, RegressionTable } from './regressionTable.js';

const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  '$': '\\$',
  '#': '\\#',
  '_': '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '²': '\\textsuperscript{2}',
  '³': '\\textsuperscript{3}',
  '−': '\\ensuremath{-}',
};

/**
 * Text as LaTeX prints it literally: the ten special characters escaped (and < > | which OT1 fonts would
 * misprint), superscript digits and the Unicode minus spelt as commands so pdfLaTeX needs no extra packages.
 *
 * @example
 * escapeLatex('R&D_share 50%'); // 'R\\&D\\_share 50\\%'
 */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}&%$#_~^<>|²³−]/g, (c) => SPECIAL[c] ?? c).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A leading hyphen is a minus sign: set in math so it is not printed as a hyphen. */
function latexNumber(digits: string): string {
  return digits.startsWith('-') ? `$-$${digits.slice(1)}` : digits;
}

function latexCell(cell: RegressionCell): string {
  if (cell.kind === 'empty') return '';
  if (cell.kind === 'text') return escapeLatex(cell.text);
  if (cell.parens) return `(${latexNumber(cell.digits)})`;
  return `${latexNumber(cell.digits)}${cell.stars ? `\\sym{${cell.stars}}` : ''}`;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export interface RegressionLatexOptions {
  /** `\label{…}` key, e.g. 'tab:baseline' */
  readonly label?: string | undefined;
  /** float placement; default 'htbp' */
  readonly placement?: string | undefined;
  /**
   * Width of the note lines, e.g. '12cm' or '0.9\linewidth': notes become `p{width}` paragraphs that wrap.
   * Default: `l`, one unbroken line per note (estout's choice), which widens a narrow table to the note.
   */
  readonly notesWidth?: string | undefined;
}

/**
 * A booktabs table (`\toprule`, `\midrule` under the header, `\bottomrule`) with plain `l`/`c` columns (no
 * siunitx), the title as `\caption` above, and each note as a `\multicolumn` line under the bottom rule.
 * Stars are `\sym{**}` — estout's macro, a superscript in text or math; the output defines it with
 * `\providecommand` so a preamble definition wins. Chinese output needs ctex, and a comment line says so.
 *
 * @example
 * writeFileSync('table1.tex', renderRegressionLatex(buildRegressionTable(spec, 'en'), { label: 'tab:baseline' }));
 */
export function renderRegressionLatex(table: RegressionTable, options: RegressionLatexOptions = {}): string {
  const { label, placement = 'htbp', notesWidth } = options;
  if (label !== undefined && !/^[A-Za-z0-9:_.-]+$/.test(label)) {
    throw new FtzError('api.bad_request', { issues: `LaTeX label must be letters, digits and : _ . -, not "${label}"` });
  }
  if (notesWidth !== undefined && !/^\d*\.?\d*\s*(\\[A-Za-z]+|cm|mm|in|pt|em|ex)$/.test(notesWidth)) {
    throw new FtzError('api.bad_request', { issues: `LaTeX notesWidth must be a length such as 12cm or 0.9\\linewidth, not "${notesWidth}"` });
  }
  if (!/^[htbpH!]+$/.test(placement)) throw new FtzError('api.bad_request', { issues: `LaTeX placement must be made of h t b p H !, not "${placement}"` });
  const k = table.modelCount;
  const row = (first: string, cells: readonly string[]): string => `${[first, ...cells].join(' & ')} \\\\`;
  const lines: string[] = ['% Requires \\usepackage{booktabs}. Stars: \\sym{*} (superscript), defined below unless the preamble defines it.'];
  const body = [table.title, ...table.notes, ...table.header.flatMap((h) => [h.label, ...h.cells.map((c) => c.text)]), ...table.body.map((r) => r.label)];
  if (table.lang === 'zh' || body.some((t) => CJK.test(t))) {
    lines.push('% 中文标签需要 ctex 宏包（\\usepackage{ctex} 或 \\documentclass{ctexart}），请用 XeLaTeX 编译。Chinese labels need the ctex package (compile with XeLaTeX).');
  }
  lines.push(
    '\\providecommand{\\sym}[1]{\\ensuremath{^{#1}}}',
    `\\begin{table}[${placement}]`,
    '\\centering',
    `\\caption{${escapeLatex(table.title)}}`,
  );
  if (label !== undefined) lines.push(`\\label{${label}}`);
  lines.push(`\\begin{tabular}{l${'c'.repeat(k)}}`, '\\toprule');
  for (const h of table.header) {
    lines.push(row(escapeLatex(h.label), h.cells.map((c) => (c.span > 1 ? `\\multicolumn{${c.span}}{c}{${escapeLatex(c.text)}}` : escapeLatex(c.text)))));
  }
  lines.push('\\midrule');
  for (const r of table.body) lines.push(row(escapeLatex(r.label), r.cells.map(latexCell)));
  lines.push('\\bottomrule');
  const noteColumn = notesWidth === undefined ? 'l' : `p{${notesWidth}}`;
  for (const n of table.notes) lines.push(`\\multicolumn{${k + 1}}{${noteColumn}}{\\footnotesize ${escapeLatex(n)}} \\\\`);
  lines.push('\\end{tabular}', '\\end{table}');
  return `${lines.join('\n')}\n`;
}
