import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedFrameworks } from '../../src/analyses/nqpf/framework.js';
import { runIndex } from '../../src/analyses/nqpf/runIndex.js';
import type { Result, Table } from '../../src/core/result.js';
import { caught, tempStore, type TempStore } from '../helpers/tempStore.js';

let t: TempStore;
let dir: string;
beforeAll(async () => {
  t = await tempStore();
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-index-'));
});
afterAll(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const tableOf = (r: Result, name: string): Table => {
  const found = r.tables.find((x) => x.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
};
const values = (tb: Table, name: string): readonly (string | number | boolean | null)[] => tb.columns.find((c) => c.name === name)?.values ?? [];

/** A framework file built from the three-element framework with its tree replaced. */
function customFramework(name: string, tree: unknown): string {
  const base = shippedFrameworks().find((f) => f.id === 'nqpf-three-elements');
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ ...base, id: name, tree }));
  return path;
}
const leaf = (code: string, formula: unknown, direction = '+'): unknown => ({
  code, name: { zh: code, en: code }, unit: { zh: '单位', en: 'unit' }, direction, formula,
});

describe('shipped frameworks', () => {
  it('ship three frameworks, each citing its literature and saying which published indicators are missing', () => {
    const list = shippedFrameworks();
    expect(list.map((f) => f.id).sort()).toEqual(['innovation-ecosystem', 'nqpf-tech-green-digital', 'nqpf-three-elements']);
    for (const f of list) {
      expect(f.reference.citation.length).toBeGreaterThan(20);
      expect(f.missing_published.length).toBeGreaterThan(0);
    }
  });
});

