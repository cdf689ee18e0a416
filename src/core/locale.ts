/** The two languages every user-facing string exists in. */
export type Locale = 'zh-CN' | 'en';

/**
 * Picks the locale from an `Accept-Language` header or a POSIX `LANG` value; Chinese wins only when asked
 * for, because English is the safer fallback for an unknown caller.
 */
export function parseLocale(value: string | undefined | null, fallback: Locale = 'en'): Locale {
  if (!value) return fallback;
  const first = value.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('zh')) return 'zh-CN';
  if (first.startsWith('en')) return 'en';
  if (first === 'c' || first.startsWith('c.') || first === 'posix') return fallback;
  return fallback;
}
