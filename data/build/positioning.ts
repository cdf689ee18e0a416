/**
 * Builds `positioning.csv`: every industry-positioning item of every FTZ sub-area (from the registry,
 * `zones.json`, built before this step), joined to our hand-made mapping `data/sources/positioning/item_map.csv`:
 * SEI 2018 categories, GB/T 4754-2017 divisions or groups, the 42 input–output sectors those fall in, and whether
 * the item is a digital-economy item.
 *
 * The registry's status is copied, never changed: where a sub-area's positioning is UNVERIFIED its value is null
 * and the draft list is used, marked UNVERIFIED. Every distinct item text must be in the mapping (mapped, or
 * explicitly unmappable with a reason), and every code must exist in the classification tables.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ZoneRecord } from '../../src/store/zoneTypes.js';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';

const SRC_MAP = 'positioning.item_map';
const MAPPINGS = new Set(['direct', 'broad', 'umbrella', 'unmappable']);

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'positioning');
  const ids = new Set((JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[]).map((r) => r.id));
  if (!ids.has(SRC_MAP)) throw new Error(`positioning/sources.json lacks ${SRC_MAP}`);
  const log = (m: string): void => ctx.log(`positioning: ${m}`);

  // ---- lookups built before this step ----
  const zones = JSON.parse(readFileSync(join(ctx.bundledDir, 'zones.json'), 'utf8')) as ZoneRecord[];
  const tree = new Map(readCsvObjects(join(ctx.bundledDir, 'classif', 'gbt4754.csv')).map((r) => [r['code'] ?? '', r]));
  const sei = new Map(readCsvObjects(join(ctx.bundledDir, 'classif', 'sei2018.csv')).map((r) => [r['code'] ?? '', r]));
  const tags = readCsvObjects(join(ctx.bundledDir, 'classif', 'gbt4754_tags.csv'));
  const digitalClasses = new Set(tags.filter((t) => t['tag'] === 'digital_economy').map((t) => t['code'] ?? ''));
  const divisionToIo = new Map<string, string>();
  for (const r of readCsvObjects(join(ctx.bundledDir, 'io', 'io42_gbt4754.csv'))) {
    for (const d of (r['gbt4754_divisions'] ?? '').split(';')) divisionToIo.set(d, r['io_code'] ?? '');
  }

  // ---- the mapping ----
  const split = (s: string | undefined): string[] => (s ?? '').split(';').map((x) => x.trim()).filter((x) => x !== '');
  const map = new Map<string, { mapping: string; sei: string[]; gbt: string[]; digital: number; basis: string }>();
  const digitalNotes: string[] = [];
  for (const r of readCsvObjects(join(dir, 'item_map.csv'))) {
    const item = r['item_zh'] ?? '';
    if (map.has(item)) throw new Error(`item_map.csv: ${item} listed twice`);
    const mapping = r['mapping'] ?? '';
    const seiCodes = split(r['sei_codes']);
    const gbt = split(r['gbt4754_codes']);
    const basis = (r['basis'] ?? '').trim();
    if (!MAPPINGS.has(mapping)) throw new Error(`item_map.csv: ${item}: mapping ${mapping}`);
    if (r['digital'] !== '0' && r['digital'] !== '1') throw new Error(`item_map.csv: ${item}: digital must be 0 or 1`);
    if (basis === '') throw new Error(`item_map.csv: ${item}: no basis`);
    for (const c of seiCodes) {
      const level = sei.get(c)?.['level'];
      if (level !== '1' && level !== '2') throw new Error(`item_map.csv: ${item}: ${c} is not an SEI 2018 area or mid category`);
    }
    for (const c of gbt) {
      const level = tree.get(c)?.['level'];
      if (level !== 'division' && level !== 'group') throw new Error(`item_map.csv: ${item}: ${c} is not a GB/T 4754-2017 division or group`);
    }
    if (mapping === 'unmappable' && (seiCodes.length || gbt.length || r['digital'] === '1')) throw new Error(`item_map.csv: ${item} is unmappable but carries codes`);
    if ((mapping === 'direct' || mapping === 'broad') && gbt.length === 0) throw new Error(`item_map.csv: ${item} is ${mapping} but has no GB/T code`);
    if (mapping === 'umbrella' && gbt.length === 0 && seiCodes.length === 0 && !/tag|gbt4754_tags|sei2018/.test(basis)) {
      throw new Error(`item_map.csv: ${item} is an umbrella without codes or a pointer to the classification it stands for`);
    }
    const digital = Number(r['digital']);
    // Cross-check the hand flag against the digital_economy tag (the core industries): report, do not override.
    const touches = gbt.some((c) => [...digitalClasses].some((d) => d.startsWith(c)));
    if (digital === 1 && gbt.length && !touches) digitalNotes.push(`${item}: flagged digital but none of ${gbt.join(';')} holds a digital_economy class`);
    map.set(item, { mapping, sei: seiCodes, gbt, digital, basis });
  }

  // ---- join to the registry ----
  const rows: (string | number)[][] = [];
  const used = new Set<string>();
  const byStatus = new Map<string, number>();
  const missing = new Set<string>();
  let areas = 0;
  for (const z of zones) {
    for (const a of z.areas) {
      areas++;
      const p = a.positioning_zh;
      const items = p.value ?? p.draft_value ?? [];
      if (p.value === null && p.status !== 'UNVERIFIED') throw new Error(`${a.id}: positioning is null but ${p.status}`);
      if (p.value !== null && p.status === 'UNVERIFIED') throw new Error(`${a.id}: UNVERIFIED positioning with a value`);
      const en = p.value !== null && a.positioning_en !== null && a.positioning_en.length === p.value.length ? a.positioning_en : null;
      const urls = [...new Set(p.sources.map((s) => s.url))].join(' | ');
      items.forEach((item, i) => {
        const m = map.get(item);
        if (m === undefined) {
          missing.add(item);
          return;
        }
        used.add(item);
        const io = [...new Set(m.gbt.map((c) => divisionToIo.get(c.slice(0, 2)) ?? ''))].filter((x) => x !== '').sort();
        if (m.gbt.length && io.length === 0) throw new Error(`${item}: no IO sector for ${m.gbt.join(';')}`);
        byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);
        rows.push([z.id, a.id, item, en?.[i] ?? '', m.mapping, m.sei.join(';'), m.gbt.join(';'), io.join(';'), m.digital, p.status, urls]);
      });
    }
  }
  if (missing.size) throw new Error(`item_map.csv lacks ${missing.size} item(s): ${[...missing].join(', ')}`);
  const unused = [...map.keys()].filter((k) => !used.has(k));
  if (unused.length) throw new Error(`item_map.csv has items no sub-area uses: ${unused.join(', ')}`);
  const byMapping = new Map<string, number>();
  for (const [, m] of map) byMapping.set(m.mapping, (byMapping.get(m.mapping) ?? 0) + 1);
  log(`${areas} sub-areas, ${rows.length} items (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}; UNVERIFIED rows are the ` +
    `registry's draft lists); ${map.size} distinct item texts, all mapped: ${[...byMapping].map(([k, n]) => `${k} ${n}`).join(', ')}; ` +
    `${rows.filter((r) => r[8] === 1).length} rows flagged digital`);
  log(`every SEI code is an area or mid category of sei2018.csv, every GB/T code a division or group of gbt4754.csv; ` +
    `IO sectors derived through io42_gbt4754.csv`);
  for (const n of digitalNotes) log(`digital flag check: ${n}`);
  if (!digitalNotes.length) log('digital flag check: every item flagged digital touches a digital_economy class');

  const n = writeCsv(join(ctx.bundledDir, 'positioning.csv'),
    ['zone', 'area_id', 'item_zh', 'item_en', 'mapping', 'sei_codes', 'gbt4754_codes', 'io42_sectors', 'digital', 'positioning_status', 'source_url'],
    rows);
  return [{ name: 'positioning', file: 'positioning.csv', rows: n, sources: [SRC_MAP, 'ftz.registry', 'classif.sei2018', 'classif.gbt4754_2017_swifthu', 'io.io42_gbt4754'] }];
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
