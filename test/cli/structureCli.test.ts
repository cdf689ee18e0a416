import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZoneSimilarityOutput } from '../../src/analyses/structure/zoneSimilarity.js';
import { runCli } from '../helpers/runCli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-structure-cli-'));
  process.env.FTZLAB_DB = join(dir, 'cli.duckdb');
});
afterAll(() => {
  delete process.env.FTZLAB_DB;
  rmSync(dir, { recursive: true, force: true });
});

describe('ftzlab structure', () => {
  it('similarity --json covers the 22 zones; the table prints in Chinese', async () => {
    const r = await runCli(['structure', 'similarity', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as ZoneSimilarityOutput).zones).toHaveLength(22);
    const out = join(dir, 'similarity.docx');
    const zh = await runCli(['structure', 'similarity', '--level', 'sei', '--out', out], 'zh');
    expect(zh.out).toContain('聚类');
    expect(zh.err).toContain(out);
    const xlsx = join(dir, 'profile.xlsx');
    expect((await runCli(['structure', 'profile', '--zone', 'SH', '--out', xlsx])).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()))).toMatch(/VERIFIED/);
  });

  it('profile, partners and chain print their tables', async () => {
    expect((await runCli(['structure', 'profile', '--zone', 'GD'])).out).toMatch(/digital share/);
    expect((await runCli(['structure', 'partners', '--zone', 'GD'])).out).toMatch(/score/);
    const chain = await runCli(['structure', 'chain', '--sector', '20', '--zone', 'GD'], 'zh');
    expect(chain.out).toContain('补链');
  });

  it('complexity --json on a long file; a bad value exits 1 naming the row', async () => {
    const f = join(dir, 'long.csv');
    writeFileSync(f, 'r,p,v\nA,x,5\nA,y,5\nB,x,5\nC,y,1\nC,x,9\n');
    const ok = await runCli(['structure', 'complexity', '--data', f, '--region', 'r', '--product', 'p', '--value', 'v', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).regions).toHaveLength(3);
    writeFileSync(f, 'r,p,v\nA,x,5\nA,y,five\n');
    const bad = await runCli(['structure', 'complexity', '--data', f, '--region', 'r', '--product', 'p', '--value', 'v']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('row 3');
  });
});
