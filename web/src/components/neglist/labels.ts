/** Labels of the negative-list pages: GB/T 4754 sections, editions, measures in the UI language. */
import type { Lang } from '../../../../src/server/apiTypes.js';
import { isMessageKey, translate } from '../../i18n.js';
import type { EditionSummary } from './types.js';

/** `C 制造业` / `C Manufacturing`; an unknown letter stays as it is. */
export function sectionLabel(letter: string, lang: Lang): string {
  if (!letter) return '—';
  const key = `neglist.section.${letter}`;
  return isMessageKey(key) ? `${letter} ${translate(lang, key)}` : letter;
}

/** The edition's year, from its dates or its id. */
export function editionYear(e: EditionSummary): string {
  return (e.published ?? e.effective ?? '').slice(0, 4) || (/(\d{4})/.exec(e.id)?.[1] ?? '');
}

/** Editions in order of publication (undated ones by the year in their id). */
export function byDate(editions: readonly EditionSummary[]): EditionSummary[] {
  const key = (e: EditionSummary) => e.published ?? e.effective ?? `${editionYear(e)}-12-31`;
  return [...editions].sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}

export function kindLabel(kind: string, lang: Lang): string {
  return kind === 'fdi' || kind === 'services' ? translate(lang, `neglist.kind.${kind}`) : kind;
}

/** `2021 · cn-fdi-national-2021` in a chooser, with the title after it. */
export function editionOption(e: EditionSummary): string {
  return `${e.id} · ${e.title}`;
}

/** The number of a measure id `edition#number`. */
export function measureNumber(id: string): string {
  return id.includes('#') ? (id.split('#').pop() ?? id) : id;
}
