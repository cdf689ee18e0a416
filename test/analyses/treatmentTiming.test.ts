import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { treatmentTiming } from '../../src/analyses/did/treatmentTiming.js';
import type { ZoneRecord } from '../../src/store/zoneTypes.js';

const zones = JSON.parse(readFileSync(new URL('../../data/bundled/zones.json', import.meta.url), 'utf8')) as ZoneRecord[];
const byRegion = (t: ReturnType<typeof treatmentTiming>): Map<string, number> => new Map(t.map((x) => [x.region, x.year]));

describe('treatment timing from the FTZ registry', () => {
  it('dates the 22 host provinces by batch year: 2013, 2015 ×3, 2017 ×7, 2018, 2019 ×6, 2020 ×3, 2023', () => {
    const t = treatmentTiming(zones, 'province', 'batch_year');
    expect(t).toHaveLength(22);
    const counts = new Map<number, number>();
    for (const x of t) counts.set(x.year, (counts.get(x.year) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 2013: 1, 2015: 3, 2017: 7, 2018: 1, 2019: 6, 2020: 3, 2023: 1 });
  });

  it('uses the approval date when asked: the second batch was approved in December 2014', () => {
    const m = byRegion(treatmentTiming(zones, 'province', 'approval_year'));
    expect(m.get('440000')).toBe(2014);
    expect(m.get('310000')).toBe(2013);
  });

  it('counts the first full year after launch: Shanghai (launched 29 Sep 2013) from 2014', () => {
    const t = treatmentTiming(zones, 'province', 'first_full_year');
    const sh = t.find((x) => x.region === '310000');
    expect(sh).toMatchObject({ year: 2014, basis: 'first full year after launch 2013-09-29' });
  });

  it('dates host cities by sub-area, later additions from when they joined (Zhejiang 2020)', () => {
    const m = byRegion(treatmentTiming(zones, 'city', 'launch_year'));
    expect(m.get('330100')).toBe(2020); // Hangzhou sub-area added with the 2020 expansion
    expect(m.get('330900')).toBe(2017); // Zhoushan, with the zone
    expect(m.get('440300')).toBe(2015); // Shenzhen Qianhai-Shekou
  });
});
