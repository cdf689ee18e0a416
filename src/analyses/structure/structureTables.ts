import { tableFromRows, type Result, type Table } from '../../core/result.js';
import type { IndustryChainOutput } from './industryChain.js';
import type { ZonePartnersOutput } from './zonePartners.js';
import type { ZoneProfileOutput } from './zoneProfile.js';
import type { ZoneSimilarityOutput } from './zoneSimilarity.js';

const T = (zh: string, en: string) => ({ zh, en });
type Output = ZoneSimilarityOutput | ZoneProfileOutput | ZonePartnersOutput | IndustryChainOutput;

function tables(out: Output): Table[] {
  if (out.kind === 'structure.similarity') {
    const cols = [{ name: 'zone', type: 'text' as const, label: T('自贸试验区', 'Pilot FTZ') }, { name: 'cluster', type: 'integer' as const, label: T('聚类', 'cluster') },
      ...out.zones.map((z) => ({ name: z.id, type: 'number' as const, label: T(z.id, z.id) }))];
    return [
      tableFromRows('similarity', T('产业定位相似度矩阵', 'Positioning similarity matrix'), cols,
        out.zones.map((z, i) => ({ zone: z.id, cluster: z.cluster, ...Object.fromEntries(out.zones.map((w, j) => [w.id, out.matrix[i]?.[j] ?? null])) }))),
      tableFromRows('top_pairs', T('最相似的自贸试验区', 'Most alike zones'), [
        { name: 'a', type: 'text', label: T('甲', 'zone A') }, { name: 'b', type: 'text', label: T('乙', 'zone B') },
        { name: 'similarity', type: 'number', label: T('相似度', 'similarity') }, { name: 'shared', type: 'text', label: T('共同门类', 'shared codes') },
      ], out.topPairs.map((p) => ({ a: p.a, b: p.b, similarity: p.similarity, shared: p.shared.map((s) => s.code).join(' ') }))),
    ];
  }
  if (out.kind === 'structure.profile') {
    return [tableFromRows('positioning', T(`${out.zone.name.zh}产业定位`, `${out.zone.name.en}: industry positioning`), [
      { name: 'area', type: 'text', label: T('片区', 'sub-area') }, { name: 'item', type: 'text', label: T('定位', 'item') },
      { name: 'status', type: 'text', label: T('核实状态', 'status') }, { name: 'sei', type: 'text', label: T('战略性新兴产业', 'SEI 2018') },
      { name: 'divisions', type: 'text', label: T('国民经济行业大类', 'GB/T 4754 divisions') }, { name: 'digital', type: 'boolean', label: T('数字经济', 'digital') },
      { name: 'source', type: 'text', label: T('来源', 'source') },
    ], out.areas.flatMap((a) => a.items.map((it) => ({ area: a.name.zh, item: it.item.zh, status: it.status, sei: it.sei.map((x) => x.code).join(' '), divisions: it.divisions.map((x) => x.code).join(' '), digital: it.digital, source: it.sourceUrl }))))];
  }
  if (out.kind === 'structure.partners') {
    return [tableFromRows('partners', T(`${out.zone.name.zh}的合作伙伴`, `${out.zone.name.en}: partners`), [
      { name: 'zone', type: 'text', label: T('伙伴', 'partner') }, { name: 'score', type: 'number', label: T('得分', 'score') },
      { name: 'chain', type: 'number', label: T('链接强度', 'chain link') }, { name: 'overlap', type: 'number', label: T('定位相似度', 'overlap') },
      { name: 'distance', type: 'number', label: T('距离', 'distance'), unit: T('公里', 'km') }, { name: 'reasons', type: 'text', label: T('理由', 'reasons') },
    ], out.partners.map((p) => ({ zone: p.zone, score: p.score, chain: p.chainLink, overlap: p.overlap, distance: p.distanceKm, reasons: p.reasons.map((r) => r.text.en).join('; ') })))];
  }
  const link = (name: string, title: { zh: string; en: string }, rows: IndustryChainOutput['suppliers']) => tableFromRows(name, title, [
    { name: 'code', type: 'text', label: T('部门', 'sector') }, { name: 'name', type: 'text', label: T('名称', 'name') },
    { name: 'weight', type: 'number', label: T('系数', 'coefficient') }, { name: 'coverage', type: 'text', label: T('覆盖', 'coverage') },
  ], rows.map((r) => ({ code: r.code, name: r.name.zh, weight: r.weight, coverage: r.coverage })));
  return [link('suppliers', T('上游供给部门', 'Suppliers'), out.suppliers), link('customers', T('下游使用部门', 'Customers'), out.customers)];
}

/** A structure output as a Result of bilingual tables, for the XLSX / DOCX writers. */
export function structureResult(out: Output): Result {
  const warnings = 'warnings' in out ? out.warnings.map((w) => ({ code: w.code, message: w.message })) : [];
  return { kind: out.kind, spec: 'spec' in out ? out.spec : {}, tables: tables(out), figures: [], warnings, provenance: out.provenance };
}
