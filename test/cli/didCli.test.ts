import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CsDidOutput } from '../../src/analyses/did/csDid.js';
import { createRng } from '../../src/numeric/rng.js';
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

describe('ftzlab did placebo / mediate and synth sc', () => {
  const cols = ['--data', mpdta, '--id', 'countyreal', '--time', 'year', '--group', 'first.treat', '--outcome', 'lemp'];

  it('did placebo returns the real TWFE estimate, a permutation p-value and the density, replayable by seed', async () => {
    const a = JSON.parse((await runCli(['did', 'placebo', ...cols, '--draws', '200', '--seed', '3', '--json'])).out) as { real: { estimate: number }; p: number; estimates: number[]; density: { x: number[] } };
    const b = JSON.parse((await runCli(['did', 'placebo', ...cols, '--draws', '200', '--seed', '3', '--json'])).out) as { p: number; estimates: number[] };
    expect(a.real.estimate).toBeCloseTo(-0.0365489367, 8);
    expect(a.estimates).toHaveLength(200);
    expect(b.estimates).toEqual(a.estimates);
    expect(a.p).toBeGreaterThan(0);
    expect(a.density.x.length).toBeGreaterThan(10);
  });

  it('mediate recovers α and β on a simulated panel, with c = c′ + αβ, and refuses a mediator the fixed effects absorb', async () => {
    // y = 0.3·D + 0.5·m + unit + year + e, m = 0.8·D + u, D staggered: α = 0.8, β = 0.5 (seeded).
    const rng = createRng(11);
    const lines = ['id,t,g,m,y'];
    for (let i = 0; i < 300; i++) {
      const g = i % 3 === 0 ? 0 : i % 3 === 1 ? 4 : 6;
      const a = rng.normal();
      for (let t = 1; t <= 8; t++) {
        const d = g > 0 && t >= g ? 1 : 0;
        const m = 0.8 * d + 0.1 * t + 0.5 * rng.normal();
        lines.push(`${i},${t},${g},${m},${0.3 * d + 0.5 * m + a + 0.2 * t + 0.5 * rng.normal()}`);
      }
    }
    const path = join(mkdtempSync(join(tmpdir(), 'ftzlab-med-')), 'sim.csv');
    writeFileSync(path, lines.join('\n'));
    const { code, out } = await runCli(['did', 'mediate', '--data', path, '--id', 'id', '--time', 't', '--group', 'g', '--outcome', 'y', '--mediator', 'm', '--draws', '99', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as { total: { estimate: number }; alpha: { estimate: number; standardError: number }; beta: { estimate: number; standardError: number }; direct: { estimate: number }; indirect: { estimate: number }; limitations: unknown[] };
    expect(Math.abs(r.alpha.estimate - 0.8)).toBeLessThan(3 * r.alpha.standardError);
    expect(Math.abs(r.beta.estimate - 0.5)).toBeLessThan(3 * r.beta.standardError);
    expect(r.total.estimate).toBeCloseTo(r.direct.estimate + r.indirect.estimate, 10);
    expect(r.limitations.length).toBeGreaterThan(0);
    const absorbed = await runCli(['did', 'mediate', ...cols, '--mediator', 'lpop', '--draws', '0']);
    expect(absorbed.code).toBe(1);
    expect(absorbed.err).toContain('causal.collinear_mediator');
  });

  it('synth sc with the ADH predictors gives the ADH donor set (Utah, Nevada, Montana, Colorado, Connecticut)', async () => {
    const smoking = fileURLToPath(new URL('../fixtures/reference/econ/smoking_adh2010.csv', import.meta.url));
    const { code, out } = await runCli(['synth', 'sc', '--data', smoking, '--unit', 'state', '--time', 'year', '--outcome', 'cigsale', '--treated', 'California', '--from', '1989',
      '--predictors', 'lnincome@1980-1988,retprice@1980-1988,age15to24@1980-1988,beer@1984-1988,cigsale@1975,cigsale@1980,cigsale@1988', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as { weights: { unit: string; w: number }[]; pre_rmspe: number; path: { time: number; gap: number }[] };
    const top = r.weights.slice(0, 5).map((w) => w.unit).sort();
    expect(top).toEqual(['Colorado', 'Connecticut', 'Montana', 'Nevada', 'Utah']);
    expect(r.weights.find((w) => w.unit === 'Utah')?.w).toBeCloseTo(0.343, 1);
    expect(r.path.find((p) => p.time === 2000)?.gap).toBeCloseTo(-25.43, 0);
  });
});

