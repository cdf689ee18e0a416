/**
 * Builds the trade-product lookups: `hs2022.csv` (the HS 2022 tree: chapters, headings, subheadings) and
 * `hs_isic4.csv` (HS 2022 six-digit subheading → ISIC Rev.4 class, many-to-many).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';

const SRC_HS = 'hs.harmonized_system';
const SRC_ISIC = 'hs.concordance_hs_isic4';
const SRC_HS6_HS5 = 'hs.concordance_hs6_hs5';

const EXPECTED_COUNTS: Readonly<Record<string, number>> = { '2': 97, '4': 1229, '6': 5613 };

function loadSourceIds(dir: string): Set<string> {
  const records = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[];
  return new Set(records.map((r) => r.id));
}

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'hs');
  const ids = loadSourceIds(dir);
  for (const id of [SRC_HS, SRC_ISIC, SRC_HS6_HS5]) if (!ids.has(id)) throw new Error(`hs/sources.json lacks ${id}`);

  // ---- HS 2022 tree ----
  const sections = new Set(readCsvObjects(join(dir, 'hs_sections.csv')).map((r) => r['section'] ?? ''));
  const raw = readCsvObjects(join(dir, 'hs2022.csv'));
  const byCode = new Map<string, Record<string, string>>();
  let dropped = 0;
  for (const r of raw) {
    // The file ends with a synthetic TOTAL node (level 5); it is not part of the nomenclature.
    if (r['hscode'] === 'TOTAL') {
      dropped++;
      continue;
    }
    const code = r['hscode'] ?? '';
    if (byCode.has(code)) throw new Error(`duplicate HS code ${code}`);
    byCode.set(code, r);
  }
  const counts: Record<string, number> = {};
  const rows: string[][] = [];
  for (const [code, r] of byCode) {
    const level = r['level'] ?? '';
    // UN Comtrade's chapter 99 (not specified according to kind) is not WCO nomenclature and has no section;
    // it is kept because trade data use it.
    const comtrade99 = code.startsWith('99') && r['section'] === 'TOTAL';
    const section = comtrade99 ? '' : (r['section'] ?? '');
    if (!/^\d+$/.test(code) || String(code.length) !== level) throw new Error(`HS ${code}: level ${level} does not fit`);
    if (!comtrade99 && !sections.has(section)) throw new Error(`HS ${code}: unknown section ${section}`);
    const parentRaw = r['parent'] ?? '';
    const parent = level === '2' ? '' : parentRaw;
    if (level === '2' && parentRaw !== 'TOTAL') throw new Error(`chapter ${code} has parent ${parentRaw}`);
    if (level !== '2') {
      const p = byCode.get(parent);
      if (p === undefined || !code.startsWith(parent) || parent.length !== code.length - 2) {
        throw new Error(`HS ${code}: bad parent ${parent}`);
      }
      if (!comtrade99 && p['section'] !== section) throw new Error(`HS ${code}: section ${section} ≠ parent's ${p['section']}`);
    }
    counts[level] = (counts[level] ?? 0) + 1;
    rows.push([code, level, parent, r['description'] ?? '', section]);
  }
  for (const [level, n] of Object.entries(EXPECTED_COUNTS)) {
    if (counts[level] !== n) throw new Error(`HS 2022 level ${level}: ${counts[level]} codes, expected ${n}`);
  }
  rows.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
  ctx.log(`hs: HS 2022 ${counts['2']} chapters, ${counts['4']} headings, ${counts['6']} subheadings in ${sections.size} ` +
    `sections (incl. UN Comtrade's 99/9999/999999 "not specified according to kind", section left empty); parents and ` +
    `sections consistent; dropped ${dropped} synthetic TOTAL row`);
  const nHs = writeCsv(join(ctx.bundledDir, 'hs2022.csv'), ['code', 'level', 'parent', 'description_en', 'section'], rows);

  // ---- HS → ISIC Rev.4 ----
  // The concordance's HS_6d column is "HS combined": the union of all vintages HS0 (1988/92) … HS6 (2022).
  const hs6 = new Set([...byCode.keys()].filter((c) => c.length === 6));
  const conc = readCsvObjects(join(dir, 'hs_isic4.csv'));
  const concCodes = new Set(conc.map((r) => r['HS_6d'] ?? ''));
  const hs5 = readCsvObjects(join(dir, 'hs6_hs5.csv'));
  const hs2017 = new Set(hs5.map((r) => r['HS5_6d'] ?? ''));
  const sameAs2017 = hs5.filter((r) => r['HS6_6d'] === r['HS5_6d']).length;
  const onlyOld = [...concCodes].filter((c) => !hs6.has(c) && !hs2017.has(c)).length;
  const new2022 = [...hs6].filter((c) => !hs2017.has(c));
  ctx.log(`hs: concordance HS_6d holds ${concCodes.size} codes: ${[...concCodes].filter((c) => hs6.has(c)).length} of the ` +
    `${hs6.size} HS 2022 subheadings, ${onlyOld} codes of HS 1992–2012 only → the column is "HS combined" (all vintages)`);
  ctx.log(`hs: hs6_hs5.csv: ${sameAs2017} HS 2022 codes keep their HS 2017 code, ${hs6.size - sameAs2017} were changed; ` +
    `${new2022.length} HS 2022 codes did not exist in HS 2017 (${new2022.filter((c) => concCodes.has(c)).length} of them ` +
    `are in the concordance directly), so no detour through HS 2017 is needed`);

  const pairs = new Set<string>();
  let na = 0;
  let otherVintage = 0;
  for (const r of conc) {
    const h = r['HS_6d'] ?? '';
    const isic = r['ISIC4_4d'] ?? '';
    if (!hs6.has(h)) {
      otherVintage++;
      continue;
    }
    if (isic === 'NA' || isic === '') {
      na++;
      continue;
    }
    if (!/^\d{4}$/.test(isic)) throw new Error(`bad ISIC4 class ${isic} for HS ${h}`);
    pairs.add(`${h}|${isic}`);
  }
  const mapped = new Set([...pairs].map((p) => p.split('|')[0]));
  const unmapped = [...hs6].filter((c) => !mapped.has(c)).sort();
  const perCode = new Map<string, number>();
  for (const p of pairs) perCode.set(p.split('|')[0] ?? '', (perCode.get(p.split('|')[0] ?? '') ?? 0) + 1);
  const multi = [...perCode.values()].filter((n) => n > 1).length;
  ctx.log(`hs: HS→ISIC4 coverage: ${mapped.size}/${hs6.size} HS 2022 subheadings have ≥ 1 ISIC Rev.4 class ` +
    `(${pairs.size} pairs; ${multi} subheadings map to several classes); ${unmapped.length} have only NA in the ` +
    `concordance and get no row: ${unmapped.join(' ')}; skipped ${otherVintage} rows of codes that are not HS 2022 ` +
    `and ${na} NA rows`);
  const isicRows = [...pairs].sort().map((p) => p.split('|'));
  const nIsic = writeCsv(join(ctx.bundledDir, 'hs_isic4.csv'), ['hs6', 'isic4'], isicRows);

  return [
    { name: 'hs2022', file: 'hs2022.csv', rows: nHs, sources: [SRC_HS] },
    { name: 'hs_isic4', file: 'hs_isic4.csv', rows: nIsic, sources: [SRC_ISIC, SRC_HS6_HS5] },
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
