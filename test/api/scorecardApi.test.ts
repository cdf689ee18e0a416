import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecards } from '../../src/analyses/scorecard/zoneScorecard.js';
import type { Result } from '../../src/core/result.js';
import type { ApiErrorBody } from '../../src/server/apiTypes.js';
import { webDistDir } from '../../src/core/paths.js';
import { createApp } from '../../src/server/app.js';
import { tempStore, type TempStore } from '../helpers/tempStore.js';

let t: TempStore;
let app: Hono;
beforeAll(async () => {
  t = await tempStore();
  app = createApp({ store: t.store, maxUploadBytes: 200_000 });
});
afterAll(() => t.cleanup());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

describe('scorecard routes', () => {
  it('GET /api/scorecard/:zone gives every zone with the one in focus, and the shared runs', async () => {
    const res = await app.request('/api/scorecard/sh');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Scorecards;
    expect(body.spec.zone).toBe('SH');
    expect(body.zones).toHaveLength(22);
    expect(body.effects.map((e) => e.task)).toEqual(['innovation', 'upgrading', 'green']);
    expect(Object.keys(body.index.byRegion)).toHaveLength(30);
  }, 60_000);

  it('POST /api/scorecard/result gives the Result; with whatIf, the changes against the baseline', async () => {
    const plain = (await (await post('/api/scorecard/result', { zone: 'SH' })).json()) as Result;
    expect(plain.kind).toBe('zone_scorecard');
    expect(plain.tables.map((x) => x.name)).toContain('comparison');
    expect(plain.tables.map((x) => x.name)).not.toContain('what_if');
    const w = (await (await post('/api/scorecard/result', { zone: 'SH', index: { weights: { method: 'entropy', dimensions: [1, 3] } }, whatIf: true })).json()) as Result;
    const changes = w.tables.find((x) => x.name === 'what_if');
    expect(changes?.columns.find((c) => c.name === 'item_en')?.values.some((v) => String(v).startsWith('NQPF index'))).toBe(true);
    // rows name their item code; the index's trend moves with the weights and is reported too
    const keys = changes?.columns.find((c) => c.name === 'key')?.values ?? [];
    const i = keys.indexOf('nqpf_index');
    const col = (name: string) => changes?.columns.find((c) => c.name === name)?.values[i];
    expect(col('trend_baseline')).not.toBe(col('trend_what_if'));
  }, 60_000);

  it('refuses file paths and bad specs with coded errors in the caller\'s language', async () => {
    const trade = await post('/api/scorecard', { trade: { file: '/etc/passwd' } });
    expect(trade.status).toBe(400);
    expect(((await trade.json()) as ApiErrorBody).error.code).toBe('api.bad_request');
    const zone = await post('/api/scorecard', { zone: 'XX' }, { 'accept-language': 'zh-CN' });
    expect(zone.status).toBe(404);
    expect(((await zone.json()) as ApiErrorBody).error.message).toContain('没有编号为“XX”');
    const dims = await post('/api/scorecard', { index: { weights: { dimensions: [1, 1, 1] } } });
    expect(dims.status).toBe(422);
    const scenario = await post('/api/scorecard', { scenario: { name: 'none-saved' } });
    expect(((await scenario.json()) as ApiErrorBody).error.code).toBe('neglist.scenario_not_found');
  }, 60_000);
});

describe('report routes', () => {
  it('GET /api/report gives Word, Excel, HTML and PDF files for download', async () => {
    const types: Record<string, [string, string]> = {
      docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
      xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK'],
      html: ['text/html; charset=utf-8', '<!doctype html>'],
      pdf: ['application/pdf', '%PDF-'],
    };
    for (const [format, [type, magic]] of Object.entries(types)) {
      const res = await app.request(`/api/report?zone=SH&lang=en&format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ftz-scorecard-SH-en.${format}"`);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
  }, 120_000);

  it('POST /api/report takes a spec; errors are coded', async () => {
    const res = await post('/api/report', { zone: 'GD', lang: 'zh', format: 'html', index: { weights: { method: 'equal' } } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('中国(广东)自由贸易试验区评分卡');
    expect(html).toContain('&quot;method&quot;: &quot;equal&quot;');
    expect((await app.request('/api/report?zone=SH&format=odt')).status).toBe(400);
    expect((await app.request('/api/report?format=pdf')).status).toBe(400);
    expect((await app.request('/api/report?zone=QQ&format=html')).status).toBe(404);
  }, 120_000);

  it('a PDF without a browser is a 503 that says how to install one', async () => {
    const saved = process.env.FTZLAB_CHROMIUM;
    process.env.FTZLAB_CHROMIUM = '/nonexistent/chromium';
    try {
      const res = await app.request('/api/report?zone=SH&format=pdf', { headers: { 'accept-language': 'en' } });
      expect(res.status).toBe(503);
      const body = (await res.json()) as ApiErrorBody;
      expect(body.error.code).toBe('report.no_browser');
      expect(body.error.message).toContain('apt-get install chromium');
    } finally {
      if (saved === undefined) delete process.env.FTZLAB_CHROMIUM;
      else process.env.FTZLAB_CHROMIUM = saved;
    }
  }, 60_000);
});

describe('unknown API paths', () => {
  it('are a JSON 404 even when the dashboard is served, never the page', async () => {
    const withWeb = createApp({ store: t.store, maxUploadBytes: 200_000, webDir: webDistDir() });
    const res = await withWeb.request('/api/no-such-route?zone=SH');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('api.not_found');
    expect((await withWeb.request('/')).headers.get('content-type')).toContain('text/html');
  });
});
