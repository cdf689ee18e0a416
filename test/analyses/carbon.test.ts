import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetReport, createBudget, scopeEmissions, sectorEmissions } from '../../src/analyses/carbon/carbonBudgets.js';
import { cbamExposure, type CbamExposureOutput } from '../../src/analyses/carbon/cbamExposure.js';
import { mrioAccounts } from '../../src/analyses/carbon/mrioAccounts.js';
import { createApp } from '../../src/server/app.js';
import { caught, tempStore, type TempStore } from '../helpers/tempStore.js';

let t: TempStore;
let app: Hono;
beforeAll(async () => {
  t = await tempStore();
  app = createApp({ store: t.store, maxUploadBytes: 1_000_000 });
});
afterAll(() => t.cleanup());

const csv = (text: string): { bytes: Uint8Array; fileName: string } => ({ bytes: new TextEncoder().encode(text), fileName: 'shipments.csv' });
const run = (text: string, spec: Record<string, unknown> = {}): Promise<CbamExposureOutput> => cbamExposure(t.store, csv(text), { allowUnverified: true, ...spec });
const HEAD = 'cn_code,origin,quantity_t,year';
const close = (a: number | null | undefined, b: number): void => expect(a).toBeCloseTo(b, 9);

describe('CBAM exposure on the bundled law tables', () => {
  it('hot-rolled steel from China on the default value: 3.187 t/t × 1.10 in 2026, certificates priced', async () => {
    // 100 t × 3.187 × 1.10 = 350.57 tCO2e; no benchmark given, so no free-allocation adjustment; × €75.36 = €26,418.9552.
    const r = await run(`${HEAD}\n7208 51 20,China,100,2026\n`, { price: 75.36 });
    const l = r.lines[0]!;
    expect(l.good_cn).toBe('7208');
    expect(l.product_group).toBe('Iron and steel');
    expect(l.default_value).toMatchObject({ direct: 3.187, total: 3.187, status: 'secondary' });
    expect(l.default_value?.citation).toContain('2025/2621');
    expect(l.default_value?.citation).toContain('2026/1740');
    close(l.see_tco2_per_t, 3.5057);
    close(l.embedded_tco2, 350.57);
    close(l.cost_eur, 26418.9552);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['cbam.no_benchmark', 'cbam.unverified_law_used']));
    // Every law row used is listed with its citation and status.
    expect(r.law.used.find((u) => u.rule === 'markup_pct' && u.key === 'Iron and steel from 2026')).toMatchObject({ value: 10, status: 'secondary' });
    expect(r.provenance.inputs.map((i) => i.name)).toContain('shipments.csv');
  });

  it('carries the 2028 mark-up forward, applies the fertiliser 1 % to the total column, and the free-allocation factor', async () => {
    const r = await run(`${HEAD},benchmark_tco2_per_t\n72085120,CHN,100,2030,\n31021012,CHN,1000,2027,\n72085120,CHN,100,2027,1.37\n`);
    close(r.lines[0]!.see_tco2_per_t, 3.187 * 1.3);
    // Urea: total 0.94 (not 0.90 + 0.05) × 1.01.
    close(r.lines[1]!.see_tco2_per_t, 0.9494);
    close(r.lines[1]!.embedded_tco2, 949.4);
    // 2027: 100 × 3.187 × 1.2 = 382.44; adjustment 100 × 1.37 × 0.95 = 130.15; 252.29 certificates.
    close(r.lines[2]!.free_allocation_adjustment_tco2, 130.15);
    close(r.lines[2]!.certificates, 252.29);
    expect(r.totals.cost_eur).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('cbam.no_price');
  });

  it('exempts a declarant within 50 t, prices 7203 from the fallback table, and counts indirect emissions of iron ore', async () => {
    const r = await run(`${HEAD},declarant\n25232900,CHN,20,2026,X\n7601,CHN,10,2026,X\n7203,CHN,60,2026,Y\n26011200,CHN,60,2026,Y\n`, { price: 80 });
    expect(r.lines.map((l) => l.exempt_de_minimis)).toEqual([true, true, false, false]);
    expect(r.threshold).toEqual(expect.arrayContaining([{ declarant: 'X', year: 2026, tonnes: 30, exempt: true }]));
    // 7203: China's table has no value; the "other countries" 1.325 × 1.1.
    close(r.lines[2]!.see_tco2_per_t, 1.4575);
    expect(r.lines[2]!.default_value?.citation).toContain('Other countries');
    // Agglomerated iron ore: total 0.26 × 1.1 with indirect counted.
    expect(r.lines[3]!.counts_indirect).toBe(true);
    close(r.lines[3]!.see_tco2_per_t, 0.286);
    expect(r.by_product.map((p) => p.good_cn)).toEqual(['25232900', '7601', '7203', '26011200']);
  });

  it('uses actual values without mark-up and reads an XLSX file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('shipments');
    ws.addRow(['cn_code', 'origin', 'quantity_t', 'year', 'direct_tco2_per_t']);
    ws.addRow(['76011000', 'China', 200, 2026, 2.5]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await cbamExposure(t.store, { bytes, fileName: 'shipments.xlsx' }, { price: 80, allowUnverified: true });
    expect(r.lines[0]!.basis).toBe('actual');
    expect(r.lines[0]!.default_value).toBeNull();
    close(r.lines[0]!.embedded_tco2, 500);
    close(r.totals.cost_eur, 40000);
  });

  it('reads a GBK-encoded file with the origin in Chinese', async () => {
    const bytes = new Uint8Array(iconv.encode(`${HEAD},declarant\n25232900,中国,100,2026,上海某进口商\n`, 'gbk'));
    const r = await cbamExposure(t.store, { bytes, fileName: 'gbk.csv' }, { allowUnverified: true });
    expect(r.lines[0]!.origin).toBe('CHN');
    expect(r.lines[0]!.declarant).toBe('上海某进口商');
    close(r.lines[0]!.see_tco2_per_t, 1.42 * 1.1);
  });

  it('without --allow-unverified a transcribed default is refused, naming the row and the way out', async () => {
    const e = await caught(() => cbamExposure(t.store, csv(`${HEAD}\n72085120,CHN,100,2026\n`), {}));
    expect(e).toMatchObject({ code: 'carbon.no_default_value', params: { row: 2, cn: '72085120', good: '7208', reason: 'unverified', status: 'secondary' } });
    expect(e.message).toContain('--allow-unverified');
  });

  it('names the row of every bad shipment line', async () => {
    const cases: [string, Record<string, unknown>][] = [
      [`${HEAD}\n72085120,CHN,100,2026\n84713000,CHN,5,2026\n`, { code: 'carbon.unknown_cn_code', params: { row: 3, value: '84713000' } }],
      [`${HEAD}\n72085120,CHN,,2026\n`, { code: 'carbon.bad_quantity', params: { row: 2, column: 'quantity_t' } }],
      [`${HEAD}\n72085120,CHN,-3,2026\n`, { code: 'carbon.bad_quantity', params: { row: 2, column: 'quantity_t', value: '-3' } }],
      [`${HEAD}\n72085120,CHN,1200 kg,2026\n`, { code: 'carbon.bad_unit', params: { row: 2, column: 'quantity_t' } }],
      ['cn_code,origin,quantity_kg,year\n72085120,CHN,1200,2026\n', { code: 'carbon.bad_unit', params: { column: 'quantity_kg' } }],
      [`${HEAD},direct_tco2_per_t\n72085120,CHN,10,2026,1850\n`, { code: 'carbon.bad_unit', params: { row: 2, column: 'direct_tco2_per_t' } }],
      [`${HEAD}\n72085120,CHN,ten,2026\n`, { code: 'import.non_numeric', params: { row: 2, column: 'quantity_t' } }],
      [`${HEAD}\n2523,CHN,10,2026\n`, { code: 'carbon.ambiguous_cn_code', params: { row: 2, value: '2523' } }],
      [`${HEAD}\n3102,CHN,10,2026\n`, { code: 'carbon.no_default_value', params: { row: 2, cn: '3102', reason: 'heading_only', candidates: expect.arrayContaining(['31021012']) } }],
      [`${HEAD}\n31021010,CHN,10,2026\n`, { code: 'carbon.no_default_value', params: { row: 2, good: '3102', reason: 'heading_only' } }],
      [`${HEAD}\n72085120,IND,10,2026\n`, { code: 'carbon.no_default_value', params: { row: 2, reason: 'origin', origin: 'IND' } }],
      ['cn_code,origin,year\n72085120,CHN,2026\n', { code: 'import.missing_column', params: { column: 'quantity_t' } }],
      [`${HEAD}\n72085120,CHN,10,26\n`, { code: 'import.bad_year', params: { row: 2 } }],
    ];
    for (const [text, expected] of cases) expect(await caught(() => run(text)), text).toMatchObject(expected);
  });

  it('over HTTP: upload, law tables, and a coded 422 in the caller language', async () => {
    const res = await app.request('/api/carbon/cbam?file_name=s.csv&price=80&allow_unverified=true', { method: 'POST', body: `${HEAD}\n72085120,CHN,100,2026\n` });
    expect(res.status).toBe(200);
    close(((await res.json()) as CbamExposureOutput).totals.cost_eur, 350.57 * 80);
    const bad = await app.request('/api/carbon/cbam?file_name=s.csv', { method: 'POST', body: `${HEAD}\n99999999,CHN,1,2026\n`, headers: { 'accept-language': 'zh-CN' } });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('carbon.unknown_cn_code');
    expect(body.error.message).toContain('第 2 行');
    const law = (await (await app.request('/api/carbon/law')).json()) as { rules: { rule: string; citation: string }[]; defaults: unknown[] };
    expect(law.defaults).toHaveLength(260);
    expect(law.rules.every((r) => r.citation.length > 10)).toBe(true);
  });
});

