import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Presence } from '../../../src/methods/structure/index.js';
import {
  balassaRca, complexityMatrix, complexityMatrixFromDense, complexityOutlook, economicComplexity, fitnessComplexity, presenceFromBinary,
  productProximity, prody, rcaPresence, relatednessDensity,
} from '../../../src/methods/structure/index.js';
import { thrown } from './complexityFixtures.js';

const hh = presenceFromBinary(complexityMatrixFromDense([1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1], ['C1', 'C2', 'C3', 'C4'], ['P1', 'P2', 'P3', 'P4']));

describe('building the matrix', () => {
  it('sums duplicated pairs by default (economiccomplexity) and keeps the first with duplicates: "first" (py-ecomplexity)', () => {
    const long = { region: ['A', 'A', 'B'], product: ['x', 'x', 'y'], value: [1, 2, 5] };
    expect(Array.from(complexityMatrix(long).values)).toEqual([3, 0, 0, 5]);
    expect(Array.from(complexityMatrix(long, { duplicates: 'first' }).values)).toEqual([1, 0, 0, 5]);
  });

  it('sorts labels by code units and keeps leading zeros', () => {
    const m = complexityMatrix({ region: ['b', 'B', 'a'], product: ['10', '0011', '9'], value: [1, 2, 3] });
    expect(m.regions).toEqual(['B', 'a', 'b']);
    expect(m.products).toEqual(['0011', '10', '9']);
  });

  it('throws disparity.option_invalid naming the cell for a negative value', () => {
    const e = thrown(() => complexityMatrix({ region: ['A', 'B'], product: ['x', 'y'], value: [1, -2] }));
    expect(e.code).toBe('disparity.option_invalid');
    expect(JSON.stringify(e.params)).toContain('region B, product y');
  });

  it("throws for a missing value unless missing: 'zero' (py-ecomplexity's coercion)", () => {
    const long = { region: ['A', 'A', 'B'], product: ['x', 'y', 'y'], value: [1, Number.NaN, 2] };
    expect(thrown(() => complexityMatrix(long)).code).toBe('disparity.option_invalid');
    expect(Array.from(complexityMatrix(long, { missing: 'zero' }).values)).toEqual([1, 0, 0, 2]);
  });

  it('throws disparity.length_mismatch for ragged columns and for an empty or all-zero matrix', () => {
    expect(thrown(() => complexityMatrix({ region: ['A'], product: [], value: [1] })).code).toBe('disparity.length_mismatch');
    expect(thrown(() => complexityMatrix({ region: [], product: [], value: [] })).code).toBe('disparity.length_mismatch');
    expect(thrown(() => complexityMatrix({ region: ['A'], product: ['x'], value: [0] })).code).toBe('disparity.length_mismatch');
    expect(thrown(() => complexityMatrixFromDense([1, 2, 3], ['A', 'B'], ['x', 'y'])).code).toBe('disparity.length_mismatch');
    expect(thrown(() => complexityMatrixFromDense([1, 2], ['A', 'A'], ['x'])).code).toBe('disparity.option_invalid');
  });

  it('drops all-zero regions and products by default and lists them', () => {
    const m = complexityMatrixFromDense([1, 0, 2, 0, 0, 0, 3, 0, 4], ['A', 'Z', 'C'], ['x', 'zero', 'y']);
    expect(m.regions).toEqual(['A', 'C']);
    expect(m.products).toEqual(['x', 'y']);
    expect([m.droppedRegions, m.droppedProducts]).toEqual([['Z'], ['zero']]);
  });

  it("keeps them with zeroTotals: 'keep': RCA is NaN; Mcp 0 (py-ecomplexity) or 1 (economiccomplexity's NaN < 1 is false)", () => {
    const m = complexityMatrixFromDense([1, 2, 0, 0, 3, 1], ['A', 'Z', 'C'], ['x', 'y'], { zeroTotals: 'keep' });
    expect(Number.isNaN(balassaRca(m)[2])).toBe(true);
    expect(Array.from(rcaPresence(m).mcp.slice(2, 4))).toEqual([0, 0]);
    expect(Array.from(rcaPresence(m, { convention: 'economiccomplexity' }).mcp.slice(2, 4))).toEqual([1, 1]);
  });
});

