import { FtzError } from '../../core/errors.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance } from '../../core/result.js';
import { listSources } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { codesAt, loadPositionings, type PositioningStatus } from './positionings.js';
import { codeNames } from './zoneSimilarity.js';

export interface ZoneProfileOutput {
  readonly kind: 'structure.profile';
  readonly zone: { id: string; name: Label };
  /** Every sub-area with every positioning item, its status and the page that shows it (unverified items marked). */
  readonly areas: readonly {
    id: string; name: Label; status: PositioningStatus | null;
    items: readonly { item: Label; status: PositioningStatus; mapping: string; sei: readonly { code: string; name: Label }[]; divisions: readonly { code: string; name: Label }[]; digital: boolean; sourceUrl: string }[];
  }[];
  /** Over counted items (verified unless asked): SEI areas and GB/T divisions with item counts, and the digital share (the "+1" of N+1). */
  readonly summary: { items: number; mappable: number; digital: number; digitalShare: number | null; sei: readonly { code: string; name: Label; items: number }[]; divisions: readonly { code: string; name: Label; items: number }[] };
  readonly warnings: readonly { code: string; message: Label }[];
  readonly provenance: Provenance;
}

/** A zone's industry positioning by sub-area, mapped to SEI 2018 areas and GB/T 4754 divisions, with its digital share. */
export async function zoneProfile(store: Db, zoneId: string, options: { includeUnverified?: boolean } = {}): Promise<ZoneProfileOutput> {
  const zone = await store.one<{ id: string; name_zh: string; name_en: string }>('SELECT id, name_zh, name_en FROM zone WHERE id = ?', [zoneId]);
  if (!zone) throw new FtzError('zone.not_found', { id: zoneId, known: (await store.all<{ id: string }>('SELECT id FROM zone ORDER BY id')).map((r) => r.id) });
  const areas = await store.all<{ id: string; name_zh: string; name_en: string }>('SELECT id, name_zh, name_en FROM zone_area WHERE zone = ? ORDER BY id', [zoneId]);
  const items = (await loadPositionings(store)).filter((it) => it.zone === zoneId);
  const sei = await codeNames(store, 'sei');
  const div = await codeNames(store, 'gbt4754');
  const counted = items.filter((it) => it.status !== 'UNVERIFIED' || options.includeUnverified === true);
  const tally = (codes: (it: typeof items[number]) => string[], names: Map<string, Label>) => {
    const m = new Map<string, number>();
    for (const it of counted) for (const c of codes(it)) m.set(c, (m.get(c) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => ({ code, name: names.get(code) ?? { zh: code, en: code }, items: n }));
  };
  const mappable = counted.filter((it) => it.mapping !== 'unmappable');
  const digital = mappable.filter((it) => it.digital).length;
  const warnings: { code: string; message: Label }[] = [];
  const unverified = items.filter((it) => it.status === 'UNVERIFIED').length;
  if (unverified && !options.includeUnverified) warnings.push({ code: 'structure.unverified_excluded', message: { zh: `${unverified} 个未核实的定位条目已标出，但未计入汇总`, en: `${unverified} unverified positioning items are shown, marked, but not counted` } });
  const sources = (await listSources(store)).filter((s) => s.id.startsWith('positioning.') || s.id.startsWith('classif.') || s.id.startsWith('ftz.')).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence }));
  return {
    kind: 'structure.profile', zone: { id: zone.id, name: { zh: zone.name_zh, en: zone.name_en } },
    areas: areas.map((a) => {
      const its = items.filter((it) => it.areaId === a.id);
      return {
        id: a.id, name: { zh: a.name_zh, en: a.name_en }, status: its[0]?.status ?? null,
        items: its.map((it) => ({
          item: it.item, status: it.status, mapping: it.mapping, digital: it.digital, sourceUrl: it.sourceUrl,
          sei: codesAt(it, 'sei').map((code) => ({ code, name: sei.get(code) ?? { zh: code, en: code } })),
          divisions: codesAt(it, 'gbt4754').map((code) => ({ code, name: div.get(code) ?? { zh: code, en: code } })),
        })),
      };
    }),
    summary: { items: counted.length, mappable: mappable.length, digital, digitalShare: mappable.length ? digital / mappable.length : null, sei: tally((it) => codesAt(it, 'sei'), sei), divisions: tally((it) => codesAt(it, 'gbt4754'), div) },
    warnings, provenance: await buildProvenance(store, { sources, options: { zone: zoneId, includeUnverified: options.includeUnverified === true } }),
  };
}
