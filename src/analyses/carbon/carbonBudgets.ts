import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import { constantRate, pathOvershoot, reductionPath, trackBudget, type BudgetTracking, type YearValue } from '../../methods/carbon/carbonBudget.js';
import { getBudget, listBudgets, saveBudgetVersion } from '../../store/carbonBudgets.js';
import { listSources } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';

const scopeSchema = z.object({
  kind: z.enum(['zone', 'province', 'city']),
  code: z.string().min(1).max(64),
  /** For a zone: the inventory of its host province (default) or the sum of its host cities. */
  basis: z.enum(['province', 'cities']).default('province'),
});

export const budgetSpecSchema = z.object({
  name: z.string().min(1).max(64),
  scope: scopeSchema,
  /** Annual budgets given directly, Mt CO2 … */
  years: z.array(z.object({ year: z.number().int().min(1990).max(2100), budget: z.number().min(0) })).min(1).optional(),
  /** … or a reduction path from a base year to a target year; the budget of each later year is the path's value. */
  path: z.object({
    kind: z.enum(['linear', 'constant_rate']),
    baseYear: z.number().int().min(1990).max(2100),
    /** Mt CO2 in the base year; default: the inventory value of the scope in that year. */
    baseValue: z.number().min(0).optional(),
    targetYear: z.number().int().min(1991).max(2100),
    targetValue: z.number().min(0).optional(),
    /** Share cut from the base value by the target year (0.3 = 30 %), when targetValue is not given. */
    targetReduction: z.number().min(0).max(1).optional(),
  }).optional(),
  note: z.string().max(2000).default(''),
}).refine((s) => (s.years === undefined) !== (s.path === undefined), { message: 'give either years or path' })
  .refine((s) => s.path === undefined || s.path.targetValue !== undefined || s.path.targetReduction !== undefined, { message: 'a path needs targetValue or targetReduction' });
export type BudgetSpec = z.output<typeof budgetSpecSchema>;

const UNIT = 'Mt CO2';

export interface EmissionSeries {
  readonly points: readonly YearValue[];
  readonly indicator: string;
  readonly regions: readonly string[];
  readonly boundary: Label;
  readonly sourceIds: readonly string[];
  readonly gaps: readonly number[];
}

/** The inventory emissions of a scope (CEADs, Mt CO2), and what boundary they describe. */
export async function scopeEmissions(store: Db, scope: z.output<typeof scopeSchema>): Promise<EmissionSeries> {
  let regions: string[];
  let indicator: string;
  let boundary: Label;
  if (scope.kind === 'province' || scope.kind === 'city') {
    regions = [scope.code];
    indicator = scope.kind === 'province' ? 'co2_total' : 'co2_city';
    boundary = scope.kind === 'province'
      ? { zh: 'CEADs 省级清单（IPCC 部门法，范围一：化石燃料燃烧与水泥生产过程），全省行政边界', en: 'CEADs provincial inventory (IPCC sectoral approach, scope 1: fossil fuels and cement process), whole-province boundary' }
      : { zh: 'CEADs 城市清单，全市行政边界', en: 'CEADs city inventory, whole-city boundary' };
  } else {
    const zone = await store.one<{ province_code: string }>('SELECT province_code FROM zone WHERE id = ?', [scope.code]);
    if (!zone) {
      const known = (await store.all<{ id: string }>('SELECT id FROM zone ORDER BY id')).map((z) => z.id);
      throw new FtzError('zone.not_found', { id: scope.code, known });
    }
    if (scope.basis === 'province') {
      regions = [zone.province_code];
      indicator = 'co2_total';
      boundary = { zh: '自贸试验区所在省份的 CEADs 省级清单（全省边界，并非试验区范围）', en: "CEADs inventory of the zone's host province (whole-province boundary, not the zone's own area)" };
    } else {
      regions = (await store.all<{ c: string }>('SELECT DISTINCT city_code AS c FROM zone_area WHERE zone = ? AND city_code IS NOT NULL ORDER BY c', [scope.code])).map((r) => r.c);
      indicator = 'co2_city';
      boundary = { zh: '自贸试验区各片区所在城市 CEADs 城市清单之和（全市边界，并非试验区范围）', en: "sum of the CEADs city inventories of the zone's host cities (whole-city boundaries, not the zone's own area)" };
    }
  }
  const rows = await store.all<{ region: string; year: number; value: number; source_id: string }>(
    `SELECT region, year, value, source_id FROM observation WHERE indicator = ? AND region IN (${regions.map(() => '?').join(', ') || "''"}) ORDER BY year`,
    [indicator, ...regions],
  );
  const byYear = new Map<number, { sum: number; n: number }>();
  for (const r of rows) {
    const y = byYear.get(r.year) ?? { sum: 0, n: 0 };
    y.sum += r.value;
    y.n++;
    byYear.set(r.year, y);
  }
  // A year counts only when every region of the scope has a value (a partial sum is not the scope's emissions).
  const points: YearValue[] = [];
  const gaps: number[] = [];
  for (const [year, v] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    if (v.n === regions.length) points.push({ year, value: v.sum });
    else gaps.push(year);
  }
  return { points, indicator, regions, boundary, sourceIds: [...new Set(rows.map((r) => r.source_id))], gaps };
}

