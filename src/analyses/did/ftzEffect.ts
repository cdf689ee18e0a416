import { FtzError, isFtzError, renderMessage } from '../../core/errors.js';
import { normalSf } from '../../numeric/distributions.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Result, Table, Warning } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import { callawaySantAnna, eventStudy, feols, heterogeneity, imputation, mediation, placeboTest, sunAbraham, vcov, type EventTimeEstimates } from '../../methods/causal/index.js';
import { mechanismTables } from './mechanisms.js';
import { getIndicator, listRegions, listSources, listZoneRecords, queryObservations } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { column as col, table } from '../nqpf/tables.js';
import { ftzEffectSpecSchema, type FtzEffectSpec, type FtzEffectSpecInput } from './ftzEffectSpec.js';
import { treatmentTiming } from './treatmentTiming.js';

const Z95 = 1.959963984540054;

interface Panel {
  readonly unit: Int32Array;
  readonly time: Int32Array;
  readonly cohort: Int32Array;
  readonly y: Float64Array;
  readonly covariates: { name: string; values: Float64Array }[];
  readonly regions: readonly string[];
}

/**
 * Did the Pilot FTZs change an outcome? Builds the region × year panel of the outcome from the store, dates
 * treatment from the FTZ registry (a province, or a city hosting a sub-area, is treated from the year the
 * rule gives), and estimates the effect with the heterogeneity-robust estimators side by side with the
 * classic two-way fixed-effects regression: TWFE, its event study, Callaway & Sant'Anna, Sun & Abraham and
 * the imputation estimator, all clustered by region.
 */
