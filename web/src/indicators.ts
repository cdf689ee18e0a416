/** Choosing indicators when the user has not chosen one. */
import type { ApiIndicator } from '../../src/server/apiTypes.js';

/** The dashboard opens on R&D expenditure, the paper's first measure of technological innovation. */
export const DEFAULT_INDICATOR = 'rd_expenditure';

/** Whether the province map can show the indicator: city-level data has no shapes on it. */
export function mappable(ind: ApiIndicator): boolean {
  return ind.region_level !== 'prefecture';
}

export function defaultIndicator(list: readonly ApiIndicator[]): ApiIndicator | undefined {
  return list.find((i) => i.code === DEFAULT_INDICATOR) ?? list.find((i) => i.namespace === 'bundled' && mappable(i)) ?? list[0];
}

/**
 * The first indicator whose code is one of `codes`, else the first bundled one whose code or English name
 * matches `pattern`: the server may name an indicator slightly differently from what the zone page expects.
 */
export function findIndicator(list: readonly ApiIndicator[], codes: readonly string[], pattern: RegExp): ApiIndicator | undefined {
  for (const code of codes) {
    const hit = list.find((i) => i.code === code);
    if (hit) return hit;
  }
  return list.find((i) => i.namespace === 'bundled' && mappable(i) && (pattern.test(i.code) || pattern.test(i.name_en)));
}
