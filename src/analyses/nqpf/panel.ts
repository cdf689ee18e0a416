import type { Db } from '../../store/duckdb.js';

/**
 * Region × year values of stored series, for an index run: bundled observations and the current version
 * of user datasets alike. Cells without a value are NaN: gaps stay gaps.
 */
export interface SeriesPanel {
  readonly regions: readonly string[];
  readonly years: readonly number[];
  /** series code → values, row-major region × year (index r * years.length + t) */
  readonly values: ReadonlyMap<string, Float64Array>;
  /** series code → the source ids its values cite */
  readonly sources: ReadonlyMap<string, readonly string[]>;
  /** series that no table holds at all */
  readonly unknown: readonly string[];
}

export async function loadSeriesPanel(
  store: Db,
  q: { series: readonly string[]; regions: readonly string[]; years: readonly number[] },
): Promise<SeriesPanel> {
  const rIndex = new Map(q.regions.map((r, i) => [r, i]));
  const tIndex = new Map(q.years.map((y, i) => [y, i]));
  const cells = q.regions.length * q.years.length;
  const values = new Map<string, Float64Array>();
  const sources = new Map<string, Set<string>>();
  for (const s of q.series) {
    values.set(s, new Float64Array(cells).fill(Number.NaN));
    sources.set(s, new Set());
  }
  if (q.series.length === 0 || cells === 0) return { regions: q.regions, years: q.years, values, sources: new Map(), unknown: [...q.series] };
  const marks = q.series.map(() => '?').join(', ');
  const rows = await store.all<{ indicator: string; region: string; year: number; value: number; source_id: string }>(
    `SELECT indicator, region, year, value, source_id FROM observation WHERE indicator IN (${marks})
     UNION ALL
     SELECT o.indicator, o.region, o.year, o.value, 'user:' || o.dataset || '@' || o.version AS source_id
       FROM user_observation o JOIN (SELECT name, max(version) AS version FROM dataset GROUP BY name) c
         ON c.name = o.dataset AND c.version = o.version
      WHERE o.indicator IN (${marks})`,
    [...q.series, ...q.series],
  );
  const known = new Set<string>();
  for (const row of rows) {
    known.add(row.indicator);
    const r = rIndex.get(row.region);
    const t = tIndex.get(row.year);
    if (r === undefined || t === undefined) continue;
    (values.get(row.indicator) as Float64Array)[r * q.years.length + t] = row.value;
    (sources.get(row.indicator) as Set<string>).add(row.source_id);
  }
  const indicatorRows = await store.all<{ code: string }>(
    `SELECT code FROM indicator WHERE code IN (${marks}) UNION SELECT code FROM user_indicator WHERE code IN (${marks})`,
    [...q.series, ...q.series],
  );
  for (const r of indicatorRows) known.add(r.code);
  return {
    regions: q.regions,
    years: q.years,
    values,
    sources: new Map([...sources].map(([k, v]) => [k, [...v].sort()])),
    unknown: q.series.filter((s) => !known.has(s)),
  };
}
