/** Reading the effect run's tables in the UI language: estimator names and the basis of each treatment date. */
import type { Lang } from '../../../../src/server/apiTypes.js';
import { batchNumber } from '../../batches.js';
import { formatDate } from '../../format.js';
import type { MessageKey, MessageParams } from '../../i18n.js';
import { estimatorKey } from './estimators.js';

type T = (key: MessageKey, params?: MessageParams) => string;

export function estimatorLabel(code: string, t: T, fallback?: string): string {
  const key = estimatorKey(code);
  return key ? t(key) : fallback || code;
}

function batchText(year: number, t: T): string {
  const n = batchNumber(year);
  return n === null ? t('batch.year', { year }) : t('batch.value', { n, year });
}

/**
 * The server writes the basis of each treatment date in English (`launched 2013-09-29`, `batch 2015`, …); the
 * page words it in the UI language, with dates as the UI writes them. Anything unrecognised is shown as sent.
 */
export function basisText(basis: string, lang: Lang, t: T): string {
  const date = (d: string) => formatDate(d, lang);
  let m: RegExpExecArray | null;
  if (basis === 'never treated') return t('effect.basis.never');
  if ((m = /^batch (\d{4})$/.exec(basis))) return t('effect.basis.batch', { batch: batchText(Number(m[1]), t) });
  if ((m = /^approved (\S+)$/.exec(basis))) return t('effect.basis.approved', { date: date(m[1] as string) });
  if ((m = /^launched (\S+)$/.exec(basis))) return t('effect.basis.launched', { date: date(m[1] as string) });
  if ((m = /^(approval|launch) not verified: batch (\d{4})( \+ 1)?$/.exec(basis))) {
    return t(m[1] === 'approval' ? 'effect.basis.approvalUnverified' : 'effect.basis.launchUnverified', { batch: batchText(Number(m[2]), t), plus: m[3] ? ' + 1' : '' });
  }
  if ((m = /^first full year after launch (\S+)$/.exec(basis))) return t('effect.basis.fullYear', { date: date(m[1] as string) });
  if ((m = /^sub-area (\S+) added (\S+)$/.exec(basis))) return t('effect.basis.subArea', { area: m[1] as string, date: date(m[2] as string) });
  return basis;
}

/**
 * Decimals for estimates of this size: four for log points and other small effects (as the estimates table
 * shows them), fewer as the largest magnitude grows, none from about a thousand on (an outcome in levels).
 */
export function estimateDigits(values: readonly (number | null)[]): number {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)).map(Math.abs));
  if (max === 0) return 4;
  return Math.max(0, Math.min(4, 3 - Math.floor(Math.log10(max))));
}
