import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance, SourceCitation } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import { CnIndex, normaliseCn } from '../../methods/carbon/cbamGoods.js';
import { cbamObligation, type CbamLine, type CbamNote } from '../../methods/carbon/cbamObligation.js';
import { listSources } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { readRawTable } from '../../store/import/importFile.js';
import { loadCbamLaw, rulesFrom, usable, type DefaultValue, type LawRow } from './cbamLaw.js';
import { readShipments } from './shipmentFile.js';

export const cbamSpecSchema = z.object({
  /** Certificate price, EUR per tCO2e; without it certificates are counted but not priced. */
  price: z.number().min(0).max(10_000).optional(),
  /** Only the rows of this import year. */
  year: z.number().int().min(2026).max(2100).optional(),
  freeAllocation: z.enum(['benchmark', 'phase_in_share', 'none']).default('benchmark'),
  /** Use transcribed or recalled law rows too (marked in the output) instead of only verified ones. */
  allowUnverified: z.boolean().default(false),
});
export type CbamSpec = z.output<typeof cbamSpecSchema>;

export interface CbamExposureLine {
  readonly row: number;
  readonly cn: string;
  readonly good_cn: string;
  readonly product_group: string;
  readonly description_en: string;
  readonly origin: string;
  readonly year: number;
  readonly declarant: string;
  readonly quantity_t: number;
  readonly basis: 'actual' | 'default' | 'actual_direct_default_indirect';
  /** The default value used (before mark-up) with its legal source, or null when actual values were used. */
  readonly default_value: { direct: number; indirect: number | null; total: number; route: string; status: string; citation: string; checked_against: string } | null;
  readonly markup_pct: number;
  readonly direct_tco2_per_t: number;
  readonly indirect_tco2_per_t: number;
  readonly counts_indirect: boolean;
  readonly see_tco2_per_t: number;
  readonly embedded_tco2: number;
  readonly free_allocation_adjustment_tco2: number;
  readonly carbon_price_deduction_tco2: number;
  readonly certificates: number;
  readonly cost_eur: number | null;
  readonly exempt_de_minimis: boolean;
}

export interface CbamExposureOutput {
  readonly kind: 'carbon.cbam';
  readonly spec: CbamSpec;
  readonly file: { name: string; sha256: string; rows: number; rows_used: number };
  readonly lines: readonly CbamExposureLine[];
  readonly by_product: readonly { good_cn: string; product_group: string; description_en: string; quantity_t: number; embedded_tco2: number; certificates: number; cost_eur: number | null }[];
  readonly totals: { quantity_t: number; embedded_tco2: number; certificates: number; cost_eur: number | null };
  readonly threshold: readonly { declarant: string; year: number; tonnes: number; exempt: boolean }[];
  /** The law rows the calculation used, and those left out because they are not verified. */
  readonly law: { readonly used: readonly LawRow[]; readonly not_used: readonly LawRow[] };
  readonly warnings: readonly { code: string; message: Label; rows: readonly number[] }[];
  readonly provenance: Provenance;
}

const NOTE_TEXT: Record<CbamNote['code'], Label> = {
  no_markup: { zh: '当年该产品组没有可用的加成比例，默认值未加成', en: 'no usable mark-up for the product group and year: default values used without one' },
  no_free_allocation_factor: { zh: '当年没有可用的免费配额系数（CBAM 系数），未做免费配额调整', en: 'no usable CBAM factor for the year: no free-allocation adjustment' },
  no_benchmark: { zh: '未提供基准值，未做免费配额调整，证书数量为上限', en: 'no benchmark given: no free-allocation adjustment, so certificates are an upper bound' },
  de_minimis_exempt: { zh: '申报人当年进口总质量未超过 50 吨门槛，免于 CBAM 义务', en: "the declarant's imports in the year stay within the mass threshold: exempt" },
  de_minimis_exceeded: { zh: '申报人当年进口总质量超过门槛，全部数量均须申报', en: "the declarant's imports in the year exceed the mass threshold: every tonne counts" },
  carbon_price_needs_actual: { zh: '原产国已付碳价只能抵扣按实际排放确定的隐含排放（第 9(1) 条）；使用默认值的行不抵扣', en: 'a carbon price paid at origin is deducted only from emissions determined on actual values (Article 9(1)); lines on default values get no deduction' },
};

