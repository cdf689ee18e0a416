/**
 * Moran scatter plot: each province's standardised index z against its spatial lag Wz, coloured by quadrant,
 * with the fitted line whose slope is the global Moran's I.
 */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatExact } from '../../format.js';
import { escapeHtml } from '../../html.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, LISA_COLOURS, QUADRANTS, SPLIT_LINE, type Quadrant } from './palette.js';

export interface MoranPoint {
  readonly code: string;
  readonly name: string;
  readonly z: number;
  readonly lag: number;
  readonly quadrant: Quadrant;
  readonly pSim: number | null;
}

export function MoranScatter({ points, slope, year }: { readonly points: readonly MoranPoint[]; readonly slope: number | null; readonly year: number }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const r2 = (v: number) => formatExact(Math.round(v * 100) / 100, lang);
    const r3 = (v: number) => formatExact(Math.round(v * 1000) / 1000, lang);
    const xs = points.map((p) => p.z);
    const lo = Math.min(-1, ...xs);
    const hi = Math.max(1, ...xs);
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: unknown) => {
          const d = (p as { data?: { point?: MoranPoint } }).data?.point;
          if (!d) return '';
          return (
            `<div style="font-weight:600">${escapeHtml(d.name)} · ${year}</div>` +
            `<div>${escapeHtml(t(`index.lisa.${d.quadrant}`))}</div>` +
            `<div>z = ${r3(d.z)} · Wz = ${r3(d.lag)}</div>` +
            (d.pSim === null ? '' : `<div>p (sim) = ${r3(d.pSim)}</div>`)
          );
        },
      },
      legend: { top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 48, top: 56, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: t('index.moranX'), nameLocation: 'middle', nameGap: 28, axisLine: { onZero: false }, axisLabel: { ...AXIS_LABEL, formatter: r2 }, splitLine: SPLIT_LINE },
      yAxis: { type: 'value', name: t('index.moranY'), nameTextStyle: { color: '#555', align: 'left' }, axisLine: { onZero: false }, axisLabel: { ...AXIS_LABEL, formatter: r2 }, splitLine: SPLIT_LINE },
      series: [
        ...QUADRANTS.map((q, i) => ({
          type: 'scatter' as const,
          name: `${q} ${t(`index.lisa.${q}`)}`,
          data: points.filter((p) => p.quadrant === q).map((p) => ({ value: [p.z, p.lag], point: p, name: p.name })),
          symbolSize: 11,
          itemStyle: { color: LISA_COLOURS[q], borderColor: '#4a5562', borderWidth: 0.6, opacity: 0.95 },
          label: { show: true, position: 'right' as const, formatter: '{b}', fontSize: 10, color: '#4a5562' },
          // 31 names crowd the origin: show those that fit, the rest on hover
          labelLayout: { hideOverlap: true },
          emphasis: { scale: 1.4 },
          // the axes through the origin separate the quadrants; drawn once, with the first series
          ...(i === 0
            ? {
                markLine: {
                  silent: true,
                  symbol: 'none',
                  label: { show: false },
                  lineStyle: { color: '#9aa5b1', type: 'solid' as const, width: 1 },
                  data: [{ xAxis: 0 }, { yAxis: 0 }],
                },
              }
            : {}),
        })),
        ...(slope === null
          ? []
          : [
              {
                type: 'line' as const,
                name: `I = ${r3(slope)}`,
                data: [
                  [lo, slope * lo],
                  [hi, slope * hi],
                ],
                symbol: 'none',
                lineStyle: { color: '#1f2328', width: 1.5, type: 'dashed' as const },
                itemStyle: { color: '#1f2328' },
                tooltip: { show: false },
                z: 1,
              },
            ]),
      ],
    } as ChartOption;
  }, [points, slope, year, lang, t]);
  return <EChart option={option} height={420} ariaLabel={t('index.moranScatterAria')} testId="moran-scatter" />;
}
