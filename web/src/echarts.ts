/**
 * The ECharts build the dashboard uses: `echarts/core` plus only the charts and components drawn here, so the
 * bundle does not carry the whole library. Imported dynamically by `EChart`, which puts it in its own chunk.
 */
import { init, registerMap, use, type EChartsType } from 'echarts/core';
import type { ChartOption } from './chartOption.js';
import { BarChart, CustomChart, LineChart, MapChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomSliderComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

export type { EChartsType };

let installed = false;

// Registration is global and idempotent; it runs on first use rather than at import time.
function install(): void {
  if (installed) return;
  use([
    MapChart,
    LineChart,
    ScatterChart,
    BarChart,
    RadarChart,
    CustomChart,
    DataZoomSliderComponent,
    GeoComponent,
    GridComponent,
    LegendComponent,
    MarkLineComponent,
    RadarComponent,
    TitleComponent,
    TooltipComponent,
    VisualMapContinuousComponent,
    LabelLayout,
    CanvasRenderer,
  ]);
  installed = true;
}

export function createChart(el: HTMLElement): EChartsType {
  install();
  return init(el, undefined, { renderer: 'canvas' });
}

/** Register a GeoJSON map under `name` (the province base map from `api/basemap`). */
export function registerGeoJson(name: string, geojson: unknown): void {
  // `registerMap` is a no-op until the geo component is installed: it supplies the implementation.
  install();
  registerMap(name, geojson as Parameters<typeof registerMap>[1]);
}

/**
 * A PNG of `option` drawn off screen at a fixed size (so the file does not depend on the window), on white,
 * at twice the pixel density. The chart on the page is left as it is.
 */
export function renderPng(option: ChartOption, width: number, height: number): string {
  install();
  const el = document.createElement('div');
  el.style.cssText = `position:fixed;left:-${width + 100}px;top:0;width:${width}px;height:${height}px;`;
  document.body.append(el);
  const chart = init(el, undefined, { renderer: 'canvas', width, height });
  try {
    chart.setOption(option);
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  } finally {
    chart.dispose();
    el.remove();
  }
}
