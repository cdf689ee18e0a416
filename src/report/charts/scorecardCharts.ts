/**
 * The scorecard's figures as ECharts options, built from the Result's tables: one spec for the dashboard (canvas)
 * and the report (server-side SVG). Pure: no I/O and no chart library at run time, so the page can import it.
 */
import type { Figure, Result, Table } from '../../core/result.js';

export type ChartLang = 'zh' | 'en';
/** ECharts option (kept loose: the page and the SSR renderer each type it with their own ECharts build). */
export type ChartSpec = Record<string, unknown>;

/** The map name both renderers register the province base map under. */
export const PROVINCE_MAP = 'ftzlab-provinces';
export const CHART_FONT_FAMILY = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif";
const BLUE = '#1d4f91';
const RED = '#c0392b';
const ORANGE = '#e59866';
const GREY = '#8a8f98';
const PALETTE = [BLUE, RED, '#2e8b57', '#b8860b', '#6a3d9a', '#17becf'];

type Cell = string | number | boolean | null;
const values = (t: Table | undefined, name: string): readonly Cell[] => t?.columns.find((c) => c.name === name)?.values ?? [];
const label = (t: Table | undefined, name: string, lang: ChartLang): string => t?.columns.find((c) => c.name === name)?.label[lang] ?? name;
const numOrGap = (v: Cell | undefined): number | '-' => (typeof v === 'number' && Number.isFinite(v) ? v : '-');

interface Ctx {
  readonly r: Result;
  readonly fig: Figure;
  readonly t: Table | undefined;
  readonly lang: ChartLang;
}

function base(c: Ctx): ChartSpec {
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: { text: c.fig.title[c.lang], left: 'center', textStyle: { fontSize: 15, fontFamily: CHART_FONT_FAMILY } },
    tooltip: { trigger: 'item' },
  };
}

function radar(c: Ctx): ChartSpec {
  const axis = c.lang === 'zh' ? values(c.t, 'axis_zh') : values(c.t, 'axis_en');
  const fixed = new Set(['axis', 'axis_zh', 'axis_en', 'median']);
  const series = (c.t?.columns ?? []).filter((col) => !fixed.has(col.name));
  const missing = (i: number): boolean => series.some((s) => typeof s.values[i] !== 'number');
  const ref = { name: label(c.t, 'median', c.lang), value: values(c.t, 'median').map(numOrGap), lineStyle: { type: 'dashed', color: GREY }, itemStyle: { color: GREY }, areaStyle: { opacity: 0 } };
  return {
    ...base(c),
    legend: { bottom: 0, textStyle: { fontFamily: CHART_FONT_FAMILY } },
    radar: {
      radius: '62%', center: ['50%', '54%'],
      indicator: axis.map((a, i) => ({ name: `${String(a)}${missing(i) ? (c.lang === 'zh' ? '（缺）' : ' (n/a)') : ''}`, max: 100, min: 0 })),
      axisName: { color: '#333', fontFamily: CHART_FONT_FAMILY, fontSize: 11 },
    },
    series: [{
      type: 'radar', symbolSize: 5,
      data: [
        ...series.map((s, k) => ({ name: s.label[c.lang], value: s.values.map(numOrGap), lineStyle: { color: PALETTE[k % PALETTE.length], width: 2 }, itemStyle: { color: PALETTE[k % PALETTE.length] }, areaStyle: { opacity: series.length === 1 ? 0.15 : 0 } })),
        ref,
      ],
    }],
  };
}

function map(c: Ctx): ChartSpec {
  const region = values(c.t, c.fig.encoding.region ?? 'region');
  const v = values(c.t, c.fig.encoding.value ?? 'value');
  const zones = values(c.t, 'zones');
  const focus = c.fig.encoding.focus;
  const marked = (i: number): boolean => Boolean(zones[i]) && (!focus || String(zones[i]).split(' ').includes(focus));
  const nums = v.filter((x): x is number => typeof x === 'number');
  return {
    ...base(c),
    tooltip: { trigger: 'item' },
    visualMap: { type: 'continuous', min: Math.min(...nums), max: Math.max(...nums), left: 10, bottom: 10, calculable: false, inRange: { color: ['#eef3fb', '#9cb8e0', BLUE] }, text: [c.lang === 'zh' ? '高' : 'high', c.lang === 'zh' ? '低' : 'low'], textStyle: { fontFamily: CHART_FONT_FAMILY } },
    series: [{
      // A box on all four sides: the map keeps its aspect ratio inside it, whatever the container's shape.
      type: 'map', map: PROVINCE_MAP, nameProperty: 'code', roam: false, top: 40, bottom: 10, left: 60, right: 10,
      itemStyle: { borderColor: '#fff', borderWidth: 0.6, areaColor: '#e6e6e6' },
      emphasis: { label: { show: false } },
      data: region.map((r, i) => ({
        name: String(r), value: typeof v[i] === 'number' ? v[i] : null,
        ...(marked(i) ? { itemStyle: { borderColor: RED, borderWidth: focus ? 2 : 1 } } : {}),
      })),
    }],
  };
}

