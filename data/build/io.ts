/**
 * Builds the NBS national input–output tables (42 sectors, non-competitive import type: domestic and imported
 * intermediate and final use kept apart) for 2017, 2018 and 2020 into `io/io_<year>_sectors.csv`,
 * `io/io_<year>_z.csv` (intermediate use, long), `io/io_<year>_final.csv` (final use, long) and
 * `io/io_<year>_totals.csv` (total output, value added and its components, imports), plus
 * `io/io42_gbt4754.csv` (our mapping of the 42 sectors to GB/T 4754-2017 divisions).
 *
 * Values are in 万元 (10,000 yuan), copied with the precision the source CSV has. Every table must balance:
 * rows (intermediate use + final use = total output, or total imports for imported rows), columns
 * (intermediate inputs + value added = total input = total output), the source's own total rows and columns, and,
 * where the provenance gives one, total value added against GDP. A failed check stops the build.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';

const SRC_IO = 'io.nbs_io42_ionet';
const SRC_MAP = 'io.io42_gbt4754';
const YEARS = [2017, 2018, 2020] as const;

/** Relative tolerance of the balance checks: the source stores 15 significant digits, so sums agree to ~1e-14. */
const REL_TOL = 1e-9;

/**
 * Total value added against GDP, where data/shared PROVENANCE.md gives a figure (万亿元, rounded to 2 decimals).
 * 2017 and 2018 have no reference figure there and are reported, not checked.
 */
const GDP_TN: Readonly<Partial<Record<(typeof YEARS)[number], number>>> = { 2020: 101.64 };

/** Final-use columns of the ionet tables, with our reading of the codes (ionet documents none). */
const FINAL_COLS: readonly (readonly [string, string])[] = [
  ['TC', 'final_consumption'],
  ['FU201', 'gross_fixed_capital_formation'],
  ['FU202', 'changes_in_inventories'],
  ['EX', 'exports'],
];
const VA_ROWS: readonly (readonly [string, string])[] = [
  ['VA001', 'va_compensation'],
  ['VA002', 'va_net_taxes_on_production'],
  ['VA003', 'va_depreciation'],
  ['VA004', 'va_operating_surplus'],
];

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= REL_TOL * Math.max(1, Math.abs(a), Math.abs(b));
}

