/**
 * Provinces on the bundled base map, coloured either on a continuous scale (the index) or by category (LISA
 * clusters). The same base map and conventions as the home page's map, without the FTZ markers.
 */
import { useMemo } from 'react';
import type { BasemapInfo } from '../../basemap.js';
import { BASEMAP_NAME, CHART_FONT, type ChartOption } from '../../chartOption.js';
import { EChart } from '../EChart.js';

export const CHOROPLETH = ['#eaf2fb', '#b9d3ee', '#7eaedc', '#3f7fc0', '#1d4f91', '#0c2f5e'];
export const NO_DATA = '#e3e6ea';
/** Outside the run on a categorical map, where grey already means "not significant". */
export const OUTSIDE = '#f7f8fa';

interface Common {
  readonly basemap: BasemapInfo;
  readonly tooltip: (code: string) => string;
  readonly height: number;
  readonly ariaLabel: string;
  readonly testId: string;
}

export type RegionMapProps = Common &
  (
    | { readonly mode: 'continuous'; readonly values: ReadonlyMap<string, number>; readonly formatValue: (v: number) => string }
    | { readonly mode: 'categorical'; readonly colours: ReadonlyMap<string, string> }
  );

function buildOption(props: RegionMapProps): ChartOption {
  const codes = [...props.basemap.names.keys()];
  const base = {
    textStyle: { fontFamily: CHART_FONT },
    tooltip: {
      trigger: 'item',
      confine: true,
      backgroundColor: 'rgba(255,255,255,0.97)',
      borderColor: '#d0d7de',
      textStyle: { color: '#1f2328', fontSize: 13 },
      formatter: (p: unknown) => props.tooltip((p as { name: string }).name),
    },
  };
  const series = {
    type: 'map' as const,
    map: BASEMAP_NAME,
    nameProperty: 'code',
    roam: true,
    scaleLimit: { min: 0.8, max: 8 },
    top: 12,
    bottom: 12,
    left: 8,
    right: 8,
    itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 0.8 },
    emphasis: { itemStyle: { areaColor: '#f6c85f' }, label: { show: false } },
    select: { disabled: true },
    label: { show: false },
  };
  if (props.mode === 'categorical') {
    return {
      ...base,
      series: [
        {
          ...series,
          itemStyle: { areaColor: OUTSIDE, borderColor: '#b8c1cc', borderWidth: 0.6 },
          data: codes.map((code) => ({ name: code, value: 0, itemStyle: { areaColor: props.colours.get(code) ?? OUTSIDE } })),
        },
      ],
    } as ChartOption;
  }
  const values = [...props.values.values()];
  const min = values.length ? Math.min(...values) : 0;
  const rawMax = values.length ? Math.max(...values) : 1;
  const max = rawMax > min ? rawMax : min + 1;
  return {
    ...base,
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min,
      max,
      calculable: true,
      realtime: true,
      left: 12,
      bottom: 16,
      itemHeight: 120,
      itemWidth: 12,
      textStyle: { color: '#444', fontSize: 12 },
      formatter: (v: unknown) => props.formatValue(Number(v)),
      inRange: { color: CHOROPLETH },
      outOfRange: { color: NO_DATA },
    },
    series: [{ ...series, data: codes.map((code) => ({ name: code, value: props.values.get(code) ?? Number.NaN })) }],
  } as ChartOption;
}

export function RegionMap(props: RegionMapProps) {
  // Rebuilding the option resets zoom and pan, so it is rebuilt only when what it shows changes; callers pass
  // memoised maps and functions.
  const data = props.mode === 'continuous' ? props.values : props.colours;
  const formatValue = props.mode === 'continuous' ? props.formatValue : null;
  const option = useMemo(() => buildOption(props), [props.basemap, props.tooltip, props.mode, data, formatValue]);
  const geoMap = useMemo(() => ({ name: BASEMAP_NAME, geojson: props.basemap.geojson }), [props.basemap]);
  return <EChart option={option} height={props.height} testId={props.testId} className="map" ariaLabel={props.ariaLabel} geoMap={geoMap} />;
}
