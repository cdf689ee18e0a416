import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import type { DenseMatrix } from '../carbon/inputOutput.js';
import { checkMatrix } from '../carbon/inputOutput.js';
import { nonNegativeVector } from './specialisation.js';

// How alike the industrial structures (or positionings) of units are, the matrix of all pairs, and the
// average-linkage clustering of that matrix. Every measure here gives 0 when either unit is empty (all-zero
// vector, empty set): two units that share nothing are not alike, and the pairwise matrix stays free of NaN.

/** A unit's positioning: a set of category codes, or codes with non-negative weights (output, firms…). */
export type CodeSet = readonly string[] | ReadonlyMap<string, number>;

/**
 * Lays code sets out as vectors over the sorted union of their codes, so the vector measures below apply:
 * a plain list counts each distinct code once (weight 1), a map keeps its weights. Codes are sorted by code
 * unit (not locale), so the layout is the same on every machine.
 *
 * Throws `disparity.option_invalid` for a weight that is not finite and ≥ 0.
 *
 * @example
 * codeSetMatrix([['C26', 'C39'], new Map([['C39', 2]])]); // codes ['C26', 'C39'], rows [1, 1] and [0, 2]
 */
export function codeSetMatrix(units: readonly CodeSet[]): { codes: string[]; matrix: DenseMatrix } {
  const all = new Set<string>();
  for (const u of units) for (const code of isList(u) ? u : u.keys()) all.add(code);
  const codes = [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const column = new Map(codes.map((c, j) => [c, j]));
  const m = codes.length;
  const values = new Float64Array(units.length * m);
  units.forEach((u, i) => {
    if (isList(u)) {
      for (const code of u) values[i * m + (column.get(code) as number)] = 1;
      return;
    }
    for (const [code, w] of u) {
      if (!(Number.isFinite(w) && w >= 0)) throw new FtzError('disparity.option_invalid', { option: `units[${i}] weight of ${code}`, value: String(w), reason: 'weights must be finite and ≥ 0' });
      values[i * m + (column.get(code) as number)] = w;
    }
  });
  return { codes, matrix: { rows: units.length, cols: m, values } };
}

/**
 * Cosine similarity a·b / (‖a‖ ‖b‖). For 0/1 vectors of two code sets it is Ochiai's |A ∩ B| / √(|A| |B|).
 * 0 when either vector is all zero.
 *
 * Throws `disparity.length_mismatch` for vectors of different length, `disparity.option_invalid` for
 * non-finite entries.
 *
 * @example
 * cosineSimilarity([1, 1, 0], [1, 0, 1]); // 0.5
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPair(a, b, 'cosine similarity', false);
  return cosine(a, b);
}

/**
 * Jaccard similarity of two non-negative vectors in its weighted form (Ružička 1958): Σ min(a_i, b_i) /
 * Σ max(a_i, b_i). For 0/1 vectors it is Jaccard's (1912) |A ∩ B| / |A ∪ B|. 0 when both are all zero.
 *
 * Throws `disparity.length_mismatch` for vectors of different length, `disparity.option_invalid` for
 * entries that are not finite and ≥ 0.
 *
 * @example
 * jaccardSimilarity([1, 1, 0], [1, 0, 1]); // 1/3
 */
export function jaccardSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPair(a, b, 'Jaccard similarity', true);
  return jaccard(a, b);
}

/**
 * UNIDO structure-similarity coefficient (产业结构相似系数; the coefficient of UNIDO's International Centre for
 * Industrial Studies, as used throughout the Chinese regional-structure literature): S_ab = Σ_k s_ak s_bk /
 * √(Σ_k s_ak² Σ_k s_bk²), with s the industry (or export) shares of each unit. It is the cosine of the share
 * vectors, and since cosine ignores scale, of the raw vectors too. 1 for identical structures, 0 for units
 * with no industry in common; 0 when either unit is empty.
 *
 * Throws `disparity.length_mismatch` for vectors of different length, `disparity.option_invalid` for
 * entries that are not finite and ≥ 0.
 *
 * @example
 * unidoSimilarity([15, 10, 10, 25], [15, 20, 10, 15]); // ≈ 0.9011
 */
export function unidoSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPair(a, b, 'UNIDO similarity', true);
  return cosine(a, b);
}

/** A measure for {@link similarityMatrix}: a name, or a function of two rows returning a finite number. */
export type SimilarityMeasure = 'cosine' | 'jaccard' | 'unido' | ((a: Float64Array, b: Float64Array) => number);

