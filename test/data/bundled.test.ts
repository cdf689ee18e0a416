import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/tempStore.js';

/** Checks on the bundled data as the store loads it: coverage promised in the README, and a source for every number. */
let t: TempStore;
beforeAll(async () => { t = await tempStore(); });
afterAll(() => t.cleanup());

const coverage = async (indicator: string): Promise<{ regions: number; years: number; cells: number; first: number; last: number }> =>
  (await t.store.one<{ regions: number; years: number; cells: number; first: number; last: number }>(
    `SELECT count(DISTINCT region)::INTEGER AS regions, count(DISTINCT year)::INTEGER AS years, count(*)::INTEGER AS cells,
            min(year) AS first, max(year) AS last
       FROM observation o JOIN region r ON r.code = o.region AND r.level = 'province' WHERE indicator = ?`,
    [indicator],
  )) ?? { regions: 0, years: 0, cells: 0, first: 0, last: 0 };

describe('bundled data', () => {
  it('has 31 provinces with macro-region and location type, and prefecture cities under them', async () => {
    const provinces = await t.store.all<{ code: string; macro_region: string; location_type: string }>(
      "SELECT code, macro_region, location_type FROM region WHERE level = 'province'",
    );
    expect(provinces).toHaveLength(31);
    const count = (k: 'macro_region' | 'location_type', v: string): number => provinces.filter((p) => p[k] === v).length;
    expect([count('macro_region', 'east'), count('macro_region', 'central'), count('macro_region', 'west'), count('macro_region', 'northeast')]).toEqual([10, 6, 12, 3]);
    expect(provinces.find((p) => p.code === '310000')?.location_type).toBe('coastal');
    expect(provinces.find((p) => p.code === '650000')?.location_type).toBe('border');
    expect(provinces.find((p) => p.code === '420000')?.location_type).toBe('inland');
    const orphans = await t.store.one<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM region c WHERE level = 'prefecture' AND parent NOT IN (SELECT code FROM region WHERE level = 'province')",
    );
    expect(orphans?.n).toBe(0);
  });

  it.each(['rd_expenditure', 'rd_fte', 'patent_app_invention', 'patent_grant_invention'])(
    'S&T series %s covers 31 provinces × 2010–2023 with no gap',
    async (code) => {
      expect(await coverage(code)).toEqual({ regions: 31, years: 14, cells: 434, first: 2010, last: 2023 });
    },
  );

  it.each(['gdp', 'population_resident', 'urbanisation_rate', 'secondary_share', 'budget_expenditure'])(
    'NBS macro series %s covers 31 provinces × 2010–2023',
    async (code) => {
      expect(await coverage(code)).toEqual({ regions: 31, years: 14, cells: 434, first: 2010, last: 2023 });
    },
  );

  it('keeps goods trade in two indicators, never splicing USD and CNY, with 2015 absent', async () => {
    expect(await coverage('trade_goods_usd')).toMatchObject({ first: 2010, last: 2014, regions: 31 });
    expect(await coverage('trade_goods_cny')).toMatchObject({ first: 2016, last: 2023, regions: 31 });
  });

  it('CO2 covers 30 provinces × 1997–2019 (no Tibet) and the total equals the sum of the 47 sectors', async () => {
    expect(await coverage('co2_total')).toEqual({ regions: 30, years: 23, cells: 690, first: 1997, last: 2019 });
    const worst = await t.store.one<{ d: number }>(
      `SELECT max(abs(t.value - s.v) / t.value) AS d FROM observation t
         JOIN (SELECT region, year, sum(value) AS v FROM observation WHERE indicator LIKE 'co2_sector_%' GROUP BY ALL) s USING (region, year)
        WHERE t.indicator = 'co2_total'`,
    );
    expect(worst?.d).toBeLessThan(1e-9);
    const anhui = await t.store.one<{ value: number }>("SELECT value FROM observation WHERE indicator = 'co2_total' AND region = '340000' AND year = 2019");
    expect(anhui?.value).toBeCloseTo(408.064, 3);
  });

  it('gives every observation and indicator a known source, and every source a licence', async () => {
    const orphanObs = await t.store.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM observation WHERE source_id NOT IN (SELECT id FROM source)');
    const orphanInd = await t.store.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM indicator WHERE source_id NOT IN (SELECT id FROM source)');
    const unknownRegion = await t.store.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM observation WHERE region NOT IN (SELECT code FROM region)');
    const noLicence = await t.store.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM source WHERE coalesce(licence, '') = '' OR coalesce(url, '') = ''");
    expect([orphanObs?.n, orphanInd?.n, unknownRegion?.n, noLicence?.n]).toEqual([0, 0, 0, 0]);
  });

  it('has no duplicate region–year–indicator key', async () => {
    const dup = await t.store.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM (SELECT region, year, indicator FROM observation GROUP BY ALL HAVING count(*) > 1)',
    );
    expect(dup?.n).toBe(0);
  });

  it('keeps HS codes as strings with leading zeros, and maps HS 2022 subheadings to ISIC Rev.4', async () => {
    const h = await t.store.one<{ code: string; description_en: string }>("SELECT code, description_en FROM hs2022 WHERE code = '010121'");
    expect(h?.description_en).toMatch(/horses/i);
    const levels = await t.store.all<{ level: number; n: number }>('SELECT level, count(*)::INTEGER AS n FROM hs2022 GROUP BY level ORDER BY level');
    expect(levels.map((l) => l.n).slice(0, 3)).toEqual([97, 1229, 5613]);
    const mapped = await t.store.one<{ n: number }>('SELECT count(DISTINCT hs6)::INTEGER AS n FROM hs_isic4');
    expect(mapped?.n).toBeGreaterThan(5400);
  });

  it('records a cross-check of at least ten S&T values against a second public source', () => {
    const text = readFileSync(new URL('../../data/sources/techme/CROSSCHECK.md', import.meta.url), 'utf8');
    const rows = text.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) expect(r).toMatch(/\| (yes|no) \|.*\| https?:\/\//);
  });
});
