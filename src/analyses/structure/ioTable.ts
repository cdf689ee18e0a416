import { FtzError } from '../../core/errors.js';
import type { Label } from '../../core/result.js';
import { technicalCoefficients, type DenseMatrix } from '../../methods/carbon/inputOutput.js';
import { allocationCoefficients } from '../../methods/structure/ioLinkages.js';
import type { Db } from '../../store/duckdb.js';

/** A bundled national input–output table as matrices over its sectors (codes in table order). */
export interface IoTable {
  readonly year: number;
  readonly codes: readonly string[];
  readonly names: readonly Label[];
  /** Total output x. */
  readonly x: Float64Array;
  /** Technical coefficients of all intermediate inputs, and of domestic inputs only (the table splits imports). */
  readonly A: DenseMatrix;
  readonly Ad: DenseMatrix;
  /** Allocation coefficients (Ghosh) of domestic output. */
  readonly B: DenseMatrix;
  /** GB/T 4754 divisions of each sector. */
  readonly divisions: readonly (readonly string[])[];
}

export async function ioYears(store: Db): Promise<number[]> {
  return (await store.all<{ year: number }>('SELECT DISTINCT year FROM io_sector ORDER BY year')).map((r) => r.year);
}

// IO tables are bundled data only (no user import writes them), so one load per store and year serves every call.
const loaded = new WeakMap<Db, Map<number, Promise<IoTable>>>();

/** Loads an IO table year (default: the latest bundled) into matrices. */
export async function loadIoTable(store: Db, year?: number): Promise<IoTable> {
  const years = await ioYears(store);
  const y = year ?? years.at(-1);
  if (y === undefined || !years.includes(y)) throw new FtzError('disparity.option_invalid', { option: 'year', value: String(year), reason: `bundled IO tables: ${years.join(', ')}` });
  const byYear = loaded.get(store) ?? new Map<number, Promise<IoTable>>();
  loaded.set(store, byYear);
  let table = byYear.get(y);
  if (!table) {
    table = readIoTable(store, y);
    byYear.set(y, table);
    table.catch(() => byYear.delete(y));
  }
  return table;
}

async function readIoTable(store: Db, y: number): Promise<IoTable> {
  const sectors = await store.all<{ code: string; name_zh: string; name_en: string }>('SELECT code, name_zh, name_en FROM io_sector WHERE year = ? ORDER BY code', [y]);
  const n = sectors.length;
  const at = new Map(sectors.map((s, i) => [s.code, i]));
  const Z = new Float64Array(n * n);
  const Zd = new Float64Array(n * n);
  for (const f of await store.all<{ row_code: string; col_code: string; origin: string; value: number }>('SELECT row_code, col_code, origin, value FROM io_flow WHERE year = ?', [y])) {
    const i = at.get(f.row_code);
    const j = at.get(f.col_code);
    if (i === undefined || j === undefined) continue;
    Z[i * n + j] = (Z[i * n + j] as number) + f.value;
    if (f.origin === 'domestic') Zd[i * n + j] = (Zd[i * n + j] as number) + f.value;
  }
  const x = new Float64Array(n);
  for (const t of await store.all<{ code: string; total_output: number }>('SELECT code, total_output FROM io_total WHERE year = ?', [y])) {
    const i = at.get(t.code);
    if (i !== undefined) x[i] = t.total_output;
  }
  const map = new Map((await store.all<{ io_code: string; gbt4754_divisions: string }>('SELECT io_code, gbt4754_divisions FROM io42_gbt4754')).map((r) => [r.io_code, r.gbt4754_divisions.split(';')]));
  const zm = { rows: n, cols: n, values: Z };
  const zd = { rows: n, cols: n, values: Zd };
  return {
    year: y, codes: sectors.map((s) => s.code), names: sectors.map((s) => ({ zh: s.name_zh, en: s.name_en })), x,
    A: technicalCoefficients(zm, x, 'intermediate flows Z'), Ad: technicalCoefficients(zd, x, 'domestic intermediate flows'),
    B: allocationCoefficients(zd, x), divisions: sectors.map((s) => map.get(s.code) ?? []),
  };
}
