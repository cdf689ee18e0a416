/** Product-space views of a complexity run: products by ubiquity and complexity, a region's opportunities. */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatFixed } from '../../format.js';
import { escapeHtml } from '../../html.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';

interface Point {
  readonly name: string;
  readonly x: number;
  readonly y: number;
}

/** Names on the points only when they are few enough to read. */
const LABEL_LIMIT = 40;

function scatterOption(points: readonly Point[], xName: string, yName: string, colour: string, lang: 'zh' | 'en'): ChartOption {
  const fmt = (v: number) => formatFixed(v, lang, 3);
  return {
    textStyle: { fontFamily: CHART_FONT },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const d = (p as { data?: { name: string; value: [number, number] } }).data;
        if (!d) return '';
        return `<div style="font-weight:600">${escapeHtml(d.name)}</div><div>${escapeHtml(xName)}: ${escapeHtml(fmt(d.value[0]))}</div><div>${escapeHtml(yName)}: ${escapeHtml(fmt(d.value[1]))}</div>`;
      },
    },
    grid: { left: 8, right: 24, top: 28, bottom: 32, containLabel: true },
    xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 26, nameTextStyle: { color: '#555' }, scale: true, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
    yAxis: { type: 'value', name: yName, nameTextStyle: { color: '#555', align: 'left' }, scale: true, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
    series: [
      {
        type: 'scatter',
        name: yName,
        symbolSize: 10,
        itemStyle: { color: colour, opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
        label: { show: points.length <= LABEL_LIMIT, position: 'right', formatter: '{b}', fontSize: 11, color: '#3c4650' },
        labelLayout: { hideOverlap: true },
        data: points.map((p) => ({ name: p.name, value: [p.x, p.y] })),
      },
    ],
  } as ChartOption;
}

export function ProductScatter({ products, complexityName }: { readonly products: readonly { readonly product: string; readonly ubiquity: number; readonly complexity: number | null }[]; readonly complexityName: string }) {
  const { lang, t } = useLang();
  const option = useMemo(() => {
    const points = products.filter((p) => p.complexity !== null && Number.isFinite(p.complexity)).map((p) => ({ name: p.product, x: p.ubiquity, y: p.complexity as number }));
    return scatterOption(points, t('structure.cx.ubiquity'), complexityName, '#4e79a7', lang);
  }, [products, complexityName, lang, t]);
  return (
    <div data-testid="complexity-products-wrap" data-points={products.length}>
      <EChart option={option} height={380} ariaLabel={t('structure.cx.productsAria')} testId="complexity-products-chart" />
    </div>
  );
}

export function OpportunityScatter({ region, opportunities }: { readonly region: string; readonly opportunities: readonly { readonly product: string; readonly cog: number | null; readonly density: number | null }[] }) {
  const { lang, t } = useLang();
  const option = useMemo(() => {
    const points = opportunities
      .filter((o) => o.cog !== null && o.density !== null && Number.isFinite(o.cog) && Number.isFinite(o.density))
      .map((o) => ({ name: o.product, x: o.density as number, y: o.cog as number }));
    return scatterOption(points, t('structure.cx.density'), t('structure.cx.cog'), '#f28e2b', lang);
  }, [opportunities, lang, t]);
  return (
    <div data-testid="complexity-opportunities-wrap" data-region={region} data-points={opportunities.length}>
      <EChart option={option} height={380} ariaLabel={t('structure.cx.opportunitiesAria', { region })} testId="complexity-opportunities-chart" />
    </div>
  );
}
