import type { ZoneRecord } from '../../store/zoneTypes.js';

/**
 * When a region counts as treated by a Pilot FTZ, derived from the registry (never typed twice). The rule is
 * an option because the literature differs: most DID studies date the 2nd batch 2015 although the State
 * Council approved it in December 2014.
 * - `batch_year`: the batch's calendar year (2013, 2015, 2017, 2018, 2019, 2020, 2023);
 * - `approval_year`: the year of State Council approval;
 * - `launch_year`: the year the zone (province) or sub-area (city) was unveiled;
 * - `first_full_year`: the first calendar year the zone was in place for all twelve months.
 */
export type TimingRule = 'batch_year' | 'approval_year' | 'launch_year' | 'first_full_year';
export type TimingLevel = 'province' | 'city';

export interface TreatmentTiming {
  readonly region: string;
  readonly year: number;
  readonly zone: string;
  /** what the year was read from, e.g. `launched 2013-09-29` */
  readonly basis: string;
}

const yearOf = (date: string | null): number | null => (date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null);

function fullYear(date: string | null): number | null {
  const y = yearOf(date);
  if (y === null || date === null) return null;
  const month = /^\d{4}-(\d{2})/.exec(date)?.[1];
  // A zone launched on 1 January is in place the whole year; any later date counts from the next year.
  return month === undefined || (month === '01' && /-01-01$/.test(date)) ? y : y + 1;
}

/**
 * First treated year per region. Province level: the host province of each zone. City level: the host city
 * of each sub-area, from the date the sub-area joined its zone (e.g. Lingang 2019). A region hosting several
 * zones or sub-areas is treated from the earliest. Where the chosen date is unverified, the batch year is
 * used and the basis says so.
 */
export function treatmentTiming(zones: readonly ZoneRecord[], level: TimingLevel, rule: TimingRule): TreatmentTiming[] {
  const out = new Map<string, TreatmentTiming>();
  const put = (t: TreatmentTiming): void => {
    const prev = out.get(t.region);
    if (!prev || t.year < prev.year) out.set(t.region, t);
  };
  for (const z of zones) {
    const zoneDate = (): { year: number; basis: string } => {
      switch (rule) {
        case 'batch_year':
          return { year: z.batch_year, basis: `batch ${z.batch_year}` };
        case 'approval_year': {
          const y = yearOf(z.approved.value);
          return y === null ? { year: z.batch_year, basis: `approval not verified: batch ${z.batch_year}` } : { year: y, basis: `approved ${z.approved.value}` };
        }
        case 'launch_year': {
          const y = yearOf(z.launched.value);
          return y === null ? { year: z.batch_year, basis: `launch not verified: batch ${z.batch_year}` } : { year: y, basis: `launched ${z.launched.value}` };
        }
        case 'first_full_year': {
          const y = fullYear(z.launched.value);
          return y === null ? { year: z.batch_year + 1, basis: `launch not verified: batch ${z.batch_year} + 1` } : { year: y, basis: `first full year after launch ${z.launched.value}` };
        }
      }
    };
    if (level === 'province') {
      put({ region: z.province_code, zone: z.id, ...zoneDate() });
      continue;
    }
    for (const a of z.areas) {
      const city = a.host_city.value?.code;
      if (!city) continue;
      const added = a.added.value;
      // Sub-areas that came with the zone follow the zone rule; later additions (Lingang 2019, Zhejiang 2020) date from joining.
      const joinedLater = yearOf(added) !== null && (yearOf(added) as number) > z.batch_year;
      if (joinedLater) {
        const y = rule === 'first_full_year' ? fullYear(added) : yearOf(added);
        put({ region: city, zone: z.id, year: y as number, basis: `sub-area ${a.id} added ${added}` });
      } else {
        put({ region: city, zone: z.id, ...zoneDate() });
      }
    }
  }
  return [...out.values()].sort((a, b) => a.region.localeCompare(b.region));
}
