import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  haversineKm,
  inverseDistanceWeights,
  knnWeights,
  parseGal,
  queenContiguity,
  spatialLag,
  transformWeights,
  weightSums,
  type PolygonFeature,
} from '../../../src/methods/spatial/index.js';
import { fixtureText } from './fixtures.js';

const neighboursOf = (w: { ids: readonly string[]; offsets: Int32Array; neighbors: Int32Array }, id: string): string[] => {
  const i = w.ids.indexOf(id);
  return [...w.neighbors.slice(w.offsets[i], w.offsets[i + 1])].map((j) => w.ids[j] as string).sort();
};
const square = (id: string, x: number, y: number, size = 1): PolygonFeature => ({
  id,
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
});

describe('GAL weights', () => {
  test('reads a GAL file in file order, with 1-based, 0-based and FIPS ids alike', () => {
    const stl = parseGal(fixtureText('pysal/stl/stl.gal'));
    expect(stl.n).toBe(78);
    expect(neighboursOf(stl, '1')).toEqual(['3', '6', '7']);
    const us = parseGal(fixtureText('pysal/us_income/states48.gal'));
    expect(us.ids[0]).toBe('0');
    expect(neighboursOf(us, '0')).toEqual(['21', '39', '7', '8']);
    const sids = parseGal(fixtureText('pysal/sids2/sids2.gal'));
    expect(sids.ids.slice(0, 2)).toEqual(['37009', '37005']);
  });

  test('row standardisation makes every row sum to 1; binary sets links to 1', () => {
    const w = transformWeights(parseGal(fixtureText('pysal/columbus/columbus.gal')), 'row');
    expect(weightSums(w).s0).toBeCloseTo(49, 12);
    const b = transformWeights(w, 'binary');
    expect(Array.from(b.weights).every((v) => v === 1)).toBe(true);
  });

  test('keeps islands with an empty row and a zero lag', () => {
    const w = transformWeights(parseGal('3\n1 1\n2\n2 1\n1\n3 0\n\n'), 'row');
    expect(w.islands).toEqual([2]);
    expect(Array.from(spatialLag(w, [1, 2, 3]))).toEqual([2, 1, 0]);
  });

  test('rejects malformed files with spatial.gal_invalid naming the line', () => {
    expect(() => parseGal('2\n1 2\n2\n2 1\n1\n')).toThrowError(expect.objectContaining({ code: 'spatial.gal_invalid' }) as Error);
    expect(() => parseGal('2\n1 1\n9\n2 1\n1\n')).toThrowError(expect.objectContaining({ code: 'spatial.gal_invalid' }) as Error);
    expect(() => parseGal('')).toThrowError(expect.objectContaining({ code: 'spatial.gal_invalid' }) as Error);
  });
});

describe('queen contiguity from polygons', () => {
  const grid = [square('a', 0, 0), square('b', 1, 0), square('c', 0, 1), square('d', 1, 1), square('island', 5, 5)];

  test('links polygons sharing an edge or only a corner, and reports islands', () => {
    const { weights, islands } = queenContiguity(grid);
    expect(neighboursOf(weights, 'a')).toEqual(['b', 'c', 'd']);
    expect(islands).toEqual(['island']);
    expect(weights.islands).toEqual([4]);
  });

  test('links a polygon whose vertex lies on a neighbour’s edge (no shared vertex)', () => {
    const big = square('big', 0, 0, 2);
    const small = square('small', 2, 0.5, 1); // touches big's right edge at mid-height
    expect(neighboursOf(queenContiguity([big, small]).weights, 'big')).toEqual(['small']);
    expect(queenContiguity([big, small], { edges: false }).islands).toEqual(['big', 'small']);
  });

  test('matches boundaries within the tolerance only', () => {
    const a = square('a', 0, 0);
    const b = square('b', 1.0004, 0);
    expect(queenContiguity([a, b]).islands).toEqual(['a', 'b']);
    expect(queenContiguity([a, b], { tolerance: 1e-3 }).islands).toEqual([]);
  });

  test('links islands to their k nearest units when asked', () => {
    const { weights, islands } = queenContiguity(grid, { islandNeighbors: 1 });
    expect(islands).toEqual(['island']);
    expect(neighboursOf(weights, 'island')).toEqual(['d']);
    expect(neighboursOf(weights, 'd')).toContain('island');
  });

  test('finds Hainan and Taiwan as islands among the bundled Chinese provinces, Guangdong bordering Guangxi', () => {
    const gj = JSON.parse(readFileSync(new URL('../../../data/bundled/geo/china_provinces.geojson', import.meta.url), 'utf8')) as { features: PolygonFeature[] };
    const { weights, islands } = queenContiguity(gj.features, { idProperty: 'code', tolerance: 1e-3 });
    expect([...islands].sort()).toEqual(['460000', '710000']);
    expect(neighboursOf(weights, '440000')).toContain('450000');
  });

  test('rejects non-polygon geometry with spatial.geometry_invalid', () => {
    const bad = { id: 'p', geometry: null } as PolygonFeature;
    expect(() => queenContiguity([bad])).toThrowError(expect.objectContaining({ code: 'spatial.geometry_invalid' }) as Error);
  });
});

describe('distance weights', () => {
  test('haversine gives one degree of latitude ≈ 111.195 km and Beijing–Shanghai ≈ 1068 km', () => {
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo((6371.0088 * Math.PI) / 180, 9);
    expect(Math.abs(haversineKm(116.4074, 39.9042, 121.4737, 31.2304) - 1068)).toBeLessThan(5);
  });

  test('inverse-distance weights are d^(−power) within the cut-off', () => {
    const ids = ['o', 'n1', 'n5'];
    const lon = [0, 0, 0];
    const lat = [0, 1, 5];
    const w = inverseDistanceWeights(ids, lon, lat, { power: 2, cutoffKm: 200 });
    expect(neighboursOf(w, 'o')).toEqual(['n1']);
    expect(w.weights[0]).toBeCloseTo(haversineKm(0, 0, 0, 1) ** -2, 15);
    expect(w.islands).toEqual([2]);
    expect(inverseDistanceWeights(ids, lon, lat).neighbors.length).toBe(6);
  });

  test('k-nearest neighbours picks the closest units', () => {
    const w = knnWeights(['a', 'b', 'c', 'd'], [0, 0, 0, 0], [0, 1, 3, 10], 1);
    expect(neighboursOf(w, 'c')).toEqual(['b']);
    expect(() => knnWeights(['a', 'b'], [0, 0], [0, 1], 2)).toThrowError(expect.objectContaining({ code: 'disparity.option_invalid' }) as Error);
  });
});
