/**
 * Dagum Gini decomposition by year: a switch between the groupings the server computed (macro-regions, Pilot
 * FTZ hosts or not, FTZ batch), the contribution shares as a chart, and the numbers with the within-group Ginis.
 */
import { useMemo, useState } from 'react';
import { formatFixed } from '../../format.js';
import { isMessageKey } from '../../i18n.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { DagumChart } from './DagumChart.js';
import { DataTable } from './DataTable.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, num, rowsOf, text, type Result } from './result.js';
import { Segmented } from './Segmented.js';

const GROUPINGS = ['macro_region', 'ftz', 'batch'] as const;

/** East, central, west, northeast (the NBS order); FTZ hosts first; batches by year, provinces without a zone last. */
const GROUP_ORDER = ['east', 'central', 'west', 'northeast', 'ftz', 'non_ftz'];
function groupRank(g: string): number {
  const i = GROUP_ORDER.indexOf(g);
  if (i >= 0) return i;
  return /^\d{4}$/.test(g) ? Number(g) : g === 'none' ? 99_999 : 50_000;
}
type Grouping = (typeof GROUPINGS)[number];

export function DagumPanel({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const dagum = findTable(result, 'dagum');
  const groupsTable = findTable(result, 'dagum_groups');
  const all = useMemo(() => (dagum ? rowsOf(dagum) : []), [dagum]);
  const available = GROUPINGS.filter((g) => all.some((r) => r['grouping'] === g));
  const [chosen, setChosen] = useState<Grouping>('macro_region');
  const grouping = available.includes(chosen) ? chosen : (available[0] ?? 'macro_region');
  const rows = useMemo(() => all.filter((r) => r['grouping'] === grouping), [all, grouping]);
  const order = useMemo(() => all.flatMap((r, i) => (r['grouping'] === grouping ? [i] : [])), [all, grouping]);

  // within-group Gini per group and year, as a year × group grid
  const groupGrid = useMemo(() => {
    const rs = groupsTable ? rowsOf(groupsTable).filter((r) => r['grouping'] === grouping) : [];
    const groups = [...new Set(rs.map((r) => text(r['group'])))].sort((a, b) => groupRank(a) - groupRank(b) || a.localeCompare(b));
    const years = [...new Set(rs.map((r) => num(r['year'])).filter((y): y is number => y !== null))].sort((a, b) => a - b);
    const at = new Map(rs.map((r) => [`${text(r['group'])}|${text(r['year'])}`, num(r['within_gini'])]));
    return { groups, years, at };
  }, [groupsTable, grouping]);

  const groupLabel = (g: string) => {
    const macro = `macro.${g}`;
    if (grouping === 'macro_region' && isMessageKey(macro)) return t(macro);
    const group = `index.group.${g}`;
    if (isMessageKey(group)) return t(group);
    return /^\d{4}$/.test(g) ? t('batch.year', { year: g }) : g;
  };
  const four = (v: number) => formatFixed(v, lang, 4);

  if (!dagum || rows.length === 0) return null;
  return (
    <ResultPanel
      title={t('index.dagumTitle')}
      testId="dagum-panel"
      actions={
        <Segmented
          label={t('index.grouping')}
          testId="dagum-grouping"
          value={grouping}
          onChange={setChosen}
          options={available.map((g) => ({ value: g, label: t(`index.grouping.${g}`) }))}
        />
      }
    >
      <DagumChart rows={rows} />
      <div className="two-col two-col-wide-left">
        <DataTable table={dagum} rows={order} testId="dagum-table" compact columns={(cols) => cols.filter((c) => c.key !== 'grouping')} />
        {groupGrid.groups.length > 0 && (
          <div className="table-scroll table-compact" data-testid="dagum-groups-table">
            <table className="table">
              <caption>{t('index.groupGini')}</caption>
              <thead>
                <tr>
                  <th>{t('index.year')}</th>
                  {groupGrid.groups.map((g) => (
                    <th key={g} className="num">
                      {groupLabel(g)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groupGrid.years.map((y) => (
                  <tr key={y}>
                    <td>{y}</td>
                    {groupGrid.groups.map((g) => {
                      const v = groupGrid.at.get(`${g}|${y}`);
                      return (
                        <td key={g} className="num">
                          {v === null || v === undefined ? <NoData /> : four(v)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </ResultPanel>
  );
}
