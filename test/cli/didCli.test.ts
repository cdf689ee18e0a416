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

describe('ftzlab did twfe / event / sunab / impute and synth sdid', () => {
  const cols = ['--data', mpdta, '--id', 'countyreal', '--time', 'year', '--group', 'first.treat', '--outcome', 'lemp'];

  it('did twfe reproduces the lm coefficient on mpdta (−0.0365489) with a clustered SE', async () => {
    const { code, out } = await runCli(['did', 'twfe', ...cols, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as { coefficients: { term: string; estimate: number; se: number }[]; nobs: number };
    expect(r.coefficients[0]?.estimate).toBeCloseTo(-0.0365489367, 8);
    expect(r.coefficients[0]?.se).toBeCloseTo(0.01326516, 6);
    expect(r.nobs).toBe(2500);
  });

  it('did event, sunab and impute print event-time coefficients', async () => {
    for (const cmd of ['event', 'sunab', 'impute']) {
      const { code, out } = await runCli(['did', cmd, ...cols, '--json']);
      expect(code).toBe(0);
      const r = JSON.parse(out) as { by_e: { e: number }[] };
      expect(r.by_e.map((x) => x.e)).toContain(0);
    }
    const human = await runCli(['did', 'impute', ...cols], 'zh');
    expect(human.out).toContain('总体效应');
  });

  it('synth sdid reproduces Arkhangelsky et al. (2021) Table 1 for California (−15.6)', async () => {
    const prop99 = fileURLToPath(new URL('../fixtures/reference/econ/california_prop99.csv', import.meta.url));
    const { code, out } = await runCli(['synth', 'sdid', '--data', prop99, '--unit', 'State', '--time', 'Year', '--outcome', 'PacksPerCapita', '--treated', 'California', '--from', '1989', '--replications', '50', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as { estimate: number; se: number; unit_weights: unknown[] };
    expect(r.estimate).toBeCloseTo(-15.6, 1);
    expect(r.se).toBeGreaterThan(4);
    expect(r.unit_weights.length).toBeGreaterThan(3);
  });
});

