import type { Label } from '../../core/result.js';
import type { Db } from '../../store/duckdb.js';

/** `VERIFIED` and `VERIFIED_SECONDARY` positionings count by default; `UNVERIFIED` drafts only when asked. */
export type PositioningStatus = 'VERIFIED' | 'VERIFIED_SECONDARY' | 'UNVERIFIED';

export interface PositioningItem {
  readonly zone: string;
  readonly areaId: string;
  readonly item: Label;
  readonly mapping: string;
  readonly sei: readonly string[];
  readonly gbt4754: readonly string[];
  readonly io42: readonly string[];
  readonly digital: boolean;
  readonly status: PositioningStatus;
  readonly sourceUrl: string;
}

/** The level at which positionings are compared: SEI 2018 areas, GB/T 4754 divisions, or the 42 IO sectors. */
export type CodeLevel = 'sei' | 'gbt4754' | 'io42';

const list = (s: string | null): string[] => (s ? s.split(';').map((x) => x.trim()).filter(Boolean) : []);

export async function loadPositionings(store: Db): Promise<PositioningItem[]> {
  const rows = await store.all<{ zone: string; area_id: string; item_zh: string; item_en: string | null; mapping: string; sei_codes: string | null; gbt4754_codes: string | null; io42_sectors: string | null; digital: boolean; positioning_status: PositioningStatus; source_url: string | null }>(
    'SELECT * FROM positioning ORDER BY zone, area_id',
  );
  return rows.map((r) => ({
    zone: r.zone, areaId: r.area_id, item: { zh: r.item_zh, en: r.item_en ?? '' }, mapping: r.mapping, sei: list(r.sei_codes), gbt4754: list(r.gbt4754_codes),
    io42: list(r.io42_sectors), digital: r.digital, status: r.positioning_status, sourceUrl: r.source_url ?? '',
  }));
}

export function counts(status: PositioningStatus, includeUnverified: boolean): boolean {
  return status !== 'UNVERIFIED' || includeUnverified;
}

/** An item's codes at a level: SEI areas (the part before the dot), GB/T 4754 divisions (2 digits), IO sectors. */
export function codesAt(item: PositioningItem, level: CodeLevel): string[] {
  const raw = level === 'sei' ? item.sei.map((c) => c.split('.')[0] as string) : level === 'gbt4754' ? item.gbt4754.map((c) => c.slice(0, 2)) : item.io42;
  return [...new Set(raw)];
}

/** Items counted per code for a zone (an item mapped to several codes counts once for each). */
export function zoneCodeWeights(items: readonly PositioningItem[], level: CodeLevel): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) for (const c of codesAt(it, level)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}
