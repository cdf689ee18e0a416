/**
 * The duplicate-competition matrix: how alike every pair of the 22 zones' positionings is, as a heatmap with the
 * zones ordered by cluster (axis labels in the cluster's colour). Zones not scored keep their row and column,
 * empty, at the end.
 */
import { useMemo } from 'react';
import type { ZoneSimilarityOutput } from '../../../../src/analyses/structure/zoneSimilarity.js';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatFixed } from '../../format.js';
import { escapeHtml } from '../../html.js';
import { useLang } from '../../lang.js';
import { clusterColour, shortZoneName } from './labels.js';
import { StructureChart } from './StructureChart.js';

const RAMP = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

export function SimilarityHeatmap({ result, order }: { readonly result: ZoneSimilarityOutput; readonly order: readonly number[] }) {
  const { lang, t } = useLang();
  const zones = order.map((i) => result.zones[i] as ZoneSimilarityOutput['zones'][number]);
  const labels = zones.map((z) => shortZoneName(z.name, z.id, lang));
  const cells = useMemo(() => {
    const out: [number, number, number][] = [];
    order.forEach((i, x) =>
      order.forEach((j, y) => {
        const v = result.matrix[i]?.[j];
        if (typeof v === 'number') out.push([x, y, v]);
      }),
    );
    return out;
  }, [result, order]);

  const option = useMemo<ChartOption>(() => {
    // one rich style per cluster, so that an axis label reads in its cluster's colour
    const rich: Record<string, { color: string; fontWeight?: number }> = { none: { color: '#98a2ad' } };
    for (const z of zones) if (z.cluster !== null) rich[`c${z.cluster}`] = { color: clusterColour(z.cluster), fontWeight: 600 };
    const styled = (value: string, index: number) => {
      const z = zones[index];
      const style = z && z.cluster !== null ? `c${z.cluster}` : 'none';
      return `{${style}|${value}}`;
    };
    const measure = t(`structure.measure.${result.spec.measure}`);
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        confine: true,
        formatter: (p: unknown) => {
          const v = (p as { value?: [number, number, number] }).value;
          if (!v) return '';
          const a = zones[v[0]];
          const b = zones[v[1]];
          if (!a || !b) return '';
          return (
            `<div style="font-weight:600">${escapeHtml(labels[v[0]] ?? a.id)} × ${escapeHtml(labels[v[1]] ?? b.id)}</div>` +
            `<div>${escapeHtml(measure)}: <b>${escapeHtml(formatFixed(v[2], lang, 2))}</b></div>` +
            `<div style="color:#555">${escapeHtml(t('structure.clusterPair', { a: a.cluster ?? '—', b: b.cluster ?? '—' }))}</div>`
          );
        },
      },
      grid: { left: 8, right: 24, top: 12, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: labels, splitArea: { show: true }, axisLabel: { interval: 0, rotate: 60, fontSize: 11, rich, formatter: styled }, axisTick: { show: false } },
      yAxis: { type: 'category', data: labels, inverse: true, splitArea: { show: true }, axisLabel: { interval: 0, fontSize: 11, rich, formatter: styled }, axisTick: { show: false } },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: 1,
        dimension: 2,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 12,
        itemHeight: 180,
        precision: 2,
        textStyle: { color: '#444', fontSize: 12 },
        inRange: { color: RAMP },
      },
      series: [
        {
          type: 'heatmap',
          name: measure,
          data: cells,
          progressive: 0,
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: '#1f2328', borderWidth: 1 } },
        },
      ],
    } as unknown as ChartOption;
  }, [zones, labels, cells, result.spec.measure, lang, t]);

  return (
    <div data-testid="similarity-heatmap-wrap" data-zones={zones.map((z) => z.id).join(',')} data-labels={labels.join('|')} data-cells={cells.length}>
      <StructureChart option={option} height={640} ariaLabel={t('structure.heatmapAria', { n: zones.length })} testId="similarity-heatmap" />
    </div>
  );
}
