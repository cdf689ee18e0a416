/**
 * Builds the innovation indicators from the techme R package's per-dataset CSVs (China Statistical Yearbook on
 * Science and Technology, by province): `indicators/techme.csv` and `observations/techme.csv`.
 *
 * The raw province names are OCR output (spaces inside names, 江两, 两藏 …) and carry aggregate rows; some unit
 * labels are wrong. Every repair is logged and noted on the row it touched; anything the script cannot repair
 * with certainty stops the build.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';
import { readRegions } from './regions.js';

type Direction = '+' | '-' | '';

interface DatasetDef {
  readonly file: string;
  readonly sourceId: string;
}

/** How one techme variable is shipped; `checkOnly` variables are compared with another series and dropped. */
interface VariableDef {
  readonly dataset: string;
  readonly variable: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unitEn: string;
  readonly direction: Direction;
  readonly note?: string;
  readonly checkOnly?: boolean;
}

const DATASETS: Readonly<Record<string, DatasetDef>> = {
  RDActivity: { file: 'RDActivity.csv', sourceId: 'techme.rd_activity' },
  RDSource: { file: 'RDSource.csv', sourceId: 'techme.rd_source' },
  RDLaborHour: { file: 'RDLaborHour.csv', sourceId: 'techme.rd_labor_hour' },
  RDIntense: { file: 'RDIntense.csv', sourceId: 'techme.rd_intense' },
  RDPatentAccept: { file: 'RDPatentAccept.csv', sourceId: 'techme.rd_patent_accept' },
  RDPatentAuthority: { file: 'RDPatentAuthority.csv', sourceId: 'techme.rd_patent_authority' },
  RDPatentValid: { file: 'RDPatentValid.csv', sourceId: 'techme.rd_patent_valid' },
  RDPaperInternational: { file: 'RDPaperInternational.csv', sourceId: 'techme.rd_paper_international' },
  MarketPull: { file: 'MarketPull.csv', sourceId: 'techme.market_pull' },
  MarketPush: { file: 'MarketPush.csv', sourceId: 'techme.market_push' },
  IndustryOperation: { file: 'IndustryOperation.csv', sourceId: 'techme.industry_operation' },
  IndustryTrade: { file: 'IndustryTrade.csv', sourceId: 'techme.industry_trade' },
  IndustryRD: { file: 'IndustryRD.csv', sourceId: 'techme.industry_rd' },
  PublicBudget: { file: 'PublicBudget.csv', sourceId: 'techme.public_budget' },
  HitechFirmsPub: { file: 'HitechFirmsPub.csv', sourceId: 'techme.hitech_firms_pub' },
};

const UNIT_EN: Readonly<Record<string, string>> = {
  万元: '10k yuan',
  亿元: '100 million yuan',
  人年: 'person-years',
  件: 'items',
  项: 'items',
  个: 'units',
  篇: 'papers',
  '%': '%',
  百万美元: 'USD million',
  家: 'enterprises',
};

function v(dataset: string, variable: string, code: string, nameZh: string, nameEn: string, direction: Direction,
  extra: { note?: string; checkOnly?: boolean } = {}): VariableDef {
  return { dataset, variable, code, nameZh, nameEn, unitEn: '', direction, ...extra };
}

