import { FtzError } from '../../core/errors.js';
import type { RawTable } from './rawTable.js';

export interface ParseOptions {
  readonly file: string;
  /** `,`, `\t` or `;`; guessed from the header line when absent */
  readonly delimiter?: string;
  /** longest cell accepted, in characters */
  readonly maxCell: number;
  /** keep rows of any width as they are (for layouts with a preamble, such as NBS exports) */
  readonly ragged?: boolean;
}

/**
 * RFC 4180 parser that remembers on which line each record starts, so every later error can name the row
 * a user sees in Excel. Fully empty lines are skipped (Excel leaves them at the end of exports).
 */
export function parseDelimited(text: string, options: ParseOptions): RawTable {
  const { file, maxCell } = options;
  const delimiter = options.delimiter ?? guessDelimiter(text);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let cellStartedQuoted = false;
  const n = text.length;

  const pushCell = (): void => {
    if (cell.length > maxCell) {
      throw new FtzError('import.cell_too_large', {
        file, row: recordLine, column: columnName(records, cells.length), size: cell.length, limit: maxCell,
      });
    }
    cells.push(cell);
    cell = '';
    cellStartedQuoted = false;
  };
  const pushRecord = (): void => {
    pushCell();
    const empty = cells.length === 1 && cells[0] === '' ;
    if (!empty) records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; }
        else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
        if (cell.length > maxCell) pushCell();
      }
      continue;
    }
    if (ch === '"' && cell === '' && !cellStartedQuoted) {
      inQuotes = true;
      cellStartedQuoted = true;
      quoteLine = recordLine;
    } else if (ch === delimiter) {
      pushCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      pushRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
      if (cell.length > maxCell) pushCell();
    }
  }
  if (inQuotes) throw new FtzError('import.unclosed_quote', { file, row: quoteLine });
  if (cell !== '' || cells.length > 0) pushRecord();

  const head = records[0];
  if (!head) throw new FtzError('import.empty_file', { file });
  const header = head.cells.map((h) => h.trim());
  const rows: (string | null)[][] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r] as { line: number; cells: string[] };
    if (options.ragged) {
      rows.push(rec.cells);
      rowNumbers.push(rec.line);
      continue;
    }
    // Excel pads short rows with trailing delimiters and sometimes drops them; only extra non-empty cells are wrong.
    if (rec.cells.length !== header.length) {
      const extraNonEmpty = rec.cells.slice(header.length).some((c) => c.trim() !== '');
      if (rec.cells.length < header.length || extraNonEmpty) {
        throw new FtzError('import.row_width', {
          file, row: rec.line, expected: header.length, found: rec.cells.length,
        });
      }
    }
    rows.push(header.map((_, c) => rec.cells[c] ?? null));
    rowNumbers.push(rec.line);
  }
  return { header, rows, rowNumbers, headerRow: head.line };
}

function columnName(records: readonly { cells: string[] }[], index: number): string {
  return records[0]?.cells[index] ?? `#${index + 1}`;
}

function guessDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const count = first.split(d).length - 1;
    if (count > bestCount) { best = d; bestCount = count; }
  }
  return best;
}
