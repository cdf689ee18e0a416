/**
 * Builds the provincial macro series (31 provinces, 2010–2023): `indicators/macro.csv` and
 * `observations/macro.csv`.
 *
 * Inputs, all in `data/sources/macro/` (see SOURCE.md there):
 * - NBS data-portal exports (分省年度数据) and a merged panel from the MIT-licensed repository
 *   RenJiyi163/panel_data_analysis_for_thesis (commit 756964b1): GDP (the vintage revised after the 5th economic
 *   census), urban-unit employment, general budget expenditure (an .xls workbook, read here by a small BIFF8
 *   reader), urbanisation rate, goods trade and secondary-industry share;
 * - the NBS year-end resident population table (E0103) as vendored in the MIT-licensed repository
 *   pik-piam/PyPSA-China-PIK (commit 25c83bfb).
 *
 * Names are mapped to GB/T 2260 codes through `regions.csv`; anything unmapped, duplicated or out of range stops
 * the build. Only 2010–2023 is shipped; gaps stay absent rows.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { parseCsv, readCsvObjects, writeCsv } from './lib/csv.js';
import { readRegions } from './regions.js';

type Direction = '+' | '-' | '';
type Topic = 'economy' | 'openness' | 'digital' | 'green' | 'labour';

const FIRST_YEAR = 2010;
const LAST_YEAR = 2023;

const SRC = {
  gdp: 'macro.nbs_gdp_rev5ec',
  employment: 'macro.nbs_employment_urban_units',
  budget: 'macro.nbs_budget_expenditure',
  panel: 'macro.nbs_panel_merged',
  population: 'macro.nbs_population_pypsa',
} as const;

interface IndicatorDef {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unitZh: string;
  readonly unitEn: string;
  readonly direction: Direction;
  readonly dataset: string;
  readonly topic: Topic;
  /** the source every row of the indicator cites */
  readonly sourceId: string;
  readonly note: string;
}

const INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'gdp', nameZh: '地区生产总值（当年价格，第五次全国经济普查后修订）',
    nameEn: 'Gross regional product, current prices (revised after the 5th national economic census)',
    unitZh: '亿元', unitEn: '100 million yuan', direction: '', dataset: 'NBS 分省年度数据', topic: 'economy',
    sourceId: SRC.gdp,
    note: 'one vintage throughout: the NBS series revised for 1992–2023 after the 5th economic census (2023), as ' +
      'the data portal shows it; differs from the figures first published (e.g. Tianjin 2016: 11,487.0 here vs ' +
      '17,885.4 first published); a scale variable and denominator, no NQPF direction',
  },
  {
    code: 'urbanisation_rate', nameZh: '城镇人口比重（城镇化率）', nameEn: 'Urbanisation rate (urban share of resident population)',
    unitZh: '%', unitEn: '%', direction: '+', dataset: 'NBS 分省年度数据 (merged panel)', topic: 'economy',
    sourceId: SRC.panel,
    note: 'year-end urban residents / resident population; whether 2011–2019 are the values revised after the ' +
      '7th census (2020) or those first published is not verified (the series runs smoothly into 2020: Beijing ' +
      '87.35 in 2019, 87.55 in 2020); 2022–2023 values match provincial communiqués',
  },
  {
    code: 'employment_urban_units', nameZh: '城镇单位就业人员', nameEn: 'Employed persons in urban units',
    unitZh: '万人', unitEn: '10k persons', direction: '', dataset: 'NBS 分省年度数据', topic: 'labour',
    sourceId: SRC.employment,
    note: 'urban non-private units only (excludes private enterprises and the self-employed); BREAK in 2013: the ' +
      'level jumps in 2013 (Jiangsu 830.9 → 1,503.3, Guangdong 1,304.0 → 1,967.0), a change of survey coverage ' +
      'that the export does not document; 2013+ is not comparable with 2010–2012; every row says on which side ' +
      'of the break it is',
  },
  {
    code: 'budget_expenditure', nameZh: '地方一般公共预算支出', nameEn: 'Local general public budget expenditure',
    unitZh: '亿元', unitEn: '100 million yuan', direction: '', dataset: 'NBS 分省年度数据 (workbook)', topic: 'economy',
    sourceId: SRC.budget,
    note: 'provincial total (province plus its prefectures and counties); a fiscal scale variable, no NQPF direction',
  },
  {
    code: 'trade_goods_usd', nameZh: '货物进出口总额（按经营单位所在地分）', nameEn: 'Goods imports plus exports by location of the operating unit (USD)',
    unitZh: '万美元', unitEn: '10k USD', direction: '+', dataset: 'NBS 分省年度数据 (merged panel)', topic: 'openness',
    sourceId: SRC.panel,
    note: 'published in USD up to 2014 only; 2015 is missing in the source; from 2016 see trade_goods_cny (do not ' +
      'splice the two without an exchange rate)',
  },
  {
    code: 'trade_goods_cny', nameZh: '货物进出口总额（按经营单位所在地分）', nameEn: 'Goods imports plus exports by location of the operating unit (CNY)',
    unitZh: '亿元', unitEn: '100 million yuan', direction: '+', dataset: 'NBS 分省年度数据 (merged panel)', topic: 'openness',
    sourceId: SRC.panel,
    note: 'in yuan from 2016; 2015 is missing in the source; up to 2014 see trade_goods_usd',
  },
  {
    code: 'secondary_share', nameZh: '第二产业增加值占地区生产总值比重', nameEn: 'Secondary industry, share of gross regional product',
    unitZh: '%', unitEn: '%', direction: '', dataset: 'NBS 分省年度数据 (merged panel)', topic: 'economy',
    sourceId: SRC.panel,
    note: 'current prices; vintage not stated by the source (mix of 1- and 2-decimal values suggests more than one ' +
      'release): not guaranteed consistent with the revised gdp series; no NQPF direction on its own',
  },
  {
    code: 'population_resident', nameZh: '年末常住人口', nameEn: 'Resident population at year end',
    unitZh: '万人', unitEn: '10k persons', direction: '', dataset: 'NBS 分省年度数据 (E0103)', topic: 'labour',
    sourceId: SRC.population,
    note: 'whole 万人 as the NBS portal shows them; 2011–2019 as revised by NBS after the 7th census (2020), so ' +
      'they differ from the figures first published in provincial communiqués (Zhejiang 2018: 6,273 here vs 5,737 ' +
      'first published); 2010 from the 6th census; a scale variable and denominator, no NQPF direction',
  },
];

