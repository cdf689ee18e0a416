import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/analyses/datasets.js';
import { listDatasets, readDataset } from '../../src/store/datasets.js';
import { caught, tempStore, type TempStore } from '../helpers/tempStore.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const gbk = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gbk'));

let t: TempStore;
beforeAll(async () => { t = await tempStore(); });
afterAll(() => t.cleanup());

describe('CSV import: good files', () => {
  it('imports a UTF-8 long table and types value as number and year as integer', async () => {
    const csv = 'region,year,indicator,value\n310000,2020,gdp,38700.58\n310000,2021,gdp,43214.85\n110000,2021,gdp,40269.6\n';
    const out = await importDataset(t.store, utf8(csv), 'long.csv', { dataset: 'long_utf8' });
    expect(out.dataset.layout).toBe('long');
    expect(out.dataset.encoding).toBe('utf-8');
    expect(out.observations).toBe(3);
    const content = await readDataset(t.store, 'long_utf8');
    expect(content.rows[0]).toEqual({ region: '310000', year: 2020, indicator: 'gdp', value: 38700.58 });
    expect(content.dataset.columns.map((c) => [c.name, c.type, c.role])).toEqual([
      ['region', 'text', 'region'], ['year', 'integer', 'year'], ['indicator', 'text', 'indicator'], ['value', 'number', 'value'],
    ]);
  });

  it('strips a UTF-8 BOM so the first header is not "\\ufeff地区"', async () => {
    const csv = '\ufeff地区,年份,专利\n上海,2022,100\n北京,2022,200\n';
    const out = await importDataset(t.store, utf8(csv), 'bom.csv', { dataset: 'bom' });
    expect(out.dataset.encoding).toBe('utf-8-bom');
    expect(out.dataset.columns[0]?.name).toBe('地区');
    expect(out.dataset.layout).toBe('wide');
  });

  it('detects a GBK file saved by Chinese Excel, with Chinese headers, and maps regions to GB/T 2260 codes', async () => {
    const bytes = readFileSync(new URL('../fixtures/excel_gbk_wide.csv', import.meta.url));
    const out = await importDataset(t.store, bytes, 'excel_gbk_wide.csv', { dataset: '地区生产总值' });
    expect(out.dataset.encoding).toBe('gb18030');
    expect(out.dataset.columns.map((c) => c.name)).toEqual(['地区', '年份', '地区生产总值（亿元）']);
    expect(out.observations).toBe(18);
    expect(out.indicators).toEqual(['地区生产总值.地区生产总值（亿元）']);
    const obs = await t.store.all<{ region: string; value: number }>(
      "SELECT region, value FROM user_observation WHERE dataset = '地区生产总值' AND year = 2023 ORDER BY region",
    );
    expect(obs.find((o) => o.region === '310000')?.value).toBe(51404.5);
    expect(obs.find((o) => o.region === '650000')?.value).toBe(19603.3);
  });

  it('reads a GBK file when told --encoding gbk', async () => {
    const out = await importDataset(t.store, gbk('省份,年份,研发经费\n广东省,2023,4802.6\n'), 'x.csv', { dataset: 'gbk_forced', encoding: 'gbk' });
    expect(out.dataset.columns.map((c) => c.name)).toEqual(['省份', '年份', '研发经费']);
  });

  it('keeps missing cells missing and says so in a warning', async () => {
    const out = await importDataset(t.store, utf8('地区,年份,x\n上海,2020,1\n北京,2020,NA\n天津,2020,\n'), 'm.csv', { dataset: 'missing' });
    const rows = (await readDataset(t.store, 'missing')).rows;
    expect(rows.map((r) => r.x)).toEqual([1, null, null]);
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'import.missing_values', details: { column: 'x', count: 2 } })]);
  });

  it('keeps leading zeros of text codes', async () => {
    await importDataset(t.store, utf8('hs,description\n0101,horses\n010121,pure-bred\n'), 'hs.csv', { dataset: 'hs_codes' });
    const rows = (await readDataset(t.store, 'hs_codes')).rows;
    expect(rows.map((r) => r.hs)).toEqual(['0101', '010121']);
  });

  it('makes a re-import a new version and keeps the old one', async () => {
    await importDataset(t.store, utf8('地区,年份,v\n上海,2020,1\n'), 'v1.csv', { dataset: 'versioned' });
    await importDataset(t.store, utf8('地区,年份,v\n上海,2020,2\n'), 'v2.csv', { dataset: 'versioned' });
    expect((await readDataset(t.store, 'versioned')).rows[0]?.v).toBe(2);
    expect((await readDataset(t.store, 'versioned', 1)).rows[0]?.v).toBe(1);
    const listed = (await listDatasets(t.store)).find((d) => d.name === 'versioned');
    expect([listed?.version, listed?.versions]).toEqual([2, 2]);
  });
});