/**
 * CBAM exposure of a shipment file: each line's covered good, its default value for the origin (with the
 * legal source) or the actual values given, mark-up, embedded emissions, free-allocation adjustment,
 * deduction for a carbon price paid, certificates and their cost, the mass threshold per declarant and year,
 * and totals by product. Law rows not verified against the official text are used only with
 * `allowUnverified`, and the output lists what was used and what was left out.
 */
export async function cbamExposure(store: Db, input: { bytes: Uint8Array; fileName: string; path?: string; sheet?: string }, specInput: unknown): Promise<CbamExposureOutput> {
  const parsed = cbamSpecSchema.safeParse(specInput);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const spec = parsed.data;
  const file = basename(input.fileName);
  const { raw } = await readRawTable(input.bytes, { fileName: input.fileName, encoding: 'auto', ...(input.path ? { path: input.path } : {}), ...(input.sheet ? { sheet: input.sheet } : {}) });
  const all = readShipments(raw, file);
  const rows = spec.year === undefined ? all : all.filter((r) => r.year === spec.year);
  const law = await loadCbamLaw(store);
  const { rules, used, unusable } = rulesFrom(law, spec.allowUnverified);
  const index = new CnIndex(law.goods);
  const goodOf = new Map(law.goods.map((g) => [g.cn, g]));

  const lines: CbamLine[] = [];
  const defaultsUsed = new Map<number, DefaultValue>();
  const meta = new Map<number, { goodCn: string; description: string; origin: string }>();
  for (const s of rows) {
    const m = index.match(s.cn);
    if (m.kind === 'not_covered') throw new FtzError('carbon.unknown_cn_code', { file, row: s.row, value: s.cn });
    if (m.kind === 'ambiguous') throw new FtzError('carbon.ambiguous_cn_code', { file, row: s.row, value: s.cn, candidates: m.candidates.map((c) => c.cn) });
    const good = goodOf.get(m.good.cn) ?? { ...m.good, description: '', headingOnly: false, level: m.good.cn.length };
    // A country's table without a value falls back to the annex's table for other countries.
    const dv = law.defaults.get(`${s.origin}:${good.cn}`) ?? (s.origin === 'CHN' ? law.defaults.get(`OTHER:${good.cn}`) : undefined);
    let defaults: CbamLine['defaults'] = null;
    let why: 'origin' | 'heading_only' | 'not_listed' | 'unverified' = 'not_listed';
    if (s.origin !== 'CHN') why = 'origin';
    else if (!dv) why = good.headingOnly ? 'heading_only' : 'not_listed';
    else if (!usable(dv.status, spec.allowUnverified)) why = 'unverified';
    else {
      defaults = { direct: dv.direct, indirect: dv.indirect ?? 0, total: dv.total };
      defaultsUsed.set(s.row, dv);
    }
    const needsDefault = s.directPerT === undefined || (s.indirectPerT === undefined && rules.countsIndirect(good.productGroup, normaliseCn(s.cn)));
    if (needsDefault && defaults === null) {
      const candidates = why === 'heading_only' ? law.goods.filter((g) => g.cn !== good.cn && g.cn.startsWith(good.cn)).map((g) => g.cn) : [];
      throw new FtzError('carbon.no_default_value', { file, row: s.row, cn: normaliseCn(s.cn), good: good.cn, origin: s.origin, status: dv?.status ?? '', candidates, reason: why });
    }
    if (!needsDefault) defaultsUsed.delete(s.row);
    meta.set(s.row, { goodCn: good.cn, description: good.description, origin: s.origin });
    lines.push({
      row: s.row, cn: normaliseCn(s.cn), productGroup: good.productGroup, quantityT: s.quantityT, year: s.year, defaults,
      ...(s.declarant ? { declarant: s.declarant } : {}),
      ...(s.directPerT !== undefined ? { actual: { direct: s.directPerT, ...(s.indirectPerT !== undefined ? { indirect: s.indirectPerT } : {}) } } : {}),
      ...(s.carbonPricePaidEurPerT !== undefined ? { carbonPricePaidEurPerT: s.carbonPricePaidEurPerT } : {}),
      ...(s.benchmarkPerT !== undefined ? { benchmarkTco2PerT: s.benchmarkPerT } : {}),
    });
  }
  const priced = spec.price !== undefined;
  const result = cbamObligation(lines, rules, { certificatePriceEur: spec.price ?? 0, freeAllocation: spec.freeAllocation });
  const out: CbamExposureLine[] = result.lines.map((l) => {
    const mt = meta.get(l.row) as { goodCn: string; description: string; origin: string };
    const dv = defaultsUsed.get(l.row);
    return {
      row: l.row, cn: l.cn, good_cn: mt.goodCn, product_group: l.productGroup, description_en: mt.description, origin: mt.origin, year: l.year,
      declarant: l.declarant, quantity_t: l.quantityT, basis: l.basis,
      default_value: dv ? { direct: dv.direct, indirect: dv.indirect, total: dv.total, route: dv.route, status: dv.status, citation: dv.citation, checked_against: dv.checkedAgainst } : null,
      markup_pct: l.markupPct, direct_tco2_per_t: l.directPerT, indirect_tco2_per_t: l.indirectPerT, counts_indirect: l.countsIndirect,
      see_tco2_per_t: l.seePerT, embedded_tco2: l.embeddedT, free_allocation_adjustment_tco2: l.freeAllocationAdjustmentT,
      carbon_price_deduction_tco2: l.carbonPriceDeductionT, certificates: l.certificates, cost_eur: priced ? l.costEur : null, exempt_de_minimis: l.exemptDeMinimis,
    };
  });
  const byProduct = new Map<string, { good_cn: string; product_group: string; description_en: string; quantity_t: number; embedded_tco2: number; certificates: number; cost_eur: number | null }>();
  for (const l of out) {
    const p = byProduct.get(l.good_cn) ?? { good_cn: l.good_cn, product_group: l.product_group, description_en: l.description_en, quantity_t: 0, embedded_tco2: 0, certificates: 0, cost_eur: priced ? 0 : null };
    p.quantity_t += l.quantity_t;
    p.embedded_tco2 += l.embedded_tco2;
    p.certificates += l.certificates;
    if (p.cost_eur !== null) p.cost_eur += l.cost_eur ?? 0;
    byProduct.set(l.good_cn, p);
  }
  const warnings: { code: string; message: Label; rows: readonly number[] }[] = result.notes.map((n) => ({ code: `cbam.${n.code}`, message: NOTE_TEXT[n.code], rows: n.rows }));
  if (spec.year !== undefined && rows.length < all.length) warnings.push({ code: 'cbam.rows_other_years', message: { zh: `只计算 ${spec.year} 年的行，其余 ${all.length - rows.length} 行未计入`, en: `only rows of ${spec.year} counted; ${all.length - rows.length} rows of other years left out` }, rows: all.filter((r) => r.year !== spec.year).map((r) => r.row) });
  if (!priced) warnings.push({ code: 'cbam.no_price', message: { zh: '未给出证书价格：只计算证书数量，不计算成本', en: 'no certificate price given: certificates counted, not priced' }, rows: [] });
  const unverifiedUsed = [...defaultsUsed.values()].filter((d) => d.status !== 'verified').length + used.filter((r) => r.status !== 'verified').length;
  if (unverifiedUsed > 0) warnings.push({ code: 'cbam.unverified_law_used', message: { zh: `使用了 ${unverifiedUsed} 项尚未与《欧盟官方公报》原文核对的法规数据（见所用法规表及各行默认值的核实状态）`, en: `${unverifiedUsed} law rows not yet read in the Official Journal were used (see the table of law rows used and each line's default-value status)` }, rows: [] });
  if (unusable.length > 0) warnings.push({ code: 'cbam.unverified_law_left_out', message: { zh: `${unusable.length} 项未核实的法规数据未被使用，结果偏保守（见所用法规表）`, en: `${unusable.length} unverified law rows were left out, so the result is conservative (see the table of law rows)` }, rows: [] });
  const sourceIds = new Set<string>([...defaultsUsed.values()].map((d) => d.sourceId).concat(used.map((r) => r.sourceId)));
  const sources: SourceCitation[] = (await listSources(store)).filter((s) => sourceIds.has(s.id)).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence }));
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const provenance = await buildProvenance(store, { sources, options: { ...spec, file } });
  const sum = (f: (l: CbamExposureLine) => number): number => out.reduce((s, l) => s + f(l), 0);
  return {
    kind: 'carbon.cbam', spec, file: { name: file, sha256, rows: all.length, rows_used: rows.length }, lines: out, by_product: [...byProduct.values()],
    totals: { quantity_t: sum((l) => l.quantity_t), embedded_tco2: sum((l) => l.embedded_tco2), certificates: sum((l) => l.certificates), cost_eur: priced ? sum((l) => l.cost_eur ?? 0) : null },
    threshold: result.thresholdMass, law: { used, not_used: unusable }, warnings, provenance: { ...provenance, inputs: [...provenance.inputs, { name: file, sha256 }] },
  };
}
