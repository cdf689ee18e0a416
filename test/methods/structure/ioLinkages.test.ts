import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseMatrix, technicalCoefficients } from '../../../src/methods/carbon/index.js';
import type { DenseMatrix } from '../../../src/methods/carbon/index.js';
import { allocationCoefficients, ghoshInverse, ioLinkages, sectorLinks } from '../../../src/methods/structure/index.js';
import { maxAbsDiff, thrown } from './econGeoFixtures.js';

/** Hand values are exact fractions; the only error is floating point in a 2×2 or 3×3 LU: absolute 1e-13. */
const TOL = 1e-13;

const times = (m: DenseMatrix, v: readonly number[]): number[] =>
  Array.from({ length: m.rows }, (_, i) => v.reduce((s, vj, j) => s + (m.values[i * m.cols + j] as number) * vj, 0));

describe('Miller & Blair (2009) two-sector table: Z = [[150, 500], [200, 100]], f = [350, 1700], x = [1000, 2000]', () => {
  const Z = denseMatrix([[150, 500], [200, 100]]);
  const x = [1000, 2000];
  const A = technicalCoefficients(Z, x);
  const B = allocationCoefficients(Z, x);
  // I − A = [[.85, −.25], [−.2, .95]], det = .8075 − .05 = .7575, L = [[.95, .25], [.2, .85]] / .7575.
  // Column sums of L: 1.15 and 1.10 (/.7575), total 2.25: backward = 2 · [1.15, 1.10] / 2.25 = [46/45, 44/45].
  // Row sums of L: 1.20 and 1.05, total 2.25: forward = 2 · [1.20, 1.05] / 2.25 = [16/15, 14/15].
  // B = [[.15, .5], [.1, .05]], I − B has det .7575 too, G = [[.95, .5], [.1, .85]] / .7575 = diag(x)⁻¹ L diag(x).
  // Row sums of G: 1.45 and 0.95, total 2.4: Ghosh forward = 2 · [1.45, .95] / 2.4 = [29/24, 19/24].
  const det = 0.7575;
  const result = ioLinkages(A, { B });

  it('allocation coefficients B = diag(x)⁻¹ Z and the Ghosh inverse by hand', () => {
    expect(maxAbsDiff(B.values, [0.15, 0.5, 0.1, 0.05])).toBeLessThanOrEqual(1e-16);
    expect(maxAbsDiff(ghoshInverse(B).values, [0.95 / det, 0.5 / det, 0.1 / det, 0.85 / det])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(result.total.G?.values ?? [], [0.95 / det, 0.5 / det, 0.1 / det, 0.85 / det])).toBeLessThanOrEqual(TOL);
  });

  it('L by hand (the book prints 1.254125, 0.330033, 0.264026, 1.122112) and L·f = x', () => {
    expect(maxAbsDiff(result.total.L.values, [0.95 / det, 0.25 / det, 0.2 / det, 0.85 / det])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(result.total.L.values, [1.254125, 0.330033, 0.264026, 1.122112])).toBeLessThanOrEqual(5e-7);
    expect(maxAbsDiff(times(result.total.L, [350, 1700]), x)).toBeLessThanOrEqual(1e-10);
  });

  it('output multipliers [1.15, 1.10]/.7575, backward [46/45, 44/45], forward [16/15, 14/15]; sector 1 is key', () => {
    expect(maxAbsDiff(result.total.outputMultipliers, [1.15 / det, 1.1 / det])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(result.total.backward, [46 / 45, 44 / 45])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(result.total.forward, [16 / 15, 14 / 15])).toBeLessThanOrEqual(TOL);
    expect(result.total.keySector).toEqual([true, false]);
  });

  it("forward: 'ghosh' sums the rows of G instead: [29/24, 19/24]", () => {
    const ghosh = ioLinkages(A, { B, forward: 'ghosh' });
    expect(maxAbsDiff(ghosh.total.forward, [29 / 24, 19 / 24])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(ghosh.total.forwardTotals, [1.45 / det, 0.95 / det])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(ghosh.total.backward, [46 / 45, 44 / 45])).toBeLessThanOrEqual(TOL);
  });
});

