import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';
import { writeTables } from '../writeTables.js';

const n = (v: number | null | undefined, d = 3): number | null => (v === null || v === undefined || Number.isNaN(v) ? null : Number(v.toFixed(d)));

/** Writes a structure output's tables to .xlsx or .docx. */
async function writeOut(ctx: CliContext, out: Parameters<typeof import('../../analyses/structure/structureTables.js').structureResult>[0], file: string, title: { zh: string; en: string }): Promise<void> {
  await writeTables(ctx, (await import('../../analyses/structure/structureTables.js')).structureResult(out), file, title);
}

/** `ftzlab structure …`: characteristic industries, duplicate competition, partners, chains, economic complexity. */
export function registerStructure(program: Command, ctx: CliContext): void {
  const st = program.command('structure').description('industrial structure and cooperation / 产业结构与协同');
  const L = (l: { zh: string; en: string }): string => ctx.t(l.zh, l.en);

  st.command('profile')
    .description('片区产业定位及其产业分类映射 / a zone\'s positioning by sub-area, mapped to SEI 2018 and GB/T 4754, digital share')
    .requiredOption('--zone <id>', 'zone id (e.g. SH)')
    .option('--include-unverified', 'count unverified positioning items too')
    .option('--out <file>', 'also write the tables to .xlsx or .docx')
    .option('--json', 'print JSON')
    .action(async (o: { zone: string; includeUnverified?: boolean; out?: string; json?: boolean }) => {
      const r = await (await ctx.backend()).structureProfile(o.zone, o.includeUnverified === true);
      if (o.out) await writeOut(ctx, r, o.out, { zh: '产业定位', en: 'Industry positioning' });
      if (o.json) return ctx.json(r);
      for (const a of r.areas) {
        ctx.stdout(`\n${L(a.name)} [${a.status ?? ctx.t('无定位', 'no positioning')}]\n`);
        ctx.stdout(formatTable([ctx.t('定位', 'item'), ctx.t('状态', 'status'), ctx.t('国标大类', 'GB/T divisions'), ctx.t('数字经济', 'digital'), ctx.t('来源', 'source')],
          a.items.map((it) => [it.item.zh, it.status, it.divisions.map((d) => d.code).join(' '), it.digital ? '✓' : '', it.sourceUrl])));
      }
      const s = r.summary;
      ctx.stdout(`\n${ctx.t('计入条目', 'items counted')} ${s.items}; ${ctx.t('数字经济占比', 'digital share')} ${s.digitalShare === null ? '—' : `${(100 * s.digitalShare).toFixed(0)} %`}\n`);
      ctx.stdout(formatTable([ctx.t('战略性新兴产业', 'SEI area'), ctx.t('条目', 'items')], s.sei.map((x) => [`${x.code} ${L(x.name)}`, x.items])));
      for (const w of r.warnings) ctx.log(`${ctx.t('提示', 'note')}: ${L(w.message)}`);
    });

  st.command('similarity')
    .description('自贸试验区产业定位相似度（同质竞争矩阵）与聚类 / duplicate-competition matrix of the 22 zones, with clusters')
    .option('--level <l>', 'sei | gbt4754 | io42', 'gbt4754')
    .option('--measure <m>', 'cosine | jaccard', 'cosine')
    .option('--clusters <k>', 'clusters to cut the dendrogram into', '5')
    .option('--include-unverified', 'count unverified positioning items too')
    .option('--out <file>', 'also write the tables to .xlsx or .docx')
    .option('--json', 'print JSON')
    .action(async (o: { level: string; measure: string; clusters: string; includeUnverified?: boolean; out?: string; json?: boolean }) => {
      const r = await (await ctx.backend()).structureSimilarity({ level: o.level, measure: o.measure, clusters: Number(o.clusters), includeUnverified: o.includeUnverified === true });
      if (o.out) await writeOut(ctx, r, o.out, { zh: '同质竞争矩阵', en: 'Duplicate-competition matrix' });
      if (o.json) return ctx.json(r);
      ctx.stdout(formatTable(['', ...r.zones.map((z) => z.id)], r.zones.map((z, i) => [z.id, ...(r.matrix[i] ?? []).map((v) => n(v, 2))])));
      ctx.stdout(`\n${ctx.t('聚类', 'clusters')}: ${r.zones.filter((z) => z.cluster !== null).map((z) => `${z.id}:${z.cluster}`).join(' ')}\n`);
      ctx.stdout(formatTable([ctx.t('区', 'zone'), ctx.t('区', 'zone'), ctx.t('相似度', 'similarity'), ctx.t('共同门类', 'shared')], r.topPairs.slice(0, 10).map((p) => [p.a, p.b, n(p.similarity, 3), p.shared.map((x) => x.code).join(' ')])));
      for (const w of r.warnings) ctx.log(`${ctx.t('提示', 'note')}: ${L(w.message)}`);
    });

  st.command('partners')
    .description('合作伙伴推荐（产业链互补、定位差异、距离）/ partner zones: complementary chains, unlike positionings, distance, with reasons')
    .requiredOption('--zone <id>', 'zone id')
    .option('--include-unverified', 'count unverified positioning items too')
    .option('--out <file>', 'also write the table to .xlsx or .docx')
    .option('--json', 'print JSON')
    .action(async (o: { zone: string; includeUnverified?: boolean; out?: string; json?: boolean }) => {
      const r = await (await ctx.backend()).structurePartners({ zone: o.zone, includeUnverified: o.includeUnverified === true });
      if (o.out) await writeOut(ctx, r, o.out, { zh: '合作伙伴', en: 'Partner zones' });
      if (o.json) return ctx.json(r);
      ctx.stdout(formatTable([ctx.t('伙伴', 'partner'), ctx.t('得分', 'score'), ctx.t('链接强度', 'chain link'), ctx.t('相似度', 'overlap'), ctx.t('距离 (km)', 'distance (km)')],
        r.partners.slice(0, 10).map((p) => [`${p.zone} ${L(p.name)}`, n(p.score, 4), n(p.chainLink, 4), n(p.overlap, 2), p.distanceKm])));
      const best = r.partners[0];
      if (best) for (const reason of best.reasons) ctx.stdout(`  · ${L(reason.text)}\n`);
      ctx.log(L(r.method));
    });

  st.command('chain')
    .description('产业链图谱：上下游部门、关联效应，补链强链延链 / chain map of an industry: suppliers, customers, linkages; links to complete, strengthen, extend')
    .requiredOption('--sector <code>', 'IO sector code (e.g. 18) or GB/T 4754 division as gbt:39')
    .option('--zone <id>', 'mark the links the zone and its macro-region already cover')
    .option('--year <y>', 'IO table year (default: the latest)')
    .option('--all-inputs', 'count imported inputs too (default: domestic only)')
    .option('--top <n>', 'links shown each way', '8')
    .option('--out <file>', 'also write the tables to .xlsx or .docx')
    .option('--json', 'print JSON')
    .action(async (o: { sector: string; zone?: string; year?: string; allInputs?: boolean; top: string; out?: string; json?: boolean }) => {
      const r = await (await ctx.backend()).structureChain({ sector: o.sector, ...(o.zone ? { zone: o.zone } : {}), ...(o.year ? { year: Number(o.year) } : {}), domestic: o.allInputs !== true, top: Number(o.top) });
      if (o.out) await writeOut(ctx, r, o.out, { zh: '产业链图谱', en: 'Chain map' });
      if (o.json) return ctx.json(r);
      ctx.stdout(`${r.sector.code} ${L(r.sector.name)} (${r.year}): ${ctx.t('后向关联', 'backward')} ${n(r.sector.backward)}, ${ctx.t('前向关联', 'forward')} ${n(r.sector.forward)}${r.sector.keySector ? ctx.t('，关键部门', ', key sector') : ''}\n`);
      const cov = (c: string | null): string => (c === 'in_zone' ? ctx.t('本区已有', 'in zone') : c === 'nearby' ? ctx.t('区域内他区', 'nearby zone') : c === 'missing' ? ctx.t('缺失', 'missing') : '');
      ctx.stdout(formatTable([ctx.t('上游供给部门', 'supplier'), ctx.t('直接消耗系数', 'input coefficient'), ctx.t('覆盖', 'coverage')], r.suppliers.map((l) => [`${l.code} ${L(l.name)}`, n(l.weight, 4), cov(l.coverage)])));
      ctx.stdout(formatTable([ctx.t('下游使用部门', 'customer'), ctx.t('分配系数', 'allocation coefficient'), ctx.t('覆盖', 'coverage')], r.customers.map((l) => [`${l.code} ${L(l.name)}`, n(l.weight, 4), cov(l.coverage)])));
      if (r.advice) ctx.stdout(`${ctx.t('强链', 'strengthen')}: ${r.advice.strengthen.join(' ') || '—'}; ${ctx.t('补链', 'complete')}: ${r.advice.complete.join(' ') || '—'}; ${ctx.t('延链', 'extend')}: ${r.advice.extend.join(' ') || '—'}\n`);
    });

  st.command('fta')
    .description('与 RCEP、CPTPP 伙伴的贸易互补性与贸易强度（BACI 格式数据）/ trade complementarity and intensity with RCEP and CPTPP partners from a BACI-format file')
    .requiredOption('--trade <file>', 'CSV or Parquet with t, i, j, k, v (CEPII BACI layout)')
    .option('--countries <file>', "BACI's country table (country_code, country_iso3), when i and j are numeric")
    .option('--reporter <iso3>', 'reporting country', 'CHN')
    .option('--year <y>', 'year (default: the latest in the file)')
    .option('--json', 'print JSON')
    .action(async (o: { trade: string; countries?: string; reporter: string; year?: string; json?: boolean }) => {
      const r = await (await ctx.backend()).structureFta({ trade: resolve(o.trade), ...(o.countries ? { countries: resolve(o.countries) } : {}), reporter: o.reporter, ...(o.year ? { year: Number(o.year) } : {}) });
      if (o.json) return ctx.json(r);
      ctx.stdout(formatTable([ctx.t('伙伴', 'partner'), ctx.t('协定', 'agreements'), ctx.t('出口互补性', 'complementarity (exports)'), ctx.t('进口互补性', 'complementarity (imports)'), ctx.t('出口强度', 'intensity (exports)'), ctx.t('进口强度', 'intensity (imports)')],
        r.partners.map((p) => [`${p.iso3} ${L(p.name)}`, p.agreements.join('+'), n(p.complementarityExports, 1), n(p.complementarityImports, 1), n(p.intensityExports, 2), n(p.intensityImports, 2)])));
      if (r.missingPartners.length) ctx.log(ctx.t(`文件中没有：${r.missingPartners.join('、')}`, `not in the file: ${r.missingPartners.join(', ')}`));
    });

  st.command('complexity')
    .description('经济复杂度：RCA、ECI/PCI、适应度、复杂度前景 / economic complexity of a long region × product file')
    .requiredOption('--data <file>', 'CSV or Parquet, long format')
    .requiredOption('--region <col>', 'region column')
    .requiredOption('--product <col>', 'product column')
    .requiredOption('--value <col>', 'value column (exports, employment, output…)')
    .option('--method <m>', 'eigen | reflections | fitness', 'eigen')
    .option('--rca-threshold <t>', 'RCA at or above which a region "exports" a product', '1')
    .option('--convention <c>', 'py-ecomplexity | economiccomplexity', 'py-ecomplexity')
    .option('--opportunities <k>', 'per region, the k products with the highest COG not yet exported', '0')
    .option('--json', 'print JSON')
    .action(async (o: { data: string; region: string; product: string; value: string; method: string; rcaThreshold: string; convention: string; opportunities: string; json?: boolean }) => {
      const { complexityFile } = await import('../../analyses/structure/complexityFile.js');
      const r = await complexityFile({ data: resolve(o.data), region: o.region, product: o.product, value: o.value, method: o.method, rcaThreshold: Number(o.rcaThreshold), convention: o.convention, opportunities: Number(o.opportunities) });
      if (o.json) return ctx.json(r);
      const index = (x: (typeof r.regions)[number]): number => ('eci' in x ? x.eci : x.fitness) ?? Number.NEGATIVE_INFINITY;
      const rows = [...r.regions].sort((a, b) => index(b) - index(a));
      ctx.stdout(formatTable([ctx.t('地区', 'region'), ctx.t('多样性', 'diversity'), o.method === 'fitness' ? 'fitness' : 'ECI', 'COI'], rows.map((x) => [x.region, x.diversity, n(Number.isFinite(index(x)) ? index(x) : null), n(x.coi)])));
      if (!r.identified) ctx.log(ctx.t('提示：第二特征值不唯一，ECI/PCI 不可识别', 'note: the second eigenvalue is not unique: ECI/PCI are not identified'));
    });
}