interface Obs {
  readonly region: string;
  readonly year: number;
  readonly indicator: string;
  readonly value: number;
  readonly sourceId: string;
  readonly note: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Minimal reader for legacy Excel (.xls, BIFF8 in an OLE2 compound file): enough for numeric and text cells of
// the first worksheet. Anything it does not understand throws.
// ---------------------------------------------------------------------------------------------------------------

const ENDOFCHAIN = 0xfffffffe;

function cfbStream(buf: Buffer, wanted: readonly string[]): Buffer {
  if (buf.readUInt32LE(0) !== 0xe011cfd0 || buf.readUInt32LE(4) !== 0xe11ab1a1) throw new Error('not an OLE2 file');
  const sectorSize = 1 << buf.readUInt16LE(30);
  const miniSectorSize = 1 << buf.readUInt16LE(32);
  const nFat = buf.readUInt32LE(44);
  const dirStart = buf.readUInt32LE(48);
  const cutoff = buf.readUInt32LE(56);
  const miniFatStart = buf.readUInt32LE(60);
  if (buf.readUInt32LE(72) !== 0 && nFat > 109) throw new Error('xls: DIFAT sectors not supported');
  const sectorOffset = (s: number): number => (s + 1) * sectorSize;
  const fat: number[] = [];
  for (let i = 0; i < Math.min(nFat, 109); i++) {
    const s = buf.readUInt32LE(76 + 4 * i);
    for (let j = 0; j < sectorSize / 4; j++) fat.push(buf.readUInt32LE(sectorOffset(s) + 4 * j));
  }
  const chain = (start: number, table: readonly number[]): number[] => {
    const out: number[] = [];
    for (let s = start; s !== ENDOFCHAIN; s = table[s] ?? ENDOFCHAIN) {
      if (out.length > table.length) throw new Error('xls: FAT loop');
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number): Buffer =>
    Buffer.concat(chain(start, fat).map((s) => buf.subarray(sectorOffset(s), sectorOffset(s) + sectorSize)));
  const dir = readChain(dirStart);
  let root: { start: number; size: number } | undefined;
  for (let off = 0; off + 128 <= dir.length; off += 128) {
    const nameLen = dir.readUInt16LE(off + 64);
    const name = dir.subarray(off, off + Math.max(0, nameLen - 2)).toString('utf16le');
    const type = dir.readUInt8(off + 66);
    const start = dir.readUInt32LE(off + 116);
    const size = dir.readUInt32LE(off + 120);
    if (type === 5) root = { start, size };
    if (type === 2 && wanted.includes(name)) {
      if (size >= cutoff) return readChain(start).subarray(0, size);
      if (root === undefined) throw new Error('xls: mini stream before root entry');
      const miniFat: number[] = [];
      const mf = readChain(miniFatStart);
      for (let j = 0; j + 4 <= mf.length; j++) miniFat.push(mf.readUInt32LE(4 * j));
      const ministream = readChain(root.start);
      return Buffer.concat(chain(start, miniFat).map((s) =>
        ministream.subarray(s * miniSectorSize, (s + 1) * miniSectorSize))).subarray(0, size);
    }
  }
  throw new Error(`xls: no stream ${wanted.join('/')}`);
}

/** Reads BIFF8 unicode strings that may continue across CONTINUE records (SST). */
class ChunkReader {
  private c = 0;
  private p = 0;
  constructor(private readonly chunks: readonly Buffer[]) {}
  private cur(): Buffer {
    const b = this.chunks[this.c];
    if (b === undefined) throw new Error('xls: SST overrun');
    return b;
  }
  private ensure(): void {
    while (this.p >= this.cur().length) {
      this.c++;
      this.p = 0;
    }
  }
  u8(): number {
    this.ensure();
    return this.cur().readUInt8(this.p++);
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  advance(n: number): void {
    for (let i = 0; i < n; i++) this.u8();
  }
  str(): string {
    const cch = this.u16();
    let flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    let out = '';
    let left = cch;
    while (left > 0) {
      if (this.p >= this.cur().length) {
        // A string continued in the next CONTINUE record restates its width in one option byte.
        this.c++;
        this.p = 0;
        flags = this.u8();
      }
      const wide = (flags & 0x01) !== 0;
      const avail = Math.floor((this.cur().length - this.p) / (wide ? 2 : 1));
      const n = Math.min(left, avail);
      const slice = this.cur().subarray(this.p, this.p + n * (wide ? 2 : 1));
      out += wide ? slice.toString('utf16le') : slice.toString('latin1');
      this.p += n * (wide ? 2 : 1);
      left -= n;
    }
    this.advance(4 * runs + ext);
    return out;
  }
}

function rkValue(rk: number): number {
  const v = rk & 0x02 ? rk >> 2 : (() => {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(0, 0);
    b.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    return b.readDoubleLE(0);
  })();
  return rk & 0x01 ? v / 100 : v;
}

/** Cells of the first worksheet: `grid[row][col]`, numbers as numbers, text as strings. */
function readXlsFirstSheet(path: string): (string | number | undefined)[][] {
  const wb = cfbStream(readFileSync(path), ['Workbook', 'Book']);
  const records: { type: number; data: Buffer; pos: number }[] = [];
  for (let pos = 0; pos + 4 <= wb.length;) {
    const type = wb.readUInt16LE(pos);
    const len = wb.readUInt16LE(pos + 2);
    records.push({ type, data: wb.subarray(pos + 4, pos + 4 + len), pos });
    pos += 4 + len;
  }
  let sst: string[] = [];
  const sheetOffsets: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r === undefined) continue;
    if (r.type === 0x0085) sheetOffsets.push(r.data.readUInt32LE(0));
    if (r.type === 0x00fc) {
      const chunks = [r.data];
      for (let j = i + 1; records[j]?.type === 0x003c; j++) chunks.push(records[j]?.data ?? Buffer.alloc(0));
      const rd = new ChunkReader(chunks);
      rd.u32();
      const unique = rd.u32();
      sst = Array.from({ length: unique }, () => rd.str());
    }
  }
  const first = sheetOffsets[0];
  if (first === undefined) throw new Error('xls: no worksheet');
  const grid: (string | number | undefined)[][] = [];
  const put = (row: number, col: number, v: string | number): void => {
    (grid[row] ??= [])[col] = v;
  };
  const startIdx = records.findIndex((r) => r.pos === first);
  if (startIdx < 0) throw new Error('xls: worksheet offset does not point at a record');
  for (let i = startIdx + 1; i < records.length; i++) {
    const r = records[i];
    if (r === undefined || r.type === 0x000a) break;
    const d = r.data;
    switch (r.type) {
      case 0x0203: put(d.readUInt16LE(0), d.readUInt16LE(2), d.readDoubleLE(6)); break;
      case 0x027e: put(d.readUInt16LE(0), d.readUInt16LE(2), rkValue(d.readUInt32LE(6))); break;
      case 0x00bd: {
        const row = d.readUInt16LE(0);
        const colFirst = d.readUInt16LE(2);
        const n = (d.length - 6) / 6;
        for (let k = 0; k < n; k++) put(row, colFirst + k, rkValue(d.readUInt32LE(4 + 6 * k + 2)));
        break;
      }
      case 0x00fd: {
        const s = sst[d.readUInt32LE(6)];
        if (s === undefined) throw new Error('xls: bad SST index');
        put(d.readUInt16LE(0), d.readUInt16LE(2), s);
        break;
      }
      case 0x0006: {
        // FORMULA: a cached numeric result unless the top two bytes are 0xFFFF.
        if (d.readUInt16LE(12) !== 0xffff) put(d.readUInt16LE(0), d.readUInt16LE(2), d.readDoubleLE(6));
        else throw new Error('xls: non-numeric formula result not supported');
        break;
      }
      case 0x0204: throw new Error('xls: LABEL records not supported');
      default: break;
    }
  }
  return grid;
}

// ---------------------------------------------------------------------------------------------------------------

function num(text: string, where: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`${where}: not a number ${JSON.stringify(text)}`);
  return n;
}

