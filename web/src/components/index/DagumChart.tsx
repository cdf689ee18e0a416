/** Contribution shares of the Dagum decomposition by year (stacked to 100 %) with the overall Gini on the right axis. */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatExact, formatPercent } from '../../format.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, DAGUM_COLOURS, SPLIT_LINE } from './palette.js';
import { num, type Row } from './result.js';

export function DagumChart({ rows }: { readonly rows: readonly Row[] }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const years = rows.map((r) => String(r['year']));
    const share = (key: string) => rows.map((r) => num(r[key]));
    const parts = [
      { key: 'share_within', name: t('index.within'), colour: DAGUM_COLOURS.within },
      { key: 'share_net_between', name: t('index.netBetween'), colour: DAGUM_COLOURS.net_between },
      { key: 'share_transvariation', name: t('index.transvariation'), colour: DAGUM_COLOURS.transvariation },
    ];
    const giniName = t('index.gini');
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'axis',
        confine: true,
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatExact(Math.round(v * 10000) / 10000, lang) : '—'),
        formatter: (params: unknown) => {
          const list = params as { seriesName: string; value: number | null; marker: string; axisValue: string }[];
          const head = list[0]?.axisValue ?? '';
          const lines = list.map((p) => {
            const v = p.value;
            const shown = v === null ? '—' : p.seriesName === giniName ? formatExact(Math.round(v * 10000) / 10000, lang) : formatPercent(v, lang);
            return `<div>${p.marker}${p.seriesName}: <b>${shown}</b></div>`;
          });
          return `<div style="font-weight:600">${head}</div>${lines.join('')}`;
        },
      },
      legend: { top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years, boundaryGap: false, axisLabel: AXIS_LABEL },
      yAxis: [
        { type: 'value', min: 0, max: 1, name: t('index.share'), nameTextStyle: { color: '#555', align: 'left' }, axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatPercent(v, lang, 0) }, splitLine: SPLIT_LINE },
        { type: 'value', name: 'G', scale: true, nameTextStyle: { color: '#555', align: 'right' }, axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatExact(Math.round(v * 1000) / 1000, lang) }, splitLine: { show: false } },
      ],
      series: [
        ...parts.map((p) => ({
          type: 'line' as const,
          name: p.name,
          stack: 'share',
          data: share(p.key),
          symbol: 'none',
          lineStyle: { width: 1, color: p.colour },
          itemStyle: { color: p.colour },
          areaStyle: { color: p.colour, opacity: 0.75 },
        })),
        {
          type: 'line' as const,
          name: giniName,
          yAxisIndex: 1,
          data: share('gini'),
          symbol: 'circle',
          symbolSize: 6,
          lineStyle: { width: 2, color: DAGUM_COLOURS.gini, type: 'dashed' as const },
          itemStyle: { color: DAGUM_COLOURS.gini },
        },
      ],
    } as ChartOption;
  }, [rows, lang, t]);
  return <EChart option={option} height={340} ariaLabel={t('index.dagumAria')} testId="dagum-chart" />;
}
