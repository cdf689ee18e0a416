import { tableFromRows, type Result } from '../../core/result.js';
import type { CbamExposureOutput } from './cbamExposure.js';

const T = (zh: string, en: string) => ({ zh, en });
const tCO2e = T('吨二氧化碳当量', 'tCO2e');

/** A CBAM exposure as a Result of bilingual tables, for the XLSX / DOCX writers. */
export function cbamResult(out: CbamExposureOutput): Result<'carbon_cbam', CbamExposureOutput['spec']> {
  const lines = tableFromRows('cbam_lines', T('CBAM 逐行测算', 'CBAM exposure by line'), [
    { name: 'row', type: 'integer', label: T('行', 'row') },
    { name: 'cn', type: 'text', label: T('CN 编码', 'CN code') },
    { name: 'good_cn', type: 'text', label: T('CBAM 货物条目', 'CBAM entry') },
    { name: 'product_group', type: 'text', label: T('产品组', 'product group') },
    { name: 'year', type: 'integer', label: T('年份', 'year') },
    { name: 'quantity_t', type: 'number', label: T('数量', 'quantity'), unit: T('吨', 't') },
    { name: 'basis', type: 'text', label: T('排放依据', 'basis') },
    { name: 'markup_pct', type: 'number', label: T('加成', 'mark-up'), unit: T('%', '%') },
    { name: 'see', type: 'number', label: T('单位隐含排放', 'specific embedded emissions'), unit: T('吨二氧化碳当量/吨', 'tCO2e/t') },
    { name: 'embedded', type: 'number', label: T('隐含排放', 'embedded emissions'), unit: tCO2e },
    { name: 'fa', type: 'number', label: T('免费配额调整', 'free-allocation adjustment'), unit: tCO2e },
    { name: 'deduction', type: 'number', label: T('已付碳价抵扣', 'carbon price deduction'), unit: tCO2e },
    { name: 'certificates', type: 'number', label: T('CBAM 证书', 'CBAM certificates') },
    { name: 'cost', type: 'number', label: T('成本', 'cost'), unit: T('欧元', 'EUR') },
    { name: 'exempt', type: 'boolean', label: T('50 吨门槛豁免', 'exempt (50 t threshold)') },
    { name: 'citation', type: 'text', label: T('默认值出处', 'default value source') },
    { name: 'status', type: 'text', label: T('核实状态', 'status') },
  ], out.lines.map((l) => ({
    row: l.row, cn: l.cn, good_cn: l.good_cn, product_group: l.product_group, year: l.year, quantity_t: l.quantity_t, basis: l.basis,
    markup_pct: l.markup_pct, see: l.see_tco2_per_t, embedded: l.embedded_tco2, fa: l.free_allocation_adjustment_tco2,
    deduction: l.carbon_price_deduction_tco2, certificates: l.certificates, cost: l.cost_eur, exempt: l.exempt_de_minimis,
    citation: l.default_value?.citation ?? null, status: l.default_value?.status ?? null,
  })), out.provenance.sources.map((s) => s.id));
  const products = tableFromRows('cbam_products', T('按产品汇总', 'By product'), [
    { name: 'good_cn', type: 'text', label: T('CBAM 货物条目', 'CBAM entry') },
    { name: 'product_group', type: 'text', label: T('产品组', 'product group') },
    { name: 'quantity_t', type: 'number', label: T('数量', 'quantity'), unit: T('吨', 't') },
    { name: 'embedded', type: 'number', label: T('隐含排放', 'embedded emissions'), unit: tCO2e },
    { name: 'certificates', type: 'number', label: T('CBAM 证书', 'CBAM certificates') },
    { name: 'cost', type: 'number', label: T('成本', 'cost'), unit: T('欧元', 'EUR') },
  ], out.by_product.map((p) => ({ good_cn: p.good_cn, product_group: p.product_group, quantity_t: p.quantity_t, embedded: p.embedded_tco2, certificates: p.certificates, cost: p.cost_eur })));
  const law = tableFromRows('cbam_law', T('所用法规数据', 'Law rows used'), [
    { name: 'rule', type: 'text', label: T('规则', 'rule') },
    { name: 'key', type: 'text', label: T('键', 'key') },
    { name: 'value', type: 'number', label: T('值', 'value') },
    { name: 'used', type: 'boolean', label: T('已使用', 'used') },
    { name: 'status', type: 'text', label: T('核实状态', 'status') },
    { name: 'citation', type: 'text', label: T('出处', 'citation') },
  ], [...out.law.used.map((r) => ({ ...r, used: true })), ...out.law.not_used.map((r) => ({ ...r, used: false }))].map((r) => ({ rule: r.rule, key: r.key, value: r.value, used: r.used, status: r.status, citation: r.citation })));
  return {
    kind: 'carbon_cbam', spec: out.spec, tables: [products, lines, law], figures: [],
    warnings: out.warnings.map((w) => ({ code: w.code, message: w.message, details: { rows: w.rows } })), provenance: out.provenance,
  };
}
