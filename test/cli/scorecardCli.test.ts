import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZoneScorecard } from '../../src/analyses/scorecard/zoneScorecard.js';
import { runCli } from '../helpers/runCli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-scorecard-cli-'));
  process.env.FTZLAB_DB = join(dir, 'cli.duckdb');
});
afterAll(() => {
  delete process.env.FTZLAB_DB;
  rmSync(dir, { recursive: true, force: true });
});

describe('ftzlab scorecard', () => {
  it('--all --json covers the 22 zones; every value names its data or analysis, and missing ones stay null with a reason', async () => {
    const r = await runCli(['scorecard', '--all', '--json']);
    expect(r.code).toBe(0);
    const zones = (JSON.parse(r.out) as { zones: ZoneScorecard[] }).zones;
    expect(zones).toHaveLength(22);
    for (const z of zones) {
      for (const items of Object.values(z.parts)) {
        expect(items.length).toBeGreaterThan(0);
        for (const it of items) {
          expect(it.source.kind === 'data' ? it.source.ids.length > 0 || it.value === null : it.source.name.length > 0).toBe(true);
          if (it.value === null) expect(it.missing?.en.length).toBeGreaterThan(0);
          else expect(it.missing).toBeNull();
        }
      }
    }
    // Trade data is not bundled: the FTA wing is missing for every zone, never 0.
    expect(zones.every((z) => z.parts.wing_fta[0]?.value === null)).toBe(true);
    const sh = zones.find((z) => z.zone.id === 'SH')!;
    expect(sh.parts.task_innovation[0]).toMatchObject({ key: 'rd_intensity', rank: { rank: 2 } });
  });

  it('--zone prints the parts in Chinese', async () => {
    const r = await runCli(['scorecard', '--zone', 'GD'], 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toContain('一基');
    expect(r.out).toContain('重点三');
  });

  it('--what-if with hand-set dimension weights lists the index change; a saved scenario adds its restrictiveness', async () => {
    const w = await runCli(['scorecard', '--zone', 'SH', '--dimension-weights', '1,3', '--what-if']);
    expect(w.code).toBe(0);
    expect(w.out).toMatch(/NQPF index[^\n]*0\.497/);
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ edition: 'cn-fdi-national-2021', remove: ['cn-fdi-national-2021#1'] }));
    const saved = await runCli(['neglist', 'scenario', 'save', 'open-a', '--spec', join(dir, 'scenario.json')]);
    expect(saved.code).toBe(0);
    expect(saved.out).toContain('open-a version 1');
    const listed = await runCli(['neglist', 'scenario', 'list', '--json']);
    expect((JSON.parse(listed.out) as { scenarios: { name: string }[] }).scenarios.map((x) => x.name)).toEqual(['open-a']);
    const s = await runCli(['scorecard', '--zone', 'SH', '--scenario', 'open-a', '--what-if']);
    expect(s.code).toBe(0);
    expect(s.out).toContain('restrictiveness under scenario "open-a"');
    const bad = await runCli(['scorecard', '--zone', 'SH', '--scenario', 'nope']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('open-a');
  }, 120_000);

  it('report writes the Word file and the spec it replays from; the replay gives the same tables', async () => {
    const out = join(dir, 'sh.docx');
    const spec = join(dir, 'sh.spec.json');
    const r = await runCli(['report', '--zone', 'SH', '--lang', 'en', '--out', out, '--save-spec', spec, '--replications', '50']);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const saved = JSON.parse(readFileSync(spec, 'utf8')) as { zone: string; index: { replications: number } };
    expect(saved).toMatchObject({ zone: 'SH', index: { replications: 50 } });
    const a = await runCli(['scorecard', '--spec', spec, '--zone', 'SH', '--json']);
    const b = await runCli(['scorecard', '--zone', 'SH', '--replications', '50', '--json']);
    expect(JSON.parse(a.out).zones).toEqual(JSON.parse(b.out).zones);
    const bad = await runCli(['report', '--zone', 'SH', '--out', join(dir, 'sh.odt')]);
    expect(bad.code).not.toBe(0);
    const none = await runCli(['report', '--out', join(dir, 'x.html')]);
    expect(none.err).toContain('one zone');
  }, 120_000);
});
