import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CsDidOutput } from '../../src/analyses/did/csDid.js';
import { runCli } from '../helpers/runCli.js';

const mpdta = fileURLToPath(new URL('../fixtures/reference/econ/mpdta.csv', import.meta.url));

/** R did 2.5.1 on mpdta, from the reference file (spec reg_never_analytic, dr_never_analytic). */
function reference(spec: string, type: string): number[] {
  const lines = readFileSync(new URL('../fixtures/reference/econ/mpdta_aggte.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
  const row = lines.map((l) => l.split(',').map((c) => c.replaceAll('"', ''))).find((c) => c[0] === spec && c[1] === type && c[2] === 'overall');
  return [Number(row?.[4]), Number(row?.[5])];
}

describe('ftzlab did cs', () => {
  it('prints the documented JSON and reproduces R did on mpdta (outcome regression, never-treated controls)', async () => {
    const { code, out } = await runCli(['did', 'cs', '--data', mpdta, '--id', 'countyreal', '--time', 'year', '--group', 'first.treat', '--outcome', 'lemp', '--method', 'reg', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as CsDidOutput;
    expect(Object.keys(r)).toEqual(['att_gt', 'aggregates', 'pretest', 'warnings', 'provenance']);
    expect(r.att_gt[0]).toMatchObject({ group: 2004, time: 2004 });
    expect(r.att_gt[0]?.att).toBeCloseTo(-0.01050325, 7);
    const [att, se] = reference('reg_never_analytic', 'simple');
    expect(r.aggregates.simple.att).toBeCloseTo(att as number, 6);
    expect(r.aggregates.simple.se).toBeCloseTo(se as number, 6);
    expect(r.pretest?.p).toBeCloseTo(0.16812, 4);
    expect(r.provenance.inputs[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints tables for people, and names a missing column', async () => {
    const human = await runCli(['did', 'cs', '--data', mpdta, '--id', 'countyreal', '--time', 'year', '--group', 'first.treat', '--outcome', 'lemp', '--covariates', 'lpop'], 'zh');
    expect(human.code).toBe(0);
    expect(human.out).toContain('事件研究系数');
    const bad = await runCli(['did', 'cs', '--data', mpdta, '--id', 'countyreal', '--time', 'year', '--group', 'first_treat', '--outcome', 'lemp']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('import.missing_column');
  });
});
