/** Province choropleth of one indicator-year, with the Pilot FTZs as markers coloured by batch. */
import { useMemo } from 'react';
import type { ApiIndicator, ApiRegion, Lang, ZoneSummary } from '../../../src/server/apiTypes.js';
import { batchColour, batchNumber } from '../batches.js';
import type { BasemapInfo } from '../basemap.js';
import { BASEMAP_NAME, CHART_FONT, type ChartOption } from '../chartOption.js';
import { formatCompact, formatExact, indicatorName, indicatorUnit } from '../format.js';
import { escapeHtml } from '../html.js';
import { translate } from '../i18n.js';
import { useLang } from '../lang.js';
import { useNarrow } from '../useNarrow.js';
import { EChart } from './EChart.js';

export interface ProvinceMapProps {
  readonly basemap: BasemapInfo;
  readonly indicator: ApiIndicator;
  readonly year: number;
  readonly values: ReadonlyMap<string, number>;
  readonly regions: ReadonlyMap<string, ApiRegion>;
  readonly zones: readonly ZoneSummary[];
  readonly onZone: (id: string) => void;
}

interface MarkerDatum {
  readonly name: string;
  readonly value: [number, number];
  readonly zoneId: string;
}

const CHOROPLETH = ['#eaf2fb', '#b9d3ee', '#7eaedc', '#3f7fc0', '#1d4f91', '#0c2f5e'];
const NO_DATA = '#e3e6ea';

function provinceLabel(code: string, props: ProvinceMapProps, lang: Lang): string {
  const region = props.regions.get(code);
  if (region) return lang === 'zh' ? region.short_zh || region.name_zh : region.name_en;
  const n = props.basemap.names.get(code);
  return n ? (lang === 'zh' ? n.zh : n.en) : code;
}

function zoneLabel(z: ZoneSummary, lang: Lang): string {
  return lang === 'zh' ? z.name_zh : z.name_en;
}

