/** A caveat stated with every mediation result, in both languages, so a report cannot drop it silently. */
export interface MediationLimitation {
  readonly code: 'no_causal_identification' | 'mediator_endogenous' | 'prefer_alpha' | 'sobel_normality' | 'twfe_heterogeneity';
  readonly zh: string;
  readonly en: string;
}

/**
 * The limitations of the stepwise mediation test in a policy-evaluation design, after Jiang Ting 江艇 (2022),
 * 《因果推断经济学实证研究中的中介效应与调节效应》, 中国工业经济 2022(5): 100–120.
 */
export const MEDIATION_LIMITATIONS: readonly MediationLimitation[] = [
  {
    code: 'no_causal_identification',
    zh: '逐步回归法（Baron & Kenny 1986）不能识别因果中介效应：只有在序贯可忽略性假设下（处理变量 D 近似随机，且给定 D 与控制变量后中介变量 M 也近似随机；Imai, Keele & Yamamoto 2010），α·β 与 c′ 才具有因果含义，而双重差分设计并不保证 M 的外生性。',
    en: 'The stepwise regressions (Baron & Kenny 1986) do not identify the causal mediation effect: α·β and c′ have a causal meaning only under sequential ignorability — D as good as random, and M as good as random given D and the controls (Imai, Keele & Yamamoto 2010, Statistical Science 25(1)). A DID design makes D, not M, exogenous.',
  },
  {
    code: 'mediator_endogenous',
    zh: 'β（控制 D 后 M 对 Y 的影响）来自对处理后且非随机变量的回归：即使 D 外生，M 与 Y 的遗漏共同因素也会使 β 与 c′ 有偏；把 M 作为控制变量本身也可能引入偏误（“坏控制变量”，Angrist & Pischke 2009）。',
    en: 'β (M → Y given D) comes from a regression on a post-treatment, non-randomised variable: unobserved confounders of M and Y bias β and c′ even when D is exogenous, and controlling for M can itself introduce bias (a "bad control", Angrist & Pischke 2009, §3.2.3).',
  },
  {
    code: 'prefer_alpha',
    zh: '按照江艇（2022，《因果推断经济学实证研究中的中介效应与调节效应》，《中国工业经济》第5期）的建议，机制检验宜报告双重差分设计能够识别的 α（D 对 M 的影响），并以理论和已有文献论证 M 对 Y 的影响直接而显然，而不是依赖 β、c′ 或 Sobel 检验。',
    en: 'Following Jiang Ting (2022, "Mediating and moderating effects in empirical studies of causal inference", China Industrial Economics, no. 5), report α (D → M), which the DID design does identify, as the mechanism test, and argue from theory and prior evidence that M affects Y directly and obviously, rather than relying on β, c′ or the Sobel test.',
  },
  {
    code: 'sobel_normality',
    zh: 'Sobel（1982）检验假定 α̂·β̂ 服从正态分布；两个估计量之积在有限样本中呈偏态，应优先参考聚类自助法百分位置信区间（MacKinnon, Lockwood & Williams 2004）。',
    en: 'The Sobel (1982) z assumes α̂·β̂ is normal; a product of two estimates is skewed in finite samples, so prefer the cluster-bootstrap percentile interval (MacKinnon, Lockwood & Williams 2004).',
  },
  {
    code: 'twfe_heterogeneity',
    zh: '在交错处理且处理效应异质时，每个双向固定效应系数都是可能含负权重的加权平均（Goodman-Bacon 2021；de Chaisemartin & D’Haultfœuille 2020）；α·β 是两个这种平均的乘积，并非平均间接效应。',
    en: "Under staggered adoption with heterogeneous effects each TWFE coefficient is a weighted average that can put negative weight on some effects (Goodman-Bacon 2021; de Chaisemartin & D'Haultfœuille 2020); α·β is the product of two such averages, not the average indirect effect.",
  },
];
