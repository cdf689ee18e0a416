/**
 * One result table as the server built it: headers from the column labels in the UI language, numbers
 * lined up per column, missing values as a dash. Columns that come in a `_zh`/`_en` pair show the UI
 * language's one, and region codes show as province names.
 */
import { useMemo, type ReactNode } from 'react';
import type { Lang } from '../../../../src/server/apiTypes.js';
import { columnFormatter, formatInteger, formatPercent } from '../../format.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { headerText, nameIn, rowCount, text, type Cell, type Column, type RegionName, type Table } from './result.js';

export interface DisplayColumn {
  readonly key: string;
  readonly header: string;
  readonly numeric: boolean;
  readonly cell: (i: number) => ReactNode;
}

function formatterFor(col: Column, lang: Lang): (v: Cell) => ReactNode {
  if (col.type === 'integer') return (v) => (typeof v === 'number' && Number.isFinite(v) ? formatInteger(v, lang) : <NoData />);
  if (col.type === 'number') {
    const finite = col.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const share = col.name.startsWith('share_');
    const fmt = share ? (v: number) => formatPercent(v, lang) : columnFormatter(finite, lang);
    return (v) => (typeof v === 'number' && Number.isFinite(v) ? fmt(v) : <NoData />);
  }
  return (v) => (v === null || v === '' ? <NoData /> : text(v));
}

/** The columns to show for `table` in `lang`, in table order. */
export function displayColumns(table: Table, lang: Lang, names: ReadonlyMap<string, RegionName> | undefined, provinceHeader: string): DisplayColumn[] {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const region = byName.get('region');
  const out: DisplayColumn[] = [];
  for (const col of table.columns) {
    const pair = /^(.*)_(zh|en)$/.exec(col.name);
    if (pair && byName.has(`${pair[1]}_${pair[2] === 'zh' ? 'en' : 'zh'}`) && pair[2] !== lang) continue;
    // region codes read as names; a `name` column beside them is then redundant (and in Chinese only)
    if (region && names && (col.name === 'name' || col.name === 'name_zh' || col.name === 'name_en')) continue;
    if (col.name === 'region' && names) {
      out.push({ key: 'region', header: provinceHeader, numeric: false, cell: (i) => nameIn(names, text(col.values[i] ?? null), lang) });
      continue;
    }
    const fmt = formatterFor(col, lang);
    // years are labels, not quantities: they sit on the left like other row labels
    const numeric = col.type === 'number' || (col.type === 'integer' && col.name !== 'year');
    const header = headerText(col.label, lang) + (col.unit ? ` (${lang === 'zh' ? col.unit.zh : col.unit.en})` : '');
    out.push({ key: col.name, header, numeric, cell: (i) => fmt(col.values[i] ?? null) });
  }
  return out;
}

export interface DataTableProps {
  readonly table: Table;
  readonly caption?: string;
  readonly testId?: string;
  readonly names?: ReadonlyMap<string, RegionName>;
  /** show only these rows (indices into the table), in this order */
  readonly rows?: readonly number[];
  /** replace the computed columns, e.g. to choose or relabel them */
  readonly columns?: (cols: DisplayColumn[]) => DisplayColumn[];
  readonly compact?: boolean;
}

export function DataTable({ table, caption, testId, names, rows, columns, compact }: DataTableProps) {
  const { lang, t } = useLang();
  const cols = useMemo(() => {
    const base = displayColumns(table, lang, names, t('index.province'));
    return columns ? columns(base) : base;
  }, [table, lang, names, t, columns]);
  const order = rows ?? Array.from({ length: rowCount(table) }, (_, i) => i);
  return (
    <div className={compact ? 'table-scroll table-compact' : 'table-scroll'} {...(testId ? { 'data-testid': testId } : {})}>
      <table className="table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.key} className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.map((i) => (
            <tr key={i}>
              {cols.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.cell(i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
