import type { Hono } from 'hono';
import { withDatasetFile } from '../analyses/did/datasetPanel.js';
import { complexityFile } from '../analyses/structure/complexityFile.js';
import { industryChain } from '../analyses/structure/industryChain.js';
import { zonePartners } from '../analyses/structure/zonePartners.js';
import { zoneProfile } from '../analyses/structure/zoneProfile.js';
import { zoneSimilarity } from '../analyses/structure/zoneSimilarity.js';
import { FtzError } from '../core/errors.js';
import type { Db } from '../store/duckdb.js';
import { jsonBody, limitBody } from './bodies.js';

/** Routes of the industrial-structure use cases: zone profile, duplicate-competition matrix, partners, chain map. */
export function structureRoutes(app: Hono, store: Db): void {
  const small = limitBody(64 * 1024);
  app.get('/api/structure/profile/:zone', async (c) => c.json(await zoneProfile(store, c.req.param('zone'), { includeUnverified: c.req.query('include_unverified') === 'true' })));
  app.post('/api/structure/similarity', small, async (c) => c.json(await zoneSimilarity(store, await jsonBody(c))));
  app.post('/api/structure/partners', small, async (c) => c.json(await zonePartners(store, await jsonBody(c))));
  app.post('/api/structure/chain', small, async (c) => c.json(await industryChain(store, await jsonBody(c))));
  // Complexity of a dataset uploaded with POST /api/datasets: { dataset, version?, region, product, value, method?, … }.
  app.post('/api/structure/complexity', small, async (c) => {
    const body = (await jsonBody(c)) as Record<string, unknown> | null;
    const { dataset, version, data, ...rest } = (body ?? {}) as { dataset?: unknown; version?: unknown; data?: unknown };
    if (data !== undefined) throw new FtzError('api.bad_request', { issues: 'use "dataset" (uploaded with POST /api/datasets), not "data"' });
    if (typeof dataset !== 'string') throw new FtzError('api.bad_request', { issues: 'dataset: the name of an uploaded dataset is required' });
    const out = await withDatasetFile(store, dataset, typeof version === 'number' ? version : undefined, (path) => complexityFile({ ...rest, data: path }));
    // Name the dataset version, not the temporary file it was exported to for the read.
    const v = typeof version === 'number' ? version : (await store.one<{ v: number }>('SELECT max(version)::INTEGER AS v FROM dataset WHERE name = ?', [dataset]))?.v;
    const sha = (await store.one<{ sha: string }>('SELECT file_sha256 AS sha FROM dataset WHERE name = ? AND version = ?', [dataset, v ?? 0]))?.sha ?? '';
    const ref = `dataset ${dataset} v${v}`;
    return c.json({ ...out, spec: { ...out.spec, data: ref }, provenance: { ...out.provenance, options: { ...out.provenance.options, data: ref }, inputs: [{ name: ref, sha256: sha }] } });
  });
  app.get('/api/structure/io-sectors', async (c) => c.json({
    sectors: await store.all<{ year: number; code: string; name_zh: string; name_en: string }>('SELECT year, code, name_zh, name_en FROM io_sector WHERE year = (SELECT max(year) FROM io_sector) ORDER BY code'),
  }));
}
