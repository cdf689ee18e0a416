import type { Table } from '../../core/result.js';
import type { Framework } from './frameworkSchema.js';
import type { IndexSpec } from './indexSpec.js';
import { column as col, table } from './tables.js';

/**
 * Every convention choice of a run, so a referee can replicate it: what was chosen, and what it means, in
 * both languages. Printed first by the CLI and the report.
 */
export function conventionsTable(
  spec: IndexSpec, f: Framework,
  ctx: { regions: readonly string[]; years: readonly number[]; excluded: readonly string[]; islands: readonly string[]; dropped: number },
): Table {
  const n = spec.normalisation;
  const rows: [string, string, string, string][] = [
    ['framework', `${f.id} v${f.version}`, `${f.name.zh}。${f.reference.adaptation.zh}`, `${f.name.en}. ${f.reference.adaptation.en}`],
    ['reference', f.reference.citation, '指标体系的文献依据', 'literature the framework follows'],
    ['regions', `${ctx.regions.length}`, ctx.excluded.length ? `剔除 ${ctx.excluded.join('、')}：${f.scope?.note.zh ?? ''}` : '全部所选地区', ctx.excluded.length ? `excluded ${ctx.excluded.join(', ')}: ${f.scope?.note.en ?? ''}` : 'all regions selected'],
    ['years', `${ctx.years[0]}–${ctx.years[ctx.years.length - 1]}`, '所用年份', 'years used'],
    ['missing', spec.data.missing, spec.data.missing === 'drop' ? `缺少指标的地区—年份剔除（${ctx.dropped} 个），不作插补` : '有缺失即报错，不作插补', spec.data.missing === 'drop' ? `region–years lacking an indicator are left out (${ctx.dropped}); nothing imputed` : 'any gap is an error; nothing imputed'],
    ['normalisation', n.method === 'minmax' ? `minmax, shift ${n.shift}` : n.method, n.method === 'minmax' ? `极差标准化：正向 (x−min)/(max−min)+${n.shift}，负向 (max−x)/(max−min)+${n.shift}` : `标准化方法 ${n.method}`, n.method === 'minmax' ? `min-max: (x−min)/(max−min)+${n.shift} for positive, (max−x)/(max−min)+${n.shift} for negative indicators` : `normalisation ${n.method}`],
    ['normalisation scope', n.scope, n.scope === 'pooled' ? '全样本（所有地区—年份）统一标准化，熵值法 k = 1/ln(N·T)，可跨年比较' : '逐年标准化', n.scope === 'pooled' ? 'pooled over all region–years, entropy k = 1/ln(N·T); comparable across years' : 'normalised year by year'],
    ['weights', spec.weights.method + (spec.weights.combine ? ` + ${spec.weights.combine.method} (α = ${spec.weights.combine.alpha})` : '') + (spec.weights.dimensions ? `; dimensions set by hand: ${spec.weights.dimensions.join(' : ')}` : ''), '指标权重在全样本上计算；维度权重为其下指标权重之和', 'indicator weights computed on the pooled panel; a dimension weighs the sum of its indicators'],
    ['aggregation', spec.aggregation.method + (spec.aggregation.method === 'topsis' ? ` (${spec.aggregation.topsisNormalisation})` : ''), spec.aggregation.method === 'topsis' ? 'TOPSIS 在全样本上计算正负理想解；维度得分为加权算术平均' : '逐层加权平均（指标→维度→指数）', spec.aggregation.method === 'topsis' ? 'TOPSIS ideal and anti-ideal over the pooled panel; dimension scores are weighted arithmetic means' : 'weighted means up the tree (indicator → dimension → index)'],
    ['rank', 'within year', '位次：同一年内由高到低，1 为最高', 'rank within each year, 1 = highest'],
    ['disparity', 'Dagum Gini; Theil T', '按四大区域、是否设有自贸试验区（以批复年份计）和自贸试验区批次分组', 'grouped by macro-region, FTZ host or not (from the approval year) and FTZ batch'],
    ['kernel density', 'Gaussian, Silverman', '高斯核，带宽 0.9·min(σ, IQR/1.34)·n^(−1/5)，100 个格点', 'Gaussian kernel, bandwidth 0.9·min(σ, IQR/1.34)·n^(−1/5), 100 grid points'],
    ['Markov', `${spec.dynamics.markovClasses} quantile classes, pooled`, `按全样本分位数分为 ${spec.dynamics.markovClasses} 个等级`, `${spec.dynamics.markovClasses} classes by pooled quantiles`],
    spec.spatial.weights === 'queen'
      ? ['spatial weights', 'queen contiguity, row-standardised', `由内置省级边界推导（容差 0.001°）${ctx.islands.length ? `；无陆地邻接的 ${ctx.islands.join('、')} 与最近的 1 个省份相连` : ''}`, `derived from the bundled province boundaries (tolerance 0.001°)${ctx.islands.length ? `; ${ctx.islands.join(', ')} without a land neighbour linked to its nearest province` : ''}`]
      : ['spatial weights', `inverse distance^${spec.spatial.power}${spec.spatial.cutoffKm ? `, cutoff ${spec.spatial.cutoffKm} km` : ''}, row-standardised`, '省份中心点间大圆距离（km）的反距离权重', 'inverse great-circle distance (km) between province centre points'],
    ["Moran's I", `${spec.spatial.permutations} permutations`, `全局：随机化假设下的 z 与置换 p 值；局部：${spec.spatial.localScaling} 标度（esda = spdep × (n−1)/n），种子 ${spec.uncertainty.seed}`, `global: z under randomisation and permutation p; local: ${spec.spatial.localScaling} scaling (esda = spdep × (n−1)/n), seed ${spec.uncertainty.seed}`],
    ['uncertainty', spec.uncertainty.replications > 0 ? `${spec.uncertainty.replications} runs, seed ${spec.uncertainty.seed}` : 'not run', '每次随机抽取标准化（平移 0.01/0.0001、逐年）、赋权（熵值/CRITIC/等权）、加总（算术/几何），各指标权重 ±25% 扰动', 'each run draws a normalisation (shift 0.01/0.0001, by year), weights (entropy/CRITIC/equal), aggregation (arithmetic/geometric), and perturbs every weight by ±25 %'],
  ];
  return table('conventions', { zh: '方法与约定', en: 'Methods and conventions' }, [
    col('option', 'text', '选项', 'option', rows.map((r) => r[0])),
    col('value', 'text', '取值', 'value', rows.map((r) => r[1])),
    col('note_zh', 'text', '说明', 'note (zh)', rows.map((r) => r[2])),
    col('note_en', 'text', '说明（英文）', 'note', rows.map((r) => r[3])),
  ]);
}
