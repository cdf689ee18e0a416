import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { Result, Table } from '../core/result.js';
import type { Lang } from './cellText.js';

const NAMES: Record<string, { zh: string; en: string }> = {
  event_study: { zh: '事件研究（TWFE）', en: 'event study (TWFE)' },
  sunab: { zh: 'Sun–Abraham', en: 'Sun–Abraham' },
  impute: { zh: '插补估计', en: 'imputation' },
  cs: { zh: "Callaway–Sant'Anna", en: "Callaway–Sant'Anna" },
};
const COLORS = ['#1d4f91', '#c0392b', '#2e8b57', '#b8860b'];
const FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * The event-study figure as a standalone SVG, drawn with ECharts' server-side renderer (one chart spec for
 * the page and the report): coefficients by event time with 95 % intervals per estimator, a zero line and
 * the treatment line at −0.5, titles and axes in the chosen language.
 */
export function eventStudySvg(r: Result, lang: Lang, size = { width: 900, height: 520 }): string {
  const t = r.tables.find((x) => x.name === 'event_study') as Table | undefined;
  const get = (name: string): readonly (string | number | boolean | null)[] => t?.columns.find((c) => c.name === name)?.values ?? [];
  const est = get('estimator') as string[];
  const names = [...new Set(est)];
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    const offset = (k: number): number => (k - (names.length - 1) / 2) * 0.12;
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      title: { text: lang === 'zh' ? '自贸试验区设立前后的动态效应' : 'Dynamic effects around the FTZ year', left: 'center', textStyle: { fontSize: 16 } },
      legend: { bottom: 0, data: names.map((n) => NAMES[n]?.[lang] ?? n) },
      grid: { left: 70, right: 30, top: 50, bottom: 70 },
      xAxis: { type: 'value', name: lang === 'zh' ? '相对设立年份' : 'years relative to the FTZ', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
      yAxis: { type: 'value', name: lang === 'zh' ? '系数（95% 置信区间）' : 'coefficient (95% CI)', nameLocation: 'middle', nameGap: 50 },
      series: names.flatMap((n, k) => {
        const rows = est.map((e, i) => (e === n ? i : -1)).filter((i) => i >= 0);
        const label = NAMES[n]?.[lang] ?? n;
        const color = COLORS[k % COLORS.length];
        return [
          {
            name: label, type: 'scatter', symbolSize: 7, itemStyle: { color },
            data: rows.map((i) => [(get('e')[i] as number) + offset(k), get('att')[i]]),
            markLine: k === 0 ? { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#888' }, data: [{ yAxis: 0 }, { xAxis: -0.5 }], label: { show: false } } : undefined,
          },
          {
            name: label, type: 'custom', itemStyle: { color },
            renderItem: (_: unknown, api: { value(d: number): number; coord(p: number[]): number[] }) => {
              const x = api.value(0);
              const lo = api.coord([x, api.value(1)]);
              const hi = api.coord([x, api.value(2)]);
              return { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: color, lineWidth: 1.5 } };
            },
            data: rows.map((i) => [(get('e')[i] as number) + offset(k), get('ci_low')[i], get('ci_high')[i]]),
          },
        ];
      }),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The same figure as PNG (resvg), with the system's CJK font (Debian fonts-wqy-microhei in CI). */
export function eventStudyPng(r: Result, lang: Lang): Buffer {
  const svg = eventStudySvg(r, lang);
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' }, fitTo: { mode: 'width', value: 1800 } }).render().asPng();
  return Buffer.from(png);
}
