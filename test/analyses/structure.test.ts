import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complexityFile } from '../../src/analyses/structure/complexityFile.js';
import { ftaIndices } from '../../src/analyses/structure/ftaIndices.js';
import { industryChain } from '../../src/analyses/structure/industryChain.js';
import { loadIoTable } from '../../src/analyses/structure/ioTable.js';
import { zonePartners } from '../../src/analyses/structure/zonePartners.js';
import { zoneProfile } from '../../src/analyses/structure/zoneProfile.js';
import { zoneSimilarity } from '../../src/analyses/structure/zoneSimilarity.js';
import { createApp } from '../../src/server/app.js';
import { caught, tempStore, type TempStore } from '../helpers/tempStore.js';

let t: TempStore;
let app: Hono;
let dir: string;
beforeAll(async () => {
  t = await tempStore();
  app = createApp({ store: t.store });
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-structure-'));
});
afterAll(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('duplicate-competition matrix', () => {
  it('covers all 22 zones; unverified items stay out unless asked, and a zone without any is flagged, not scored 0', async () => {
    const r = await zoneSimilarity(t.store, {});
    expect(r.zones).toHaveLength(22);
    expect(r.matrix).toHaveLength(22);
    const unscored = r.zones.filter((z) => !z.scored).map((z) => z.id);
    for (const id of unscored) {
      const i = r.zones.findIndex((z) => z.id === id);
      expect(r.matrix[i]?.every((v) => v === null)).toBe(true);
    }
    expect(r.warnings.map((w) => w.code)).toContain('structure.unverified_excluded');
    const all = await zoneSimilarity(t.store, { includeUnverified: true });
    expect(all.zones.filter((z) => z.scored).length).toBeGreaterThanOrEqual(r.zones.filter((z) => z.scored).length);
    // Symmetric, 1 on the diagonal of scored zones, within [0, 1].
    r.zones.forEach((z, i) => {
      if (!z.scored) return;
      expect(r.matrix[i]?.[i]).toBeCloseTo(1, 12);
      r.zones.forEach((_, j) => {
        const v = r.matrix[i]?.[j];
        if (v === null || v === undefined) return;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1 + 1e-12);
        expect(v).toBeCloseTo(r.matrix[j]?.[i] as number, 12);
      });
    });
    // The top pair shares codes, and its similarity is the matrix entry.
    const top = r.topPairs[0]!;
    const i = r.zones.findIndex((z) => z.id === top.a);
    const j = r.zones.findIndex((z) => z.id === top.b);
    expect(r.matrix[i]?.[j]).toBe(top.similarity);
    expect(top.shared.length).toBeGreaterThan(0);
    expect(r.zones.filter((z) => z.cluster !== null).every((z) => z.cluster! >= 1 && z.cluster! <= 5)).toBe(true);
  });

  it('changes with the level and measure', async () => {
    const a = await zoneSimilarity(t.store, { level: 'sei', measure: 'jaccard' });
    const b = await zoneSimilarity(t.store, { level: 'io42', measure: 'cosine' });
    expect(a.spec.level).toBe('sei');
    expect(JSON.stringify(a.matrix)).not.toBe(JSON.stringify(b.matrix));
    expect(await caught(() => zoneSimilarity(t.store, { level: 'nope' }))).toMatchObject({ code: 'api.bad_request' });
  });
});