describe('presence and degenerate input', () => {
  it('rejects a threshold that is not finite and ≥ 0, and a "manual" presence with values other than 0/1', () => {
    const m = complexityMatrixFromDense([1, 2, 3, 4], ['A', 'B'], ['x', 'y']);
    expect(thrown(() => rcaPresence(m, { threshold: -1 })).code).toBe('disparity.option_invalid');
    expect(thrown(() => rcaPresence(m, { threshold: Number.NaN })).code).toBe('disparity.option_invalid');
    expect(thrown(() => presenceFromBinary(m)).code).toBe('disparity.option_invalid');
  });

  it('needs two regions and two products with a presence, else disparity.length_mismatch', () => {
    const one = presenceFromBinary(complexityMatrixFromDense([1, 1], ['A'], ['x', 'y']));
    expect(thrown(() => economicComplexity(one)).code).toBe('disparity.length_mismatch');
    expect(thrown(() => fitnessComplexity(one)).code).toBe('disparity.length_mismatch');
  });

  it('leaves regions with diversity 0 out (NaN) instead of turning every index NaN as py-ecomplexity does', () => {
    const m = complexityMatrixFromDense([1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0], ['C1', 'C2', 'C3', 'C4', 'C5'], ['P1', 'P2', 'P3', 'P4'], { zeroTotals: 'keep' });
    const with5 = economicComplexity(presenceFromBinary(m));
    const without = economicComplexity(hh);
    expect(with5.excludedRegions).toEqual(['C5']);
    expect(Number.isNaN(with5.eci[4])).toBe(true);
    expect(Array.from(with5.eci.slice(0, 4))).toEqual(Array.from(without.eci));
  });

  it('returns NaN indices when every region has the same products (λ2 = 0: nothing to rank)', () => {
    const same = presenceFromBinary(complexityMatrixFromDense([1, 1, 1, 1], ['A', 'B'], ['x', 'y']));
    const eci = economicComplexity(same);
    expect(eci.identified).toBe(false);
    expect(Array.from(eci.eci).every(Number.isNaN)).toBe(true);
  });

  it('rejects odd or too few iterations, a non-positive extremality and unknown options', () => {
    expect(thrown(() => economicComplexity(hh, { method: 'reflections', iterations: 19 })).code).toBe('disparity.option_invalid');
    expect(thrown(() => fitnessComplexity(hh, { iterations: 0 })).code).toBe('disparity.option_invalid');
    expect(thrown(() => fitnessComplexity(hh, { extremality: 0 })).code).toBe('disparity.option_invalid');
    expect(thrown(() => economicComplexity(hh, { method: 'reflections', standardise: 'py-ecomplexity' })).code).toBe('disparity.option_invalid');
    expect(thrown(() => economicComplexity(hh, { method: 'power' as 'eigenvector' })).code).toBe('disparity.option_invalid');
  });

  it("the py-ecomplexity outlook needs the eigenvector result; economiccomplexity's takes any PCI", () => {
    const phi = productProximity(hh);
    const refl = economicComplexity(hh, { method: 'reflections' });
    expect(thrown(() => complexityOutlook(hh, phi, refl)).code).toBe('disparity.option_invalid');
    expect(thrown(() => complexityOutlook(hh, phi, refl.pci)).code).toBe('disparity.option_invalid');
    expect(complexityOutlook(hh, phi, refl.pci, { convention: 'economiccomplexity' }).coi).toHaveLength(4);
    expect(thrown(() => complexityOutlook(hh, phi.subarray(1), refl.pci, { convention: 'economiccomplexity' })).code).toBe('disparity.length_mismatch');
  });

  it('checks a hand-built presence: lengths, 0/1 cells, degrees that are the row and column sums', () => {
    expect(thrown(() => economicComplexity({ ...hh, diversity: Float64Array.from([4, 1, 2, 2]) })).code).toBe('disparity.option_invalid');
    expect(thrown(() => productProximity({ ...hh, mcp: hh.mcp.subarray(1) })).code).toBe('disparity.length_mismatch');
    const two = Uint8Array.from(hh.mcp);
    two[0] = 2;
    expect(thrown(() => fitnessComplexity({ ...hh, mcp: two })).code).toBe('disparity.option_invalid');
  });

  it('asymmetric proximity is P(p′ | p), as py-ecomplexity asymmetric=True', () => {
    const phi = productProximity(hh, { asymmetric: true });
    // P4 is had by C1, C3, C4; P2 by C1, C2: P(P2 | P4) = 1/3, P(P4 | P2) = 1/2
    expect(phi[3 * 4 + 1]).toBeCloseTo(1 / 3, 15);
    expect(phi[1 * 4 + 3]).toBeCloseTo(1 / 2, 15);
  });
});

