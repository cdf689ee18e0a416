import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { bundledDir } from '../../core/paths.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import { listSources } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { loadIoTable } from './ioTable.js';
import { codesAt, counts, loadPositionings } from './positionings.js';
import { zoneSimilarity } from './zoneSimilarity.js';

export const partnerSpecSchema = z.object({
  zone: z.string().min(1).max(8),
  includeUnverified: z.boolean().default(false),
  year: z.number().int().optional(),
});

export interface PartnerRow {
  readonly zone: string;
  readonly name: Label;
  /** Cosine similarity of positionings (GB/T 4754 divisions): high means duplicate competition. */
  readonly overlap: number;
  /** Mean direct domestic link between the two zones' positioned IO sectors, both directions. */
  readonly chainLink: number;
  /** chainLink × (1 − overlap): linked by the chain, unlike in what they make. */
  readonly score: number;
  readonly distanceKm: number | null;
  readonly reasons: readonly { kind: 'supplies' | 'buys' | 'overlap' | 'distance'; text: Label }[];
}

export interface ZonePartnersOutput {
  readonly kind: 'structure.partners';
  readonly zone: { id: string; name: Label };
  readonly partners: readonly PartnerRow[];
  readonly notScored: readonly string[];
  readonly method: Label;
  readonly provenance: Provenance;
}

function centroids(): Map<string, [number, number]> {
  const geo = JSON.parse(readFileSync(join(bundledDir(), 'geo', 'china_provinces.geojson'), 'utf8')) as { features: { properties: { code: string; cp?: [number, number] } }[] };
  return new Map(geo.features.filter((f) => f.properties.cp).map((f) => [f.properties.code, f.properties.cp as [number, number]]));
}

function haversineKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Partner zones for a zone: ranked by how strongly the national input–output table links their positioned
 * sectors (what one's industries buy from, and sell to, the other's: domestic technical and allocation
 * coefficients) weighted by how unlike their positionings are, so complementary zones rank above rivals. Every
 * row shows its reasons: the strongest links, the overlap and the distance between the host provinces.
 */
export async function zonePartners(store: Db, input: unknown): Promise<ZonePartnersOutput> {
  const parsed = partnerSpecSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const spec = parsed.data;
  const sim = await zoneSimilarity(store, { level: 'gbt4754', measure: 'cosine', includeUnverified: spec.includeUnverified });
  const me = sim.zones.findIndex((zn) => zn.id === spec.zone);
  if (me < 0) throw new FtzError('zone.not_found', { id: spec.zone, known: sim.zones.map((zn) => zn.id) });
  const t = await loadIoTable(store, spec.year);
  const n = t.codes.length;
  const idx = new Map(t.codes.map((c, i) => [c, i]));
  const items = (await loadPositionings(store)).filter((it) => counts(it.status, spec.includeUnverified));
  const sectorsOf = (zone: string): number[] => [...new Set(items.filter((it) => it.zone === zone).flatMap((it) => codesAt(it, 'io42')))].map((c) => idx.get(c)).filter((i): i is number => i !== undefined);
  const mine = sectorsOf(spec.zone);
  const provinces = new Map((await store.all<{ id: string; p: string }>('SELECT id, province_code AS p FROM zone')).map((r) => [r.id, r.p]));
  const cp = centroids();
  const myCp = cp.get(provinces.get(spec.zone) ?? '');
  const partners: PartnerRow[] = [];
  const notScored: string[] = [];
  sim.zones.forEach((other, k) => {
    if (k === me) return;
    const overlap = sim.matrix[me]?.[k];
    const theirs = sectorsOf(other.id);
    if (overlap === null || overlap === undefined || mine.length === 0 || theirs.length === 0) {
      notScored.push(other.id);
      return;
    }
    // Both directions of direct domestic links: they supply us (A_d[i, j], i theirs, j ours) and we sell to them (B[i, j], i ours, j theirs).
    const links: { kind: 'supplies' | 'buys'; from: number; to: number; w: number }[] = [];
    for (const i of theirs) for (const j of mine) if (i !== j) links.push({ kind: 'supplies', from: i, to: j, w: t.Ad.values[i * n + j] as number });
    for (const i of mine) for (const j of theirs) if (i !== j) links.push({ kind: 'buys', from: i, to: j, w: t.B.values[i * n + j] as number });
    const chainLink = links.length ? links.reduce((s, l) => s + l.w, 0) / (mine.length * theirs.length) : 0;
    const theirCp = cp.get(provinces.get(other.id) ?? '');
    const distanceKm = myCp && theirCp ? Math.round(haversineKm(myCp, theirCp)) : null;
    const top = links.sort((a, b) => b.w - a.w).slice(0, 3).filter((l) => l.w > 0);
    const nm = (i: number): Label => t.names[i] as Label;
    const reasons: PartnerRow['reasons'][number][] = top.map((l) => l.kind === 'supplies'
      ? { kind: 'supplies' as const, text: { zh: `${other.name.zh}的“${nm(l.from).zh}”供给本区“${nm(l.to).zh}”（直接消耗系数 ${l.w.toFixed(3)}）`, en: `${other.name.en}'s ${nm(l.from).en} supplies our ${nm(l.to).en} (input coefficient ${l.w.toFixed(3)})` } }
      : { kind: 'buys' as const, text: { zh: `本区“${nm(l.from).zh}”的产出流向${other.name.zh}的“${nm(l.to).zh}”（分配系数 ${l.w.toFixed(3)}）`, en: `our ${nm(l.from).en} sells to ${other.name.en}'s ${nm(l.to).en} (allocation coefficient ${l.w.toFixed(3)})` } });
    reasons.push({ kind: 'overlap', text: { zh: `定位相似度 ${overlap.toFixed(2)}`, en: `positioning similarity ${overlap.toFixed(2)}` } });
    if (distanceKm !== null) reasons.push({ kind: 'distance', text: { zh: `所在省份中心相距约 ${distanceKm} 公里`, en: `host provinces about ${distanceKm} km apart` } });
    partners.push({ zone: other.id, name: other.name, overlap, chainLink, score: chainLink * (1 - overlap), distanceKm, reasons });
  });
  partners.sort((a, b) => b.score - a.score || a.zone.localeCompare(b.zone));
  const sources = (await listSources(store)).filter((s) => s.id.startsWith('io.') || s.id.startsWith('positioning.') || s.id.startsWith('geo.')).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence }));
  return {
    kind: 'structure.partners', zone: { id: spec.zone, name: (sim.zones[me] as { name: Label }).name }, partners, notScored,
    method: {
      zh: `得分 = 链接强度 ×（1 − 定位相似度）。链接强度为两区定位部门之间国内直接消耗系数与分配系数的平均值（${t.year} 年全国投入产出表）；相似度为 GB/T 4754 大类层面的余弦相似度。`,
      en: `score = chain link × (1 − positioning similarity). The chain link is the mean domestic input and allocation coefficient between the two zones' positioned sectors (national IO table ${t.year}); similarity is the cosine similarity at GB/T 4754 division level.`,
    },
    provenance: await buildProvenance(store, { sources, options: { ...spec } }),
  };
}