const VARIABLES: readonly VariableDef[] = [
  v('RDActivity', 'v4_zh_nbzc_hj', 'rd_expenditure', 'R&D经费内部支出', 'Internal expenditure on R&D', '+'),
  v('RDActivity', 'v4_zh_nbzc_jcyj', 'rd_exp_basic', 'R&D经费内部支出：基础研究', 'R&D expenditure: basic research', '+'),
  v('RDActivity', 'v4_zh_nbzc_yyyj', 'rd_exp_applied', 'R&D经费内部支出：应用研究', 'R&D expenditure: applied research', '+'),
  v('RDActivity', 'v4_zh_nbzc_syfz', 'rd_exp_experimental', 'R&D经费内部支出：试验发展',
    'R&D expenditure: experimental development', '+'),
  v('RDSource', 'v4_zh_nbzc_hj', 'rd_expenditure', 'R&D经费内部支出', 'Internal expenditure on R&D', '+',
    { checkOnly: true }),
  v('RDSource', 'v4_zh_nbzc_zfzj', 'rd_exp_fund_government', 'R&D经费内部支出：政府资金',
    'R&D expenditure by source: government funds', '+'),
  v('RDSource', 'v4_zh_nbzc_qyzj', 'rd_exp_fund_enterprise', 'R&D经费内部支出：企业资金',
    'R&D expenditure by source: enterprise funds', '+'),
  v('RDSource', 'v4_zh_nbzc_gwzj', 'rd_exp_fund_foreign', 'R&D经费内部支出：国外资金',
    'R&D expenditure by source: funds from abroad', '+'),
  v('RDSource', 'v4_zh_nbzc_qtzj', 'rd_exp_fund_other', 'R&D经费内部支出：其他资金',
    'R&D expenditure by source: other funds', '+'),
  v('RDLaborHour', 'v4_zh_qsdl_hj', 'rd_fte', 'R&D人员全时当量', 'R&D personnel, full-time equivalent', '+'),
  v('RDLaborHour', 'v4_zh_qsdl_yjry', 'rd_fte_researchers', 'R&D人员全时当量：研究人员',
    'R&D personnel FTE: researchers', '+'),
  v('RDLaborHour', 'v4_zh_qsdl_jcyj', 'rd_fte_basic', 'R&D人员全时当量：基础研究', 'R&D personnel FTE: basic research', '+'),
  v('RDLaborHour', 'v4_zh_qsdl_yyyj', 'rd_fte_applied', 'R&D人员全时当量：应用研究',
    'R&D personnel FTE: applied research', '+'),
  v('RDLaborHour', 'v4_zh_qsdl_syfz', 'rd_fte_experimental', 'R&D人员全时当量：试验发展',
    'R&D personnel FTE: experimental development', '+'),
  v('RDIntense', 'v4_ztr_qd_RD', 'rd_intensity', 'R&D经费投入强度（与地区生产总值之比）',
    'R&D intensity (R&D expenditure / gross regional product)', '+'),
  v('RDIntense', 'v4_ztr_jf_RD', 'rd_expenditure', 'R&D经费', 'R&D expenditure (100 million yuan, rounded)', '+',
    { checkOnly: true }),
  v('RDPatentAccept', 'v4_cg_zlsq_hj', 'patent_app_total', '国内专利申请受理量：合计', 'Domestic patent applications: total', '+'),
  v('RDPatentAccept', 'v4_cg_zlsq_fm', 'patent_app_invention', '国内专利申请受理量：发明',
    'Domestic patent applications: inventions', '+'),
  v('RDPatentAccept', 'v4_cg_zlsq_syxx', 'patent_app_utility', '国内专利申请受理量：实用新型',
    'Domestic patent applications: utility models', '+'),
  v('RDPatentAccept', 'v4_cg_zlsq_wgsj', 'patent_app_design', '国内专利申请受理量：外观设计',
    'Domestic patent applications: designs', '+'),
  v('RDPatentAuthority', 'v4_cg_zlsq2_hj', 'patent_grant_total', '国内专利申请授权量：合计', 'Domestic patent grants: total', '+'),
  v('RDPatentAuthority', 'v4_cg_zlsq2_fm', 'patent_grant_invention', '国内专利申请授权量：发明',
    'Domestic patent grants: inventions', '+'),
  v('RDPatentAuthority', 'v4_cg_zlsq2_syxx', 'patent_grant_utility', '国内专利申请授权量：实用新型',
    'Domestic patent grants: utility models', '+'),
  v('RDPatentAuthority', 'v4_cg_zlsq2_wgsj', 'patent_grant_design', '国内专利申请授权量：外观设计',
    'Domestic patent grants: designs', '+'),
  v('RDPatentValid', 'v4_cg_zlsyx_hj', 'patent_valid_total', '国内有效专利数：合计', 'Domestic patents in force: total', '+'),
  v('RDPatentValid', 'v4_cg_zlsyx_fm', 'patent_valid_invention', '国内有效专利数：发明',
    'Domestic patents in force: inventions', '+'),
  v('RDPatentValid', 'v4_cg_zlsyx_syxx', 'patent_valid_utility', '国内有效专利数：实用新型',
    'Domestic patents in force: utility models', '+'),
  v('RDPatentValid', 'v4_cg_zlsyx_wgsj', 'patent_valid_design', '国内有效专利数：外观设计',
    'Domestic patents in force: designs', '+'),
  v('RDPaperInternational', 'v4_cg_gwlw_pssci', 'papers_sci', '国外主要检索工具收录的科技论文数：SCI',
    'Scientific papers indexed by SCI', '+'),
  v('RDPaperInternational', 'v4_cg_gwlw_psei', 'papers_ei', '国外主要检索工具收录的科技论文数：EI',
    'Scientific papers indexed by EI', '+'),
  v('RDPaperInternational', 'v4_cg_gwlw_pscpcis', 'papers_cpci_s', '国外主要检索工具收录的科技论文数：CPCI-S',
    'Scientific papers indexed by CPCI-S', '+'),
  v('MarketPull', 'v4_cg_jssr_ht', 'tech_market_inflow_contracts', '技术市场吸纳技术合同数（按技术流向）',
    'Technology market: contracts absorbed (by destination of technology)', '+'),
  v('MarketPull', 'v4_cg_jssr_je', 'tech_market_inflow_value', '技术市场吸纳技术合同成交额（按技术流向）',
    'Technology market: value of contracts absorbed (by destination of technology)', '+'),
  v('MarketPush', 'v4_cg_jssc_ht', 'tech_market_outflow_contracts', '技术市场输出技术合同数（按技术输出地域）',
    'Technology market: contracts exported (by origin of technology)', '+'),
  v('MarketPush', 'v4_cg_jssc_je', 'tech_market_outflow_value', '技术市场输出技术合同成交额（按技术输出地域）',
    'Technology market: value of contracts exported (by origin of technology)', '+'),
  v('IndustryOperation', 'v4_cy_scjy_qys', 'hitech_firms', '高技术产业企业数', 'High-tech industry: number of enterprises', '+'),
  v('IndustryOperation', 'v4_cy_scjy_zyyw', 'hitech_revenue', '高技术产业主营业务收入',
    'High-tech industry: main business revenue', '+'),
  v('IndustryOperation', 'v4_cy_scjy_lrze', 'hitech_profit', '高技术产业利润总额', 'High-tech industry: total profit', '+'),
  v('IndustryTrade', 'v4_cy_my_ck', 'hitech_export', '高技术产品出口贸易额', 'High-tech products: exports', '+'),
  v('IndustryTrade', 'v4_cy_my_jk', 'hitech_import', '高技术产品进口贸易额', 'High-tech products: imports', ''),
  v('IndustryTrade', 'v4_cy_my_jck', 'hitech_trade', '高技术产品进出口贸易总额', 'High-tech products: total trade', '+'),
  v('IndustryRD', 'v4_cy_RDhd_yfjgs', 'hitech_rd_institutions', '高技术产业研发机构数',
    'High-tech industry: R&D institutions', '+'),
  v('IndustryRD', 'v4_cy_RDhd_qsdl', 'hitech_rd_fte', '高技术产业R&D人员折合全时当量',
    'High-tech industry: R&D personnel FTE', '+'),
  v('IndustryRD', 'v4_cy_RDhd_nbzc', 'hitech_rd_expenditure', '高技术产业R&D经费内部支出',
    'High-tech industry: internal R&D expenditure', '+'),
  v('IndustryRD', 'v4_cy_RDhd_xmsl', 'hitech_rd_projects', '高技术产业R&D项目数', 'High-tech industry: R&D projects', '+'),
  v('IndustryRD', 'v4_cy_RDhd_xmjf', 'hitech_rd_project_funds', '高技术产业R&D项目经费',
    'High-tech industry: R&D project funds', '+'),
  v('IndustryRD', 'v4_cy_xcp_kfxm', 'hitech_newprod_projects', '高技术产业新产品开发项目数',
    'High-tech industry: new product development projects', '+'),
  v('IndustryRD', 'v4_cy_xcp_kfjf', 'hitech_newprod_dev_exp', '高技术产业新产品开发经费支出',
    'High-tech industry: new product development expenditure', '+'),
  v('IndustryRD', 'v4_cy_xcp_xssr', 'hitech_newprod_sales', '高技术产业新产品销售收入',
    'High-tech industry: sales revenue of new products', '+'),
  v('IndustryRD', 'v4_cy_xcp_ck', 'hitech_newprod_export', '高技术产业新产品出口', 'High-tech industry: new product exports', '+'),
  v('IndustryRD', 'v4_cy_jsgz_yjzc', 'hitech_tech_import_exp', '高技术产业技术引进经费支出',
    'High-tech industry: expenditure on technology imports', '+'),
  v('IndustryRD', 'v4_cy_jsgz_xszc', 'hitech_tech_absorption_exp', '高技术产业消化吸收经费支出',
    'High-tech industry: expenditure on assimilation of imported technology', '+'),
  v('IndustryRD', 'v4_cy_jsgz_gmzc', 'hitech_tech_domestic_purchase_exp', '高技术产业购买境内技术经费支出',
    'High-tech industry: expenditure on purchasing domestic technology', '+'),
  v('IndustryRD', 'v4_cy_jsgz_gzzc', 'hitech_tech_renovation_exp', '高技术产业技术改造经费支出',
    'High-tech industry: expenditure on technical renovation', '+'),
  v('IndustryRD', 'v4_cy_qyzl_sqs', 'hitech_patent_app', '高技术产业企业专利申请数',
    'High-tech industry: patent applications', '+'),
  v('IndustryRD', 'v4_cy_qyzl_fms', 'hitech_patent_invention', '高技术产业企业专利：发明专利',
    'High-tech industry: invention patents (listed under patent applications)', '+',
    { note: 'techme label 发明专利 under 企业专利, next to 专利申请数; never above it (186/186 province-years), so most likely the applications that are inventions; not checked against the yearbook page' }),
  v('IndustryRD', 'v4_cy_qyzl_yxs', 'hitech_patents_valid', '高技术产业企业有效专利数',
    'High-tech industry: patents in force', '+'),
  v('IndustryRD', 'v4_cy_cytz_sgxm', 'hitech_inv_projects_ongoing', '高技术产业施工项目个数',
    'High-tech industry: investment projects under construction', '+'),
  v('IndustryRD', 'v4_cy_cytz_kgxm', 'hitech_inv_projects_new', '高技术产业新开工项目个数',
    'High-tech industry: newly started investment projects', '+'),
  v('IndustryRD', 'v4_cy_cytz_jcxm', 'hitech_inv_projects_completed', '高技术产业全部建成投产项目数',
    'High-tech industry: investment projects completed and put into operation', '+'),
  v('IndustryRD', 'v4_cy_cytz_tzze', 'hitech_investment', '高技术产业投资额', 'High-tech industry: investment', '+'),
  v('IndustryRD', 'v4_cy_cytz_gdzc', 'hitech_new_fixed_assets', '高技术产业新增固定资产',
    'High-tech industry: newly added fixed assets', '+'),
  v('PublicBudget', 'v6_cz_yszc_hj', 'budget_exp_total', '地方一般公共预算支出：合计',
    'Local general public budget expenditure: total', ''),
  v('PublicBudget', 'v6_cz_yszc_jy', 'budget_exp_education', '地方一般公共预算支出：教育',
    'Local general public budget expenditure: education', '+'),
  v('PublicBudget', 'v6_cz_yszc_kxjs', 'budget_exp_scitech', '地方一般公共预算支出：科学技术',
    'Local general public budget expenditure: science and technology', '+'),
  v('HitechFirmsPub', 'num', 'hitech_enterprises_recognised', '认定高新技术企业数（认定名单公示）',
    'High-tech enterprises recognised (published recognition lists)', '+',
    { note: 'counted by techme from the lists published on innocom.gov.cn (高新技术企业认定管理工作网) per year; a flow of recognitions, not the stock of valid certificates' }),
];

