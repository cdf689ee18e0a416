/** One point per estimator (or group) with its 95 % confidence interval as a whisker, against a dashed zero line. */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';
import { estimatorColour, stars } from './estimators.js';

export interface CoefficientPoint {
  readonly estimator: string;
  readonly label: string;
  readonly att: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly p: number | null;
  /** default: the estimator's colour */
  readonly colour?: string;
}

export interface CoefficientPlotProps {
  readonly points: readonly CoefficientPoint[];
  readonly axisName: string;
  readonly testId?: string;
  readonly ariaLabel?: string;
}

const colourOf = (p: CoefficientPoint) => p.colour ?? estimatorColour(p.estimator);

export function CoefficientPlot({ points, axisName, testId = 'coef-plot', ariaLabel }: CoefficientPlotProps) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    // the first estimator on top, as in the table
    const shown = [...points].reverse();
    const f = (v: number) => formatFixed(v, lang, 4);
    return {
      textStyle: { fontFamily: CHART_FONT },
      animation: false,
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const { dataIndex } = params as { dataIndex: number };
          const p = shown[dataIndex];
          if (!p) return '';
          const ci = p.low !== null && p.high !== null ? `[${f(p.low)}, ${f(p.high)}]` : '—';
          return `<div style="font-weight:600">${p.label}</div><div>${t('effect.att')}: <b>${f(p.att)}${stars(p.p)}</b></div><div>${t('effect.ci95')}: ${ci}</div>`;
        },
      },
      grid: { left: 8, right: 24, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'value', scale: true, name: axisName, nameLocation: 'middle', nameGap: 26, nameTextStyle: { color: '#555' }, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      yAxis: { type: 'category', data: shown.map((p) => p.label), axisLine: { onZero: false, lineStyle: { color: '#c8d0d9' } }, axisLabel: { ...AXIS_LABEL, fontSize: 12 }, axisTick: { show: false } },
      series: [
        ...shown.map((p, i) => ({
          type: 'line' as const,
          data: p.low === null || p.high === null ? [] : [[p.low, i], [p.high, i]],
          symbol: 'none',
          silent: true,
          lineStyle: { width: 2.5, color: colourOf(p), opacity: 0.7 },
          tooltip: { show: false },
          z: 1,
          ...(i === 0 ? { markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { type: 'dashed' as const, color: '#1f2328', width: 1 }, data: [{ xAxis: 0 }] } } : {}),
        })),
        {
          type: 'scatter',
          data: shown.map((p, i) => ({ value: [p.att, i], itemStyle: { color: colourOf(p) } })),
          symbolSize: 11,
          z: 3,
        },
      ],
    } as ChartOption;
  }, [points, axisName, lang, t]);
  return <EChart option={option} height={72 + 46 * points.length} ariaLabel={ariaLabel ?? t('effect.coefAria')} testId={testId} />;
}
