/**
 * Builds the CO2 tables from the CEADs inventories: provincial totals and 47 IPCC sectors for 30 provinces,
 * 1997–2019 (one workbook per year, one sheet per province), and city totals for up to 290 cities.
 * Outputs `indicators/ceads.csv`, `observations/ceads_province.csv`, `observations/ceads_city.csv`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';
import type { RegionRow } from './regions.js';
import { readRegions } from './regions.js';

const SRC_PROVINCES = 'ceads.provinces';
const SRC_CITIES = 'ceads.cities';
const SRC_PROVINCE_LONG = 'ceads.province_long';
const SRC_OPENCLIMATE = 'ceads.openclimate';

/**
 * The 47 sectors in workbook order. English: the workbook row labels (checked against every sheet). Chinese: the
 * workbooks carry none; these are the sector names of 《中国能源统计年鉴》's by-sector energy consumption table,
 * the classification CEADs follows (Shan et al. 2018), and are flagged as our labels in the indicator note.
 */
const SECTORS: readonly (readonly [en: string, zh: string])[] = [
  ['Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy', '农、林、牧、渔、水利业'],
  ['Coal Mining and Dressing', '煤炭开采和洗选业'],
  ['Petroleum and Natural Gas Extraction', '石油和天然气开采业'],
  ['Ferrous Metals Mining and Dressing', '黑色金属矿采选业'],
  ['Nonferrous Metals Mining and Dressing', '有色金属矿采选业'],
  ['Nonmetal Minerals Mining and Dressing', '非金属矿采选业'],
  ['Other Minerals Mining and Dressing', '其他采矿业'],
  ['Logging and Transport of Wood and Bamboo', '木材及竹材采运业'],
  ['Food Processing', '农副食品加工业'],
  ['Food Production', '食品制造业'],
  ['Beverage Production', '饮料制造业'],
  ['Tobacco Processing', '烟草制品业'],
  ['Textile Industry', '纺织业'],
  ['Garments and Other Fiber Products', '纺织服装、鞋、帽制造业'],
  ['Leather, Furs, Down and Related Products', '皮革、毛皮、羽毛（绒）及其制品业'],
  ['Timber Processing, Bamboo, Cane, Palm Fiber & Straw Products', '木材加工及木、竹、藤、棕、草制品业'],
  ['Furniture Manufacturing', '家具制造业'],
  ['Papermaking and Paper Products', '造纸及纸制品业'],
  ['Printing and Record Medium Reproduction', '印刷业和记录媒介的复制'],
  ['Cultural, Educational and Sports Articles', '文教体育用品制造业'],
  ['Petroleum Processing and Coking', '石油加工、炼焦及核燃料加工业'],
  ['Raw Chemical Materials and Chemical Products', '化学原料及化学制品制造业'],
  ['Medical and Pharmaceutical Products', '医药制造业'],
  ['Chemical Fiber', '化学纤维制造业'],
  ['Rubber Products', '橡胶制品业'],
  ['Plastic Products', '塑料制品业'],
  ['Nonmetal Mineral Products', '非金属矿物制品业'],
  ['Smelting and Pressing of Ferrous Metals', '黑色金属冶炼及压延加工业'],
  ['Smelting and Pressing of Nonferrous Metals', '有色金属冶炼及压延加工业'],
  ['Metal Products', '金属制品业'],
  ['Ordinary Machinery', '通用设备制造业'],
  ['Equipment for Special Purposes', '专用设备制造业'],
  ['Transportation Equipment', '交通运输设备制造业'],
  ['Electric Equipment and Machinery', '电气机械及器材制造业'],
  ['Electronic and Telecommunications Equipment', '通信设备、计算机及其他电子设备制造业'],
  ['Instruments, Meters, Cultural and Office Machinery', '仪器仪表及文化、办公用机械制造业'],
  ['Other Manufacturing Industry', '工艺品及其他制造业'],
  ['Scrap and waste', '废弃资源和废旧材料回收加工业'],
  ['Production and Supply of Electric Power, Steam and Hot Water', '电力、热力的生产和供应业'],
  ['Production and Supply of Gas', '燃气生产和供应业'],
  ['Production and Supply of Tap Water', '水的生产和供应业'],
  ['Construction', '建筑业'],
  ['Transportation, Storage, Post and Telecommunication Services', '交通运输、仓储和邮政业'],
  ['Wholesale, Retail Trade and Catering Services', '批发、零售业和住宿、餐饮业'],
  ['Others', '其他行业'],
  ['Urban', '城镇生活消费'],
  ['Rural', '乡村生活消费'],
];