function buildOption(props: ProvinceMapProps, lang: Lang, narrow: boolean): ChartOption {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
  const unit = indicatorUnit(props.indicator, lang);
  const values = [...props.values.values()];
  const min = values.length ? Math.min(...values) : 0;
  const rawMax = values.length ? Math.max(...values) : 1;
  const max = rawMax > min ? rawMax : min + 1;

  const zonesByProvince = new Map<string, ZoneSummary[]>();
  for (const z of props.zones) zonesByProvince.set(z.province_code, [...(zonesByProvince.get(z.province_code) ?? []), z]);

  const valueText = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? `<span style="color:#888">— ${escapeHtml(t('state.noData'))}</span>` : `<b>${escapeHtml(formatExact(v, lang))}</b> ${escapeHtml(unit)}`);
  const provinceTooltip = (code: string) => {
    const zones = zonesByProvince.get(code) ?? [];
    const zoneLines = zones
      .map((z) => `<div><span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${batchColour(z.batch_year)}"></span>${escapeHtml(zoneLabel(z, lang))}</div>`)
      .join('');
    return (
      `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(provinceLabel(code, props, lang))}</div>` +
      `<div>${escapeHtml(indicatorName(props.indicator, lang))} (${props.year}): ${valueText(props.values.get(code))}</div>` +
      (zoneLines ? `<div style="margin-top:6px;color:#555">${escapeHtml(t('home.zonesInProvince'))}</div>${zoneLines}` : '')
    );
  };

  const batchYears = [...new Set(props.zones.map((z) => z.batch_year))].sort((a, b) => a - b);
  const markerSeries = batchYears.map((year) => {
    const data: MarkerDatum[] = [];
    for (const z of props.zones.filter((x) => x.batch_year === year)) {
      const cp = props.basemap.centres.get(z.province_code);
      if (!cp) continue;
      // a second zone in the same province (none today) would sit on the first; nudge it east
      const rank = (zonesByProvince.get(z.province_code) ?? []).indexOf(z);
      data.push({ name: z.id, value: [cp[0] + rank * 0.8, cp[1]], zoneId: z.id });
    }
    return {
      type: 'scatter' as const,
      name: String(year),
      coordinateSystem: 'geo',
      geoIndex: 0,
      symbolSize: 13,
      cursor: 'pointer',
      z: 5,
      itemStyle: { color: batchColour(year), borderColor: '#fff', borderWidth: 1.5, shadowBlur: 4, shadowColor: 'rgba(0,0,0,0.35)' },
      emphasis: { scale: 1.5 },
      tooltip: {
        formatter: (p: unknown) => {
          const d = (p as { data?: MarkerDatum }).data;
          const z = d ? props.zones.find((x) => x.id === d.zoneId) : undefined;
          if (!z) return '';
          const n = z.batch ?? batchNumber(z.batch_year);
          const batch = n === null ? t('batch.year', { year: z.batch_year }) : t('batch.value', { n, year: z.batch_year });
          return (
            `<div style="font-weight:600">${escapeHtml(zoneLabel(z, lang))}</div>` +
            `<div style="color:#555;margin-bottom:4px">${escapeHtml(batch)}</div>` +
            provinceTooltip(z.province_code) +
            `<div style="margin-top:6px;color:#1d4f91">${escapeHtml(t('home.markerHint'))}</div>`
          );
        },
      },
      data,
    };
  });

  const codes = [...props.basemap.names.keys()];
  return {
    textStyle: { fontFamily: CHART_FONT },
    tooltip: { trigger: 'item', confine: true, backgroundColor: 'rgba(255,255,255,0.97)', borderColor: '#d0d7de', textStyle: { color: '#1f2328', fontSize: 13 } },
    legend: {
      // one scrolling row on a phone, where seven wrapped entries would cover the colour scale
      type: narrow ? 'scroll' : 'plain',
      data: batchYears.map(String),
      bottom: 6,
      left: 'center',
      itemWidth: 12,
      itemHeight: 12,
      icon: 'circle',
      textStyle: { fontSize: 12, color: '#444' },
      formatter: (name: string) => {
        const n = batchNumber(Number(name));
        return n === null ? name : t('batch.value', { n, year: name });
      },
    },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min,
      max,
      calculable: true,
      realtime: true,
      left: 12,
      bottom: 52,
      itemHeight: narrow ? 80 : 120,
      itemWidth: 12,
      text: [unit, ''],
      textStyle: { color: '#444', fontSize: 12 },
      formatter: (v: unknown) => formatCompact(Number(v), lang),
      inRange: { color: CHOROPLETH },
      outOfRange: { color: NO_DATA },
    },
    geo: {
      map: BASEMAP_NAME,
      nameProperty: 'code',
      roam: true,
      scaleLimit: { min: 0.8, max: 8 },
      top: 16,
      bottom: 56,
      left: 8,
      right: 8,
      // fit inside the box at any width; without it a narrow screen crops the map
      preserveAspect: 'contain',
      itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 0.8 },
      emphasis: {
        itemStyle: { areaColor: '#f6c85f' },
        label: { show: true, color: '#1f2328', fontSize: 12, formatter: (p: { name: string }) => provinceLabel(p.name, props, lang) },
      },
      select: { disabled: true },
      label: { show: false },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        tooltip: { formatter: (p: unknown) => provinceTooltip((p as { name: string }).name) },
        // every shape gets a datum so provinces without data still show a tooltip saying so
        data: codes.map((code) => ({ name: code, value: props.values.get(code) ?? Number.NaN })),
      },
      ...markerSeries,
    ],
  } as ChartOption;
}

export function ProvinceMap(props: ProvinceMapProps) {
  const { lang, t } = useLang();
  const narrow = useNarrow();
  const { basemap, indicator, year, values, regions, zones, onZone } = props;
  // Rebuilding the option resets the user's zoom and pan, so it depends on the data only, not on `onZone`.
  const option = useMemo(
    () => buildOption({ basemap, indicator, year, values, regions, zones, onZone }, lang, narrow),
    [basemap, indicator, year, values, regions, zones, lang, narrow],
  );
  const geoMap = useMemo(() => ({ name: BASEMAP_NAME, geojson: basemap.geojson }), [basemap]);
  return (
    <EChart
      option={option}
      height={560}
      testId="map"
      className="map"
      ariaLabel={t('home.mapAria')}
      geoMap={geoMap}
      onClick={(e) => {
        if (e.seriesType === 'scatter') {
          const d = e.data as MarkerDatum | undefined;
          if (d?.zoneId) onZone(d.zoneId);
        }
      }}
    />
  );
}
