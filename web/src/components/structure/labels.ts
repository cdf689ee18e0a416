/** How the structure pages name zones, codes and sectors in the UI language. */
import type { Label } from '../../../../src/core/result.js';
import type { Lang, ZoneSummary } from '../../../../src/server/apiTypes.js';
import { isMessageKey } from '../../i18n.js';
import type { LangState } from '../../lang.js';

/** A bilingual label in the UI language; the Chinese text stands in where the English one is missing. */
export function labelText(label: Label, lang: Lang): string {
  return lang === 'zh' ? label.zh || label.en : label.en || label.zh;
}

/** Whether the English of `label` is missing, so that `labelText` shows the Chinese text. */
export function englishMissing(label: Label, lang: Lang): boolean {
  return lang === 'en' && !label.en && Boolean(label.zh);
}

/** `中国(上海)自由贸易试验区` → 上海, `China (Shanghai) Pilot Free Trade Zone` → Shanghai: axis and map labels. */
export function shortZoneName(name: Label, id: string, lang: Lang): string {
  const full = labelText(name, lang);
  const m = /[(（]([^)）]+)[)）]/.exec(full);
  return m?.[1]?.trim() || id;
}

export function zoneLabel(zone: ZoneSummary, lang: Lang): string {
  return lang === 'zh' ? zone.name_zh : zone.name_en;
}

export function zoneShort(zone: ZoneSummary | undefined, id: string, lang: Lang): string {
  return zone ? shortZoneName({ zh: zone.name_zh, en: zone.name_en }, id, lang) : id;
}

export type CodeLevel = 'sei' | 'gbt4754' | 'io42';

/**
 * The name of a classification code. The nine SEI 2018 areas have their English names here; the API gives
 * English placeholders (`SEI area 1`, `GB/T 4754 division 39`) where the bundled classification has only
 * Chinese names, and then the Chinese name is shown (`fallback` says so).
 */
export function codeName(level: CodeLevel, code: string, name: Label, lang: Lang, t: LangState['t']): { readonly text: string; readonly fallback: boolean } {
  if (level === 'sei') {
    const key = `structure.sei.${code}`;
    if (isMessageKey(key)) return { text: t(key), fallback: false };
  }
  const placeholder = name.en === `SEI area ${code}` || name.en === `GB/T 4754 division ${code}` || name.en === '' || name.en === code;
  if (lang === 'en' && placeholder && name.zh && name.zh !== code) return { text: name.zh, fallback: true };
  return { text: labelText(name, lang), fallback: false };
}

/** The URLs of a positioning item's source field (several are separated by ` | `). */
export function sourceUrls(field: string): string[] {
  return field
    .split('|')
    .map((s) => s.trim())
    .filter((s) => /^https?:\/\//.test(s));
}

/** `www.gov.cn` for a link's text. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Tableau 10 colours for clusters 1–10, repeated beyond; grey for zones not scored. */
export const CLUSTER_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
export const NOT_SCORED = '#d5dae0';

export function clusterColour(cluster: number | null): string {
  return cluster === null ? NOT_SCORED : (CLUSTER_COLOURS[(cluster - 1) % CLUSTER_COLOURS.length] as string);
}

/** Chain coverage colours: the zone's own positioning, another zone of its macro-region, nobody nearby. */
export const COVERAGE_COLOURS = { in_zone: '#59a14f', nearby: '#4e79a7', missing: '#e15759', none: '#9aa5b1', focus: '#0f2f57' } as const;