describe('CSV import: bad files get a coded error naming the place, and nothing is written', () => {
  const countDatasets = async (): Promise<number> =>
    (await t.store.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM dataset'))?.n ?? -1;

  it('rejects a GBK file declared as UTF-8, naming the line', async () => {
    const before = await countDatasets();
    const err = await caught(() => importDataset(t.store, gbk('地区,年份,值\n上海,2020,1\n'), 'g.csv', { dataset: 'bad_enc', encoding: 'utf8' }));
    expect(err.code).toBe('import.encoding_invalid');
    expect(err.params).toMatchObject({ file: 'g.csv', line: 1, encoding: 'UTF-8' });
    expect(err.message).toContain('--encoding gbk');
    expect(await countDatasets()).toBe(before);
  });

  it('rejects a long table without a value column', async () => {
    const err = await caught(() => importDataset(t.store, utf8('地区,年份,指标\n上海,2020,gdp\n'), 'l.csv', { dataset: 'nolong', layout: 'long' }));
    expect(err.code).toBe('import.missing_column');
    expect(err.params).toMatchObject({ column: '值', layout: 'long', found: ['地区', '年份', '指标'] });
  });

  it('rejects a wide table without a year column', async () => {
    const err = await caught(() => importDataset(t.store, utf8('地区,gdp\n上海,1\n'), 'w.csv', { dataset: 'noyear', layout: 'wide' }));
    expect(err.code).toBe('import.missing_column');
    expect(err.params.column).toBe('年份');
  });

  it('rejects a duplicate region–year key, naming both rows', async () => {
    const err = await caught(() => importDataset(t.store, utf8('地区,年份,x\n上海,2020,1\n北京,2020,2\n上海市,2020,3\n'), 'd.csv', { dataset: 'dup' }));
    // 上海 and 上海市 are one region once matched to its code, so this is a duplicate.
    expect(err).toMatchObject({ code: 'import.duplicate_key', params: { row: 4, firstRow: 2 } });
  });

  it('rejects an exact duplicate key, naming both rows', async () => {
    const err = await caught(() => importDataset(t.store, utf8('地区,年份,x\n上海,2020,1\n北京,2020,2\n上海,2020,3\n'), 'd.csv', { dataset: 'dup2' }));
    expect(err.code).toBe('import.duplicate_key');
    expect(err.params).toMatchObject({ row: 4, firstRow: 2 });
  });

  it('rejects a non-numeric cell in a numeric column, naming row, column and value', async () => {
    const err = await caught(() => importDataset(t.store, utf8('地区,年份,gdp\n上海,2020,1\n北京,2020,2\n天津,2020,3O5\n'), 'n.csv', { dataset: 'nonnum' }));
    expect(err.code).toBe('import.non_numeric');
    expect(err.params).toEqual({ file: 'n.csv', row: 4, column: 'gdp', value: '3O5' });
  });

  it('rejects an empty file and a header without rows', async () => {
    expect((await caught(() => importDataset(t.store, utf8(''), 'e.csv', { dataset: 'empty' }))).code).toBe('import.empty_file');
    expect((await caught(() => importDataset(t.store, utf8('\n\n'), 'e.csv', { dataset: 'empty' }))).code).toBe('import.empty_file');
    expect((await caught(() => importDataset(t.store, utf8('地区,年份,x\n'), 'h.csv', { dataset: 'empty' }))).code).toBe('import.no_rows');
  });

  it('rejects a huge cell before it reaches the database', async () => {
    const big = 'x'.repeat(40_000);
    const err = await caught(() => importDataset(t.store, utf8(`a,b\n1,${big}\n`), 'big.csv', { dataset: 'huge' }));
    expect(err.code).toBe('import.cell_too_large');
    expect(err.params).toMatchObject({ row: 2, column: 'b', limit: 32768 });
  });

  it('rejects a row with more cells than the header', async () => {
    const err = await caught(() => importDataset(t.store, utf8('a,b\n1,2\n3,4,5\n'), 'r.csv', { dataset: 'ragged' }));
    expect(err).toMatchObject({ code: 'import.row_width', params: { row: 3, expected: 2, found: 3 } });
  });

  it('rejects an unknown region and a bad year', async () => {
    const r = await caught(() => importDataset(t.store, utf8('地区,年份,x\n上海,2020,1\n火星,2020,2\n'), 'u.csv', { dataset: 'mars' }));
    expect(r).toMatchObject({ code: 'import.unknown_region', params: { row: 3, value: '火星' } });
    const y = await caught(() => importDataset(t.store, utf8('地区,年份,x\n上海,二〇二〇,1\n'), 'y.csv', { dataset: 'year' }));
    expect(y).toMatchObject({ code: 'import.bad_year', params: { row: 2, value: '二〇二〇' } });
  });

  it('rejects duplicate and empty header names, and an unclosed quote', async () => {
    expect((await caught(() => importDataset(t.store, utf8('a,a\n1,2\n'), 'h.csv', { dataset: 'hd' }))).code).toBe('import.header_duplicate');
    expect((await caught(() => importDataset(t.store, utf8('a,,c\n1,2,3\n'), 'h.csv', { dataset: 'he' }))).code).toBe('import.header_empty');
    expect((await caught(() => importDataset(t.store, utf8('a,b\n"1,2\n'), 'q.csv', { dataset: 'hq' }))).code).toBe('import.unclosed_quote');
  });

  it('rejects an invalid dataset name and an unsupported extension', async () => {
    expect((await caught(() => importDataset(t.store, utf8('a\n1\n'), 'x.csv', { dataset: 'bad name!' }))).code).toBe('dataset.name_invalid');
    expect((await caught(() => importDataset(t.store, utf8('a\n1\n'), 'x.doc', { dataset: 'ok' }))).code).toBe('import.unsupported_format');
  });
});
