import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionSummary } from '../../src/analyses/neglist/lists.js';
import { runCli } from '../helpers/runCli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-neglist-cli-'));
  process.env.FTZLAB_DB = join(dir, 'cli.duckdb');
});
afterAll(() => {
  delete process.env.FTZLAB_DB;
  rmSync(dir, { recursive: true, force: true });
});
const fixture = readFileSync(new URL('../fixtures/neglist/national_2021_items_1-10.txt', import.meta.url), 'utf8');

describe('ftzlab neglist', () => {
  it('list --json shows every edition of the timeline with its official count and transcribed measures, each with its source', async () => {
    const r = await runCli(['neglist', 'list', '--json']);
    expect(r.code).toBe(0);
    const editions = (JSON.parse(r.out) as { editions: EditionSummary[] }).editions;
    expect(editions.filter((e) => e.origin === 'bundled')).toHaveLength(19);
    const n2021 = editions.find((e) => e.id === 'cn-fdi-national-2021')!;
    expect(n2021).toMatchObject({ officialCount: 31, transcribed: 16 });
    expect(editions.find((e) => e.id === 'cn-ftz-fdi-2013')).toMatchObject({ officialCount: 190, transcribed: 0 });
    const show = JSON.parse((await runCli(['neglist', 'show', 'cn-fdi-national-2021', '--json'])).out) as { measures: { number: number; status: string; sourceUrl: string }[] };
    expect(show.measures.map((m) => m.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    for (const m of show.measures) if (m.status === 'transcribed') expect(m.sourceUrl).toMatch(/^http/);
    expect(show.measures.filter((m) => m.status === 'not_transcribed')).toHaveLength(15);
  });

  it('import reads an official-format text (GBK too) as a new version, and names the line of a numbering gap', async () => {
    const f = join(dir, 'list.txt');
    writeFileSync(f, iconv.encode(fixture, 'gbk'));
    const a = await runCli(['neglist', 'import', f, '--id', 'my-2021', '--count', '10', '--json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out)).toMatchObject({ id: 'my-2021', version: 1, measures: 10, sections: ['A', 'B', 'C', 'D', 'F', 'G'] });
    const b = await runCli(['neglist', 'import', f, '--id', 'my-2021', '--json']);
    expect(JSON.parse(b.out)).toMatchObject({ version: 2 });
    const shown = await runCli(['neglist', 'show', 'my-2021', '--version', '1'], 'zh');
    expect(shown.out).toContain('出版物印刷须由中方控股');
    writeFileSync(f, fixture.replace('10 国内水上运输公司须由中方控股。', '12 国内水上运输公司须由中方控股。'));
    const bad = await runCli(['neglist', 'import', f, '--id', 'my-2021'], 'zh');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('第 20 行');
    // The failed import wrote nothing: the newest version is still 2.
    const list = JSON.parse((await runCli(['neglist', 'list', '--json'])).out) as { editions: EditionSummary[] };
    expect(list.editions.find((e) => e.id === 'my-2021')?.version).toBe(2);
  });
});
