import { describe, expect, it } from 'vitest';
import { feols } from '../../../src/methods/causal/feols.js';
import { mediation, type MediationInput } from '../../../src/methods/causal/mediation.js';
import { SSC_FIXEST, vcov } from '../../../src/methods/causal/vcov.js';
import { normalSf } from '../../../src/numeric/distributions.js';
import { createRng } from '../../../src/numeric/rng.js';
import { simulateStaggered } from './simulatedPanel.js';

/**
 * The staggered panel of simulatedPanel.ts (400 units × 10 periods, seed 2024) with D = treat × post and a
 * mediator: M_it = μ_i + 0.1 t + α·D_it + u_it, Y_it = a_i + 0.2 t + c′·D_it + β·M_it + ε_it, u, ε ~ N(0, 1),
 * so the indirect effect is α·β and the total effect c′ + α·β.
 */
function simulateMediation(seed: number, alpha: number, beta: number, direct: number): MediationInput & { d: Float64Array } {
  const { panel } = simulateStaggered(2024, 400, 10);
  const rng = createRng(seed);
  const n = panel.y.length;
  const d = Float64Array.from(panel.cohort, (c, i) => (c > 0 && (panel.time[i] as number) >= c ? 1 : 0));
  const mu = Float64Array.from({ length: 401 }, () => rng.normal());
  const a = Float64Array.from({ length: 401 }, () => rng.normal());
  const m = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = panel.unit[i] as number;
    const t = panel.time[i] as number;
    m[i] = (mu[u] as number) + 0.1 * t + alpha * (d[i] as number) + rng.normal();
    y[i] = (a[u] as number) + 0.2 * t + direct * (d[i] as number) + beta * (m[i] as number) + rng.normal();
  }
  return {
    y,
    d,
    treatment: { name: 'did', values: d },
    mediator: { name: 'm', values: m },
    fixedEffects: [{ name: 'unit', values: panel.unit }, { name: 'time', values: panel.time }],
    cluster: { name: 'unit', values: panel.unit },
  };
}

const ALPHA = 0.8;
const BETA = 0.5;
const DIRECT = 0.3;
const sim = simulateMediation(7, ALPHA, BETA, DIRECT);
const result = mediation(sim, { seed: 20240101, draws: 399 });

