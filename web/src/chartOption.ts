/**
 * Types and constants for chart options. Kept apart from `echarts.ts` so that building an option does not pull
 * the charting library into the first bundle: ECharts is loaded when the first chart mounts.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption, MapSeriesOption, RadarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GeoComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

export type ChartOption = ComposeOption<
  | MapSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | BarSeriesOption
  | RadarSeriesOption
  | CustomSeriesOption
  | DataZoomComponentOption
  | GeoComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** The map name the province base map is registered under. */
export const BASEMAP_NAME = 'ftzlab-provinces';

/** Canvas text needs the same CJK fallbacks as the page, or Chinese labels fall back to a bitmap font. */
export const CHART_FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';
