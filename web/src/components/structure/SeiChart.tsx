/** Positioning items per SEI 2018 area (strategic emerging industries) of a zone, as horizontal bars. */
import { useMemo } from 'react';
import type { ZoneProfileOutput } from '../../../../src/analyses/structure/zoneProfile.js';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';
import { codeName } from './labels.js';

export function SeiChart({ areas }: { readonly areas: ZoneProfileOutput['summary']['sei'] }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    // largest at the top: the category axis runs upwards
    const rows = [...areas].reverse();
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 28, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, name: t('structure.items'), nameLocation: 'middle', nameGap: 26, nameTextStyle: { color: '#555' }, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      yAxis: {
        type: 'category',
        data: rows.map((a) => `${a.code} ${codeName('sei', a.code, a.name, lang, t).text}`),
        axisLabel: { ...AXIS_LABEL, width: 240, overflow: 'truncate' },
      },
      series: [{ type: 'bar', name: t('structure.items'), data: rows.map((a) => a.items), itemStyle: { color: '#4e79a7' }, barMaxWidth: 18 }],
    } as ChartOption;
  }, [areas, lang, t]);
  return <EChart option={option} height={Math.max(160, areas.length * 28 + 60)} ariaLabel={t('structure.seiAria')} testId="profile-sei-chart" />;
}
