import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { startServer, type ServerHandle } from '../../src/server/index.js';
import type { ZoneRecord } from '../../src/store/zoneTypes.js';
import { openStore } from '../../src/store/openStore.js';
import type { Store } from '../../src/store/duckdb.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-cli-'));
  env = { ...process.env, FTZLAB_DB: join(dir, 'cli.duckdb'), LANG: 'C.UTF-8' };
  process.env.FTZLAB_DB = env.FTZLAB_DB;
});
afterAll(() => {
  delete process.env.FTZLAB_DB;
  rmSync(dir, { recursive: true, force: true });
});

const cli = runCli;

describe('ftzlab CLI', () => {
  it('zones --json lists 22 zones with sub-areas, dates, km² and a source for every verified field', async () => {
    const { code, out } = await cli(['zones', '--json']);
    expect(code).toBe(0);
    const zones = (JSON.parse(out) as { zones: ZoneRecord[] }).zones;
    expect(zones).toHaveLength(22);
    for (const z of zones) {
      expect(z.areas.length).toBeGreaterThan(0);
      for (const f of [z.approved, z.launched, z.area_km2, z.batch, z.general_plan]) {
        expect(['VERIFIED', 'VERIFIED_SECONDARY', 'CONFLICT', 'UNVERIFIED']).toContain(f.status);
        if (f.value !== null) expect(f.sources.length).toBeGreaterThan(0);
      }
      for (const a of z.areas) if (a.area_km2.value !== null) expect(a.area_km2.sources.length).toBeGreaterThan(0);
    }
  });

  it('zone SH --json shows Shanghai’s areas including the 2019 Lingang expansion', async () => {
    const { code, out } = await cli(['zone', 'SH', '--json']);
    expect(code).toBe(0);
    const zone = (JSON.parse(out) as { zone: ZoneRecord }).zone;
    const lingang = zone.areas.find((a) => a.id === 'SH-LINGANG');
    expect(lingang?.added.value).toMatch(/^2019-08/);
    expect(zone.area_km2.value).toBe(240.22);
    expect(zone.area_history.map((h) => h.area_km2.value)).toEqual([28.78, 120.72]);
  });

  it('prints human tables in Chinese with --lang zh, and an unknown zone exits 3 with a Chinese message', async () => {
    const zones = await cli(['zones'], 'zh');
    expect(zones.out).toContain('中国(上海)自由贸易试验区');
    expect(zones.out).toContain('沿海');
    const bad = await cli(['zone', 'XX'], 'zh');
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('zone.not_found');
    expect(bad.err).toContain('没有编号为“XX”');
  });

  it('regions and indicators', async () => {
    const regions = await cli(['regions', '--json']);
    expect((JSON.parse(regions.out) as { regions: unknown[] }).regions).toHaveLength(31);
    const ind = await cli(['indicators', '--json']);
    const codes = (JSON.parse(ind.out) as { indicators: { code: string }[] }).indicators.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['rd_expenditure', 'rd_fte', 'patent_app_invention', 'patent_grant_invention', 'co2_total']));
  });

  it('data import / list / show / export round trip, with a usage error exiting 2', async () => {
    const imp = await cli(['data', 'import', fixture('excel_gbk_wide.csv'), '--dataset', 'gdp']);
    expect(imp.code).toBe(0);
    expect(imp.out).toContain('version 1');
    expect(imp.err).toContain('…');
    const list = JSON.parse((await cli(['data', 'list', '--json'])).out) as { datasets: { name: string }[] };
    expect(list.datasets.map((d) => d.name)).toContain('gdp');
    const shown = JSON.parse((await cli(['data', 'show', 'gdp', '--json'])).out) as { rows: Record<string, unknown>[] };
    expect(shown.rows[0]).toEqual({ 地区: '北京市', 年份: 2021, '地区生产总值（亿元）': 44350.7 });
    const out = join(dir, 'gdp.xlsx');
    expect((await cli(['data', 'export', 'gdp', '--out', out])).code).toBe(0);
    const again = await cli(['data', 'import', out, '--dataset', 'gdp']);
    expect(again.out).toContain('version 2');
    expect((await cli(['data', 'import', fixture('excel_gbk_wide.csv')])).code).toBe(2);
    const bad = await cli(['data', 'import', join(dir, 'missing.csv'), '--dataset', 'x']);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('import.file_not_found');
  });
});

describe('CLI beside a running server (DuckDB allows one writer)', () => {
  let store: Store;
  let server: ServerHandle;
  let sharedEnv: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const path = join(dir, 'shared.duckdb');
    sharedEnv = { ...env, FTZLAB_DB: path };
    store = await openStore({ path });
    server = await startServer({ store, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    store.close();
  });

  it('imports a GBK CSV through the server that holds the database, and the server sees it at once', async () => {
    const { stdout, stderr } = await run('node', [join(root, 'bin/ftzlab.js'), 'data', 'import', fixture('excel_gbk_wide.csv'), '--dataset', '省级GDP'], { env: sharedEnv });
    expect(stderr).toContain(server.url);
    expect(stdout).toContain('省级GDP');
    const res = await fetch(new URL('api/indicators', server.url));
    const codes = ((await res.json()) as { indicators: { code: string }[] }).indicators.map((i) => i.code);
    expect(codes).toContain('省级GDP.地区生产总值（亿元）');
  });

  it('answers read commands through the server too', async () => {
    const { stdout } = await run('node', [join(root, 'bin/ftzlab.js'), 'zone', 'GD', '--json'], { env: sharedEnv });
    expect((JSON.parse(stdout) as { zone: { id: string } }).zone.id).toBe('GD');
  });
});
