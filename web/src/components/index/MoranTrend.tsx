/** Global Moran's I by year, filled where the permutation test is significant, with E[I] as a dashed line. */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatExact } from '../../format.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from './palette.js';
import { num, type Row } from './result.js';

const COLOUR = '#1d4f91';

export function MoranTrend({ rows }: { readonly rows: readonly Row[] }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const r3 = (v: number) => formatExact(Math.round(v * 1000) / 1000, lang);
    const pOf = (r: Row) => num(r['p_sim']) ?? num(r['p']);
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params: unknown) => {
          const list = params as { dataIndex: number; axisValue: string }[];
          const r = rows[list[0]?.dataIndex ?? -1];
          if (!r) return '';
          const line = (label: string, v: number | null) => `<div>${label}: <b>${v === null ? '—' : r3(v)}</b></div>`;
          return `<div style="font-weight:600">${list[0]?.axisValue ?? ''}</div>` + line("Moran's I", num(r['I'])) + line('E[I]', num(r['expected'])) + line('z', num(r['z'])) + line('p', num(r['p'])) + line('p (sim)', num(r['p_sim']));
        },
      },
      legend: { top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => String(r['year'])), axisLabel: AXIS_LABEL },
      yAxis: { type: 'value', scale: true, axisLabel: { ...AXIS_LABEL, formatter: (v: number) => r3(v) }, splitLine: SPLIT_LINE },
      series: [
        {
          type: 'line',
          name: "Moran's I",
          data: rows.map((r) => {
            const p = pOf(r);
            const sig = p !== null && p < 0.05;
            return { value: num(r['I']), symbolSize: sig ? 9 : 8, itemStyle: { color: sig ? COLOUR : '#fff', borderColor: COLOUR, borderWidth: 2 } };
          }),
          symbol: 'circle',
          lineStyle: { width: 2, color: COLOUR },
          itemStyle: { color: COLOUR },
        },
        {
          type: 'line',
          name: t('index.moranExpected'),
          data: rows.map((r) => num(r['expected'])),
          symbol: 'none',
          lineStyle: { width: 1.5, type: 'dashed', color: '#8a96a3' },
          itemStyle: { color: '#8a96a3' },
        },
      ],
    } as ChartOption;
  }, [rows, lang, t]);
  return <EChart option={option} height={300} ariaLabel={t('index.moranTrendAria')} testId="moran-trend" />;
}