/** Creates a budget (a new version when the name exists) from annual values or a reduction path. */
export async function createBudget(store: Db, input: unknown, now = new Date()): Promise<{ name: string; version: number; years: readonly { year: number; budget: number }[] }> {
  const parsed = budgetSpecSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const spec = parsed.data;
  await scopeEmissions(store, spec.scope); // checks the scope exists
  let years: { year: number; budget: number }[];
  if (spec.years) years = spec.years;
  else {
    const p = spec.path as NonNullable<BudgetSpec['path']>;
    let base = p.baseValue;
    if (base === undefined) {
      const series = await scopeEmissions(store, spec.scope);
      base = series.points.find((q) => q.year === p.baseYear)?.value;
      if (base === undefined) {
        throw new FtzError('carbon.bad_budget', { detail: `the inventory has no value for ${spec.scope.kind} ${spec.scope.code} in ${p.baseYear} (it covers ${series.points[0]?.year ?? '—'}–${series.points.at(-1)?.year ?? '—'}); give the base value` });
      }
    }
    const target = p.targetValue ?? base * (1 - (p.targetReduction as number));
    years = reductionPath(p.kind, { year: p.baseYear, value: base }, { year: p.targetYear, value: target }).slice(1).map((q) => ({ year: q.year, budget: q.value }));
  }
  const version = await saveBudgetVersion(store, {
    name: spec.name, createdAt: now.toISOString(), scopeKind: spec.scope.kind, scopeCode: spec.scope.code, unit: UNIT, spec, note: spec.note, years,
  });
  return { name: spec.name, version, years };
}

export { listBudgets };

export interface BudgetReport {
  readonly kind: 'carbon.budget';
  readonly budget: { name: string; version: number; createdAt: string; scope: { kind: string; code: string; basis: string }; unit: string; note: string; spec: unknown };
  readonly inventory: { indicator: string; regions: readonly string[]; boundary: Label; years: string; gaps: readonly number[]; points: readonly YearValue[] };
  readonly estimates: readonly YearValue[];
  readonly tracking: BudgetTracking;
  /** Paths from the last observed year to the budget's last-year level, with how far each overshoots the budget. */
  readonly paths: readonly { kind: 'linear' | 'constant_rate'; annualRate: number | null; values: readonly YearValue[]; overshoot: number }[];
  readonly warnings: readonly { code: string; message: Label }[];
  readonly provenance: Provenance;
}

/**
 * A budget against emissions: the scope's inventory series (CEADs, whole administrative boundary), plus any
 * estimates the user gives for later years (labelled as such), tracked with {@link trackBudget}; and the linear
 * and constant-rate paths from the last observed year to the final budget level, each measured against the
 * budget.
 */
