import { symmetricEigen } from '../../numeric/symmetricEigen.js';

/** The second eigenpair of the method-of-reflections matrices, with the eigenvalues around it. */
export interface BipartiteEigen {
  /** The largest eigenvalues, descending (λ1 = 1 for a row-stochastic matrix; at most 3 are returned). */
  readonly values: Float64Array;
  /** Eigenvector of M̃_pp for λ2, unit 2-norm (as numpy's `eig` returns it); the sign is arbitrary. */
  readonly kp: Float64Array;
  /** M̃_cc's eigenvector for λ2 in py-ecomplexity's scale: kc = D⁻¹ M kp (the mean of kp over c's products). */
  readonly kc: Float64Array;
}

/**
 * λ2 and its eigenvectors of the product–product and region–region matrices of the method of reflections
 * (Hidalgo & Hausmann 2009, PNAS 106(26), eqs. 3–4; Hausmann et al. 2014, The Atlas of Economic Complexity,
 * pp. 24–25):
 *
 *   M̃_pp' = Σ_c M_cp M_cp' / (k_c,0 k_p,0) = (U⁻¹ Mᵀ D⁻¹ M)_pp',   M̃_cc' = (D⁻¹ M U⁻¹ Mᵀ)_cc',
 *
 * with D = diag(diversity), U = diag(ubiquity). Both are row-stochastic and not symmetric, but they are similar
 * to symmetric positive semi-definite matrices:
 *
 *   U^½ M̃_pp U^-½ = U^-½ Mᵀ D⁻¹ M U^-½ = (D^-½ M U^-½)ᵀ (D^-½ M U^-½),
 *
 * and likewise D^½ M̃_cc D^-½ = B Bᵀ with B = D^-½ M U^-½. A similarity transform keeps the eigenvalues, so
 * they are real and in [0, 1], and maps an eigenvector w of the symmetric matrix to the eigenvector U^-½ w
 * of M̃_pp (D^-½ w of M̃_cc). That lets the accurate symmetric Jacobi solver stand in for a general
 * non-symmetric eigensolver. BᵀB and BBᵀ share their non-zero eigenvalues, so the smaller side is solved
 * (regions are usually fewer than products), and a region-side eigenvector v maps to the product side by
 * kp ∝ U⁻¹ Mᵀ v, because M̃_pp (U⁻¹Mᵀ v) = U⁻¹Mᵀ M̃_cc v = λ U⁻¹Mᵀ v (valid for λ ≠ 0).
 *
 * Every region and product must have diversity and ubiquity ≥ 1 (the caller removes the others).
 * Cost: O(n³) per Jacobi sweep with n = min(regions, products); 226 regions take well under a second.
 */
export function bipartiteEigen(mcp: Uint8Array, nR: number, nP: number, diversity: Float64Array, ubiquity: Float64Array): BipartiteEigen {
  const regionSide = nR <= nP;
  const n = regionSide ? nR : nP;
  // members[k]: the nodes on the solved side linked to node k of the other side
  const other = regionSide ? nP : nR;
  const members: number[][] = Array.from({ length: other }, () => []);
  for (let r = 0; r < nR; r++) {
    for (let p = 0; p < nP; p++) {
      if (mcp[r * nP + p] === 1) {
        if (regionSide) (members[p] as number[]).push(r);
        else (members[r] as number[]).push(p);
      }
    }
  }
  const degSolved = regionSide ? diversity : ubiquity;
  const degOther = regionSide ? ubiquity : diversity;
  // S = B Bᵀ (region side) or Bᵀ B (product side): S_ij = Σ_k [i~k][j~k] / deg_other(k) / √(deg_i deg_j)
  const s = new Float64Array(n * n);
  members.forEach((list, k) => {
    const w = 1 / (degOther[k] as number);
    for (const i of list) for (const j of list) if (j >= i) s[i * n + j] = (s[i * n + j] as number) + w;
  });
  const root = degSolved.map(Math.sqrt);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = (s[i * n + j] as number) / ((root[i] as number) * (root[j] as number));
      s[i * n + j] = v;
      s[j * n + i] = v;
    }
  }
  const eig = symmetricEigen(s, n);
  const values = eig.values.slice(0, Math.min(3, n));
  const kp = new Float64Array(nP);
  const kc = new Float64Array(nR);
  if (n < 2 || !((eig.values[1] as number) > 1e-12)) {
    // λ2 = 0 (or a single node): every region looks alike and no second eigenvector carries information
    kp.fill(Number.NaN);
    kc.fill(Number.NaN);
    return { values, kp, kc };
  }
  const second = (i: number): number => (eig.vectors[i * n + 1] as number) / (root[i] as number);
  if (regionSide) {
    // kp ∝ U⁻¹ Mᵀ v with v = D^-½ w the region eigenvector
    members.forEach((list, p) => {
      let sum = 0;
      for (const r of list) sum += second(r);
      kp[p] = sum / (ubiquity[p] as number);
    });
  } else {
    for (let p = 0; p < nP; p++) kp[p] = second(p);
  }
  let norm = 0;
  for (const v of kp) norm += v * v;
  norm = Math.sqrt(norm);
  for (let p = 0; p < nP; p++) kp[p] = (kp[p] as number) / norm;
  for (let r = 0; r < nR; r++) {
    let sum = 0;
    for (let p = 0; p < nP; p++) if (mcp[r * nP + p] === 1) sum += kp[p] as number;
    kc[r] = sum / (diversity[r] as number);
  }
  return { values, kp, kc };
}
