/** How far each province's rank moves when the methods are varied (runs with Monte Carlo replications only). */
import { useMemo } from 'react';
import { useLang } from '../../lang.js';
import { RankUncertaintyChart, type RankRange } from './RankUncertaintyChart.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, labelOf, nameIn, num, regionNames, rowsOf, text, type Result } from './result.js';

export function RankUncertaintyPanel({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'rank_uncertainty');
  const names = useMemo(() => regionNames(result), [result]);
  const ranges = useMemo<RankRange[]>(() => {
    if (!table) return [];
    const out: RankRange[] = [];
    for (const r of rowsOf(table)) {
      const rank = num(r['rank']);
      const median = num(r['median']);
      const q05 = num(r['q05']);
      const q95 = num(r['q95']);
      if (rank === null || median === null || q05 === null || q95 === null) continue;
      out.push({ name: nameIn(names, text(r['region']), lang), rank, median, q05, q95 });
    }
    return out.sort((a, b) => a.rank - b.rank);
  }, [table, names, lang]);
  if (!table) {
    return (
      <ResultPanel title={t('index.uncertaintyTitle')} testId="rank-uncertainty-panel">
        <p className="state">{t('index.uncertaintyNone')}</p>
      </ResultPanel>
    );
  }
  return (
    <ResultPanel title={labelOf(table.title, lang)} lead={t('index.uncertaintyNote')} testId="rank-uncertainty-panel">
      <RankUncertaintyChart ranges={ranges} />
    </ResultPanel>
  );
}
