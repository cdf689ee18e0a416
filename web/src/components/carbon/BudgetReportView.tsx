/**
 * One budget version against the inventory: the boundary the inventory describes (first, since CEADs covers
 * whole provinces or cities, never a zone's own area), the key figures, warnings, the chart, the comparison
 * paths, the year-by-year table, the host province's sector emissions and the sources.
 */
import { useMemo } from 'react';
import type { BudgetReport } from '../../../../src/analyses/carbon/carbonBudgets.js';
import type { ObservationsResponse } from '../../../../src/server/apiTypes.js';
import { formatDate, formatFixed, formatPercent } from '../../format.js';
import { useLang } from '../../lang.js';
import { useApi } from '../../useApi.js';
import { ProvenanceSources } from '../index/ProvenanceSources.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Await, NoData } from '../States.js';
import { BudgetChart } from './BudgetChart.js';
import { CarbonWarnings } from './CarbonWarnings.js';
import { KeyFigures } from './KeyFigures.js';
import { SectorPanel } from './SectorPanel.js';
import { hostProvince, scopeName, type ScopeNames } from './scopeLabel.js';

/** The method's horizon when it looks for the year the budget runs out. */
const HORIZON = 2100;

/** The inventory series of the scope, summed over its regions in the years every region has a value. */
function useInventory(report: BudgetReport): ReadonlyMap<number, number> {
  const regions = report.inventory.regions;
  const path = regions.length > 0 ? `api/observations?indicator=${encodeURIComponent(report.inventory.indicator)}&region=${regions.join(',')}` : null;
  const obs = useApi<ObservationsResponse>(path);
  return useMemo(() => {
    const sums = new Map<number, { sum: number; n: number }>();
    if (obs.status === 'ok') {
      for (const r of obs.data.rows) {
        if (!regions.includes(r.region) || !Number.isFinite(r.value)) continue;
        const s = sums.get(r.year) ?? { sum: 0, n: 0 };
        s.sum += r.value;
        s.n++;
        sums.set(r.year, s);
      }
    }
    return new Map([...sums.entries()].filter(([, s]) => s.n === regions.length).map(([y, s]) => [y, s.sum]));
  }, [obs.status, obs.data, regions]);
}

