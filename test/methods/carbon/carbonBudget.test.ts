import { describe, expect, it } from 'vitest';
import { constantRate, pathOvershoot, reductionPath, trackBudget } from '../../../src/methods/carbon/carbonBudget.js';
import { caught } from '../../helpers/tempStore.js';

const yv = (pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));

describe('carbon budget tracking', () => {
  // Budget 10 a year over 2020–2024 (50 in all); emissions 9, 10, 11 before it and 12, 13 within it.
  const budget = yv([[2020, 10], [2021, 10], [2022, 10], [2023, 10], [2024, 10]]);
  const emissions = yv([[2017, 9], [2018, 10], [2019, 11], [2020, 12], [2021, 13]]);

  it('sums the budget, what is used and what remains, and flags the years over budget', () => {
    const t = trackBudget(budget, emissions);
    expect(t.totalBudget).toBe(50);
    expect(t.usedToDate).toBe(25);
    expect(t.remaining).toBe(25);
    expect(t.rows.filter((r) => r.overshoot).map((r) => r.year)).toEqual([2020, 2021]);
    expect(t.rows.map((r) => r.cumulativeBudget)).toEqual([10, 20, 30, 40, 50]);
  });

  it('projects the trend of the last five years and finds the year the budget runs out', () => {
    // Trend through 2017–2021: value = year − 2008, so 14, 15, 16 in 2022–2024; cumulative 12, 25, 39, 54 > 50.
    const t = trackBudget(budget, emissions);
    expect(t.trend?.slope).toBeCloseTo(1, 12);
    expect(t.trend?.intercept).toBeCloseTo(-2008, 9);
    expect(t.rows.map((r) => r.projected)).toEqual([null, null, expect.closeTo(14, 9), expect.closeTo(15, 9), expect.closeTo(16, 9)]);
    expect(t.exhaustionYear).toBe(2023);
    expect(t.warnings.map((w) => w.code)).toContain('exhausted');
    // With the trend fitted to the last two years only (12, 13): the same line here.
    expect(trackBudget(budget, emissions, { trendYears: 2 }).exhaustionYear).toBe(2023);
  });

  it('a falling trend may never exhaust the budget, and one observation gives no trend', () => {
    const falling = trackBudget(budget, yv([[2019, 9], [2020, 8], [2021, 7]]));
    // 8 + 7 + 6 + 5 + 4 = 30 within the period, then 3, 2, 1, 0: never above 50.
    expect(falling.exhaustionYear).toBeNull();
    const one = trackBudget(budget, yv([[2020, 8]]));
    expect(one.trend).toBeNull();
    expect(one.warnings.map((w) => w.code)).toEqual(['few_points_for_trend']);
    expect(one.rows[1]?.cumulativeEmissions).toBeNull();
  });

  it('rejects a budget with a gap, a repeated year or a negative value', async () => {
    expect(await caught(async () => trackBudget(yv([[2020, 1], [2022, 1]]), []))).toMatchObject({ code: 'carbon.bad_budget' });
    expect(await caught(async () => trackBudget(yv([[2020, 1], [2020, 2]]), []))).toMatchObject({ code: 'carbon.bad_budget' });
    expect(await caught(async () => trackBudget(yv([[2020, -1]]), []))).toMatchObject({ code: 'carbon.bad_budget' });
  });
});

describe('reduction paths', () => {
  it('linear and constant-rate paths from 100 in 2020 to 50 in 2030', () => {
    const lin = reductionPath('linear', { year: 2020, value: 100 }, { year: 2030, value: 50 });
    expect(lin).toHaveLength(11);
    expect(lin[5]).toEqual({ year: 2025, value: 75 });
    const cr = reductionPath('constant_rate', { year: 2020, value: 100 }, { year: 2030, value: 50 });
    expect(cr[5]?.value).toBeCloseTo(100 / Math.SQRT2, 10);
    expect(cr[10]?.value).toBe(50);
    expect(constantRate({ year: 2020, value: 100 }, { year: 2030, value: 50 })).toBeCloseTo(0.0669670084631926, 14);
    // The linear path front-loads less: more cumulative emissions than the constant-rate path.
    expect(lin.reduce((s, p) => s + p.value, 0)).toBeGreaterThan(cr.reduce((s, p) => s + p.value, 0));
  });

  it('measures a path against a budget and refuses a constant rate to zero', async () => {
    const path = yv([[2020, 12], [2021, 11], [2022, 10]]);
    expect(pathOvershoot(path, yv([[2020, 10], [2021, 10], [2022, 10], [2023, 10]]))).toBe(3);
    expect(await caught(async () => reductionPath('constant_rate', { year: 2020, value: 100 }, { year: 2030, value: 0 }))).toMatchObject({ code: 'carbon.bad_budget' });
    expect(await caught(async () => reductionPath('linear', { year: 2020, value: 100 }, { year: 2020, value: 0 }))).toMatchObject({ code: 'carbon.bad_budget' });
  });
});
