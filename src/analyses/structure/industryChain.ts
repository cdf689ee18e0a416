import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import { ioLinkages, sectorLinks } from '../../methods/structure/ioLinkages.js';
import { listSources } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { loadIoTable, type IoTable } from './ioTable.js';
import { codesAt, counts, loadPositionings } from './positionings.js';

export const chainSpecSchema = z.object({
  /** An IO sector code of the bundled table ("18"), or a GB/T 4754 division prefixed "gbt:" ("gbt:39"). */
  sector: z.string().min(1).max(16),
  year: z.number().int().optional(),
  /** Domestic inputs only (the table splits imports): the links that stay in China. */
  domestic: z.boolean().default(true),
  top: z.number().int().min(1).max(42).default(8),
  /** A zone: mark which links its positioning, and the other zones of its macro-region, already cover. */
  zone: z.string().min(1).max(8).optional(),
  includeUnverified: z.boolean().default(false),
});
export type ChainSpec = z.output<typeof chainSpecSchema>;

type Coverage = 'in_zone' | 'nearby' | 'missing' | null;
export interface ChainLinkRow { code: string; name: Label; weight: number; coverage: Coverage; nearbyZones: readonly string[] }

export interface IndustryChainOutput {
  readonly kind: 'structure.chain';
  readonly spec: ChainSpec;
  readonly year: number;
  readonly sector: { code: string; name: Label; divisions: readonly string[]; backward: number; forward: number; keySector: boolean; outputMultiplier: number };
  /** What the sector buys per unit of output (column of A), largest first. */
  readonly suppliers: readonly ChainLinkRow[];
  /** Where its domestic output goes (row of the allocation coefficients B), largest first. */
  readonly customers: readonly ChainLinkRow[];
  /** With a zone: links to strengthen (covered), complete (missing suppliers) and extend (missing customers). */
  readonly advice: { readonly strengthen: readonly string[]; readonly complete: readonly string[]; readonly extend: readonly string[] } | null;
  readonly provenance: Provenance;
}

function resolveSector(t: IoTable, sector: string): number {
  if (sector.startsWith('gbt:')) {
    const div = sector.slice(4).slice(0, 2);
    const j = t.divisions.findIndex((d) => d.includes(div));
    if (j < 0) throw new FtzError('disparity.option_invalid', { option: 'sector', value: sector, reason: `no IO sector contains GB/T 4754 division ${div}` });
    return j;
  }
  const j = t.codes.indexOf(sector.padStart(2, '0'));
  if (j < 0) throw new FtzError('disparity.option_invalid', { option: 'sector', value: sector, reason: `IO sectors are ${t.codes[0]}–${t.codes.at(-1)}; or give a GB/T 4754 division as gbt:NN` });
  return j;
}

/**
 * A chain map for one industry from the bundled national input–output table: its direct suppliers (technical
 * coefficients) and customers (allocation coefficients), its Rasmussen backward and forward linkages, and, for
 * a zone, which of those links the zone's own positioning covers, which other zones of its macro-region cover,
 * and which no zone nearby covers — the links to strengthen, complete (upstream) and extend (downstream).
 */
export async function industryChain(store: Db, input: unknown): Promise<IndustryChainOutput> {
  const parsed = chainSpecSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const spec = parsed.data;
  const t = await loadIoTable(store, spec.year);
  const j = resolveSector(t, spec.sector);
  const A = spec.domestic ? t.Ad : t.A;
  const links = sectorLinks(A, t.B, j, { top: spec.top });
  const lk = ioLinkages(t.A, { B: t.B, Ad: t.Ad });
  const set = spec.domestic && lk.domestic ? lk.domestic : lk.total;

  let inZone = new Set<string>();
  const nearby = new Map<string, string[]>();
  if (spec.zone) {
    const zone = await store.one<{ province_code: string }>('SELECT province_code FROM zone WHERE id = ?', [spec.zone]);
    if (!zone) throw new FtzError('zone.not_found', { id: spec.zone, known: (await store.all<{ id: string }>('SELECT id FROM zone ORDER BY id')).map((r) => r.id) });
    const macro = (await store.one<{ m: string | null }>('SELECT macro_region AS m FROM region WHERE code = ?', [zone.province_code]))?.m ?? null;
    const peers = (await store.all<{ id: string }>('SELECT z.id FROM zone z JOIN region r ON r.code = z.province_code WHERE r.macro_region = ? AND z.id <> ?', [macro, spec.zone])).map((r) => r.id);
    const items = (await loadPositionings(store)).filter((it) => counts(it.status, spec.includeUnverified));
    inZone = new Set(items.filter((it) => it.zone === spec.zone).flatMap((it) => codesAt(it, 'io42')));
    for (const it of items.filter((x) => peers.includes(x.zone))) {
      for (const c of codesAt(it, 'io42')) nearby.set(c, [...new Set([...(nearby.get(c) ?? []), it.zone])]);
    }
  }
  const row = (l: { sector: number; weight: number }): ChainLinkRow => {
    const code = t.codes[l.sector] as string;
    const near = nearby.get(code) ?? [];
    return { code, name: t.names[l.sector] as Label, weight: l.weight, coverage: spec.zone ? (inZone.has(code) ? 'in_zone' : near.length ? 'nearby' : 'missing') : null, nearbyZones: near };
  };
  const suppliers = links.suppliers.map(row);
  const customers = links.customers.map(row);
  const advice = spec.zone ? {
    strengthen: [...suppliers, ...customers].filter((r) => r.coverage === 'in_zone').map((r) => r.code).filter((c, i, a) => a.indexOf(c) === i),
    complete: suppliers.filter((r) => r.coverage === 'missing').map((r) => r.code),
    extend: customers.filter((r) => r.coverage === 'missing').map((r) => r.code),
  } : null;
  const sources = (await listSources(store)).filter((s) => s.id.startsWith('io.') || (spec.zone !== undefined && s.id.startsWith('positioning.'))).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence }));
  return {
    kind: 'structure.chain', spec, year: t.year,
    sector: { code: t.codes[j] as string, name: t.names[j] as Label, divisions: t.divisions[j] as string[], backward: set.backward[j] as number, forward: set.forward[j] as number, keySector: set.keySector[j] as boolean, outputMultiplier: set.outputMultipliers[j] as number },
    suppliers, customers, advice,
    provenance: await buildProvenance(store, { sources, options: { ...spec } }),
  };
}