function num(row: Record<string, string>, col: string, where: string): number {
  const s = row[col];
  if (s === undefined || s.trim() === '' || s === 'NA') throw new Error(`${where}: ${col} is empty`);
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`${where}: ${col} = ${s} is not a number`);
  return v;
}

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'io');
  const ids = new Set((JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[]).map((r) => r.id));
  for (const id of [SRC_IO, SRC_MAP]) if (!ids.has(id)) throw new Error(`io/sources.json lacks ${id}`);
  const log = (m: string): void => ctx.log(`io: ${m}`);
  const tables: BuiltTable[] = [];
  const sectorCodes = Array.from({ length: 42 }, (_, i) => String(i + 1).padStart(2, '0'));
  let sectorNames: string | null = null;

  for (const year of YEARS) {
    const rows = readCsvObjects(join(dir, `china_${year}_42.csv`));
    const header = Object.keys(rows[0] ?? {});
    for (const c of [...sectorCodes, 'TIU', 'TFU', 'GO', ...FINAL_COLS.map(([c]) => c)]) {
      if (!header.includes(c)) throw new Error(`${year}: column ${c} missing`);
    }
    const extra = header.filter((c) => !['', 'Code', 'Description', 'DescriptionInChinese', 'Origin', 'TIU', 'TFU', 'GO', ...sectorCodes,
      ...FINAL_COLS.map(([c]) => c)].includes(c));
    if (extra.length) throw new Error(`${year}: unexpected columns ${extra.join(', ')}`);
    const dom = rows.filter((r) => r['Origin'] === 'Domestic');
    const imp = rows.filter((r) => r['Origin'] === 'Imports');
    const tot = new Map(rows.filter((r) => r['Origin'] === 'TOT').map((r) => [r['Code'] ?? '', r]));
    if (dom.length !== 42 || imp.length !== 42 || rows.length !== 91) {
      throw new Error(`${year}: ${dom.length} domestic, ${imp.length} imported, ${rows.length} rows in all (expected 42, 42, 91)`);
    }
    dom.forEach((r, i) => {
      if (r['Code'] !== sectorCodes[i] || imp[i]?.['Code'] !== sectorCodes[i]) throw new Error(`${year}: row ${i + 1} is not sector ${sectorCodes[i]}`);
      if (imp[i]?.['DescriptionInChinese'] !== r['DescriptionInChinese']) throw new Error(`${year}: imported row ${i + 1} is named differently`);
    });
    for (const c of ['TII', 'TVA', 'TI', ...VA_ROWS.map(([c]) => c)]) if (!tot.has(c)) throw new Error(`${year}: total row ${c} missing`);

    // ---- sectors (identical names in every year) ----
    const sectors = dom.map((r) => [r['Code'] ?? '', r['Description'] ?? '', r['DescriptionInChinese'] ?? '']);
    const names = JSON.stringify(sectors);
    if (sectorNames !== null && names !== sectorNames) throw new Error(`${year}: sector names differ from the other years`);
    sectorNames = names;
    const nSec = writeCsv(join(ctx.bundledDir, 'io', `io_${year}_sectors.csv`), ['code', 'name_en', 'name_zh'], sectors);

    // ---- intermediate use and row balance ----
    const zRows: (string | number)[][] = [];
    const colSum = new Map<string, number>(sectorCodes.map((c) => [c, 0]));
    let maxRow = 0;
    let negatives = 0;
    for (const [origin, block] of [['domestic', dom], ['imported', imp]] as const) {
      for (const r of block) {
        const code = r['Code'] ?? '';
        const where = `${year} ${origin} ${code}`;
        let z = 0;
        for (const c of sectorCodes) {
          const v = num(r, c, where);
          if (v < 0) negatives++;
          z += v;
          colSum.set(c, (colSum.get(c) ?? 0) + v);
          zRows.push([code, c, origin, v]);
        }
        const f = FINAL_COLS.reduce((s, [c]) => s + num(r, c, where), 0);
        const tiu = num(r, 'TIU', where);
        const tfu = num(r, 'TFU', where);
        const go = num(r, 'GO', where);
        if (!close(z, tiu)) throw new Error(`${where}: intermediate use ${z} ≠ TIU ${tiu}`);
        if (!close(f, tfu)) throw new Error(`${where}: final use ${f} ≠ TFU ${tfu}`);
        if (!close(z + f, go)) throw new Error(`${where}: Z·1 + f = ${z + f} ≠ ${origin === 'domestic' ? 'total output' : 'total imports'} ${go}`);
        maxRow = Math.max(maxRow, Math.abs(z + f - go) / Math.max(1, Math.abs(go)));
      }
    }
    const nZ = writeCsv(join(ctx.bundledDir, 'io', `io_${year}_z.csv`), ['row_code', 'col_code', 'origin', 'value'], zRows);

    // ---- final use ----
    const fRows: (string | number)[][] = [];
    for (const [origin, block] of [['domestic', dom], ['imported', imp]] as const) {
      for (const r of block) for (const [c, cat] of FINAL_COLS) fRows.push([r['Code'] ?? '', cat, origin, num(r, c, `${year} ${r['Code']}`)]);
    }
    const nF = writeCsv(join(ctx.bundledDir, 'io', `io_${year}_final.csv`), ['row_code', 'category', 'origin', 'value'], fRows);

    // ---- column balance, value added, totals ----
    const tii = tot.get('TII') as Record<string, string>;
    const tva = tot.get('TVA') as Record<string, string>;
    const ti = tot.get('TI') as Record<string, string>;
    let maxCol = 0;
    let vaTotal = 0;
    let goTotal = 0;
    let impTotal = 0;
    const totRows = sectorCodes.map((c, i) => {
      const d = dom[i] as Record<string, string>;
      const m = imp[i] as Record<string, string>;
      const where = `${year} column ${c}`;
      const inter = num(tii, c, where);
      const va = num(tva, c, where);
      const comps = VA_ROWS.map(([r]) => num(tot.get(r) as Record<string, string>, c, where));
      const go = num(d, 'GO', where);
      if (!close(colSum.get(c) ?? 0, inter)) throw new Error(`${where}: column sum ${colSum.get(c)} ≠ total intermediate input ${inter}`);
      if (!close(comps.reduce((s, v) => s + v, 0), va)) throw new Error(`${where}: value-added components do not add up to ${va}`);
      if (!close(inter + va, num(ti, c, where))) throw new Error(`${where}: intermediate input + value added ≠ total input`);
      if (!close(inter + va, go)) throw new Error(`${where}: total input ${inter + va} ≠ total output ${go}`);
      maxCol = Math.max(maxCol, Math.abs(inter + va - go) / Math.max(1, Math.abs(go)));
      vaTotal += va;
      goTotal += go;
      impTotal += num(m, 'GO', where);
      return [c, go, inter, va, ...comps, num(m, 'GO', where)];
    });
    // The source's own total column (TIU of the TVA row) must equal the sum over sectors.
    if (!close(vaTotal, num(tva, 'TIU', `${year} TVA`))) throw new Error(`${year}: value added sums to ${vaTotal}, the source total is ${tva['TIU']}`);
    const vaTn = vaTotal / 1e8; // 万元 → 万亿元
    const gdp = GDP_TN[year];
    if (gdp !== undefined) {
      if (Math.abs(vaTn - gdp) > 0.005) throw new Error(`${year}: total value added ${vaTn.toFixed(4)} tn yuan ≠ GDP ${gdp} tn (PROVENANCE.md)`);
      log(`${year}: total value added ${vaTn.toFixed(4)} tn yuan = GDP ${gdp} tn yuan (PROVENANCE.md) to the stated 2 decimals`);
    } else {
      log(`${year}: total value added ${vaTn.toFixed(4)} tn yuan (no reference GDP figure in PROVENANCE.md: not checked)`);
    }
    const nT = writeCsv(join(ctx.bundledDir, 'io', `io_${year}_totals.csv`),
      ['code', 'total_output', 'intermediate_input', 'value_added', ...VA_ROWS.map(([, n]) => n), 'imports'], totRows);
    log(`${year}: 42 sectors; rows balance (Z·1 + f = x for domestic rows, = imports for imported rows; max relative ` +
      `gap ${maxRow.toExponential(1)}); columns balance (1'Z_d + 1'Z_m + v = x; max relative gap ${maxCol.toExponential(1)}); ` +
      `TIU/TFU/TII/TI/TVA totals and value-added components agree within ${REL_TOL}; total output ${(goTotal / 1e8).toFixed(2)} tn, ` +
      `imports ${(impTotal / 1e8).toFixed(2)} tn yuan; ${negatives} negative intermediate cells; ` +
      `wrote ${nSec} sectors, ${nZ} Z cells, ${nF} final-use cells, ${nT} totals`);
    tables.push(
      { name: `io.${year}.sectors`, file: `io/io_${year}_sectors.csv`, rows: nSec, sources: [SRC_IO] },
      { name: `io.${year}.z`, file: `io/io_${year}_z.csv`, rows: nZ, sources: [SRC_IO] },
      { name: `io.${year}.final`, file: `io/io_${year}_final.csv`, rows: nF, sources: [SRC_IO] },
      { name: `io.${year}.totals`, file: `io/io_${year}_totals.csv`, rows: nT, sources: [SRC_IO] },
    );
  }

  // ---- 42 sectors → GB/T 4754-2017 divisions ----
  const tree = readCsvObjects(join(ctx.bundledDir, 'classif', 'gbt4754.csv'));
  const divisions = new Map(tree.filter((r) => r['level'] === 'division').map((r) => [r['code'] ?? '', r['name_zh'] ?? '']));
  const map = readCsvObjects(join(dir, 'io42_gbt4754.csv'));
  const sectorZh = new Map((JSON.parse(sectorNames ?? '[]') as string[][]).map((s) => [s[0] ?? '', s[2] ?? '']));
  const seen = new Map<string, string>();
  const mapRows = map.map((r) => {
    const code = r['io_code'] ?? '';
    if (sectorZh.get(code) !== r['io_name_zh']) throw new Error(`io42_gbt4754.csv: ${code} is named ${sectorZh.get(code)} in the tables`);
    if (!(r['basis'] ?? '').trim()) throw new Error(`io42_gbt4754.csv: ${code} has no basis`);
    const divs = (r['gbt4754_divisions'] ?? '').split(';');
    for (const d of divs) {
      if (!divisions.has(d)) throw new Error(`io42_gbt4754.csv: ${code}: ${d} is not a GB/T 4754-2017 division`);
      if (seen.has(d)) throw new Error(`io42_gbt4754.csv: division ${d} in both ${seen.get(d)} and ${code}`);
      seen.set(d, code);
    }
    return [code, r['io_name_zh'] ?? '', divs.join(';'), r['basis'] ?? ''];
  });
  if (mapRows.length !== 42) throw new Error(`io42_gbt4754.csv: ${mapRows.length} sectors`);
  const missing = [...divisions.keys()].filter((d) => !seen.has(d));
  if (missing.length) throw new Error(`io42_gbt4754.csv: divisions without a sector: ${missing.join(' ')}`);
  log(`io42_gbt4754: 42 sectors cover all ${divisions.size} GB/T 4754-2017 divisions exactly once (names match the tables)`);
  const nMap = writeCsv(join(ctx.bundledDir, 'io', 'io42_gbt4754.csv'), ['io_code', 'io_name_zh', 'gbt4754_divisions', 'basis'], mapRows);
  tables.push({ name: 'io.io42_gbt4754', file: 'io/io42_gbt4754.csv', rows: nMap, sources: [SRC_MAP, 'classif.gbt4754_2017_swifthu'] });
  return tables;
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
