import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PanelColumns, PanelColumnSpec } from '../../src/store/panelFile.js';
import { readPanelColumns } from '../../src/store/panelFile.js';
import { scanCsvColumns } from '../../src/store/plainCsv/scanCsvColumns.js';
import { readHeader, scanRange } from '../../src/store/plainCsv/scanRange.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ftzlab-plain-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPECS: PanelColumnSpec[] = [
  { name: 'id', type: 'code' }, { name: 't', type: 'int' }, { name: 'y', type: 'double' }, { name: 'name', type: 'text' },
];

/** Columns as plain arrays, doubles compared bit for bit (Object.is tells −0 from 0 and NaN from NaN). */
function plainOf(r: PanelColumns): Record<string, unknown> {
  const out: Record<string, unknown> = { rows: r.rows };
  for (const [k, v] of r.columns) {
    out[k] = Array.isArray(v) ? v : Array.from(v as Float64Array | Int32Array, (x) => (Object.is(x, -0) ? '-0' : x));
  }
  for (const [k, v] of r.labels) out[`${k}:labels`] = v;
  return out;
}

// Numbers in the notations a statistics package writes: signs, leading zeros, exponents, 17+ digits.
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => String(v)),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((v) => v.toFixed(5)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v.toExponential(12)),
  fc.tuple(fc.constantFrom('', '+', '-'), fc.stringMatching(/^[0-9]{1,25}$/), fc.stringMatching(/^[0-9]{0,25}$/))
    .map(([s, a, b]) => `${s}${a}${b ? `.${b}` : ''}`),
  fc.constantFrom('0', '-0', '.5', '5.', '0.1', '1e22', '1e23', '1e-22', '1e-23', '123456789012345678', '0.000000000000000000001'),
);
const idText = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/), fc.constantFrom('上海', '北京市海淀区中关村', 'Ürümqi', 'x'));

describe('the plain CSV scan', () => {
  it('reads exactly what the DuckDB path reads, bit for bit, on random plain files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(idText, fc.integer({ min: -2147483648, max: 2147483647 }), numberText, idText), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        async (rows, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          const body = rows.map(([id, t, y, name]) => `${id},${t},${y},${name},skip me`).join(eol);
          const plain = join(dir, 'plain.csv');
          const quoted = join(dir, 'quoted.csv');
          writeFileSync(plain, `id,t,y,name,other${eol}${body}${eol}`);
          // The same table with a quoted header: the scan declines it, so DuckDB reads it.
          writeFileSync(quoted, `"id",t,y,name,other${eol}${body}${eol}`);
          const fast = await scanCsvColumns(plain, SPECS, 0x2c);
          expect(fast).not.toBeNull();
          expect(await scanCsvColumns(quoted, SPECS, 0x2c)).toBeNull();
          expect(plainOf(fast as PanelColumns)).toEqual(plainOf(await readPanelColumns(quoted, SPECS)));
        },
      ),
      { numRuns: 60, seed: 20240101 },
    );
  });

  it('carries lines across blocks and grows a block for a line longer than it', () => {
    const path = join(dir, 'blocks.csv');
    const ids = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? 'a'.repeat(90) + i : `u${i % 37}`));
    writeFileSync(path, `id,t,y,name\n${ids.map((id, i) => `${id},${i},${i / 8},n${i}`).join('\n')}`); // no final line feed
    const fd = openSync(path, 'r');
    try {
      const h = readHeader(fd, 0x2c);
      expect(h?.names).toEqual(['id', 't', 'y', 'name']);
      for (const block of [16, 64, 1000, 1 << 20]) {
        const r = scanRange(fd, h!.dataStart, statSync(path).size, h!.names, SPECS, 0x2c, true, undefined, block);
        expect(r?.rows).toBe(300);
        const codes = r!.values[0] as Int32Array;
        const labels = r!.coders[0]!.labels;
        expect(Array.from(codes.subarray(0, 300), (c) => labels[c])).toEqual(ids);
        expect(Array.from((r!.values[2] as Float64Array).subarray(0, 300))).toEqual(ids.map((_, i) => i / 8));
        expect((r!.values[3] as string[]).at(-1)).toBe('n299');
      }
    } finally {
      closeSync(fd);
    }
  });

  it('splits a large file between two threads and keeps codes in order of first appearance', async () => {
    const path = join(dir, 'large.csv');
    // ~6 MB: above the split size. Units 0..N−1 appear in order; the second half also repeats early units.
    const lines: string[] = [];
    const N = 60_000;
    for (let i = 0; i < N; i++) for (let t = 1; t <= 4; t++) lines.push(`unit-${i},${t},${(i * 0.37 + t) / 3},${i % 5 === 0 ? '甲' : 'b'}`);
    for (let i = 0; i < 1000; i++) lines.push(`unit-${i},5,${i},b`);
    writeFileSync(path, `id,t,y,name\n${lines.join('\n')}\n`);
    expect(statSync(path).size).toBeGreaterThan(4 << 20);
    const r = (await scanCsvColumns(path, SPECS, 0x2c))!;
    expect(r.rows).toBe(4 * N + 1000);
    const labels = r.labels.get('id')!;
    expect(labels.length).toBe(N);
    expect(labels.slice(0, 3)).toEqual(['unit-0', 'unit-1', 'unit-2']);
    expect(labels.at(-1)).toBe(`unit-${N - 1}`);
    const codes = r.columns.get('id') as Int32Array;
    expect(codes[4 * N - 1]).toBe(N - 1);
    expect(Array.from(codes.subarray(4 * N, 4 * N + 3))).toEqual([0, 1, 2]);
    expect((r.columns.get('y') as Float64Array)[4 * N + 999]).toBe(999);
    expect((r.columns.get('name') as string[])[4 * (N - 5)]).toBe('甲');
  });

  it('declines what is not plain, and the panel reader still reads it or names the problem', async () => {
    const cases: [string, string | Buffer][] = [
      ['quoted cell', 'id,t,y,name\n"a,b",1,2,x\n'],
      ['missing-value token', 'id,t,y,name\na,1,NA,x\n'],
      ['empty required cell', 'id,t,y,name\na,1,,x\n'],
      ['ragged row', 'id,t,y,name\na,1,2\n'],
      ['space in a number', 'id,t,y,name\na,1, 2,x\n'],
      ['decimal comma', 'id,t,y,name\na,1,2;5,x\n'],
      ['integer that is not one', 'id,t,y,name\na,1.0,2,x\n'],
      ['empty line inside', 'id,t,y,name\na,1,2,x\n\nb,1,2,x\n'],
      ['GBK label', iconv.encode('id,t,y,name\n上海,1,2,x\n', 'gbk')],
      ['missing column', 'id,t,name\na,1,x\n'],
    ];
    for (const [what, text] of cases) {
      const path = join(dir, 'odd.csv');
      writeFileSync(path, text);
      expect(await scanCsvColumns(path, SPECS, 0x2c), what).toBeNull();
    }
    writeFileSync(join(dir, 'odd.csv'), 'id,t,y,name\n"a,b",1,2.5,x\n');
    const r = await readPanelColumns(join(dir, 'odd.csv'), SPECS);
    expect(r.labels.get('id')).toEqual(['a,b']);
    expect((r.columns.get('y') as Float64Array)[0]).toBe(2.5);
  });
});
