import { mkdtempSync, rmSync } from 'node:fs';
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
});