/**
 * The symmetric n × n matrix of similarities between the rows of `units` (regions × industries, zones ×
 * codes from {@link codeSetMatrix}). The measure is evaluated once per pair i ≤ j and mirrored; the diagonal
 * is the measure of a row with itself (1 for a non-empty row under the named measures, to rounding for cosine;
 * 0 for an empty one).
 *
 * Throws `carbon.bad_matrix` for non-finite cells (or negative cells under `'jaccard'`/`'unido'`) and
 * `disparity.option_invalid` for an unknown measure or a custom measure that returns a non-finite value.
 *
 * @example
 * similarityMatrix(codeSetMatrix(positionings).matrix, 'jaccard');
 */
export function similarityMatrix(units: DenseMatrix, measure: SimilarityMeasure): DenseMatrix {
  checkMatrix(units, 'units matrix');
  let f: (a: Float64Array, b: Float64Array) => number;
  if (typeof measure === 'function') f = measure;
  else if (measure === 'cosine') f = cosine;
  else if (measure === 'jaccard' || measure === 'unido') {
    for (let k = 0; k < units.values.length; k++) {
      const v = units.values[k] as number;
      if (v < 0) throw new FtzError('carbon.bad_matrix', { what: 'units matrix', detail: `entry (${Math.floor(k / units.cols) + 1}, ${(k % units.cols) + 1}) is ${v}; ${measure} needs entries ≥ 0` });
    }
    f = measure === 'jaccard' ? jaccard : cosine;
  } else {
    throw new FtzError('disparity.option_invalid', { option: 'measure', value: String(measure), reason: "must be 'cosine', 'jaccard', 'unido' or a function" });
  }
  const { rows: n, cols: m } = units;
  const row = (i: number): Float64Array => units.values.subarray(i * m, (i + 1) * m);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const s = f(row(i), row(j));
      if (!Number.isFinite(s)) throw new FtzError('disparity.option_invalid', { option: 'measure', value: String(s), reason: `it returned a non-finite value for units ${i + 1} and ${j + 1}` });
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return { rows: n, cols: n, values: out };
}

/**
 * One merge of {@link averageLinkage}, in SciPy's `linkage` layout: clusters 0…n−1 are the units, merge t
 * creates cluster n + t; `left` < `right`.
 */
export interface Merge {
  readonly left: number;
  readonly right: number;
  /** Average similarity between the members of the two clusters. */
  readonly similarity: number;
  /** 1 − similarity: the height to draw, and SciPy's distance when it is given the distances 1 − S. */
  readonly distance: number;
  /** Units in the new cluster. */
  readonly size: number;
}

/** A dendrogram over n units: the n − 1 merges, first to last. */
export interface Dendrogram {
  readonly n: number;
  readonly merges: readonly Merge[];
}

/**
 * Agglomerative clustering with average linkage (UPGMA; Sokal & Michener 1958): repeatedly merge the two
 * clusters with the highest mean pairwise similarity; the similarity of the merged cluster to any other is
 * the size-weighted mean of its parts' (Lance & Williams 1967). On a similarity S this gives the same tree as
 * SciPy's `linkage(squareform(1 − S), 'average')`.
 *
 * Deterministic ties: pairs whose similarity is within `tieTolerance` (default 1e-12, absolute) of the best
 * count as tied, and the pair with the smallest (left id, right id) among them is merged, so units merge
 * before clusters and earlier units before later ones. The tolerance keeps the choice independent of the
 * last bits left by averaging.
 *
 * Throws `carbon.bad_matrix` for a matrix that is not square, finite and symmetric (to 1e-9 relative), and
 * `disparity.option_invalid` for a negative or non-finite tolerance.
 *
 * @example
 * const tree = averageLinkage(similarityMatrix(units, 'cosine'));
 * cutDendrogram(tree, 3); // cluster of each unit, numbered in order of first appearance
 */
