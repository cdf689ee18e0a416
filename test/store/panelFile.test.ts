import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPanelColumns } from '../../src/store/panelFile.js';
import { caught } from '../helpers/tempStore.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ftzlab-panel-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a panel file into typed columns', () => {
  it('reads the mpdta fixture (2,500 rows) into Int32 and Float64 columns', async () => {
    const r = await readPanelColumns(new URL('../fixtures/reference/econ/mpdta.csv', import.meta.url).pathname, [
      { name: 'countyreal', type: 'int' }, { name: 'year', type: 'int' }, { name: 'first.treat', type: 'int' }, { name: 'lemp', type: 'double' },
    ]);
    expect(r.rows).toBe(2500);
    const lemp = r.columns.get('lemp') as Float64Array;
    expect(lemp).toBeInstanceOf(Float64Array);
    expect(Number.isFinite(lemp[0])).toBe(true);
    expect(new Set(r.columns.get('first.treat') as Int32Array)).toEqual(new Set([0, 2004, 2006, 2007]));
  });

  it('reads a text column as dense codes in order of first appearance, with its labels', async () => {
    const path = join(dir, 'codes.csv');
    // Inline (≤ 12 bytes) and longer UTF-8 labels, non-ASCII bytes, an empty cell, repeats apart and together.
    const ids = ['上海', '上海', 'b', '北京市海淀区中关村', 'b', 'x1', '', '上海', 'ÿÿ', '北京市海淀区中关村', 'x1', 'b'];
    writeFileSync(path, `id,y\n${ids.map((v, i) => `${v},${i}`).join('\n')}\n`);
    const r = await readPanelColumns(path, [{ name: 'id', type: 'code', optional: true }, { name: 'y', type: 'double' }]);
    const codes = r.columns.get('id') as Int32Array;
    const labels = r.labels.get('id') as readonly string[];
    expect(codes).toBeInstanceOf(Int32Array);
    expect(labels).toEqual(['上海', 'b', '北京市海淀区中关村', 'x1', '', 'ÿÿ']);
    expect([...codes].map((c) => labels[c])).toEqual(ids);
  });

  it('reads a GBK CSV with Chinese headers', async () => {
    const path = join(dir, 'gbk.csv');
    writeFileSync(path, iconv.encode('省份,年份,处理年份,专利\r\n上海,2019,2013,1.5\r\n北京,2019,0,2\r\n', 'gbk'));
    const r = await readPanelColumns(path, [{ name: '年份', type: 'int' }, { name: '专利', type: 'double' }, { name: '省份', type: 'text' }]);
    expect([...(r.columns.get('专利') as Float64Array)]).toEqual([1.5, 2]);
    expect(r.columns.get('省份')).toEqual(['上海', '北京']);
  });

  it('names a missing column, a non-numeric cell with its line, and an empty required cell', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'id,t,y\n1,2000,0.5\n2,2000,n/a\n3,2000,\n');
    expect(await caught(() => readPanelColumns(path, [{ name: 'g', type: 'int' }]))).toMatchObject({ code: 'import.missing_column', params: { column: 'g' } });
    expect(await caught(() => readPanelColumns(path, [{ name: 'y', type: 'double' }]))).toMatchObject({ code: 'import.non_numeric', params: { row: 3, value: 'n/a' } });
    writeFileSync(path, 'id,t,y\n1,2000,0.5\n3,2000,\n');
    expect(await caught(() => readPanelColumns(path, [{ name: 'y', type: 'double' }]))).toMatchObject({ code: 'import.non_numeric', params: { row: 3, value: '' } });
    const opt = await readPanelColumns(path, [{ name: 'y', type: 'double', optional: true }]);
    expect(Number.isNaN((opt.columns.get('y') as Float64Array)[1])).toBe(true);
  });
});
