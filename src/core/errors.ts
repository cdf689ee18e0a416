import type { ErrorCode, ErrorParams } from './errorCodes.js';
import type { Locale } from './locale.js';
import { en } from './messages/en.js';
import { zhCN } from './messages/zh-CN.js';

/**
 * The one error type ftzlab throws on purpose. The code is stable and machine-readable; the message is
 * rendered per locale from the parameters, so the CLI, the API and the page can each speak the user's
 * language about the same failure.
 *
 * @example
 * throw new FtzError('import.non_numeric', { file: 'a.csv', row: 4, column: 'gdp', value: 'n/a' });
 */
export class FtzError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams[C];

  constructor(code: C, params: ErrorParams[C], options?: { cause?: unknown }) {
    super(renderMessage(code, params, 'en'), options);
    this.name = 'FtzError';
    this.code = code;
    this.params = params;
  }

  /** The message in the given locale. */
  localized(locale: Locale): string {
    return renderMessage(this.code, this.params, locale);
  }
}

export function renderMessage<C extends ErrorCode>(code: C, params: ErrorParams[C], locale: Locale): string {
  const table = locale === 'zh-CN' ? zhCN : en;
  return table[code](params);
}

export function isFtzError(e: unknown): e is FtzError {
  return e instanceof FtzError;
}

/** Wraps anything thrown by a dependency so shells never have to print a raw stack to a user. */
export function asFtzError(e: unknown): FtzError {
  if (e instanceof FtzError) return e;
  const reason = e instanceof Error ? e.message : String(e);
  return new FtzError('internal.unexpected', { reason }, { cause: e });
}
