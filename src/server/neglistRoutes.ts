import type { Hono } from 'hono';
import { z } from 'zod';
import { annexGap } from '../analyses/neglist/annexGap.js';
import { diffEditions, ratchetEditions, scoreEdition } from '../analyses/neglist/editionAnalysis.js';
import { importEdition, listEditions, showEdition } from '../analyses/neglist/lists.js';
import { listScenarios, saveScenario, simulateEdition } from '../analyses/neglist/simulate.js';
import { listTiers, saveTiers } from '../analyses/neglist/tiers.js';
import type { Db } from '../store/duckdb.js';
import { jsonBody, limitBody } from './bodies.js';

const importQuery = z.object({
  file_name: z.string().min(1).max(255), id: z.string().min(1).max(64), title: z.string().max(300).optional(), kind: z.enum(['fdi', 'services']).optional(),
  jurisdiction: z.string().max(64).optional(), effective: z.string().optional(), count: z.coerce.number().int().optional(),
});

/** Routes of the negative-list use cases: editions (bundled and imported), one edition, importing a list text. */
export function neglistRoutes(app: Hono, store: Db, maxUpload: number): void {
  const upload = limitBody(maxUpload);
  app.get('/api/neglist/editions', async (c) => c.json({ editions: await listEditions(store) }));
  app.get('/api/neglist/editions/:id', async (c) => {
    const v = c.req.query('version');
    return c.json(await showEdition(store, c.req.param('id'), v ? Number(v) : undefined));
  });
  app.get('/api/neglist/diff', async (c) => {
    const q = z.object({ from: z.string().min(1), to: z.string().min(1) }).parse(c.req.query());
    return c.json(await diffEditions(store, q.from, q.to));
  });
  app.get('/api/neglist/ratchet', async (c) => {
    const q = z.object({ editions: z.string().min(1) }).parse(c.req.query());
    return c.json(await ratchetEditions(store, q.editions.split(',')));
  });
  app.get('/api/neglist/score/:id', async (c) => c.json(await scoreEdition(store, c.req.param('id'), { tiers: c.req.query('tiers') })));
  app.get('/api/neglist/tiers', async (c) => c.json({ tiers: await listTiers(store) }));
  app.get('/api/neglist/gap/:id', async (c) => c.json(await annexGap(store, c.req.param('id'))));
  const small = limitBody(256 * 1024);
  const json = (c: { req: { json(): Promise<unknown> } }): Promise<unknown> => jsonBody(c, 'a scenario or tier set');
  app.post('/api/neglist/simulate', small, async (c) => c.json(await simulateEdition(store, await json(c))));
  app.post('/api/neglist/tiers/:name', small, async (c) => c.json(await saveTiers(store, c.req.param('name'), await json(c)), 201));
  app.get('/api/neglist/scenarios', async (c) => c.json({ scenarios: await listScenarios(store) }));
  app.post('/api/neglist/scenarios/:name', small, async (c) => c.json(await saveScenario(store, c.req.param('name'), await json(c)), 201));
  app.post('/api/neglist/import', upload, async (c) => {
    const { file_name: fileName, ...spec } = importQuery.parse(c.req.query());
    return c.json(await importEdition(store, { bytes: new Uint8Array(await c.req.arrayBuffer()), fileName }, spec), 201);
  });
}