describe('zone profile, partners, chain', () => {
  it('shows every item of a zone with status and source; unverified ones are counted only when asked', async () => {
    const p = await zoneProfile(t.store, 'SH');
    const items = p.areas.flatMap((a) => a.items);
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((it) => it.sourceUrl.startsWith('http'))).toBe(true);
    const unverified = items.filter((it) => it.status === 'UNVERIFIED').length;
    expect(p.summary.items).toBe(items.length - unverified);
    if (unverified) expect((await zoneProfile(t.store, 'SH', { includeUnverified: true })).summary.items).toBe(items.length);
    expect(p.summary.digitalShare).toBeGreaterThanOrEqual(0);
    expect(await caught(() => zoneProfile(t.store, 'ZZ'))).toMatchObject({ code: 'zone.not_found' });
  });

  it('ranks partners by chain link × (1 − overlap), with the reasons shown', async () => {
    const r = await zonePartners(t.store, { zone: 'SH' });
    expect(r.partners.length).toBeGreaterThan(10);
    for (let k = 1; k < r.partners.length; k++) expect(r.partners[k - 1]!.score).toBeGreaterThanOrEqual(r.partners[k]!.score);
    for (const p of r.partners) {
      expect(p.score).toBeCloseTo(p.chainLink * (1 - p.overlap), 12);
      expect(p.reasons.some((x) => x.kind === 'overlap')).toBe(true);
    }
    expect(r.partners.find((p) => p.zone === 'ZJ')?.distanceKm).toBeGreaterThan(50);
  });

  it('maps the chain of an industry from the IO table, marking covered and missing links', async () => {
    const table = await loadIoTable(t.store);
    expect(table.codes).toHaveLength(42);
    // Row sums of domestic plus imported coefficients stay below 1 in every column (a productive table).
    for (let j = 0; j < 42; j++) {
      let s = 0;
      for (let i = 0; i < 42; i++) s += table.A.values[i * 42 + j] as number;
      expect(s).toBeLessThan(1);
    }
    const c = await industryChain(t.store, { sector: 'gbt:39', zone: 'SH', top: 5 });
    expect(c.sector.divisions).toContain('39');
    expect(c.suppliers).toHaveLength(5);
    // The first supplier's weight is the largest domestic input coefficient of the sector's column.
    const j = table.codes.indexOf(c.sector.code);
    const column = table.codes.map((_, i) => (i === j ? 0 : (table.Ad.values[i * 42 + j] as number)));
    expect(c.suppliers[0]!.weight).toBeCloseTo(Math.max(...column), 12);
    expect(c.suppliers.every((l) => l.coverage !== null)).toBe(true);
    expect(c.advice).not.toBeNull();
    expect(await caught(() => industryChain(t.store, { sector: '99' }))).toMatchObject({ code: 'disparity.option_invalid' });
  });
});

describe('economic complexity of a file', () => {
  it('ranks a diversified region above a specialised one (toy input) and names a bad row', async () => {
    // Two diversified regions and two specialised ones; products a, b, c, d (illustrative numbers).
    const rows = ['region,product,value', 'R1,a,10', 'R1,b,10', 'R1,c,10', 'R1,d,10', 'R2,a,10', 'R2,b,10', 'R2,c,1', 'R3,a,10', 'R3,d,1', 'R4,a,10'];
    const f = join(dir, 'toy.csv');
    writeFileSync(f, rows.join('\n') + '\n');
    const r = await complexityFile({ data: f, region: 'region', product: 'product', value: 'value', opportunities: 2 });
    const eci = new Map(r.regions.map((x) => [x.region, 'eci' in x ? x.eci : Number.NaN]));
    expect(r.regions.find((x) => x.region === 'R1')?.diversity).toBeGreaterThanOrEqual(r.regions.find((x) => x.region === 'R4')?.diversity as number);
    expect(eci.get('R1')).toBeGreaterThan(eci.get('R4') as number);
    const fit = await complexityFile({ data: f, region: 'region', product: 'product', value: 'value', method: 'fitness' });
    expect(fit.regions.every((x) => 'fitness' in x)).toBe(true);
    writeFileSync(f, 'region,product,value\nR1,a,10\nR1,b,ten\n');
    expect(await caught(() => complexityFile({ data: f, region: 'region', product: 'product', value: 'value' }))).toMatchObject({ code: 'import.non_numeric', params: { row: 3, column: 'value' } });
  });
});

