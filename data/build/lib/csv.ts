/**
 * RFC 4180 CSV reading and writing for the data build: UTF-8, header row, LF line ends.
 * Every bundled table goes through `writeCsv`, so quoting and number formatting are decided once, here.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A cell as a build script hands it over; `undefined` and `null` become empty fields. */
export type CsvCell = string | number | boolean | null | undefined;

/** Parses CSV text into rows of fields. Quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  // Some upstream files (e.g. hs_sections.csv) start with a BOM; it must not end up in the first header name.
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field');
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a CSV file with a header row into one object per data row, keyed by header name. */
export function readCsvObjects(path: string): Record<string, string>[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows[0];
  if (header === undefined) throw new Error(`${path}: empty CSV`);
  const out: Record<string, string>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const fields = rows[r] ?? [];
    // A trailing blank line parses as one empty field; it is not a record.
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length !== header.length) {
      throw new Error(`${path}: row ${r + 1} has ${fields.length} fields, header has ${header.length}`);
    }
    const obj: Record<string, string> = {};
    header.forEach((name, i) => {
      obj[name] = fields[i] ?? '';
    });
    out.push(obj);
  }
  return out;
}

/**
 * Formats one field. Numbers use JavaScript's shortest round-trip form, so a value is written with exactly the
 * precision it was read with and never rounded here.
 */
export function formatCsvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  let s: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`refusing to write non-finite number ${cell}`);
    s = String(cell);
  } else if (typeof cell === 'boolean') {
    s = cell ? 'true' : 'false';
  } else {
    s = cell;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a CSV file (creating its folder) and returns the number of data rows written. */
export function writeCsv(path: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]): number {
  const lines = [header.map(formatCsvField).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`${path}: a row has ${row.length} fields, header has ${header.length}`);
    }
    lines.push(row.map(formatCsvField).join(','));
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n') + '\n', 'utf8');
  return rows.length;
}
