/**
 * The placebo distribution: the kernel density of the TWFE estimates under fake assignments, a solid red line
 * at the real estimate and a dashed line at zero.
 */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';
import { estimateDigits } from './labels.js';

export interface PlaceboChartProps {
  readonly x: readonly number[];
  readonly density: readonly number[];
  readonly real: number;
}

export function PlaceboChart({ x, density, real }: PlaceboChartProps) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const data = x.map((v, i) => [v, density[i] ?? 0]);
    const lo = Math.min(...x, real);
    const hi = Math.max(...x, real);
    const f4 = (v: number) => formatFixed(v, lang, estimateDigits([real]));
    // tick labels to the decimals the span of the axis needs
    const span = hi - lo;
    const digits = span > 0 ? Math.max(0, Math.min(4, 1 - Math.floor(Math.log10(span)))) : 2;
    return {
      textStyle: { fontFamily: CHART_FONT },
      animation: false,
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params: unknown) => {
          const first = (Array.isArray(params) ? params[0] : params) as { value?: [number, number] } | undefined;
          if (!first?.value) return '';
          return `<div>${t('effect.placeboAxisX')}: <b>${f4(first.value[0])}</b></div><div>${t('effect.placeboAxisY')}: ${formatFixed(first.value[1], lang, 3)}</div>`;
        },
      },
      grid: { left: 8, right: 32, top: 32, bottom: 36, containLabel: true },
      xAxis: {
        type: 'value',
        min: lo,
        max: hi,
        name: t('effect.placeboAxisX'),
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { color: '#555' },
        axisLabel: { ...AXIS_LABEL, showMinLabel: false, showMaxLabel: false, formatter: (v: number) => formatFixed(v, lang, digits) },
        axisLine: { onZero: false },
        splitLine: { show: false },
      },
      yAxis: { type: 'value', name: t('effect.placeboAxisY'), nameTextStyle: { color: '#555', align: 'left' }, axisLine: { show: true, onZero: false, lineStyle: { color: '#c8d0d9' } }, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      series: [
        {
          type: 'line',
          data,
          symbol: 'none',
          lineStyle: { width: 2, color: '#4e79a7' },
          itemStyle: { color: '#4e79a7' },
          areaStyle: { color: 'rgba(78, 121, 167, 0.18)' },
          markLine: {
            silent: true,
            symbol: 'none',
            data: [
              ...(lo <= 0 && hi >= 0 ? [{ xAxis: 0, lineStyle: { type: 'dashed' as const, color: '#1f2328', width: 1 }, label: { show: false } }] : []),
              {
                xAxis: real,
                lineStyle: { type: 'solid' as const, color: '#b03a2e', width: 2 },
                label: { show: true, position: 'end' as const, formatter: `${t('effect.realEstimate')} ${f4(real)}`, color: '#b03a2e', fontSize: 12 },
              },
            ],
          },
        },
      ],
    } as ChartOption;
  }, [x, density, real, lang, t]);
  return <EChart option={option} height={320} ariaLabel={t('effect.placeboAria')} testId="placebo-chart" />;
}