/** Variables present in the files and left out on purpose, with the reason logged. */
const NOT_SHIPPED: Readonly<Record<string, string>> = {
  v6_cz_yszc_nls: 'agriculture, forestry and water budget: not an innovation measure',
  v4_cg_gwlw_wcsci: 'rank among provinces: derivable from the counts',
  v4_cg_gwlw_wcei: 'rank among provinces: derivable from the counts',
  v4_cg_gwlw_wccpcis: 'rank among provinces: derivable from the counts',
};

/** Aggregate rows (national total, the four macro regions; 尔部地区 is OCR for 东部地区). */
const AGGREGATES = new Set(['全国', '东部地区', '中部地区', '西部地区', '东北地区', '尔部地区']);

/** OCR misreadings of province names; two candidates means the script must decide by value. */
const OCR_FIXES: Readonly<Record<string, readonly string[]>> = {
  内蒙占: ['内蒙古'],
  两藏: ['西藏'],
  四藏: ['西藏'],
  山两: ['山西'],
  浙汀: ['浙江'],
  江两: ['江西', '江苏'],
  江四: ['江西', '江苏'],
};

/** The series the dashboard cannot do without: 31 provinces × 2010–2023 each. */
const MUST_HAVE = ['rd_expenditure', 'rd_fte', 'patent_app_invention', 'patent_grant_invention'] as const;
const MUST_YEARS = { from: 2010, to: 2023 };

