import { FtzError } from '../../core/errors.js';
import type { Warning } from '../../core/result.js';
import type { RawTable } from './rawTable.js';
import type { RegionMatcher } from './regionMatcher.js';

export type Layout = 'long' | 'wide' | 'nbs' | 'table';
export type ColumnRole = 'region' | 'year' | 'indicator' | 'value' | 'unit' | 'measure' | 'other';
export type CellType = 'text' | 'number' | 'integer';
export type TypedCell = string | number | null;

export interface ShapeOptions {
  readonly file: string;
  readonly dataset: string;
  readonly layout?: Layout | 'auto';
  readonly regionCol?: string;
  readonly yearCol?: string;
  readonly indicatorCol?: string;
  readonly valueCol?: string;
}

export interface ShapedColumn {
  readonly name: string;
  readonly type: CellType;
  readonly role: ColumnRole;
}

export interface UserObservation {
  readonly region: string;
  readonly year: number;
  readonly indicator: string;
  readonly value: number;
}

export interface ShapedTable {
  readonly layout: Layout;
  readonly columns: readonly ShapedColumn[];
  readonly rows: readonly (readonly TypedCell[])[];
  readonly observations: readonly UserObservation[];
  readonly indicators: readonly { code: string; name: string; unit: string }[];
  readonly warnings: readonly Warning[];
}

const ROLE_NAMES: Record<'region' | 'year' | 'indicator' | 'value' | 'unit', readonly string[]> = {
  region: ['地区', '省份', '省', '省份名称', '地区名称', '省市', '城市', '地级市', '行政区划代码', '地区代码', '代码',
    'province', 'region', 'prov', 'city', 'area', 'code', 'region_code', 'province_code'],
  year: ['年份', '年', '年度', '时间', 'year', 'yr', 'time'],
  indicator: ['指标', '指标名称', '变量', '变量名', 'indicator', 'variable', 'item', 'series'],
  value: ['值', '数值', '数据', '指标值', 'value', 'val'],
  unit: ['单位', '计量单位', 'unit', 'units'],
};

/** Cells that mean "no value" in the tables our users export; they become null, and are counted. */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', '-', '--', '—', '——', '…', '...', '无', '缺失', '.']);

export function isMissing(cell: string | null): boolean {
  return cell === null || MISSING.has(cell.trim().toLowerCase());
}

