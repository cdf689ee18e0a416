import { FtzError } from '../../core/errors.js';
import {
  aggregateHierarchy, ahpWeights, combineWeights, criticWeights, effectiveWeights, entropyWeights, equalWeights, normalise,
  pcaWeights, topsis, type DataMatrix, type Direction, type IndexNode, type NormaliseOptions,
} from '../../methods/index/index.js';
import { isLeaf, type Framework, type FrameworkLeaf, type FrameworkNode } from './frameworkSchema.js';
import type { IndexSpec } from './indexSpec.js';

/** The index computed from a raw data matrix under one set of convention choices. */
export interface PipelineResult {
  readonly normalised: DataMatrix;
  /** effective weight of each leaf in the index (sums to 1), in data column order */
  readonly leafWeights: Float64Array;
  /** weights of every node as used for aggregation (leaf: within its parent; parents: within theirs) */
  readonly nodes: readonly IndexNode[];
  /** effective weight of every node */
  readonly effective: ReadonlyMap<string, number>;
  /** the index per unit */
  readonly score: Float64Array;
  /** top-level dimension codes and their scores, n × d row-major */
  readonly dimensions: readonly string[];
  readonly dimensionScores: Float64Array;
  readonly topsis: { dPlus: Float64Array; dMinus: Float64Array; closeness: Float64Array } | null;
  /** what the weighting method reported (entropy, divergence, AHP CR…), for the weights table */
  readonly weightDiagnostics: Readonly<Record<string, unknown>>;
}

export const ROOT = 'INDEX';

export type PipelineOptions = Pick<IndexSpec, 'normalisation' | 'weights' | 'aggregation'>;

function normaliseOptions(o: PipelineOptions['normalisation'], directions: readonly Direction[], groups: Int32Array | undefined): NormaliseOptions {
  const base = { directions, ...(o.scope === 'year' && groups ? { groups } : {}) };
  if (o.method === 'minmax') return { method: 'minmax', shift: o.shift, ...base };
  return { method: o.method, ...base };
}

type DataMethod = 'entropy' | 'critic' | 'pca' | 'equal';

function dataWeights(method: DataMethod, z: DataMatrix): { w: Float64Array; diag: Record<string, unknown> } {
  switch (method) {
    case 'entropy': {
      const r = entropyWeights(z);
      return { w: r.weights, diag: { entropy: [...r.entropy], divergence: [...r.divergence] } };
    }
    case 'critic': {
      const r = criticWeights(z);
      return { w: r.weights, diag: { sd: [...r.sd], information: [...r.information] } };
    }
    case 'pca': {
      const r = pcaWeights(z);
      return { w: r.weights, diag: { eigenvalues: [...r.eigenvalues], components: r.components, explained: r.explained } };
    }
    case 'equal':
      return { w: equalWeights(z.m), diag: {} };
  }
}

/** Node list with the framework's own weights (equal among siblings where it gives none). */
function frameworkNodes(f: Framework, topWeights?: Float64Array): IndexNode[] {
  const nodes: IndexNode[] = [{ code: ROOT, parent: null, weight: 1 }];
  const walk = (list: (FrameworkNode | FrameworkLeaf)[], parent: string, top: boolean): void => {
    list.forEach((n, k) => {
      const w = top && topWeights ? (topWeights[k] as number) : (n.weight ?? 1);
      nodes.push({ code: n.code, parent, weight: w });
      if (!isLeaf(n)) walk(n.children, n.code, false);
    });
  };
  walk(f.tree, ROOT, true);
  return nodes;
}

/** Node list whose leaves carry data-driven weights and whose parents carry the sum of their leaves. */
function nodesFromLeafWeights(f: Framework, leafCodes: readonly string[], w: Float64Array): IndexNode[] {
  const byCode = new Map(leafCodes.map((c, j) => [c, w[j] as number]));
  const nodes: IndexNode[] = [{ code: ROOT, parent: null, weight: 1 }];
  const walk = (list: (FrameworkNode | FrameworkLeaf)[], parent: string): number => {
    let total = 0;
    for (const n of list) {
      if (isLeaf(n)) {
        const lw = byCode.get(n.code) ?? 0;
        nodes.push({ code: n.code, parent, weight: lw });
        total += lw;
      } else {
        const at = nodes.length;
        nodes.push({ code: n.code, parent, weight: 0 });
        const sum = walk(n.children, n.code);
        nodes[at] = { code: n.code, parent, weight: sum };
        total += sum;
      }
    }
    return total;
  };
  walk(f.tree, ROOT);
  return nodes;
}

/** Leaf weights rescaled so that each top-level dimension carries the weight set by hand. */
function withDimensionWeights(f: Framework, leafCodes: readonly string[], leaf: Float64Array, dims: readonly number[]): Float64Array {
  if (dims.length !== f.tree.length) throw new FtzError('index.dimension_mismatch', { what: 'weights.dimensions (top-level dimensions)', expected: f.tree.length, found: dims.length });
  const total = dims.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new FtzError('index.weights_invalid', { reason: 'weights.dimensions are all zero' });
  const top = new Map<string, number>();
  const walk = (list: (FrameworkNode | FrameworkLeaf)[], k: number): void => {
    for (const n of list) {
      if (isLeaf(n)) top.set(n.code, k);
      else walk(n.children, k);
    }
  };
  f.tree.forEach((d, k) => (isLeaf(d) ? top.set(d.code, k) : walk(d.children, k)));
  const sums = new Float64Array(dims.length);
  leafCodes.forEach((c, j) => {
    const k = top.get(c) as number;
    sums[k] = (sums[k] as number) + (leaf[j] as number);
  });
  return Float64Array.from(leafCodes, (c, j) => {
    const k = top.get(c) as number;
    const within = (sums[k] as number) > 0 ? (leaf[j] as number) / (sums[k] as number) : 0;
    return within * ((dims[k] as number) / total);
  });
}

