/** The result tables no chart above shows (obstacle degree, coupling coordination, Theil, convergence), folded. */
import { useMemo } from 'react';
import { useLang } from '../../lang.js';
import { DataTable } from './DataTable.js';
import { ResultPanel } from './ResultPanel.js';
import { labelOf, regionNames, rowCount, type Result } from './result.js';

/** Tables drawn by their own panels. */
const SHOWN = new Set(['conventions', 'scores', 'topsis', 'weights', 'dimension_weights', 'dagum', 'dagum_groups', 'kde', 'markov', 'spatial_markov_tests', 'moran', 'lisa', 'rank_uncertainty']);

export function MoreTablesPanel({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const names = useMemo(() => regionNames(result), [result]);
  const tables = result.tables.filter((tb) => !SHOWN.has(tb.name) && !tb.name.startsWith('spatial_markov_lag'));
  if (tables.length === 0) return null;
  return (
    <ResultPanel title={t('index.moreTables')} testId="more-tables">
      {tables.map((tb) => (
        <details key={tb.name} className="more-table">
          <summary>
            {labelOf(tb.title, lang)} <span className="muted small">({rowCount(tb)})</span>
          </summary>
          <DataTable table={tb} names={names} compact testId={`table-${tb.name}`} />
        </details>
      ))}
    </ResultPanel>
  );
}
