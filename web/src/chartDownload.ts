/**
 * Saving a chart as a PNG file: the option is drawn again off screen at a fixed size (with whatever title the
 * caller adds), so the image reads the same whatever the window. ECharts is loaded on demand, as for `EChart`.
 */
import { saveFile } from './api.js';
import type { ChartOption } from './chartOption.js';

export interface PngOptions {
  readonly width: number;
  readonly height: number;
  readonly fileName: string;
}

function dataUrlBlob(url: string): Blob {
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

export async function downloadChartPng(option: ChartOption, { width, height, fileName }: PngOptions): Promise<void> {
  const mod = await import('./echarts.js');
  saveFile({ blob: dataUrlBlob(mod.renderPng(option, width, height)), fileName });
}
