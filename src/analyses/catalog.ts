import { z } from 'zod';
import { buildProvenance } from '../core/provenance.js';
import type { ObservationsResponse, ZoneResponse, ZonesResponse } from '../server/apiTypes.js';
import {
  getZoneRecord, listSources, listZoneRecords, queryObservations, getIndicator, zoneSummary, listRegions,
} from '../store/catalog.js';
import type { Db } from '../store/duckdb.js';

/** Use cases that read the catalogue: the same answers for the CLI, the API and the page. */

export async function zonesOverview(store: Db): Promise<ZonesResponse> {
  return { zones: (await listZoneRecords(store)).map(zoneSummary) };
}

export async function zoneDetail(store: Db, id: string): Promise<ZoneResponse> {
  const zone = await getZoneRecord(store, id);
  const province = (await listRegions(store, 'province')).find((r) => r.code === zone.province_code) ?? null;
  return { zone, province };
}

export const observationQuerySchema = z.object({
  indicator: z.string().min(1).max(200),
  region: z
    .string()
    .regex(/^\d{6}(,\d{6})*$/, 'region must be comma-separated 6-digit GB/T 2260 codes')
    .optional(),
  from: z.coerce.number().int().min(1900).max(2100).optional(),
  to: z.coerce.number().int().min(1900).max(2100).optional(),
});

export type ObservationQueryInput = z.infer<typeof observationQuerySchema>;

export async function observations(store: Db, q: ObservationQueryInput): Promise<ObservationsResponse> {
  const indicator = await getIndicator(store, q.indicator);
  const rows = await queryObservations(store, {
    indicator: q.indicator,
    ...(q.region ? { regions: q.region.split(',') } : {}),
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
  });
  const ids = new Set(rows.map((r) => r.source_id));
  ids.add(indicator.source_id);
  const sources = (await listSources(store)).filter((s) => ids.has(s.id));
  const datasets = indicator.namespace === 'user' ? [userDatasetVersion(indicator.source_id)].filter((d) => d !== null) : [];
  const provenance = await buildProvenance(store, {
    sources: sources.map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence })),
    datasets,
    options: { ...q },
  });
  return { indicator, rows, sources, provenance };
}

/** `user:<name>@<version>` → the dataset version an imported indicator came from. */
function userDatasetVersion(sourceId: string): { name: string; version: number } | null {
  const m = /^user:(.+)@(\d+)$/.exec(sourceId);
  return m ? { name: m[1] as string, version: Number(m[2]) } : null;
}