/** Horizontal points with whiskers: `x` with [`low`, `high`] per row, labelled by `label`. */
function interval(c: Ctx): ChartSpec {
  const e = c.fig.encoding;
  const labelCol = e.label === 'name' ? (c.lang === 'zh' ? 'name_zh' : 'name_en') : e.label === 'task' ? (c.lang === 'zh' ? 'task_zh' : 'task_en') : (e.label ?? 'label');
  const detail = e.detail ? values(c.t, e.detail) : [];
  const names = values(c.t, labelCol).map((v, i) => (detail[i] ? `${String(v)}\n${String(detail[i])}` : String(v)));
  const x = values(c.t, e.x ?? 'x');
  const lo = values(c.t, e.low ?? 'low');
  const hi = values(c.t, e.high ?? 'high');
  const hl = e.highlight ? values(c.t, e.highlight) : [];
  const rank = e.x === 'rank';
  const rows = names.map((n, i) => ({ n, i })).filter(({ i }) => typeof x[i] === 'number');
  const isFocus = (i: number): boolean => Boolean(e.focus) && String(hl[i] ?? '').split(' ').includes(e.focus as string);
  const colour = (i: number): string => (isFocus(i) ? RED : hl[i] ? ORANGE : BLUE);
  const key = e.highlight
    ? (c.lang === 'zh' ? `${e.focus ? '红：本区所在省份；' : ''}橙：自贸试验区所在省份；蓝：其他省份` : `${e.focus ? 'red: the zone\'s host; ' : ''}orange: FTZ hosts; blue: other provinces`)
    : '';
  const head = base(c);
  return {
    ...head,
    title: { ...(head.title as object), subtext: key, subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 11 } },
    grid: { left: rank ? 90 : 150, right: 30, top: key ? 62 : 45, bottom: 40 },
    xAxis: {
      type: 'value', inverse: rank, min: rank ? 1 : undefined, scale: !rank,
      name: label(c.t, e.x ?? 'x', c.lang), nameLocation: 'middle', nameGap: 26, minInterval: rank ? 1 : undefined,
    },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.n), axisLabel: { fontSize: rank ? 9 : 12, fontFamily: CHART_FONT_FAMILY } },
    series: [
      {
        type: 'custom',
        renderItem: (_: unknown, api: { value(d: number): number; coord(p: number[]): number[]; style?: unknown }) => {
          const y = api.value(0);
          const a = api.coord([api.value(1), y]);
          const b = api.coord([api.value(2), y]);
          const i = rows[y]?.i ?? 0;
          return { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: colour(i), lineWidth: 2 } };
        },
        encode: { x: [1, 2], y: 0 },
        data: rows.map((r, k) => [k, typeof lo[r.i] === 'number' ? lo[r.i] : x[r.i], typeof hi[r.i] === 'number' ? hi[r.i] : x[r.i]]),
        z: 1,
      },
      {
        type: 'scatter', symbolSize: rank ? 7 : 10, z: 2,
        data: rows.map((r) => ({ value: [x[r.i], r.n], itemStyle: { color: colour(r.i) } })),
        ...(rank ? {} : { markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: GREY }, label: { show: false }, data: [{ xAxis: 0 }] } }),
      },
    ],
  };
}

function line(c: Ctx): ChartSpec {
  const xName = c.fig.encoding.x ?? 'year';
  const x = values(c.t, xName);
  const cols = (c.t?.columns ?? []).filter((col) => col.name !== xName);
  return {
    ...base(c),
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, textStyle: { fontFamily: CHART_FONT_FAMILY } },
    grid: { left: 60, right: 30, top: 45, bottom: 50 },
    xAxis: { type: 'category', data: x.map(String), boundaryGap: false },
    yAxis: { type: 'value', scale: true, name: c.lang === 'zh' ? '指数' : 'index' },
    series: cols.map((col, k) => ({
      type: 'line', name: col.label[c.lang], data: col.values.map(numOrGap), symbolSize: 5, connectNulls: false,
      lineStyle: { width: k < cols.length - 2 ? 2.5 : 1.5, type: k < cols.length - 2 ? 'solid' : 'dashed', color: k < cols.length - 2 ? PALETTE[k % PALETTE.length] : k === cols.length - 2 ? GREY : '#b0b4bb' },
      itemStyle: { color: k < cols.length - 2 ? PALETTE[k % PALETTE.length] : GREY },
    })),
  };
}

/**
 * The ECharts option for one of the scorecard Result's figures, in the chosen language. Missing values are gaps
 * ('-'), never zeros; the map expects the province base map registered as {@link PROVINCE_MAP} with
 * `properties.code` on every feature.
 */
export function scorecardChart(r: Result, figure: string, lang: ChartLang): ChartSpec {
  const fig = r.figures.find((f) => f.name === figure);
  if (!fig) throw new Error(`no figure "${figure}" in this result (${r.figures.map((f) => f.name).join(', ')})`);
  const c: Ctx = { r, fig, t: r.tables.find((t) => t.name === fig.table), lang };
  switch (fig.kind) {
    case 'radar': return radar(c);
    case 'map': return map(c);
    case 'interval': return interval(c);
    case 'line': return line(c);
    default: throw new Error(`figure kind ${fig.kind} is not drawn by the scorecard charts`);
  }
}
