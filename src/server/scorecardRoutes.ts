import type { Context, Hono } from 'hono';
import { scorecardResult } from '../analyses/scorecard/scorecardResult.js';
import { scorecardWhatIf } from '../analyses/scorecard/whatIf.js';
import { scorecards } from '../analyses/scorecard/zoneScorecard.js';
import { FtzError } from '../core/errors.js';
import type { Db } from '../store/duckdb.js';
import { jsonBody, limitBody } from './bodies.js';

/** A spec from a request: trade files are read from the local disk by the CLI only, never named over HTTP. */
async function specOf(c: Context): Promise<Record<string, unknown>> {
  const body = (await jsonBody(c, 'a scorecard spec')) ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new FtzError('api.bad_request', { issues: 'the body must be a JSON object (a scorecard spec)' });
  const spec = body as Record<string, unknown>;
  if (spec.trade !== undefined) throw new FtzError('api.bad_request', { issues: 'trade: the API does not read files by path; use `ftzlab scorecard --trade FILE`' });
  return spec;
}

/** Routes of the zone scorecard: all zones, one zone, any spec, the Result with its tables, and the what-if. */
export function scorecardRoutes(app: Hono, store: Db): void {
  const small = limitBody(64 * 1024);
  app.get('/api/scorecard', async (c) => c.json(await scorecards(store, {})));
  app.get('/api/scorecard/:zone', async (c) => c.json(await scorecards(store, { zone: c.req.param('zone').toUpperCase() })));
  app.post('/api/scorecard', small, async (c) => c.json(await scorecards(store, await specOf(c))));
  // { ...spec, whatIf?: true }: the Result (tables and figure specs); with whatIf, the changes against the baseline.
  app.post('/api/scorecard/result', small, async (c) => {
    const { whatIf, ...spec } = await specOf(c);
    if (whatIf === true) {
      const w = await scorecardWhatIf(store, spec);
      return c.json(scorecardResult(w.whatIf, w.changes));
    }
    return c.json(scorecardResult(await scorecards(store, spec)));
  });
}