describe('a three-sector table computed by hand', () => {
  // x = [100, 200, 100]; Z = [[20, 40, 0], [10, 40, 20], [0, 20, 10]]; final demand f = x − Z·1 = [40, 130, 70].
  // A = Z·diag(1/x) = [[.2, .2, 0], [.1, .2, .2], [0, .1, .1]].
  // I − A = [[.8, −.2, 0], [−.1, .8, −.2], [0, −.1, .9]]; det = .8·(.72 − .02) − (−.2)·(−.09) = .56 − .018 = .542.
  // Cofactors C11 .70, C12 .09, C13 .01, C21 .18, C22 .72, C23 .08, C31 .04, C32 .16, C33 .62, so
  // L = adj/det = [[.70, .18, .04], [.09, .72, .16], [.01, .08, .62]] / .542.
  // Column sums .80, .98, .82 (total 2.60): multipliers [.80, .98, .82]/.542 = [1.4760, 1.8081, 1.5129];
  //   backward = 3 · [.80, .98, .82] / 2.6 = [12/13, 147/130, 123/130].
  // Row sums .92, .97, .71 (total 2.60): forward = 3 · [.92, .97, .71] / 2.6 = [69/65, 291/260, 213/260].
  // Sector 2 is key (1.131, 1.119); sector 1 only forward (0.923, 1.062); sector 3 neither.
  // B = diag(1/x)·Z = [[.2, .4, 0], [.05, .2, .1], [0, .2, .1]]; G = diag(1/x) L diag(x) =
  //   [[.70, .36, .04], [.045, .72, .08], [.01, .16, .62]] / .542, row sums 1.10, .845, .79 (total 2.735).
  const x = [100, 200, 100];
  const Z = denseMatrix([[20, 40, 0], [10, 40, 20], [0, 20, 10]]);
  const A = technicalCoefficients(Z, x);
  const B = allocationCoefficients(Z, x);
  const det = 0.542;
  const total = ioLinkages(A, { B }).total;

  it('L and G', () => {
    expect(maxAbsDiff(A.values, [0.2, 0.2, 0, 0.1, 0.2, 0.2, 0, 0.1, 0.1])).toBeLessThanOrEqual(1e-16);
    expect(maxAbsDiff(total.L.values, [0.7, 0.18, 0.04, 0.09, 0.72, 0.16, 0.01, 0.08, 0.62].map((v) => v / det))).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(total.G?.values ?? [], [0.7, 0.36, 0.04, 0.045, 0.72, 0.08, 0.01, 0.16, 0.62].map((v) => v / det))).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(times(total.L, [40, 130, 70]), x)).toBeLessThanOrEqual(1e-10);
  });

  it('multipliers, Rasmussen indices and key sectors', () => {
    expect(maxAbsDiff(total.outputMultipliers, [0.8 / det, 0.98 / det, 0.82 / det])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(total.backward, [12 / 13, 147 / 130, 123 / 130])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(total.forward, [69 / 65, 291 / 260, 213 / 260])).toBeLessThanOrEqual(TOL);
    expect(total.keySector).toEqual([false, true, false]);
  });

  it("Ghosh forward indices 3 · [1.10, .845, .79] / 2.735", () => {
    const ghosh = ioLinkages(A, { B, forward: 'ghosh' }).total;
    expect(maxAbsDiff(ghosh.forward, [3.3 / 2.735, 2.535 / 2.735, 2.37 / 2.735])).toBeLessThanOrEqual(TOL);
  });

  // Domestic split: half of sector 1's deliveries are imported, so A_d = [[.1, .1, 0], [.1, .2, .2], [0, .1, .1]]
  // and A_m = A − A_d = [[.1, .1, 0], 0, 0].
  // I − A_d = [[.9, −.1, 0], [−.1, .8, −.2], [0, −.1, .9]]; det = .9·.70 − (−.1)·(−.09) = .63 − .009 = .621.
  // Cofactors .70, .09, .01 / .09, .81, .09 / .02, .18, .71 → L_d = [[.70, .09, .02], [.09, .81, .18], [.01, .09, .71]] / .621.
  // Column sums .80, .99, .91 (total 2.70): backward = [8/9, 1.1, 91/90]; row sums .81, 1.08, .81: forward = [.9, 1.2, .9].
  // Import content 1ᵀ A_m L_d = .1 · (row 1 + row 2 of L_d) = [.079, .090, .020] / .621.
  // Check: value added v = 1 − 1ᵀA = [.7, .5, .7]; v·L_d column 1 = (.49 + .045 + .007)/.621 = .542/.621, plus .079/.621 = 1.
  const Ad = denseMatrix([[0.1, 0.1, 0], [0.1, 0.2, 0.2], [0, 0.1, 0.1]]);
  const withDomestic = ioLinkages(A, { Ad });

  it('domestic-only linkages from A_d, smaller multipliers, and the import content', () => {
    const d = withDomestic.domestic;
    expect(d).toBeDefined();
    expect(maxAbsDiff(d?.L.values ?? [], [0.7, 0.09, 0.02, 0.09, 0.81, 0.18, 0.01, 0.09, 0.71].map((v) => v / 0.621))).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(d?.outputMultipliers ?? [], [0.8 / 0.621, 0.99 / 0.621, 0.91 / 0.621])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(d?.backward ?? [], [8 / 9, 1.1, 91 / 90])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(d?.forward ?? [], [0.9, 1.2, 0.9])).toBeLessThanOrEqual(TOL);
    expect(d?.keySector).toEqual([false, true, false]);
    expect(maxAbsDiff(withDomestic.importContent ?? [], [0.079 / 0.621, 0.09 / 0.621, 0.02 / 0.621])).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(withDomestic.total.L.values, total.L.values)).toBe(0);
  });

  it('sectorLinks: sector 2 (index 1) buys column 2 of A and sells row 2 of B; ranked, self excluded by default', () => {
    const links = sectorLinks(A, B, 1);
    expect(maxAbsDiff(links.upstream, [0.2, 0.2, 0.1])).toBeLessThanOrEqual(1e-16);
    expect(maxAbsDiff(links.downstream, [0.05, 0.2, 0.1])).toBeLessThanOrEqual(1e-16);
    expect(links.suppliers).toEqual([{ sector: 0, weight: 0.2 }, { sector: 2, weight: 0.1 }]);
    expect(links.customers).toEqual([{ sector: 2, weight: 0.1 }, { sector: 0, weight: 0.05 }]);
    // With itself: a tie at 0.2 between sectors 1 and 2 (indices 0 and 1) goes to the lower index first.
    expect(sectorLinks(A, B, 1, { includeSelf: true }).suppliers.map((l) => l.sector)).toEqual([0, 1, 2]);
    expect(sectorLinks(A, B, 1, { includeSelf: true, top: 1 }).customers).toEqual([{ sector: 1, weight: 0.2 }]);
    expect(sectorLinks(A, B, 1, { minWeight: 0.15 }).customers).toEqual([]);
    // Sector 1 buys nothing from sector 3: zero links are dropped.
    expect(sectorLinks(A, B, 0, { includeSelf: true }).suppliers.map((l) => l.sector)).toEqual([0, 1]);
  });
});

