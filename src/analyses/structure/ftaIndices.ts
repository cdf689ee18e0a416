import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import { tradeComplementarity, tradeIntensity } from '../../methods/structure/tradeIndices.js';
import { listSources } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { readPanelColumns } from '../../store/panelFile.js';

export const ftaSpecSchema = z.object({
  /** A bilateral trade file in CEPII BACI's layout: t (year), i (exporter), j (importer), k (HS6 product), v (value). */
  trade: z.string().min(1),
  /** BACI's country table (country_code, country_iso3); not needed when i and j are ISO3 codes already. */
  countries: z.string().min(1).optional(),
  reporter: z.string().regex(/^[A-Z]{3}$/).default('CHN'),
  year: z.number().int().optional(),
});

export interface FtaIndicesOutput {
  readonly kind: 'structure.fta';
  readonly reporter: string;
  readonly year: number;
  /** Per partner of RCEP or CPTPP present in the file: complementarity both ways (Michaely, 0–100) and trade intensity (WITS). */
  readonly partners: readonly { iso3: string; name: Label; agreements: readonly string[]; complementarityExports: number; complementarityImports: number; intensityExports: number; intensityImports: number }[];
  /** Per HS section: the reporter's export RCA and each partner's import RCA, and their product (≥ 1: the section complements). */
  readonly bySection: readonly { section: string; reporterRca: number; partners: readonly { iso3: string; importRca: number; complementarity: number }[] }[];
  readonly missingPartners: readonly string[];
  readonly provenance: Provenance;
}

/**
 * FTA partner indices from trade data the user loads (CEPII BACI CSV): for the reporter (China by default) and
 * every RCEP / CPTPP party in the file, Michaely's trade complementarity in both directions and the trade
 * intensity index, over HS sections; and by section, the reporter's export RCA times each partner's import RCA.
 * Rows with a negative or non-numeric value, or an unknown country code, are refused naming the row.
 */
