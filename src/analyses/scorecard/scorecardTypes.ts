import type { Label } from '../../core/result.js';

export type ScorecardPart = 'base' | 'wing_inside' | 'wing_between' | 'wing_fta' | 'nqpf' | 'task_innovation' | 'task_upgrading' | 'task_green';

/** The parts of "one base, two wings, three focal points", in reading order, with their names. */
export const PARTS: readonly { readonly key: ScorecardPart; readonly label: Label }[] = [
  { key: 'base', label: { zh: '一基：制度型开放', en: 'Base: institutional opening-up' } },
  { key: 'wing_inside', label: { zh: '一翼·区内：特色产业', en: 'Wing 1, inside the zone: characteristic industries' } },
  { key: 'wing_between', label: { zh: '一翼·区际：错位协同', en: 'Wing 1, between zones: differentiation and partners' } },
  { key: 'wing_fta', label: { zh: '二翼：自贸试验区与自贸协定', en: 'Wing 2, the zone with FTAs' } },
  { key: 'nqpf', label: { zh: '三重点总览：新质生产力指数', en: 'Focal tasks together: the NQPF index' } },
  { key: 'task_innovation', label: { zh: '重点一：科技创新', en: 'Task 1: technological innovation' } },
  { key: 'task_upgrading', label: { zh: '重点二：产业升级', en: 'Task 2: industrial upgrading' } },
  { key: 'task_green', label: { zh: '重点三：绿色发展', en: 'Task 3: green development' } },
];

export type ItemSource =
  | { readonly kind: 'data'; readonly ids: readonly string[] }
  /** `name` is the command that reproduces the value; `ids` the data it read */
  | { readonly kind: 'analysis'; readonly name: string; readonly ids: readonly string[] };

/** One cell: a value with where it came from, or the reason it is missing (never a zero in its place). */
export interface ScorecardItem {
  readonly key: string;
  readonly label: Label;
  readonly value: number | string | null;
  readonly unit: string;
  readonly year: number | null;
  /** rank (1 = best) among the zones' host provinces, or among all provinces the index covers */
  readonly rank: { readonly rank: number; readonly of: number; readonly among: 'hosts' | 'provinces' } | null;
  /** a 95 % confidence interval of the value, or the 5–95 % range of the rank over the uncertainty runs */
  readonly interval: { readonly of: 'value' | 'rank'; readonly low: number; readonly high: number; readonly level: number } | null;
  /** least-squares change per year over the years with data among the five calendar years ending at `year` */
  readonly trend: { readonly from: number; readonly to: number; readonly perYear: number } | null;
  readonly source: ItemSource;
  readonly note: Label | null;
  readonly missing: Label | null;
}

export const L = (zh: string, en: string): Label => ({ zh, en });

type ItemInput = Pick<ScorecardItem, 'key' | 'label' | 'value' | 'unit' | 'source'> & Partial<Omit<ScorecardItem, 'key' | 'label' | 'value' | 'unit' | 'source'>>;

export function item(x: ItemInput): ScorecardItem {
  return { year: null, rank: null, interval: null, trend: null, note: null, missing: null, ...x };
}

export function missingItem(key: string, label: Label, unit: string, source: ItemSource, why: Label): ScorecardItem {
  return item({ key, label, value: null, unit, source, missing: why });
}

/** Least-squares slope over the points in the five calendar years ending at `year`; null with fewer than three. */
export function trendOf(series: ReadonlyMap<number, number> | undefined, year: number): ScorecardItem['trend'] {
  if (!series) return null;
  const pts = [...series.entries()].filter(([y, v]) => y <= year && y > year - 5 && Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
  if (pts.length < 3) return null;
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  let sxy = 0, sxx = 0;
  for (const [x, y] of pts) { sxy += (x - mx) * (y - my); sxx += (x - mx) ** 2; }
  return { from: (pts[0] as [number, number])[0], to: (pts.at(-1) as [number, number])[0], perYear: sxy / sxx };
}

/** Rank of `mine` among `all` (1 = best); ties share the better rank. */
export function rankAmong(mine: number, all: readonly number[], higherIsBetter: boolean): number {
  return all.filter((v) => (higherIsBetter ? v > mine : v < mine)).length + 1;
}
