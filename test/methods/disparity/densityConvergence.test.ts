import { describe, expect, test } from 'vitest';
import { bandwidth, betaConvergence, kernelDensity, kernelDensityCurves, ols, sigmaConvergence } from '../../../src/methods/disparity/index.js';
import { column, readCsv } from './fixtures.js';

const mexico = readCsv('pysal/mexico/mexico.csv');
const y1940 = column(mexico, 'pcgdp1940');
const y2000 = column(mexico, 'pcgdp2000');

/** Trapezoid rule on an equally spaced grid. */
const integrate = (x: Float64Array, f: Float64Array): number => {
  let s = 0;
  for (let i = 1; i < x.length; i++) s += 0.5 * ((f[i] as number) + (f[i - 1] as number)) * ((x[i] as number) - (x[i - 1] as number));
  return s;
};

describe('kernel density', () => {
  test('Silverman’s and Scott’s rules follow their formulas (1e-12)', () => {
    const y = [1, 2, 3, 4, 10];
    const sd = Math.sqrt(((1 - 4) ** 2 + (2 - 4) ** 2 + (3 - 4) ** 2 + 0 + 36) / 4);
    const iqr = 4 - 2; // type-7 quartiles 2 and 4
    expect(bandwidth(y, 'silverman')).toBeCloseTo(0.9 * Math.min(sd, iqr / 1.34) * 5 ** -0.2, 12);
    expect(bandwidth(y, 'scott')).toBeCloseTo(1.06 * sd * 5 ** -0.2, 12);
  });

  test('Gaussian and Epanechnikov estimates integrate to 1 over min − 3h … max + 3h (1e-3 for Gaussian tails, 1e-4 Epanechnikov)', () => {
    const g = kernelDensity(y1940, { points: 2048 });
    expect(Math.abs(integrate(g.x, g.density) - 1)).toBeLessThan(1e-3);
    const e = kernelDensity(y1940, { kernel: 'epanechnikov', points: 4096 });
    expect(Math.abs(integrate(e.x, e.density) - 1)).toBeLessThan(1e-4);
  });

  test('a single-point-like sample gives the kernel itself at its centre', () => {
    const r = kernelDensity([0, 0], { bandwidth: 1, from: -1, to: 1, points: 3 });
    expect(r.density[1]).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });

  test('per-year curves share one grid and keep their own bandwidths', () => {
    const c = kernelDensityCurves([
      { label: 1940, values: y1940 },
      { label: 2000, values: y2000 },
    ]);
    expect(c.curves.map((k) => k.label)).toEqual([1940, 2000]);
    expect(c.curves[0]?.density.length).toBe(c.x.length);
    expect(c.curves[0]?.bandwidth).toBeCloseTo(bandwidth(y1940, 'silverman'), 12);
    expect(c.curves[1]?.bandwidth).toBeCloseTo(bandwidth(y2000, 'silverman'), 12);
  });

  test('rejects a constant sample with disparity.constant_variable', () => {
    expect(() => kernelDensity([2, 2, 2])).toThrowError(expect.objectContaining({ code: 'disparity.constant_variable' }) as Error);
  });
});

describe('convergence', () => {
  test('σ convergence reports CV and sd of logs per period (sample divisor, 1e-12)', () => {
    const [p] = sigmaConvergence([{ label: 't', values: [1, 2, 4] }]);
    const mean = 7 / 3;
    const sd = Math.sqrt(((1 - mean) ** 2 + (2 - mean) ** 2 + (4 - mean) ** 2) / 2);
    expect(p?.cv).toBeCloseTo(sd / mean, 12);
    expect(p?.sdLog).toBeCloseTo(Math.LN2, 12); // logs 0, ln2, 2ln2: sd = ln 2
    expect(() => sigmaConvergence([{ label: 't', values: [1, 0] }])).toThrowError(expect.objectContaining({ code: 'disparity.nonpositive_values' }) as Error);
  });

  test('absolute β convergence on Mexico 1940–2000 equals the closed-form simple regression (1e-12)', () => {
    const r = betaConvergence(y1940, y2000, 60);
    const x = y1940.map(Math.log);
    const g = y2000.map((v, i) => (Math.log(v) - (x[i] as number)) / 60);
    const n = x.length;
    const mx = x.reduce((a, b) => a + b, 0) / n;
    const mg = g.reduce((a, b) => a + b, 0) / n;
    let sxx = 0;
    let sxg = 0;
    for (let i = 0; i < n; i++) {
      sxx += ((x[i] as number) - mx) ** 2;
      sxg += ((x[i] as number) - mx) * ((g[i] as number) - mg);
    }
    const beta = sxg / sxx;
    let rss = 0;
    for (let i = 0; i < n; i++) rss += ((g[i] as number) - mg - beta * ((x[i] as number) - mx)) ** 2;
    const se = Math.sqrt(rss / (n - 2) / sxx);
    expect(r.beta).toBeCloseTo(beta, 12);
    expect(r.se / se).toBeCloseTo(1, 12);
    expect(r.t).toBeCloseTo(beta / se, 9);
    expect(r.beta).toBeLessThan(0);
    expect(r.speed).toBeCloseTo(-Math.log(1 + 60 * beta) / 60, 12);
    expect(r.halfLife).toBeCloseTo(Math.LN2 / r.speed, 9);
    expect(r.p).toBeGreaterThan(0);
    expect(r.p).toBeLessThan(0.05);
  });

  test('OLS recovers exact coefficients on noiseless data and rejects collinear designs', () => {
    const x1 = [1, 2, 3, 4, 5, 6];
    const x2 = [2, 1, 0, 1, 3, 2];
    const y = x1.map((v, i) => 1 + 2 * v - 3 * (x2[i] as number));
    const r = ols(y, [new Array<number>(6).fill(1), x1, x2]);
    expect(Array.from(r.coefficients).map((v) => +v.toFixed(10))).toEqual([1, 2, -3]);
    expect(() => ols(y, [new Array<number>(6).fill(1), x1, x1.map((v) => 2 * v)])).toThrowError(expect.objectContaining({ code: 'disparity.option_invalid' }) as Error);
    expect(() => betaConvergence([1, 2], [2, 3], 5)).toThrowError(expect.objectContaining({ code: 'disparity.too_few_units' }) as Error);
  });
});
