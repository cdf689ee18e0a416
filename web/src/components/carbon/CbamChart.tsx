/** Embedded emissions beside the CBAM certificates to surrender, one pair of bars per product. */
import { useMemo } from 'react';
import type { CbamExposureOutput } from '../../../../src/analyses/carbon/cbamExposure.js';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatCompact, formatFixed } from '../../format.js';
import { escapeHtml } from '../../html.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';
import { productGroupLabel } from './labels.js';

const COLOURS = { embedded: '#4e79a7', certificates: '#e15759' } as const;

export function CbamChart({ products }: { readonly products: CbamExposureOutput['by_product'] }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const unit = t('cbam.unitTco2');
    const names = products.map((p) => p.good_cn);
    const detail = new Map(products.map((p) => [p.good_cn, `${productGroupLabel(p.product_group, t)} · ${p.description_en}`]));
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'axis',
        confine: true,
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = params as { seriesName: string; value: number; marker: string; axisValue: string }[];
          const head = list[0]?.axisValue ?? '';
          const lines = list.map((p) => `<div>${p.marker}${escapeHtml(p.seriesName)}: <b>${escapeHtml(formatFixed(p.value, lang, 2))}</b> ${escapeHtml(unit)}</div>`);
          return `<div style="font-weight:600">${escapeHtml(head)}</div><div style="color:#555">${escapeHtml(detail.get(head) ?? '')}</div>${lines.join('')}`;
        },
      },
      legend: { top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 16, top: 44, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { ...AXIS_LABEL, interval: 0, formatter: (v: string) => `${v}\n${productGroupLabel(products.find((p) => p.good_cn === v)?.product_group ?? '', t)}` },
      },
      yAxis: {
        type: 'value',
        name: unit,
        nameTextStyle: { color: '#555', align: 'left' },
        axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatCompact(v, lang) },
        splitLine: SPLIT_LINE,
      },
      series: [
        { type: 'bar', name: t('cbam.totalEmbedded'), data: products.map((p) => p.embedded_tco2), itemStyle: { color: COLOURS.embedded }, barMaxWidth: 36 },
        { type: 'bar', name: t('cbam.totalCertificates'), data: products.map((p) => p.certificates), itemStyle: { color: COLOURS.certificates }, barMaxWidth: 36 },
      ],
    } as ChartOption;
  }, [products, lang, t]);
  return <EChart option={option} height={340} ariaLabel={t('cbam.chartAria')} testId="cbam-chart" />;
}
