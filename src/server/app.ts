import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { observations, observationQuerySchema, zoneDetail, zonesOverview } from '../analyses/catalog.js';
import { importDataset, importSpecSchema, showDataset } from '../analyses/datasets.js';
import { csDid } from '../analyses/did/csDid.js';
import { withDatasetFile } from '../analyses/did/datasetPanel.js';
import { ftzEffect } from '../analyses/did/ftzEffect.js';
import { eventTimeDid, syntheticDid, twfeDid } from '../analyses/did/panelEstimators.js';
import { mediateDid, placeboDid, syntheticControl } from '../analyses/did/panelRobustness.js';
import { shippedFrameworks } from '../analyses/nqpf/framework.js';
import { runIndex } from '../analyses/nqpf/runIndex.js';
import type { Result } from '../core/result.js';
import { renderTables } from '../report/renderResult.js';
import { FtzError } from '../core/errors.js';
import { bundledDir } from '../core/paths.js';
import { packageVersion } from '../core/version.js';
import { listIndicators, listRegions, listSources, storeCounts } from '../store/catalog.js';
import { datasetHistory, listDatasets } from '../store/datasets.js';
import type { Db } from '../store/duckdb.js';
import type { MetaResponse } from './apiTypes.js';
import { carbonRoutes } from './carbonRoutes.js';
import { neglistRoutes } from './neglistRoutes.js';
import { scorecardRoutes } from './scorecardRoutes.js';
import { structureRoutes } from './structureRoutes.js';
import { errorResponse } from './errorResponse.js';
import { hostCheck } from './hostCheck.js';
import { openApiDocument } from './openapi.js';
import { serveWeb } from './staticFiles.js';

export interface AppOptions {
  readonly store: Db;
  /** folder of the built dashboard; omit to serve the API only */
  readonly webDir?: string;
  /** extra Host names accepted besides localhost (FTZLAB_ALLOWED_HOSTS) */
  readonly allowedHosts?: readonly string[];
  /** a deployer's replacement base map (FTZLAB_BASEMAP) */
  readonly basemapPath?: string;
  /** largest upload accepted by POST /api/datasets, bytes */
  readonly maxUploadBytes?: number;
}

const levelSchema = z.object({ level: z.enum(['province', 'prefecture']).optional() });
const versionSchema = z.object({ version: z.coerce.number().int().min(1).optional() });
const uploadSchema = importSpecSchema.extend({ file_name: z.string().min(1).max(255) });
const datasetRefSchema = z.looseObject({ dataset: z.string().min(1).max(64), version: z.number().int().min(1).optional() });
const exportSchema = z.object({ format: z.enum(['xlsx', 'docx']), lang: z.enum(['zh', 'en']).default('zh') });

function query(c: { req: { query(): Record<string, string> } }): Record<string, string> {
  return c.req.query();
}

/**
 * The HTTP API. Routes map 1:1 to use cases in `analyses/`; the app computes nothing itself. Tests call it
 * in-process with `app.request()`.
 */
