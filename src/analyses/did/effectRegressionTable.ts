import type { Result } from '../../core/result.js';
import type { RegressionModelSpec, RegressionTableSpec } from '../../report/regressionSpec.js';
import type { FtzEffectSpec } from './ftzEffectSpec.js';

const ESTIMATOR: Record<string, { zh: string; en: string }> = {
  twfe: { zh: '双向固定效应', en: 'TWFE' },
  cs: { zh: "Callaway–Sant'Anna", en: "Callaway–Sant'Anna" },
  impute: { zh: '插补估计', en: 'imputation (BJS)' },
};

/**
 * The journal table of an FTZ-effect study: one column per estimator with the FTZ coefficient and its
 * clustered standard error, fixed effects and controls marked, N below — the layout Chinese journals print.
 */
export function effectRegressionTable(r: Result<'ftz_effect', FtzEffectSpec>): RegressionTableSpec {
  const est = r.tables.find((t) => t.name === 'estimates');
  const col = (name: string): readonly (string | number | boolean | null)[] => est?.columns.find((c) => c.name === name)?.values ?? [];
  const estimators = col('estimator') as string[];
  const controls = r.spec.covariates.length > 0;
  const models: RegressionModelSpec[] = estimators.map((e, i) => ({
    name: ESTIMATOR[e] ?? { zh: e, en: e },
    estimator: ESTIMATOR[e] ?? { zh: e, en: e },
    coefficients: [{ term: 'ftz', estimate: col('att')[i] as number, se: col('se')[i] as number, p: col('p')[i] as number }],
    stats: [{ key: 'n', value: col('n')[i] as number }],
    indicators: [
      { key: 'controls', value: controls },
      { key: 'unit_fe', value: e !== 'cs' },
      { key: 'time_fe', value: e !== 'cs' },
    ],
  }));
  const outcome = r.spec.log ? `ln(${r.spec.outcome})` : r.spec.outcome;
  return {
    title: { zh: '自贸试验区对结果变量的影响', en: 'Effect of the Pilot FTZs' },
    dependentVariable: { zh: outcome, en: outcome },
    models,
    termLabels: { ftz: { zh: '自贸试验区（FTZ）', en: 'Pilot FTZ' } },
    standardErrors: 'clustered',
    notes: [
      { zh: `处理时点规则：${r.spec.rule}；按地区聚类。Callaway–Sant'Anna 列为简单加权 ATT，插补估计列为总体平均效应。`, en: `Treatment timing rule: ${r.spec.rule}; clustered by region. The Callaway–Sant'Anna column is the simple ATT, the imputation column the overall average effect.` },
    ],
  };
}
