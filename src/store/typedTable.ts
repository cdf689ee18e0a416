import { ident, type Db } from './duckdb.js';

export type TypedCellType = 'text' | 'number' | 'integer';
export type TypedValue = string | number | null | undefined;

const SQL_TYPE: Record<TypedCellType, string> = { text: 'VARCHAR', number: 'DOUBLE', integer: 'BIGINT' };

/**
 * Creates `table` with one typed column per entry (plus a leading row-number column when `rowColumn` is
 * given) and appends the rows with DuckDB's appender, inside the caller's transaction.
 */
export async function writeTypedTable(
  db: Db,
  table: string,
  columns: readonly { name: string; type: TypedCellType }[],
  rows: readonly (readonly TypedValue[])[],
  rowColumn?: string,
): Promise<void> {
  const cols = columns.map((c) => `${ident(c.name)} ${SQL_TYPE[c.type]}`);
  if (rowColumn) cols.unshift(`${ident(rowColumn)} INTEGER`);
  await db.run(`CREATE TABLE ${ident(table)} (${cols.join(', ')})`);
  const app = await db.appender(table);
  rows.forEach((row, r) => {
    if (rowColumn) app.appendInteger(r + 1);
    columns.forEach((c, i) => {
      const v = row[i];
      if (v === null || v === undefined) app.appendNull();
      else if (c.type === 'text') app.appendVarchar(String(v));
      else if (c.type === 'integer') app.appendBigInt(BigInt(v as number));
      else app.appendDouble(v as number);
    });
    app.endRow();
  });
  app.flushSync();
  app.closeSync();
}
