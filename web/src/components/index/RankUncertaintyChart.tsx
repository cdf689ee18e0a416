/**
 * Rank uncertainty: for each province, sorted by nominal rank, the median Monte Carlo rank as a dot with a
 * 5–95 % whisker, and the nominal rank as a diamond.
 */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatExact } from '../../format.js';
import { escapeHtml } from '../../html.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from './palette.js';

export interface RankRange {
  readonly name: string;
  readonly rank: number;
  readonly median: number;
  readonly q05: number;
  readonly q95: number;
}

const RANGE = '#7eaedc';
const MEDIAN = '#1d4f91';
const NOMINAL = '#e15759';

export function RankUncertaintyChart({ ranges }: { readonly ranges: readonly RankRange[] }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const n = ranges.length;
    const fmt = (v: number) => formatExact(v, lang);
    const names = ranges.map((r) => r.name);
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params: unknown) => {
          const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? -1;
          const r = ranges[i];
          if (!r) return '';
          return (
            `<div style="font-weight:600">${escapeHtml(r.name)}</div>` +
            `<div>${escapeHtml(t('index.uncertaintyNominal'))}: <b>${fmt(r.rank)}</b></div>` +
            `<div>${escapeHtml(t('index.uncertaintyMedian'))}: <b>${fmt(r.median)}</b></div>` +
            `<div>${escapeHtml(t('index.uncertaintyRange'))}: <b>${fmt(r.q05)}–${fmt(r.q95)}</b></div>`
          );
        },
      },
      legend: { top: 0, textStyle: { fontSize: 12 }, data: [t('index.uncertaintyRange'), t('index.uncertaintyMedian'), t('index.uncertaintyNominal')] },
      grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { ...AXIS_LABEL, fontSize: 11, interval: 0 }, axisTick: { show: false } },
      xAxis: { type: 'value', min: 1, max: Math.max(n, 2), interval: n > 20 ? 5 : 1, position: 'top', axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      series: [
        // a transparent bar up to q05 and a thin one from q05 to q95 draw the whisker
        { type: 'bar', stack: 'range', data: ranges.map((r) => r.q05), itemStyle: { color: 'transparent' }, barWidth: 5, silent: true, tooltip: { show: false } },
        {
          type: 'bar',
          name: t('index.uncertaintyRange'),
          stack: 'range',
          data: ranges.map((r) => Math.max(r.q95 - r.q05, 0.15)),
          barWidth: 5,
          itemStyle: { color: RANGE, borderRadius: 2 },
        },
        { type: 'scatter', name: t('index.uncertaintyMedian'), data: ranges.map((r) => r.median), symbol: 'circle', symbolSize: 9, itemStyle: { color: MEDIAN }, z: 4 },
        { type: 'scatter', name: t('index.uncertaintyNominal'), data: ranges.map((r) => r.rank), symbol: 'diamond', symbolSize: 9, itemStyle: { color: NOMINAL, borderColor: '#fff', borderWidth: 1 }, z: 5 },
      ],
    } as ChartOption;
  }, [ranges, lang, t]);
  return <EChart option={option} height={Math.max(260, ranges.length * 19 + 70)} ariaLabel={t('index.uncertaintyAria')} testId="rank-uncertainty" />;
}