describe('PRODY and EXPY', () => {
  const m = complexityMatrixFromDense([3, 1, 1, 1, 0, 2], ['rich', 'mid', 'poor'], ['a', 'b']);

  it('are export-share-weighted averages of GDP per capita (hand-worked 3 × 2)', () => {
    const r = prody(m, { region: ['rich', 'mid', 'poor'], value: [40000, 10000, 2000] });
    // shares: rich (0.75, 0.25), mid (0.5, 0.5), poor (0, 1)
    const prodyA = (0.75 * 40000 + 0.5 * 10000) / 1.25;
    const prodyB = (0.25 * 40000 + 0.5 * 10000 + 2000) / 1.75;
    expect(r.prody[0]).toBeCloseTo(prodyA, 9);
    expect(r.prody[1]).toBeCloseTo(prodyB, 9);
    expect(r.expy[0]).toBeCloseTo(0.75 * prodyA + 0.25 * prodyB, 9);
    expect(r.expy[2]).toBeCloseTo(prodyB, 9);
  });

  it('leaves regions without GDP out of the weights and reports both kinds of mismatch', () => {
    const r = prody(m, { region: ['rich', 'poor', 'elsewhere'], value: [40000, 2000, 5000] });
    expect(r.missingGdp).toEqual(['mid']);
    expect(r.unusedGdp).toEqual(['elsewhere']);
    expect(Number.isNaN(r.expy[1])).toBe(true);
    expect(r.prody[0]).toBe(40000);
  });

  it('rejects duplicated regions and GDP that is not finite and positive', () => {
    expect(thrown(() => prody(m, { region: ['rich', 'rich'], value: [1, 2] })).code).toBe('disparity.option_invalid');
    expect(thrown(() => prody(m, { region: ['rich'], value: [0] })).code).toBe('disparity.option_invalid');
    expect(thrown(() => prody(m, { region: ['rich'], value: [] })).code).toBe('disparity.length_mismatch');
  });
});

/** A random presence matrix with every region and product present at least once. */
const presenceArb = fc
  .record({ nR: fc.integer({ min: 3, max: 8 }), nP: fc.integer({ min: 3, max: 10 }) })
  .chain(({ nR, nP }) => fc.array(fc.boolean(), { minLength: nR * nP, maxLength: nR * nP }).map((bits) => ({ nR, nP, bits })))
  .map(({ nR, nP, bits }): Presence => {
    const values = bits.map((b) => (b ? 1 : 0));
    for (let r = 0; r < nR; r++) values[r * nP + (r % nP)] = 1;
    for (let p = 0; p < nP; p++) values[(p % nR) * nP + p] = 1;
    const regions = Array.from({ length: nR }, (_, i) => `r${i}`);
    const products = Array.from({ length: nP }, (_, i) => `p${String(i).padStart(2, '0')}`);
    return presenceFromBinary(complexityMatrixFromDense(values, regions, products));
  });