describe('mediation', () => {
  it('recovers the simulated α = 0.8, β = 0.5 and c′ = 0.3 (seed 7) within two standard errors', () => {
    for (const [est, truth] of [[result.alpha, ALPHA], [result.beta, BETA], [result.direct, DIRECT], [result.total, DIRECT + ALPHA * BETA]] as const) {
      expect(Math.abs(est.estimate - truth)).toBeLessThan(2 * est.standardError);
    }
    expect(Math.abs(result.indirect.estimate - ALPHA * BETA)).toBeLessThan(0.05);
  });

  it('decomposes the total effect exactly: c = c′ + α·β on the common sample', () => {
    expect(result.total.estimate).toBeCloseTo(result.direct.estimate + result.indirect.estimate, 10);
    expect(result.indirect.proportionMediated).toBeCloseTo(result.indirect.estimate / result.total.estimate, 14);
  });

  it('reports for each step the coefficient and clustered SE of the same feols + vcov regression', () => {
    const fe = sim.fixedEffects;
    const byUnit = { type: 'cluster' as const, clusters: [sim.cluster] };
    const s2 = feols({ y: sim.mediator.values, regressors: [sim.treatment], fixedEffects: fe });
    const s3 = feols({ y: sim.y, regressors: [sim.treatment, sim.mediator], fixedEffects: fe });
    const v2 = vcov(s2, byUnit, SSC_FIXEST);
    const v3 = vcov(s3, byUnit, SSC_FIXEST);
    expect(result.alpha.estimate).toBeCloseTo(s2.coefficients[0] as number, 12);
    expect(result.alpha.standardError).toBeCloseTo(v2.standardErrors[0] as number, 12);
    expect(result.beta.estimate).toBeCloseTo(s3.coefficients[1] as number, 12);
    expect(result.beta.pValue).toBeCloseTo(v3.pValues[1] as number, 12);
    expect(result.direct.standardError).toBeCloseTo(v3.standardErrors[0] as number, 12);
    expect(result.clusters).toBe(400);
    expect(result.dfT).toBe(399);
  });

  it('computes the Sobel z = αβ / √(β²s_α² + α²s_β²) and its two-sided normal p-value', () => {
    const { alpha, beta, indirect } = result;
    const se = Math.sqrt(beta.estimate ** 2 * alpha.standardError ** 2 + alpha.estimate ** 2 * beta.standardError ** 2);
    expect(indirect.sobelStandardError).toBeCloseTo(se, 14);
    expect(indirect.sobelZ).toBeCloseTo(indirect.estimate / se, 12);
    expect(indirect.sobelPValue).toBeCloseTo(2 * normalSf(Math.abs(indirect.sobelZ)), 14);
    expect(indirect.sobelPValue).toBeLessThan(1e-6);
  });

  it('gives a cluster-bootstrap percentile interval (seed 20240101, 399 draws) around α·β that excludes 0, with an SE near Sobel’s', () => {
    const b = result.bootstrap;
    expect(b).not.toBeNull();
    if (!b) return;
    expect(b.failed).toBe(0);
    expect(b.lower).toBeLessThan(ALPHA * BETA);
    expect(b.upper).toBeGreaterThan(ALPHA * BETA);
    expect(b.lower).toBeGreaterThan(0);
    expect(b.standardError / result.indirect.sobelStandardError).toBeGreaterThan(0.7);
    expect(b.standardError / result.indirect.sobelStandardError).toBeLessThan(1.4);
  });

  it('replays the bootstrap from its seed and changes it with another seed', () => {
    const again = mediation(sim, { seed: 20240101, draws: 399 });
    const other = mediation(sim, { seed: 99, draws: 399 });
    expect(again.bootstrap?.lower).toBe(result.bootstrap?.lower);
    expect(again.bootstrap?.upper).toBe(result.bootstrap?.upper);
    expect(other.bootstrap?.lower).not.toBe(result.bootstrap?.lower);
  });

  it('covers 0 with the bootstrap interval when α = 0 (no mediation; data seed 8, bootstrap seed 5)', () => {
    const r = mediation(simulateMediation(8, 0, BETA, DIRECT), { seed: 5, draws: 299 });
    expect(r.bootstrap?.lower).toBeLessThan(0);
    expect(r.bootstrap?.upper).toBeGreaterThan(0);
    expect(r.indirect.sobelPValue).toBeGreaterThan(0.05);
  });

  it('states its limitations in zh and en, citing Jiang Ting (2022) and sequential ignorability', () => {
    const codes = result.limitations.map((l) => l.code);
    expect(codes).toContain('no_causal_identification');
    expect(codes).toContain('prefer_alpha');
    for (const l of result.limitations) {
      expect(l.zh.length).toBeGreaterThan(20);
      expect(l.en.length).toBeGreaterThan(20);
    }
    const prefer = result.limitations.find((l) => l.code === 'prefer_alpha');
    expect(prefer?.zh).toContain('江艇');
    expect(prefer?.en).toContain('Jiang Ting');
    expect(result.limitations.find((l) => l.code === 'no_causal_identification')?.en).toContain('sequential ignorability');
  });

  it('uses one sample for all three steps: a row with a missing mediator is dropped from the total-effect regression too', () => {
    const m = Float64Array.from(sim.mediator.values);
    m[0] = Number.NaN;
    m[17] = Number.NaN;
    const r = mediation({ ...sim, mediator: { name: 'm', values: m } }, { seed: 1, draws: 0 });
    expect(r.nobs).toBe(sim.y.length - 2);
    expect(r.bootstrap).toBeNull();
    expect(r.total.estimate).toBeCloseTo(r.direct.estimate + r.indirect.estimate, 10);
  });

  it('rejects a mediator collinear with the treatment, and one absorbed by the unit fixed effect, as causal.collinear_mediator', () => {
    const twice = Float64Array.from(sim.d, (v) => 2 * v);
    expect(() => mediation({ ...sim, mediator: { name: 'twice', values: twice } }, { seed: 1, draws: 0 })).toThrow(expect.objectContaining({ code: 'causal.collinear_mediator' }));
    const perUnit = Float64Array.from(sim.fixedEffects[0]?.values ?? [], (u) => Math.sin(u));
    expect(() => mediation({ ...sim, mediator: { name: 'perUnit', values: perUnit } }, { seed: 1, draws: 0 })).toThrow(expect.objectContaining({ code: 'causal.collinear_mediator' }));
  });

  it('refuses the bootstrap with fewer than 10 clusters (causal.too_few_clusters) but reports the stepwise estimates without it', () => {
    const coarse = { name: 'block', values: Float64Array.from(sim.fixedEffects[0]?.values ?? [], (u) => u % 6) };
    expect(() => mediation({ ...sim, cluster: coarse }, { seed: 1, draws: 99 })).toThrow(expect.objectContaining({ code: 'causal.too_few_clusters' }));
    const r = mediation({ ...sim, cluster: coarse }, { seed: 1, draws: 0 });
    expect(r.clusters).toBe(6);
  });

  it('rejects invalid options with causal.option_invalid', () => {
    expect(() => mediation(sim, { seed: 1, draws: -1 })).toThrow(expect.objectContaining({ code: 'causal.option_invalid' }));
    expect(() => mediation(sim, { seed: 1, level: 1 })).toThrow(expect.objectContaining({ code: 'causal.option_invalid' }));
  });
});
