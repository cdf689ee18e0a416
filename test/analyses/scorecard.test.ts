import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/analyses/datasets.js';
import { ftzEffect } from '../../src/analyses/did/ftzEffect.js';
import { editionVersion } from '../../src/analyses/neglist/editionAnalysis.js';
import { listScenarios, saveScenario, simulateEdition } from '../../src/analyses/neglist/simulate.js';
import { runIndex } from '../../src/analyses/nqpf/runIndex.js';
import { scorecardResult } from '../../src/analyses/scorecard/scorecardResult.js';
import { scorecardWhatIf } from '../../src/analyses/scorecard/whatIf.js';
import { PARTS, scorecards, type ScorecardItem, type ScorecardPart, type Scorecards, type ZoneScorecard } from '../../src/analyses/scorecard/zoneScorecard.js';
import type { Result, Table } from '../../src/core/result.js';
import { caught, tempStore, type TempStore } from '../helpers/tempStore.js';

const SH_PROVINCE = '310000';
const INDEX_SPEC = {
  framework: 'nqpf-tech-green-digital',
  uncertainty: { replications: 200, seed: 20240101 },
  spatial: { permutations: 0 },
};

let t: TempStore;
/** the default scorecards of all 22 zones */
let s: Scorecards;
/** the NQPF index run the scorecard's index items should reproduce */
let index: Result;
/** zone id → host province code, read from the zone table */
let hostOf: Map<string, string>;
/** indicator → region → year → value, read from the observation table */
let obs: Map<string, Map<string, Map<number, number>>>;

beforeAll(async () => {
  t = await tempStore();
  s = await scorecards(t.store, {});
  index = await runIndex(t.store, INDEX_SPEC);
  const zones = await t.store.all<{ id: string; province_code: string }>('SELECT id, province_code FROM zone');
  hostOf = new Map(zones.map((z) => [z.id, z.province_code]));
  const rows = await t.store.all<{ indicator: string; region: string; year: number; value: number }>(
    "SELECT indicator, region, year, value FROM observation WHERE indicator IN ('rd_intensity', 'hitech_revenue', 'gdp', 'co2_total')",
  );
  obs = new Map();
  for (const r of rows) {
    const byRegion = obs.get(r.indicator) ?? new Map<string, Map<number, number>>();
    const byYear = byRegion.get(r.region) ?? new Map<number, number>();
    byYear.set(Number(r.year), r.value);
    byRegion.set(r.region, byYear);
    obs.set(r.indicator, byRegion);
  }
}, 60_000);
afterAll(() => t.cleanup());

