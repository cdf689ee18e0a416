/**
 * The event-study plot: coefficient by event time for each estimator, with 95 % confidence intervals as
 * whiskers (estimators side by side, slightly apart), a dashed zero line and a vertical line at −0.5 where
 * treatment starts. The reference period −1 is drawn at 0 as a hollow point. Legend items toggle estimators.
 * A button saves the chart as a PNG with a title and axis names in the UI language.
 */
import { useMemo, useState } from 'react';
import type { Lang } from '../../../../src/server/apiTypes.js';
import { downloadChartPng } from '../../chartDownload.js';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatFixed } from '../../format.js';
import type { MessageKey, MessageParams } from '../../i18n.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';
import { estimatorColour } from './estimators.js';

export interface EventPoint {
  readonly e: number;
  readonly att: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly se: number | null;
  /** the normalised reference period, not an estimate */
  readonly reference: boolean;
}

export interface EventSeries {
  readonly estimator: string;
  readonly label: string;
  readonly points: readonly EventPoint[];
}

/** What the saved image adds to the chart: a title and a line under it. */
export interface ChartImage {
  readonly title: string;
  readonly subtitle: string;
  readonly fileName: string;
}

const IMAGE_WIDTH = 1200;
const IMAGE_HEIGHT = 720;

/** The chart's option; with `image`, as saved to a file (title on top, no tooltip, a plain legend). */
export function eventStudyOption(
  series: readonly EventSeries[],
  range: readonly [number, number],
  yName: string,
  lang: Lang,
  t: (key: MessageKey, params?: MessageParams) => string,
  image?: Pick<ChartImage, 'title' | 'subtitle'>,
): ChartOption {
  const f = (v: number) => formatFixed(v, lang, 4);
  const k = series.length;
  // side by side within an event time, so whiskers of different estimators do not cover one another
  const step = k > 1 ? Math.min(0.14, 0.6 / (k - 1)) : 0;
  const offset = (i: number) => (i - (k - 1) / 2) * step;
  const [lo, hi] = range;
  type Datum = { value: [number, number]; point: EventPoint; label: string; symbol?: string; symbolSize?: number; itemStyle?: object };
  const points = series.flatMap((s, i) => {
    const colour = estimatorColour(s.estimator);
    const data: Datum[] = s.points.map((p) => ({
      value: [p.e + offset(i), p.att],
      point: p,
      label: s.label,
      ...(p.reference ? { symbol: 'circle', symbolSize: 8, itemStyle: { color: '#fff', borderColor: colour, borderWidth: 2 } } : {}),
    }));
    const whiskers: (number | string)[][] = [];
    for (const p of s.points) {
      if (p.low === null || p.high === null) continue;
      whiskers.push([p.e + offset(i), p.low], [p.e + offset(i), p.high], ['-', '-']);
    }
    return [
      {
        type: 'line' as const,
        name: s.label,
        data: whiskers,
        symbol: 'none',
        silent: true,
        tooltip: { show: false },
        lineStyle: { width: 1.6, color: colour, opacity: 0.75 },
        itemStyle: { color: colour },
        z: 2,
      },
      {
        type: 'line' as const,
        name: s.label,
        data,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 1, color: colour, opacity: 0.45 },
        itemStyle: { color: colour },
        emphasis: { focus: 'series' as const },
        z: 3,
      },
    ];
  });
  return {
    textStyle: { fontFamily: CHART_FONT },
    animation: false,
    ...(image
      ? {
          backgroundColor: '#fff',
          title: { text: image.title, subtext: image.subtitle, left: 'center', top: 12, textStyle: { fontSize: 20, fontWeight: 600, color: '#1f2328' }, subtextStyle: { fontSize: 13, color: '#555' } },
        }
      : {}),
    legend: { top: image ? 72 : 0, type: image ? 'plain' : 'scroll', data: series.map((s) => ({ name: s.label, icon: 'circle' })), textStyle: { fontSize: image ? 14 : 12 } },
    tooltip: {
      show: !image,
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: Datum }).data;
        if (!d?.point) return '';
        const p = d.point;
        const head = `<div style="font-weight:600">${d.label}</div><div>${t('effect.eventTime')}: ${p.e}</div>`;
        if (p.reference) return `${head}<div>${t('effect.referencePoint')}</div>`;
        const ci = p.low !== null && p.high !== null ? `[${f(p.low)}, ${f(p.high)}]` : '—';
        return `${head}<div>${t('effect.coef')}: <b>${f(p.att)}</b></div><div>${t('effect.ci95')}: ${ci}</div>${p.se !== null ? `<div>${t('effect.seShort')}: ${f(p.se)}</div>` : ''}`;
      },
    },
    grid: image ? { left: 24, right: 40, top: 124, bottom: 48, containLabel: true } : { left: 8, right: 24, top: 40, bottom: 36, containLabel: true },
    xAxis: {
      type: 'value',
      // a whole event time of margin each side keeps the ticks on integers; labels outside the range stay blank
      min: lo - 1,
      max: hi + 1,
      interval: 1,
      name: t('effect.eventTimeAxis'),
      nameLocation: 'middle',
      nameGap: image ? 32 : 26,
      nameTextStyle: { color: '#555', ...(image ? { fontSize: 14 } : {}) },
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => (Number.isInteger(v) && v >= lo && v <= hi ? String(v) : '') },
      axisLine: { onZero: false },
      axisTick: { show: false },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', scale: true, name: yName, axisLine: { show: true, onZero: false, lineStyle: { color: '#c8d0d9' } }, nameTextStyle: { color: '#555', align: 'left', ...(image ? { fontSize: 14 } : {}) }, axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatFixed(v, lang, 2) }, splitLine: SPLIT_LINE },
    series: [
      ...points,
      {
        // carries the reference lines, so hiding an estimator in the legend keeps them
        type: 'line' as const,
        name: '',
        data: [[lo - 1, 0]],
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            { yAxis: 0, lineStyle: { type: 'dashed', color: '#1f2328', width: 1 }, label: { show: false } },
            {
              xAxis: -0.5,
              lineStyle: { type: 'dashed', color: '#b03a2e', width: 1.2 },
              label: { show: true, position: 'end', formatter: t('effect.treatmentLine'), color: '#b03a2e', fontSize: 11 },
            },
          ],
        },
      },
    ],
  } as ChartOption;
}

export function EventStudyChart({ series, range, yName, image }: { readonly series: readonly EventSeries[]; readonly range: readonly [number, number]; readonly yName: string; readonly image: ChartImage }) {
  const { lang, t } = useLang();
  const option = useMemo(() => eventStudyOption(series, range, yName, lang, t), [series, range, yName, lang, t]);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await downloadChartPng(eventStudyOption(series, range, yName, lang, t, image), { width: IMAGE_WIDTH, height: IMAGE_HEIGHT, fileName: image.fileName });
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="chart-with-tools">
      <div className="chart-tools">
        <button type="button" className="btn btn-small" data-testid="event-download" title={t('effect.downloadChartHint')} disabled={saving} onClick={() => void save()}>
          ⤓ {t('effect.downloadChart')}
        </button>
      </div>
      <EChart option={option} height={420} ariaLabel={t('effect.eventAria')} testId="event-study-chart" />
    </div>
  );
}
