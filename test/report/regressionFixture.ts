import type { RegressionTableSpec } from '../../src/report/regressionSpec.js';

/**
 * A fixed two-model example (numbers invented, chosen to hit the edges): model (1) reports its p-values, model
 * (2) does not, so its stars come from the normal approximation; "open" rounds to −0.0000 and must print
 * 0.0000; model (1) has no within R² and model (2) no constant (blank cells, not 0); a label carries
 * LaTeX and Markdown special characters.
 */
export const TWO_MODELS: RegressionTableSpec = {
  title: { zh: '自贸试验区设立对新质生产力的影响：基准回归', en: 'Pilot FTZs and new quality productive forces: baseline regressions' },
  dependentVariable: { zh: '新质生产力指数', en: 'NQPF index' },
  termLabels: {
    ftz: { zh: '自贸试验区 × 设立后', en: 'FTZ × post' },
    rd: { zh: '研发强度（R&D_%）', en: 'R&D intensity (%)' },
    open: { zh: '对外开放度', en: 'Openness' },
  },
  models: [
    {
      name: { zh: '混合回归', en: 'Pooled' },
      estimator: { zh: 'OLS', en: 'OLS' },
      coefficients: [
        { term: '_cons', estimate: 1.23456, se: 0.2, p: 0.0000001 },
        { term: 'ftz', estimate: 0.052318, se: 0.018741, p: 0.0061 },
        { term: 'rd', estimate: -0.3141, se: 0.1592, p: 0.0501 },
      ],
      stats: [
        { key: 'n', value: 3360 },
        { key: 'r2', value: 0.61234 },
        { key: 'r2_within', value: null },
      ],
      indicators: [
        { key: 'controls', value: false },
        { key: 'unit_fe', value: false },
        { key: 'time_fe', value: false },
        { key: 'cluster', value: { zh: '省份', en: 'Province' } },
      ],
    },
    {
      name: { zh: '双向固定效应', en: 'Two-way FE' },
      estimator: { zh: 'TWFE', en: 'TWFE' },
      coefficients: [
        { term: 'ftz', estimate: 0.041, se: 0.0213 },
        { term: 'rd', estimate: 0.1187, se: 0.0542 },
        { term: 'open', estimate: -0.00003, se: 0.0011 },
      ],
      stats: [
        { key: 'n', value: 3360 },
        { key: 'r2', value: 0.8456 },
        { key: 'r2_within', value: 0.2346 },
        { key: 'clusters', value: 280 },
      ],
      indicators: [
        { key: 'controls', value: true },
        { key: 'unit_fe', value: true },
        { key: 'time_fe', value: true },
        { key: 'cluster', value: { zh: '省份', en: 'Province' } },
      ],
    },
  ],
  notes: [{ zh: '数据来源：作者计算。', en: "Source: authors' calculations." }],
};