function ReportBody({ report, names }: { readonly report: BudgetReport; readonly names: ScopeNames }) {
  const { lang, t } = useLang();
  const history = useInventory(report);
  const tr = report.tracking;
  const unit = report.budget.unit;
  const mt = (v: number) => formatFixed(v, lang, 2);
  const scope = report.budget.scope;
  const name = scopeName(scope.kind, scope.code, names, lang);
  const scopeText = scope.kind === 'zone' ? t('budget.zoneBasis', { zone: name, basis: t(`budget.basis.${scope.basis === 'cities' ? 'cities' : 'province'}`) }) : name;
  const province = hostProvince(scope.kind, scope.code, names);
  const exhaustion = tr.exhaustionYear !== null ? String(tr.exhaustionYear) : tr.trend ? t('budget.exhaustionNone', { year: Math.max(HORIZON, tr.lastYear) }) : t('budget.noTrend');

  return (
    <div className="budget-report" data-testid="budget-report">
      <section className="panel run-summary">
        <h2 className="panel-title" data-testid="budget-report-title">
          {t('budget.reportTitle', { name: report.budget.name, version: report.budget.version })}
        </h2>
        <p className="run-summary-line">
          {t('budget.scopeLine', { scope: scopeText, from: tr.firstYear, to: tr.lastYear, unit, date: formatDate(report.budget.createdAt.slice(0, 10), lang) })}
        </p>
        <aside className="boundary" data-testid="budget-boundary">
          <strong>{t('budget.boundaryTitle')}</strong> {lang === 'zh' ? report.inventory.boundary.zh : report.inventory.boundary.en}
          <p>{t('budget.boundaryNote')}</p>
          <p className="muted small">
            {t('budget.inventoryLine', { years: report.inventory.years || '—' })}
            {report.inventory.gaps.length > 0 && ` · ${t('budget.gaps', { years: report.inventory.gaps.join(lang === 'zh' ? '、' : ', ') })}`}
          </p>
        </aside>
        <KeyFigures
          testId="budget-figures"
          figures={[
            { key: 'total', label: t('budget.totalBudget'), value: mt(tr.totalBudget), unit },
            { key: 'used', label: t('budget.usedToDate'), value: mt(tr.usedToDate), unit, hint: t('budget.usedHint') },
            { key: 'remaining', label: t('budget.remaining'), value: mt(tr.remaining), unit },
            { key: 'exhaustion', label: t('budget.exhaustion'), value: exhaustion },
            { key: 'last', label: t('budget.lastObserved'), value: tr.lastObservedYear ?? '—' },
          ]}
        />
        {tr.trend && tr.trend.years.length > 0 && (
          <p className="muted small" data-testid="budget-trend">
            {t('budget.trendLine', { from: tr.trend.years[0] ?? '', to: tr.trend.years.at(-1) ?? '', slope: formatFixed(tr.trend.slope, lang, 2), unit })}
          </p>
        )}
        <CarbonWarnings warnings={report.warnings} testId="budget-warnings" />
      </section>

      <ResultPanel title={t('budget.chartTitle')} testId="budget-chart-panel">
        <BudgetChart report={report} history={history} />
      </ResultPanel>

      <ResultPanel title={t('budget.pathsTitle')} lead={t('budget.pathsLead')} testId="budget-paths">
        {report.paths.length === 0 ? (
          <p className="muted small">{t('budget.noPaths')}</p>
        ) : (
          <div className="table-scroll table-compact">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('budget.col.path')}</th>
                  <th className="num">{t('budget.col.rate')}</th>
                  <th className="num">{t('budget.col.overshoot', { unit })}</th>
                </tr>
              </thead>
              <tbody>
                {report.paths.map((p) => (
                  <tr key={p.kind} data-path={p.kind}>
                    <td>{t(`budget.series.${p.kind}`)}</td>
                    <td className="num">{p.annualRate === null ? <NoData /> : formatPercent(p.annualRate, lang, 2)}</td>
                    <td className={p.overshoot > 1e-9 ? 'num over' : 'num'}>{mt(p.overshoot)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <details className="more-table" data-testid="budget-table">
          <summary>{t('budget.tableTitle')}</summary>
          <div className="table-scroll table-compact">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('budget.col.year')}</th>
                  <th className="num">{t('budget.col.budget')}</th>
                  <th className="num">{t('budget.col.emissions')}</th>
                  <th className="num">{t('budget.col.projected')}</th>
                  <th className="num">{t('budget.col.cumBudget')}</th>
                  <th className="num">{t('budget.col.cumEmissions')}</th>
                  <th>{t('budget.col.over')}</th>
                </tr>
              </thead>
              <tbody>
                {tr.rows.map((r) => (
                  <tr key={r.year}>
                    <td>{r.year}</td>
                    <td className="num">{r.budget === null ? <NoData /> : mt(r.budget)}</td>
                    <td className="num">{r.emissions === null ? <NoData /> : mt(r.emissions)}</td>
                    <td className="num">{r.projected === null ? <NoData /> : mt(r.projected)}</td>
                    <td className="num">{r.cumulativeBudget === null ? <NoData /> : mt(r.cumulativeBudget)}</td>
                    <td className="num">{r.cumulativeEmissions === null ? <NoData /> : mt(r.cumulativeEmissions)}</td>
                    <td className={r.overshoot ? 'over' : undefined}>{r.overshoot ? t('cbam.yes') : t('cbam.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <ProvenanceSources sources={report.provenance.sources} testId="budget-sources" />
      </ResultPanel>

      {province && <SectorPanel key={province} province={province} provinceName={scopeName('province', province, names, lang)} />}
    </div>
  );
}

export function BudgetReportView({ name, version, names }: { readonly name: string; readonly version: number; readonly names: ScopeNames }) {
  const report = useApi<BudgetReport>(`api/carbon/budgets/${encodeURIComponent(name)}?version=${version}`);
  return <Await state={report}>{(r) => <ReportBody report={r} names={names} />}</Await>;
}
