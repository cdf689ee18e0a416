/** A line chart of one indicator over years, one line per region; gaps in the data stay gaps. */
import { useMemo } from 'react';
import type { ApiIndicator, ApiObservation } from '../../../src/server/apiTypes.js';
import { CHART_FONT, type ChartOption } from '../chartOption.js';
import { formatCompact, formatExact, indicatorUnit } from '../format.js';
import { translate } from '../i18n.js';
import { useLang } from '../lang.js';
import { EChart } from './EChart.js';

export interface LineSeries {
  readonly code: string;
  readonly label: string;
}

export interface LineChartProps {
  readonly indicator: ApiIndicator;
  readonly rows: readonly ApiObservation[];
  readonly series: readonly LineSeries[];
  readonly height: number;
  readonly ariaLabel: string;
  readonly testId?: string;
  /** the year slider under the chart; worth it only for long panels */
  readonly zoom?: boolean;
  readonly compact?: boolean;
}

// Tableau 10: distinguishable lines for up to ten provinces, and still readable beyond that.
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function LineChart({ indicator, rows, series, height, ariaLabel, testId, zoom = false, compact = false }: LineChartProps) {
  const { lang } = useLang();
  const option = useMemo<ChartOption>(() => {
    const years: number[] = [];
    for (const r of rows) if (!years.includes(r.year)) years.push(r.year);
    years.sort((a, b) => a - b);
    const unit = indicatorUnit(indicator, lang);
    const noData = translate(lang, 'state.noData');
    const byKey = new Map(rows.map((r) => [`${r.region}|${r.year}`, r.value]));
    return {
      color: PALETTE,
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'axis',
        confine: true,
        valueFormatter: (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? `${formatExact(v, lang)} ${unit}` : `— ${noData}`),
      },
      legend: compact ? { show: false } : { type: 'scroll', top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 16, top: compact ? 28 : 44, bottom: zoom ? 56 : 8, containLabel: true },
      xAxis: { type: 'category', data: years.map(String), boundaryGap: false, axisLabel: { color: '#555' } },
      yAxis: {
        type: 'value',
        name: unit,
        nameTextStyle: { color: '#555', align: 'left' },
        scale: indicator.unit_en === '%' || compact,
        axisLabel: { color: '#555', formatter: (v: number) => formatCompact(v, lang) },
        splitLine: { lineStyle: { color: '#eceff3' } },
      },
      ...(zoom && years.length > 4 ? { dataZoom: [{ type: 'slider', bottom: 8, height: 20 }] } : {}),
      series: series.map((s) => ({
        type: 'line',
        name: s.label,
        // null, not 0, where a year is missing, so the line breaks instead of diving to the axis
        data: years.map((y) => byKey.get(`${s.code}|${y}`) ?? null),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: compact ? 5 : 6,
        lineStyle: { width: 2 },
        ...(compact && series.length === 1 ? { areaStyle: { opacity: 0.08 } } : {}),
      })),
    } as ChartOption;
  }, [indicator, rows, series, lang, zoom, compact]);

  return <EChart option={option} height={height} ariaLabel={ariaLabel} {...(testId ? { testId } : {})} />;
}
