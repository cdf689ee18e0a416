import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import { averageLinkage, codeSetMatrix, cutDendrogram, similarityMatrix, type Dendrogram } from '../../methods/structure/structureSimilarity.js';
import { listSources } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { counts, loadPositionings, zoneCodeWeights, type CodeLevel } from './positionings.js';

export const similaritySpecSchema = z.object({
  level: z.enum(['sei', 'gbt4754', 'io42']).default('gbt4754'),
  measure: z.enum(['jaccard', 'cosine']).default('cosine'),
  includeUnverified: z.boolean().default(false),
  clusters: z.number().int().min(1).max(22).default(5),
});
export type SimilaritySpec = z.output<typeof similaritySpecSchema>;

export interface ZoneSimilarityOutput {
  readonly kind: 'structure.similarity';
  readonly spec: SimilaritySpec;
  /** All 22 zones in registry order; `scored` false when no positioning item counts under the spec. */
  readonly zones: readonly { id: string; name: Label; items: number; codes: number; scored: boolean; cluster: number | null }[];
  /** zones × zones, null where a zone is not scored; the diagonal is 1 for scored zones. */
  readonly matrix: readonly (readonly (number | null)[])[];
  /** The most alike pairs of different zones (duplicate-competition candidates), with the codes they share. */
  readonly topPairs: readonly { a: string; b: string; similarity: number; shared: readonly { code: string; name: Label }[] }[];
  readonly dendrogram: Dendrogram | null;
  readonly warnings: readonly { code: string; message: Label }[];
  readonly provenance: Provenance;
}

/** Names of codes at a level, for display. */
export async function codeNames(store: Db, level: CodeLevel): Promise<Map<string, Label>> {
  if (level === 'sei') {
    const rows = await store.all<{ code: string; name_zh: string }>("SELECT code, name_zh FROM sei2018 WHERE level = 1");
    return new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: `SEI area ${r.code}` }]));
  }
  if (level === 'gbt4754') {
    const rows = await store.all<{ code: string; name_zh: string }>("SELECT code, name_zh FROM gbt4754 WHERE level = 'division'");
    return new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: `GB/T 4754 division ${r.code}` }]));
  }
  const rows = await store.all<{ code: string; name_zh: string; name_en: string }>('SELECT code, name_zh, name_en FROM io_sector WHERE year = (SELECT max(year) FROM io_sector)');
  return new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]));
}

/**
 * How alike the 22 zones' industry positionings are (the duplicate-competition matrix): each zone's items,
 * as counts per code at the chosen level over all its sub-areas, compared pairwise by cosine or weighted
 * Jaccard similarity, then clustered by average linkage. Unverified positionings are left out unless asked
 * for; a zone with no counted item stays in the matrix as an empty row, flagged, never scored as 0.
 */
export async function zoneSimilarity(store: Db, input: unknown): Promise<ZoneSimilarityOutput> {
  const parsed = similaritySpecSchema.safeParse(input ?? {});
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const spec = parsed.data;
  const zones = await store.all<{ id: string; name_zh: string; name_en: string }>('SELECT z.id, z.name_zh, z.name_en FROM zone z JOIN zone_doc d ON d.id = z.id ORDER BY d.ord');
  const items = (await loadPositionings(store)).filter((it) => counts(it.status, spec.includeUnverified));
  const weights = zones.map((zn) => zoneCodeWeights(items.filter((it) => it.zone === zn.id), spec.level));
  const scoredIdx = zones.map((_, i) => i).filter((i) => (weights[i] as Map<string, number>).size > 0);
  const names = await codeNames(store, spec.level);
  const full: (number | null)[][] = zones.map(() => zones.map(() => null));
  let dendrogram: Dendrogram | null = null;
  const cluster: (number | null)[] = zones.map(() => null);
  if (scoredIdx.length >= 2) {
    const { matrix } = codeSetMatrix(scoredIdx.map((i) => weights[i] as Map<string, number>));
    const S = similarityMatrix(matrix, spec.measure);
    scoredIdx.forEach((i, a) => scoredIdx.forEach((j, b) => { (full[i] as (number | null)[])[j] = S.values[a * S.cols + b] as number; }));
    dendrogram = averageLinkage(S);
    const k = Math.min(spec.clusters, scoredIdx.length);
    const cut = cutDendrogram(dendrogram, k);
    scoredIdx.forEach((i, a) => { cluster[i] = (cut[a] as number) + 1; });
  }
  const pairs: { a: string; b: string; similarity: number; shared: { code: string; name: Label }[] }[] = [];
  for (let x = 0; x < scoredIdx.length; x++) {
    for (let y = x + 1; y < scoredIdx.length; y++) {
      const i = scoredIdx[x] as number;
      const j = scoredIdx[y] as number;
      const s = full[i]?.[j] as number;
      const wi = weights[i] as Map<string, number>;
      const wj = weights[j] as Map<string, number>;
      const shared = [...wi.keys()].filter((c) => wj.has(c)).sort().map((code) => ({ code, name: names.get(code) ?? { zh: code, en: code } }));
      pairs.push({ a: (zones[i] as { id: string }).id, b: (zones[j] as { id: string }).id, similarity: s, shared });
    }
  }
  pairs.sort((p, q) => q.similarity - p.similarity || (p.a + p.b).localeCompare(q.a + q.b));
  const warnings: { code: string; message: Label }[] = [];
  const unscored = zones.filter((_, i) => !scoredIdx.includes(i)).map((zn) => zn.id);
  if (unscored.length) {
    warnings.push({ code: 'structure.zones_not_scored', message: {
      zh: `${unscored.join('、')} 没有${spec.includeUnverified ? '' : '已核实的'}产业定位，不参与相似度计算${spec.includeUnverified ? '' : '（可选择纳入未核实条目）'}`,
      en: `${unscored.join(', ')}: no ${spec.includeUnverified ? '' : 'verified '}industry positioning, not scored${spec.includeUnverified ? '' : ' (unverified entries can be included)'}`,
    } });
  }
  if (!spec.includeUnverified) {
    const left = (await loadPositionings(store)).filter((it) => it.status === 'UNVERIFIED').length;
    if (left) warnings.push({ code: 'structure.unverified_excluded', message: { zh: `${left} 个未核实的定位条目未计入`, en: `${left} unverified positioning items left out` } });
  }
  const sources = (await listSources(store)).filter((s) => s.id.startsWith('positioning.') || s.id.startsWith('classif.') || s.id.startsWith('ftz.')).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence }));
  return {
    kind: 'structure.similarity', spec,
    zones: zones.map((zn, i) => ({ id: zn.id, name: { zh: zn.name_zh, en: zn.name_en }, items: items.filter((it) => it.zone === zn.id).length, codes: (weights[i] as Map<string, number>).size, scored: scoredIdx.includes(i), cluster: cluster[i] ?? null })),
    matrix: full, topPairs: pairs.slice(0, 20), dendrogram, warnings,
    provenance: await buildProvenance(store, { sources, options: { ...spec } }),
  };
}
