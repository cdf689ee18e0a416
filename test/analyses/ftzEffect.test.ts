import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftzEffect } from '../../src/analyses/did/ftzEffect.js';
import type { Result, Table } from '../../src/core/result.js';
import { runCli } from '../helpers/runCli.js';
import { unzipEntry } from '../helpers/unzip.js';
import { caught, tempStore, type TempStore } from '../helpers/tempStore.js';

let t: TempStore;
beforeAll(async () => { t = await tempStore(); });
afterAll(() => t.cleanup());

const tableOf = (r: Result, name: string): Table => r.tables.find((x) => x.name === name) as Table;
const values = (tb: Table, name: string): readonly (string | number | boolean | null)[] => tb.columns.find((c) => c.name === name)?.values ?? [];

describe('FTZ effect on a bundled outcome', () => {
  it('estimates TWFE, Callaway–Sant’Anna and imputation side by side, with event-study coefficients', async () => {
    const r = await ftzEffect(t.store, { outcome: 'patent_grant_invention', log: true });
    const est = tableOf(r, 'estimates');
    expect(values(est, 'estimator')).toEqual(expect.arrayContaining(['twfe', 'cs', 'impute']));
    for (const v of values(est, 'se') as number[]) expect(v).toBeGreaterThan(0);
    expect(new Set(values(tableOf(r, 'event_study'), 'estimator'))).toEqual(new Set(['event_study', 'sunab', 'impute', 'cs']));
    const timing = tableOf(r, 'timing');
    expect(values(timing, 'first_year')[values(timing, 'region').indexOf('310000')]).toBe(2013);
    expect(values(timing, 'first_year')[values(timing, 'region').indexOf('620000')]).toBeNull();
    expect(r.provenance.sources.map((s) => s.id)).toContain('techme.rd_patent_authority');
  });

  it('dates treatment by the chosen rule, which changes the estimate and is printed', async () => {
    const a = await ftzEffect(t.store, { outcome: 'gdp', log: true, estimators: ['twfe'] });
    const b = await ftzEffect(t.store, { outcome: 'gdp', log: true, estimators: ['twfe'], rule: 'approval_year' });
    expect(values(tableOf(a, 'estimates'), 'att')[0]).not.toBe(values(tableOf(b, 'estimates'), 'att')[0]);
    expect(values(tableOf(b, 'conventions'), 'value')).toContain('approval_year');
  });

  it('treats a zone set up after the data end as a control (Xinjiang 2023 for CO2 ending 2019)', async () => {
    const r = await ftzEffect(t.store, { outcome: 'co2_total', log: true, estimators: ['sunab', 'twfe'] });
    expect(r.warnings.map((w) => w.code)).not.toContain('did.estimator_failed');
  });

  it('answers an unknown outcome and a bad spec with coded errors', async () => {
    expect((await caught(() => ftzEffect(t.store, { outcome: 'nope' }))).code).toBe('indicator.not_found');
    expect((await caught(() => ftzEffect(t.store, { outcome: 'gdp', estimators: ['magic'] }))).code).toBe('api.bad_request');
  });

  it('adds a seeded placebo test, heterogeneity by batch and location with an equality test, and mechanism tests', async () => {
    const spec = { outcome: 'patent_grant_invention', log: true, estimators: ['twfe'] as const, placebo: { draws: 200, seed: 7 }, heterogeneity: ['batch', 'location'] as ('batch' | 'location')[], mediators: ['rd_expenditure'], mediationDraws: 99 };
    const r = await ftzEffect(t.store, { ...spec, estimators: [...spec.estimators] });
    const placebo = tableOf(r, 'placebo');
    expect(values(placebo, 'real')[0]).toBeCloseTo(values(tableOf(r, 'estimates'), 'att')[0] as number, 12);
    const p = values(placebo, 'p')[0] as number;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThanOrEqual(1);
    const again = await ftzEffect(t.store, { ...spec, estimators: [...spec.estimators] });
    expect(values(tableOf(again, 'placebo'), 'p')).toEqual(values(placebo, 'p'));
    expect(values(tableOf(r, 'heterogeneity_location'), 'group')).toEqual(['border', 'coastal', 'inland']);
    expect(values(tableOf(r, 'heterogeneity_batch'), 'group')).toContain('2013');
    expect(values(tableOf(r, 'mechanisms'), 'mediator')).toEqual(['rd_expenditure']);
    expect(values(tableOf(r, 'mechanism_limitations'), 'en').join(' ')).toMatch(/sequential ignorability/i);
  });

  it('writes the journal regression table as LaTeX booktabs and as a three-line Word table', async () => {
    process.env.FTZLAB_DB = t.path.replace('.duckdb', '-table.duckdb');
    const tex = t.path.replace('.duckdb', '.tex');
    const docx = t.path.replace('.duckdb', '.docx');
    expect((await runCli(['ftz-effect', '--outcome', 'gdp', '--log', '--table', tex])).code).toBe(0);
    expect((await runCli(['ftz-effect', '--outcome', 'gdp', '--log', '--table', docx], 'zh')).code).toBe(0);
    delete process.env.FTZLAB_DB;
    const latex = readFileSync(tex, 'utf8');
    expect(latex).toContain('\\toprule');
    expect(latex).toContain('Pilot FTZ');
    expect(unzipEntry(readFileSync(docx), 'word/document.xml')).toContain('自贸试验区（FTZ）');
  });

  it('draws the event-study figure as SVG with Chinese labels and as PNG', async () => {
    process.env.FTZLAB_DB = t.path.replace('.duckdb', '-fig.duckdb');
    const svg = t.path.replace('.duckdb', '.svg');
    const png = t.path.replace('.duckdb', '.png');
    expect((await runCli(['ftz-effect', '--outcome', 'gdp', '--log', '--figure', svg], 'zh')).code).toBe(0);
    expect((await runCli(['ftz-effect', '--outcome', 'gdp', '--log', '--figure', png])).code).toBe(0);
    delete process.env.FTZLAB_DB;
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('自贸试验区设立前后的动态效应');
    expect([...readFileSync(png).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('runs from the CLI and prints the estimates in Chinese', async () => {
    process.env.FTZLAB_DB = t.path.replace('.duckdb', '-cli.duckdb');
    const { code, out } = await runCli(['ftz-effect', '--outcome', 'rd_expenditure', '--log'], 'zh');
    delete process.env.FTZLAB_DB;
    expect(code).toBe(0);
    expect(out).toContain('自贸试验区政策效应估计');
    expect(out).toContain('双向固定效应');
  });
});
