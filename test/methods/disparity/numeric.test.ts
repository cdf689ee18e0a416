import { describe, expect, test } from 'vitest';
import { createRng } from '../../../src/numeric/rng.js';
import {
  chiSquareCdf,
  chiSquareSf,
  fSf,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSf,
  studentTCdf,
  studentTTwoSided,
} from '../../../src/numeric/distributions.js';

const rel = (a: number, b: number): number => Math.abs(a / b - 1);

describe('seeded RNG (xoshiro128**)', () => {
  test('the same seed gives the same stream; another seed a different one', () => {
    const a = createRng(20240101);
    const b = createRng(20240101);
    const c = createRng(20240102);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });

  test('uniform draws lie in [0, 1) with mean ≈ ½ (10⁵ draws, within 5 SE)', () => {
    const r = createRng(1);
    let s = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
    }
    expect(Math.abs(s / 100_000 - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / 100_000));
  });

  test('integer(n) covers 0..n−1 evenly (chi-square over 6 cells, 6·10⁴ draws, p > 0.001)', () => {
    const r = createRng(2);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.integer(6)]! += 1;
    const x2 = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chiSquareSf(x2, 5)).toBeGreaterThan(0.001);
    expect(() => r.integer(0)).toThrow(RangeError);
  });

  test('normal draws have mean ≈ 0 and variance ≈ 1 (10⁵ draws, within 5 SE)', () => {
    const r = createRng(3);
    let s = 0;
    let ss = 0;
    for (let i = 0; i < 100_000; i++) {
      const z = r.normal();
      s += z;
      ss += z * z;
    }
    expect(Math.abs(s / 1e5)).toBeLessThan(5 / Math.sqrt(1e5));
    expect(Math.abs(ss / 1e5 - 1)).toBeLessThan(5 * Math.sqrt(2 / 1e5));
  });

  test('permutation and sampling without replacement return distinct indices', () => {
    const r = createRng(4);
    expect([...r.permutation(10)].sort((x, y) => x - y)).toEqual([...Array(10).keys()]);
    const s = r.sampleWithoutReplacement(10, 4);
    expect(new Set(s).size).toBe(4);
    expect(() => r.sampleWithoutReplacement(3, 4)).toThrow(RangeError);
  });
});

describe('distributions', () => {
  test('normal cdf and survival match known values (Φ(1.96) = 0.9750021048517795, Φ(−10) = 7.619853024160527e-24; 1e-12 relative)', () => {
    expect(rel(normalCdf(1.96), 0.9750021048517795)).toBeLessThan(1e-14);
    expect(rel(normalCdf(-10), 7.619853024160527e-24)).toBeLessThan(1e-12);
    expect(rel(normalSf(10), 7.619853024160527e-24)).toBeLessThan(1e-12);
    expect(normalCdf(0)).toBe(0.5);
  });

  test('normal quantile inverts the cdf (AS 241: Φ⁻¹(0.975) = 1.959963984540054; round trip 1e-12 relative, as the far tail amplifies rounding in x by about x²)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    for (const p of [1e-300, 1e-20, 1e-5, 0.01, 0.3, 0.5, 0.8, 0.999]) expect(rel(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-12);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  test('chi-square: closed form for 2 df, χ²₀.₉₅(1) = 3.841458820694124 (1e-12)', () => {
    for (const x of [0.1, 1, 10, 200]) expect(rel(chiSquareSf(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-12);
    expect(chiSquareCdf(3.841458820694124, 1)).toBeCloseTo(0.95, 12);
    expect(chiSquareSf(0, 3)).toBe(1);
  });

  test('Student t and F: t₀.₉₇₅(10) = 2.228138851986274, F₀.₉₅(1, 10) = its square (1e-12)', () => {
    expect(studentTTwoSided(2.228138851986274, 10)).toBeCloseTo(0.05, 12);
    expect(studentTCdf(2.228138851986274, 10)).toBeCloseTo(0.975, 12);
    expect(studentTCdf(-2.228138851986274, 10)).toBeCloseTo(0.025, 12);
    expect(fSf(2.228138851986274 ** 2, 1, 10)).toBeCloseTo(0.05, 12);
  });

  test('log-gamma is exact on factorials (1e-13 relative)', () => {
    expect(rel(logGamma(11), Math.log(3628800))).toBeLessThan(1e-13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });
});