describe('properties (fast-check, seeded)', () => {
  it('reflections converge to the eigenvector result when λ3/λ2 leaves a gap', () => {
    fc.assert(
      fc.property(presenceArb, (presence) => {
        const eig = economicComplexity(presence, { sign: 'reflections', standardise: 'economiccomplexity' });
        const [, l2 = 0, l3 = 0] = eig.eigenvalues;
        fc.pre(eig.identified && l2 > 1e-3 && l3 / l2 < 0.8);
        // Reflections start from diversity: they find λ2's eigenvector only through diversity's component
        // along it (in the D-weighted inner product that makes the eigenvectors orthogonal). A symmetric
        // matrix can make that component 0, and the iteration then converges to λ3's eigenvector instead.
        const d = presence.diversity;
        const kc = eig.kc;
        const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(d, (w, i) => w * (a[i] as number) * (b[i] as number)).reduce((x, y) => x + y, 0);
        const level = dot(d, Array.from(d, () => 1)) / dot(Array.from(d, () => 1), Array.from(d, () => 1));
        const centred = Array.from(d, (v) => v - level);
        const share = Math.abs(dot(kc, centred)) / Math.sqrt(dot(kc, kc) * dot(centred, centred));
        fc.pre(share > 1e-3);
        // the error after n double steps is ~(λ3/λ2)^n / share; 1e-10 of it is plenty for the 1e-6 asked
        const steps = Math.ceil(Math.log(1e-10 * share) / Math.log(Math.max(l3 / l2, 1e-3)));
        const refl = economicComplexity(presence, { method: 'reflections', iterations: 2 * steps + 2 });
        const eciDiff = Math.max(...Array.from(eig.eci, (v, i) => Math.abs(v - (refl.eci[i] as number))));
        const pciDiff = Math.max(...Array.from(eig.pci, (v, i) => Math.abs(v - (refl.pci[i] as number))));
        return eciDiff < 1e-6 && pciDiff < 1e-6;
      }),
      { seed: 20240101, numRuns: 300 },
    );
  });

  it('ECI, PCI and density are unchanged when every value is scaled by a power of two (RCA is exactly invariant)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 20, maxLength: 20 }),
        fc.integer({ min: -20, max: 20 }),
        (cells, k) => {
          const values = cells.map((v, i) => v + (i % 5 === Math.floor(i / 5) % 5 ? 1 : 0));
          const labels = (n: number, s: string) => Array.from({ length: n }, (_, i) => `${s}${i}`);
          const a = rcaPresence(complexityMatrixFromDense(values, labels(4, 'r'), labels(5, 'p')));
          const b = rcaPresence(complexityMatrixFromDense(values.map((v) => v * 2 ** k), labels(4, 'r'), labels(5, 'p')));
          fc.pre(a.diversity.every((d) => d > 0) && a.ubiquity.filter((u) => u > 0).length >= 2);
          const ea = economicComplexity(a);
          const eb = economicComplexity(b);
          const same = (x: Float64Array, y: Float64Array) => x.every((v, i) => (Number.isNaN(v) && Number.isNaN(y[i])) || v === y[i]);
          return same(a.rca, b.rca) && same(ea.eci, eb.eci) && same(ea.pci, eb.pci);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('proximity is symmetric in [0, 1] with a unit diagonal; density lies in [0, 1]; fitness has mean 1', () => {
    fc.assert(
      fc.property(presenceArb, (presence) => {
        const nP = presence.products.length;
        const phi = productProximity(presence);
        const density = relatednessDensity(presence, phi);
        const fit = fitnessComplexity(presence);
        let ok = true;
        for (let p = 0; p < nP; p++) {
          ok &&= phi[p * nP + p] === 1;
          for (let q = 0; q < nP; q++) ok &&= phi[p * nP + q] === phi[q * nP + p] && (phi[p * nP + q] as number) >= 0 && (phi[p * nP + q] as number) <= 1;
        }
        ok &&= density.every((v) => v >= 0 && v <= 1 + 1e-15);
        ok &&= Math.abs(fit.fitness.reduce((s, v) => s + v, 0) / fit.fitness.length - 1) < 1e-12;
        return ok;
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('ECI is the mean PCI of a region’s products under the py-ecomplexity standardisation', () => {
    fc.assert(
      fc.property(presenceArb, (presence) => {
        const { eci, pci } = economicComplexity(presence);
        fc.pre(!Number.isNaN(eci[0]));
        const nP = presence.products.length;
        return presence.regions.every((_, c) => {
          let s = 0;
          for (let p = 0; p < nP; p++) if (presence.mcp[c * nP + p] === 1) s += pci[p] as number;
          return Math.abs(s / (presence.diversity[c] as number) - (eci[c] as number)) < 1e-9;
        });
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
