/** The order in which the similarity heatmap lists zones: by cluster, and within a cluster by the dendrogram. */
import type { ZoneSimilarityOutput } from '../../../../src/analyses/structure/zoneSimilarity.js';

type Dendrogram = NonNullable<ZoneSimilarityOutput['dendrogram']>;

/**
 * Leaves of a dendrogram in SciPy's layout (leaves 0…n−1, merge t forms cluster n + t) from left to right, as
 * `scipy.cluster.hierarchy.leaves_list` draws them.
 */
export function leafOrder(d: Dendrogram): number[] {
  const { n, merges } = d;
  if (n === 0) return [];
  if (merges.length === 0) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  const stack: number[] = [n + merges.length - 1];
  while (stack.length > 0) {
    const c = stack.pop() as number;
    if (c < n) {
      out.push(c);
      continue;
    }
    const m = merges[c - n];
    if (!m) continue;
    // right pushed first so that the left branch comes out first
    stack.push(m.right, m.left);
  }
  return out;
}

/** Indices into `zones`: scored zones by cluster, then by their place in the dendrogram; zones not scored last. */
export function heatmapOrder(result: Pick<ZoneSimilarityOutput, 'zones' | 'dendrogram'>): number[] {
  const scored = result.zones.map((z, i) => (z.scored ? i : -1)).filter((i) => i >= 0);
  const place = new Map<number, number>();
  if (result.dendrogram && result.dendrogram.n === scored.length) {
    leafOrder(result.dendrogram).forEach((leaf, pos) => {
      const zi = scored[leaf];
      if (zi !== undefined) place.set(zi, pos);
    });
  }
  const clusterOf = (i: number) => result.zones[i]?.cluster ?? Number.POSITIVE_INFINITY;
  const sorted = [...scored].sort((a, b) => clusterOf(a) - clusterOf(b) || (place.get(a) ?? a) - (place.get(b) ?? b));
  return [...sorted, ...result.zones.map((z, i) => (z.scored ? -1 : i)).filter((i) => i >= 0)];
}