/** Parses a number as tables write it: `1234.5`, `1,234.5`, `-2`, `3.2e5`, full-width digits. */
export function parseNumber(cell: string): number | undefined {
  let s = cell.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replaceAll(',', '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function parseYear(cell: string): number | undefined {
  const m = /^\s*(\d{4})(?:\.0+|年(?:度)?)?\s*$/.exec(cell);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2100 ? y : undefined;
}

function findRole(header: readonly string[], role: keyof typeof ROLE_NAMES, explicit: string | undefined, file: string, layout: string): number {
  if (explicit !== undefined) {
    const i = header.indexOf(explicit);
    if (i < 0) throw new FtzError('import.missing_column', { file, column: explicit, layout, found: [...header] });
    return i;
  }
  const names = ROLE_NAMES[role];
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/**
 * Recognises the layout of an imported table, types every column, and (for long, wide and NBS layouts)
 * derives region–year observations the explorer can draw. Every rejection names file, row, column and value.
 */
export function shapeTable(raw: RawTable, matcher: RegionMatcher, options: ShapeOptions): ShapedTable {
  const { file } = options;
  const header = raw.header;
  header.forEach((h, i) => {
    if (h === '') throw new FtzError('import.header_empty', { file, column: i + 1 });
    const first = header.indexOf(h);
    if (first !== i) throw new FtzError('import.header_duplicate', { file, column: h, first: first + 1, second: i + 1 });
  });
  if (raw.rows.length === 0) throw new FtzError('import.no_rows', { file });

  const requested = options.layout ?? 'auto';
  const probe = requested === 'auto' ? 'auto' : requested;
  const regionIdx = findRole(header, 'region', options.regionCol, file, probe);
  const yearIdx = findRole(header, 'year', options.yearCol, file, probe);
  const indicatorIdx = findRole(header, 'indicator', options.indicatorCol, file, probe);
  const valueIdx = findRole(header, 'value', options.valueCol, file, probe);
  const unitIdx = findRole(header, 'unit', undefined, file, probe);

  let layout: Layout;
  if (requested !== 'auto') layout = requested;
  else if (regionIdx >= 0 && yearIdx >= 0 && indicatorIdx >= 0 && valueIdx >= 0) layout = 'long';
  else if (regionIdx >= 0 && yearIdx >= 0) layout = 'wide';
  else layout = 'table';

  const need = (idx: number, column: string): void => {
    if (idx < 0) throw new FtzError('import.missing_column', { file, column, layout, found: [...header] });
  };
  if (layout === 'long' || layout === 'nbs') {
    need(regionIdx, ROLE_NAMES.region[0] as string);
    need(yearIdx, ROLE_NAMES.year[0] as string);
    need(indicatorIdx, ROLE_NAMES.indicator[0] as string);
    need(valueIdx, ROLE_NAMES.value[0] as string);
  } else if (layout === 'wide') {
    need(regionIdx, ROLE_NAMES.region[0] as string);
    need(yearIdx, ROLE_NAMES.year[0] as string);
  }

  const roles: ColumnRole[] = header.map((_, i) => {
    if (layout === 'table') return 'other';
    if (i === regionIdx) return 'region';
    if (i === yearIdx) return 'year';
    if ((layout === 'long' || layout === 'nbs') && i === indicatorIdx) return 'indicator';
    if ((layout === 'long' || layout === 'nbs') && i === valueIdx) return 'value';
    if ((layout === 'long' || layout === 'nbs') && i === unitIdx) return 'unit';
    return layout === 'wide' ? 'measure' : 'other';
  });

  // Type every column. A column is numeric when most of its present cells are numbers; then every present
  // cell must be one, and the first that is not is reported.
  const types: CellType[] = header.map((_, c) => {
    const role = roles[c];
    if (role === 'region' || role === 'indicator' || role === 'unit') return 'text';
    if (role === 'year') return 'integer';
    let numeric = 0;
    let present = 0;
    for (const row of raw.rows) {
      const cell = row[c] ?? null;
      if (isMissing(cell)) continue;
      present++;
      // 0101 is an HS heading, 000123 a firm code: a leading zero means the column holds codes, not numbers.
      if (/^\s*[-+]?0\d/.test(cell as string)) return 'text';
      if (parseNumber(cell as string) !== undefined) numeric++;
    }
    const isNumeric = role === 'value' || (present > 0 && numeric * 2 > present);
    if (!isNumeric) return 'text';
    return 'number';
  });

  const missingCounts = new Array<number>(header.length).fill(0);
  const typedRows: TypedCell[][] = [];
  const regionCodes: (string | undefined)[] = [];
  const years: (number | undefined)[] = [];
  raw.rows.forEach((row, r) => {
    const line = raw.rowNumbers[r] as number;
    const out: TypedCell[] = [];
    for (let c = 0; c < header.length; c++) {
      const cell = row[c] ?? null;
      const column = header[c] as string;
      const role = roles[c];
      if (role === 'region') {
        const text = (cell ?? '').trim();
        const code = matcher.match(text);
        if (!code) throw new FtzError('import.unknown_region', { file, row: line, column, value: text });
        regionCodes[r] = code;
        out.push(text);
        continue;
      }
      if (role === 'year') {
        const y = parseYear(cell ?? '');
        if (y === undefined) throw new FtzError('import.bad_year', { file, row: line, column, value: cell ?? '' });
        years[r] = y;
        out.push(y);
        continue;
      }
      if (isMissing(cell)) {
        missingCounts[c] = (missingCounts[c] ?? 0) + 1;
        out.push(null);
        continue;
      }
      if (types[c] === 'number') {
        const n = parseNumber(cell as string);
        if (n === undefined) throw new FtzError('import.non_numeric', { file, row: line, column, value: cell as string });
        out.push(n);
      } else out.push((cell as string).trim());
    }
    typedRows.push(out);
  });
  types.forEach((t, c) => {
    if (t === 'number' && typedRows.every((row) => row[c] === null || Number.isSafeInteger(row[c]))) types[c] = 'integer';
  });

  // Keys: one row per region–year (wide) or region–year–indicator (long).
  const observations: UserObservation[] = [];
  const indicators = new Map<string, { code: string; name: string; unit: string }>();
  if (layout !== 'table') {
    const seen = new Map<string, number>();
    typedRows.forEach((row, r) => {
      const line = raw.rowNumbers[r] as number;
      const region = regionCodes[r] as string;
      const year = years[r] as number;
      const parts: (string | number | null | undefined)[] = [region, year];
      if (layout !== 'wide') parts.push(row[indicatorIdx] ?? '');
      const k = parts.map(String).join(' | ');
      const first = seen.get(k);
      if (first !== undefined) throw new FtzError('import.duplicate_key', { file, row: line, firstRow: first, key: `(${k})` });
      seen.set(k, line);
      if (layout === 'wide') {
        header.forEach((name, c) => {
          const v = row[c];
          if (roles[c] !== 'measure' || types[c] === 'text' || typeof v !== 'number') return;
          const code = `${options.dataset}.${name}`;
          if (!indicators.has(code)) indicators.set(code, { code, name, unit: '' });
          observations.push({ region, year, indicator: code, value: v });
        });
      } else {
        const name = String(row[indicatorIdx] ?? '');
        const v = row[valueIdx];
        if (typeof v !== 'number' || name === '') return;
        const code = `${options.dataset}.${name}`;
        const unit = unitIdx >= 0 ? String(row[unitIdx] ?? '') : '';
        if (!indicators.has(code)) indicators.set(code, { code, name, unit });
        observations.push({ region, year, indicator: code, value: v });
      }
    });
  }

  const warnings: Warning[] = [];
  missingCounts.forEach((n, c) => {
    if (n > 0) {
      const column = header[c] as string;
      warnings.push({
        code: 'import.missing_values',
        message: {
          zh: `“${column}”列有 ${n} 个缺失值（空白、NA、- 等），已按缺失处理，未作填补。`,
          en: `Column "${column}" has ${n} missing cells (blank, NA, - …): kept as missing, not filled.`,
        },
        details: { column, count: n },
      });
    }
  });

  return {
    layout,
    columns: header.map((name, c) => ({ name, type: types[c] as CellType, role: roles[c] as ColumnRole })),
    rows: typedRows,
    observations,
    indicators: [...indicators.values()],
    warnings,
  };
}
