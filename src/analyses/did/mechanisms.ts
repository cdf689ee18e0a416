import type { Table } from '../../core/result.js';
import type { heterogeneity as Heterogeneity, mediation as Mediation, placeboTest as PlaceboTest } from '../../methods/causal/index.js';
import type { ApiRegion } from '../../server/apiTypes.js';
import type { ZoneRecord } from '../../store/zoneTypes.js';
import { column as col, table } from '../nqpf/tables.js';
import type { FtzEffectSpec } from './ftzEffectSpec.js';

export interface MechanismInput {
  readonly spec: FtzEffectSpec;
  readonly zones: readonly ZoneRecord[];
  readonly regions: readonly string[];
  readonly names: ReadonlyMap<string, ApiRegion>;
  readonly first: ReadonlyMap<string, number>;
  readonly unit: Int32Array;
  readonly time: Int32Array;
  readonly cohort: Int32Array;
  readonly y: Float64Array;
  readonly covariates: readonly { name: string; values: Float64Array }[];
  readonly mediators: readonly { code: string; values: Float64Array }[];
  readonly heterogeneity: typeof Heterogeneity;
  readonly mediation: typeof Mediation;
  readonly placeboTest: typeof PlaceboTest;
  readonly attempt: (what: string, fn: () => void) => void;
}

/**
 * The robustness and mechanism part of the FTZ study, all on the TWFE specification: placebo test with fake
 * assignments, heterogeneity by FTZ batch or by location type with a test of equal effects, and the
 * stepwise mediation test for each mechanism channel (with its limits printed beside it).
 */
