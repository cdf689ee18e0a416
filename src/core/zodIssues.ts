import type { ZodError } from 'zod';

/** One line naming each invalid field and why, for `api.bad_request` messages. */
export function zodIssues(e: ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
}
