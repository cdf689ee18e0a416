import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { importEdition, listEditions, showEdition } from '../analyses/neglist/lists.js';
import { FtzError } from '../core/errors.js';
import type { Db } from '../store/duckdb.js';

const importQuery = z.object({
  file_name: z.string().min(1).max(255), id: z.string().min(1).max(64), title: z.string().max(300).optional(), kind: z.enum(['fdi', 'services']).optional(),
  jurisdiction: z.string().max(64).optional(), effective: z.string().optional(), count: z.coerce.number().int().optional(),
});

/** Routes of the negative-list use cases: editions (bundled and imported), one edition, importing a list text. */
export function neglistRoutes(app: Hono, store: Db, maxUpload: number): void {
  const upload = bodyLimit({ maxSize: maxUpload, onError: () => { throw new FtzError('api.payload_too_large', { limit: maxUpload }); } });
  app.get('/api/neglist/editions', async (c) => c.json({ editions: await listEditions(store) }));
  app.get('/api/neglist/editions/:id', async (c) => {
    const v = c.req.query('version');
    return c.json(await showEdition(store, c.req.param('id'), v ? Number(v) : undefined));
  });
  app.post('/api/neglist/import', upload, async (c) => {
    const { file_name: fileName, ...spec } = importQuery.parse(c.req.query());
    return c.json(await importEdition(store, { bytes: new Uint8Array(await c.req.arrayBuffer()), fileName }, spec), 201);
  });
}
