import { describe, expect, it } from 'vitest';
import { feols } from '../../../src/methods/causal/feols.js';
import { heterogeneity, type HeterogeneityInput } from '../../../src/methods/causal/heterogeneity.js';
import { SSC_FIXEST, vcov } from '../../../src/methods/causal/vcov.js';
import { chiSquareSf } from '../../../src/numeric/distributions.js';
import { simulateStaggered } from './simulatedPanel.js';
import { readMpdta } from './twfeFixtures.js';

const LOCATIONS = ['coastal', 'inland', 'border'] as const;

/**
 * The staggered panel of simulatedPanel.ts (400 units × 10 periods) with unit u in location u mod 3 and the
 * effect of D = treat × post set to `effects[location]` (the helper's homogeneous 0.5 is swapped out).
 */
function simulateGroups(seed: number, effects: readonly [number, number, number]): HeterogeneityInput & { d: Float64Array; group: string[] } {
  const { panel, effect } = simulateStaggered(seed, 400, 10);
  const n = panel.y.length;
  const d = Float64Array.from(panel.cohort, (c, i) => (c > 0 && (panel.time[i] as number) >= c ? 1 : 0));
  const group = Array.from({ length: n }, (_, i) => LOCATIONS[(panel.unit[i] as number) % 3] as string);
  const y = Float64Array.from(panel.y, (v, i) => v + ((effects[(panel.unit[i] as number) % 3] as number) - effect) * (d[i] as number));
  return {
    y,
    d,
    treatment: { name: 'did', values: d },
    group,
    covariates: [{ name: 'x', values: panel.x }],
    fixedEffects: [{ name: 'unit', values: panel.unit }, { name: 'time', values: panel.time }],
    cluster: { name: 'unit', values: panel.unit },
  };
}

describe('heterogeneity', () => {
  it('recovers different effects by location (0.2 coastal, 1.0 border, 0.5 inland; seed 2024) and rejects equality', () => {
    const h = heterogeneity(simulateGroups(2024, [0.2, 0.5, 1.0]));
    expect(h.groups.map((g) => g.label)).toEqual(['border', 'coastal', 'inland']);
    const truth: Record<string, number> = { coastal: 0.2, inland: 0.5, border: 1.0 };
    for (const g of h.groups) {
      expect(Math.abs(g.estimate - (truth[g.label] as number))).toBeLessThan(2.5 * g.standardError);
      expect(g.lower).toBeLessThan(g.estimate);
      expect(g.upper).toBeGreaterThan(g.estimate);
    }
    expect(h.equalityTest.chi2Df).toBe(2);
    expect(h.equalityTest.fDf1).toBe(2);
    expect(h.equalityTest.fDf2).toBe(399);
    expect(h.equalityTest.fPValue).toBeLessThan(1e-4);
    expect(h.equalityTest.chi2PValue).toBeLessThan(1e-4);
  });

  it('does not reject equality at 5 % when every location has the same effect 0.5 (seed 2024)', () => {
    const h = heterogeneity(simulateGroups(2024, [0.5, 0.5, 0.5]));
    expect(h.equalityTest.fPValue).toBeGreaterThan(0.05);
    expect(h.equalityTest.chi2PValue).toBeGreaterThan(0.05);
  });

  it('rejects a true null of equal effects in about 5 % of 100 seeded panels (seeds 1..100)', () => {
    let rejections = 0;
    for (let seed = 1; seed <= 100; seed++) if (heterogeneity(simulateGroups(seed, [0.5, 0.5, 0.5])).equalityTest.fPValue < 0.05) rejections++;
    expect(rejections).toBeLessThanOrEqual(12);
  });

  it('reports each group coefficient and clustered SE of the interacted feols regression, and N and treated N per group', () => {
    const input = simulateGroups(2024, [0.2, 0.5, 1.0]);
    const h = heterogeneity(input);
    const labels = ['border', 'coastal', 'inland'];
    const regressors = labels.map((l) => ({ name: l, values: Float64Array.from(input.d, (v, i) => (input.group[i] === l ? v : 0)) }));
    const fit = feols({ y: input.y, regressors: [...regressors, ...(input.covariates ?? [])], fixedEffects: input.fixedEffects });
    const v = vcov(fit, { type: 'cluster', clusters: [input.cluster] }, SSC_FIXEST);
    h.groups.forEach((g, j) => {
      expect(g.estimate).toBeCloseTo(fit.coefficients[j] as number, 12);
      expect(g.standardError).toBeCloseTo(v.standardErrors[j] as number, 12);
      const rows = Array.from(input.group.keys()).filter((i) => input.group[i] === g.label);
      expect(g.nobs).toBe(rows.length);
      expect(g.treatedObs).toBe(rows.filter((i) => input.d[i] === 1).length);
    });
    expect(h.nobs).toBe(4000);
    expect(h.clusters).toBe(400);
  });

  it('gives χ² = F·q, the χ² p-value from its df, and, for two groups, χ² equal to the squared clustered t of the D × group interaction', () => {
    const input = simulateGroups(2024, [0.2, 0.5, 1.0]);
    const two = { ...input, group: Array.from(input.group, (l) => (l === 'coastal' ? 'coastal' : 'other')) };
    const h = heterogeneity(two);
    expect(h.equalityTest.chi2).toBeCloseTo(h.equalityTest.f, 12);
    expect(h.equalityTest.chi2PValue).toBeCloseTo(chiSquareSf(h.equalityTest.chi2, 1), 14);
    const inter = Float64Array.from(input.d, (v, i) => (two.group[i] === 'other' ? v : 0));
    const fit = feols({ y: input.y, regressors: [input.treatment, { name: 'did:other', values: inter }, ...(input.covariates ?? [])], fixedEffects: input.fixedEffects });
    const t = vcov(fit, { type: 'cluster', clusters: [input.cluster] }, SSC_FIXEST).tStatistics[1] as number;
    expect(h.equalityTest.chi2).toBeCloseTo(t * t, 8);
  });

  it('accepts numeric labels (FTZ batch 1, 2, 3) and leaves rows with a NaN label out', () => {
    const input = simulateGroups(2024, [0.2, 0.5, 1.0]);
    const batch = Float64Array.from(input.group, (l) => (l === 'coastal' ? 1 : l === 'inland' ? 2 : 3));
    batch[0] = Number.NaN;
    const h = heterogeneity({ ...input, group: batch });
    expect(h.groups.map((g) => g.label)).toEqual([1, 2, 3]);
    expect(h.groups.reduce((s, g) => s + g.nobs, 0)).toBe(h.nobs);
    expect(h.nobs).toBeLessThan(4000);
  });

  it('refuses a group without treated units: mpdta grouped by cohort has the never-treated group 0', () => {
    const m = readMpdta();
    const run = (): unknown => heterogeneity({ y: m.lemp, treatment: { name: 'd', values: m.d }, group: m.cohort, fixedEffects: [{ name: 'county', values: m.county }, { name: 'year', values: m.year }], cluster: { name: 'county', values: m.county } });
    expect(run).toThrow(expect.objectContaining({ code: 'causal.group_without_treated', params: expect.objectContaining({ group: '0' }) }));
  });

  it('refuses a single group (causal.bad_panel) and an invalid level (causal.option_invalid)', () => {
    const input = simulateGroups(2024, [0.5, 0.5, 0.5]);
    expect(() => heterogeneity({ ...input, group: input.group.map(() => 'all') })).toThrow(expect.objectContaining({ code: 'causal.bad_panel' }));
    expect(() => heterogeneity(input, { level: 0 })).toThrow(expect.objectContaining({ code: 'causal.option_invalid' }));
  });
});