describe('FTA partner indices from a BACI-format file', () => {
  // Illustrative flows (thousand USD) between three countries in HS chapters 01 (section I) and 84 (XVI).
  const head = 't,i,j,k,v,q';
  const flows = ['2022,CHN,JPN,010121,10,1', '2022,CHN,JPN,847130,90,1', '2022,CHN,USA,847130,100,1', '2022,JPN,CHN,010121,5,1', '2022,JPN,CHN,847130,45,1',
    '2022,USA,CHN,010121,50,1', '2022,USA,JPN,010121,30,1', '2022,USA,JPN,847130,20,1', '2022,JPN,USA,847130,60,1'];
  it('computes complementarity and intensity with RCEP/CPTPP partners as the formulas give by hand', async () => {
    const f = join(dir, 'baci.csv');
    writeFileSync(f, [head, ...flows].join('\n') + '\n');
    const r = await ftaIndices(t.store, { trade: f });
    const jp = r.partners.find((p) => p.iso3 === 'JPN')!;
    expect(jp.agreements).toEqual(['CPTPP', 'RCEP']);
    // China exports 10 / 190 in I / XVI (200), Japan imports 40 / 110 (150): 100 · (1 − (|40/150 − 10/200| + |110/150 − 190/200|) / 2).
    expect(jp.complementarityExports).toBeCloseTo(100 * (1 - (Math.abs(40 / 150 - 10 / 200) + Math.abs(110 / 150 - 190 / 200)) / 2), 10);
    // Intensity: (100 / 200) / (150 / 410).
    expect(jp.intensityExports).toBeCloseTo((100 / 200) / (150 / 410), 10);
    expect(r.partners.map((p) => p.iso3)).not.toContain('USA');
    expect(r.missingPartners).toContain('VNM');
    expect(r.bySection.map((s) => s.section).slice(0, 2)).toEqual(['I', 'II']);
  });

  it('names the row of a negative value, a non-numeric value and an unknown country', async () => {
    const f = join(dir, 'bad.csv');
    writeFileSync(f, [head, flows[0], '2022,CHN,JPN,847130,-5,1'].join('\n') + '\n');
    expect(await caught(() => ftaIndices(t.store, { trade: f }))).toMatchObject({ code: 'carbon.bad_quantity', params: { row: 3, column: 'v' } });
    writeFileSync(f, [head, flows[0], '2022,CHN,JPN,847130,n/a?,1'].join('\n') + '\n');
    expect(await caught(() => ftaIndices(t.store, { trade: f }))).toMatchObject({ code: 'import.non_numeric', params: { row: 3, column: 'v' } });
    writeFileSync(f, [head, flows[0], '2022,156,JPN,847130,5,1'].join('\n') + '\n');
    expect(await caught(() => ftaIndices(t.store, { trade: f }))).toMatchObject({ code: 'import.unknown_region', params: { row: 3, column: 'i', value: '156' } });
    // BACI's numeric codes work through its country table.
    const cc = join(dir, 'country_codes.csv');
    writeFileSync(cc, 'country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n392,Japan,JP,JPN\n');
    writeFileSync(f, [head, '2022,156,392,010121,10,1', '2022,392,156,847130,5,1'].join('\n') + '\n');
    expect((await ftaIndices(t.store, { trade: f, countries: cc })).partners.map((p) => p.iso3)).toEqual(['JPN']);
  });
});

describe('HTTP', () => {
  it('serves profile, similarity, partners and chain', async () => {
    expect((await app.request('/api/structure/profile/GD')).status).toBe(200);
    const sim = await app.request('/api/structure/similarity', { method: 'POST', body: JSON.stringify({ level: 'sei' }) });
    expect(((await sim.json()) as { zones: unknown[] }).zones).toHaveLength(22);
    expect((await app.request('/api/structure/partners', { method: 'POST', body: JSON.stringify({ zone: 'GD' }) })).status).toBe(200);
    expect((await app.request('/api/structure/chain', { method: 'POST', body: JSON.stringify({ sector: '20', zone: 'GD' }) })).status).toBe(200);
    const bad = await app.request('/api/structure/chain', { method: 'POST', body: JSON.stringify({ sector: '99' }) });
    expect(bad.status).toBe(422);
  });
});
