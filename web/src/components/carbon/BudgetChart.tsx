/**
 * The annual budget as bars, with the inventory emissions before and within the budget period, the trend
 * projected from the last observed year, and the linear and constant-rate paths to the budget's last level.
 */
import { useMemo } from 'react';
import type { BudgetReport } from '../../../../src/analyses/carbon/carbonBudgets.js';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';

/** Years of inventory shown before the budget period, for context. */
const HISTORY_YEARS = 15;

export const BUDGET_COLOURS = { budget: '#a0cbe8', emissions: '#e15759', projected: '#e15759', linear: '#59a14f', constant_rate: '#f28e2b' } as const;

export function BudgetChart({ report, history }: { readonly report: BudgetReport; readonly history: ReadonlyMap<number, number> }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const tr = report.tracking;
    const unit = report.budget.unit;
    const observed = new Map(history);
    for (const r of tr.rows) if (r.emissions !== null) observed.set(r.year, r.emissions);
    const obsYears = [...observed.keys()].sort((a, b) => a - b);
    const first = Math.min(tr.firstYear, tr.lastObservedYear ?? tr.firstYear, ...report.paths.flatMap((p) => p.values.map((v) => v.year)));
    const start = Math.min(first, Math.max(obsYears[0] ?? first, tr.firstYear - HISTORY_YEARS));
    const years: number[] = [];
    for (let y = start; y <= tr.lastYear; y++) years.push(y);
    const row = new Map(tr.rows.map((r) => [r.year, r]));
    const last = tr.lastObservedYear;
    const projected = years.map((y) => (last !== null && y === last && tr.trend ? (observed.get(y) ?? null) : (row.get(y)?.projected ?? null)));
    const pathSeries = report.paths.map((p) => {
      const at = new Map(p.values.map((v) => [v.year, v.value]));
      return {
        type: 'line' as const,
        name: t(`budget.series.${p.kind}`),
        data: years.map((y) => at.get(y) ?? null),
        symbol: 'none',
        lineStyle: { width: 2, type: 'dotted' as const, color: BUDGET_COLOURS[p.kind] },
        itemStyle: { color: BUDGET_COLOURS[p.kind] },
      };
    });
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'axis',
        confine: true,
        valueFormatter: (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? `${formatFixed(v, lang, 2)} ${unit}` : '—'),
      },
      legend: { type: 'scroll', top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 16, top: 44, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years.map(String), axisLabel: AXIS_LABEL },
      yAxis: { type: 'value', name: unit, nameTextStyle: { color: '#555', align: 'left' }, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      series: [
        { type: 'bar', name: t('budget.series.budget'), data: years.map((y) => row.get(y)?.budget ?? null), itemStyle: { color: BUDGET_COLOURS.budget }, barMaxWidth: 28 },
        {
          type: 'line',
          name: t('budget.series.emissions'),
          data: years.map((y) => observed.get(y) ?? null),
          connectNulls: false,
          symbol: 'circle',
          symbolSize: 5,
          lineStyle: { width: 2, color: BUDGET_COLOURS.emissions },
          itemStyle: { color: BUDGET_COLOURS.emissions },
        },
        {
          type: 'line',
          name: t('budget.series.projected'),
          data: projected,
          symbol: 'none',
          lineStyle: { width: 2, type: 'dashed', color: BUDGET_COLOURS.projected },
          itemStyle: { color: BUDGET_COLOURS.projected },
        },
        ...pathSeries,
      ],
    } as ChartOption;
  }, [report, history, lang, t]);
  return <EChart option={option} height={380} ariaLabel={t('budget.chartAria')} testId="budget-chart" />;
}
