/**
 * The FTZ registry as bundled in `data/bundled/zones.json`. Every fact is a {@link SourcedField}: the value,
 * how well it is verified, and the pages that show it, so a user can always see where a number came from.
 */

/** How far a field has been checked (see `data/sources/ftz/SOURCE.md`). */
export type VerificationStatus = 'VERIFIED' | 'VERIFIED_SECONDARY' | 'CONFLICT' | 'UNVERIFIED';

export interface SourceRef {
  readonly url: string;
  /** the document as cited, e.g. `国发〔2019〕16号` */
  readonly doc: string;
  /** date of the document or page, ISO where known */
  readonly date: string;
  /** the words on the page that show the value */
  readonly quote: string;
  /** `official_gov`, `legal_db`, `state_media`, `news`, `secondary_copy`, `wiki_mirror`, `code_package` … */
  readonly kind: string;
}

export interface SourcedField<T> {
  /** null when not verified: the draft value, if any, stays in `draft_value` and is never shown as fact */
  readonly value: T | null;
  readonly status: VerificationStatus;
  readonly sources: readonly SourceRef[];
  readonly note?: string;
  readonly draft_value?: T;
  readonly alternatives?: readonly { readonly value: T; readonly sources: readonly SourceRef[] }[];
}

export interface PlanDocument {
  readonly title: string;
  readonly doc_no: string | null;
  readonly doc_date: string | null;
  readonly published?: string | null;
  readonly note?: string;
}

export type LocationType = 'coastal' | 'inland' | 'border';

export interface HostCity {
  /** GB/T 2260 code of the prefecture-level city (or province-level municipality), 6 digits */
  readonly code: string;
  readonly name_zh: string;
  /** district or county, where the sources name one */
  readonly district?: string;
}

export interface ZoneAreaRecord {
  /** stable id `<zone>-<slug>`, e.g. `SH-LINGANG` */
  readonly id: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly host_city: SourcedField<HostCity>;
  readonly area_km2: SourcedField<number>;
  /** when the sub-area became part of the zone, `YYYY-MM` or `YYYY-MM-DD` */
  readonly added: SourcedField<string>;
  /** industry positioning (重点发展产业) in the words of the general plan, Chinese */
  readonly positioning_zh: SourcedField<readonly string[]>;
  /** the same list in English, one item per Chinese item */
  readonly positioning_en: readonly string[] | null;
  readonly customs_special_areas: SourcedField<readonly string[]>;
  readonly note?: string;
}

export interface ZoneRecord {
  /** two-letter id, e.g. `SH` */
  readonly id: string;
  readonly name_zh: string;
  /** e.g. `China (Shanghai) Pilot Free Trade Zone` */
  readonly name_en: string;
  /** GB/T 2260 code of the host province */
  readonly province_code: string;
  /** 1..7 */
  readonly batch: SourcedField<number>;
  /** the calendar year of the batch: 2013, 2015, 2017, 2018, 2019, 2020, 2023 */
  readonly batch_year: number;
  readonly general_plan: SourcedField<PlanDocument>;
  /** State Council approval, ISO date or `YYYY-MM` */
  readonly approved: SourcedField<string>;
  readonly plan_published: SourcedField<string>;
  /** unveiling (挂牌) date */
  readonly launched: SourcedField<string>;
  /** current total area */
  readonly area_km2: SourcedField<number>;
  /** earlier totals, oldest first, e.g. Shanghai 28.78 (2013) → 120.72 (2015) */
  readonly area_history: readonly { readonly from: string; readonly area_km2: SourcedField<number> }[];
  readonly later_plans: readonly SourcedField<PlanDocument>[];
  readonly location_type: SourcedField<LocationType>;
  readonly areas: readonly ZoneAreaRecord[];
}
