/** Colours shared by the index charts. */

/** Tableau 10, as the dashboard's line charts use. */
export const SERIES_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** The three parts of the Dagum decomposition. */
export const DAGUM_COLOURS = { within: '#4e79a7', net_between: '#f28e2b', transvariation: '#76b7b2', gini: '#1f2328' } as const;

/** LISA quadrants in the usual GeoDa colours; not significant in light grey. */
export const LISA_COLOURS = { HH: '#d7191c', LH: '#abd9e9', LL: '#2c7bb6', HL: '#fdae61', ns: '#d5dae0' } as const;
export type Quadrant = 'HH' | 'LH' | 'LL' | 'HL';
export const QUADRANTS: readonly Quadrant[] = ['HH', 'LH', 'LL', 'HL'];

export const AXIS_LABEL = { color: '#555' } as const;
export const SPLIT_LINE = { lineStyle: { color: '#eceff3' } } as const;
