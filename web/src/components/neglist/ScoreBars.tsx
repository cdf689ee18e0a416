/** Grouped bars by GB/T 4754 section: one series per score (baseline and simulated, or STRI and FDI equity). */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';
import { sectionLabel } from './labels.js';

export interface BarSeries {
  readonly name: string;
  readonly colour: string;
  readonly values: readonly number[];
}

export function ScoreBars({ sectors, series, ariaLabel, testId, max }: { readonly sectors: readonly string[]; readonly series: readonly BarSeries[]; readonly ariaLabel: string; readonly testId: string; readonly max?: number }) {
  const { lang } = useLang();
  const option = useMemo<ChartOption>(
    () =>
      ({
        textStyle: { fontFamily: CHART_FONT },
        tooltip: {
          trigger: 'axis',
          confine: true,
          axisPointer: { type: 'shadow' },
          valueFormatter: (v: unknown) => (typeof v === 'number' ? formatFixed(v, lang, 4) : String(v)),
        },
        legend: { top: 0, data: series.map((s) => s.name) },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: sectors.map((s) => sectionLabel(s, lang)),
          axisLabel: { ...AXIS_LABEL, interval: 0, width: 90, overflow: 'truncate', rotate: sectors.length > 6 ? 30 : 0 },
        },
        yAxis: { type: 'value', min: 0, ...(max !== undefined ? { max } : {}), axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: [...s.values], itemStyle: { color: s.colour }, barMaxWidth: 22 })),
      }) as ChartOption,
    [sectors, series, lang, max],
  );
  return <EChart option={option} height={320} ariaLabel={ariaLabel} testId={testId} />;
}
