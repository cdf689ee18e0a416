import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { asFtzError, FtzError } from '../core/errors.js';
import { parseLocale } from '../core/locale.js';
import { zodIssues } from '../core/zodIssues.js';
import type { ApiErrorBody } from './apiTypes.js';

/** HTTP status for an error code: not-found codes 404, bad input 400/413/422, a busy store 503. */
export function statusFor(code: string): ContentfulStatusCode {
  if (code.endsWith('not_found') || code === 'api.not_found') return 404;
  if (code === 'api.host_not_allowed') return 403;
  if (code === 'api.payload_too_large' || code === 'import.file_too_large' || code === 'import.xlsx_too_large') return 413;
  if (code === 'store.locked' || code === 'report.no_browser') return 503;
  if (/^(import|dataset|export|index|disparity|spatial|causal|carbon|structure|neglist)\./.test(code)) return 422;
  if (code.startsWith('api.')) return 400;
  return 500;
}


/** Turns anything thrown in a route into `{ error: { code, message, details } }` in the caller's language. */
export function errorResponse(e: unknown, c: Context): Response {
  const err = e instanceof ZodError ? new FtzError('api.bad_request', { issues: zodIssues(e) }) : asFtzError(e);
  const locale = parseLocale(c.req.header('accept-language'), 'en');
  const body: ApiErrorBody = { error: { code: err.code, message: err.localized(locale), details: err.params } };
  return c.json(body, statusFor(err.code));
}