export function averageLinkage(similarity: DenseMatrix, options: { tieTolerance?: number } = {}): Dendrogram {
  const tol = options.tieTolerance ?? 1e-12;
  if (!(Number.isFinite(tol) && tol >= 0)) throw new FtzError('disparity.option_invalid', { option: 'tieTolerance', value: String(tol), reason: 'must be a finite number ≥ 0' });
  const n = checkSymmetric(similarity);
  const s = Float64Array.from(similarity.values);
  const idOf = Int32Array.from({ length: n }, (_, i) => i);
  const sizeOf = new Int32Array(n).fill(1);
  // Slots of live clusters, kept in increasing cluster id: a new cluster reuses its left part's slot and
  // moves to the end, since its id is the largest so far.
  const active = Array.from({ length: n }, (_, i) => i);
  const merges: Merge[] = [];
  for (let t = 0; t < n - 1; t++) {
    let best = -Infinity;
    for (let x = 0; x < active.length; x++) {
      const a = active[x] as number;
      for (let y = x + 1; y < active.length; y++) best = Math.max(best, s[a * n + (active[y] as number)] as number);
    }
    let pa = -1;
    let pb = -1;
    search: for (let x = 0; x < active.length; x++) {
      const a = active[x] as number;
      for (let y = x + 1; y < active.length; y++) {
        const b = active[y] as number;
        if ((s[a * n + b] as number) >= best - tol) {
          pa = x;
          pb = y;
          break search;
        }
      }
    }
    const a = active[pa] as number;
    const b = active[pb] as number;
    const na = sizeOf[a] as number;
    const nb = sizeOf[b] as number;
    const sab = s[a * n + b] as number;
    merges.push({ left: idOf[a] as number, right: idOf[b] as number, similarity: sab, distance: 1 - sab, size: na + nb });
    for (const k of active) {
      if (k === a || k === b) continue;
      const v = (na * (s[a * n + k] as number) + nb * (s[b * n + k] as number)) / (na + nb);
      s[a * n + k] = v;
      s[k * n + a] = v;
    }
    idOf[a] = n + t;
    sizeOf[a] = na + nb;
    active.splice(pb, 1);
    active.splice(pa, 1);
    active.push(a);
  }
  return { n, merges };
}

/**
 * Cuts a dendrogram into k clusters by undoing its last k − 1 merges. Returns each unit's cluster, numbered
 * 0…k−1 in order of the first unit in each (so the labelling does not depend on merge order).
 *
 * Throws `disparity.option_invalid` unless k is an integer in [1, n].
 *
 * @example
 * cutDendrogram(averageLinkage(similarity), 2); // e.g. Int32Array [0, 0, 1, 0, 1]
 */
export function cutDendrogram(dendrogram: Dendrogram, k: number): Int32Array {
  const { n, merges } = dendrogram;
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new FtzError('disparity.option_invalid', { option: 'k', value: String(k), reason: `must be an integer from 1 to ${n}` });
  // parent[c] for every cluster id 0…2n−2; a cluster that is not merged within the first n − k merges is a root.
  const parent = new Int32Array(2 * n - 1).fill(-1);
  for (let t = 0; t < n - k; t++) {
    const m = merges[t] as Merge;
    parent[m.left] = n + t;
    parent[m.right] = n + t;
  }
  const root = (c: number): number => {
    let r = c;
    while ((parent[r] as number) >= 0) r = parent[r] as number;
    return r;
  };
  const labelOf = new Map<number, number>();
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = root(i);
    if (!labelOf.has(r)) labelOf.set(r, labelOf.size);
    labels[i] = labelOf.get(r) as number;
  }
  return labels;
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ab = new Float64Array(a.length);
  const aa = new Float64Array(a.length);
  const bb = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    ab[i] = x * y;
    aa[i] = x * x;
    bb[i] = y * y;
  }
  const norm = Math.sqrt(neumaierSum(aa)) * Math.sqrt(neumaierSum(bb));
  return norm > 0 ? neumaierSum(ab) / norm : 0;
}

function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const lo = new Float64Array(a.length);
  const hi = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    lo[i] = Math.min(a[i] as number, b[i] as number);
    hi[i] = Math.max(a[i] as number, b[i] as number);
  }
  const union = neumaierSum(hi);
  return union > 0 ? neumaierSum(lo) / union : 0;
}

function checkPair(a: ArrayLike<number>, b: ArrayLike<number>, method: string, nonNegative: boolean): void {
  if (a.length !== b.length) throw new FtzError('disparity.length_mismatch', { what: `${method}: second vector`, expected: a.length, found: b.length });
  if (nonNegative) {
    nonNegativeVector(a, 'a');
    nonNegativeVector(b, 'b');
    return;
  }
  for (const [name, v] of [['a', a], ['b', b]] as const) {
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) throw new FtzError('disparity.option_invalid', { option: `${name}[${i}]`, value: String(v[i]), reason: 'entries must be finite' });
    }
  }
}

function checkSymmetric(m: DenseMatrix): number {
  checkMatrix(m, 'similarity matrix');
  const n = m.rows;
  if (m.cols !== n) throw new FtzError('carbon.bad_matrix', { what: 'similarity matrix', detail: `it is ${m.rows} × ${m.cols}, not square` });
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const u = m.values[i * n + j] as number;
      const l = m.values[j * n + i] as number;
      if (Math.abs(u - l) > 1e-9 * Math.max(1, Math.abs(u), Math.abs(l))) {
        throw new FtzError('carbon.bad_matrix', { what: 'similarity matrix', detail: `entry (${i + 1}, ${j + 1}) is ${u} but (${j + 1}, ${i + 1}) is ${l}; it must be symmetric` });
      }
    }
  }
  return n;
}

function isList(u: CodeSet): u is readonly string[] {
  return Array.isArray(u);
}
