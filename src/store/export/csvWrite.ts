export type OutCell = string | number | null;

/**
 * CSV text a spreadsheet opens safely. Text that starts like a formula (=, +, -, @) is prefixed with `'`
 * (OWASP CSV injection); numbers are never touched, so -2 stays -2 and re-imports as a number.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly OutCell[])[]): string {
  const lines = [header.map((h) => quote(escapeFormula(h))).join(',')];
  for (const row of rows) {
    lines.push(row.map((v) => (v === null ? '' : typeof v === 'number' ? numberText(v) : quote(escapeFormula(v)))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

export function escapeFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}