describe('MRIO accounts from a file', () => {
  it('reads the pymrio test system and balances the accounts', () => {
    const text = readFileSync(new URL('../fixtures/reference/green/pymrio_small_mrio_fixture.json', import.meta.url), 'utf8');
    const r = mrioAccounts(text, 'fixture.json');
    const fx = JSON.parse(text) as { F_Y: number[][]; expected: { D_pba: number[][]; D_cba: number[][] } };
    expect(r.regions).toEqual(['reg1', 'reg2']);
    // Production-based total of stressor 1 in reg1 = the fixture's D_pba over reg1's sectors plus reg1's
    // direct final-demand emissions F_Y (pymrio's regional totals add F_Y).
    const pba = (fx.expected.D_pba[0] as number[]).slice(0, 3).reduce((s, v) => s + v, 0) + (fx.F_Y[0] as number[])[0]!;
    expect(r.accounts[0]?.production).toBeCloseTo(pba, 10);
    for (const a of r.accounts) expect(Math.abs(a.balance)).toBeLessThan(1e-9);
    expect(() => mrioAccounts('{"regions":["a"]}', 'x.json')).toThrow(/not usable/);
  });
});

describe('carbon budgets', () => {
  it('builds a budget from the CEADs baseline, keeps versions, and tracks it with a trend', async () => {
    const base = (await scopeEmissions(t.store, { kind: 'province', code: '310000', basis: 'province' })).points.find((p) => p.year === 2019)!.value;
    const made = await createBudget(t.store, { name: 'sh-test', scope: { kind: 'province', code: '310000' }, path: { kind: 'linear', baseYear: 2019, targetYear: 2030, targetReduction: 0.3 } });
    expect(made.version).toBe(1);
    expect(made.years).toHaveLength(11);
    expect(made.years[0]!.year).toBe(2020);
    expect(made.years[0]!.budget).toBeCloseTo(base - (0.3 * base) / 11, 9);
    expect(made.years.at(-1)!.budget).toBeCloseTo(0.7 * base, 9);
    const again = await createBudget(t.store, { name: 'sh-test', scope: { kind: 'province', code: '310000' }, years: [{ year: 2020, budget: 1 }, { year: 2021, budget: 1 }] });
    expect(again.version).toBe(2);
    const v1 = await budgetReport(t.store, 'sh-test', { version: 1 });
    expect(v1.tracking.totalBudget).toBeCloseTo(made.years.reduce((s, y) => s + y.budget, 0), 9);
    expect(v1.inventory.boundary.en).toContain('whole-province');
    expect(v1.warnings.map((w) => w.code)).toContain('budget.inventory_ends_before');
    // Estimates fill years after the inventory and are labelled.
    const withEstimates = await budgetReport(t.store, 'sh-test', { version: 1, estimates: [{ year: 2020, value: base }, { year: 2021, value: base }] });
    expect(withEstimates.tracking.usedToDate).toBeCloseTo(2 * base, 9);
    expect(withEstimates.warnings.map((w) => w.code)).toContain('budget.estimates_used');
    const v2 = await budgetReport(t.store, 'sh-test');
    expect(v2.budget.version).toBe(2);
    expect(v2.tracking.exhaustionYear).toBe(2020);
  });

  it('refuses an unknown zone, a base year outside the inventory, and lists sector emissions', async () => {
    expect(await caught(() => createBudget(t.store, { name: 'x', scope: { kind: 'zone', code: 'ZZ' }, years: [{ year: 2020, budget: 1 }] }))).toMatchObject({ code: 'zone.not_found' });
    expect(await caught(() => createBudget(t.store, { name: 'x', scope: { kind: 'province', code: '310000' }, path: { kind: 'linear', baseYear: 2024, targetYear: 2030, targetReduction: 0.2 } }))).toMatchObject({ code: 'carbon.bad_budget' });
    expect(await caught(() => budgetReport(t.store, 'no-such-budget'))).toMatchObject({ code: 'carbon.budget_not_found' });
    expect(await caught(() => budgetReport(t.store, 'sh-test', { version: 9 }))).toMatchObject({ code: 'carbon.budget_version_not_found', params: { versions: [1, 2] } });
    expect(await caught(() => createBudget(t.store, { name: 'bad name!', scope: { kind: 'province', code: '310000' }, years: [{ year: 2020, budget: 1 }] }))).toMatchObject({ code: 'carbon.budget_name_invalid' });
    expect(await caught(() => sectorEmissions(t.store, '310000', 2030))).toMatchObject({ code: 'carbon.no_inventory_year', params: { first: 1997, last: 2019 } });
    const s = await sectorEmissions(t.store, '310000', 2019);
    expect(s.sectors).toHaveLength(47);
    expect(s.sectors.reduce((sum, x) => sum + x.value, 0)).toBeCloseTo(s.total as number, 6);
    expect(s.sectors[0]!.value).toBeGreaterThanOrEqual(s.sectors[1]!.value);
  });

  it('over HTTP: create, list and report', async () => {
    const res = await app.request('/api/carbon/budgets', { method: 'POST', body: JSON.stringify({ name: 'sh-zone', scope: { kind: 'zone', code: 'SH', basis: 'cities' }, path: { kind: 'constant_rate', baseYear: 2019, targetYear: 2035, targetReduction: 0.5 } }) });
    expect(res.status).toBe(201);
    const list = (await (await app.request('/api/carbon/budgets')).json()) as { budgets: { name: string }[] };
    expect(list.budgets.map((b) => b.name)).toContain('sh-zone');
    const rep = (await (await app.request('/api/carbon/budgets/sh-zone')).json()) as { tracking: { rows: unknown[] }; paths: unknown[] };
    expect(rep.tracking.rows).toHaveLength(16);
  });
});
