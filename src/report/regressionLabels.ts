import type { Label } from '../core/result.js';
import type { Lang } from './cellText.js';

/** Built-in names of the rows under the coefficients; `statLabels` in the spec adds to or replaces them. */
export const DEFAULT_ROW_LABELS: Readonly<Record<string, Label>> = {
  controls: { zh: '控制变量', en: 'Controls' },
  unit_fe: { zh: '个体固定效应', en: 'Unit FE' },
  time_fe: { zh: '时间固定效应', en: 'Time FE' },
  cluster: { zh: '聚类层级', en: 'Clustered by' },
  n: { zh: '观测值', en: 'Observations' },
  clusters: { zh: '聚类数', en: 'Clusters' },
  r2: { zh: 'R²', en: 'R²' },
  r2_adj: { zh: '调整 R²', en: 'Adjusted R²' },
  r2_within: { zh: '组内 R²', en: 'Within R²' },
};

/** Terms every estimator names its intercept by; printed as 常数项 / Constant and placed last. */
export const CONSTANT_TERMS: ReadonlySet<string> = new Set(['(Intercept)', '_cons', 'const', 'Intercept']);
export const CONSTANT_LABEL: Label = { zh: '常数项', en: 'Constant' };

/** Statistics that are counts: printed without decimals. */
export const COUNT_STATS: ReadonlySet<string> = new Set(['n', 'clusters']);

export const HEADINGS = {
  dependentVariable: { zh: '被解释变量', en: 'Dependent variable' },
  estimator: { zh: '估计方法', en: 'Estimator' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
} as const satisfies Record<string, Label>;

function percent(p: number): string {
  return String(Number((p * 100).toPrecision(10)));
}

/**
 * The standard first note, worded as Chinese and English journals print it, e.g. "注：括号内为聚类稳健标准误；
 * *、**、*** 分别表示在 10%、5%、1% 的水平上显著。"
 */
export function standardNote(
  lang: Lang,
  inParentheses: 'se' | 't',
  standardErrors: 'clustered' | 'robust' | 'conventional',
  stars: readonly [number, number, number],
): string {
  const [a, b, c] = stars.map(percent) as [string, string, string];
  if (lang === 'zh') {
    const what = inParentheses === 't' ? 't 值'
      : standardErrors === 'clustered' ? '聚类稳健标准误' : standardErrors === 'robust' ? '稳健标准误' : '标准误';
    return `注：括号内为${what}；*、**、*** 分别表示在 ${a}%、${b}%、${c}% 的水平上显著。`;
  }
  const what = inParentheses === 't' ? 't-statistics'
    : standardErrors === 'clustered' ? 'clustered standard errors' : standardErrors === 'robust' ? 'robust standard errors' : 'standard errors';
  return `Notes: ${what} in parentheses; *, ** and *** denote significance at ${a} %, ${b} % and ${c} %.`;
}

/** Said whenever a star rests on a p-value the table computed rather than one the estimator reported. */
export const NORMAL_P_NOTE: Label = {
  zh: '未报告 p 值者，按 z = 系数/标准误的正态分布双侧检验计算。',
  en: 'p-values not reported: two-sided, normal distribution of z = estimate/SE.',
};
