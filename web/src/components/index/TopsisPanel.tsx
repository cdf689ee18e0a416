/** TOPSIS distances to the ideal and anti-ideal solutions and the closeness, for one year (TOPSIS runs only). */
import { useMemo, useState } from 'react';
import { useLang } from '../../lang.js';
import { DataTable } from './DataTable.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, num, regionNames, rowsOf, yearsOf, type Result } from './result.js';
import { YearSelect } from './YearSelect.js';

export function TopsisPanel({ result }: { readonly result: Result }) {
  const { t } = useLang();
  const table = findTable(result, 'topsis');
  const names = useMemo(() => regionNames(result), [result]);
  const years = useMemo(() => yearsOf(table), [table]);
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen !== null && years.includes(chosen) ? chosen : (years[years.length - 1] ?? null);
  const order = useMemo(() => {
    if (!table) return [];
    return rowsOf(table)
      .map((r, i) => ({ i, year: r['year'], c: num(r['closeness']) ?? -Infinity }))
      .filter((r) => r.year === year)
      .sort((a, b) => b.c - a.c)
      .map((r) => r.i);
  }, [table, year]);
  if (!table || year === null) return null;
  return (
    <ResultPanel title={t('index.topsisTitle', { year })} testId="topsis-panel" actions={<YearSelect years={years} value={year} onChange={setChosen} />}>
      <DataTable table={table} names={names} rows={order} testId="topsis-table" columns={(cols) => cols.filter((c) => c.key !== 'year')} />
    </ResultPanel>
  );
}
