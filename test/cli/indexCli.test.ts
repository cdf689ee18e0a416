import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/core/result.js';
import { runCli } from '../helpers/runCli.js';
import { unzipEntry } from '../helpers/unzip.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-index-cli-'));
  process.env.FTZLAB_DB = join(dir, 'cli.duckdb');
});
afterAll(() => {
  delete process.env.FTZLAB_DB;
  rmSync(dir, { recursive: true, force: true });
});

const cli = runCli;

describe('ftzlab index', () => {
  it('frameworks lists the shipped frameworks, --json gives them whole', async () => {
    const human = await cli(['index', 'frameworks'], 'zh');
    expect(human.out).toContain('nqpf-three-elements');
    expect(human.out).toContain('劳动者');
    const json = JSON.parse((await cli(['index', 'frameworks', '--json'])).out) as { frameworks: { id: string; missing_published: unknown[] }[] };
    expect(json.frameworks).toHaveLength(3);
  });

  it('run prints conventions, weights with sources, and scores for 31 provinces × 2010–2023, with progress on stderr', async () => {
    const { code, out, err } = await cli(['index', 'run', '--framework', 'nqpf-three-elements', '--replications', '20']);
    expect(code).toBe(0);
    expect(out).toContain('Methods and conventions');
    expect(out).toContain('min-max');
    expect(out).toContain('Indicators and weights');
    expect(out).toContain('techme.rd_activity');
    expect(out).toContain('Shanghai');
    expect(out.match(/\b2023\b/g)?.length).toBeGreaterThanOrEqual(31);
    expect(err).toContain('source: techme.rd_activity');
    expect(err).toContain('…');
  });

  it('run --spec --json prints one Result document', async () => {
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify({ framework: 'innovation-ecosystem', weights: { method: 'critic' }, aggregation: { method: 'topsis' } }));
    const { code, out } = await cli(['index', 'run', '--spec', spec, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as Result;
    expect(r.kind).toBe('nqpf_index');
    expect(r.tables.map((t) => t.name)).toContain('topsis');
  });

  it('run --out writes every table to XLSX and to a Word file of three-line tables', async () => {
    const xlsx = join(dir, 'index.xlsx');
    const docx = join(dir, 'index.docx');
    expect((await cli(['index', 'run', '--framework', 'nqpf-three-elements', '--out', xlsx], 'zh')).code).toBe(0);
    expect((await cli(['index', 'run', '--framework', 'nqpf-three-elements', '--out', docx], 'zh')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheets = wb.worksheets.map((w) => w.name);
    expect(sheets[0]).toBe('说明');
    expect(sheets).toEqual(expect.arrayContaining(['综合指数、分维度得分与位次', '指标与权重']));
    const scores = wb.getWorksheet('综合指数、分维度得分与位次');
    expect(typeof scores?.getRow(3).getCell(5).value).toBe('number');
    const xml = unzipEntry(readFileSync(docx), 'word/document.xml');
    expect(xml).toContain('指标与权重');
    // Three-line table: thick top rule (sz 12), thin rule under the header (sz 6), no vertical lines.
    expect(/<w:top w:val="single"[^>]*w:sz="12"/.test(xml)).toBe(true);
    expect(/<w:bottom w:val="single"[^>]*w:sz="6"/.test(xml)).toBe(true);
    expect(/<w:(left|right|insideV) w:val="single"/.test(xml)).toBe(false);
  });

  it('a bad spec exits non-zero with the coded message', async () => {
    const { code, err } = await cli(['index', 'run', '--framework', 'nqpf-three-elements', '--replications', '-1']);
    expect(code).toBe(2);
    expect(err).toContain('api.bad_request');
    const none = await cli(['index', 'run']);
    expect(none.code).toBe(2);
  });
});
