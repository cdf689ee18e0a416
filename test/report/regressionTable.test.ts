import { describe, expect, it } from 'vitest';
import { FtzError } from '../../src/core/errors.js';
import { feols } from '../../src/methods/causal/feols.js';
import { SSC_FIXEST, vcov } from '../../src/methods/causal/vcov.js';
import { fromFeols } from '../../src/report/regressionFromFeols.js';
import type { RegressionModelSpec, RegressionTableSpec } from '../../src/report/regressionSpec.js';
import { buildRegressionTable, regressionCellText, type RegressionTable } from '../../src/report/regressionTable.js';
import { fixedDecimals, normalTwoSidedP, significanceStars } from '../../src/report/significanceStars.js';
import { TWO_MODELS } from './regressionFixture.js';

const STARS = [0.1, 0.05, 0.01] as const;

function model(coefficients: RegressionModelSpec['coefficients'], extra: Partial<RegressionModelSpec> = {}): RegressionModelSpec {
  return { name: { zh: '', en: '' }, estimator: { zh: 'OLS', en: 'OLS' }, coefficients, stats: [], indicators: [], ...extra };
}

function spec(models: readonly RegressionModelSpec[], extra: Partial<RegressionTableSpec> = {}): RegressionTableSpec {
  return { title: { zh: '表', en: 'Table' }, models, termLabels: { x: { zh: 'x', en: 'x' } }, ...extra };
}

/** The printed text of the row with this kind and key, one string per model. */
function rowTexts(t: RegressionTable, kind: string, key: string): string[] {
  const r = t.body.find((b) => b.kind === kind && b.key === key);
  if (!r) throw new Error(`no ${kind} row ${key}`);
  return r.cells.map(regressionCellText);
}

function badRequest(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FtzError);
    expect((e as FtzError).code).toBe('api.bad_request');
    return (e as FtzError).message;
  }
  throw new Error('did not throw');
}

describe('significanceStars', () => {
  it('gives a star only when p is strictly below the threshold: p = 0.1, 0.05, 0.01 exactly get one fewer', () => {
    expect(significanceStars(0.1, STARS)).toBe('');
    expect(significanceStars(0.0999, STARS)).toBe('*');
    expect(significanceStars(0.05, STARS)).toBe('*');
    expect(significanceStars(0.0499, STARS)).toBe('**');
    expect(significanceStars(0.01, STARS)).toBe('**');
    expect(significanceStars(0.0099, STARS)).toBe('***');
    expect(significanceStars(0, STARS)).toBe('***');
    expect(significanceStars(1, STARS)).toBe('');
  });

  it('gives no star for a missing or non-finite p', () => {
    expect(significanceStars(null, STARS)).toBe('');
    expect(significanceStars(Number.NaN, STARS)).toBe('');
  });
});

describe('normalTwoSidedP', () => {
  it('is 2·(1 − Φ(|z|)): z = 1 → 0.31731050786291415, z = −1.96 → 0.04999579029644097', () => {
    expect(normalTwoSidedP(1, 1)).toBeCloseTo(0.31731050786291415, 12);
    expect(normalTwoSidedP(-0.196, 0.1)).toBeCloseTo(0.04999579029644097, 12);
  });

  it('keeps tiny p-values positive (no cancellation to 0) and is null without a positive standard error', () => {
    expect(normalTwoSidedP(10, 1)).toBeGreaterThan(0);
    expect(normalTwoSidedP(10, 1)).toBeLessThan(1e-20);
    expect(normalTwoSidedP(1, null)).toBeNull();
    expect(normalTwoSidedP(1, 0)).toBeNull();
    expect(normalTwoSidedP(1, Number.NaN)).toBeNull();
  });
});

describe('fixedDecimals', () => {
  it('prints fixed decimals and drops the minus of a value that rounds to zero', () => {
    expect(fixedDecimals(0.05, 4)).toBe('0.0500');
    expect(fixedDecimals(-0.00003, 4)).toBe('0.0000');
    expect(fixedDecimals(-0.3141, 4)).toBe('-0.3141');
    expect(fixedDecimals(-0.4, 0)).toBe('0');
  });
});

