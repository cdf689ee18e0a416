import { bodyLimit } from 'hono/body-limit';
import { FtzError } from '../core/errors.js';

/** A body-size guard that answers with the coded 413 error. */
export function limitBody(maxSize: number) {
  return bodyLimit({ maxSize, onError: () => { throw new FtzError('api.payload_too_large', { limit: maxSize }); } });
}

/** The request's JSON body, or a coded 400 that says what the body should be. */
export async function jsonBody(c: { req: { json(): Promise<unknown> } }, what = 'a JSON spec'): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new FtzError('api.bad_request', { issues: `the body must be JSON (${what})` });
  }
}
