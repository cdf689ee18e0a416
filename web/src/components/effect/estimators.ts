/** How each estimator is named and coloured on the page: one colour per estimator in every chart. */
import type { MessageKey } from '../../i18n.js';
import type { Estimator, Rule } from './spec.js';

/** TWFE and its event study share a colour: they are one model family. */
export const ESTIMATOR_COLOURS: Readonly<Record<Estimator, string>> = {
  twfe: '#4e79a7',
  event_study: '#4e79a7',
  cs: '#e15759',
  sunab: '#f28e2b',
  impute: '#59a14f',
};

export function estimatorColour(code: string): string {
  return (ESTIMATOR_COLOURS as Record<string, string>)[code] ?? '#9c755f';
}

export function estimatorKey(code: string): MessageKey | null {
  switch (code) {
    case 'twfe':
    case 'event_study':
    case 'cs':
    case 'sunab':
    case 'impute':
      return `effect.est.${code}`;
    default:
      return null;
  }
}

export function ruleKey(rule: Rule): MessageKey {
  return `effect.rule.${rule}`;
}

export function ruleHintKey(rule: Rule): MessageKey {
  return `effect.ruleHint.${rule}`;
}

/** Significance stars: p < 0.1 *, p < 0.05 **, p < 0.01 ***. */
export function stars(p: number | null): string {
  if (p === null) return '';
  return p < 0.01 ? '***' : p < 0.05 ? '**' : p < 0.1 ? '*' : '';
}
