import { chiSquareSf } from '../../numeric/distributions.js';

export interface MarkovHomogeneityResult {
  /** Likelihood-ratio statistic LR = 2 Σ_m Σ_i Σ_j n_ijm ln(p_ijm / p_ij) over cells with n_ijm > 0. */
  readonly LR: number;
  /** Pearson statistic Q = Σ_m Σ_i Σ_j n_im (p_ijm − p_ij)² / p_ij over cells with p_ij > 0. */
  readonly Q: number;
  /** Degrees of freedom Σ_i (b_i − 1)(A_i − 1). */
  readonly dof: number;
  readonly pLR: number;
  readonly pQ: number;
  /** Pooled (null-hypothesis) transition probabilities p_ij. */
  readonly pooled: number[][];
}

/**
 * Tests that m regime-specific transition matrices (e.g. conditioned on the spatial lag's class, or FTZ vs
 * non-FTZ units) share one transition law: Bickenbach & Bode (2003, International Regional Science Review
 * 26:363), eqs. 9 (Q) and 10 (LR), as implemented in giddy's `Homogeneity_Results`. Degrees of freedom
 * count only informative cells: b_i is the number of regimes with transitions out of class i, and A_i the
 * number of positive entries in row i of the pooled matrix. p-values from χ²(dof) survival.
 *
 * @example
 * const h = markovHomogeneity(spatialMarkov(y, w).transitions);
 */
export function markovHomogeneity(regimes: readonly (readonly (readonly number[])[])[]): MarkovHomogeneityResult {
  const m = regimes.length;
  const k = regimes[0]?.length ?? 0;
  const pooledCounts: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const T of regimes) {
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) (pooledCounts[i] as number[])[j] = ((pooledCounts[i] as number[])[j] as number) + ((T[i] as readonly number[])[j] as number);
  }
  const pooled = pooledCounts.map((row) => {
    const s = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (s > 0 ? v / s : 0));
  });
  let Q = 0;
  let LR = 0;
  const b = new Array<number>(k).fill(0);
  for (let r = 0; r < m; r++) {
    const T = regimes[r] as readonly (readonly number[])[];
    for (let i = 0; i < k; i++) {
      const row = T[i] as readonly number[];
      const ni = row.reduce((a, c) => a + c, 0);
      if (ni > 0) b[i] = (b[i] as number) + 1;
      for (let j = 0; j < k; j++) {
        const pij = (pooled[i] as number[])[j] as number;
        const nij = row[j] as number;
        const pijm = ni > 0 ? nij / ni : 0;
        if (pij > 0) Q += (ni * (pijm - pij) ** 2) / pij;
        if (nij > 0 && pij > 0) LR += nij * Math.log(pijm / pij);
      }
    }
  }
  LR *= 2;
  let dof = 0;
  for (let i = 0; i < k; i++) {
    const A = (pooledCounts[i] as number[]).filter((v) => v > 0).length;
    dof += ((b[i] as number) - 1) * (A - 1);
  }
  return {
    LR,
    Q,
    dof,
    pLR: dof > 0 ? chiSquareSf(LR, dof) : Number.NaN,
    pQ: dof > 0 ? chiSquareSf(Q, dof) : Number.NaN,
    pooled,
  };
}