export async function ftaIndices(store: Db, input: unknown): Promise<FtaIndicesOutput> {
  const parsed = ftaSpecSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const s = parsed.data;
  const file = basename(s.trade);
  const cols = await readPanelColumns(resolve(s.trade), [{ name: 't', type: 'int' }, { name: 'i', type: 'code' }, { name: 'j', type: 'code' }, { name: 'k', type: 'code' }, { name: 'v', type: 'double' }]);
  const t = cols.columns.get('t') as Int32Array;
  const v = cols.columns.get('v') as Float64Array;
  for (let r = 0; r < cols.rows; r++) {
    if (!((v[r] as number) >= 0)) throw new FtzError('carbon.bad_quantity', { file, row: r + 2, column: 'v', value: String(v[r]), reason: 'trade values must be ≥ 0' });
  }
  const years = [...new Set(t)].sort((a, b) => a - b);
  const year = s.year ?? (years.at(-1) as number);
  if (!years.includes(year)) throw new FtzError('import.bad_year', { file, row: 0, column: 't', value: String(s.year) });
  // Country codes: ISO3 in the file, or BACI's numeric codes through its country table.
  let iso = (label: string): string | undefined => (/^[A-Z]{3}$/.test(label) ? label : undefined);
  if (s.countries) {
    const cc = await readPanelColumns(resolve(s.countries), [{ name: 'country_code', type: 'text' }, { name: 'country_iso3', type: 'text' }]);
    const codes = cc.columns.get('country_code') as (string | null)[];
    const iso3 = cc.columns.get('country_iso3') as (string | null)[];
    const map = new Map(codes.map((c, r) => [String(Number(c)), iso3[r] ?? '']));
    iso = (label) => map.get(String(Number(label))) || undefined;
  }
  const il = cols.labels.get('i') as readonly string[];
  const jl = cols.labels.get('j') as readonly string[];
  const kl = cols.labels.get('k') as readonly string[];
  const ic = cols.columns.get('i') as Int32Array;
  const jc = cols.columns.get('j') as Int32Array;
  const kc = cols.columns.get('k') as Int32Array;
  const chapters = new Map((await store.all<{ code: string; section: string }>("SELECT code, section FROM hs2022 WHERE level = 2")).map((r) => [r.code, r.section]));
  const sectionOfK = kl.map((k) => chapters.get(k.padStart(6, '0').slice(0, 2)) || '');
  const countryIndex = new Map<string, number>();
  const countryOf = (label: string, r: number, column: 'i' | 'j'): number => {
    const code = iso(label);
    if (code === undefined) throw new FtzError('import.unknown_region', { file, row: r + 2, column, value: label });
    let n = countryIndex.get(code);
    if (n === undefined) countryIndex.set(code, (n = countryIndex.size));
    return n;
  };
  // Sections in nomenclature order (by their first chapter).
  const firstChapter = new Map<string, string>();
  for (const [ch, sec] of [...chapters.entries()].sort((a, b) => a[0].localeCompare(b[0]))) if (sec && !firstChapter.has(sec)) firstChapter.set(sec, ch);
  const sections = [...firstChapter.keys()];
  const secIndex = new Map(sections.map((x, q) => [x, q]));
  const flows = new Map<number, Float64Array>();
  const bil = new Map<string, number>();
  for (let r = 0; r < cols.rows; r++) {
    if (t[r] !== year) continue;
    const q = secIndex.get(sectionOfK[kc[r] as number] as string);
    if (q === undefined) continue;
    const a = countryOf(il[ic[r] as number] as string, r, 'i');
    const b = countryOf(jl[jc[r] as number] as string, r, 'j');
    const key = a * 100000 + b;
    let f = flows.get(key);
    if (!f) flows.set(key, (f = new Float64Array(sections.length)));
    f[q] = (f[q] as number) + (v[r] as number);
    bil.set(`${a}:${b}`, (bil.get(`${a}:${b}`) ?? 0) + (v[r] as number));
  }
  const n = countryIndex.size;
  const m = sections.length;
  const X = new Float64Array(n * m);
  const M = new Float64Array(n * m);
  const B = new Float64Array(n * n);
  for (const [key, f] of flows) {
    const a = Math.floor(key / 100000);
    const b = key % 100000;
    for (let q = 0; q < m; q++) {
      X[a * m + q] = (X[a * m + q] as number) + (f[q] as number);
      M[b * m + q] = (M[b * m + q] as number) + (f[q] as number);
      B[a * n + b] = (B[a * n + b] as number) + (f[q] as number);
    }
  }
  const tf = { exports: { rows: n, cols: m, values: X }, imports: { rows: n, cols: m, values: M }, bilateral: { rows: n, cols: n, values: B } };
  const tc = tradeComplementarity(tf);
  const ti = tradeIntensity(tf);
  const me = countryIndex.get(s.reporter);
  if (me === undefined) throw new FtzError('disparity.option_invalid', { option: 'reporter', value: s.reporter, reason: `not in ${file} for ${year}` });
  const members = await store.all<{ agreement: string; iso3: string; name_en: string; name_zh: string }>('SELECT agreement, iso3, name_en, name_zh FROM fta_member ORDER BY iso3, agreement');
  const partnerIso = [...new Set(members.map((x) => x.iso3))].filter((x) => x !== s.reporter);
  const present = partnerIso.filter((x) => countryIndex.has(x));
  const worldX = new Float64Array(m);
  const worldM = new Float64Array(m);
  for (let q = 0; q < m; q++) for (let c = 0; c < n; c++) { worldX[q] = (worldX[q] as number) + (X[c * m + q] as number); worldM[q] = (worldM[q] as number) + (M[c * m + q] as number); }
  const totX = worldX.reduce((x, y) => x + y, 0);
  const totM = worldM.reduce((x, y) => x + y, 0);
  const rowSum = (A: Float64Array, c: number): number => { let x = 0; for (let q = 0; q < m; q++) x += A[c * m + q] as number; return x; };
  const exportRca = (c: number, q: number): number => ((X[c * m + q] as number) / rowSum(X, c)) / ((worldX[q] as number) / totX);
  const importRca = (c: number, q: number): number => ((M[c * m + q] as number) / rowSum(M, c)) / ((worldM[q] as number) / totM);
  const sources = (await listSources(store)).filter((x) => x.id === 'fta.members' || x.id === 'hs.harmonized_system').map((x) => ({ id: x.id, publisher: x.publisher, title: x.title, url: x.url, licence: x.licence }));
  return {
    kind: 'structure.fta', reporter: s.reporter, year,
    partners: present.map((p) => {
      const k = countryIndex.get(p) as number;
      const mm = members.filter((x) => x.iso3 === p);
      return {
        iso3: p, name: { zh: mm[0]?.name_zh ?? p, en: mm[0]?.name_en ?? p }, agreements: mm.map((x) => x.agreement),
        complementarityExports: tc.values[me * n + k] as number, complementarityImports: tc.values[k * n + me] as number,
        intensityExports: ti.values[me * n + k] as number, intensityImports: ti.values[k * n + me] as number,
      };
    }),
    bySection: sections.map((section, q) => ({
      section, reporterRca: exportRca(me, q),
      partners: present.map((p) => {
        const k = countryIndex.get(p) as number;
        const mr = importRca(k, q);
        return { iso3: p, importRca: mr, complementarity: exportRca(me, q) * mr };
      }),
    })),
    missingPartners: partnerIso.filter((x) => !countryIndex.has(x)),
    provenance: await buildProvenance(store, { sources, options: { ...s, trade: file, countries: s.countries ? basename(s.countries) : null, year } }),
  };
}
