import type { Table, Warning } from '../../core/result.js';
import { isFtzError } from '../../core/errors.js';
import {
  betaConvergence, dagumGini, kernelDensityCurves, localMoran, moran, quantileMarkov, sigmaConvergence, spatialMarkov,
  theilDecomposition,
} from '../../methods/disparity/index.js';
import type { SpatialWeights } from '../../methods/spatial/index.js';
import { column as col, table } from './tables.js';

/** A balanced region × year panel of index scores, with the groupings the decompositions use. */
export interface ScorePanel {
  readonly regions: readonly string[];
  readonly years: readonly number[];
  /** region × year, NaN where a region–year was left out */
  readonly score: Float64Array;
  readonly groupings: readonly { key: string; label: { zh: string; en: string }; byYear: (year: number) => readonly string[] }[];
}

export interface DynamicsOptions {
  readonly weights: SpatialWeights | null;
  readonly permutations: number;
  readonly seed: number;
  readonly markovClasses: number;
  readonly localScaling: 'esda' | 'spdep';
}

const yearValues = (p: ScorePanel, t: number): Float64Array =>
  Float64Array.from(p.regions, (_, r) => p.score[r * p.years.length + t] as number);

function complete(p: ScorePanel): boolean {
  return p.score.every((v) => Number.isFinite(v));
}

/**
 * Regional disparity and dynamics of the index: Dagum Gini and Theil by year and grouping, kernel density by
 * year, quantile Markov chains, spatial Markov with homogeneity tests, global and local Moran's I, σ and β
 * convergence. A method that cannot run on these scores (e.g. Theil on non-positive values, Markov on an
 * unbalanced panel) is skipped with a coded warning rather than failing the whole run.
 */