describe('buildRegressionTable', () => {
  it('puts the standard error in parentheses on the row under its coefficient, stars on the coefficient', () => {
    const t = buildRegressionTable(TWO_MODELS, 'en');
    const i = t.body.findIndex((r) => r.kind === 'coefficient' && r.key === 'ftz');
    expect(t.body[i]?.cells.map(regressionCellText)).toEqual(['0.0523***', '0.0410*']);
    expect(t.body[i + 1]).toMatchObject({ kind: 'uncertainty', key: 'ftz', label: '' });
    expect(t.body[i + 1]?.cells.map(regressionCellText)).toEqual(['(0.0187)', '(0.0213)']);
  });

  it('uses a reported p-value as is (p = 0.0501 → one star) and computes a missing one from the normal (z = 2.19 → two)', () => {
    const t = buildRegressionTable(TWO_MODELS, 'en');
    expect(rowTexts(t, 'coefficient', 'rd')).toEqual(['-0.3141*', '0.1187**']);
    const raw = t.raw.coefficients.filter((c) => c.term === 'rd');
    expect(raw.map((c) => c.pSource)).toEqual(['reported', 'normal']);
    expect(raw[0]?.p).toBe(0.0501);
    expect(raw[1]?.p).toBeCloseTo(normalTwoSidedP(0.1187, 0.0542) as number, 15);
  });

  it('says in a note when a star rests on a computed p-value, and not otherwise', () => {
    expect(buildRegressionTable(TWO_MODELS, 'zh').notes[1]).toContain('正态分布');
    expect(buildRegressionTable(TWO_MODELS, 'en').notes[1]).toContain('normal distribution');
    const reportedOnly = buildRegressionTable(spec([model([{ term: 'x', estimate: 1, se: 0.5, p: 0.2 }])]), 'en');
    expect(reportedOnly.notes).toHaveLength(1);
  });

  it('prints missing cells blank, never 0: an absent term, a null statistic, a non-finite estimate', () => {
    const t = buildRegressionTable(TWO_MODELS, 'en');
    expect(rowTexts(t, 'coefficient', 'open')).toEqual(['', '0.0000']);
    expect(rowTexts(t, 'coefficient', '_cons')).toEqual(['1.2346***', '']);
    expect(rowTexts(t, 'stat', 'r2_within')).toEqual(['', '0.235']);
    expect(rowTexts(t, 'stat', 'clusters')).toEqual(['', '280']);
    const nan = buildRegressionTable(spec([model([{ term: 'x', estimate: Number.NaN, se: 0.1 }])]), 'en');
    expect(rowTexts(nan, 'coefficient', 'x')).toEqual(['']);
    expect(nan.body.some((r) => r.kind === 'uncertainty')).toBe(false);
  });

  it('orders terms as they first appear with the constant last, or as `terms` says (dropping the rest)', () => {
    const t = buildRegressionTable(TWO_MODELS, 'en');
    expect(t.body.filter((r) => r.kind === 'coefficient').map((r) => r.key)).toEqual(['ftz', 'rd', 'open', '_cons']);
    const only = buildRegressionTable({ ...TWO_MODELS, terms: ['rd', 'ftz'] }, 'en');
    expect(only.body.filter((r) => r.kind === 'coefficient').map((r) => r.label)).toEqual(['R&D intensity (%)', 'FTZ × post']);
  });

  it('follows the coefficients with indicators (是/否, Yes/No), statistics and the estimator', () => {
    const zh = buildRegressionTable(TWO_MODELS, 'zh');
    const tail = zh.body.filter((r) => r.kind !== 'coefficient' && r.kind !== 'uncertainty');
    expect(tail.map((r) => [r.label, ...r.cells.map(regressionCellText)])).toEqual([
      ['控制变量', '否', '是'],
      ['个体固定效应', '否', '是'],
      ['时间固定效应', '否', '是'],
      ['聚类层级', '省份', '省份'],
      ['观测值', '3360', '3360'],
      ['R²', '0.612', '0.846'],
      ['组内 R²', '', '0.235'],
      ['聚类数', '', '280'],
      ['估计方法', 'OLS', 'TWFE'],
    ]);
    expect(rowTexts(buildRegressionTable(TWO_MODELS, 'en'), 'indicator', 'controls')).toEqual(['No', 'Yes']);
  });

  it('heads the columns (1) (2) with the model names and one dependent-variable cell spanning equal columns', () => {
    const t = buildRegressionTable(TWO_MODELS, 'zh');
    expect(t.header).toEqual([
      { kind: 'number', label: '', cells: [{ text: '(1)', span: 1 }, { text: '(2)', span: 1 }] },
      { kind: 'name', label: '', cells: [{ text: '混合回归', span: 1 }, { text: '双向固定效应', span: 1 }] },
      { kind: 'dependent', label: '被解释变量', cells: [{ text: '新质生产力指数', span: 2 }] },
    ]);
    const [m1, m2] = TWO_MODELS.models as [RegressionModelSpec, RegressionModelSpec];
    const own = buildRegressionTable({ ...TWO_MODELS, models: [m1, { ...m2, dependentVariable: { zh: '全要素生产率', en: 'TFP' } }] }, 'en');
    expect(own.header[2]?.cells).toEqual([{ text: 'NQPF index', span: 1 }, { text: 'TFP', span: 1 }]);
  });

  it('writes the standard note as Chinese and English journals do', () => {
    expect(buildRegressionTable(TWO_MODELS, 'zh').notes[0]).toBe('注：括号内为聚类稳健标准误；*、**、*** 分别表示在 10%、5%、1% 的水平上显著。');
    expect(buildRegressionTable(TWO_MODELS, 'en').notes[0]).toBe('Notes: clustered standard errors in parentheses; *, ** and *** denote significance at 10 %, 5 % and 1 %.');
    expect(buildRegressionTable(TWO_MODELS, 'en').notes.at(-1)).toBe("Source: authors' calculations.");
  });

  it('follows custom thresholds in the stars and the note', () => {
    const t = buildRegressionTable(spec([model([{ term: 'x', estimate: 1, se: 1, p: 0.15 }])], { stars: [0.2, 0.1, 0.05], standardErrors: 'robust' }), 'zh');
    expect(rowTexts(t, 'coefficient', 'x')).toEqual(['1.0000*']);
    expect(t.notes[0]).toBe('注：括号内为稳健标准误；*、**、*** 分别表示在 20%、10%、5% 的水平上显著。');
  });

  it('can put t = estimate/se in parentheses (two decimals) and says so in the note', () => {
    const t = buildRegressionTable({ ...TWO_MODELS, inParentheses: 't' }, 'en');
    expect(rowTexts(t, 'uncertainty', 'ftz')).toEqual(['(2.79)', '(1.92)']);
    expect(t.notes[0]).toMatch(/^Notes: t-statistics in parentheses;/);
  });

  it('prints coefficients and statistics with the requested decimals', () => {
    const t = buildRegressionTable({ ...TWO_MODELS, decimals: 3, statDecimals: 2 }, 'en');
    expect(rowTexts(t, 'coefficient', 'ftz')).toEqual(['0.052***', '0.041*']);
    expect(rowTexts(t, 'stat', 'r2')).toEqual(['0.61', '0.85']);
    expect(rowTexts(t, 'stat', 'n')).toEqual(['3360', '3360']);
  });

  it('prints an unlabelled term or row key as is, with a warning naming it; statLabels name new rows', () => {
    const t = buildRegressionTable(spec([model([{ term: 'lngdp', estimate: 0.5, se: 0.1 }], { stats: [{ key: 'f_stat', value: 12.5 }] })]), 'en');
    expect(t.body.map((r) => r.label)).toEqual(['lngdp', '', 'f_stat', 'Estimator']);
    expect(t.warnings.map((w) => [w.code, w.details])).toEqual([['report.term_unlabelled', { key: 'lngdp' }], ['report.row_unlabelled', { key: 'f_stat' }]]);
    const named = buildRegressionTable(spec([model([{ term: 'x', estimate: 0.5, se: 0.1 }], { stats: [{ key: 'f_stat', value: 12.5 }] })], { statLabels: { f_stat: { zh: '第一阶段 F 值', en: 'First-stage F' } } }), 'zh');
    expect(named.body.find((r) => r.key === 'f_stat')?.label).toBe('第一阶段 F 值');
    expect(named.warnings).toEqual([]);
  });

  it('gives no stars and warns when a coefficient has neither p-value nor standard error; a zero SE counts as missing', () => {
    const t = buildRegressionTable(spec([model([{ term: 'x', estimate: 5, se: null }]), model([{ term: 'x', estimate: 5, se: 0 }])]), 'en');
    expect(rowTexts(t, 'coefficient', 'x')).toEqual(['5.0000', '5.0000']);
    expect(t.body.some((r) => r.kind === 'uncertainty')).toBe(false);
    expect(t.warnings.map((w) => w.code)).toEqual(['report.no_p_value', 'report.se_invalid', 'report.no_p_value']);
  });

  it('rejects a spec it cannot print unambiguously, naming the offending value', () => {
    expect(badRequest(() => buildRegressionTable(spec([]), 'en'))).toContain('at least one model');
    expect(badRequest(() => buildRegressionTable(spec([model([])], { stars: [0.05, 0.1, 0.01] }), 'en'))).toContain('[0.05, 0.1, 0.01]');
    expect(badRequest(() => buildRegressionTable(spec([model([])], { stars: [1, 0.5, 0.1] }), 'en'))).toContain('strictly decreasing');
    expect(badRequest(() => buildRegressionTable(spec([model([{ term: 'x', estimate: 1, se: -0.1 }])]), 'en'))).toContain('model (1) term "x": se must not be negative, not -0.1');
    expect(badRequest(() => buildRegressionTable(spec([model([{ term: 'x', estimate: 1, se: 0.1, p: 1.5 }])]), 'en'))).toContain('p must be in [0, 1], not 1.5');
    expect(badRequest(() => buildRegressionTable(spec([model([]), model([{ term: 'x', estimate: 1, se: 1 }, { term: 'x', estimate: 2, se: 1 }])]), 'en'))).toContain('model (2) lists term "x" twice');
    expect(badRequest(() => buildRegressionTable(spec([model([])], { decimals: 2.5 }), 'en'))).toContain('decimals must be an integer in 0..10, not 2.5');
  });
});

