import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/methods/carbon/index.js';
import {
  averageLinkage, codeSetMatrix, cosineSimilarity, cutDendrogram, jaccardSimilarity, similarityMatrix, unidoSimilarity,
} from '../../../src/methods/structure/index.js';
import { maxAbsDiff, readFixtureJson, thrown } from './econGeoFixtures.js';

interface TradeFixture {
  exports_by_product: number[][];
  structure_similarity_export_shares: Record<string, { UNIDO_structure_similarity_cosine: number }>;
}
const trade = readFixtureJson<TradeFixture>('fixture_trade_indices_3x4.json');

interface ScipyLinkage {
  units: number[][];
  similarity: number[][];
  linkage: [number, number, number, number][];
  maxclust: Record<string, number[]>;
}
const scipy = readFixtureJson<ScipyLinkage>('scipy_average_linkage.json');

/** True when two labelings describe the same partition (label names may differ). */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if ((ab.get(x) ?? y) !== y || (ba.get(y) ?? x) !== x) return false;
    ab.set(x, y);
    ba.set(y, x);
  }
  return true;
}

describe('unidoSimilarity', () => {
  it('matches UNIDO_structure_similarity_cosine of fixture_trade_indices_3x4.json on export shares (absolute 1e-9)', () => {
    const [a, b, c] = trade.exports_by_product as [number[], number[], number[]];
    const shares = (v: number[]): number[] => v.map((x) => x / v.reduce((s, y) => s + y, 0));
    const expected = trade.structure_similarity_export_shares;
    const pairs: [string, number[], number[]][] = [['A-B', a, b], ['A-C', a, c], ['B-C', b, c]];
    for (const [key, u, v] of pairs) {
      const want = expected[key]?.UNIDO_structure_similarity_cosine as number;
      expect(Math.abs(unidoSimilarity(shares(u), shares(v)) - want)).toBeLessThanOrEqual(1e-9);
      // Cosine ignores scale, so the raw export values give the same coefficient.
      expect(Math.abs(unidoSimilarity(u, v) - want)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('is 1 for proportional structures, 0 for disjoint ones and 0 when a unit is empty', () => {
    expect(unidoSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15);
    expect(unidoSimilarity([1, 0], [0, 1])).toBe(0);
    expect(unidoSimilarity([0, 0], [0, 1])).toBe(0);
    expect(thrown(() => unidoSimilarity([1, -1], [1, 1])).code).toBe('disparity.option_invalid');
    expect(thrown(() => unidoSimilarity([1, 1], [1]))).toEqual({ code: 'disparity.length_mismatch', params: { what: 'UNIDO similarity: second vector', expected: 2, found: 1 } });
  });
});

describe('cosineSimilarity and jaccardSimilarity', () => {
  it('by hand: [1,1,0] vs [1,0,1] → cosine 1/2, Jaccard 1/3; weighted [2,1,0] vs [1,3,1] → Ružička (1+1)/(2+3+1) = 1/3', () => {
    expect(cosineSimilarity([1, 1, 0], [1, 0, 1])).toBeCloseTo(0.5, 15);
    expect(jaccardSimilarity([1, 1, 0], [1, 0, 1])).toBeCloseTo(1 / 3, 15);
    expect(jaccardSimilarity([2, 1, 0], [1, 3, 1])).toBeCloseTo(1 / 3, 15);
    // cosine of [2,1,0] and [1,3,1]: 5 / (√5 · √11)
    expect(cosineSimilarity([2, 1, 0], [1, 3, 1])).toBeCloseTo(5 / Math.sqrt(55), 15);
  });

  it('cosine accepts signed vectors (−1 for opposite ones); Jaccard needs entries ≥ 0; both give 0 for empty units', () => {
    expect(cosineSimilarity([1, -2], [-1, 2])).toBeCloseTo(-1, 15);
    expect(cosineSimilarity([0, 0], [0, 0])).toBe(0);
    expect(jaccardSimilarity([0, 0], [0, 0])).toBe(0);
    expect(thrown(() => jaccardSimilarity([1, -2], [1, 1])).code).toBe('disparity.option_invalid');
    expect(thrown(() => cosineSimilarity([1, Number.NaN], [1, 1])).code).toBe('disparity.option_invalid');
  });
});

describe('codeSetMatrix', () => {
  it('lays sets out over the sorted union of codes: lists count a code once, maps keep their weights', () => {
    const { codes, matrix } = codeSetMatrix([['C39', 'C26', 'C39'], new Map([['C39', 2], ['I65', 0.5]]), []]);
    expect(codes).toEqual(['C26', 'C39', 'I65']);
    expect(Array.from(matrix.values)).toEqual([1, 1, 0, 0, 2, 0.5, 0, 0, 0]);
    expect(thrown(() => codeSetMatrix([new Map([['C26', -1]])])).code).toBe('disparity.option_invalid');
  });

  it('gives the set measures: Jaccard |A∩B|/|A∪B| and cosine (Ochiai) |A∩B|/√(|A||B|)', () => {
    const { matrix } = codeSetMatrix([['a', 'b', 'c'], ['b', 'c', 'd', 'e']]);
    const row = (i: number): Float64Array => matrix.values.subarray(i * matrix.cols, (i + 1) * matrix.cols);
    expect(jaccardSimilarity(row(0), row(1))).toBeCloseTo(2 / 5, 15);
    expect(cosineSimilarity(row(0), row(1))).toBeCloseTo(2 / Math.sqrt(12), 15);
  });
});

describe('similarityMatrix', () => {
  const units = denseMatrix(scipy.units);

  it('is the symmetric matrix of the pairwise measure, diagonal 1 for non-empty rows; cosine equals numpy’s (1e-14)', () => {
    const s = similarityMatrix(units, 'cosine');
    expect(maxAbsDiff(s.values, scipy.similarity)).toBeLessThanOrEqual(1e-14);
    const j = similarityMatrix(units, 'jaccard');
    expect(j.values[0 * 8 + 1]).toBeCloseTo(jaccardSimilarity(scipy.units[0] as number[], scipy.units[1] as number[]), 15);
    for (let i = 0; i < 8; i++) {
      expect(j.values[i * 9]).toBe(1);
      for (let k = 0; k < 8; k++) expect(j.values[i * 8 + k]).toBe(j.values[k * 8 + i]);
    }
  });

  it('takes a custom measure and rejects non-finite results, unknown names and negative cells under jaccard/unido', () => {
    const dot = similarityMatrix(denseMatrix([[1, 2], [3, 4]]), (a, b) => (a[0] as number) * (b[0] as number) + (a[1] as number) * (b[1] as number));
    expect(Array.from(dot.values)).toEqual([5, 11, 11, 25]);
    expect(thrown(() => similarityMatrix(units, () => Number.NaN)).code).toBe('disparity.option_invalid');
    expect(thrown(() => similarityMatrix(units, 'pearson' as 'cosine')).code).toBe('disparity.option_invalid');
    expect(thrown(() => similarityMatrix(denseMatrix([[1, -1]]), 'unido')).code).toBe('carbon.bad_matrix');
  });
});

describe('averageLinkage reproduces SciPy 1.17.1 linkage(squareform(1 − S), "average") on 8 units (scipy_average_linkage.json)', () => {
  const tree = averageLinkage(similarityMatrix(denseMatrix(scipy.units), 'cosine'));

  it('gives the same merges (ids and sizes exactly, distances to 1e-12)', () => {
    expect(tree.n).toBe(8);
    expect(tree.merges.map((m) => [m.left, m.right, m.size])).toEqual(scipy.linkage.map(([a, b, , n]) => [a, b, n]));
    tree.merges.forEach((m, t) => {
      expect(Math.abs(m.distance - (scipy.linkage[t]?.[2] as number))).toBeLessThanOrEqual(1e-12);
      expect(m.distance).toBe(1 - m.similarity);
    });
  });

  it('cuts into the same partitions as fcluster(Z, k, "maxclust") for k = 2…5, labelled by first appearance', () => {
    for (const [k, labels] of Object.entries(scipy.maxclust)) {
      const cut = cutDendrogram(tree, Number(k));
      expect(samePartition(cut, labels)).toBe(true);
      expect(cut[0]).toBe(0);
    }
    expect(Array.from(cutDendrogram(tree, 3))).toEqual([0, 0, 1, 1, 0, 0, 2, 0]);
  });
});

describe('averageLinkage on industry positionings (Jaccard of code sets, by hand)', () => {
  // Z1 {C26 C27 C39}, Z2 {C26 C39 I65}, Z3 {G58 L72 M73}, Z4 {L72 M73}, Z5 {C27 C35}.
  // Jaccard: Z1–Z2 2/4 = .5, Z1–Z5 1/4 = .25, Z3–Z4 2/3; every other pair 0.
  // Merge 1: Z3+Z4 at 2/3 → cluster 5. Merge 2: Z1+Z2 at .5 → cluster 6.
  // Then Z5–{Z1,Z2} = (.25 + 0)/2 = .125, Z5–{Z3,Z4} = 0, {Z1,Z2}–{Z3,Z4} = 0: merge 3 is 4+6 at .125 → 7.
  // Merge 4: 5+7 at 0.
  const { matrix } = codeSetMatrix([['C26', 'C27', 'C39'], ['C26', 'C39', 'I65'], ['G58', 'L72', 'M73'], ['L72', 'M73'], ['C27', 'C35']]);
  const tree = averageLinkage(similarityMatrix(matrix, 'jaccard'));

  it('merges as computed by hand', () => {
    expect(tree.merges.map((m) => [m.left, m.right, m.size])).toEqual([[2, 3, 2], [0, 1, 2], [4, 6, 3], [5, 7, 5]]);
    expect(maxAbsDiff(tree.merges.map((m) => m.similarity), [2 / 3, 0.5, 0.125, 0])).toBeLessThanOrEqual(1e-15);
  });

  it('cuts: k = 2 → [0,0,1,1,0]; k = 3 → [0,0,1,1,2]; k = 1 → one cluster; k = n → singletons', () => {
    expect(Array.from(cutDendrogram(tree, 2))).toEqual([0, 0, 1, 1, 0]);
    expect(Array.from(cutDendrogram(tree, 3))).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(cutDendrogram(tree, 1))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(cutDendrogram(tree, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(thrown(() => cutDendrogram(tree, 0))).toEqual({ code: 'disparity.option_invalid', params: { option: 'k', value: '0', reason: 'must be an integer from 1 to 5' } });
    expect(thrown(() => cutDendrogram(tree, 2.5)).code).toBe('disparity.option_invalid');
  });
});

describe('averageLinkage ties and errors', () => {
  it('breaks ties by the smallest (left id, right id): four units all at 0.5 merge (0,1), (2,3), (4,5)', () => {
    const s = denseMatrix([[1, 0.5, 0.5, 0.5], [0.5, 1, 0.5, 0.5], [0.5, 0.5, 1, 0.5], [0.5, 0.5, 0.5, 1]]);
    expect(averageLinkage(s).merges.map((m) => [m.left, m.right])).toEqual([[0, 1], [2, 3], [4, 5]]);
  });

  it('treats similarities within tieTolerance as tied, so last-bit noise does not decide', () => {
    const bump = 0.5 + 4e-16;
    const s = denseMatrix([[1, 0.5, 0.2], [0.5, 1, bump], [0.2, bump, 1]]);
    expect(averageLinkage(s).merges[0]).toMatchObject({ left: 0, right: 1 });
    expect(averageLinkage(s, { tieTolerance: 0 }).merges[0]).toMatchObject({ left: 1, right: 2 });
  });

  it('throws carbon.bad_matrix for an asymmetric or non-square matrix and disparity.option_invalid for a bad tolerance', () => {
    expect(thrown(() => averageLinkage(denseMatrix([[1, 0.2], [0.3, 1]]))).code).toBe('carbon.bad_matrix');
    expect(thrown(() => averageLinkage(denseMatrix([[1, 0.2, 0.1]]))).code).toBe('carbon.bad_matrix');
    expect(thrown(() => averageLinkage(denseMatrix([[1]]), { tieTolerance: -1 })).code).toBe('disparity.option_invalid');
    expect(averageLinkage(denseMatrix([[1]])).merges).toEqual([]);
  });

  it('property: n − 1 merges, merge similarities never increase (UPGMA has no inversions), cut k has k clusters', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 9 }), (rows) => {
        const tree = averageLinkage(similarityMatrix(denseMatrix(rows), 'cosine'));
        const n = rows.length;
        expect(tree.merges.length).toBe(n - 1);
        expect(tree.merges[n - 2]?.size).toBe(n);
        for (let t = 1; t < n - 1; t++) expect(tree.merges[t]?.similarity as number).toBeLessThanOrEqual((tree.merges[t - 1]?.similarity as number) + 1e-12);
        for (let k = 1; k <= n; k++) expect(new Set(cutDendrogram(tree, k)).size).toBe(k);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
