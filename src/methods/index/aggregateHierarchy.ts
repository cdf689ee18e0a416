import { FtzError } from '../../core/errors.js';
import type { AggregateOptions } from './aggregateArithmetic.js';
import { aggregateArithmetic } from './aggregateArithmetic.js';
import { aggregateGeometric } from './aggregateGeometric.js';
import type { DataMatrix } from './dataMatrix.js';
import { checkShape } from './dataMatrix.js';
import type { IndexNode } from './indexTree.js';
import { buildIndexTree } from './indexTree.js';

export type AggregationMethod = 'arithmetic' | 'geometric';

export interface AggregateHierarchyOptions extends AggregateOptions {
  /**
   * One method for every level, or one per step up the tree: the first aggregates level 1 (indicators) into
   * level 2, the second level 2 into 3, and so on (COINr's `f_ag` vector). Default arithmetic.
   */
  method?: AggregationMethod | readonly AggregationMethod[];
}

export interface HierarchyScores {
  /** Node codes of the columns of `scores`: the tree's indicators in data order, then aggregates by level. */
  codes: readonly string[];
  /** Level per column (indicators 1). */
  levels: readonly number[];
  /** n × codes.length scores, row-major, with `indicators` set to `codes`. */
  scores: DataMatrix;
}

/**
 * Aggregates indicators up an index tree (indicator → sub-dimension → dimension → index), each parent as the
 * weighted arithmetic or geometric mean of its children with the children's weights, level by level as COINr's
 * `Aggregate()` does (Becker et al. 2022, JOSS 7(78) 4567; OECD/JRC Handbook 2008, §6). Leaves are matched to
 * the data's columns by `x.indicators`; data columns not in the tree are ignored.
 *
 * Throws `index.framework_invalid` for a malformed tree, `index.unknown_indicator` for a leaf that is not a data
 * column, and what the per-level aggregation throws (missing values, non-positive values for geometric).
 *
 * @example
 * aggregateHierarchy(x, [
 *   { code: 'NQPF', parent: null, weight: 1 },
 *   { code: 'tech', parent: 'NQPF', weight: 1 }, { code: 'green', parent: 'NQPF', weight: 1 },
 *   { code: 'patents', parent: 'tech', weight: 1 }, { code: 'rd', parent: 'tech', weight: 1 },
 *   { code: 'co2', parent: 'green', weight: 1 },
 * ]);
 */
export function aggregateHierarchy(x: DataMatrix, nodes: readonly IndexNode[], options: AggregateHierarchyOptions = {}): HierarchyScores {
  checkShape(x);
  const tree = buildIndexTree(nodes);
  const names = x.indicators;
  if (names === undefined) {
    throw new FtzError('index.framework_invalid', { framework: 'index tree', issues: 'the data matrix has no indicator names to match the tree leaves' });
  }
  const column = new Map(names.map((c, j) => [c, j]));
  for (const leaf of tree.leaves) {
    if (!column.has(leaf)) throw new FtzError('index.unknown_indicator', { framework: 'index tree', code: leaf });
  }
  const leafCodes = names.filter((c) => tree.nodes.has(c) && !tree.children.has(c));
  const codes = [...leafCodes, ...tree.aggregates];
  const levels = codes.map((c) => tree.level.get(c) as number);
  const k = codes.length;
  const { n, m } = x;
  const out = new Float64Array(n * k);
  const at = new Map<string, number>();
  leafCodes.forEach((c, t) => {
    at.set(c, t);
    const j = column.get(c) as number;
    for (let i = 0; i < n; i++) out[i * k + t] = x.values[i * m + j] as number;
  });

  const maxLevel = Math.max(1, ...levels);
  const methods = options.method;
  if (Array.isArray(methods) && methods.length !== maxLevel - 1) {
    throw new FtzError('index.dimension_mismatch', { what: 'aggregation methods (one per level step)', expected: maxLevel - 1, found: methods.length });
  }
  const aggOptions: AggregateOptions = options.missing === undefined ? {} : { missing: options.missing };
  tree.aggregates.forEach((code, a) => {
    const t = leafCodes.length + a;
    at.set(code, t);
    const kids = tree.children.get(code) as readonly string[];
    const sub = new Float64Array(n * kids.length);
    kids.forEach((kid, c) => {
      const src = at.get(kid) as number;
      for (let i = 0; i < n; i++) sub[i * kids.length + c] = out[i * k + src] as number;
    });
    const subMatrix: DataMatrix = { n, m: kids.length, values: sub, indicators: kids };
    if (x.units !== undefined) subMatrix.units = x.units;
    const weights = kids.map((kid) => tree.nodes.get(kid)?.weight ?? 0);
    const level = tree.level.get(code) as number;
    const method: AggregationMethod =
      typeof methods === 'string' ? methods : methods === undefined ? 'arithmetic' : ((methods as readonly AggregationMethod[])[level - 2] ?? 'arithmetic');
    const y = method === 'geometric' ? aggregateGeometric(subMatrix, weights, aggOptions) : aggregateArithmetic(subMatrix, weights, aggOptions);
    for (let i = 0; i < n; i++) out[i * k + t] = y[i] as number;
  });
  const scores: DataMatrix = { n, m: k, values: out, indicators: codes };
  if (x.units !== undefined) scores.units = x.units;
  return { codes, levels, scores };
}