describe('ioLinkages errors', () => {
  const A = denseMatrix([[0.2, 0.1], [0.3, 0.4]]);

  it('throws carbon.singular_leontief when I − A (or I − B, named) cannot be inverted', () => {
    expect(thrown(() => ioLinkages(denseMatrix([[1, 0], [0, 0.5]]))).code).toBe('carbon.singular_leontief');
    const e = thrown(() => ghoshInverse(denseMatrix([[0.5, 0.5], [0.5, 0.5]])));
    expect(e.code).toBe('carbon.singular_leontief');
    expect((e.params as { detail: string }).detail.startsWith('Ghosh inverse (I − B)⁻¹: ')).toBe(true);
  });

  it('throws carbon.bad_matrix for non-square or mismatched matrices and output of the wrong length', () => {
    expect(thrown(() => ioLinkages(denseMatrix([[0.1, 0.2]])))).toEqual({ code: 'carbon.bad_matrix', params: { what: 'technical coefficients A', detail: 'it is 1 × 2, not square' } });
    expect(thrown(() => ioLinkages(A, { Ad: denseMatrix([[0.1]]) })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => ioLinkages(A, { B: denseMatrix([[0.1]]) })).code).toBe('carbon.bad_matrix');
    expect(thrown(() => allocationCoefficients(denseMatrix([[1, 2], [3, 4]]), [10])).code).toBe('carbon.bad_matrix');
    expect(thrown(() => allocationCoefficients(denseMatrix([[1, 2], [3, 4]]), [10, -1])).code).toBe('carbon.bad_matrix');
    expect(thrown(() => ioLinkages(denseMatrix([]))).code).toBe('carbon.bad_matrix');
  });

  it('throws disparity.option_invalid for forward: ghosh without B, Bd without Ad, a bad forward, a sector out of range', () => {
    expect(thrown(() => ioLinkages(A, { forward: 'ghosh' }))).toEqual({
      code: 'disparity.option_invalid', params: { option: 'B', value: 'missing', reason: "forward: 'ghosh' needs the allocation coefficients" },
    });
    expect(thrown(() => ioLinkages(A, { B: A, Ad: A, forward: 'ghosh' })).params).toMatchObject({ option: 'Bd' });
    expect(thrown(() => ioLinkages(A, { Bd: A })).code).toBe('disparity.option_invalid');
    expect(thrown(() => ioLinkages(A, { forward: 'hypothetical' as 'ghosh' })).code).toBe('disparity.option_invalid');
    expect(thrown(() => sectorLinks(A, A, 2)).code).toBe('disparity.option_invalid');
    expect(thrown(() => sectorLinks(A, A, 0, { top: -1 })).code).toBe('disparity.option_invalid');
  });

  it('gives a sector with zero output a zero row of B (as A gets a zero column)', () => {
    expect(Array.from(allocationCoefficients(denseMatrix([[0, 0], [5, 5]]), [0, 20]).values)).toEqual([0, 0, 0.25, 0.25]);
  });
});

