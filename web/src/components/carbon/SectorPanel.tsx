/**
 * CO2 by CEADs sector for the host province, the 15 largest sectors in a chosen year (the latest by default),
 * with the province total and the sources.
 */
import { useMemo, useState } from 'react';
import type { ApiSource, ObservationsResponse } from '../../../../src/server/apiTypes.js';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatFixed, formatPercent } from '../../format.js';
import { useLang } from '../../lang.js';
import { useApi } from '../../useApi.js';
import { EChart } from '../EChart.js';
import { ProvenanceSources } from '../index/ProvenanceSources.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';
import { ErrorBox, Loading } from '../States.js';
import type { SectorEmissions } from './budgetSpec.js';

const TOP = 15;

function SectorChart({ data }: { readonly data: SectorEmissions }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    // largest at the top: the category axis runs upwards
    const top = data.sectors.slice(0, TOP).reverse();
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatFixed(v, lang, 2)} ${data.unit}` : '—') },
      grid: { left: 8, right: 24, top: 8, bottom: 28, containLabel: true },
      xAxis: { type: 'value', name: data.unit, nameLocation: 'middle', nameGap: 26, nameTextStyle: { color: '#555' }, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      yAxis: {
        type: 'category',
        data: top.map((s) => (lang === 'zh' ? s.name.zh : s.name.en)),
        axisLabel: { ...AXIS_LABEL, width: 260, overflow: 'truncate' },
      },
      series: [{ type: 'bar', name: t('budget.series.emissions'), data: top.map((s) => s.value), itemStyle: { color: '#4e79a7' }, barMaxWidth: 18 }],
    } as ChartOption;
  }, [data, lang, t]);
  return <EChart option={option} height={Math.max(240, Math.min(TOP, data.sectors.length) * 26 + 60)} ariaLabel={t('budget.sectorAria')} testId="sector-chart" />;
}

export function SectorPanel({ province, provinceName }: { readonly province: string; readonly provinceName: string }) {
  const { lang, t } = useLang();
  const [year, setYear] = useState<number | null>(null);
  const totals = useApi<ObservationsResponse>(`api/observations?indicator=co2_total&region=${province}`);
  const data = useApi<SectorEmissions>(`api/carbon/sectors?province=${province}${year === null ? '' : `&year=${year}`}`);
  const sources = useApi<{ sources: ApiSource[] }>('api/sources');
  const years = useMemo(() => (totals.status === 'ok' ? [...new Set(totals.data.rows.map((r) => r.year))].sort((a, b) => b - a) : []), [totals.status, totals.data]);
  const shownYear = data.status === 'ok' ? data.data.year : year;
  const cited = data.status === 'ok' && sources.status === 'ok' ? sources.data.sources.filter((s) => data.data.sourceIds.includes(s.id)) : [];
  const topShare = data.status === 'ok' && data.data.total ? data.data.sectors.slice(0, TOP).reduce((s, x) => s + x.value, 0) / data.data.total : null;

  return (
    <ResultPanel
      title={t('budget.sectorTitle', { province: provinceName, year: shownYear ?? '…' })}
      lead={t('budget.sectorLead')}
      testId="sector-panel"
      actions={
        years.length > 0 && (
          <label className="control control-inline">
            <span className="control-label">{t('budget.sectorYear')}</span>
            <select className="select select-small" data-testid="sector-year" value={year ?? ''} onChange={(e) => setYear(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{t('budget.sectorLatest')}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )
      }
    >
      {data.status === 'error' && <ErrorBox error={data.error} onRetry={data.retry} />}
      {data.status === 'loading' && <Loading />}
      {data.status === 'ok' &&
        (data.data.sectors.length === 0 ? (
          <p className="muted">{t('budget.sectorNone')}</p>
        ) : (
          <>
            <SectorChart data={data.data} />
            {data.data.total !== null && topShare !== null && (
              <p className="muted small" data-testid="sector-total">
                {t('budget.sectorTotal', { total: formatFixed(data.data.total, lang, 2), unit: data.data.unit, share: formatPercent(topShare, lang) })}
              </p>
            )}
            <ProvenanceSources sources={cited} testId="sector-sources" />
          </>
        ))}
    </ResultPanel>
  );
}
