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
  it('diff, ratchet and score on editions, with proposed components and partial coverage said', async () => {
    const f = join(dir, 'base.txt');
    writeFileSync(f, fixture);
    expect((await runCli(['neglist', 'import', f, '--id', 'base', '--count', '10'])).code).toBe(0);
    // The later text raises the corn seed rule from Chinese control to a 34 % Chinese share and drops item 6.
    const later = fixture.replace('6 出版物印刷须由中方控股。\n', '').replace(/^(\d+) /gm, (_, n: string) => `${Number(n) > 6 ? Number(n) - 1 : n} `)
      .replace('玉米新品种选育和种子生产须由中方控股', '玉米新品种选育和种子生产的中方股比不低于34%');
    writeFileSync(f, later);
    expect((await runCli(['neglist', 'import', f, '--id', 'later', '--count', '9'])).code).toBe(0);
    const diff = JSON.parse((await runCli(['neglist', 'diff', 'base', 'later', '--json'])).out) as { diff: { changes: { link: { kind: string; from: string[] }; verdict: string; uncertain: boolean }[] } };
    const first = diff.diff.changes.find((c) => c.link.from.includes('base#1'))!;
    expect(first.verdict).toBe('relaxed');
    expect(diff.diff.changes.find((c) => c.link.from.includes('base#6'))).toMatchObject({ link: { kind: 'removed' }, verdict: 'relaxed', uncertain: false });
    const ratchet = JSON.parse((await runCli(['neglist', 'ratchet', 'base', 'later', '--json'])).out) as { result: { compliant: boolean } };
    expect(ratchet.result.compliant).toBe(true);
    const back = JSON.parse((await runCli(['neglist', 'ratchet', 'later', 'base', '--json'])).out) as { result: { compliant: boolean; violations: { uncertain: boolean }[] } };
    expect(back.result.compliant).toBe(false);
    expect(back.result.violations.every((v) => !v.uncertain)).toBe(true);
    // Between partly transcribed editions, measures "added" later may only be missing earlier.
    const partial = JSON.parse((await runCli(['neglist', 'ratchet', 'cn-fdi-national-2019', 'cn-fdi-national-2021', '--json'])).out) as { result: { violations: { uncertain: boolean; link: { kind: string } }[] } };
    expect(partial.result.violations.filter((v) => v.link.kind === 'added').every((v) => v.uncertain)).toBe(true);
    const score = JSON.parse((await runCli(['neglist', 'score', 'cn-fdi-national-2021', '--json'])).out) as { rows: number; transcribed: number; warnings: { code: string }[] };
    expect(score).toMatchObject({ rows: 31, transcribed: 16 });
    expect(score.warnings.map((w) => w.code)).toContain('neglist.partial_edition');
    // Sensitivity tiers: a version per save, the mean score per tier.
    const tiersFile = join(dir, 'tiers.csv');
    writeFileSync(tiersFile, 'section,tier,note\nA,1,food security\nL,2,\nM,3,\n');
    expect((await runCli(['neglist', 'tiers', 'mine', '--file', tiersFile])).out).toContain('version 1');
    expect((await runCli(['neglist', 'tiers', 'mine', '--file', tiersFile])).out).toContain('version 2');
    const tiered = JSON.parse((await runCli(['neglist', 'score', 'cn-fdi-national-2021', '--tiers', 'mine', '--json'])).out) as { byTier: { tiers: { tier: number; sections: string[] }[]; untiered: string[] } };
    expect(tiered.byTier.tiers.map((t) => t.tier)).toEqual([1, 2, 3]);
    expect(tiered.byTier.untiered.length).toBeGreaterThan(0);
    writeFileSync(tiersFile, 'section,tier\nZ,1\n');
    expect((await runCli(['neglist', 'tiers', 'bad', '--file', tiersFile])).code).toBe(2);
    // The gap to Annex I entries: no legal source and no industry code below the section in any Chinese entry.
    const gap = JSON.parse((await runCli(['neglist', 'gap', 'cn-fdi-national-2021', '--json'])).out) as { entries: { fields: { obligationsConcerned: string } }[]; summary: Record<string, number> };
    expect(gap.summary['measures']).toBe(gap.entries.length);
    expect(gap.summary['industryClassification']).toBe(gap.entries.length);
    expect(gap.entries.some((x) => x.fields.obligationsConcerned.includes('National Treatment'))).toBe(true);
    const out = join(dir, 'annex.docx');
    expect((await runCli(['neglist', 'gap', 'cn-fdi-national-2021', '--out', out])).code).toBe(0);
  });

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

  it('import reads the 序号 / 特别管理措施 table of a Word document', async () => {
    const { Document, Packer, Paragraph, Table, TableRow, TableCell } = await import('docx');
    const lines = fixture.split('\n').filter(Boolean);
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const rows = [new TableRow({ children: [cell('序号'), cell('特别管理措施')] })];
    for (const l of lines.slice(4)) {
      const m = /^(\d+) (.+)$/.exec(l);
      rows.push(new TableRow({ children: m ? [cell(m[1] as string), cell(m[2] as string)] : [cell(l), cell('')] }));
    }
    const doc = new Document({ sections: [{ children: [new Paragraph(lines[0] as string), new Paragraph('说明'), new Paragraph(lines[2] as string), new Table({ rows })] }] });
    const f = join(dir, 'list.docx');
    writeFileSync(f, await Packer.toBuffer(doc));
    const r = await runCli(['neglist', 'import', f, '--id', 'word-2021', '--count', '10', '--json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ measures: 10, sections: ['A', 'B', 'C', 'D', 'F', 'G'] });
    writeFileSync(f, 'not a zip');
    expect((await runCli(['neglist', 'import', f, '--id', 'word-bad'])).err).toContain('neglist.docx_invalid');
  });

  it('import reads an official-format text (GBK too) as a new version, and names the line of a numbering gap', async () => {
    const f = join(dir, 'list.txt');
    writeFileSync(f, iconv.encode(fixture, 'gbk'));
    const a = await runCli(['neglist', 'import', f, '--id', 'my-2021', '--count', '10', '--json']);
    expect(a.code).toBe(0);
    const imported = JSON.parse(a.out) as { proposed: { number: number; components: { kind: string; text: string }[] }[] };
    expect(imported).toMatchObject({ id: 'my-2021', version: 1, measures: 10, sections: ['A', 'B', 'C', 'D', 'F', 'G'] });
    // Proposed components: item 1 holds two equity rules (wheat: Chinese share ≥ 34 %; corn: Chinese control), item 2 a prohibition.
    expect(imported.proposed[0]?.components.map((c) => c.kind)).toEqual(['equity_cap', 'equity_cap']);
    expect(imported.proposed[1]?.components.map((c) => c.kind)).toEqual(['prohibition']);
    expect(imported.proposed[5]?.components[0]?.text).toContain('中方控股');
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