describe('ioLinkages properties on random productive tables (x = Z·1 + f with f > 0)', () => {
  const table = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      z: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n * n, maxLength: n * n }),
      f: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }),
      importShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
    }),
  );
  const build = ({ n, z, f }: { n: number; z: number[]; f: number[] }): { Z: DenseMatrix; x: number[] } => {
    const Z = { rows: n, cols: n, values: Float64Array.from(z) };
    const x = Array.from({ length: n }, (_, i) => z.slice(i * n, (i + 1) * n).reduce((a, b) => a + b, 0) + (f[i] as number));
    return { Z, x };
  };

  it('L·(I − A) = I, backward and forward indices average 1, G = diag(x)⁻¹ L diag(x) (1e-10)', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { Z, x } = build(t);
        const n = t.n;
        const A = technicalCoefficients(Z, x);
        const B = allocationCoefficients(Z, x);
        const { total } = ioLinkages(A, { B });
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += (total.L.values[i * n + k] as number) * ((k === j ? 1 : 0) - (A.values[k * n + j] as number));
            expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThanOrEqual(1e-10);
            const g = ((total.L.values[i * n + j] as number) * (x[j] as number)) / (x[i] as number);
            expect(Math.abs((total.G?.values[i * n + j] as number) - g)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(g)));
          }
        }
        const mean = (v: Float64Array): number => v.reduce((a, b) => a + b, 0) / n;
        expect(Math.abs(mean(total.backward) - 1)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(mean(total.forward) - 1)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(mean(ioLinkages(A, { B, forward: 'ghosh' }).total.forward) - 1)).toBeLessThanOrEqual(1e-12);
        total.outputMultipliers.forEach((m) => expect(m).toBeGreaterThanOrEqual(1 - 1e-12));
      }),
      { numRuns: 300, seed: 1956 },
    );
  });

  it('domestic: v·L_d + import content = 1 for every sector, and domestic multipliers never exceed total ones (1e-10)', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { Z, x } = build(t);
        const n = t.n;
        const A = technicalCoefficients(Z, x);
        const Ad = { rows: n, cols: n, values: A.values.map((a, k) => a * (1 - (t.importShare[k] as number))) };
        const r = ioLinkages(A, { Ad });
        const Ld = r.domestic?.L as DenseMatrix;
        for (let j = 0; j < n; j++) {
          let vl = 0;
          for (let i = 0; i < n; i++) {
            let colA = 0;
            for (let k = 0; k < n; k++) colA += A.values[k * n + i] as number;
            vl += (1 - colA) * (Ld.values[i * n + j] as number);
          }
          expect(Math.abs(vl + (r.importContent?.[j] as number) - 1)).toBeLessThanOrEqual(1e-10);
          expect(r.domestic?.outputMultipliers[j] as number).toBeLessThanOrEqual((r.total.outputMultipliers[j] as number) + 1e-10);
        }
      }),
      { numRuns: 300, seed: 2009 },
    );
  });
});