function leafVector(effective: ReadonlyMap<string, number>, codes: readonly string[]): Float64Array {
  return Float64Array.from(codes, (c) => effective.get(c) ?? 0);
}

/**
 * Normalise → weight → aggregate, as one reproducible function of the raw matrix and the options, so the
 * main run and every uncertainty replication compute the index the same way.
 *
 * Data-driven weights (entropy, CRITIC, PCA, equal) are computed over all indicators on the pooled
 * normalised panel; a dimension's weight is the sum of its indicators' weights, so the index equals the flat
 * weighted sum and each dimension score is the weighted mean of its indicators (the usual reading in the NQPF
 * literature). `framework` uses the framework's weights (equal where absent); `ahp` weights the top-level
 * dimensions by the AHP matrix and the rest as the framework says.
 */
export function runPipeline(
  raw: DataMatrix,
  directions: readonly Direction[],
  groups: Int32Array | undefined,
  framework: Framework,
  o: PipelineOptions,
  /** uncertainty analysis: multiply each leaf's effective weight by this factor (then renormalise) */
  perturb?: Float64Array,
): PipelineResult {
  const leafCodes = raw.indicators ?? [];
  const z = normalise(raw, normaliseOptions(o.normalisation, directions, groups));
  const diag: Record<string, unknown> = {};
  let nodes: IndexNode[];
  const method = o.weights.method;
  if (method === 'framework' || method === 'ahp') {
    let top: Float64Array | undefined;
    if (method === 'ahp') {
      if (!o.weights.ahp) throw new FtzError('index.ahp_invalid', { reason: 'weights.method "ahp" needs weights.ahp, a comparison matrix over the top-level dimensions' });
      if (o.weights.ahp.length !== framework.tree.length) {
        throw new FtzError('index.dimension_mismatch', { what: 'AHP matrix size (top-level dimensions)', expected: framework.tree.length, found: o.weights.ahp.length });
      }
      const a = ahpWeights(o.weights.ahp);
      top = a.weights;
      Object.assign(diag, { lambdaMax: a.lambdaMax, ci: a.ci, ri: a.ri, cr: a.cr });
    }
    nodes = frameworkNodes(framework, top);
  } else {
    const { w, diag: d } = dataWeights(method, z);
    Object.assign(diag, d);
    nodes = nodesFromLeafWeights(framework, leafCodes, w);
  }
  if (o.weights.combine) {
    const first = leafVector(effectiveWeights(nodes), leafCodes);
    const secondMethod = o.weights.combine.method;
    const secondNodes = secondMethod === 'framework' ? frameworkNodes(framework) : nodesFromLeafWeights(framework, leafCodes, dataWeights(secondMethod, z).w);
    const second = leafVector(effectiveWeights(secondNodes), leafCodes);
    const combined = combineWeights(first, second, { method: 'linear', alpha: o.weights.combine.alpha });
    nodes = nodesFromLeafWeights(framework, leafCodes, combined);
  }
  if (o.weights.dimensions) nodes = nodesFromLeafWeights(framework, leafCodes, withDimensionWeights(framework, leafCodes, leafVector(effectiveWeights(nodes), leafCodes), o.weights.dimensions));
  if (perturb) {
    const base = leafVector(effectiveWeights(nodes), leafCodes);
    nodes = nodesFromLeafWeights(framework, leafCodes, base.map((w, j) => w * (perturb[j] as number)));
  }
  const effective = effectiveWeights(nodes);
  const leafWeights = leafVector(effective, leafCodes);
  const dims = framework.tree.map((d) => d.code);

  // Dimension scores are always weighted means of the normalised indicators; the index follows the chosen
  // aggregation (TOPSIS ranks units by closeness on the raw matrix with the same effective weights).
  const aggMethod = o.aggregation.method === 'geometric' ? 'geometric' : 'arithmetic';
  const h = aggregateHierarchy(z, nodes, { method: aggMethod });
  const col = (code: string): number => h.codes.indexOf(code);
  const n = raw.n;
  const dimensionScores = new Float64Array(n * dims.length);
  dims.forEach((d, k) => {
    const c = col(d);
    for (let i = 0; i < n; i++) dimensionScores[i * dims.length + k] = h.scores.values[i * h.codes.length + c] as number;
  });
  let score: Float64Array;
  let t: PipelineResult['topsis'] = null;
  if (o.aggregation.method === 'topsis') {
    const r = topsis(raw, leafWeights, { directions, normalisation: o.aggregation.topsisNormalisation });
    t = { dPlus: r.dPlus, dMinus: r.dMinus, closeness: r.closeness };
    score = r.closeness;
  } else {
    const c = col(ROOT);
    score = Float64Array.from({ length: n }, (_, i) => h.scores.values[i * h.codes.length + c] as number);
  }
  return { normalised: z, leafWeights, nodes, effective, score, dimensions: dims, dimensionScores, topsis: t, weightDiagnostics: diag };
}