describe('fromFeols', () => {
  it('turns a feols fit and its clustered vcov into a column with reported (t-based) p-values, N and clusters', () => {
    const unit = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
    const time = [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3];
    const d = [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1];
    const x = [0.3, 0.1, 0.4, 0.1, 0.5, 0.9, 0.2, 0.6, 0.5, 0.3, 0.5, 0.8];
    const y = [1.0, 1.9, 2.2, 0.8, 1.1, 2.0, 0.9, 1.3, 1.2, 0.7, 1.8, 2.1];
    const fit = feols({ y, regressors: [{ name: 'd', values: d }, { name: 'x', values: x }], fixedEffects: [{ name: 'unit', values: unit }, { name: 'time', values: time }] });
    const v = vcov(fit, { type: 'cluster', clusters: [{ name: 'unit', values: unit }] }, SSC_FIXEST);
    const col = fromFeols(fit, v, { name: { zh: '基准', en: 'Baseline' }, terms: ['d'], indicators: [{ key: 'unit_fe', value: true }], stats: [{ key: 'r2', value: 0.9 }] });
    expect(col.coefficients).toEqual([{ term: 'd', estimate: fit.coefficients[0], se: v.standardErrors[0], p: v.pValues[0] }]);
    expect(col.stats).toEqual([{ key: 'n', value: 12 }, { key: 'clusters', value: 4 }, { key: 'r2', value: 0.9 }]);
    const t = buildRegressionTable(spec([col], { termLabels: { d: { zh: '处理', en: 'Treated' } } }), 'en');
    expect(t.raw.coefficients[0]?.pSource).toBe('reported');
    expect(t.notes).toHaveLength(1);
    expect(rowTexts(t, 'indicator', 'unit_fe')).toEqual(['Yes']);
  });
});