export async function budgetReport(store: Db, name: string, options: { version?: number | undefined; trendYears?: number | undefined; estimates?: readonly YearValue[] | undefined } = {}): Promise<BudgetReport> {
  const b = await getBudget(store, name, options.version);
  const spec = b.spec as BudgetSpec;
  const scope = { kind: b.scopeKind, code: b.scopeCode, basis: spec.scope?.basis ?? 'province' } as const;
  const series = await scopeEmissions(store, scope);
  const observedYears = new Set(series.points.map((p) => p.year));
  const estimates = (options.estimates ?? []).filter((e) => !observedYears.has(e.year));
  const emissions = [...series.points, ...estimates].sort((a, c) => a.year - c.year);
  const tracking = trackBudget(b.years.map((y) => ({ year: y.year, value: y.budget })), emissions, { ...(options.trendYears !== undefined ? { trendYears: options.trendYears } : {}) });
  const warnings: { code: string; message: Label }[] = tracking.warnings.map((w) => ({
    code: `budget.${w.code}`,
    message: w.code === 'overshoot' ? { zh: `排放超出当年预算：${w.detail}`, en: `emissions above the year's budget: ${w.detail}` }
      : w.code === 'exhausted' ? { zh: `按当前趋势，预算将在 ${tracking.exhaustionYear} 年耗尽`, en: `on the current trend the budget runs out in ${tracking.exhaustionYear}` }
        : { zh: '观测年份不足两年，无法外推趋势', en: 'fewer than two observed years: no trend' },
  }));
  if (estimates.length > 0) warnings.push({ code: 'budget.estimates_used', message: { zh: `${estimates.length} 个年份使用用户提供的估计值（非清单数据）`, en: `${estimates.length} year(s) use estimates supplied by the user, not inventory data` } });
  if (series.points.length > 0 && tracking.firstYear > (series.points.at(-1)?.year ?? 0)) {
    warnings.push({ code: 'budget.inventory_ends_before', message: { zh: `清单数据止于 ${series.points.at(-1)?.year} 年，早于预算期；预算期内的排放来自趋势外推或估计值`, en: `the inventory ends in ${series.points.at(-1)?.year}, before the budget period: emissions within it come from the trend or from estimates` } });
  }
  const last = emissions.at(-1);
  const final = b.years.at(-1) as { year: number; budget: number };
  const paths: { kind: 'linear' | 'constant_rate'; annualRate: number | null; values: readonly YearValue[]; overshoot: number }[] = [];
  if (last && final.year > last.year) {
    const from = { year: last.year, value: last.value };
    const to = { year: final.year, value: final.budget };
    for (const kind of ['linear', 'constant_rate'] as const) {
      if (kind === 'constant_rate' && !(from.value > 0 && to.value > 0)) continue;
      const values = reductionPath(kind, from, to);
      const overshoot = pathOvershoot(values, b.years.map((y) => ({ year: y.year, value: y.budget })));
      paths.push({ kind, annualRate: kind === 'constant_rate' ? constantRate(from, to) : null, values, overshoot });
      if (overshoot > 1e-9) warnings.push({ code: 'budget.path_overshoots', message: { zh: `${kind === 'linear' ? '线性' : '等比例'}减排路径累计超出预算 ${overshoot.toFixed(2)} ${UNIT}`, en: `the ${kind === 'linear' ? 'linear' : 'constant-rate'} path overshoots the budget by ${overshoot.toFixed(2)} ${UNIT} in total` } });
    }
  }
  const sources = (await listSources(store)).filter((s) => series.sourceIds.includes(s.id)).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence }));
  return {
    kind: 'carbon.budget',
    budget: { name: b.name, version: b.version, createdAt: b.createdAt, scope, unit: b.unit, note: b.note, spec: b.spec },
    inventory: { indicator: series.indicator, regions: series.regions, boundary: series.boundary, years: series.points.length ? `${series.points[0]?.year}–${series.points.at(-1)?.year}` : '', gaps: series.gaps, points: series.points },
    estimates, tracking, paths, warnings,
    provenance: await buildProvenance(store, { sources, options: { name, version: b.version, trendYears: options.trendYears ?? 5, estimates: estimates.length } }),
  };
}

/** CO2 by CEADs sector for a province and year (default: the latest), largest first. */
export async function sectorEmissions(store: Db, province: string, year?: number): Promise<{ province: string; year: number; unit: string; sectors: { code: string; name: Label; value: number }[]; total: number | null; sourceIds: string[] }> {
  const span = await store.one<{ first: number | null; last: number | null }>("SELECT min(year)::INTEGER AS first, max(year)::INTEGER AS last FROM observation WHERE indicator LIKE 'co2_sector_%' AND region = ?", [province]);
  if (!span || span.last === null) throw new FtzError('region.not_found', { code: province });
  const y = year ?? span.last;
  if (y < (span.first as number) || y > span.last) throw new FtzError('carbon.no_inventory_year', { region: province, year: y, first: span.first, last: span.last });
  const rows = await store.all<{ code: string; name_zh: string; name_en: string; value: number; source_id: string }>(
    `SELECT i.code, i.name_zh, i.name_en, o.value, o.source_id FROM observation o JOIN indicator i ON i.code = o.indicator
      WHERE o.region = ? AND o.year = ? AND o.indicator LIKE 'co2_sector_%' ORDER BY o.value DESC, i.code`,
    [province, y],
  );
  const total = await store.one<{ value: number }>("SELECT value FROM observation WHERE region = ? AND year = ? AND indicator = 'co2_total'", [province, y]);
  const strip = (s: string): string => s.replace(/^二氧化碳排放：|^CO2 emissions: /, '');
  return {
    province, year: y, unit: UNIT,
    sectors: rows.map((r) => ({ code: r.code, name: { zh: strip(r.name_zh), en: strip(r.name_en) }, value: r.value })),
    total: total?.value ?? null, sourceIds: [...new Set(rows.map((r) => r.source_id))],
  };
}
