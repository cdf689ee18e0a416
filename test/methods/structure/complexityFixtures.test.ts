import { describe, expect, it } from 'vitest';
import type { Presence } from '../../../src/methods/structure/index.js';
import {
  complexityMatrix, complexityOutlook, economicComplexity, presenceFromBinary, productProximity, rcaPresence, reflectionIterates,
  relatednessDensity,
} from '../../../src/methods/structure/index.js';
import { fixtureText, maxScaledDiff, readCsv, readLong, readRecords } from './complexityFixtures.js';

const TOL = 1e-8;

/** Every py-ecomplexity output column of a long fixture, computed here and compared row by row. */
function ecomplexityColumns(presence: Presence, records: Record<string, string>[], loc: string, prod: string) {
  const nP = presence.products.length;
  const ri = new Map(presence.regions.map((c, i) => [c, i]));
  const pj = new Map(presence.products.map((p, j) => [p, j]));
  const eci = economicComplexity(presence);
  const phi = productProximity(presence);
  const density = relatednessDensity(presence, phi);
  const outlook = complexityOutlook(presence, phi, eci, { density });
  const rows = records.map((r) => ({ r, c: ri.get(r[loc] ?? '') as number, p: pj.get(r[prod] ?? '') as number }));
  const column = (name: string, ours: (c: number, p: number) => number): number =>
    maxScaledDiff(rows.map(({ r, c, p }): [number, number] => [ours(c, p), Number(r[name])]));
  return {
    eci,
    diff: {
      diversity: column('diversity', (c) => presence.diversity[c] as number),
      ubiquity: column('ubiquity', (_, p) => presence.ubiquity[p] as number),
      mcp: column('mcp', (c, p) => presence.mcp[c * nP + p] as number),
      eci: column('eci', (c) => eci.eci[c] as number),
      pci: column('pci', (_, p) => eci.pci[p] as number),
      density: column('density', (c, p) => density[c * nP + p] as number),
      coi: column('coi', (c) => outlook.coi[c] as number),
      cog: column('cog', (c, p) => outlook.cog[c * nP + p] as number),
    },
  };
}

describe('Hidalgo–Hausmann 2009 4 × 4 toy (py-ecomplexity, presence_test="manual")', () => {
  const long = readLong('fixture_hh2009toy_pyecomplexity_manual.csv', ['loc', 'prod', 'val']);
  const presence = presenceFromBinary(complexityMatrix(long));

  it('reproduces diversity, ubiquity, ECI, PCI, density, COI and COG in all 16 rows to 1e-8', () => {
    const { diff, eci } = ecomplexityColumns(presence, readRecords('fixture_hh2009toy_pyecomplexity_manual.csv'), 'loc', 'prod');
    for (const [name, d] of Object.entries(diff)) expect(d, name).toBeLessThan(TOL);
    expect(eci.identified).toBe(true);
  });

  it("reproduces EconGeo's method of reflections MORc at steps 0, 1, 2 and (min–max scaled to 0–100) 20", () => {
    const text = fixtureText('econgeo_v1.3_examples_output.txt');
    const block = text.slice(text.indexOf('## MORc(hh)'), text.indexOf('## co-occurrence'));
    const numbers = block.split('\n').filter((l) => /^\s*[\d.]/.test(l)).map((l) => l.trim().split(/\s+/).map(Number));
    expect(numbers).toHaveLength(4);
    const iterates = reflectionIterates(presence, 20).regions;
    const [s0, s1, s2, s20] = numbers as [number[], number[], number[], number[]];
    expect(maxScaledDiff(Array.from(iterates[0] as Float64Array, (v, c): [number, number] => [v, s0[c] as number]))).toBe(0);
    expect(maxScaledDiff(Array.from(iterates[1] as Float64Array, (v, c): [number, number] => [v, s1[c] as number]))).toBe(0);
    expect(maxScaledDiff(Array.from(iterates[2] as Float64Array, (v, c): [number, number] => [v, s2[c] as number]))).toBeLessThan(1e-9);
    const k20 = iterates[20] as Float64Array;
    const lo = Math.min(...k20);
    const hi = Math.max(...k20);
    // EconGeo prints 9 significant digits; step 20 is a difference of nearly equal numbers (k_c,20 ≈ 2.7500)
    expect(maxScaledDiff(Array.from(k20, (v, c): [number, number] => [(100 * (v - lo)) / (hi - lo), s20[c] as number]))).toBeLessThan(1e-6);
  });
});

