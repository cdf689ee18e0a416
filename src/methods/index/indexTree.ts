import { FtzError } from '../../core/errors.js';

/**
 * One node of an index framework: an indicator (a leaf) or an aggregate (sub-dimension, dimension, index).
 * `parent` is null for the root(s). `weight` is the node's weight among its siblings; weights are relative
 * within each parent, as in COINr's iMeta.
 */
export interface IndexNode {
  code: string;
  parent: string | null;
  weight: number;
}

/** A validated framework: children per aggregate and a level per node (leaves 1, parents 1 + max child). */
export interface IndexTree {
  nodes: ReadonlyMap<string, IndexNode>;
  children: ReadonlyMap<string, readonly string[]>;
  level: ReadonlyMap<string, number>;
  /** Aggregates in an order where every child comes before its parent (by level, then input order). */
  aggregates: readonly string[];
  leaves: readonly string[];
}

/**
 * Checks a framework (unique codes, known parents, no cycles, finite non-negative weights, every aggregate
 * with some positive child weight) and derives its levels. Throws `index.framework_invalid`.
 */
export function buildIndexTree(nodes: readonly IndexNode[], framework = 'index tree'): IndexTree {
  const invalid = (issues: string): never => {
    throw new FtzError('index.framework_invalid', { framework, issues });
  };
  const byCode = new Map<string, IndexNode>();
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (byCode.has(node.code)) invalid(`code "${node.code}" appears twice`);
    if (!Number.isFinite(node.weight) || node.weight < 0) invalid(`weight of "${node.code}" is ${node.weight}; weights must be finite and non-negative`);
    byCode.set(node.code, node);
  }
  for (const node of nodes) {
    if (node.parent === null) continue;
    if (!byCode.has(node.parent)) invalid(`parent "${node.parent}" of "${node.code}" is not in the framework`);
    const list = children.get(node.parent);
    if (list === undefined) children.set(node.parent, [node.code]);
    else list.push(node.code);
  }
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (code: string): number => {
    const known = level.get(code);
    if (known !== undefined) return known;
    if (visiting.has(code)) invalid(`"${code}" is its own ancestor`);
    visiting.add(code);
    const kids = children.get(code) ?? [];
    const lv = kids.length === 0 ? 1 : 1 + Math.max(...kids.map(levelOf));
    visiting.delete(code);
    level.set(code, lv);
    return lv;
  };
  for (const node of nodes) levelOf(node.code);
  // A cycle not reachable from a leaf: every node on it has a parent but no root above it.
  for (const node of nodes) {
    const seen = new Set<string>();
    let p: string | null = node.code;
    while (p !== null) {
      if (seen.has(p)) invalid(`"${p}" is its own ancestor`);
      seen.add(p);
      p = byCode.get(p)?.parent ?? null;
    }
  }
  for (const [code, kids] of children) {
    if (!kids.some((k) => (byCode.get(k)?.weight ?? 0) > 0)) invalid(`every child of "${code}" has weight 0`);
  }
  const order = nodes.map((n) => n.code);
  const aggregates = order.filter((c) => children.has(c)).sort((a, b) => (level.get(a) as number) - (level.get(b) as number));
  const leaves = order.filter((c) => !children.has(c));
  return { nodes: byCode, children, level, aggregates, leaves };
}