const tableOf = (r: { tables: readonly Table[] }, name: string): Table => {
  const found = r.tables.find((x) => x.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
};
const values = (tb: Table, name: string): readonly (string | number | boolean | null)[] => {
  const c = tb.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name} in ${tb.name}`);
  return c.values;
};
const cardOf = (all: Scorecards, id: string): ZoneScorecard => {
  const c = all.zones.find((z) => z.zone.id === id);
  if (!c) throw new Error(`no scorecard for ${id}`);
  return c;
};
const itemOf = (card: ZoneScorecard, part: ScorecardPart, key: string): ScorecardItem => {
  const found = card.parts[part].find((x) => x.key === key);
  if (!found) throw new Error(`no item ${part}/${key} for ${card.zone.id}`);
  return found;
};
const itemsOf = (card: ZoneScorecard): ScorecardItem[] => PARTS.flatMap((p) => card.parts[p.key]);
const num = (v: number | string | null): number => {
  if (typeof v !== 'number') throw new Error(`expected a number, got ${String(v)}`);
  return v;
};

const ob = (indicator: string, region: string, year: number): number | undefined => obs.get(indicator)?.get(region)?.get(year);
/** The task indicators as defined in the scorecard's documentation: R&D intensity as published, the two ratios ×100. */
const TASK_VALUE: Record<string, (region: string, year: number) => number | undefined> = {
  rd_intensity: (r, y) => ob('rd_intensity', r, y),
  hitech_share: (r, y) => {
    const a = ob('hitech_revenue', r, y), b = ob('gdp', r, y);
    return a !== undefined && b !== undefined && b > 0 ? (100 * a) / b : undefined;
  },
  co2_intensity: (r, y) => {
    const a = ob('co2_total', r, y), b = ob('gdp', r, y);
    return a !== undefined && b !== undefined && b > 0 ? (100 * a) / b : undefined;
  },
};
const TASK_PART: Record<string, ScorecardPart> = { rd_intensity: 'task_innovation', hitech_share: 'task_upgrading', co2_intensity: 'task_green' };

/** Ordinary least-squares slope through the points, by the textbook closed form. */
function olsSlope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const sx = points.reduce((a, p) => a + p[0], 0);
  const sy = points.reduce((a, p) => a + p[1], 0);
  const sxy = points.reduce((a, p) => a + p[0] * p[1], 0);
  const sxx = points.reduce((a, p) => a + p[0] * p[0], 0);
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

/** Rank (1 = best) of `mine` among `all`, ties sharing the better rank. */
const rankIn = (mine: number, all: readonly number[], higherIsBetter: boolean): number =>
  1 + all.filter((v) => (higherIsBetter ? v > mine : v < mine)).length;

describe('the scorecards of the 22 zones', () => {
  it('cover every zone and every part; each item has a value or a reason, a source, and a rank within its range', () => {
    expect(s.zones).toHaveLength(22);
    expect(new Set(s.zones.map((c) => c.zone.id))).toEqual(new Set(hostOf.keys()));
    for (const c of s.zones) {
      expect(c.zone.province, c.zone.id).toBe(hostOf.get(c.zone.id));
      expect(Object.keys(c.parts).sort()).toEqual(PARTS.map((p) => p.key).sort());
      for (const p of PARTS) {
        const list = c.parts[p.key];
        expect(list.length, `${c.zone.id} ${p.key}`).toBeGreaterThanOrEqual(1);
        for (const x of list) {
          const where = `${c.zone.id} ${p.key}/${x.key}`;
          expect(x.value === null, where).toBe(x.missing !== null);
          if (x.missing) expect(x.missing.en.length, where).toBeGreaterThan(0);
          if (typeof x.value === 'number') expect(Number.isFinite(x.value), where).toBe(true);
          if (x.source.kind === 'data') {
            expect(x.source.ids.length, where).toBeGreaterThan(0);
            for (const id of x.source.ids) expect(id, where).toMatch(/\S/);
          } else {
            expect(x.source.kind, where).toBe('analysis');
            expect(x.source.name.trim().length, where).toBeGreaterThan(0);
          }
          if (x.rank) {
            expect(Number.isInteger(x.rank.rank), where).toBe(true);
            expect(x.rank.rank, where).toBeGreaterThanOrEqual(1);
            expect(x.rank.rank, where).toBeLessThanOrEqual(x.rank.of);
          }
        }
      }
    }
  });
});

describe('independent cross-checks', () => {
  it("SH's NQPF index, its rank and rank interval are those of the index run for Shanghai in the last year", () => {
    const sc = tableOf(index, 'scores');
    const years = values(sc, 'year') as number[];
    const last = Math.max(...years);
    const regions = values(sc, 'region') as string[];
    const row = regions.findIndex((r, i) => r === SH_PROVINCE && years[i] === last);
    expect(row).toBeGreaterThanOrEqual(0);
    const sh = cardOf(s, 'SH');
    const idx = itemOf(sh, 'nqpf', 'nqpf_index');
    expect(idx.year).toBe(last);
    expect(num(idx.value)).toBeCloseTo(values(sc, 'score')[row] as number, 12);
    expect(idx.rank).toEqual({ rank: values(sc, 'rank')[row], of: years.filter((y) => y === last).length, among: 'provinces' });
    const unc = tableOf(index, 'rank_uncertainty');
    const u = (values(unc, 'region') as string[]).indexOf(SH_PROVINCE);
    expect(u).toBeGreaterThanOrEqual(0);
    expect(idx.interval).toEqual({ of: 'rank', low: values(unc, 'q05')[u], high: values(unc, 'q95')[u], level: 0.9 });
    // The sub-indices are the run's dimension scores for the same row.
    for (const code of ['TECH', 'GREEN']) {
      expect(num(itemOf(sh, 'nqpf', `nqpf_dim_${code}`).value)).toBeCloseTo(values(sc, `dim_${code}`)[row] as number, 12);
    }
  });

  it('the innovation task\'s FTZ effect is the Callaway–Sant\'Anna estimate for rd_intensity, and its command reproduces it', async () => {
    const r = await ftzEffect(t.store, { outcome: 'rd_intensity', estimators: ['cs'] });
    const est = tableOf(r, 'estimates');
    const row = (values(est, 'estimator') as string[]).indexOf('cs');
    expect(row).toBeGreaterThanOrEqual(0);
    const eff = itemOf(cardOf(s, 'SH'), 'task_innovation', 'ftz_effect_innovation');
    expect(num(eff.value)).toBeCloseTo(values(est, 'att')[row] as number, 12);
    expect(eff.interval?.of).toBe('value');
    expect(eff.interval?.low).toBeCloseTo(values(est, 'ci_low')[row] as number, 12);
    expect(eff.interval?.high).toBeCloseTo(values(est, 'ci_high')[row] as number, 12);
    // The effect is pooled over all host provinces: every zone carries the same estimate.
    for (const c of s.zones) expect(itemOf(c, 'task_innovation', 'ftz_effect_innovation').value).toBe(eff.value);

    expect(eff.source.kind).toBe('analysis');
    const cmd = eff.source.kind === 'analysis' ? eff.source.name : '';
    const flag = (name: string): string | undefined => new RegExp(`--${name} (\\S+)`).exec(cmd)?.[1];
    expect(flag('outcome')).toBe('rd_intensity');
    expect(cmd).not.toMatch(/--log\b/);
    const again = await ftzEffect(t.store, { outcome: flag('outcome'), log: false, rule: flag('rule'), control: flag('control'), estimators: ['cs'] });
    const est2 = tableOf(again, 'estimates');
    expect(num(eff.value)).toBeCloseTo(values(est2, 'att')[(values(est2, 'estimator') as string[]).indexOf('cs')] as number, 12);
  });

  it("SH's R&D intensity is the latest bundled observation, ranked among the host provinces of the 22 zones", async () => {
    const latest = await t.store.one<{ value: number }>("SELECT value FROM observation WHERE indicator='rd_intensity' AND region='310000' ORDER BY year DESC LIMIT 1");
    const latestYear = await t.store.one<{ year: number }>("SELECT max(year) AS year FROM observation WHERE indicator='rd_intensity' AND region='310000'");
    expect(latest).toBeDefined();
    const rd = itemOf(cardOf(s, 'SH'), 'task_innovation', 'rd_intensity');
    expect(rd.value).toBe(latest?.value);
    expect(rd.year).toBe(Number(latestYear?.year));
    const hosts = [...new Set(hostOf.values())];
    const year = Number(latestYear?.year);
    const peers = await t.store.all<{ value: number }>(
      `SELECT value FROM observation WHERE indicator = 'rd_intensity' AND year = ? AND region IN (${hosts.map(() => '?').join(', ')})`, [year, ...hosts],
    );
    const all = peers.map((p) => p.value);
    expect(rd.rank).toEqual({ rank: rankIn(latest?.value as number, all, true), of: all.length, among: 'hosts' });
  });

  it('the high-tech share and CO2 intensity are 100·hitech_revenue/gdp and 100·co2_total/gdp of the host, ranked among hosts', () => {
    const hosts = [...new Set(hostOf.values())];
    for (const c of s.zones) {
      for (const [key, part, higherIsBetter] of [['hitech_share', 'task_upgrading', true], ['co2_intensity', 'task_green', false]] as const) {
        const x = itemOf(c, part, key);
        const where = `${c.zone.id} ${key}`;
        expect(x.year, where).not.toBeNull();
        const year = x.year as number;
        const [num0, den] = key === 'hitech_share' ? ['hitech_revenue', 'gdp'] : ['co2_total', 'gdp'];
        const a = ob(num0, c.zone.province, year), b = ob(den, c.zone.province, year);
        expect(a, where).toBeDefined();
        expect(b, where).toBeDefined();
        expect(num(x.value), where).toBeCloseTo((100 * (a as number)) / (b as number), 10);
        const all = hosts.map((h) => TASK_VALUE[key]?.(h, year)).filter((v): v is number => v !== undefined);
        expect(x.rank, where).toEqual({ rank: rankIn(num(x.value), all, higherIsBetter), of: all.length, among: 'hosts' });
      }
    }
  });
});

describe('missing stays missing', () => {
  it('the FTA wing is missing with a reason when no trade file is given', () => {
    for (const c of s.zones) {
      expect(c.parts.wing_fta.map((x) => x.key).sort()).toEqual(['complementarity_cptpp', 'complementarity_rcep']);
      for (const x of c.parts.wing_fta) {
        expect(x.value, `${c.zone.id} ${x.key}`).toBeNull();
        expect(x.missing?.en, `${c.zone.id} ${x.key}`).toMatch(/trade/i);
        expect(x.missing?.zh.length ?? 0).toBeGreaterThan(0);
      }
    }
  });

  it('the restrictiveness score is missing, naming the applicable edition that is not fully transcribed, never 0', async () => {
    for (const c of s.zones) {
      const j = ['ftz', ...(c.zone.id === 'HI' ? ['hainan'] : []), ...(c.zone.id === 'SH' ? ['shanghai_ftz'] : [])];
      const latest = await t.store.one<{ id: string; official_count: number; transcribed: number }>(
        `SELECT id, official_count, transcribed FROM neglist_edition WHERE kind = 'fdi' AND jurisdiction IN (${j.map(() => '?').join(', ')})
          ORDER BY coalesce(published, effective) DESC LIMIT 1`, j,
      );
      expect(latest).toBeDefined();
      // The premise: the applicable list is not fully transcribed in the bundle.
      expect(latest?.transcribed).toBeLessThan(latest?.official_count as number);
      const r = itemOf(c, 'base', 'restrictiveness');
      expect(r.value, c.zone.id).toBeNull();
      expect(r.value).not.toBe(0);
      expect(r.missing?.en, c.zone.id).toContain(latest?.id);
      expect(r.missing?.zh, c.zone.id).toContain(latest?.id);
      expect(itemOf(c, 'base', 'cptpp_gap').value, c.zone.id).toBeNull();
    }
  });

  it('the change in list rows is measured from the earliest dated applicable list', async () => {
    for (const c of s.zones) {
      const j = ['ftz', ...(c.zone.id === 'HI' ? ['hainan'] : []), ...(c.zone.id === 'SH' ? ['shanghai_ftz'] : [])];
      const eds = await t.store.all<{ id: string; official_count: number; d: string }>(
        `SELECT id, official_count, coalesce(published, effective) AS d FROM neglist_edition
          WHERE kind = 'fdi' AND jurisdiction IN (${j.map(() => '?').join(', ')}) ORDER BY d`, j,
      );
      const first = eds[0], last = eds.at(-1);
      expect(first && last).toBeTruthy();
      const x = itemOf(c, 'base', 'list_change');
      expect(x.label.en, c.zone.id).toContain(`(${first?.d.slice(0, 4)})`);
      expect(x.label.en, c.zone.id).not.toContain('null');
      const f = first?.official_count as number, l = last?.official_count as number;
      expect(num(x.value), c.zone.id).toBeCloseTo((100 * (l - f)) / f, 10);
    }
  });
});

describe('trends', () => {
  it('the trend of each task indicator is the least-squares slope over the years it states', () => {
    const sh = cardOf(s, 'SH');
    for (const key of ['rd_intensity', 'hitech_share', 'co2_intensity']) {
      const x = itemOf(sh, TASK_PART[key] as ScorecardPart, key);
      expect(x.trend, key).not.toBeNull();
      const tr = x.trend as NonNullable<ScorecardItem['trend']>;
      expect(tr.to, key).toBe(x.year);
      expect(tr.to - tr.from, key).toBeLessThanOrEqual(4);
      expect(tr.to - tr.from, key).toBeGreaterThanOrEqual(2);
      const pts: [number, number][] = [];
      for (let y = tr.from; y <= tr.to; y++) {
        const v = TASK_VALUE[key]?.(SH_PROVINCE, y);
        if (v !== undefined) pts.push([y, v]);
      }
      // The data are complete over the window here, so every year counts.
      expect(pts.length, key).toBe(tr.to - tr.from + 1);
      expect(tr.perYear, key).toBeCloseTo(olsSlope(pts), 10);
    }
  });

  it('the trend of the NQPF index is the slope of the index run\'s scores over the years it states', () => {
    const x = itemOf(cardOf(s, 'SH'), 'nqpf', 'nqpf_index');
    const tr = x.trend as NonNullable<ScorecardItem['trend']>;
    expect(tr).not.toBeNull();
    const sc = tableOf(index, 'scores');
    const regions = values(sc, 'region') as string[];
    const years = values(sc, 'year') as number[];
    const score = values(sc, 'score') as number[];
    const pts = regions.flatMap((r, i): [number, number][] => (r === SH_PROVINCE && (years[i] as number) >= tr.from && (years[i] as number) <= tr.to ? [[years[i] as number, score[i] as number]] : []));
    expect(pts.length).toBe(tr.to - tr.from + 1);
    expect(tr.perYear).toBeCloseTo(olsSlope(pts), 10);
  });
});

describe('the year option', () => {
  it('reads the task indicators at or before the year given', async () => {
    const y = await scorecards(t.store, { year: 2018 });
    for (const c of y.zones) {
      for (const key of ['rd_intensity', 'hitech_share', 'co2_intensity']) {
        const x = itemOf(c, TASK_PART[key] as ScorecardPart, key);
        const where = `${c.zone.id} ${key}`;
        expect(x.value, where).not.toBeNull();
        expect(x.year as number, where).toBeLessThanOrEqual(2018);
        if (x.trend) expect(x.trend.to, where).toBeLessThanOrEqual(2018);
        // The latest year at or before 2018 with data for the host, and the value of that year.
        let expectedYear = 2018;
        while (expectedYear > 1990 && TASK_VALUE[key]?.(c.zone.province, expectedYear) === undefined) expectedYear--;
        expect(x.year, where).toBe(expectedYear);
        expect(num(x.value), where).toBeCloseTo(TASK_VALUE[key]?.(c.zone.province, expectedYear) as number, 10);
      }
    }
  }, 60_000);
});

describe('what-if', () => {
  it('hand-set dimension weights change SH\'s index to the 1:3 weighted mean of its sub-indices', async () => {
    const w = await scorecardWhatIf(t.store, { zone: 'SH', index: { weights: { method: 'entropy', dimensions: [1, 3] } } });
    const base = itemOf(cardOf(s, 'SH'), 'nqpf', 'nqpf_index');
    const change = w.changes.find((c) => c.zone === 'SH' && c.key === 'nqpf_index');
    expect(change).toBeDefined();
    expect(change?.part).toBe('nqpf');
    expect(num(change?.baseline ?? null)).toBeCloseTo(num(base.value), 12);
    expect(change?.rankBaseline).toBe(base.rank?.rank);
    expect(w.changes.every((c) => c.zone === 'SH')).toBe(true);

    const card = cardOf(w.whatIf, 'SH');
    const tech = num(itemOf(card, 'nqpf', 'nqpf_dim_TECH').value);
    const green = num(itemOf(card, 'nqpf', 'nqpf_dim_GREEN').value);
    expect(num(change?.whatIf ?? null)).toBeCloseTo(0.25 * tech + 0.75 * green, 12);
    expect(num(itemOf(card, 'nqpf', 'nqpf_index').value)).toBeCloseTo(0.25 * tech + 0.75 * green, 12);
    expect(w.whatIf.index.dimensions.map((d) => d.weight)).toEqual([expect.closeTo(0.25, 12), expect.closeTo(0.75, 12)]);
    expect(num(change?.whatIf ?? null)).not.toBeCloseTo(num(base.value), 6);
  }, 60_000);

  it('a spec with nothing changed gives no changes', async () => {
    expect((await scorecardWhatIf(t.store, { zone: 'SH' })).changes).toEqual([]);
    expect((await scorecardWhatIf(t.store, { zone: 'SH', index: { weights: { method: 'entropy' } } })).changes).toEqual([]);
  }, 60_000);
});

describe('negative-list scenario', () => {
  it('a saved scenario gives its simulated restrictiveness, below the baseline', async () => {
    const ed = await editionVersion(t.store, 'cn-fdi-national-2021');
    // A transcribed measure of the edition that alone adds to the score (some only repeat a restriction of their sector).
    const { contributions } = await simulateEdition(t.store, { edition: 'cn-fdi-national-2021' });
    const target = contributions.filter((c) => c.total > 0).sort((a, b) => b.total - a.total)[0]?.measure;
    expect(target).toBeDefined();
    expect(ed.version.measures.map((m) => m.id)).toContain(target);
    const saved = await saveScenario(t.store, 'test-open', { edition: 'cn-fdi-national-2021', remove: [target] });
    const stored = (await listScenarios(t.store)).find((x) => x.name === 'test-open' && x.version === saved.version);
    expect(stored?.scenario.remove).toEqual([target]);
    const sim = await simulateEdition(t.store, stored?.scenario);

    const sc = await scorecards(t.store, { zone: 'SH', scenario: { name: 'test-open' } });
    const x = itemOf(cardOf(sc, 'SH'), 'base', 'scenario_restrictiveness');
    expect(num(x.value)).toBeCloseTo(sim.simulated.total, 12);
    expect(num(x.value)).toBeLessThan(sim.baseline.total);
    expect(x.source.kind === 'analysis' ? x.source.name : '').toContain(`--scenario test-open@${saved.version}`);
    // Without a scenario there is no such item.
    expect(cardOf(s, 'SH').parts.base.some((b) => b.key === 'scenario_restrictiveness')).toBe(false);
  }, 60_000);

  it('an unknown scenario name or version is a coded error', async () => {
    expect((await caught(() => scorecards(t.store, { zone: 'SH', scenario: { name: 'no-such-scenario' } }))).code).toBe('neglist.scenario_not_found');
    expect((await caught(() => scorecards(t.store, { zone: 'SH', scenario: { name: 'test-open', version: 999 } }))).code).toBe('neglist.scenario_not_found');
  }, 60_000);
});

describe('bad specs', () => {
  it('an unknown zone, a wrong number of dimension weights and an unknown estimator are coded errors', async () => {
    const zone = await caught(() => scorecards(t.store, { zone: 'XX' }));
    expect(zone.code).toBe('zone.not_found');
    expect(zone.params.id).toBe('XX');
    expect((await caught(() => scorecards(t.store, { index: { weights: { method: 'entropy', dimensions: [1, 1, 1] } } }))).code).toBe('index.dimension_mismatch');
    expect((await caught(() => scorecards(t.store, { effects: { estimator: 'nope' } }))).code).toBe('api.bad_request');
  }, 60_000);
});

describe('effects on user data', () => {
  /** A wide CSV of one indicator for every province with R&D data, 2010–2023; `k` scales its growth. */
  const userCsv = async (k: number): Promise<Uint8Array> => {
    const regions = (await t.store.all<{ region: string }>("SELECT DISTINCT region FROM observation WHERE indicator = 'rd_intensity' ORDER BY region")).map((r) => r.region);
    const lines = regions.flatMap((r, i) => Array.from({ length: 14 }, (_, j) => `${r},${2010 + j},${(1 + 0.1 * i + 0.05 * k * j + 0.01 * k * ((7 * i + 3 * j) % 5)).toFixed(4)}`));
    return new TextEncoder().encode(`region,year,y\n${lines.join('\n')}\n`);
  };
  const csAtt = async (outcome: string): Promise<number> => {
    const r = await ftzEffect(t.store, { outcome, estimators: ['cs'] });
    const est = tableOf(r, 'estimates');
    return values(est, 'att')[(values(est, 'estimator') as string[]).indexOf('cs')] as number;
  };

  it('re-estimates a user-data outcome after the dataset gets a new version', async () => {
    const spec = { zone: 'SH', effects: { innovation: { outcome: 'own_rd.y', log: false } } };
    await importDataset(t.store, await userCsv(1), 'own_rd.csv', { dataset: 'own_rd' });
    const v1 = await csAtt('own_rd.y');
    const first = itemOf(cardOf(await scorecards(t.store, spec), 'SH'), 'task_innovation', 'ftz_effect_innovation');
    expect(num(first.value)).toBeCloseTo(v1, 12);

    await importDataset(t.store, await userCsv(5), 'own_rd.csv', { dataset: 'own_rd' });
    const v2 = await csAtt('own_rd.y');
    expect(v2).not.toBeCloseTo(v1, 6);
    const second = itemOf(cardOf(await scorecards(t.store, spec), 'SH'), 'task_innovation', 'ftz_effect_innovation');
    expect(num(second.value)).toBeCloseTo(v2, 12);
  }, 60_000);
});

describe('the Result', () => {
  let r: ReturnType<typeof scorecardResult>;
  let sh: ZoneScorecard;
  beforeAll(async () => {
    const one = await scorecards(t.store, { zone: 'SH' });
    sh = cardOf(one, 'SH');
    r = scorecardResult(one);
  }, 60_000);

  it('has tables of equal-length columns, and figures that draw from its tables', () => {
    for (const tb of r.tables) {
      expect(tb.columns.length, tb.name).toBeGreaterThan(0);
      const n = tb.columns[0]?.values.length;
      for (const c of tb.columns) expect(c.values.length, `${tb.name}.${c.name}`).toBe(n);
    }
    const names = new Set(r.tables.map((x) => x.name));
    expect(names.size).toBe(r.tables.length);
    for (const f of r.figures) expect(names.has(f.table), f.name).toBe(true);
  });

  it('lists exactly SH\'s items in the scorecard table', () => {
    const tb = tableOf(r, 'scorecard');
    expect(new Set(values(tb, 'zone'))).toEqual(new Set(['SH']));
    const rows = (values(tb, 'part') as string[]).map((p, i) => `${p}/${values(tb, 'key')[i] as string}`);
    const items = PARTS.flatMap((p) => sh.parts[p.key].map((x) => `${p.key}/${x.key}`));
    expect(rows).toEqual(items);
    const flat = itemsOf(sh);
    (values(tb, 'value') as (number | null)[]).forEach((v, i) => {
      const x = flat[i] as ScorecardItem;
      expect(v, rows[i]).toBe(typeof x.value === 'number' ? x.value : null);
    });
  });

  it('compares the 22 zones and profiles SH against the median in percentiles', () => {
    const cmp = tableOf(r, 'comparison');
    expect(values(cmp, 'zone')).toHaveLength(22);
    expect(new Set(values(cmp, 'zone'))).toEqual(new Set(hostOf.keys()));
    const prof = tableOf(r, 'profile');
    for (const name of ['SH', 'median']) {
      const v = values(prof, name);
      expect(v.length).toBeGreaterThan(0);
      for (const p of v) {
        if (p === null) continue;
        expect(typeof p).toBe('number');
        expect(p as number).toBeGreaterThanOrEqual(0);
        expect(p as number).toBeLessThanOrEqual(100);
      }
    }
  });

  it('lists every source SH\'s items cite, and names its framework, weights and effects', () => {
    const ids = new Set(values(tableOf(r, 'sources'), 'id'));
    for (const x of itemsOf(sh)) for (const id of x.source.ids) expect(ids.has(id), `${x.key}: ${id}`).toBe(true);
    const conv = tableOf(r, 'conventions');
    const options = values(conv, 'option') as string[];
    for (const o of ['framework', 'weights', 'effects']) expect(options).toContain(o);
    const valueOf = (o: string): string => String(values(conv, 'value')[options.indexOf(o)]);
    expect(valueOf('framework')).toMatch(/^nqpf-tech-green-digital@/);
    expect(valueOf('weights')).toMatch(/^entropy/);
    expect(valueOf('effects')).toMatch(/^cs\b/);
  });
});

describe('the FTA wing from a trade file', () => {
  it('averages China\'s export complementarity over the RCEP and CPTPP parties in the file, and says it is national trade', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'ftzlab-sc-trade-'));
    try {
      // Illustrative flows (thousand USD): China, Japan (RCEP and CPTPP) and the United States (neither).
      const f = join(dir, 'baci.csv');
      writeFileSync(f, ['t,i,j,k,v,q', '2022,CHN,JPN,010121,10,1', '2022,CHN,JPN,847130,90,1', '2022,CHN,USA,847130,100,1', '2022,JPN,CHN,010121,5,1',
        '2022,JPN,CHN,847130,45,1', '2022,USA,CHN,010121,50,1', '2022,USA,JPN,010121,30,1', '2022,USA,JPN,847130,20,1', '2022,JPN,USA,847130,60,1'].join('\n') + '\n');
      const r = await scorecards(t.store, { zone: 'SH', trade: { file: f } });
      const wing = r.zones.find((z) => z.zone.id === 'SH')?.parts.wing_fta ?? [];
      // China exports 10 / 190 in sections I / XVI; Japan imports 40 / 110: Michaely = 100 · (1 − Σ|m − x| / 2).
      const expected = 100 * (1 - (Math.abs(40 / 150 - 10 / 200) + Math.abs(110 / 150 - 190 / 200)) / 2);
      for (const key of ['complementarity_rcep', 'complementarity_cptpp']) {
        const it = wing.find((x) => x.key === key);
        expect(it?.value).toBeCloseTo(expected, 10);
        expect(it?.year).toBe(2022);
        expect(it?.note?.en).toContain('not the zone');
      }
      expect(r.warnings.map((w) => w.code)).toContain('scorecard.national_trade');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
