import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importDataset, importDatasetFile } from '../../src/analyses/datasets.js';
import { Store } from '../../src/store/duckdb.js';
import { readDataset } from '../../src/store/datasets.js';
import { inspectZip } from '../../src/store/import/zipInspect.js';
import { caught, tempStore, type TempStore } from '../helpers/tempStore.js';

let t: TempStore;
let dir: string;
beforeAll(async () => {
  t = await tempStore();
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-files-'));
});
afterAll(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function workbook(sheets: Record<string, (string | number | null)[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('XLSX import', () => {
  it('reads the first sheet by default, with numbers typed', async () => {
    const bytes = await workbook({
      说明: [['地区', '年份', '研发经费'], ['上海市', 2023, 2049.6], ['北京市', 2023, null]],
      其他: [['a'], [1]],
    });
    const out = await importDataset(t.store, bytes, 'rd.xlsx', { dataset: 'xlsx_first' });
    expect(out.dataset.layout).toBe('wide');
    const rows = (await readDataset(t.store, 'xlsx_first')).rows;
    expect(rows).toEqual([
      { 地区: '上海市', 年份: 2023, 研发经费: 2049.6 },
      { 地区: '北京市', 年份: 2023, 研发经费: null },
    ]);
  });

  it('reads a named sheet with --sheet, and names the sheets when it is missing', async () => {
    const bytes = await workbook({ A: [['x'], [1]], 第二页: [['y', 'z'], ['a', 2]] });
    const out = await importDataset(t.store, bytes, 'two.xlsx', { dataset: 'xlsx_named', sheet: '第二页' });
    expect(out.dataset.columns.map((c) => c.name)).toEqual(['y', 'z']);
    const err = await caught(() => importDataset(t.store, bytes, 'two.xlsx', { dataset: 'xlsx_missing', sheet: 'nope' }));
    expect(err).toMatchObject({ code: 'import.sheet_not_found', params: { sheet: 'nope', sheets: ['A', '第二页'] } });
  });

  it('refuses a workbook that would unpack beyond the limit, before parsing it', async () => {
    // One highly repetitive cell: a few KB zipped, megabytes unpacked — a small zip bomb.
    const bytes = await workbook({ S: [['a'], ['x'.repeat(30_000)], ...Array.from({ length: 200 }, (_, i) => [`${i}`.padEnd(30_000, 'y')])] });
    const declared = inspectZip(bytes)?.unpacked ?? 0;
    expect(bytes.length).toBeLessThan(declared / 20);
    const err = await caught(() => importDataset(t.store, bytes, 'bomb.xlsx', { dataset: 'bomb' }, { limits: { maxUnpacked: 1024 * 1024 } }));
    expect(err).toMatchObject({ code: 'import.xlsx_too_large', params: { limit: 1024 * 1024 } });
  });

  it('refuses a file named .xlsx that is not a workbook', async () => {
    const err = await caught(() => importDataset(t.store, new TextEncoder().encode('a,b\n1,2\n'), 'fake.xlsx', { dataset: 'fake' }));
    expect(err.code).toBe('import.xlsx_invalid');
  });
});

describe('Parquet import', () => {
  it('reads a Parquet file written by DuckDB', async () => {
    const path = join(dir, 'p.parquet');
    const mem = await Store.open(':memory:');
    await mem.run(`COPY (SELECT * FROM (VALUES ('440000', 2022, 4411.9), ('320000', 2022, 3835.4)) v(region, year, rd)) TO '${path}' (FORMAT parquet)`);
    mem.close();
    const out = await importDatasetFile(t.store, path, { dataset: 'parquet_ok' });
    expect(out.dataset.layout).toBe('wide');
    expect((await readDataset(t.store, 'parquet_ok')).rows[0]).toEqual({ region: '440000', year: 2022, rd: 4411.9 });
  });

  it('rejects a broken Parquet file', async () => {
    const path = join(dir, 'broken.parquet');
    writeFileSync(path, 'PAR1 this is not parquet');
    expect((await caught(() => importDatasetFile(t.store, path, { dataset: 'parquet_bad' }))).code).toBe('import.parquet_invalid');
  });

  it('names a missing file', async () => {
    const err = await caught(() => importDatasetFile(t.store, join(dir, 'nope.csv'), { dataset: 'x' }));
    expect(err.code).toBe('import.file_not_found');
  });
});

describe('NBS data-portal export', () => {
  it('turns the untouched GB18030 export into long rows with indicator and unit, skipping empty cells and notes', async () => {
    const bytes = readFileSync(new URL('../fixtures/nbs_gdp_export_gb18030.csv', import.meta.url));
    const out = await importDataset(t.store, bytes, '分省年度数据.csv', { dataset: 'nbs_gdp' });
    expect(out.dataset.layout).toBe('nbs');
    expect(out.dataset.encoding).toBe('gb18030');
    expect(out.indicators).toEqual(['nbs_gdp.地区生产总值']);
    const content = await readDataset(t.store, 'nbs_gdp');
    expect(content.dataset.columns.map((c) => c.name)).toEqual(['地区', '年份', '指标', '单位', '值']);
    const bj2024 = content.rows.find((r) => r.地区 === '北京市' && r.年份 === 2024);
    expect(bj2024).toEqual({ 地区: '北京市', 年份: 2024, 指标: '地区生产总值', 单位: '亿元', 值: 49670.2 });
    expect(content.rows.some((r) => String(r.地区).startsWith('注'))).toBe(false);
    expect(out.observations).toBe(31 * 19);
  });
});

describe('imports are all-or-nothing', () => {
  it('leaves no dataset, table or observation behind when the write fails half-way', async () => {
    const tables = async (): Promise<number> => (await t.store.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name LIKE 'ds_%'"))?.n ?? -1;
    const obs = async (): Promise<number> => (await t.store.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM user_observation'))?.n ?? -1;
    const before = [await tables(), await obs()];
    const real = t.store.transaction.bind(t.store);
    const spy = vi.spyOn(t.store, 'transaction').mockImplementation((fn) =>
      real(async (tx) => {
        const out = await fn(tx);
        throw new Error('disk full (simulated after all rows were written)');
        return out;
      }),
    );
    const err = await caught(() => importDataset(t.store, new TextEncoder().encode('地区,年份,x\n上海,2020,1\n'), 'a.csv', { dataset: 'atomic' }));
    spy.mockRestore();
    expect(err.message).toContain('disk full');
    expect([await tables(), await obs()]).toEqual(before);
    expect((await caught(() => readDataset(t.store, 'atomic'))).code).toBe('dataset.not_found');
  });
});