describe('RCEP-15 at SITC-2, 2000 (py-ecomplexity, presence_test="rca")', () => {
  const records = readRecords('fixture_rcep15_sitc2_2000_pyecomplexity.csv');
  const trade = complexityMatrix(readLong('fixture_rcep15_sitc2_2000_pyecomplexity.csv', ['country', 'sitc2', 'value']));
  const presence = rcaPresence(trade);

  it('has 15 countries × 69 products, solved on the 15-country side', () => {
    expect([presence.regions.length, presence.products.length]).toEqual([15, 69]);
    expect(records).toHaveLength(15 * 69);
  });

  it('reproduces RCA, Mcp, diversity, ubiquity, ECI, PCI, density, COI and COG in all 1,035 rows to 1e-8', () => {
    const { diff } = ecomplexityColumns(presence, records, 'country', 'sitc2');
    for (const [name, d] of Object.entries(diff)) expect(d, name).toBeLessThan(TOL);
    const nP = presence.products.length;
    const ri = new Map(presence.regions.map((c, i) => [c, i]));
    const pj = new Map(presence.products.map((p, j) => [p, j]));
    const rca = records.map((r): [number, number] => [presence.rca[(ri.get(r.country ?? '') as number) * nP + (pj.get(r.sitc2 ?? '') as number)] as number, Number(r.rca)]);
    expect(maxScaledDiff(rca)).toBeLessThan(TOL);
  });
});

describe("EconGeo's 5 × 5 example (py-ecomplexity on EconGeo's matrix)", () => {
  const records = readRecords('fixture_econgeo5x5_pyecomplexity_rca.csv');
  const presence = rcaPresence(complexityMatrix(readLong('fixture_econgeo5x5_pyecomplexity_rca.csv', ['loc', 'prod', 'val'])));
  const nP = presence.products.length;
  const ri = new Map(presence.regions.map((c, i) => [c, i]));
  const pj = new Map(presence.products.map((p, j) => [p, j]));
  const cell = (r: Record<string, string>): number => (ri.get(r.loc ?? '') as number) * nP + (pj.get(r.prod ?? '') as number);

  it('RCA, Mcp, diversity, ubiquity and density match in all 25 rows', () => {
    const density = relatednessDensity(presence, productProximity(presence));
    expect(maxScaledDiff(records.map((r): [number, number] => [presence.rca[cell(r)] as number, Number(r.rca)]))).toBeLessThan(TOL);
    expect(records.every((r) => presence.mcp[cell(r)] === Number(r.mcp))).toBe(true);
    expect(records.every((r) => presence.diversity[ri.get(r.loc ?? '') as number] === Number(r.diversity))).toBe(true);
    expect(maxScaledDiff(records.map((r): [number, number] => [density[cell(r)] as number, Number(r.density)]))).toBeLessThan(TOL);
  });

  it('RCA agrees with the LQ/RCA table EconGeo 1.3 prints (2 decimals)', () => {
    const text = fixtureText('econgeo_v1.3_examples_output.txt');
    const block = text.slice(text.indexOf('## RCA (rounded 2dp)'), text.indexOf('## Krugman'));
    const rows = block.split('\n').filter((l) => /^R\d/.test(l)).map((l) => l.trim().split(/\s+/).slice(1).map(Number));
    expect(rows).toHaveLength(5);
    rows.forEach((row, c) => row.forEach((v, p) => expect(Math.abs((presence.rca[c * nP + p] as number) - v)).toBeLessThanOrEqual(0.005)));
  });

  it('proximity matches py-ecomplexity for all 20 off-diagonal pairs', () => {
    const phi = productProximity(presence);
    const { rows } = readCsv('fixture_econgeo5x5_pyecomplexity_proximity.csv');
    expect(rows).toHaveLength(20);
    expect(maxScaledDiff(rows.map((r): [number, number] => [phi[(pj.get(r[1] ?? '') as number) * nP + (pj.get(r[2] ?? '') as number)] as number, Number(r[3])]))).toBeLessThan(TOL);
  });

  // R1 alone has I1 and nobody else does: the network has two components, λ2 = λ1 = 1, and the "second"
  // eigenvector is any vector of a 2-dimensional eigenspace. py-ecomplexity's PCI, COI (NaN) and COG here
  // follow LAPACK's choice of basis, so they are not compared; every non-constant vector of that eigenspace
  // standardises to the same ECI, which is.
  it('flags the disconnected network as not identified; ECI still separates the components (−2 vs 0.5)', () => {
    const eci = economicComplexity(presence);
    expect(eci.identified).toBe(false);
    expect(eci.eigenvalues[1]).toBeCloseTo(1, 12);
    expect(maxScaledDiff(records.map((r): [number, number] => [eci.eci[ri.get(r.loc ?? '') as number] as number, Number(r.eci)]))).toBeLessThan(TOL);
  });
});
