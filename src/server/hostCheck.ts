import type { MiddlewareHandler } from 'hono';
import { FtzError } from '../core/errors.js';

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function hostname(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? host;
}

/**
 * Refuses requests whose Host is not this machine. A page on any website can make a browser send requests
 * to 127.0.0.1 through DNS rebinding with its own hostname in Host; CSRF middleware does not stop that,
 * this does. Deployers behind a proxy list their names in FTZLAB_ALLOWED_HOSTS.
 */
export function hostCheck(allowed: readonly string[] = []): MiddlewareHandler {
  const extra = new Set(allowed.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    const name = hostname(host);
    if (!LOCAL.has(name) && !extra.has(name) && !extra.has(host)) {
      throw new FtzError('api.host_not_allowed', { host });
    }
    await next();
  };
}