export function dynamicsTables(p: ScorePanel, o: DynamicsOptions): { tables: Table[]; warnings: Warning[] } {
  const tables: Table[] = [];
  const warnings: Warning[] = [];
  const attempt = (what: string, fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      if (!isFtzError(e)) throw e;
      warnings.push({
        code: 'index.analysis_skipped',
        message: { zh: `${what}未计算：${e.localized('zh-CN')}`, en: `${what} not computed: ${e.localized('en')}` },
        details: { analysis: what, code: e.code },
      });
    }
  };
  const T = p.years.length;

  attempt('Dagum Gini', () => {
    const rows: Record<string, (string | number)[]> = { grouping: [], year: [], gini: [], within: [], netBetween: [], transvariation: [], shareWithin: [], shareNetBetween: [], shareTransvariation: [] };
    const groupRows: Record<string, (string | number)[]> = { grouping: [], year: [], group: [], size: [], mean: [], withinGini: [] };
    for (const g of p.groupings) {
      p.years.forEach((year, t) => {
        const v = yearValues(p, t);
        const keep = [...v.keys()].filter((i) => Number.isFinite(v[i]));
        const labels = g.byYear(year);
        const r = dagumGini(keep.map((i) => v[i] as number), keep.map((i) => labels[i] as string));
        rows.grouping?.push(g.key); rows.year?.push(year); rows.gini?.push(r.gini); rows.within?.push(r.within);
        rows.netBetween?.push(r.netBetween); rows.transvariation?.push(r.transvariation);
        rows.shareWithin?.push(r.shares.within); rows.shareNetBetween?.push(r.shares.netBetween); rows.shareTransvariation?.push(r.shares.transvariation);
        r.groups.forEach((grp, k) => {
          groupRows.grouping?.push(g.key); groupRows.year?.push(year); groupRows.group?.push(String(grp));
          groupRows.size?.push(r.sizes[k] as number); groupRows.mean?.push(r.means[k] as number); groupRows.withinGini?.push(r.withinGini[k] as number);
        });
      });
    }
    tables.push(table('dagum', { zh: 'Dagum 基尼系数及其分解', en: 'Dagum Gini coefficient and its decomposition' }, [
      col('grouping', 'text', '分组', 'grouping', rows.grouping ?? []), col('year', 'integer', '年份', 'year', rows.year ?? []),
      col('gini', 'number', '总体基尼系数 G', 'overall Gini G', rows.gini ?? []), col('within', 'number', '组内 Gw', 'within Gw', rows.within ?? []),
      col('net_between', 'number', '组间净值 Gnb', 'net between Gnb', rows.netBetween ?? []),
      col('transvariation', 'number', '超变密度 Gt', 'transvariation Gt', rows.transvariation ?? []),
      col('share_within', 'number', '组内贡献率', 'within share', rows.shareWithin ?? []),
      col('share_net_between', 'number', '组间贡献率', 'net between share', rows.shareNetBetween ?? []),
      col('share_transvariation', 'number', '超变密度贡献率', 'transvariation share', rows.shareTransvariation ?? []),
    ]));
    tables.push(table('dagum_groups', { zh: '各组组内基尼系数', en: 'Within-group Gini by group' }, [
      col('grouping', 'text', '分组', 'grouping', groupRows.grouping ?? []), col('year', 'integer', '年份', 'year', groupRows.year ?? []),
      col('group', 'text', '组', 'group', groupRows.group ?? []), col('size', 'integer', '地区数', 'regions', groupRows.size ?? []),
      col('mean', 'number', '均值', 'mean', groupRows.mean ?? []), col('within_gini', 'number', '组内基尼系数', 'within-group Gini', groupRows.withinGini ?? []),
    ]));
  });

  attempt('Theil', () => {
    const g = p.groupings[0];
    if (!g) return;
    const out: Record<string, number[]> = { year: [], total: [], within: [], between: [], shareWithin: [] };
    p.years.forEach((year, t) => {
      const v = yearValues(p, t);
      const keep = [...v.keys()].filter((i) => Number.isFinite(v[i]));
      const labels = g.byYear(year);
      const r = theilDecomposition(keep.map((i) => v[i] as number), keep.map((i) => labels[i] as string), { index: 'T' });
      out.year?.push(year); out.total?.push(r.total); out.within?.push(r.within); out.between?.push(r.between); out.shareWithin?.push(r.shares.within);
    });
    tables.push(table('theil', { zh: `泰尔指数 T 及其分解（按${g.label.zh}）`, en: `Theil T index and its decomposition (by ${g.label.en})` }, [
      col('year', 'integer', '年份', 'year', out.year ?? []), col('total', 'number', '泰尔指数', 'Theil T', out.total ?? []),
      col('within', 'number', '组内', 'within', out.within ?? []), col('between', 'number', '组间', 'between', out.between ?? []),
      col('share_within', 'number', '组内贡献率', 'within share', out.shareWithin ?? []),
    ]));
  });

  attempt('kernel density', () => {
    const curves = kernelDensityCurves(
      p.years.map((year, t) => ({ label: year, values: yearValues(p, t).filter((v) => Number.isFinite(v)) })),
      { kernel: 'gaussian', bandwidth: 'silverman', points: 100 },
    );
    const year: number[] = []; const x: number[] = []; const density: number[] = []; const bw: number[] = [];
    for (const c of curves.curves) {
      c.density.forEach((d, i) => { year.push(Number(c.label)); x.push(curves.x[i] as number); density.push(d); bw.push(c.bandwidth); });
    }
    tables.push(table('kde', { zh: '核密度估计（高斯核，Silverman 带宽）', en: 'Kernel density (Gaussian kernel, Silverman bandwidth)' }, [
      col('year', 'integer', '年份', 'year', year), col('x', 'number', '指数值', 'index value', x),
      col('density', 'number', '密度', 'density', density), col('bandwidth', 'number', '带宽', 'bandwidth', bw),
    ]));
  });

  if (complete(p) && T >= 2) {
    const periods = p.years.map((_, t) => yearValues(p, t));
    attempt('Markov chain', () => {
      const m = quantileMarkov(periods, { k: o.markovClasses, scope: 'pooled' });
      tables.push(markovTable('markov', { zh: `传统马尔可夫转移概率矩阵（${o.markovClasses} 分位等级，全样本分位点）`, en: `Markov transition probabilities (${o.markovClasses} quantile classes, pooled cut-offs)` }, m.transitions, m.probabilities, m.steadyState, null));
    });
    if (o.weights) {
      const w = o.weights;
      attempt('spatial Markov', () => {
        const s = spatialMarkov(periods, w, { k: o.markovClasses, scope: 'pooled' });
        const all: Table[] = s.probabilities.map((P, lag) =>
          markovTable(`spatial_markov_lag${lag + 1}`, { zh: `空间马尔可夫转移概率（邻域滞后等级 ${lag + 1}）`, en: `Spatial Markov transition probabilities (neighbourhood lag class ${lag + 1})` }, s.transitions[lag] ?? [], P, s.steadyStates[lag] ?? null, lag + 1));
        tables.push(...all);
        tables.push(table('spatial_markov_tests', { zh: '空间马尔可夫同质性检验', en: 'Spatial Markov homogeneity tests' }, [
          col('test', 'text', '检验', 'test', ['LR', 'Q']),
          col('statistic', 'number', '统计量', 'statistic', [s.homogeneity.LR, s.homogeneity.Q]),
          col('dof', 'integer', '自由度', 'degrees of freedom', [s.homogeneity.dof, s.homogeneity.dof]),
          col('p', 'number', 'p 值', 'p-value', [s.homogeneity.pLR, s.homogeneity.pQ]),
        ]));
      });
    }
  } else if (!complete(p)) {
    warnings.push({ code: 'index.analysis_skipped', message: { zh: '面板不平衡（有地区—年份被剔除），未计算马尔可夫链。', en: 'The panel is unbalanced (region–years were left out): Markov chains not computed.' } });
  }

  if (o.weights) {
    const w = o.weights;
    attempt("Moran's I", () => {
      const out: Record<string, number[]> = { year: [], I: [], E: [], z: [], p: [], pSim: [] };
      p.years.forEach((year, t) => {
        const v = yearValues(p, t);
        if (!v.every((x) => Number.isFinite(x))) return;
        const r = moran(v, w, { permutations: o.permutations, seed: o.seed + t });
        out.year?.push(year); out.I?.push(r.I); out.E?.push(r.expected); out.z?.push(r.randomization.z);
        out.p?.push(r.randomization.pTwoTailed); out.pSim?.push(r.permutation?.pSim ?? Number.NaN);
      });
      tables.push(table('moran', { zh: "全局莫兰指数（行标准化 queen 邻接权重）", en: "Global Moran's I (row-standardised queen contiguity)" }, [
        col('year', 'integer', '年份', 'year', out.year ?? []), col('I', 'number', "Moran's I", "Moran's I", out.I ?? []),
        col('expected', 'number', '期望 E[I]', 'E[I]', out.E ?? []), col('z', 'number', 'z 值（随机化）', 'z (randomisation)', out.z ?? []),
        col('p', 'number', 'p 值（双尾）', 'p (two-tailed)', out.p ?? []), col('p_sim', 'number', `置换 p 值（${o.permutations} 次）`, `permutation p (${o.permutations})`, out.pSim ?? []),
      ]));
    });
    attempt('LISA', () => {
      const t = T - 1;
      const v = yearValues(p, t);
      const r = localMoran(v, w, { scaling: o.localScaling, permutations: o.permutations, seed: o.seed, alpha: 0.05 });
      const lag = [...r.lag];
      tables.push(table('lisa', { zh: `局部莫兰指数与 LISA 聚类（${p.years[t]} 年）`, en: `Local Moran's I and LISA clusters (${p.years[t]})` }, [
        col('region', 'text', '地区代码', 'region code', [...p.regions]), col('value', 'number', '指数值', 'index value', [...v]),
        col('lag', 'number', '空间滞后', 'spatial lag', lag), col('Ii', 'number', '局部莫兰指数', 'local I', [...r.Is]),
        col('quadrant', 'text', '象限', 'quadrant', [...r.quadrant]), col('p_sim', 'number', '置换 p 值', 'permutation p', r.pSim ? [...r.pSim] : p.regions.map(() => null)),
        col('cluster', 'text', '聚类（p<0.05）', 'cluster (p<0.05)', r.cluster ? [...r.cluster] : p.regions.map(() => null)),
      ]));
    });
  }

  attempt('σ convergence', () => {
    const s = sigmaConvergence(p.years.map((year, t) => ({ label: year, values: yearValues(p, t).filter((v) => Number.isFinite(v)) })));
    tables.push(table('sigma', { zh: 'σ 收敛（变异系数）', en: 'σ convergence (coefficient of variation)' }, [
      col('year', 'integer', '年份', 'year', s.map((x) => Number(x.label))), col('mean', 'number', '均值', 'mean', s.map((x) => x.mean)),
      col('sd', 'number', '标准差', 'standard deviation', s.map((x) => x.sd)), col('cv', 'number', '变异系数', 'coefficient of variation', s.map((x) => x.cv)),
    ]));
  });
  attempt('β convergence', () => {
    if (T < 2) return;
    const first = yearValues(p, 0);
    const last = yearValues(p, T - 1);
    const keep = [...first.keys()].filter((i) => Number.isFinite(first[i]) && Number.isFinite(last[i]));
    const b = betaConvergence(keep.map((i) => first[i] as number), keep.map((i) => last[i] as number), (p.years[T - 1] as number) - (p.years[0] as number));
    tables.push(table('beta', { zh: `绝对 β 收敛（${p.years[0]}–${p.years[T - 1]}）`, en: `Absolute β convergence (${p.years[0]}–${p.years[T - 1]})` }, [
      col('beta', 'number', 'β', 'β', [b.beta]), col('se', 'number', '标准误', 'standard error', [b.se]), col('t', 'number', 't 值', 't', [b.t]),
      col('p', 'number', 'p 值', 'p-value', [b.p]), col('r2', 'number', 'R²', 'R²', [b.rSquared]),
      col('speed', 'number', '收敛速度 λ', 'speed λ', [b.speed]), col('half_life', 'number', '半衰期（年）', 'half-life (years)', [b.halfLife]),
      col('n', 'integer', '地区数', 'regions', [b.n]),
    ]));
  });
  return { tables, warnings };
}

function markovTable(
  name: string, title: { zh: string; en: string }, counts: readonly (readonly number[])[], probs: readonly (readonly number[])[],
  steady: readonly number[] | null, lagClass: number | null,
): Table {
  const k = probs.length;
  const from = Array.from({ length: k }, (_, i) => `${i + 1}`);
  const cols = [col('from', 'text', '期初等级', 'class at t', from)];
  for (let j = 0; j < k; j++) cols.push(col(`to_${j + 1}`, 'number', `→ ${j + 1}`, `→ ${j + 1}`, probs.map((row) => row[j] ?? null)));
  cols.push(col('n', 'integer', '观测数', 'transitions', counts.map((row) => row.reduce((a, b) => a + b, 0))));
  cols.push(col('steady', 'number', '稳态分布', 'steady state', steady ? [...steady] : from.map(() => null)));
  if (lagClass !== null) cols.push(col('lag_class', 'integer', '邻域等级', 'lag class', from.map(() => lagClass)));
  return table(name, title, cols);
}