describe('index run on the bundled panel', () => {
  let r: Result;
  beforeAll(async () => {
    r = await runIndex(t.store, { framework: 'nqpf-three-elements', uncertainty: { replications: 50, seed: 7 } });
  });

  it('scores and ranks 31 provinces in every year 2010–2023', () => {
    const s = tableOf(r, 'scores');
    const years = values(s, 'year') as number[];
    expect(new Set(years).size).toBe(14);
    expect(years.length).toBe(31 * 14);
    for (const y of [2010, 2023]) {
      const ranks = (values(s, 'rank') as number[]).filter((_, i) => years[i] === y).sort((a, b) => a - b);
      expect(ranks).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    }
  });

  it('uses weights that sum to 1, and an index that is the weighted sum of the normalised indicators', () => {
    const w = values(tableOf(r, 'weights'), 'weight') as number[];
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const dims = values(tableOf(r, 'dimension_weights'), 'weight') as number[];
    expect(dims.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The index is Σ_d W_d · S_d with S_d the dimension's weighted mean: check it on every row.
    const s = tableOf(r, 'scores');
    const score = values(s, 'score') as number[];
    const dimCols = s.columns.filter((c) => c.name.startsWith('dim_'));
    score.forEach((v, i) => {
      const sum = dimCols.reduce((acc, c, k) => acc + (dims[k] as number) * (c.values[i] as number), 0);
      expect(v).toBeCloseTo(sum, 12);
    });
  });

  it('lists every convention and the sources of every indicator', () => {
    const options = values(tableOf(r, 'conventions'), 'option');
    expect(options).toEqual(expect.arrayContaining(['framework', 'normalisation', 'normalisation scope', 'weights', 'aggregation', 'missing', 'spatial weights', "Moran's I", 'uncertainty']));
    const sources = values(tableOf(r, 'weights'), 'sources') as string[];
    expect(sources.every((s) => s.length > 0)).toBe(true);
    expect(r.provenance.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['techme.rd_activity']));
    expect(r.provenance.inputs[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('decomposes disparity, and reports dynamics, spatial pattern, convergence and rank uncertainty', () => {
    const names = r.tables.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['dagum', 'dagum_groups', 'theil', 'kde', 'markov', 'spatial_markov_tests', 'moran', 'lisa', 'sigma', 'beta', 'obstacles', 'coupling', 'rank_uncertainty']));
    const d = tableOf(r, 'dagum');
    const i = (values(d, 'grouping') as string[]).findIndex((g, k) => g === 'macro_region' && values(d, 'year')[k] === 2023);
    const parts = ['within', 'net_between', 'transvariation'].map((c) => values(d, c)[i] as number);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(values(d, 'gini')[i] as number, 12);
    const u = tableOf(r, 'rank_uncertainty');
    (values(u, 'q05') as number[]).forEach((lo, k) => expect(lo).toBeLessThanOrEqual(values(u, 'q95')[k] as number));
  });

  it('replays: the same spec and seed give the same numbers', async () => {
    const again = await runIndex(t.store, { framework: 'nqpf-three-elements', uncertainty: { replications: 50, seed: 7 } });
    expect(values(tableOf(again, 'rank_uncertainty'), 'median')).toEqual(values(tableOf(r, 'rank_uncertainty'), 'median'));
    expect(values(tableOf(again, 'moran'), 'p_sim')).toEqual(values(tableOf(r, 'moran'), 'p_sim'));
  });

  it('follows the framework scope: the green framework leaves Tibet out and ends in 2019, and says why', async () => {
    const g = await runIndex(t.store, { framework: 'nqpf-tech-green-digital' });
    const s = tableOf(g, 'scores');
    expect(new Set(values(s, 'region')).has('540000')).toBe(false);
    expect(Math.max(...(values(s, 'year') as number[]))).toBe(2019);
    expect(values(tableOf(g, 'conventions'), 'note_en').join(' ')).toContain('no Tibet');
  });

  it('offers inverse-distance weights and the spdep local-Moran scaling, which is n/(n−1) times esda', async () => {
    const spdep = await runIndex(t.store, { framework: 'innovation-ecosystem', spatial: { localScaling: 'spdep', permutations: 0 } });
    const idw = await runIndex(t.store, { framework: 'innovation-ecosystem', spatial: { weights: 'inverse_distance', power: 2 }, dynamics: { markovClasses: 5 } });
    const esda = await runIndex(t.store, { framework: 'innovation-ecosystem', spatial: { permutations: 0 } });
    const a = values(tableOf(esda, 'lisa'), 'Ii') as number[];
    const b = values(tableOf(spdep, 'lisa'), 'Ii') as number[];
    a.forEach((v, i) => expect(b[i]).toBeCloseTo((v * 31) / 30, 12));
    expect(values(tableOf(idw, 'conventions'), 'value')).toContain('inverse distance^2, row-standardised');
    expect(values(tableOf(idw, 'markov'), 'from')).toHaveLength(5);
  });

  it('takes dimension weights set by hand, keeping each dimension\'s indicators in the method\'s proportions', async () => {
    const base = await runIndex(t.store, { framework: 'nqpf-tech-green-digital' });
    const hand = await runIndex(t.store, { framework: 'nqpf-tech-green-digital', weights: { method: 'entropy', dimensions: [3, 1] } });
    expect(values(tableOf(hand, 'dimension_weights'), 'weight')).toEqual([0.75, 0.25].map((w) => expect.closeTo(w, 12)));
    const w0 = values(tableOf(base, 'weights'), 'weight') as number[];
    const w1 = values(tableOf(hand, 'weights'), 'weight') as number[];
    const dims = values(tableOf(base, 'weights'), 'dimension') as string[];
    const sum = (w: number[], d: string): number => w.reduce((a, x, j) => a + (dims[j] === d ? x : 0), 0);
    dims.forEach((d, j) => expect((w1[j] as number) / (d === 'TECH' ? 0.75 : 0.25)).toBeCloseTo((w0[j] as number) / sum(w0, d), 12));
    // the index is the dimension scores weighted 3 : 1
    const s = tableOf(hand, 'scores');
    const score = values(s, 'score') as number[];
    const tech = values(s, 'dim_TECH') as number[];
    const green = values(s, 'dim_GREEN') as number[];
    score.forEach((v, i) => expect(v).toBeCloseTo(0.75 * (tech[i] as number) + 0.25 * (green[i] as number), 12));
    expect(values(tableOf(hand, 'conventions'), 'value').join(' ')).toContain('dimensions set by hand: 3 : 1');
    const err = await caught(() => runIndex(t.store, { framework: 'nqpf-tech-green-digital', weights: { method: 'entropy', dimensions: [1, 1, 1] } }));
    expect(err.code).toBe('index.dimension_mismatch');
  });

  it('runs TOPSIS with D+, D− and C in [0, 1]', async () => {
    const g = await runIndex(t.store, { framework: 'innovation-ecosystem', aggregation: { method: 'topsis' } });
    const c = values(tableOf(g, 'topsis'), 'closeness') as number[];
    expect(c.every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});

describe('bad specs get coded, actionable errors', () => {
  it('unknown indicator', async () => {
    const fw = customFramework('unknown-ind', [{ code: 'A', name: { zh: 'A', en: 'A' }, children: [leaf('x', { op: 'value', of: 'no_such_series' }), leaf('y', { op: 'value', of: 'gdp' })] }]);
    const e = await caught(() => runIndex(t.store, { framework: fw }));
    expect(e).toMatchObject({ code: 'index.unknown_indicator', params: { code: 'no_such_series' } });
  });

  it('zero-variance column', async () => {
    const fw = customFramework('zero-var', [{ code: 'A', name: { zh: 'A', en: 'A' }, children: [leaf('one', { op: 'ratio', num: 'gdp', den: 'gdp' }), leaf('y', { op: 'value', of: 'gdp' })] }]);
    const e = await caught(() => runIndex(t.store, { framework: fw }));
    expect(e).toMatchObject({ code: 'index.zero_variance', params: { indicator: 'one' } });
  });

  it('all-missing year', async () => {
    const e = await caught(() => runIndex(t.store, { framework: 'nqpf-three-elements', data: { from: 2020, to: 2024 } }));
    expect(e.code).toBe('index.all_missing');
    expect(e.message).toContain('2024');
  });

  it('gaps under missing: error, and the explicit drop option instead', async () => {
    const e = await caught(() => runIndex(t.store, { framework: 'nqpf-tech-green-digital', data: { regions: ['540000', '310000', '110000', '440000'] } }));
    expect(e.code).toBe('index.missing_values');
    expect(e.message).toContain('"missing": "drop"');
    const ok = await runIndex(t.store, { framework: 'nqpf-tech-green-digital', data: { regions: ['540000', '310000', '110000', '440000', '320000'], missing: 'drop' } });
    expect(ok.warnings.map((w) => w.code)).toContain('index.dropped_region_years');
  });

  it('negative values under geometric aggregation', async () => {
    const e = await caught(() => runIndex(t.store, { framework: 'nqpf-three-elements', normalisation: { method: 'zscore' }, weights: { method: 'equal' }, aggregation: { method: 'geometric' } }));
    expect(e.code).toBe('index.nonpositive_geometric');
  });

  it('inconsistent AHP matrix', async () => {
    const e = await caught(() => runIndex(t.store, { framework: 'nqpf-three-elements', weights: { method: 'ahp', ahp: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]] } }));
    expect(e.code).toBe('index.ahp_inconsistent');
    const ok = await runIndex(t.store, { framework: 'nqpf-three-elements', weights: { method: 'ahp', ahp: [[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]] } });
    expect(values(tableOf(ok, 'dimension_weights'), 'weight')[0]).toBeGreaterThan(0.5);
  });

  it('an invalid spec or framework file', async () => {
    expect((await caught(() => runIndex(t.store, { framework: 'nqpf-three-elements', normalisation: { method: 'cubic' } }))).code).toBe('api.bad_request');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"id": "x"}');
    expect((await caught(() => runIndex(t.store, { framework: bad }))).code).toBe('index.framework_invalid');
    expect(readFileSync(bad, 'utf8')).toContain('"id"');
  });
});