/** ISO 3166-2:CN subdivision letters used by OpenClimate's actor ids (CN-AH …), to GB/T 2260. */
const ISO_TO_GB: Readonly<Record<string, string>> = {
  BJ: '110000', TJ: '120000', HE: '130000', SX: '140000', NM: '150000', LN: '210000', JL: '220000', HL: '230000',
  SH: '310000', JS: '320000', ZJ: '330000', AH: '340000', FJ: '350000', JX: '360000', SD: '370000', HA: '410000',
  HB: '420000', HN: '430000', GD: '440000', GX: '450000', HI: '460000', CQ: '500000', SC: '510000', GZ: '520000',
  YN: '530000', XZ: '540000', SN: '610000', GS: '620000', QH: '630000', NX: '640000', XJ: '650000',
};

const FIRST_YEAR = 1997;
const LAST_YEAR = 2019;
const REL_TOL = 1e-6;

type Cell = ExcelJS.CellValue;

/** Numeric content of a cell: plain numbers, or the cached result of a formula; blank stays undefined. */
function num(v: Cell): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  throw new Error(`non-numeric cell ${JSON.stringify(v)}`);
}

function text(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

/** Header labels differ between vintages only in `_` versus space and one `CleanedCoal`. */
function normHeader(s: string): string {
  return s.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase().replace('cleanedcoal', 'cleaned coal');
}

function loadSourceIds(dir: string): Set<string> {
  const records = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[];
  return new Set(records.map((r) => r.id));
}

function sectorCode(i: number): string {
  return `co2_sector_${String(i + 1).padStart(2, '0')}`;
}

interface CityMatch {
  readonly code: string;
  readonly rule: string;
}

/**
 * Maps a CEADs city label (province short name + city short name, or a municipality alone) to a region code.
 * Only deterministic rules; every non-exact one is logged so a reader can audit it.
 */
function mapCity(label: string, provinces: readonly RegionRow[], prefectures: readonly RegionRow[]): CityMatch | undefined {
  const prov = [...provinces].sort((a, b) => b.shortZh.length - a.shortZh.length).find((p) => label.startsWith(p.shortZh));
  if (prov === undefined) return undefined;
  const rest = label.slice(prov.shortZh.length);
  if (rest === '') return { code: prov.code, rule: 'municipality: the whole province-level city' };
  const inProv = prefectures.filter((p) => p.parent === prov.code);
  const exact = inProv.filter((p) => p.nameZh === rest);
  if (exact.length === 1 && exact[0] !== undefined) return { code: exact[0].code, rule: 'exact' };
  for (const suffix of ['市', '地区', '盟']) {
    const hit = inProv.filter((p) => p.nameZh === rest + suffix);
    if (hit.length === 1 && hit[0] !== undefined) return { code: hit[0].code, rule: `name + ${suffix}` };
  }
  // Autonomous prefectures: 大理 → 大理白族自治州; 恩施州 → 恩施土家族苗族自治州.
  const stem = rest.endsWith('州') ? rest.slice(0, -1) : rest;
  const auto = inProv.filter((p) => p.nameZh.startsWith(stem) && p.nameZh.endsWith('自治州'));
  if (auto.length === 1 && auto[0] !== undefined) return { code: auto[0].code, rule: `autonomous prefecture ${auto[0].nameZh}` };
  return undefined;
}

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'ceads');
  const ids = loadSourceIds(dir);
  for (const id of [SRC_PROVINCES, SRC_CITIES, SRC_PROVINCE_LONG, SRC_OPENCLIMATE]) {
    if (!ids.has(id)) throw new Error(`ceads/sources.json lacks ${id}`);
  }
  const regions = readRegions(ctx.bundledDir);
  const provinces = regions.filter((r) => r.level === 'province');
  const prefectures = regions.filter((r) => r.level === 'prefecture');
  if (provinces.length !== 31) throw new Error('regions.csv must be built first');
  const provByEn = new Map(provinces.map((p) => [p.nameEn.replace(/\s+/g, ''), p.code]));

  // ---- provinces: one workbook per year ----
  const files = readdirSync(join(dir, 'raw')).filter((f) => /^china_provinces__.*_(\d{4})\.xlsx$/i.test(f)).sort();
  if (files.length !== LAST_YEAR - FIRST_YEAR + 1) throw new Error(`expected 23 provincial workbooks, found ${files.length}`);
  const provRows: (string | number)[][] = [];
  const totals = new Map<string, number>();
  let sumChecks = 0;
  let worstRel = 0;
  let scope2NonZero = 0;
  let rowSumWorst = 0;
  let blanks = 0;
  for (const f of files) {
    const year = Number(/_(\d{4})\.xlsx$/.exec(f)?.[1]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'raw', f));
    const sheets = wb.worksheets.filter((ws) => ws.name !== 'NOTE');
    if (sheets.length !== 30) throw new Error(`${f}: ${sheets.length} province sheets`);
    for (const ws of sheets) {
      const m = /^([A-Za-z]+)(\d{4})$/.exec(ws.name);
      if (m === null || Number(m[2]) !== year) throw new Error(`${f}: unexpected sheet ${ws.name}`);
      const region = provByEn.get(m[1] ?? '');
      if (region === undefined) throw new Error(`${f}: unknown province ${m[1]}`);
      const header: string[] = [];
      ws.getRow(1).eachCell({ includeEmpty: true }, (c, i) => {
        header[i] = normHeader(text(c.value));
      });
      const colTotal = header.indexOf('scope 1 total');
      const colProcess = header.indexOf('process');
      const colsScope2 = [header.indexOf('scope 2 heat'), header.indexOf('scope 2 electricity')];
      if (colTotal < 0 || colProcess < 0 || colsScope2.some((c) => c < 0)) throw new Error(`${f} ${ws.name}: header ${header.join('|')}`);
      // Scope 1 = the 17 fuels + other energy + process, i.e. every column between the label and the total except scope 2.
      const scope1Cols = header.map((_, i) => i).filter((i) => i >= 2 && i < colTotal && !colsScope2.includes(i));
      const totalLabel = text(ws.getRow(4).getCell(1).value).replace(/\s+/g, '').toLowerCase();
      if (totalLabel !== 'totalconsumption' && totalLabel !== 'totalemissions') throw new Error(`${f} ${ws.name}: row 4 is ${totalLabel}`);
      const total = num(ws.getRow(4).getCell(colTotal).value);
      if (total === undefined) throw new Error(`${f} ${ws.name}: blank total`);
      let sum = 0;
      SECTORS.forEach(([en], i) => {
        const row = ws.getRow(5 + i);
        const label = text(row.getCell(1).value).replace(/\s+/g, ' ').trim();
        if (label !== en) throw new Error(`${f} ${ws.name}: row ${5 + i} is ${JSON.stringify(label)}, expected ${en}`);
        for (const c of colsScope2) if ((num(row.getCell(c).value) ?? 0) !== 0) scope2NonZero++;
        const value = num(row.getCell(colTotal).value);
        if (value === undefined) {
          blanks++;
          return;
        }
        const parts = scope1Cols.reduce((a, c) => a + (num(row.getCell(c).value) ?? 0), 0);
        rowSumWorst = Math.max(rowSumWorst, Math.abs(parts - value));
        sum += value;
        provRows.push([region, year, sectorCode(i), value, SRC_PROVINCES, '']);
      });
      const rel = Math.abs(sum - total) / Math.max(Math.abs(total), 1e-12);
      worstRel = Math.max(worstRel, rel);
      if (rel > REL_TOL) throw new Error(`${f} ${ws.name}: total ${total} ≠ Σ sectors ${sum} (rel ${rel})`);
      sumChecks++;
      totals.set(`${region}|${year}`, total);
      provRows.push([region, year, 'co2_total', total, SRC_PROVINCES, '']);
    }
  }
  ctx.log(`ceads: ${files.length} provincial workbooks, ${sumChecks} province-years; total = Σ 47 sectors in every ` +
    `sheet (worst relative difference ${worstRel.toExponential(2)}); each sector's Scope 1 Total = Σ its fuel and ` +
    `process columns (worst absolute difference ${rowSumWorst.toExponential(2)} Mt); non-zero scope-2 cells: ` +
    `${scope2NonZero}; blank sector totals: ${blanks}`);
  const provCodes = new Set([...totals.keys()].map((k) => k.split('|')[0]));
  const absent = provinces.filter((p) => !provCodes.has(p.code)).map((p) => `${p.code} ${p.nameEn}`);
  ctx.log(`ceads: ${provCodes.size} provinces × ${FIRST_YEAR}–${LAST_YEAR}; not in CEADs: ${absent.join(', ')}`);

  // ---- cross-checks of the totals ----
  let longOk = 0;
  const longOff: string[] = [];
  for (const r of readCsvObjects(join(dir, 'ceads_province_co2_1997_2019_long.csv'))) {
    const region = provByEn.get(r['province'] ?? '');
    const ours = totals.get(`${region}|${r['year']}`);
    const theirs = Number(r['co2_total_mt']);
    if (ours !== undefined && Math.abs(ours - theirs) <= REL_TOL * Math.abs(theirs)) longOk++;
    else longOff.push(`${r['province']} ${r['year']}: ${ours} vs ${theirs}`);
  }
  ctx.log(`ceads: totals vs ceads_province_co2_1997_2019_long.csv: ${longOk} agree` +
    (longOff.length > 0 ? `, ${longOff.length} differ: ${longOff.join('; ')}` : ' (all)'));
  let ocOk = 0;
  const ocOff: string[] = [];
  for (const r of readCsvObjects(join(dir, 'openclimate_EmissionsAgg.csv'))) {
    const region = ISO_TO_GB[(r['actor_id'] ?? '').replace(/^CN-/, '')];
    const ours = totals.get(`${region}|${r['year']}`);
    const theirs = Number(r['total_emissions']);
    // OpenClimate stores whole tonnes, truncated rather than rounded.
    if (ours !== undefined && Math.abs(ours * 1e6 - theirs) < 1) ocOk++;
    else ocOff.push(`${r['actor_id']} ${r['year']}: ${ours} Mt vs ${theirs} t`);
  }
  const anhui2019 = totals.get('340000|2019');
  ctx.log(`ceads: totals vs OpenClimate EmissionsAgg (whole tonnes, truncated): ${ocOk} agree within 1 t` +
    (ocOff.length > 0 ? `, ${ocOff.length} differ: ${ocOff.slice(0, 10).join('; ')}` : ' (all)') +
    `; Anhui 2019 = ${anhui2019} Mt`);
  if (longOff.length > 0 || ocOff.length > 0) throw new Error('provincial totals disagree with the extracted series');

  // ---- cities ----
  const cityFile = readdirSync(join(dir, 'raw')).find((f) => f.startsWith('china_cities__'));
  if (cityFile === undefined) throw new Error('city workbook missing');
  const cwb = new ExcelJS.Workbook();
  await cwb.xlsx.readFile(join(dir, 'raw', cityFile));
  const vec = cwb.getWorksheet('emission vector');
  const mat = cwb.getWorksheet('emission matrix');
  if (vec === undefined || mat === undefined) throw new Error('city workbook lacks its sheets');
  const cityValues = new Map<string, number>();
  vec.eachRow((row, i) => {
    if (i === 1) return;
    const city = text(row.getCell(2).value).trim();
    const year = num(row.getCell(3).value);
    const value = num(row.getCell(4).value);
    if (year === undefined || value === undefined || city === '') throw new Error(`emission vector row ${i} incomplete`);
    const k = `${city}|${year}`;
    if (cityValues.has(k)) throw new Error(`duplicate city-year ${k}`);
    cityValues.set(k, value);
  });
  // The matrix sheet and the extracted long CSV must hold exactly the same numbers.
  const matHeader: string[] = [];
  mat.getRow(1).eachCell({ includeEmpty: true }, (c, i) => {
    matHeader[i] = text(c.value);
  });
  let matCells = 0;
  mat.eachRow((row, i) => {
    if (i === 1) return;
    const city = text(row.getCell(1).value).trim();
    if (matHeader[1] !== 'city') throw new Error('emission matrix: first column is not city');
    for (let c = 2; c < matHeader.length; c++) {
      const value = num(row.getCell(c).value);
      if (value === undefined) continue;
      matCells++;
      if (cityValues.get(`${city}|${matHeader[c]}`) !== value) throw new Error(`matrix ${city} ${matHeader[c]} ≠ vector`);
    }
  });
  const longCity = readCsvObjects(join(dir, 'ceads_city_co2_1997_2019_long.csv'));
  for (const r of longCity) {
    if (cityValues.get(`${r['city']}|${r['year']}`) !== Number(r['emission'])) throw new Error(`long CSV ${r['city']} ${r['year']} ≠ workbook`);
  }
  if (matCells !== cityValues.size || longCity.length !== cityValues.size) {
    throw new Error(`city counts differ: vector ${cityValues.size}, matrix ${matCells}, long CSV ${longCity.length}`);
  }
  ctx.log(`ceads: city workbook ${cityValues.size} city-years; the matrix sheet and ceads_city_co2_1997_2019_long.csv agree cell for cell`);

  const labels = [...new Set([...cityValues.keys()].map((k) => k.split('|')[0] ?? ''))].sort();
  const mapping = new Map<string, CityMatch>();
  const unmapped: string[] = [];
  const ruleLog: string[] = [];
  for (const label of labels) {
    const m = mapCity(label, provinces, prefectures);
    if (m === undefined) unmapped.push(label);
    else {
      mapping.set(label, m);
      if (m.rule !== 'exact') ruleLog.push(`${label}→${m.code} (${m.rule})`);
    }
  }
  const taken = new Map<string, string>();
  for (const [label, m] of mapping) {
    const other = taken.get(m.code);
    if (other !== undefined) throw new Error(`${label} and ${other} both map to ${m.code}`);
    taken.set(m.code, label);
  }
  const byRule = new Map<string, number>();
  for (const m of mapping.values()) {
    const rule = m.rule.startsWith('autonomous') ? 'autonomous prefecture' : m.rule;
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  ctx.log(`ceads: ${labels.length} city labels, ${mapping.size} mapped by rule ${JSON.stringify(Object.fromEntries(byRule))}; ` +
    `beyond name + 市: ${ruleLog.filter((r) => !r.endsWith('(name + 市)')).join(', ')}`);
  ctx.log(`ceads: UNMAPPED city labels (not shipped, not guessed): ${unmapped.join(', ')} — ` +
    `${[...cityValues.keys()].filter((k) => unmapped.includes(k.split('|')[0] ?? '')).length} city-years`);

  const cityRows: (string | number)[][] = [];
  for (const [k, value] of cityValues) {
    const [label, yearText] = k.split('|') as [string, string];
    const m = mapping.get(label);
    if (m === undefined) continue;
    const year = Number(yearText);
    const notes = [`CEADs city ${label}`];
    if (m.rule.startsWith('municipality')) notes.push('municipality: city inventory of the whole province-level city');
    // The workbook's only pre-1997 cell; kept as published, outside the range CEADs states.
    if (year < FIRST_YEAR) notes.push(`year ${year} lies outside the 1997–2019 range the publisher states; kept as published`);
    cityRows.push([m.code, year, 'co2_city', value, SRC_CITIES, notes.join('; ')]);
  }
  cityRows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
  provRows.sort((a, b) => String(a[2]).localeCompare(String(b[2])) || String(a[0]).localeCompare(String(b[0])) ||
    Number(a[1]) - Number(b[1]));

  // ---- indicators ----
  const unitZh = '百万吨';
  const unitEn = 'Mt CO2';
  const indicatorRows: string[][] = [
    ['co2_total', '二氧化碳排放总量（IPCC部门法，范围一）', 'CO2 emissions, total (IPCC sectoral approach, scope 1)', unitZh, unitEn,
      '-', 'CEADs provincial inventory', 'green', SRC_PROVINCES,
      'fossil-fuel combustion (17 fuels) plus cement process emissions; equals the sum of the 47 sectors; the scope-2 columns are zero in every sheet of the source'],
    ...SECTORS.map(([en, zh], i) => [sectorCode(i), `二氧化碳排放：${zh}`, `CO2 emissions: ${en}`, unitZh, unitEn, '-',
      'CEADs provincial inventory', 'green', SRC_PROVINCES,
      `CEADs sector ${i + 1} of 47 (scope 1 total of the row); name_zh is our label after the sector names of 《中国能源统计年鉴》, the workbook is English only`]),
    ['co2_city', '城市二氧化碳排放量', 'CO2 emissions of the city (CEADs city inventory)', unitZh, unitEn, '-',
      'CEADs city inventory', 'green', SRC_CITIES,
      'city-level inventory (Shan et al. 2017–2022 method), not comparable one-to-one with the provincial inventory; unbalanced panel'],
  ];
  const nInd = writeCsv(join(ctx.bundledDir, 'indicators', 'ceads.csv'),
    ['code', 'name_zh', 'name_en', 'unit_zh', 'unit_en', 'direction', 'dataset', 'topic', 'source_id', 'note'], indicatorRows);
  const obsHeader = ['region', 'year', 'indicator', 'value', 'source_id', 'note'];
  const nProv = writeCsv(join(ctx.bundledDir, 'observations', 'ceads_province.csv'), obsHeader, provRows);
  const nCity = writeCsv(join(ctx.bundledDir, 'observations', 'ceads_city.csv'), obsHeader, cityRows);
  const cityRegions = new Set(cityRows.map((r) => r[0]));
  ctx.log(`ceads: wrote ${nInd} indicators, ${nProv} provincial observations, ${nCity} city observations ` +
    `(${cityRegions.size} regions)`);
  return [
    { name: 'indicators.ceads', file: 'indicators/ceads.csv', rows: nInd, sources: [SRC_PROVINCES, SRC_CITIES] },
    { name: 'observations.ceads_province', file: 'observations/ceads_province.csv', rows: nProv, sources: [SRC_PROVINCES] },
    { name: 'observations.ceads_city', file: 'observations/ceads_city.csv', rows: nCity, sources: [SRC_CITIES] },
  ];
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