export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const maxUpload = options.maxUploadBytes ?? 64 * 1024 * 1024;
  const basemap = options.basemapPath ?? join(bundledDir(), 'geo', 'china_provinces.geojson');
  const app = new Hono();
  // Index runs are pure functions of the spec and the data: cache the last few, dropped on any import.
  const indexCache = new Map<string, Result>();

  app.onError((e, c) => errorResponse(e, c));
  app.notFound((c) => errorResponse(new FtzError('api.not_found', { path: new URL(c.req.url).pathname }), c));
  app.use('*', hostCheck(options.allowedHosts));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-store');
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(packageVersion())));
  app.get('/api/meta', async (c) => {
    const body: MetaResponse = {
      name: 'ftzlab',
      version: packageVersion(),
      basemap: {
        custom: options.basemapPath !== undefined,
        note_zh: options.basemapPath
          ? '底图由部署方提供（FTZLAB_BASEMAP）。'
          : '底图取自 ECharts 4.9 附带的中国省级边界（Apache-2.0），并非经审核的标准地图（无审图号），仅用于示意；部署方可通过 FTZLAB_BASEMAP 替换为经审核的底图。',
        note_en: options.basemapPath
          ? 'Base map supplied by the deployer (FTZLAB_BASEMAP).'
          : 'Base map: the China province boundaries shipped with ECharts 4.9 (Apache-2.0). It is not an approved standard map (no 审图号) and is for illustration only; a deployer can replace it with FTZLAB_BASEMAP.',
      },
      counts: await storeCounts(store),
    };
    return c.json(body);
  });
  app.get('/api/zones', async (c) => c.json(await zonesOverview(store)));
  app.get('/api/zones/:id', async (c) => c.json(await zoneDetail(store, c.req.param('id'))));
  app.get('/api/regions', async (c) => {
    const q = levelSchema.parse(query(c));
    return c.json({ regions: await listRegions(store, q.level) });
  });
  app.get('/api/indicators', async (c) => c.json({ indicators: await listIndicators(store) }));
  app.get('/api/observations', async (c) => c.json(await observations(store, observationQuerySchema.parse(query(c)))));
  app.get('/api/sources', async (c) => c.json({ sources: await listSources(store) }));
  app.get('/api/basemap', async (c) => {
    const text = await readFile(basemap, 'utf8');
    return c.body(text, 200, { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'max-age=3600' });
  });
  app.get('/api/datasets', async (c) => c.json({ datasets: await listDatasets(store) }));
  app.get('/api/datasets/:name', async (c) => {
    const q = versionSchema.parse(query(c));
    const content = await showDataset(store, c.req.param('name'), q.version);
    return c.json({ dataset: content.dataset, rows: content.rows, warnings: content.warnings });
  });
  app.get('/api/datasets/:name/versions', async (c) => c.json({ versions: await datasetHistory(store, c.req.param('name')) }));
  app.post(
    '/api/datasets',
    bodyLimit({
      maxSize: maxUpload,
      onError: () => {
        throw new FtzError('api.payload_too_large', { limit: maxUpload });
      },
    }),
    async (c) => {
      const q = uploadSchema.parse(query(c));
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const { file_name: fileName, ...spec } = q;
      const outcome = await importDataset(store, bytes, fileName, spec);
      indexCache.clear();
      return c.json(outcome, 201);
    },
  );

  app.get('/api/index/frameworks', (c) => c.json({ frameworks: shippedFrameworks() }));
  const runCached = async (spec: unknown): Promise<Result> => {
    // A path in the spec would let any caller read files of the server's machine: over HTTP, data comes only
    // from the store (upload a file with POST /api/datasets first).
    const data = (spec as { data?: { file?: unknown } } | null)?.data;
    if (data && data.file !== undefined) {
      throw new FtzError('api.bad_request', { issues: 'data.file is not accepted over HTTP: upload the file with POST /api/datasets and use its dataset' });
    }
    const key = JSON.stringify(spec);
    const cached = indexCache.get(key);
    if (cached) return cached;
    const result = await runIndex(store, spec);
    indexCache.set(key, result);
    if (indexCache.size > 16) indexCache.delete(indexCache.keys().next().value as string);
    return result;
  };
  const specBody = async (c: { req: { json(): Promise<unknown> } }): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      throw new FtzError('api.bad_request', { issues: 'the body must be a JSON index spec' });
    }
  };
  const smallBody = bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw new FtzError('api.payload_too_large', { limit: 1024 * 1024 }); } });
  app.post('/api/index/run', smallBody, async (c) => c.json(await runCached(await specBody(c))));
  app.post('/api/did/ftz-effect', smallBody, async (c) => c.json(await ftzEffect(store, await specBody(c))));
  // Estimators on a user dataset: { dataset, version?, …the CLI's options } with column names as in the dataset.
  const onDataset = (run: (spec: Record<string, unknown>) => Promise<unknown>) => async (c: Context) => {
    const body = (await specBody(c)) as Record<string, unknown> | null;
    const { dataset, version, ...rest } = datasetRefSchema.parse(body ?? {});
    if ('data' in rest) throw new FtzError('api.bad_request', { issues: 'use "dataset" (uploaded with POST /api/datasets), not "data"' });
    return c.json(await withDatasetFile(store, dataset, version, (path) => run({ ...rest, data: path })));
  };
  app.post('/api/did/cs', smallBody, onDataset((s) => csDid(s)));
  app.post('/api/did/twfe', smallBody, onDataset((s) => twfeDid(s)));
  app.post('/api/did/event', smallBody, onDataset((s) => eventTimeDid('event_study', s)));
  app.post('/api/did/sunab', smallBody, onDataset((s) => eventTimeDid('sunab', s)));
  app.post('/api/did/impute', smallBody, onDataset((s) => eventTimeDid('impute', s)));
  app.post('/api/did/placebo', smallBody, onDataset((s) => placeboDid(s)));
  app.post('/api/did/mediate', smallBody, onDataset((s) => mediateDid(s)));
  app.post('/api/synth/sc', smallBody, onDataset((s) => syntheticControl(s)));
  app.post('/api/synth/sdid', smallBody, onDataset((s) => syntheticDid(s)));
  app.post('/api/index/export', smallBody, async (c) => {
    const q = exportSchema.parse(query(c));
    const result = await runCached(await specBody(c));
    const bytes = await renderTables(result, q.format, q.lang);
    const type = q.format === 'xlsx'
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': type,
      'content-disposition': `attachment; filename="nqpf-index.${q.format}"`,
    });
  });

  carbonRoutes(app, store, maxUpload);
  structureRoutes(app, store);
  neglistRoutes(app, store, maxUpload);
  scorecardRoutes(app, store);

  // An unknown API path is a JSON 404, never the dashboard page (a download link would save the page as a file).
  app.all('/api/*', (c) => errorResponse(new FtzError('api.not_found', { path: new URL(c.req.url).pathname }), c));

  if (options.webDir) {
    const webDir = options.webDir;
    app.get('*', (c) => serveWeb(c, webDir));
  }
  return app;
}
