/** How a budget's scope reads: the zone's or province's name in the UI language, the code otherwise. */
import type { ApiRegion, Lang, ZoneSummary } from '../../../../src/server/apiTypes.js';
import { regionName } from '../../format.js';

export interface ScopeNames {
  readonly zones: readonly ZoneSummary[];
  readonly provinces: readonly ApiRegion[];
}

export function scopeName(kind: string, code: string, names: ScopeNames, lang: Lang): string {
  if (kind === 'zone') {
    const z = names.zones.find((x) => x.id === code);
    return z ? (lang === 'zh' ? z.name_zh : z.name_en) : code;
  }
  if (kind === 'province') return regionName(names.provinces.find((p) => p.code === code), code, lang);
  return code;
}

/** The province whose sector inventory describes the scope: the zone's host province, or the city's province. */
export function hostProvince(kind: string, code: string, names: ScopeNames): string | null {
  if (kind === 'zone') return names.zones.find((x) => x.id === code)?.province_code ?? null;
  if (kind === 'province') return code;
  return /^\d{6}$/.test(code) ? `${code.slice(0, 2)}0000` : null;
}
