/**
 * The JSON shapes the HTTP API returns. The dashboard imports these types (type-only), so the page and the
 * server cannot drift apart silently.
 */
import type { Provenance } from '../core/result.js';
import type { LocationType, ZoneRecord } from '../store/zoneTypes.js';

export type Lang = 'zh' | 'en';

export interface ApiSource {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  readonly url: string;
  readonly licence: string;
  readonly retrieved: string;
  readonly citation?: string;
  readonly note?: string;
}

export interface ApiRegion {
  readonly code: string;
  readonly level: 'province' | 'prefecture';
  readonly parent: string | null;
  readonly name_zh: string;
  readonly short_zh: string;
  readonly name_en: string;
  readonly macro_region: 'east' | 'central' | 'west' | 'northeast' | null;
  readonly location_type: LocationType | null;
}

export interface ApiIndicator {
  readonly code: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly unit_zh: string;
  readonly unit_en: string;
  /** `+` more is better for NQPF, `-` less is better, `` no direction */
  readonly direction: '+' | '-' | '';
  /** `bundled` data shipped with ftzlab, or `user` data imported by the user */
  readonly namespace: 'bundled' | 'user';
  /** source dataset, e.g. `RDActivity` or the user's dataset name */
  readonly dataset: string;
  /** `innovation`, `green`, `economy`, … or `user` */
  readonly topic: string;
  readonly source_id: string;
  readonly first_year: number | null;
  readonly last_year: number | null;
  readonly regions: number;
  readonly region_level: 'province' | 'prefecture' | 'mixed';
}

export interface ApiObservation {
  readonly region: string;
  readonly year: number;
  readonly value: number;
  readonly source_id: string;
  readonly note: string | null;
}

export interface ObservationsResponse {
  readonly indicator: ApiIndicator;
  readonly rows: readonly ApiObservation[];
  readonly sources: readonly ApiSource[];
  /** package version, SHA-256 of the bundled data or the user dataset version, the query */
  readonly provenance: Provenance;
}

export interface ZoneSummary {
  readonly id: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly province_code: string;
  readonly batch: number | null;
  readonly batch_year: number;
  readonly approved: string | null;
  readonly launched: string | null;
  readonly area_km2: number | null;
  readonly location_type: LocationType | null;
  readonly sub_areas: number;
  /** share of the zone's fields that are VERIFIED or VERIFIED_SECONDARY, 0..1 */
  readonly verified_share: number;
}

export interface ZonesResponse {
  readonly zones: readonly ZoneSummary[];
}

export interface ZoneResponse {
  readonly zone: ZoneRecord;
  readonly province: ApiRegion | null;
}

export interface DatasetColumn {
  readonly name: string;
  /** `text`, `number`, `integer`, `date` */
  readonly type: string;
  /** the role the importer recognised: region, year, indicator, value, or a measure column */
  readonly role: 'region' | 'year' | 'indicator' | 'value' | 'measure' | 'other';
}

export interface DatasetSummary {
  readonly name: string;
  readonly version: number;
  readonly versions: number;
  readonly rows: number;
  readonly columns: readonly DatasetColumn[];
  readonly imported_at: string;
  readonly file_name: string;
  readonly encoding: string;
  readonly layout: 'long' | 'wide' | 'nbs' | 'table';
}

export interface DatasetsResponse {
  readonly datasets: readonly DatasetSummary[];
}

export interface DatasetResponse {
  readonly dataset: DatasetSummary;
  readonly rows: readonly Record<string, string | number | null>[];
}

export interface MetaResponse {
  readonly name: 'ftzlab';
  readonly version: string;
  readonly basemap: {
    readonly custom: boolean;
    readonly note_zh: string;
    readonly note_en: string;
  };
  readonly counts: { readonly zones: number; readonly indicators: number; readonly observations: number };
}

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}