interface RawRow {
  readonly dataset: string;
  readonly rawName: string;
  readonly name: string;
  readonly year: number;
  readonly variable: string;
  readonly value: number;
  readonly unit: string;
}

interface Obs {
  readonly region: string;
  readonly year: number;
  readonly def: VariableDef;
  readonly value: number;
  readonly notes: string[];
}

function cleanName(raw: string): string {
  // The OCR left ASCII and ideographic spaces inside names (上   海, 黑龙 江).
  return raw.replace(/[\s\u3000]+/g, '');
}

function parseValue(raw: string): number | undefined {
  const t = raw.trim();
  if (t === '' || t === 'NA') return undefined;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${JSON.stringify(raw)}`);
  return n;
}

function loadSourceIds(dir: string): Set<string> {
  const records = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[];
  return new Set(records.map((r) => r.id));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'techme');
  const sourceIds = loadSourceIds(dir);
  for (const d of Object.values(DATASETS)) {
    if (!sourceIds.has(d.sourceId)) throw new Error(`techme/sources.json lacks ${d.sourceId}`);
  }

  const provinces = readRegions(ctx.bundledDir).filter((r) => r.level === 'province');
  const codeOf = new Map(provinces.map((p) => [p.shortZh, p.code]));
  if (codeOf.size !== 31) throw new Error('regions.csv must be built first (31 provinces)');

  // varsList.csv is the package's own dictionary: its unit is the reference when a data row's label disagrees.
  const refUnit = new Map(readCsvObjects(join(dir, 'varsList.csv')).map((r) => [r['variables'] ?? '', r['units'] ?? '']));

  const defs = new Map(VARIABLES.map((d) => [`${d.dataset}|${d.variable}`, d]));
  const stats = {
    aggregates: new Map<string, number>(),
    spaced: 0,
    ocr: new Map<string, number>(),
    missing: 0,
    skipped: new Map<string, number>(),
  };

  // ---- 1. read every dataset into uniform raw rows, names whitespace-cleaned ----
  const raw: RawRow[] = [];
  for (const [dataset, def] of Object.entries(DATASETS)) {
    const rows = readCsvObjects(join(dir, def.file));
    for (const r of rows) {
      const isFirms = dataset === 'HitechFirmsPub';
      const rawName = r['province'] ?? '';
      const variable = isFirms ? 'num' : (r['variables'] ?? '');
      const valueText = isFirms ? (r['num'] ?? '') : (r['value'] ?? '');
      const name = cleanName(rawName);
      if (name !== rawName) stats.spaced++;
      if (AGGREGATES.has(name)) {
        stats.aggregates.set(name, (stats.aggregates.get(name) ?? 0) + 1);
        continue;
      }
      if (!defs.has(`${dataset}|${variable}`)) {
        const why = NOT_SHIPPED[variable];
        if (why === undefined) throw new Error(`${dataset}: variable ${variable} has no definition`);
        stats.skipped.set(`${dataset}.${variable} (${why})`, (stats.skipped.get(`${dataset}.${variable} (${why})`) ?? 0) + 1);
        continue;
      }
      const value = parseValue(valueText);
      if (value === undefined) {
        stats.missing++;
        continue;
      }
      const year = Number(r['year']);
      if (!Number.isInteger(year)) throw new Error(`${dataset}: bad year ${r['year']}`);
      raw.push({ dataset, rawName, name, year, variable, value, unit: isFirms ? '家' : (r['units'] ?? '') });
    }
  }
  ctx.log(`techme: read ${raw.length} province rows; removed inner spaces from ${stats.spaced} names; ` +
    `dropped aggregate rows ${JSON.stringify(Object.fromEntries(stats.aggregates))}; ${stats.missing} NA values left absent`);
  for (const [k, n] of stats.skipped) ctx.log(`techme: not shipped ${k}: ${n} rows`);

  // ---- 2. OCR name repairs; ambiguous ones are decided by vacancy and by the neighbouring years' values ----
  const present = new Set(raw.filter((r) => codeOf.has(r.name)).map((r) => `${r.dataset}|${r.name}|${r.year}|${r.variable}`));
  const valueAt = new Map(raw.filter((r) => codeOf.has(r.name))
    .map((r) => [`${r.dataset}|${r.name}|${r.year}|${r.variable}`, r.value]));
  const resolved = new Map<string, string>();
  const groups = new Map<string, RawRow[]>();
  for (const r of raw) {
    if (codeOf.has(r.name)) continue;
    if (OCR_FIXES[r.name] === undefined) throw new Error(`unknown province name ${JSON.stringify(r.rawName)} in ${r.dataset} ${r.year}`);
    const g = `${r.dataset}|${r.name}|${r.year}`;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  for (const [g, rows] of groups) {
    const [dataset, name, yearText] = g.split('|') as [string, string, string];
    const year = Number(yearText);
    const candidates = OCR_FIXES[name] ?? [];
    const scored = candidates.map((cand) => {
      const vacant = rows.every((r) => !present.has(`${dataset}|${cand}|${year}|${r.variable}`));
      // Mean absolute log-ratio to the same province's values one and two years either side.
      const dists: number[] = [];
      for (const r of rows) {
        for (const dy of [-2, -1, 1, 2]) {
          const nb = valueAt.get(`${dataset}|${cand}|${year + dy}|${r.variable}`);
          if (nb !== undefined && nb > 0 && r.value > 0) dists.push(Math.abs(Math.log(r.value / nb)));
        }
      }
      const dist = dists.length > 0 ? dists.reduce((a, b) => a + b, 0) / dists.length : Infinity;
      return { cand, vacant, dist };
    });
    const ok = scored.filter((s) => s.vacant).sort((a, b) => a.dist - b.dist);
    const best = ok[0];
    if (best === undefined) throw new Error(`${g}: no vacant province for OCR name ${name}`);
    const second = ok[1];
    // Accept only a clear decision: the chosen series continues smoothly and any rival is far off.
    if (best.dist > Math.log(2) || (second !== undefined && second.dist < best.dist + Math.log(2))) {
      throw new Error(`${g}: cannot decide ${name} → ${JSON.stringify(scored)}`);
    }
    resolved.set(g, best.cand);
    const detail = scored.map((s) => `${s.cand}: ${s.vacant ? 'vacant' : 'taken'}, mean |log ratio| to neighbours ` +
      `${Number.isFinite(s.dist) ? s.dist.toFixed(3) : 'n/a'}`).join('; ');
    ctx.log(`techme: OCR name ${dataset} ${year} ${name} → ${best.cand} (${rows.length} rows; ${detail})`);
    stats.ocr.set(`${name}→${best.cand}`, (stats.ocr.get(`${name}→${best.cand}`) ?? 0) + rows.length);
  }

  // ---- 3. unit labels against varsList; corrections must be consistent in magnitude ----
  const unitFixes = new Map<string, number>();
  const byVar = new Map<string, RawRow[]>();
  for (const r of raw) byVar.set(`${r.dataset}|${r.variable}`, [...(byVar.get(`${r.dataset}|${r.variable}`) ?? []), r]);
  const unitOf = new Map<string, string>();
  for (const [key, rows] of byVar) {
    const def = defs.get(key);
    if (def === undefined) continue;
    const expected = def.dataset === 'HitechFirmsPub' ? '家' : refUnit.get(def.variable);
    if (expected === undefined || expected === '' || expected === 'NA') throw new Error(`${key}: no unit in varsList`);
    unitOf.set(key, expected);
    const labels = new Set(rows.map((r) => r.unit));
    if (labels.size === 1 && labels.has(expected)) continue;
    const good = rows.filter((r) => r.unit === expected);
    for (const r of rows.filter((x) => x.unit !== expected)) {
      const name = resolved.get(`${r.dataset}|${r.name}|${r.year}`) ?? r.name;
      const ref = good.filter((x) => (resolved.get(`${x.dataset}|${x.name}|${x.year}`) ?? x.name) === name && x.value > 0);
      if (ref.length > 0 && r.value > 0) {
        const ratio = r.value / median(ref.map((x) => x.value));
        // A true unit change (万元 vs 人年 …) would not keep the province's series within a factor of 10.
        if (ratio < 0.1 || ratio > 10) {
          throw new Error(`${key} ${name} ${r.year}: labelled ${r.unit}, value ${r.value} is ${ratio.toFixed(2)}× ` +
            `the province's ${expected}-labelled median: not a label slip`);
        }
      }
      const fixKey = `${key} ${r.year}: ${r.unit}→${expected}`;
      unitFixes.set(fixKey, (unitFixes.get(fixKey) ?? 0) + 1);
    }
  }
  for (const [k, n] of unitFixes) ctx.log(`techme: unit label corrected ${k} (${n} rows; magnitudes consistent with the correctly labelled years)`);

  // ---- 4. one value per (province, year, indicator) ----
  const obs = new Map<string, Obs>();
  const checkSeries = new Map<string, number>();
  let exactDuplicates = 0;
  for (const r of raw) {
    const def = defs.get(`${r.dataset}|${r.variable}`);
    if (def === undefined) continue;
    const name = resolved.get(`${r.dataset}|${r.name}|${r.year}`) ?? r.name;
    const region = codeOf.get(name);
    if (region === undefined) throw new Error(`unmapped province ${name}`);
    const notes: string[] = [];
    if (name !== r.name) notes.push(`province name ${r.name} in the source (OCR) read as ${name}`);
    const expected = unitOf.get(`${r.dataset}|${r.variable}`) ?? '';
    if (r.unit !== expected) notes.push(`unit label ${r.unit} in the source corrected to ${expected}`);
    if (def.checkOnly) {
      const k = `${def.dataset}|${region}|${r.year}`;
      if (checkSeries.has(k)) throw new Error(`duplicate check row ${k}`);
      checkSeries.set(k, r.value);
      continue;
    }
    const key = `${region}|${r.year}|${def.code}`;
    const prev = obs.get(key);
    if (prev !== undefined) {
      if (prev.value === r.value) {
        exactDuplicates++;
        continue;
      }
      throw new Error(`conflicting values for ${key}: ${prev.value} (${prev.def.dataset}) vs ${r.value} (${def.dataset})`);
    }
    obs.set(key, { region, year: r.year, def, value: r.value, notes });
  }
  ctx.log(`techme: ${obs.size} observations; ${exactDuplicates} exact duplicate rows dropped; ` +
    `OCR repairs ${JSON.stringify(Object.fromEntries(stats.ocr))}`);

  const get = (region: string, year: number, code: string): number | undefined => obs.get(`${region}|${year}|${code}`)?.value;

  // ---- 5. v4_zh_nbzc_hj appears in RDActivity and RDSource; RDIntense repeats it in 亿元 ----
  let exact = 0;
  let rounded = 0;
  const disagree: string[] = [];
  for (const [k, value] of checkSeries) {
    const [dataset, region, yearText] = k.split('|') as [string, string, string];
    const year = Number(yearText);
    const ours = get(region, year, 'rd_expenditure');
    if (dataset === 'RDSource') {
      if (ours === undefined) throw new Error(`RDSource total ${region} ${year} has no RDActivity counterpart`);
      if (ours === value) exact++;
      // RDSource prints 2010–2018 rounded to whole 万元 where RDActivity keeps one decimal.
      else if (Math.abs(ours - value) <= 0.5 + 1e-9) rounded++;
      else disagree.push(`${region} ${year}: RDActivity ${ours} vs RDSource ${value}`);
    }
  }
  if (disagree.length > 0) throw new Error(`RDActivity and RDSource totals disagree: ${disagree.join('; ')}`);
  ctx.log(`techme: v4_zh_nbzc_hj in RDActivity vs RDSource: ${exact} equal, ${rounded} equal after rounding to ` +
    `whole 万元 (RDSource rounds); kept RDActivity's values`);
  const intenseOff: string[] = [];
  let intenseOk = 0;
  for (const [k, value] of checkSeries) {
    const [dataset, region, yearText] = k.split('|') as [string, string, string];
    if (dataset !== 'RDIntense') continue;
    const ours = get(region, Number(yearText), 'rd_expenditure');
    if (ours === undefined) continue;
    // 亿元 with one decimal: a correct pair differs by at most 0.05 亿元 = 500 万元.
    if (Math.abs(value * 1e4 - ours) <= 500 + 1e-6) intenseOk++;
    else intenseOff.push(`${region} ${yearText}: RDIntense ${value} 亿元 vs RDActivity ${ours} 万元`);
  }
  ctx.log(`techme: RDIntense R&D经费 (亿元) vs RDActivity: ${intenseOk} agree to the rounding, ${intenseOff.length} do not` +
    (intenseOff.length > 0 ? `: ${intenseOff.join('; ')}` : ''));

  // ---- 6. internal consistency (reported, not enforced: the yearbook rounds parts independently) ----
  const sumChecks: [string, string[], number][] = [
    ['rd_expenditure', ['rd_exp_basic', 'rd_exp_applied', 'rd_exp_experimental'], 2],
    ['rd_expenditure', ['rd_exp_fund_government', 'rd_exp_fund_enterprise', 'rd_exp_fund_foreign', 'rd_exp_fund_other'], 2],
    ['rd_fte', ['rd_fte_basic', 'rd_fte_applied', 'rd_fte_experimental'], 2],
    ['patent_app_total', ['patent_app_invention', 'patent_app_utility', 'patent_app_design'], 0],
    ['patent_grant_total', ['patent_grant_invention', 'patent_grant_utility', 'patent_grant_design'], 0],
    ['patent_valid_total', ['patent_valid_invention', 'patent_valid_utility', 'patent_valid_design'], 0],
  ];
  for (const [total, parts, tol] of sumChecks) {
    let checked = 0;
    const off: string[] = [];
    for (const o of obs.values()) {
      if (o.def.code !== total) continue;
      const vals = parts.map((p) => get(o.region, o.year, p));
      if (vals.some((x) => x === undefined)) continue;
      checked++;
      const sum = (vals as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - o.value) > tol + 1e-6) off.push(`${o.region} ${o.year}: ${o.value} vs Σ ${Number(sum.toFixed(4))}`);
    }
    ctx.log(`techme: check ${total} = ${parts.join(' + ')}: ${checked - off.length}/${checked} within ${tol}` +
      (off.length > 0 ? `; off: ${off.slice(0, 8).join('; ')}${off.length > 8 ? ` … (${off.length})` : ''}` : ''));
  }

  // ---- 7. coverage ----
  const provinceCodes = provinces.map((p) => p.code);
  for (const code of MUST_HAVE) {
    const gaps: string[] = [];
    for (const region of provinceCodes) {
      for (let y = MUST_YEARS.from; y <= MUST_YEARS.to; y++) {
        if (get(region, y, code) === undefined) gaps.push(`${region} ${y}`);
      }
    }
    const expected = provinceCodes.length * (MUST_YEARS.to - MUST_YEARS.from + 1);
    ctx.log(`techme: coverage ${code}: ${expected - gaps.length}/${expected} province-years ` +
      `${MUST_YEARS.from}–${MUST_YEARS.to}${gaps.length > 0 ? `; GAPS ${gaps.join(', ')}` : ' (complete)'}`);
  }

  // ---- 8. write ----
  const shipped = VARIABLES.filter((d) => !d.checkOnly);
  const codes = new Set<string>();
  const indicatorRows = shipped.map((d) => {
    if (codes.has(d.code)) throw new Error(`indicator code ${d.code} defined twice`);
    codes.add(d.code);
    const unitZh = d.dataset === 'HitechFirmsPub' ? '家' : (refUnit.get(d.variable) ?? '');
    const unitEn = UNIT_EN[unitZh];
    if (unitEn === undefined) throw new Error(`no English for unit ${unitZh}`);
    const ds = DATASETS[d.dataset];
    if (ds === undefined) throw new Error(`no dataset ${d.dataset}`);
    const years = [...obs.values()].filter((o) => o.def.code === d.code).map((o) => o.year);
    const rows = years.length;
    ctx.log(`techme: ${d.code}: ${rows} rows, ${years.length > 0 ? `${Math.min(...years)}–${Math.max(...years)}` : 'no data'}`);
    return [d.code, d.nameZh, d.nameEn, unitZh, unitEn, d.direction, d.dataset, 'innovation', ds.sourceId,
      [`techme variable ${d.variable}`, d.note].filter(Boolean).join('; ')];
  });
  const observationRows = [...obs.values()]
    .sort((a, b) => a.def.code.localeCompare(b.def.code) || a.region.localeCompare(b.region) || a.year - b.year)
    .map((o) => [o.region, o.year, o.def.code, o.value, DATASETS[o.def.dataset]?.sourceId, o.notes.join('; ')]);

  const nInd = writeCsv(join(ctx.bundledDir, 'indicators', 'techme.csv'),
    ['code', 'name_zh', 'name_en', 'unit_zh', 'unit_en', 'direction', 'dataset', 'topic', 'source_id', 'note'], indicatorRows);
  const nObs = writeCsv(join(ctx.bundledDir, 'observations', 'techme.csv'),
    ['region', 'year', 'indicator', 'value', 'source_id', 'note'], observationRows);
  ctx.log(`techme: wrote ${nInd} indicators, ${nObs} observations`);
  const used = [...new Set(shipped.map((d) => DATASETS[d.dataset]?.sourceId ?? ''))];
  return [
    { name: 'indicators.techme', file: 'indicators/techme.csv', rows: nInd, sources: used },
    { name: 'observations.techme', file: 'observations/techme.csv', rows: nObs, sources: used },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const tables = await build({
    sourcesDir: join(dataDir, 'sources'),
    bundledDir: join(dataDir, 'bundled'),
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stderr.write(`${JSON.stringify(tables)}\n`);
}