export async function ftzEffect(store: Db, input: FtzEffectSpecInput | unknown): Promise<Result<'ftz_effect', FtzEffectSpec>> {
  const parsed = ftzEffectSpecSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const spec = parsed.data;
  const warnings: Warning[] = [];
  const indicator = await getIndicator(store, spec.outcome);
  const zones = await listZoneRecords(store);
  const timing = treatmentTiming(zones, spec.level, spec.rule);
  const first = new Map(timing.map((t) => [t.region, t.year]));
  const level = spec.level === 'province' ? 'province' : 'prefecture';
  const regionsAll = await listRegions(store, level);
  const names = new Map(regionsAll.map((r) => [r.code, r]));

  // Outcome and covariates for every region–year; rows lacking any of them are left out (and counted).
  const series = [spec.outcome, ...spec.covariates, ...spec.mediators];
  const values = new Map<string, Map<string, number>>();
  const sourceIds = new Set<string>();
  for (const code of series) {
    const rows = await queryObservations(store, {
      indicator: code,
      ...(spec.from !== undefined ? { from: spec.from } : {}),
      ...(spec.to !== undefined ? { to: spec.to } : {}),
    });
    const m = new Map<string, number>();
    for (const r of rows) {
      if (!names.has(r.region)) continue;
      m.set(`${r.region}:${r.year}`, r.value);
      sourceIds.add(r.source_id);
    }
    values.set(code, m);
  }
  const outcomeMap = values.get(spec.outcome) as Map<string, number>;
  const keys = [...outcomeMap.keys()].filter((k) => spec.covariates.every((c) => values.get(c)?.has(k)));
  let nonPositive = 0;
  const rows = keys
    .map((k) => {
      const [region, year] = k.split(':') as [string, string];
      let y = outcomeMap.get(k) as number;
      if (spec.log) {
        if (!(y > 0)) { nonPositive++; return null; }
        y = Math.log(y);
      }
      return {
        region, year: Number(year), y, x: spec.covariates.map((c) => values.get(c)?.get(k) as number),
        // Mediators follow the outcome's transform: with --log, log levels (non-positive values become gaps).
        m: spec.mediators.map((c) => {
          const v = values.get(c)?.get(k) ?? Number.NaN;
          return spec.log ? (v > 0 ? Math.log(v) : Number.NaN) : v;
        }),
      };
    })
    .filter((r): r is NonNullable<typeof r> => r !== null)
    .sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year);
  if (nonPositive > 0) {
    warnings.push({ code: 'did.log_nonpositive', message: { zh: `${nonPositive} 个非正的结果值无法取对数，已剔除。`, en: `${nonPositive} non-positive outcome values cannot be logged and were left out.` } });
  }
  const regions = [...new Set(rows.map((r) => r.region))];
  const rIndex = new Map(regions.map((r, i) => [r, i]));
  const years = rows.map((r) => r.year);
  const firstYear = Math.min(...years);
  // Units treated before the panel starts have no pre-period: they are always-treated and leave the sample.
  const alwaysTreated = regions.filter((r) => (first.get(r) ?? Infinity) <= firstYear);
  const keep = rows.filter((r) => !alwaysTreated.includes(r.region));
  if (alwaysTreated.length > 0) {
    warnings.push({
      code: 'did.always_treated_dropped',
      message: { zh: `${alwaysTreated.join('、')} 在面板首年（${firstYear}）前已设自贸试验区，无处理前时期，已剔除。`, en: `${alwaysTreated.join(', ')} hosted an FTZ before the panel's first year (${firstYear}) and have no pre-period: left out.` },
    });
  }
  const lastYearOfData = Math.max(...keep.map((r) => r.year));
  if (keep.length < 20) throw new FtzError('causal.bad_panel', { detail: `only ${keep.length} region–years have the outcome${spec.covariates.length ? ' and every covariate' : ''}` });
  const panel: Panel = {
    unit: Int32Array.from(keep, (r) => rIndex.get(r.region) as number),
    time: Int32Array.from(keep, (r) => r.year),
    // A zone set up after the data end is not treated within the panel: such regions are controls, as R did recodes them.
    cohort: Int32Array.from(keep, (r) => { const g = first.get(r.region) ?? 0; return g > lastYearOfData ? 0 : g; }),
    y: Float64Array.from(keep, (r) => r.y),
    covariates: spec.covariates.map((c, j) => ({ name: c, values: Float64Array.from(keep, (r) => r.x[j] as number) })),
    regions,
  };
  const lastYear = Math.max(...years);
  const tables: Table[] = [];
  const estimates: { estimator: string; att: number; se: number; n: number; note: string }[] = [];
  const events: { estimator: string; e: number; att: number; se: number }[] = [];
  const attempt = (what: string, fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      if (!isFtzError(e)) throw e;
      warnings.push({ code: 'did.estimator_failed', message: { zh: `${what}未能估计：${e.localized('zh-CN')}`, en: `${what} could not be estimated: ${e.localized('en')}` }, details: { estimator: what, code: e.code } });
    }
  };
  const cluster = [{ name: 'region', values: panel.unit }];
  const stagger = { unit: panel.unit, time: panel.time, y: panel.y, cohort: panel.cohort, ...(panel.covariates.length ? { covariates: panel.covariates } : {}) };
  const pushEvents = (name: string, r: EventTimeEstimates): void => {
    r.eventTimes.forEach((e, i) => events.push({ estimator: name, e, att: r.estimates[i] as number, se: r.standardErrors[i] as number }));
  };

  if (spec.estimators.includes('twfe')) {
    attempt('TWFE', () => {
      const d = Float64Array.from({ length: panel.y.length }, (_, i) => ((panel.cohort[i] as number) > 0 && (panel.time[i] as number) >= (panel.cohort[i] as number) ? 1 : 0));
      const fit = feols({ y: panel.y, regressors: [{ name: 'ftz', values: d }, ...panel.covariates], fixedEffects: [{ name: 'region', values: panel.unit }, { name: 'year', values: panel.time }] });
      const v = vcov(fit, { type: 'cluster', clusters: cluster });
      estimates.push({ estimator: 'twfe', att: fit.coefficients[0] as number, se: v.standardErrors[0] as number, n: fit.nobs, note: 'y = α_i + λ_t + β·FTZ_it (+ X) ; cluster: region' });
    });
  }
  if (spec.estimators.includes('event_study')) {
    attempt('event study', () => pushEvents('event_study', eventStudy(stagger, { window: spec.window, vcov: { type: 'cluster', clusters: cluster } })));
  }
  if (spec.estimators.includes('sunab')) {
    attempt('Sun–Abraham', () => {
      const r = sunAbraham(stagger, { vcov: { type: 'cluster', clusters: cluster } });
      pushEvents('sunab', r);
    });
  }
  if (spec.estimators.includes('impute')) {
    attempt('imputation', () => {
      const r = imputation(stagger, { cluster: panel.unit });
      pushEvents('impute', r);
      estimates.push({ estimator: 'impute', att: r.overall.estimate, se: r.overall.standardError, n: r.nobs, note: 'Borusyak, Jaravel & Spiess (2024); conservative SE' });
    });
  }
  let pretest: { stat: number; df: number; p: number } | null = null;
  if (spec.estimators.includes('cs')) {
    attempt('Callaway–Sant’Anna', () => {
      // Regions with missing years go through CS's unbalanced-panel path rather than being dropped.
      const span = lastYear - firstYear + 1;
      const count = new Map<number, number>();
      panel.unit.forEach((u) => count.set(u, (count.get(u) ?? 0) + 1));
      const unbalanced = [...count.values()].some((c) => c !== span);
      if (unbalanced) {
        warnings.push({ code: 'did.unbalanced_panel', message: { zh: "面板不平衡：Callaway–Sant'Anna 使用非平衡面板估计（按单元聚类的影响函数）。", en: "The panel is unbalanced: Callaway–Sant'Anna uses its unbalanced-panel estimator (unit-clustered influence functions)." } });
      }
      const r = callawaySantAnna(
        {
          id: panel.unit, time: panel.time, group: panel.cohort, y: panel.y,
          ...(panel.covariates.length ? { covariates: panel.covariates.map((c) => c.values) } : {}),
        },
        { estMethod: spec.method, controlGroup: spec.control === 'never' ? 'nevertreated' : 'notyettreated', panel: unbalanced ? 'unbalanced' : 'balanced' },
      );
      estimates.push({ estimator: 'cs', att: r.aggregations.simple.overall.att, se: r.aggregations.simple.overall.se, n: r.n, note: `Callaway & Sant'Anna (2021), ${spec.method}, ${spec.control} controls; simple aggregation` });
      const dyn = r.aggregations.dynamic;
      dyn.levels.forEach((e, i) => events.push({ estimator: 'cs', e, att: dyn.att[i] as number, se: dyn.se[i] as number }));
      if (r.waldPretest.statistic !== null) pretest = { stat: r.waldPretest.statistic, df: r.waldPretest.df, p: r.waldPretest.p };
      for (const w of r.warnings) warnings.push({ code: w.code, message: { zh: renderMessage(w.code, w.params as never, 'zh-CN'), en: renderMessage(w.code, w.params as never, 'en') }, details: w.params });
    });
  }

  const extra = mechanismTables({
    spec, zones, regions, names, first,
    unit: panel.unit, time: panel.time, cohort: panel.cohort, y: panel.y, covariates: panel.covariates,
    mediators: spec.mediators.map((code, j) => ({ code, values: Float64Array.from(keep, (r) => r.m[j] as number) })),
    heterogeneity, mediation, placeboTest, attempt,
  });
  tables.push(...extra);

  const label: Record<string, [string, string]> = {
    twfe: ['双向固定效应（TWFE）', 'two-way fixed effects (TWFE)'], event_study: ['事件研究（TWFE）', 'event study (TWFE)'],
    cs: ["Callaway–Sant'Anna", "Callaway–Sant'Anna"], sunab: ['Sun–Abraham', 'Sun–Abraham'], impute: ['插补估计（BJS）', 'imputation (BJS)'],
  };
  const p = (att: number, se: number): number => 2 * normalSf(Math.abs(att / se));
  tables.push(table('estimates', { zh: '自贸试验区政策效应估计', en: 'Estimated effect of the Pilot FTZs' }, [
    col('estimator', 'text', '估计方法', 'estimator', estimates.map((e) => e.estimator)),
    col('label_zh', 'text', '方法', 'method (zh)', estimates.map((e) => label[e.estimator]?.[0] ?? e.estimator)),
    col('label_en', 'text', '方法（英文）', 'method', estimates.map((e) => label[e.estimator]?.[1] ?? e.estimator)),
    col('att', 'number', '效应', 'effect', estimates.map((e) => e.att)), col('se', 'number', '聚类标准误', 'clustered SE', estimates.map((e) => e.se)),
    col('ci_low', 'number', '95% 置信下限', '95% CI low', estimates.map((e) => e.att - Z95 * e.se)),
    col('ci_high', 'number', '95% 置信上限', '95% CI high', estimates.map((e) => e.att + Z95 * e.se)),
    col('p', 'number', 'p 值', 'p-value', estimates.map((e) => p(e.att, e.se))),
    col('n', 'integer', '观测值', 'observations', estimates.map((e) => e.n)),
    col('note', 'text', '说明', 'note', estimates.map((e) => e.note)),
  ], [...sourceIds]));
  tables.push(table('event_study', { zh: '事件研究系数（相对设立年份）', en: 'Event-study coefficients (relative to the FTZ year)' }, [
    col('estimator', 'text', '估计方法', 'estimator', events.map((e) => e.estimator)), col('e', 'integer', '相对年份', 'event time', events.map((e) => e.e)),
    col('att', 'number', '系数', 'coefficient', events.map((e) => e.att)), col('se', 'number', '标准误', 'SE', events.map((e) => e.se)),
    col('ci_low', 'number', '95% 置信下限', '95% CI low', events.map((e) => e.att - Z95 * e.se)),
    col('ci_high', 'number', '95% 置信上限', '95% CI high', events.map((e) => e.att + Z95 * e.se)),
  ], [...sourceIds]));
  if (pretest) {
    const pt = pretest as { stat: number; df: number; p: number };
    tables.push(table('pretest', { zh: '平行趋势 Wald 预检验（Callaway–Sant’Anna）', en: "Wald pre-test of parallel trends (Callaway–Sant'Anna)" }, [
      col('stat', 'number', 'χ² 统计量', 'χ² statistic', [pt.stat]), col('df', 'integer', '自由度', 'df', [pt.df]), col('p', 'number', 'p 值', 'p-value', [pt.p]),
    ]));
  }
  const used = new Set(panel.unit);
  tables.push(table('timing', { zh: '处理时点（由自贸试验区名录推导）', en: 'Treatment timing (derived from the FTZ registry)' }, [
    col('region', 'text', '地区代码', 'region code', regions.filter((_, i) => used.has(i))),
    col('name', 'text', '地区', 'region (zh)', regions.filter((_, i) => used.has(i)).map((r) => names.get(r)?.name_zh ?? r)),
    col('name_en', 'text', '地区（英文）', 'region', regions.filter((_, i) => used.has(i)).map((r) => names.get(r)?.name_en ?? r)),
    col('first_year', 'integer', '处理年份', 'first treated year', regions.filter((_, i) => used.has(i)).map((r) => first.get(r) ?? null)),
    col('basis', 'text', '依据', 'basis', regions.filter((_, i) => used.has(i)).map((r) => timing.find((t) => t.region === r)?.basis ?? 'never treated')),
  ]));
  tables.unshift(table('conventions', { zh: '方法与约定', en: 'Methods and conventions' }, [
    col('option', 'text', '选项', 'option', ['outcome', 'log', 'level', 'timing rule', 'years', 'controls', 'clustering', 'event window', 'covariates', 'placebo', 'heterogeneity', 'mediators']),
    col('value', 'text', '取值', 'value', [
      `${spec.outcome} (${indicator.name_en}, ${indicator.unit_en})`, String(spec.log), spec.level, spec.rule, `${firstYear}–${lastYear}`,
      `${spec.control === 'never' ? 'never treated' : 'not yet treated'} (CS); never + not yet (TWFE, event study, imputation)`, 'region', `${spec.window[0]}…${spec.window[1]} (end points binned, reference −1)`,
      spec.covariates.join(', ') || 'none',
      spec.placebo.draws > 0 ? `${spec.placebo.draws} draws, ${spec.placebo.mode}, seed ${spec.placebo.seed}` : 'none',
      spec.heterogeneity.join(', ') || 'none',
      spec.mediators.length ? `${spec.mediators.join(', ')} (stepwise; ${spec.mediationDraws} cluster-bootstrap draws, seed 20240101)` : 'none',
    ]),
  ]));
  const sources = (await listSources(store)).filter((s) => sourceIds.has(s.id));
  return {
    kind: 'ftz_effect',
    spec,
    tables,
    figures: [{ name: 'event_study', title: { zh: '事件研究图', en: 'Event-study plot' }, kind: 'line', table: 'event_study', encoding: { x: 'e', y: 'att', low: 'ci_low', high: 'ci_high', series: 'estimator' }, sourceIds: [...sourceIds] }],
    warnings,
    provenance: await buildProvenance(store, { sources: sources.map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence })), options: { ...spec }, seed: null }),
  };
}
