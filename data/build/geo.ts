/**
 * Builds the default base map `geo/china_provinces.geojson` from ECharts 4.9's China province outlines.
 * The deployer can replace it (FTZLAB_BASEMAP); nothing here changes a boundary.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { readRegions } from './regions.js';

const SRC_GEO = 'geo.echarts_china';
const SOURCE_FILE = 'china_provinces_echarts4_decoded.geojson';
/** Taiwan, Hong Kong, Macao: kept as in the source, outside regions.csv. */
const OUTSIDE_REGIONS = new Set(['710000', '810000', '820000']);
/**
 * ECharts stores coordinates quantised to 1/1024 degree (about 100 m); 4 decimals (about 10 m) keep every
 * vertex within 1/20 of that step.
 */
const DECIMALS = 4;

type Position = number[];
interface Geometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly coordinates: Position[][] | Position[][][];
}
interface Feature {
  readonly type: 'Feature';
  readonly id?: string | number;
  readonly properties: Record<string, unknown>;
  readonly geometry: Geometry;
}
interface FeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: Feature[];
}

function loadSourceIds(dir: string): Set<string> {
  const records = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[];
  return new Set(records.map((r) => r.id));
}

function roundCoords(c: unknown, factor: number, stats: { maxShift: number }): unknown {
  if (Array.isArray(c) && typeof c[0] === 'number') {
    return (c as number[]).map((x) => {
      const r = Math.round(x * factor) / factor;
      stats.maxShift = Math.max(stats.maxShift, Math.abs(r - x));
      return r;
    });
  }
  if (Array.isArray(c)) return c.map((x) => roundCoords(x, factor, stats));
  throw new Error('unexpected coordinate structure');
}

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'geo');
  if (!loadSourceIds(dir).has(SRC_GEO)) throw new Error(`geo/sources.json lacks ${SRC_GEO}`);
  const provinces = new Map(readRegions(ctx.bundledDir).filter((r) => r.level === 'province').map((r) => [r.code, r]));
  if (provinces.size !== 31) throw new Error('regions.csv must be built first');

  const srcPath = join(dir, SOURCE_FILE);
  const src = JSON.parse(readFileSync(srcPath, 'utf8')) as FeatureCollection;
  if (src.type !== 'FeatureCollection') throw new Error('source is not a FeatureCollection');

  const factor = 10 ** DECIMALS;
  const stats = { maxShift: 0 };
  const seen = new Set<string>();
  const features: Feature[] = src.features.map((f) => {
    const p = f.properties;
    const code = String(p['id'] ?? f.id ?? '');
    const name = p['name'];
    const cp = p['cp'];
    if (!/^\d{6}$/.test(code)) throw new Error(`feature without a GB/T 2260 id: ${JSON.stringify(p)}`);
    if (seen.has(code)) throw new Error(`duplicate feature ${code}`);
    seen.add(code);
    if (typeof name !== 'string' || !Array.isArray(cp) || cp.length !== 2) throw new Error(`feature ${code} lacks name or cp`);
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') throw new Error(`feature ${code}: ${f.geometry.type}`);
    const region = provinces.get(code);
    const properties: Record<string, unknown> = { code, name };
    if (region !== undefined) {
      // The ECharts name must be the same province as the code says.
      if (region.shortZh !== name) throw new Error(`feature ${code} is named ${name}, regions.csv says ${region.shortZh}`);
      properties['name_en'] = region.nameEn;
    } else if (!OUTSIDE_REGIONS.has(code)) {
      throw new Error(`feature ${code} ${name} is neither a province of regions.csv nor TW/HK/MO`);
    }
    // cp is the label/marker anchor ECharts drew for the province; kept at its source precision.
    properties['cp'] = cp;
    return {
      type: 'Feature',
      id: code,
      properties,
      geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates, factor, stats) as Position[][] },
    };
  });
  const missing = [...provinces.keys()].filter((c) => !seen.has(c));
  if (missing.length > 0) throw new Error(`provinces without a feature: ${missing.join(', ')}`);

  const out: FeatureCollection = { type: 'FeatureCollection', features };
  const outPath = join(ctx.bundledDir, 'geo', 'china_provinces.geojson');
  mkdirSync(dirname(outPath), { recursive: true });
  const json = JSON.stringify(out);
  writeFileSync(outPath, json + '\n', 'utf8');
  const before = statSync(srcPath).size;
  ctx.log(`geo: ${features.length} features (31 provinces with name_en; ${[...OUTSIDE_REGIONS].join(', ')} kept as in the ` +
    `source without name_en); coordinates rounded to ${DECIMALS} decimals (largest shift ${stats.maxShift.toExponential(2)}°, ` +
    `source step 1/1024° ≈ 9.8e-4°): ${before} → ${Buffer.byteLength(json) + 1} bytes`);
  return [{ name: 'geo.china_provinces', file: 'geo/china_provinces.geojson', rows: features.length, sources: [SRC_GEO] }];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const tables = await build({
    sourcesDir: join(dataDir, 'sources'),
    bundledDir: join(dataDir, 'bundled'),
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stderr.write(`${JSON.stringify(tables)}\n`);
}
