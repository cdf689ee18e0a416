import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { bundledDir } from '../../core/paths.js';
import { PROVINCE_MAP, type ChartSpec } from './scorecardCharts.js';

let mapRegistered = false;

/** The bundled province map, registered once with `properties.code` on every feature (as the page does). */
function registerProvinces(): void {
  if (mapRegistered) return;
  const geo = JSON.parse(readFileSync(join(bundledDir(), 'geo', 'china_provinces.geojson'), 'utf8')) as { features: { id?: unknown; properties?: Record<string, unknown> }[] };
  const features = geo.features.map((f) => ({ ...f, properties: { ...(f.properties ?? {}), code: String(f.properties?.code ?? f.id ?? '') } }));
  echarts.registerMap(PROVINCE_MAP, { ...geo, features } as unknown as Parameters<typeof echarts.registerMap>[1]);
  mapRegistered = true;
}

/** A chart spec drawn by ECharts' server-side SVG renderer (the same option the page draws on a canvas). */
export function chartSvg(spec: ChartSpec, size: { width: number; height: number }): string {
  if (JSON.stringify(spec, (_k, v: unknown) => (typeof v === 'function' ? undefined : v)).includes(`"map":"${PROVINCE_MAP}"`)) registerProvinces();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(spec);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The SVG as PNG at `width` pixels, text set in the system's CJK font (Debian fonts-wqy-microhei in CI). */
export function svgToPng(svg: string, width: number): Buffer {
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' }, fitTo: { mode: 'width', value: width } }).render().asPng();
  return Buffer.from(png);
}
