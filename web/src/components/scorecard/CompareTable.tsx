/**
 * The 22 zones side by side, one row each, sortable by any column. A missing cell is a dash marked "missing"
 * and sorts last in either direction, so a gap never passes for the smallest value.
 */
import { useMemo, useState } from 'react';
import type { Lang } from '../../../../src/server/apiTypes.js';
import { formatFixed, formatInteger } from '../../format.js';
import { localeOf } from '../../i18n.js';
import { useLang } from '../../lang.js';
import { hrefOf } from '../../route.js';
import { headerText } from '../index/result.js';
import { shortZoneName } from '../structure/labels.js';
import { findTable, formatRank, num, rowsOf, tableRows, text, unitText, type Result, type Row } from './scorecard.js';

type Dir = 'asc' | 'desc';

interface Col {
  readonly key: string;
  readonly header: string;
  readonly numeric: boolean;
  /** the first click sorts best-first: high values, but low ranks and early years */
  readonly firstDir: Dir;
  readonly sortValue: (r: Row) => number | string | null;
}

// shown as their own columns; the codes and the rank quantiles are folded into the name and rank cells
const HIDDEN = new Set(['zone', 'name_zh', 'name_en', 'province', 'nqpf_rank_q05', 'nqpf_rank_q95']);
const ASCENDING_FIRST = new Set(['nqpf_rank', 'batch_year']);

/** Decimals a value carries as written (4.34 → 2), up to 4: a published figure is not padded with zeros. */
function writtenDecimals(v: number): number {
  const s = String(Number(v.toPrecision(12)));
  if (s.includes('e')) return 4;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(4, s.length - dot - 1);
}

/**
 * One number of decimals per column: three significant digits for its smallest non-zero value, but no more than
 * its values carry (published intensities keep their two decimals, computed indices get three).
 */
function decimalsFor(values: readonly number[]): number {
  const nonZero = values.filter((v) => v !== 0).map((v) => Math.abs(v));
  if (nonZero.length === 0) return 0;
  const significant = Math.min(3, Math.max(0, 2 - Math.floor(Math.log10(Math.min(...nonZero)))));
  return Math.min(significant, Math.max(...values.map(writtenDecimals)));
}

const collators = new Map<Lang, Intl.Collator>();
function localeCompare(a: string, b: string, lang: Lang): number {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(localeOf(lang));
    collators.set(lang, c);
  }
  return c.compare(a, b);
}

function Missing() {
  const { t } = useLang();
  return (
    <span className="na" title={t('compare.missing')} aria-label={t('compare.missing')} data-testid="compare-missing">
      —
    </span>
  );
}

function zoneNameOf(r: Row, lang: Lang): string {
  return text(lang === 'zh' ? r['name_zh'] : r['name_en']) || text(r['zone']);
}

// the short name keeps the table narrow enough to show every column; the full name is the link's title
function shortNameOf(r: Row, lang: Lang): string {
  return shortZoneName({ zh: text(r['name_zh']), en: text(r['name_en']) }, text(r['zone']), lang);
}

export function CompareTable({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'comparison');
  const rows = useMemo(() => (table ? rowsOf(table) : []), [table]);
  const [sort, setSort] = useState<{ readonly key: string; readonly dir: Dir } | null>(null);

  const cols = useMemo<Col[]>(() => {
    if (!table) return [];
    // the comparison columns are named after scorecard items, whose rows carry the unit
    const items = tableRows(result, 'scorecard');
    const unitOf = (key: string) => unitText(text(items.find((r) => r['key'] === key)?.['unit']), t);
    const nameCol: Col = { key: 'name', header: t('scorecard.zone'), numeric: false, firstDir: 'asc', sortValue: (r) => shortNameOf(r, lang) };
    const rest = table.columns
      .filter((c) => !HIDDEN.has(c.name))
      .map<Col>((c) => {
        const unit = unitOf(c.name);
        const numeric = c.type === 'number' || c.type === 'integer';
        return {
          key: c.name,
          header: headerText(c.label, lang) + (unit ? (lang === 'zh' ? `（${unit.replace(/^（|）$/g, '')}）` : ` (${unit.replace(/^\(|\)$/g, '')})`) : ''),
          numeric,
          firstDir: !numeric || ASCENDING_FIRST.has(c.name) ? 'asc' : 'desc',
          sortValue: (r) => (numeric ? num(r[c.name]) : text(r[c.name]) || null),
        };
      });
    return [nameCol, ...rest];
  }, [table, result, lang, t]);

  const formats = useMemo(() => {
    const out = new Map<string, (v: number) => string>();
    if (!table) return out;
    for (const c of table.columns) {
      if (c.type === 'integer') out.set(c.name, (v) => formatInteger(v, lang));
      if (c.type === 'number') {
        const digits = decimalsFor(c.values.filter((v): v is number => typeof v === 'number'));
        out.set(c.name, (v) => formatFixed(v, lang, digits));
      }
    }
    return out;
  }, [table, lang]);

  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = cols.find((c) => c.key === sort.key);
    if (!col) return rows;
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = col.sortValue(a);
      const y = col.sortValue(b);
      if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
      const d = typeof x === 'number' && typeof y === 'number' ? x - y : localeCompare(String(x), String(y), lang);
      return sign * d;
    });
  }, [rows, cols, sort, lang]);

  if (!table) return null;
  const onSort = (col: Col) => setSort((s) => (s?.key === col.key ? { key: col.key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key: col.key, dir: col.firstDir }));

  return (
    <div className="table-scroll table-wide-nomax sc-compare-scroll">
      <table className="table sc-compare" data-testid="compare-table">
        <thead>
          <tr>
            {cols.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th key={c.key} className={c.numeric ? 'num' : undefined} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="th-sort" data-testid={`compare-sort-${c.key}`} title={t('compare.sortHint')} onClick={() => onSort(c)}>
                    <span>{c.header}</span>
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const zone = text(r['zone']);
            return (
              <tr key={zone} data-testid="compare-row" data-zone={zone}>
                {cols.map((c) => {
                  if (c.key === 'name')
                    return (
                      <th key={c.key} scope="row" className="sc-compare-name">
                        <a href={hrefOf({ page: 'scorecard', zone })} title={zoneNameOf(r, lang)} data-testid="compare-zone-link">
                          {shortNameOf(r, lang)}
                        </a>
                      </th>
                    );
                  const v = r[c.key] ?? null;
                  if (!c.numeric) return <td key={c.key}>{v === null || v === '' ? <Missing /> : text(v)}</td>;
                  const n = num(v);
                  if (n === null)
                    return (
                      <td key={c.key} className="num">
                        <Missing />
                      </td>
                    );
                  const shown = (formats.get(c.key) ?? String)(n);
                  if (c.key !== 'nqpf_rank')
                    return (
                      <td key={c.key} className="num" data-value={n}>
                        {shown}
                      </td>
                    );
                  const lo = num(r['nqpf_rank_q05']);
                  const hi = num(r['nqpf_rank_q95']);
                  return (
                    <td key={c.key} className="num" data-value={n}>
                      {shown}
                      {lo !== null && hi !== null && (
                        <span className="muted small sc-rank-range" title={t('compare.rankRange')}>
                          {' '}
                          ({formatRank(lo)}–{formatRank(hi)})
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
