import { describe, expect, it } from 'vitest';
import type { IndexNode } from '../../../src/methods/index/index.js';
import { aggregateHierarchy, dataMatrix, effectiveWeights } from '../../../src/methods/index/index.js';
import { thrown } from './referenceFixtures.js';

const tree: IndexNode[] = [
  { code: 'NQPF', parent: null, weight: 1 },
  { code: 'tech', parent: 'NQPF', weight: 2 },
  { code: 'green', parent: 'NQPF', weight: 1 },
  { code: 'rd', parent: 'tech', weight: 1 },
  { code: 'patents', parent: 'tech', weight: 1 },
  { code: 'co2', parent: 'green', weight: 1 },
];
const x = dataMatrix([[10, 30, 60], [40, 40, 10]], { units: ['SH', 'BJ'], indicators: ['rd', 'patents', 'co2'] });

describe('aggregateHierarchy', () => {
  it('aggregates indicators to dimensions and the index with the weights at each level', () => {
    const r = aggregateHierarchy(x, tree);
    expect(r.codes).toEqual(['rd', 'patents', 'co2', 'tech', 'green', 'NQPF']);
    expect(r.levels).toEqual([1, 1, 1, 2, 2, 3]);
    const nqpf = (i: number): number => r.scores.values[i * 6 + 5] as number;
    expect(nqpf(0)).toBeCloseTo((2 * 20 + 60) / 3, 13);
    expect(nqpf(1)).toBeCloseTo((2 * 40 + 10) / 3, 13);
  });

  it('uses one method per level step when given a list (geometric within dimensions, arithmetic above)', () => {
    const r = aggregateHierarchy(x, tree, { method: ['geometric', 'arithmetic'] });
    expect(r.scores.values[3]).toBeCloseTo(Math.sqrt(300), 13);
    expect(thrown(() => aggregateHierarchy(x, tree, { method: ['geometric'] })).code).toBe('index.dimension_mismatch');
  });

  it('passes on the errors of the level aggregation: missing values, non-positive values for geometric', () => {
    const withNaN = dataMatrix([[10, null, 60], [40, 40, 10]], { indicators: ['rd', 'patents', 'co2'] });
    expect(thrown(() => aggregateHierarchy(withNaN, tree)).code).toBe('index.missing_values');
    expect(aggregateHierarchy(withNaN, tree, { missing: 'reweight' }).scores.values[3]).toBe(10);
    const withZero = dataMatrix([[0, 30, 60], [40, 40, 10]], { units: ['SH', 'BJ'], indicators: ['rd', 'patents', 'co2'] });
    expect(thrown(() => aggregateHierarchy(withZero, tree, { method: 'geometric' }))).toEqual({
      code: 'index.nonpositive_geometric', params: { unit: 'SH', indicator: 'rd', value: 0 },
    });
  });

  it('throws index.unknown_indicator for a leaf the data lacks and index.framework_invalid for a malformed tree', () => {
    expect(thrown(() => aggregateHierarchy(x, [...tree, { code: 'fdi', parent: 'tech', weight: 1 }]))).toEqual({
      code: 'index.unknown_indicator', params: { framework: 'index tree', code: 'fdi' },
    });
    expect(thrown(() => aggregateHierarchy(x, [...tree, { code: 'rd', parent: 'green', weight: 1 }])).code).toBe('index.framework_invalid');
    expect(thrown(() => aggregateHierarchy(x, [...tree, { code: 'x', parent: 'nowhere', weight: 1 }])).code).toBe('index.framework_invalid');
    expect(thrown(() => aggregateHierarchy(x, [{ code: 'a', parent: 'b', weight: 1 }, { code: 'b', parent: 'a', weight: 1 }])).code).toBe('index.framework_invalid');
    expect(thrown(() => aggregateHierarchy(x, tree.map((n) => (n.code === 'co2' ? { ...n, weight: 0 } : n)))).code).toBe('index.framework_invalid');
    expect(thrown(() => aggregateHierarchy(x, tree.map((n) => (n.code === 'rd' ? { ...n, weight: -1 } : n)))).code).toBe('index.framework_invalid');
    expect(thrown(() => aggregateHierarchy(dataMatrix([[1, 2, 3]]), tree)).code).toBe('index.framework_invalid');
  });
});

describe('effectiveWeights', () => {
  it('multiplies sibling-normalised weights down from the root', () => {
    const eff = effectiveWeights(tree);
    expect(eff.get('NQPF')).toBe(1);
    expect(eff.get('tech')).toBeCloseTo(2 / 3, 15);
    expect(eff.get('rd')).toBeCloseTo(1 / 3, 15);
    expect(eff.get('co2')).toBeCloseTo(1 / 3, 15);
  });
});