export function mechanismTables(m: MechanismInput): Table[] {
  const tables: Table[] = [];
  const n = m.y.length;
  const d = Float64Array.from({ length: n }, (_, i) => ((m.cohort[i] as number) > 0 && (m.time[i] as number) >= (m.cohort[i] as number) ? 1 : 0));
  const fe = [{ name: 'region', values: m.unit }, { name: 'year', values: m.time }];
  const cluster = { name: 'region', values: m.unit };
  const cov = m.covariates.length ? m.covariates : undefined;

  if (m.spec.placebo.draws > 0) {
    m.attempt('placebo test', () => {
      const p = m.placeboTest({ unit: m.unit, time: m.time, y: m.y, cohort: m.cohort, covariates: cov, cluster: m.unit }, { mode: m.spec.placebo.mode, draws: m.spec.placebo.draws, seed: m.spec.placebo.seed });
      tables.push(table('placebo', { zh: `安慰剂检验（${p.draws} 次随机分配，${p.mode}）`, en: `Placebo test (${p.draws} fake assignments, ${p.mode})` }, [
        col('real', 'number', '真实估计', 'real estimate', [p.real.estimate]), col('mean', 'number', '安慰剂均值', 'placebo mean', [p.mean]),
        col('sd', 'number', '安慰剂标准差', 'placebo SD', [p.sd]), col('p', 'number', '置换 p 值', 'permutation p', [p.pValue]),
        col('t_p', 'number', '基于 t 的置换 p 值', 'permutation p (|t|)', [p.tPValue]), col('failed', 'integer', '失败次数', 'failed draws', [p.failed]),
        col('seed', 'integer', '种子', 'seed', [p.seed]),
      ]));
      if (p.density) {
        const dens = p.density;
        tables.push(table('placebo_density', { zh: '安慰剂估计的核密度', en: 'Kernel density of the placebo estimates' }, [
          col('x', 'number', '估计值', 'estimate', [...dens.x]), col('density', 'number', '密度', 'density', [...dens.density]),
        ]));
      }
    });
  }

  const zoneOf = new Map(m.zones.map((z) => [z.province_code, z]));
  for (const by of m.spec.heterogeneity) {
    m.attempt(`heterogeneity by ${by}`, () => {
      // Never-treated regions belong to every group's comparison; each treated region to its own group.
      const labels = Array.from(m.unit, (u) => {
        const code = m.regions[u] as string;
        const zone = zoneOf.get(code.slice(0, 2) + '0000');
        if (!m.first.has(code) || !zone) return null;
        return by === 'batch' ? String(zone.batch_year) : (zone.location_type.value ?? null);
      });
      // D × 1{g} is zero for untreated rows whatever their label, so never-treated regions can carry any one.
      const fallback = labels.find((l) => l !== null) ?? 'all';
      const r = m.heterogeneity({ y: m.y, treatment: { name: 'ftz', values: d }, group: labels.map((l) => l ?? fallback), covariates: cov, fixedEffects: fe, cluster });
      const groups = r.groups;
      tables.push(table(`heterogeneity_${by}`, { zh: by === 'batch' ? '异质性分析：按自贸试验区批次' : '异质性分析：按沿海 / 内陆 / 沿边', en: by === 'batch' ? 'Heterogeneity by FTZ batch' : 'Heterogeneity by coastal / inland / border zone' }, [
        col('group', 'text', '组', 'group', groups.map((g) => String(g.label))), col('att', 'number', '效应', 'effect', groups.map((g) => g.estimate)),
        col('se', 'number', '聚类标准误', 'clustered SE', groups.map((g) => g.standardError)), col('p', 'number', 'p 值', 'p-value', groups.map((g) => g.pValue)),
        col('treated_obs', 'integer', '处理观测', 'treated observations', groups.map((g) => g.treatedObs)),
        col('equal_chi2', 'number', '系数相等 χ²', 'equality χ²', groups.map(() => r.equalityTest.chi2)),
        col('equal_p', 'number', '系数相等 p 值', 'equality p', groups.map(() => r.equalityTest.chi2PValue)),
      ]));
    });
  }

  if (m.mediators.length > 0) {
    const rows: { code: string; r: ReturnType<typeof Mediation> }[] = [];
    for (const med of m.mediators) {
      m.attempt(`mechanism ${med.code}`, () => {
        rows.push({ code: med.code, r: m.mediation({ y: m.y, treatment: { name: 'ftz', values: d }, mediator: { name: med.code, values: med.values }, covariates: cov, fixedEffects: fe, cluster }, { seed: 20240101, draws: m.spec.mediationDraws }) });
      });
    }
    if (rows.length > 0) {
      tables.push(table('mechanisms', { zh: '机制检验（逐步法，α·β 的聚类自助法置信区间）', en: 'Mechanism tests (stepwise; cluster bootstrap CI of α·β)' }, [
        col('mediator', 'text', '机制变量', 'mediator', rows.map((x) => x.code)),
        col('alpha', 'number', 'α（自贸试验区→机制）', 'α (FTZ → mediator)', rows.map((x) => x.r.alpha.estimate)),
        col('alpha_p', 'number', 'α 的 p 值', 'p of α', rows.map((x) => x.r.alpha.pValue)),
        col('beta', 'number', 'β（机制→结果）', 'β (mediator → outcome)', rows.map((x) => x.r.beta.estimate)),
        col('direct', 'number', '直接效应 c′', 'direct effect c′', rows.map((x) => x.r.direct.estimate)),
        col('indirect', 'number', '间接效应 α·β', 'indirect effect α·β', rows.map((x) => x.r.indirect.estimate)),
        col('sobel_p', 'number', 'Sobel p 值', 'Sobel p', rows.map((x) => x.r.indirect.sobelPValue)),
        col('boot_low', 'number', 'α·β 自助法 95% 下限', 'α·β bootstrap 95% low', rows.map((x) => x.r.bootstrap?.lower ?? null)),
        col('boot_high', 'number', 'α·β 自助法 95% 上限', 'α·β bootstrap 95% high', rows.map((x) => x.r.bootstrap?.upper ?? null)),
        col('boot_draws', 'integer', '自助法次数', 'bootstrap draws', rows.map((x) => x.r.bootstrap?.draws ?? 0)),
      ]));
      const lim = rows[0]?.r.limitations ?? [];
      tables.push(table('mechanism_limitations', { zh: '机制检验的局限', en: 'Limits of the mechanism tests' }, [
        col('zh', 'text', '说明', 'note (zh)', lim.map((l) => l.zh)), col('en', 'text', '说明（英文）', 'note', lim.map((l) => l.en)),
      ]));
    }
  }
  return tables;
}