function loadSources(dir: string): Map<string, SourceRecord> {
  const records = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[];
  const m = new Map<string, SourceRecord>();
  for (const r of records) {
    if (m.has(r.id)) throw new Error(`macro/sources.json: duplicate id ${r.id}`);
    if (!r.id.startsWith('macro.')) throw new Error(`macro/sources.json: id ${r.id} outside the group`);
    m.set(r.id, r);
  }
  return m;
}

/** An NBS data-portal export (GB18030): 数据库/指标/时间 lines, a 地区,YYYY年… header, province rows, notes. */
function readNbsExport(path: string): { indicator: string; rows: Map<string, Map<number, string>> } {
  const text = new TextDecoder('gb18030', { fatal: true }).decode(readFileSync(path));
  const lines = parseCsv(text);
  const indicator = (lines.find((l) => (l[0] ?? '').startsWith('指标：'))?.[0] ?? '').replace('指标：', '');
  const h = lines.findIndex((l) => l[0] === '地区');
  const header = lines[h];
  if (header === undefined) throw new Error(`${path}: no 地区 header`);
  const years = header.map((c) => {
    const m = /^(\d{4})年$/.exec(c);
    return m ? Number(m[1]) : undefined;
  });
  const rows = new Map<string, Map<number, string>>();
  for (const l of lines.slice(h + 1)) {
    const name = (l[0] ?? '').trim();
    if (name === '' || name.startsWith('注') || name.startsWith('数据来源') || /^\s/.test(l[0] ?? '')) break;
    if (l.length !== header.length) throw new Error(`${path}: row ${name} has ${l.length} fields`);
    const m = new Map<number, string>();
    l.forEach((v, i) => {
      const y = years[i];
      if (y !== undefined) m.set(y, v);
    });
    if (rows.has(name)) throw new Error(`${path}: duplicate row ${name}`);
    rows.set(name, m);
  }
  return { indicator, rows };
}

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'macro');
  const sources = loadSources(dir);
  for (const id of Object.values(SRC)) if (!sources.has(id)) throw new Error(`macro/sources.json lacks ${id}`);

  const provinces = readRegions(ctx.bundledDir).filter((r) => r.level === 'province');
  if (provinces.length !== 31) throw new Error('regions.csv must be built first (31 provinces)');
  const byFull = new Map(provinces.map((p) => [p.nameZh, p.code]));
  const byShort = new Map(provinces.map((p) => [p.shortZh, p.code]));
  const nameOfCode = new Map(provinces.map((p) => [p.code, p.shortZh]));
  const codeOf = (name: string, where: string): string => {
    const c = byFull.get(name) ?? byShort.get(name);
    if (c === undefined) throw new Error(`${where}: unknown province ${JSON.stringify(name)}`);
    return c;
  };
  const inRange = (y: number): boolean => y >= FIRST_YEAR && y <= LAST_YEAR;

  const obs = new Map<string, Obs>();
  const add = (o: Obs): void => {
    const key = `${o.region}|${o.year}|${o.indicator}`;
    if (obs.has(key)) throw new Error(`duplicate observation ${key}`);
    obs.set(key, o);
  };

  // ---- 1. NBS exports: GDP (revised after the 5th economic census) and urban-unit employment ----
  const gdp = readNbsExport(join(dir, 'nbs_gdp_rev5ec.csv'));
  if (gdp.indicator !== '地区生产总值(亿元)') throw new Error(`unexpected GDP export: ${gdp.indicator}`);
  for (const [name, byYear] of gdp.rows) {
    const region = codeOf(name, 'nbs_gdp_rev5ec.csv');
    for (const [year, v] of byYear) {
      const value = num(v, `gdp ${name} ${year}`);
      if (value === undefined || !inRange(year)) continue;
      add({ region, year, indicator: 'gdp', value, sourceId: SRC.gdp, note: '' });
    }
  }
  const emp = readNbsExport(join(dir, 'nbs_employment_urban_units.csv'));
  if (emp.indicator !== '城镇单位就业人员(万人)') throw new Error(`unexpected employment export: ${emp.indicator}`);
  for (const [name, byYear] of emp.rows) {
    const region = codeOf(name, 'nbs_employment_urban_units.csv');
    for (const [year, v] of byYear) {
      const value = num(v, `employment ${name} ${year}`);
      if (value === undefined || !inRange(year)) continue;
      add({
        region, year, indicator: 'employment_urban_units', value, sourceId: SRC.employment,
        note: year < 2013 ? 'before the 2013 break: not comparable with 2013+'
          : 'after the 2013 break: not comparable with 2010–2012',
      });
    }
  }

  // ---- 2. the workbook: 一般公共预算支出 rows (2007–2024; 2005–2006 sit in 财政支出 rows, not used) ----
  const grid = readXlsFirstSheet(join(dir, 'budget_expenditure.xls'));
  const yearCols = new Map<number, number>();
  (grid[0] ?? []).forEach((v, col) => {
    if (typeof v === 'number' && Number.isInteger(v)) yearCols.set(col, v);
  });
  let budgetRows = 0;
  for (const row of grid.slice(1)) {
    if (row === undefined) continue;
    const label = `${row[1] ?? ''}${row[2] ?? ''}`;
    if (!label.startsWith('一般公共预算支出')) continue;
    const name = String(row[3] ?? '');
    const region = codeOf(name, 'budget_expenditure.xls');
    budgetRows++;
    for (const [col, year] of yearCols) {
      const v = row[col];
      if (v === undefined || v === '' || !inRange(year)) continue;
      if (typeof v !== 'number') throw new Error(`budget ${name} ${year}: not a number ${JSON.stringify(v)}`);
      add({ region, year, indicator: 'budget_expenditure', value: v, sourceId: SRC.budget, note: '' });
    }
  }
  if (budgetRows !== 31) throw new Error(`budget workbook: ${budgetRows} 一般公共预算支出 rows, expected 31`);

  // ---- 3. the merged panel: urbanisation, secondary share, trade (USD to 2014, CNY from 2016) ----
  const panel = readCsvObjects(join(dir, 'panel_merged.csv'));
  const PANEL_COLS: readonly [string, string][] = [
    ['城镇化率_%', 'urbanisation_rate'],
    ['第二产业比重_%', 'secondary_share'],
    ['进出口总额_万美元', 'trade_goods_usd'],
    ['进出口总额_亿元人民币', 'trade_goods_cny'],
  ];
  const checks = { gdpSame: 0, gdpDiff: [] as string[], empSame: 0, empDiff: [] as string[] };
  for (const r of panel) {
    const name = r['地区'] ?? '';
    const region = codeOf(name, 'panel_merged.csv');
    const year = Number(r['年份']);
    if (!Number.isInteger(year)) throw new Error(`panel_merged.csv: bad year ${r['年份']}`);
    if (!inRange(year)) continue;
    for (const [col, indicator] of PANEL_COLS) {
      if (!(col in r)) throw new Error(`panel_merged.csv lacks column ${col}`);
      const value = num(r[col] ?? '', `${col} ${name} ${year}`);
      if (value === undefined) continue;
      if (indicator === 'trade_goods_usd' && year > 2014) throw new Error(`USD trade after 2014: ${name} ${year}`);
      if (indicator === 'trade_goods_cny' && year < 2016) throw new Error(`CNY trade before 2016: ${name} ${year}`);
      add({ region, year, indicator, value, sourceId: SRC.panel, note: '' });
    }
    // The panel repeats the two NBS exports; they must agree with what we shipped from the exports.
    const g = num(r['GDP_亿元'] ?? '', 'GDP_亿元');
    const gOurs = obs.get(`${region}|${year}|gdp`)?.value;
    if (g !== undefined && gOurs !== undefined) {
      if (g === gOurs) checks.gdpSame++;
      else checks.gdpDiff.push(`${name} ${year}: ${g} vs ${gOurs}`);
    }
    const e = num(r['城镇单位就业人员_万人'] ?? '', '城镇单位就业人员_万人');
    const eOurs = obs.get(`${region}|${year}|employment_urban_units`)?.value;
    if (e !== undefined && eOurs !== undefined) {
      if (e === eOurs) checks.empSame++;
      else checks.empDiff.push(`${name} ${year}: ${e} vs ${eOurs}`);
    }
  }
  ctx.log(`macro: panel GDP_亿元 vs NBS GDP export: ${checks.gdpSame} equal, ${checks.gdpDiff.length} differ` +
    (checks.gdpDiff.length > 0 ? ` (${checks.gdpDiff.slice(0, 5).join('; ')})` : ''));
  ctx.log(`macro: panel employment vs NBS employment export: ${checks.empSame} equal, ${checks.empDiff.length} differ` +
    (checks.empDiff.length > 0 ? ` (${checks.empDiff.slice(0, 5).join('; ')})` : ''));

  // ---- 4. year-end resident population: NBS table E0103 as vendored by PyPSA-China-PIK (English names) ----
  const norm = (x: string): string => x.toLowerCase().replace(/[^a-z]/g, '');
  const byEn = new Map(provinces.map((p) => [norm(p.nameEn), p.code]));
  const popLines = parseCsv(readFileSync(join(dir, 'pypsa_china_historical_population.csv'), 'utf8'));
  const popComment = popLines[0]?.join(',') ?? '';
  if (!popComment.includes('E0103') || !popComment.includes('10000 persons')) {
    throw new Error(`population file: unexpected first line ${popComment}`);
  }
  const popHeader = popLines[1] ?? [];
  if (popHeader[0] !== 'region') throw new Error('population file: no region header');
  let popRows = 0;
  for (const l of popLines.slice(2)) {
    if (l.length === 1 && l[0] === '') continue;
    const name = l[0] ?? '';
    const region = byEn.get(norm(name));
    if (region === undefined) throw new Error(`population file: unknown province ${name}`);
    popRows++;
    popHeader.forEach((h, i) => {
      if (i === 0) return;
      const year = Number(h);
      if (!Number.isInteger(year)) throw new Error(`population file: bad year ${h}`);
      const value = num(l[i] ?? '', `population ${name} ${year}`);
      if (value === undefined || !inRange(year)) return;
      add({ region, year, indicator: 'population_resident', value, sourceId: SRC.population, note: '' });
    });
  }
  if (popRows !== 31) throw new Error(`population file: ${popRows} provinces, expected 31`);

  // ---- 5. coverage report and sanity checks ----
  const rows = [...obs.values()].sort((a, b) =>
    a.indicator === b.indicator ? (a.region === b.region ? a.year - b.year : a.region.localeCompare(b.region))
      : INDICATORS.findIndex((d) => d.code === a.indicator) - INDICATORS.findIndex((d) => d.code === b.indicator));
  const shippedIndicators: IndicatorDef[] = [];
  for (const def of INDICATORS) {
    const mine = rows.filter((o) => o.indicator === def.code);
    if (mine.length === 0) throw new Error(`${def.code}: no values`);
    shippedIndicators.push(def);
    for (const o of mine) {
      if (o.value < 0 || (def.unitZh === '%' && o.value > 100)) throw new Error(`${def.code} ${o.region} ${o.year}: implausible ${o.value}`);
    }
    const years = [...new Set(mine.map((o) => o.year))].sort((a, b) => a - b);
    const regions = new Set(mine.map((o) => o.region));
    const gaps: string[] = [];
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      const have = new Set(mine.filter((o) => o.year === y).map((o) => o.region));
      if (have.size === 31) continue;
      if (have.size === 0) gaps.push(`${y}: none`);
      else gaps.push(`${y}: missing ${provinces.filter((p) => !have.has(p.code)).map((p) => nameOfCode.get(p.code)).join('')}`);
    }
    ctx.log(`macro: ${def.code}: ${mine.length} rows, ${regions.size} provinces, years ${years[0]}–${years[years.length - 1]}` +
      (gaps.length > 0 ? `; gaps ${gaps.join('; ')}` : '; complete 31 × 14'));
  }

  const indicatorRows = shippedIndicators.map((d) =>
    [d.code, d.nameZh, d.nameEn, d.unitZh, d.unitEn, d.direction, d.dataset, d.topic, d.sourceId, d.note]);
  const nInd = writeCsv(join(ctx.bundledDir, 'indicators', 'macro.csv'),
    ['code', 'name_zh', 'name_en', 'unit_zh', 'unit_en', 'direction', 'dataset', 'topic', 'source_id', 'note'], indicatorRows);
  const nObs = writeCsv(join(ctx.bundledDir, 'observations', 'macro.csv'),
    ['region', 'year', 'indicator', 'value', 'source_id', 'note'],
    rows.map((o) => [o.region, o.year, o.indicator, o.value, o.sourceId, o.note]));
  ctx.log(`macro: wrote ${nInd} indicators, ${nObs} observations`);
  const used = [...new Set(rows.map((o) => o.sourceId))].sort();
  return [
    { name: 'indicators.macro', file: 'indicators/macro.csv', rows: nInd, sources: used },
    { name: 'observations.macro', file: 'observations/macro.csv', rows: nObs, sources: used },
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
