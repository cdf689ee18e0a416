import type { Db } from '../../store/duckdb.js';
import { cachedValue } from '../../store/resultCache.js';
import { industryChain } from '../structure/industryChain.js';
import { codesAt, counts, loadPositionings } from '../structure/positionings.js';
import { zonePartners } from '../structure/zonePartners.js';
import { zoneProfile } from '../structure/zoneProfile.js';
import { zoneSimilarity } from '../structure/zoneSimilarity.js';
import { L, item, missingItem, type ScorecardItem } from './scorecardTypes.js';

export interface ZoneWings {
  readonly wingInside: readonly ScorecardItem[];
  readonly wingBetween: readonly ScorecardItem[];
}

/**
 * The first wing of every zone from the structure engine: positioning, digital share and chain coverage inside
 * the zone; duplicate competition and partners between zones. They read bundled data only (verified
 * positionings, the national IO table), so they are computed once per bundle and cached.
 */
export async function wingItems(store: Db): Promise<{ zones: Readonly<Record<string, ZoneWings>>; sourceIds: readonly string[] }> {
  // `revision` changes whenever these items change shape or wording, so values cached by an older build are not reused.
  const { value } = await cachedValue(store, 'scorecard.wings', { includeUnverified: false, revision: 2 }, async () => {
    const zones = await store.all<{ id: string }>('SELECT z.id FROM zone z JOIN zone_doc d ON d.id = z.id ORDER BY d.ord');
    const similarity = await zoneSimilarity(store, {});
    const positionings = (await loadPositionings(store)).filter((it) => counts(it.status, false));
    const out: Record<string, ZoneWings> = {};
    for (const z of zones) {
      // Wing inside: positioning, digital share, chain coverage of the positioned sectors' main links.
      const profile = await zoneProfile(store, z.id);
      const profileSource = { kind: 'analysis' as const, name: `structure profile --zone ${z.id}`, ids: profile.provenance.sources.map((s) => s.id) };
      const sectors = [...new Set(positionings.filter((it) => it.zone === z.id).flatMap((it) => codesAt(it, 'io42')))];
      let covered = 0, links = 0;
      const chainIds = new Set<string>();
      for (const sector of sectors) {
        const c = await industryChain(store, { sector, zone: z.id, top: 5 });
        c.provenance.sources.forEach((s) => chainIds.add(s.id));
        for (const l of [...c.suppliers, ...c.customers]) {
          links++;
          if (l.coverage !== 'missing') covered++;
        }
      }
      const chainSource = { kind: 'analysis' as const, name: `structure chain --zone ${z.id}`, ids: [...chainIds] };
      const wingInside: ScorecardItem[] = [
        item({ key: 'positioning_items', label: L('已核实的产业定位条目', 'verified positioning items'), value: profile.summary.items, unit: 'items', source: profileSource }),
        profile.summary.digitalShare === null
          ? missingItem('digital_share', L('数字经济占比（N+1）', 'digital share (N+1)'), '%', profileSource, L('没有可映射的已核实定位', 'no mappable verified positioning'))
          : item({ key: 'digital_share', label: L('数字经济占比（N+1）', 'digital share (N+1)'), value: 100 * profile.summary.digitalShare, unit: '%', source: profileSource }),
        links === 0
          ? missingItem('chain_coverage', L('产业链覆盖度', 'chain coverage'), '%', chainSource, L('没有定位到投入产出部门', 'no positioned IO sector'))
          : item({ key: 'chain_coverage', label: L('产业链覆盖度（主要上下游环节由本区或同区域自贸试验区覆盖的比例）', 'chain coverage (main suppliers and customers covered in the zone or its macro-region)'), value: (100 * covered) / links, unit: '%', source: chainSource }),
        missingItem('host_fit', L('特色产业与所在省份优势产业的匹配度', 'fit of the characteristic industries to the host province\'s strengths'), 'LQ', { kind: 'analysis', name: 'structure profile', ids: [] },
          L('未内置分省分行业增加值（可导入后计算区位熵）', 'no provincial value added by industry is bundled (import it to compute location quotients)')),
      ];

      // Wing between: duplicate competition and partners.
      const i = similarity.zones.findIndex((x) => x.id === z.id);
      const row = similarity.matrix[i] ?? [];
      const others = row.map((v, j) => ({ v, j })).filter((x): x is { v: number; j: number } => x.j !== i && x.v !== null).sort((a, b) => b.v - a.v);
      const top = others[0];
      const simSource = { kind: 'analysis' as const, name: 'structure similarity', ids: similarity.provenance.sources.map((s) => s.id) };
      const wingBetween: ScorecardItem[] = [];
      if (top) {
        const rival = similarity.zones[top.j];
        wingBetween.push(item({ key: 'max_overlap', label: L('最高定位相似度（同质竞争）', 'highest positioning similarity (duplicate competition)'), value: top.v, unit: '0–1', source: simSource, note: rival ? L(`最相似的是${rival.name.zh}`, `most alike: ${rival.name.en}`) : null }));
        wingBetween.push(item({ key: 'closest_rival', label: L('最相似的自贸试验区', 'most alike zone'), value: rival?.id ?? null, unit: '', source: simSource }));
        wingBetween.push(item({ key: 'mean_overlap', label: L('与其他自贸试验区的平均相似度', 'mean similarity to the other zones'), value: others.reduce((s, x) => s + x.v, 0) / others.length, unit: '0–1', source: simSource }));
        const partners = await zonePartners(store, { zone: z.id });
        const best = partners.partners.slice(0, 3);
        wingBetween.push(item({
          key: 'best_partners', label: L('推荐合作伙伴', 'best partner zones'), value: best.map((p) => p.zone).join(' '), unit: '',
          source: { kind: 'analysis', name: `structure partners --zone ${z.id}`, ids: partners.provenance.sources.map((s) => s.id) },
          note: best[0] ? L(best[0].reasons.map((r) => r.text.zh).join('；'), best[0].reasons.map((r) => r.text.en).join('; ')) : null,
        }));
      } else {
        wingBetween.push(missingItem('max_overlap', L('同质竞争', 'duplicate competition'), '0–1', simSource, L('没有已核实的产业定位，不参与比较', 'no verified positioning: not compared')));
      }
      out[z.id] = { wingInside, wingBetween };
    }
    return { zones: out, sourceIds: similarity.provenance.sources.map((s) => s.id) };
  });
  return value;
}
