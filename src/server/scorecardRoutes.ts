import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { zodIssues } from '../core/zodIssues.js';
import { scorecardResult } from '../analyses/scorecard/scorecardResult.js';
import { scorecardWhatIf } from '../analyses/scorecard/whatIf.js';
import { scorecards } from '../analyses/scorecard/zoneScorecard.js';
import { FtzError } from '../core/errors.js';
import { REPORT_FORMATS, REPORT_TYPES, renderZoneReport, type ReportFormat } from '../report/zoneReport/renderZoneReport.js';
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

const reportQuery = z.object({
  zone: z.string().regex(/^[A-Za-z]{2,3}$/).transform((s) => s.toUpperCase()),
  lang: z.enum(['zh', 'en']).default('zh'),
  format: z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]]),
});

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
  // The report of one zone: GET with zone, lang and format (default settings), or POST { spec, lang, format }.
  const report = async (c: Context, spec: Record<string, unknown>, q: z.output<typeof reportQuery>) => {
    const bytes = await renderZoneReport(scorecardResult(await scorecards(store, { ...spec, zone: q.zone })), q.format, q.lang);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': REPORT_TYPES[q.format],
      'content-disposition': `attachment; filename="ftz-scorecard-${q.zone}-${q.lang}.${q.format}"`,
    });
  };
  app.get('/api/report', async (c) => {
    const q = reportQuery.safeParse(c.req.query());
    if (!q.success) throw new FtzError('api.bad_request', { issues: zodIssues(q.error) });
    return report(c, {}, q.data);
  });
  app.post('/api/report', small, async (c) => {
    const { lang, format, ...spec } = await specOf(c);
    const q = reportQuery.safeParse({ zone: spec.zone, lang, format });
    if (!q.success) throw new FtzError('api.bad_request', { issues: zodIssues(q.error) });
    return report(c, spec, q.data);
  });
}
