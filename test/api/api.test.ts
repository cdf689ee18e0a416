import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiErrorBody, DatasetResponse, DatasetsResponse, MetaResponse, ObservationsResponse, ZoneResponse, ZonesResponse,
} from '../../src/server/apiTypes.js';
import { createApp } from '../../src/server/app.js';
import { tempStore, type TempStore } from '../helpers/tempStore.js';

let t: TempStore;
let app: Hono;
beforeAll(async () => {
  t = await tempStore();
  app = createApp({ store: t.store, maxUploadBytes: 200_000 });
});
afterAll(() => t.cleanup());

const get = async <T>(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> => {
  const res = await app.request(path, { headers });
  return { status: res.status, body: (await res.json()) as T };
};

describe('GET routes', () => {
  it('/api/meta gives version, base-map note in both languages and counts', async () => {
    const { status, body } = await get<MetaResponse>('/api/meta');
    expect(status).toBe(200);
    expect(body.name).toBe('ftzlab');
    expect(body.basemap.note_zh).toContain('审图号');
    expect(body.counts.zones).toBe(22);
    expect(body.counts.observations).toBeGreaterThan(20_000);
  });

  it('/api/zones lists the 22 zones in batch order', async () => {
    const { body } = await get<ZonesResponse>('/api/zones');
    expect(body.zones).toHaveLength(22);
    expect(body.zones[0]?.id).toBe('SH');
    expect(body.zones.at(-1)?.id).toBe('XJ');
    expect(new Set(body.zones.map((z) => z.batch_year))).toEqual(new Set([2013, 2015, 2017, 2018, 2019, 2020, 2023]));
  });

  it('/api/zones/:id gives the record with sources, and the host province', async () => {
    const { status, body } = await get<ZoneResponse>('/api/zones/sh');
    expect(status).toBe(200);
    expect(body.zone.id).toBe('SH');
    expect(body.province?.name_zh).toBe('上海市');
    const lingang = body.zone.areas.find((a) => a.id === 'SH-LINGANG');
    expect(lingang?.area_km2.value).toBe(119.5);
    expect(lingang?.area_km2.sources.length).toBeGreaterThan(0);
  });

  it('/api/regions filters by level', async () => {
    const { body } = await get<{ regions: { code: string; level: string }[] }>('/api/regions?level=province');
    expect(body.regions).toHaveLength(31);
    expect(body.regions.every((r) => r.level === 'province')).toBe(true);
  });

  it('/api/indicators lists bundled indicators with coverage', async () => {
    const { body } = await get<{ indicators: { code: string; namespace: string; regions: number; first_year: number }[] }>('/api/indicators');
    const rd = body.indicators.find((i) => i.code === 'rd_expenditure');
    expect(rd).toMatchObject({ namespace: 'bundled', regions: 31, first_year: 2010 });
  });

  it('/api/observations filters by region and years and cites its sources', async () => {
    const { body } = await get<ObservationsResponse>('/api/observations?indicator=rd_expenditure&region=310000,110000&from=2020&to=2023');
    expect(body.rows).toHaveLength(8);
    expect(new Set(body.rows.map((r) => r.region))).toEqual(new Set(['310000', '110000']));
    expect(body.sources.length).toBeGreaterThan(0);
    expect(body.sources[0]?.licence).toBeTruthy();
    expect(body.provenance.package.name).toBe('ftzlab');
    expect(body.provenance.inputs[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.provenance.options).toMatchObject({ indicator: 'rd_expenditure', from: 2020, to: 2023 });
  });

  it('/api/sources, /api/basemap and /api/openapi.json answer', async () => {
    expect((await get<{ sources: unknown[] }>('/api/sources')).body.sources.length).toBeGreaterThan(3);
    const geo = await app.request('/api/basemap');
    expect(geo.headers.get('content-type')).toContain('geo+json');
    expect(((await geo.json()) as { features: unknown[] }).features.length).toBe(34);
    const spec = (await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json')).body;
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/zones', '/api/observations', '/api/datasets']));
  });
});

describe('datasets over HTTP', () => {
  it('imports a GBK CSV by POST, then lists and shows it, and its indicator answers /api/observations', async () => {
    const bytes = readFileSync(new URL('../fixtures/excel_gbk_wide.csv', import.meta.url));
    const res = await app.request('/api/datasets?dataset=gdp_upload&file_name=gdp.csv', { method: 'POST', body: bytes });
    expect(res.status).toBe(201);
    const list = (await get<DatasetsResponse>('/api/datasets')).body;
    expect(list.datasets.map((d) => d.name)).toContain('gdp_upload');
    const shown = (await get<DatasetResponse>('/api/datasets/gdp_upload')).body;
    expect(shown.rows).toHaveLength(18);
    const code = encodeURIComponent('gdp_upload.地区生产总值（亿元）');
    const obs = (await get<ObservationsResponse>(`/api/observations?indicator=${code}&region=310000`)).body;
    expect(obs.indicator.namespace).toBe('user');
    expect(obs.rows.map((r) => r.value)).toEqual([47059.4, 48594.5, 51404.5]);
    // The numbers replay: provenance names the exact file (SHA-256) the user imported.
    expect(obs.provenance.inputs.map((i) => i.name)).toContain('dataset gdp_upload v1');
    const versions = (await get<{ versions: unknown[] }>('/api/datasets/gdp_upload/versions')).body;
    expect(versions.versions).toHaveLength(1);
  });

  it('answers a bad file with 422 and the coded error in the caller’s language', async () => {
    const res = await app.request('/api/datasets?dataset=bad&file_name=bad.csv', {
      method: 'POST', body: '地区,年份,x\n上海,2020,1\n北京,2020,2\n天津,2020,abc\n', headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ApiErrorBody;
    expect(body.error.code).toBe('import.non_numeric');
    expect(body.error.message).toContain('不是数字');
    expect(body.error.details).toMatchObject({ row: 4, column: 'x', value: 'abc' });
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await app.request('/api/datasets?dataset=big&file_name=big.csv', { method: 'POST', body: 'x'.repeat(300_000) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('api.payload_too_large');
  });
});

describe('bad requests', () => {
  it('unknown zone: 404 with the known ids, message in English by default', async () => {
    const { status, body } = await get<ApiErrorBody>('/api/zones/XX');
    expect(status).toBe(404);
    expect(body.error.code).toBe('zone.not_found');
    expect(body.error.message).toContain('SH');
  });

  it('unknown zone in Chinese when asked', async () => {
    const { body } = await get<ApiErrorBody>('/api/zones/XX', { 'accept-language': 'zh-CN' });
    expect(body.error.message).toContain('自由贸易试验区');
  });

  it('invalid query parameters: 400 naming the field', async () => {
    const { status, body } = await get<ApiErrorBody>('/api/observations?indicator=rd_expenditure&region=Shanghai');
    expect(status).toBe(400);
    expect(body.error.code).toBe('api.bad_request');
    expect(body.error.message).toContain('region');
    expect((await get<ApiErrorBody>('/api/observations')).status).toBe(400);
    expect((await get<ApiErrorBody>('/api/regions?level=county')).status).toBe(400);
    expect((await get<ApiErrorBody>('/api/datasets?x=1', {})).status).toBe(200);
    expect((await get<ApiErrorBody>('/api/datasets/gdp_upload?version=0')).status).toBe(400);
  });

  it('unknown indicator, dataset and version: 404', async () => {
    expect((await get<ApiErrorBody>('/api/observations?indicator=nope')).body.error.code).toBe('indicator.not_found');
    expect((await get<ApiErrorBody>('/api/datasets/nope')).status).toBe(404);
    expect((await get<ApiErrorBody>('/api/datasets/gdp_upload?version=9')).body.error.code).toBe('dataset.version_not_found');
  });

  it('unknown route: 404 api.not_found', async () => {
    const { status, body } = await get<ApiErrorBody>('/api/nothing');
    expect(status).toBe(404);
    expect(body.error.code).toBe('api.not_found');
  });

  it('missing upload parameters: 400', async () => {
    const res = await app.request('/api/datasets', { method: 'POST', body: 'a\n1\n' });
    expect(res.status).toBe(400);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403, accepts localhost names', async () => {
    const evil = await app.request('http://evil.example/api/zones', { headers: { host: 'evil.example' } });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as ApiErrorBody).error.code).toBe('api.host_not_allowed');
    for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787']) {
      expect((await app.request('/api/meta', { headers: { host } })).status).toBe(200);
    }
    const deployed = createApp({ store: t.store, allowedHosts: ['ftz.example.org'] });
    expect((await deployed.request('/api/meta', { headers: { host: 'ftz.example.org' } })).status).toBe(200);
  });
});

describe('index routes', () => {
  it('GET /api/index/frameworks lists the shipped frameworks', async () => {
    const { body } = await get<{ frameworks: { id: string }[] }>('/api/index/frameworks');
    expect(body.frameworks.map((f) => f.id)).toContain('nqpf-three-elements');
  });

  it('POST /api/index/run returns a Result, and the same spec again comes from the cache', async () => {
    const post = async (): Promise<Response> => app.request('/api/index/run', { method: 'POST', body: JSON.stringify({ framework: 'innovation-ecosystem' }), headers: { 'content-type': 'application/json' } });
    const res = await post();
    expect(res.status).toBe(200);
    const r = (await res.json()) as { kind: string; tables: { name: string }[]; provenance: { createdAt: string } };
    expect(r.kind).toBe('nqpf_index');
    expect(r.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['scores', 'weights', 'dagum', 'moran']));
    const again = (await (await post()).json()) as { provenance: { createdAt: string } };
    expect(again.provenance.createdAt).toBe(r.provenance.createdAt);
  });

  it('refuses a server-side file path, a body that is not JSON, and an invalid spec', async () => {
    const withFile = await app.request('/api/index/run', { method: 'POST', body: JSON.stringify({ framework: 'nqpf-three-elements', data: { file: '/etc/passwd' } }) });
    expect(withFile.status).toBe(400);
    expect(((await withFile.json()) as ApiErrorBody).error.message).toContain('POST /api/datasets');
    expect((await app.request('/api/index/run', { method: 'POST', body: 'framework=x' })).status).toBe(400);
    const bad = await app.request('/api/index/run', { method: 'POST', body: JSON.stringify({ framework: 'nqpf-three-elements', weights: { method: 'magic' } }) });
    expect(bad.status).toBe(400);
    const unknown = await app.request('/api/index/run', { method: 'POST', body: JSON.stringify({ framework: 'no-such-framework' }), headers: { 'accept-language': 'zh-CN' } });
    expect(((await unknown.json()) as ApiErrorBody).error.code).toBe('index.framework_invalid');
  });

  it('POST /api/index/export gives the tables as XLSX or DOCX', async () => {
    const res = await app.request('/api/index/export?format=docx&lang=en', { method: 'POST', body: JSON.stringify({ framework: 'innovation-ecosystem' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect((await app.request('/api/index/export?format=pdf', { method: 'POST', body: '{}' })).status).toBe(400);
  });
});

describe('policy-evaluation routes', () => {
  it('POST /api/did/ftz-effect returns a Result with estimates and the event study', async () => {
    const res = await app.request('/api/did/ftz-effect', { method: 'POST', body: JSON.stringify({ outcome: 'gdp', log: true, estimators: ['twfe', 'impute'] }) });
    expect(res.status).toBe(200);
    const r = (await res.json()) as { kind: string; tables: { name: string }[] };
    expect(r.kind).toBe('ftz_effect');
    expect(r.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['estimates', 'event_study', 'timing']));
    const bad = await app.request('/api/did/ftz-effect', { method: 'POST', body: JSON.stringify({ outcome: 'no_such' }), headers: { 'accept-language': 'zh-CN' } });
    expect(bad.status).toBe(404);
  });
});

describe('estimators on an uploaded dataset', () => {
  it('uploads mpdta, then answers POST /api/did/cs and /api/did/twfe with the R values', async () => {
    const bytes = readFileSync(new URL('../fixtures/reference/econ/mpdta.csv', import.meta.url));
    expect((await app.request('/api/datasets?dataset=mpdta&file_name=mpdta.csv&layout=table', { method: 'POST', body: bytes })).status).toBe(201);
    const cols = { dataset: 'mpdta', id: 'countyreal', time: 'year', group: 'first.treat', outcome: 'lemp' };
    const cs = await app.request('/api/did/cs', { method: 'POST', body: JSON.stringify({ ...cols, method: 'reg' }) });
    expect(cs.status).toBe(200);
    const r = (await cs.json()) as { aggregates: { simple: { att: number } } };
    expect(r.aggregates.simple.att).toBeCloseTo(-0.039951275, 6);
    const tw = (await (await app.request('/api/did/twfe', { method: 'POST', body: JSON.stringify(cols) })).json()) as { coefficients: { estimate: number }[] };
    expect(tw.coefficients[0]?.estimate).toBeCloseTo(-0.0365489367, 8);
  });

  it('refuses a server-side path and an unknown dataset', async () => {
    const path = await app.request('/api/did/twfe', { method: 'POST', body: JSON.stringify({ dataset: 'mpdta', data: '/etc/passwd', id: 'a', time: 'b', group: 'c', outcome: 'd' }) });
    expect(path.status).toBe(400);
    const unknown = await app.request('/api/did/cs', { method: 'POST', body: JSON.stringify({ dataset: 'nope', id: 'a', time: 'b', group: 'c', outcome: 'd' }) });
    expect(unknown.status).toBe(404);
  });
});

