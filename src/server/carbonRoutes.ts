import type { Hono } from 'hono';
import { z } from 'zod';
import { budgetReport, createBudget, listBudgets, sectorEmissions } from '../analyses/carbon/carbonBudgets.js';
import { cbamExposure } from '../analyses/carbon/cbamExposure.js';
import { loadCbamLaw } from '../analyses/carbon/cbamLaw.js';
import { mrioAccounts } from '../analyses/carbon/mrioAccounts.js';
import { tradeEmbodied } from '../analyses/carbon/tradeEmbodied.js';
import type { Db } from '../store/duckdb.js';
import { jsonBody, limitBody } from './bodies.js';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const cbamQuery = z.object({
  file_name: z.string().min(1).max(255),
  sheet: z.string().max(100).optional(),
  price: z.coerce.number().min(0).max(10_000).optional(),
  year: z.coerce.number().int().optional(),
  free_allocation: z.enum(['benchmark', 'phase_in_share', 'none']).optional(),
  allow_unverified: flag.optional(),
});
export const reportBody = z.object({
  version: z.number().int().min(1).optional(),
  trendYears: z.number().int().min(2).max(30).optional(),
  estimates: z.array(z.object({ year: z.number().int(), value: z.number().min(0) })).max(200).optional(),
});
const fileField = z.object({ file_name: z.string().min(1).max(255), base64: z.string().max(12_000_000) });
export const embodiedBody = z.object({ trade: fileField, intensities: fileField });
export const sectorQuery = z.object({ province: z.string().regex(/^\d{6}$/), year: z.coerce.number().int().optional() });

/** Routes of the trade-carbon use cases: CBAM exposure, the law tables, MRIO accounts, carbon budgets, sector emissions. */
export function carbonRoutes(app: Hono, store: Db, maxUpload: number): void {
  const upload = limitBody(maxUpload);
  const small = limitBody(8 * 1024 * 1024);
  // The shipment file is the body (CSV or XLSX bytes), options in the query, as for POST /api/datasets.
  app.post('/api/carbon/cbam', upload, async (c) => {
    const q = cbamQuery.parse(c.req.query());
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await cbamExposure(store, { bytes, fileName: q.file_name, ...(q.sheet ? { sheet: q.sheet } : {}) }, {
      ...(q.price !== undefined ? { price: q.price } : {}), ...(q.year !== undefined ? { year: q.year } : {}),
      ...(q.free_allocation ? { freeAllocation: q.free_allocation } : {}), ...(q.allow_unverified !== undefined ? { allowUnverified: q.allow_unverified } : {}),
    }));
  });
  app.get('/api/carbon/law', async (c) => c.json(await loadCbamLaw(store).then((l) => ({ goods: l.goods, defaults: [...l.defaults.values()], markups: l.markups, rules: l.rules }))));
  app.post('/api/carbon/mrio', small, async (c) => c.json(mrioAccounts(await c.req.text(), 'request body')));
  app.get('/api/carbon/budgets', async (c) => c.json({ budgets: await listBudgets(store) }));
  app.post('/api/carbon/budgets', small, async (c) => c.json(await createBudget(store, await jsonBody(c, 'a budget spec')), 201));
  app.post('/api/carbon/budgets/:name/report', small, async (c) => {
    const body = reportBody.parse(await jsonBody(c, 'report options'));
    return c.json(await budgetReport(store, c.req.param('name'), body));
  });
  app.get('/api/carbon/budgets/:name', async (c) => {
    const v = c.req.query('version');
    return c.json(await budgetReport(store, c.req.param('name'), v ? { version: Number(v) } : {}));
  });
  // Two files in one JSON body (base64): the trade flows and the intensity table.
  app.post('/api/carbon/embodied', small, async (c) => {
    const b = embodiedBody.parse(await jsonBody(c, 'trade and intensities files'));
    const file = (f: z.infer<typeof fileField>) => ({ bytes: new Uint8Array(Buffer.from(f.base64, 'base64')), fileName: f.file_name });
    return c.json(await tradeEmbodied(store, file(b.trade), file(b.intensities)));
  });
  app.get('/api/carbon/sectors', async (c) => {
    const q = sectorQuery.parse(c.req.query());
    return c.json(await sectorEmissions(store, q.province, q.year));
  });
}
