/** Kernel density curves of the index, one line per chosen year. */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatExact } from '../../format.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SERIES_COLOURS, SPLIT_LINE } from './palette.js';

export interface DensityCurve {
  readonly year: number;
  readonly points: readonly (readonly [number, number])[];
}

export function KdeChart({ curves }: { readonly curves: readonly DensityCurve[] }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const round = (v: number, d: number) => formatExact(Math.round(v * 10 ** d) / 10 ** d, lang);
    return {
      color: SERIES_COLOURS,
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'axis',
        confine: true,
        axisPointer: { type: 'line' },
        formatter: (params: unknown) => {
          const list = params as { seriesName: string; value: [number, number]; marker: string }[];
          const x = list[0]?.value[0];
          return (
            `<div style="font-weight:600">${t('index.kdeX')} ${x === undefined ? '' : round(x, 3)}</div>` +
            list.map((p) => `<div>${p.marker}${p.seriesName}: <b>${round(p.value[1], 2)}</b></div>`).join('')
          );
        },
      },
      legend: { top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 24, top: 40, bottom: 28, containLabel: true },
      xAxis: { type: 'value', name: t('index.kdeX'), nameLocation: 'middle', nameGap: 26, scale: true, axisLabel: { ...AXIS_LABEL, formatter: (v: number) => round(v, 2) }, splitLine: SPLIT_LINE },
      yAxis: { type: 'value', name: t('index.kdeY'), nameTextStyle: { color: '#555', align: 'left' }, axisLine: { onZero: false }, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      series: curves.map((c) => ({
        type: 'line' as const,
        name: String(c.year),
        data: c.points.map((p) => [p[0], p[1]]),
        symbol: 'none',
        smooth: true,
        lineStyle: { width: 2 },
        areaStyle: { opacity: 0.06 },
      })),
    } as ChartOption;
  }, [curves, lang, t]);
  return <EChart option={option} height={340} ariaLabel={t('index.kdeAria')} testId="kde-chart" />;
}
