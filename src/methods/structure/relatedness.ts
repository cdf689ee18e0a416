import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import type { DenseMatrix } from '../carbon/inputOutput.js';
import { columnTotals, requireNonNegativeMatrix } from './specialisation.js';

// Relatedness between industries from their co-occurrence in regions, and the relatedness density of each
// region around each industry, in the conventions of EconGeo 1.3 (Balland; `co.occurrence`, `relatedness`,
// `relatedness.density`). The py-ecomplexity proximity (Hidalgo et al. 2007, minimum of conditional
// probabilities) and its density are another family, in productSpace.ts.

/** The normalisations of co-occurrence counts EconGeo offers (van Eck & Waltman 2009; Steijn 2017). */
export type EconGeoRelatednessMethod = 'prob' | 'association' | 'cosine' | 'jaccard';

const METHODS: readonly EconGeoRelatednessMethod[] = ['prob', 'association', 'cosine', 'jaccard'];

/**
 * Co-occurrence of industries across regions: C = Mᵀ M for a region × industry matrix M (usually the 0/1
 * matrix of `locationQuotient(…, { binary: true })`), so C_ij counts the regions where industries i and j
 * are both present. EconGeo's `co.occurrence(mat)` takes industries in rows and computes mat·matᵀ; this
 * function takes regions in rows like every other method here, so it equals EconGeo's
 * `co.occurrence(t(M))`. The diagonal (how many regions have industry i) is set to 0 unless `diagonal`
 * is true, as in EconGeo.
 *
 * Throws `carbon.bad_matrix` for non-finite or negative cells.
 *
 * @example
 * econGeoCoOccurrence(denseMatrix([[1, 1], [1, 0]]), { diagonal: true }).values; // [2, 1, 1, 1]
 */
export function econGeoCoOccurrence(mat: DenseMatrix, options: { diagonal?: boolean } = {}): DenseMatrix {
  requireNonNegativeMatrix(mat, 'region × industry matrix');
  const { rows, cols, values } = mat;
  const out = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < cols; i++) {
      const mi = values[r * cols + i] as number;
      if (mi === 0) continue;
      for (let j = 0; j < cols; j++) out[i * cols + j] = (out[i * cols + j] as number) + mi * (values[r * cols + j] as number);
    }
  }
  if (options.diagonal !== true) for (let i = 0; i < cols; i++) out[i * cols + i] = 0;
  return { rows: cols, cols, values: out };
}

/**
 * Relatedness of industries from a co-occurrence matrix C (EconGeo `relatedness`). With the diagonal of C
 * set to 0, S_i = Σ_k C_ki (column sums) and T = Σ_ij C_ij:
 *
 * - `'prob'` (default; Steijn 2017, association strength with probabilities of combinations without
 *   repetition): C_ij / [ (S_j/T · S_i/(T − S_j) + S_i/T · S_j/(T − S_i)) · T/2 ];
 * - `'association'` (association strength, van Eck & Waltman 2009): C_ij · T / (S_i S_j);
 * - `'cosine'` (Salton's cosine, ibid.): C_ij / √(S_i S_j);
 * - `'jaccard'` (ibid.): C_ij / (S_i + S_j − C_ij).
 *
 * Values above 1 (prob, association) mean more co-occurrence than chance. As in EconGeo, a ratio that is not
 * finite (an industry that never co-occurs: 0/0) is 0, and the diagonal of the result is 0. EconGeo leaves
 * ±∞ (possible only for an asymmetric C) as it is; here it is 0 too.
 *
 * Throws `carbon.bad_matrix` for a non-square C or non-finite or negative cells, `disparity.option_invalid`
 * for an unknown method.
 *
 * @example
 * const c = econGeoCoOccurrence(binaryMatrix);
 * econGeoRelatedness(c, { method: 'cosine' });
 */
export function econGeoRelatedness(cooccurrence: DenseMatrix, options: { method?: EconGeoRelatednessMethod } = {}): DenseMatrix {
  const method = options.method ?? 'prob';
  if (!METHODS.includes(method)) {
    throw new FtzError('disparity.option_invalid', { option: 'method', value: String(method), reason: `must be one of ${METHODS.join(', ')}` });
  }
  requireNonNegativeMatrix(cooccurrence, 'co-occurrence matrix');
  const n = cooccurrence.rows;
  if (cooccurrence.cols !== n) throw new FtzError('carbon.bad_matrix', { what: 'co-occurrence matrix', detail: `it is ${n} × ${cooccurrence.cols}, not square` });
  const c = Float64Array.from(cooccurrence.values);
  for (let i = 0; i < n; i++) c[i * n + i] = 0;
  const zeroed = { rows: n, cols: n, values: c };
  const s = columnTotals(zeroed);
  const t = neumaierSum(c);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const si = s[i] as number;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const cij = c[i * n + j] as number;
      const sj = s[j] as number;
      let v: number;
      if (method === 'prob') v = cij / (((sj / t) * (si / (t - sj)) + (si / t) * (sj / (t - si))) * (t / 2));
      else if (method === 'association') v = (cij / t) / ((si / t) * (sj / t));
      else if (method === 'cosine') v = cij / Math.sqrt(si * sj);
      else v = cij / (si + sj - cij);
      out[i * n + j] = Number.isFinite(v) ? v : 0;
    }
  }
  return { rows: n, cols: n, values: out };
}

/**
 * Relatedness density (EconGeo `relatedness.density`; Boschma, Balland & Kogler 2015, Industrial and
 * Corporate Change 24(1)): for region r and industry j, the share of j's relatedness that falls on industries
 * r has, in percent: D_rj = 100 · Σ_i M_ri φ_ij / Σ_i φ_ij. M is the region × industry matrix (0/1 presence as
 * a rule; EconGeo warns when entries exceed 1 but uses them), φ a relatedness matrix such as
 * {@link econGeoRelatedness}. An industry related to nothing (Σ_i φ_ij = 0) has density NaN, as in EconGeo
 * and in productSpace.ts's `relatednessDensity`; EconGeo also rounds to 2 decimals, which is not done here.
 *
 * Throws `carbon.bad_matrix` for non-finite or negative cells and `disparity.length_mismatch` when φ is not
 * industries × industries.
 *
 * @example
 * econGeoRelatednessDensity(binaryMatrix, econGeoRelatedness(econGeoCoOccurrence(binaryMatrix), { method: 'cosine' }));
 */
export function econGeoRelatednessDensity(mat: DenseMatrix, relatedness: DenseMatrix): DenseMatrix {
  requireNonNegativeMatrix(mat, 'region × industry matrix');
  requireNonNegativeMatrix(relatedness, 'relatedness matrix');
  const n = mat.cols;
  if (relatedness.rows !== n) throw new FtzError('disparity.length_mismatch', { what: 'relatedness matrix rows (one per industry)', expected: n, found: relatedness.rows });
  if (relatedness.cols !== n) throw new FtzError('disparity.length_mismatch', { what: 'relatedness matrix columns (one per industry)', expected: n, found: relatedness.cols });
  const totals = columnTotals(relatedness);
  const out = new Float64Array(mat.rows * n);
  const terms = new Float64Array(n);
  for (let r = 0; r < mat.rows; r++) {
    for (let j = 0; j < n; j++) {
      const total = totals[j] as number;
      if (total === 0) {
        out[r * n + j] = Number.NaN;
        continue;
      }
      for (let i = 0; i < n; i++) terms[i] = (mat.values[r * n + i] as number) * (relatedness.values[i * n + j] as number);
      out[r * n + j] = (100 * neumaierSum(terms)) / total;
    }
  }
  return { rows: mat.rows, cols: n, values: out };
}
