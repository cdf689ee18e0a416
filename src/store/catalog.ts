import type {
  ApiIndicator, ApiObservation, ApiRegion, ApiSource, ZoneSummary,
} from '../server/apiTypes.js';
import { FtzError } from '../core/errors.js';
import type { Db } from './duckdb.js';
import type { SourcedField, ZoneRecord } from './zoneTypes.js';

/** Read-only queries over the bundled catalogue and the current versions of user datasets. */

export async function listSources(store: Db): Promise<ApiSource[]> {
  const rows = await store.all<Record<string, string | null>>('SELECT * FROM source ORDER BY id');
  return rows.map((r) => {
    const s: Record<string, string> = {};
    for (const [k, v] of Object.entries(r)) if (v !== null) s[k] = v;
    return s as unknown as ApiSource;
  });
}

export async function listRegions(store: Db, level?: 'province' | 'prefecture'): Promise<ApiRegion[]> {
  const rows = await store.all<ApiRegion>(
    `SELECT code, level, parent, name_zh, short_zh, name_en, macro_region, location_type FROM region
     ${level ? 'WHERE level = ?' : ''} ORDER BY code`,
    level ? [level] : [],
  );
  return rows;
}

const INDICATOR_SQL = `
  WITH current AS (SELECT name, max(version) AS version FROM dataset GROUP BY name),
  bundled AS (
    SELECT i.code, i.name_zh, i.name_en, coalesce(i.unit_zh, '') AS unit_zh, coalesce(i.unit_en, '') AS unit_en,
      coalesce(i.direction, '') AS direction, 'bundled' AS namespace, i.dataset, i.topic, i.source_id,
      min(o.year) AS first_year, max(o.year) AS last_year, count(DISTINCT o.region)::INTEGER AS regions,
      CASE WHEN count(DISTINCT r.level) > 1 THEN 'mixed' ELSE coalesce(min(r.level), 'province') END AS region_level
    FROM indicator i LEFT JOIN observation o ON o.indicator = i.code LEFT JOIN region r ON r.code = o.region
    GROUP BY ALL),
  usr AS (
    SELECT u.code, u.name AS name_zh, u.name AS name_en, coalesce(u.unit, '') AS unit_zh, coalesce(u.unit, '') AS unit_en,
      '' AS direction, 'user' AS namespace, u.dataset, 'user' AS topic, 'user:' || u.dataset || '@' || u.version AS source_id,
      min(o.year) AS first_year, max(o.year) AS last_year, count(DISTINCT o.region)::INTEGER AS regions,
      CASE WHEN count(DISTINCT r.level) > 1 THEN 'mixed' ELSE coalesce(min(r.level), 'province') END AS region_level
    FROM user_indicator u JOIN current c ON c.name = u.dataset AND c.version = u.version
    LEFT JOIN user_observation o ON o.dataset = u.dataset AND o.version = u.version AND o.indicator = u.code
    LEFT JOIN region r ON r.code = o.region
    GROUP BY ALL)
  SELECT * FROM (SELECT * FROM bundled UNION ALL SELECT * FROM usr)`;

export async function listIndicators(store: Db): Promise<ApiIndicator[]> {
  return store.all<ApiIndicator>(`${INDICATOR_SQL} ORDER BY namespace, topic, dataset, code`);
}

export async function getIndicator(store: Db, code: string): Promise<ApiIndicator> {
  const row = await store.one<ApiIndicator>(`${INDICATOR_SQL} WHERE code = ?`, [code]);
  if (!row) throw new FtzError('indicator.not_found', { code });
  return row;
}

export interface ObservationQuery {
  readonly indicator: string;
  readonly regions?: readonly string[];
  readonly from?: number;
  readonly to?: number;
}

export async function queryObservations(store: Db, q: ObservationQuery): Promise<ApiObservation[]> {
  const indicator = await getIndicator(store, q.indicator);
  const where: string[] = ['indicator = ?'];
  const params: (string | number)[] = [q.indicator];
  if (q.regions && q.regions.length > 0) {
    where.push(`region IN (${q.regions.map(() => '?').join(', ')})`);
    params.push(...q.regions);
  }
  if (q.from !== undefined) { where.push('year >= ?'); params.push(q.from); }
  if (q.to !== undefined) { where.push('year <= ?'); params.push(q.to); }
  if (indicator.namespace === 'bundled') {
    return store.all<ApiObservation>(
      `SELECT region, year, value, source_id, note FROM observation WHERE ${where.join(' AND ')} ORDER BY region, year`,
      params,
    );
  }
  return store.all<ApiObservation>(
    `SELECT o.region, o.year, o.value, ? AS source_id, NULL AS note FROM user_observation o
     JOIN (SELECT name, max(version) AS version FROM dataset GROUP BY name) c ON c.name = o.dataset AND c.version = o.version
     WHERE ${where.map((w) => `o.${w}`).join(' AND ')} ORDER BY region, year`,
    [indicator.source_id, ...params],
  );
}

export async function listZoneRecords(store: Db): Promise<ZoneRecord[]> {
  const rows = await store.all<{ record: string }>('SELECT record FROM zone_doc ORDER BY ord');
  return rows.map((r) => JSON.parse(r.record) as ZoneRecord);
}

export async function getZoneRecord(store: Db, id: string): Promise<ZoneRecord> {
  const row = await store.one<{ record: string }>('SELECT record FROM zone_doc WHERE upper(id) = upper(?)', [id]);
  if (!row) {
    const known = await store.all<{ id: string }>('SELECT id FROM zone_doc ORDER BY ord');
    throw new FtzError('zone.not_found', { id, known: known.map((k) => k.id) });
  }
  return JSON.parse(row.record) as ZoneRecord;
}

/** Counts the sourced fields of a zone (and its sub-areas) by verification status. */
export function fieldStatusCounts(zone: ZoneRecord): Record<string, number> {
  const counts: Record<string, number> = {};
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(visit); return; }
    if (v === null || typeof v !== 'object') return;
    const o = v as Partial<SourcedField<unknown>>;
    if (typeof o.status === 'string' && Array.isArray(o.sources)) {
      counts[o.status] = (counts[o.status] ?? 0) + 1;
      return;
    }
    Object.values(v).forEach(visit);
  };
  visit(zone);
  return counts;
}

export function zoneSummary(z: ZoneRecord): ZoneSummary {
  const counts = fieldStatusCounts(z);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const verified = (counts.VERIFIED ?? 0) + (counts.VERIFIED_SECONDARY ?? 0);
  return {
    id: z.id, name_zh: z.name_zh, name_en: z.name_en, province_code: z.province_code, batch: z.batch.value,
    batch_year: z.batch_year, approved: z.approved.value, launched: z.launched.value, area_km2: z.area_km2.value,
    location_type: z.location_type.value, sub_areas: z.areas.length, verified_share: total ? verified / total : 0,
  };
}

export async function storeCounts(store: Db): Promise<{ zones: number; indicators: number; observations: number }> {
  const row = await store.one<{ zones: number; indicators: number; observations: number }>(
    `SELECT (SELECT count(*) FROM zone_doc)::INTEGER AS zones,
            ((SELECT count(*) FROM indicator) + (SELECT count(*) FROM user_indicator))::INTEGER AS indicators,
            ((SELECT count(*) FROM observation) + (SELECT count(*) FROM user_observation))::INTEGER AS observations`,
  );
  return row ?? { zones: 0, indicators: 0, observations: 0 };
}
