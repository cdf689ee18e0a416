import { buildIndexTree } from './indexTree.js';
import type { IndexNode } from './indexTree.js';

/**
 * Effective weight of every node in the final index: the product, from the root down, of each node's weight
 * rescaled within its siblings (w_node / Σ w_siblings). Roots have effective weight 1. This is COINr's
 * `get_eff_weights` and the "weight of an indicator in the index" that frameworks should report, since equal
 * nominal weights in unequal groups are not equal in the index (OECD/JRC Handbook 2008, §6).
 *
 * @example
 * effectiveWeights([
 *   { code: 'I', parent: null, weight: 1 },
 *   { code: 'a', parent: 'I', weight: 1 }, { code: 'b', parent: 'I', weight: 3 },
 * ]).get('b'); // 0.75
 */
export function effectiveWeights(nodes: readonly IndexNode[]): Map<string, number> {
  const tree = buildIndexTree(nodes);
  const out = new Map<string, number>();
  const visit = (code: string, eff: number): void => {
    out.set(code, eff);
    const kids = tree.children.get(code) ?? [];
    const total = kids.reduce((s, k) => s + (tree.nodes.get(k)?.weight ?? 0), 0);
    for (const k of kids) visit(k, (eff * (tree.nodes.get(k)?.weight ?? 0)) / total);
  };
  for (const node of nodes) if (node.parent === null) visit(node.code, 1);
  return out;
}
