/**
 * Builds the industry classifications: `classif/gbt4754.csv` (the GB/T 4754-2017 tree: sections, divisions,
 * groups, classes), `classif/gbt4754_tags.csv` (4-digit class → statistical classifications that include it:
 * strategic emerging industries, high-tech manufacturing and services, digital economy, …) and `classif/sei2018.csv`
 * (the Strategic Emerging Industries Classification 2018: 9 areas, 40 mid categories, draft level-3 categories,
 * each with the GB/T 4754 classes it covers).
 *
 * All three come from transcriptions (see data/sources/classif/SOURCE.md): the tree from swifthu/industrial_classifi,
 * cross-checked against a second transcription (`tree_crosscheck.csv` lists where the two differ); the tags and the
 * SEI level-3 names from an unpublished spreadsheet behind the same repository. Every row carries a status, and
 * `checks.csv` records which category names were seen on public pages (CHECKS.md tells the story). The script never
 * upgrades a status beyond what a recorded check supports.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';

const SRC_TREE = 'classif.gbt4754_2017_swifthu';
const SRC_TAGS = 'classif.tag_map_swifthu';
const SRC_SEI = 'classif.sei2018';
const SRC_CHECKS = 'classif.checks';

const LEVEL_NAMES = ['section', 'division', 'group', 'class'] as const;
type LevelName = (typeof LEVEL_NAMES)[number];
const EXPECTED_COUNTS: Readonly<Record<LevelName, number>> = { section: 20, division: 97, group: 473, class: 1382 };

/** swifthu's tag ids → ours, with the classification each stands for (as swifthu's README labels them). */
const TAGS: Readonly<Record<string, { id: string; expectCodes?: number }>> = {
  strategic: { id: 'strategic_emerging', expectCodes: 469 },
  highTech_mfg: { id: 'hightech_mfg', expectCodes: 85 },
  highTech_svc: { id: 'hightech_svc', expectCodes: 97 },
  digital: { id: 'digital_economy', expectCodes: 130 },
  'ip密集型': { id: 'ip_intensive' },
  culture: { id: 'culture' },
  pension: { id: 'elderly_care' },
};

/** The number of GB/T 4754-2017 classes that SEI 2018 corresponds to, as the NBS stated it (经济日报, 2019-01-28). */
const SEI_OFFICIAL_CLASS_COUNT = 485;

interface SeiArea {
  readonly code: string;
  readonly name: string;
  readonly children: readonly {
    readonly code: string;
    readonly name: string;
    readonly level3_names_from_swifthu: readonly string[];
    readonly gbt4754_2017_codes: readonly string[];
  }[];
  readonly unplaced_level4_names_from_swifthu?: readonly string[];
  readonly unplaced_gbt4754_codes?: readonly string[];
}

/** Names in the sources carry stray spaces and no-break spaces (`海洋工程装备产业\u00a0`). */
const clean = (s: string): string => s.replace(/[\s\u00a0\u3000]+$/u, '').replace(/^[\s\u00a0\u3000]+/u, '');
const cleanPath = (p: string): string => p.split('>').map(clean).join(' > ');

function loadSourceIds(dir: string): Set<string> {
  return new Set((JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[]).map((r) => r.id));
}

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'classif');
  const ids = loadSourceIds(dir);
  for (const id of [SRC_TREE, SRC_TAGS, SRC_SEI, SRC_CHECKS]) if (!ids.has(id)) throw new Error(`classif/sources.json lacks ${id}`);
  const log = (m: string): void => ctx.log(`classif: ${m}`);

  // ---- GB/T 4754-2017 tree ----
  const crossRows = readCsvObjects(join(dir, 'tree_crosscheck.csv'));
  const cross = new Map(crossRows.map((r) => [r['code'] ?? '', r]));
  const raw = readCsvObjects(join(dir, 'gbt4754_2017_tree_from_swifthu.csv'));
  const tree = new Map<string, { level: LevelName; parent: string; name: string }>();
  const counts: Record<LevelName, number> = { section: 0, division: 0, group: 0, class: 0 };
  let trimmed = 0;
  for (const r of raw) {
    const code = r['code'] ?? '';
    const level = LEVEL_NAMES[Number(r['level']) - 1];
    if (level === undefined) throw new Error(`GB/T ${code}: level ${r['level']}`);
    const shape = { section: /^[A-T]$/, division: /^\d{2}$/, group: /^\d{3}$/, class: /^\d{4}$/ }[level];
    if (!shape.test(code)) throw new Error(`GB/T ${code}: not shaped like a ${level}`);
    if (tree.has(code)) throw new Error(`GB/T ${code} appears twice`);
    const name = clean(r['name'] ?? '');
    if (name !== r['name']) trimmed++;
    if (name === '') throw new Error(`GB/T ${code}: empty name`);
    tree.set(code, { level, parent: r['parent_code'] ?? '', name });
    counts[level]++;
  }
  for (const [code, n] of tree) {
    if (n.level === 'section') {
      if (n.parent !== '') throw new Error(`section ${code} has parent ${n.parent}`);
      continue;
    }
    const p = tree.get(n.parent);
    const want = LEVEL_NAMES[LEVEL_NAMES.indexOf(n.level) - 1];
    if (p === undefined || p.level !== want) throw new Error(`GB/T ${code}: parent ${n.parent} is not a ${want}`);
    if (n.level !== 'division' && !code.startsWith(n.parent)) throw new Error(`GB/T ${code} does not start with its parent ${n.parent}`);
  }
  for (const level of LEVEL_NAMES) {
    if (counts[level] !== EXPECTED_COUNTS[level]) throw new Error(`GB/T 4754-2017: ${counts[level]} ${level}s, expected ${EXPECTED_COUNTS[level]}`);
  }
  for (const code of cross.keys()) if (!tree.has(code)) throw new Error(`tree_crosscheck.csv: unknown code ${code}`);
  const absent = crossRows.filter((r) => r['finding'] === 'absent').length;
  const differs = crossRows.filter((r) => r['finding'] === 'name_differs');
  log(`GB/T 4754-2017: ${counts.section} sections, ${counts.division} divisions, ${counts.group} groups, ${counts.class} classes ` +
    `(counts as expected); every parent exists one level up and is a prefix; trimmed trailing spaces from ${trimmed} names`);
  log(`GB/T 4754-2017 cross-check against a second transcription: ${tree.size - crossRows.length} entries agree, ` +
    `${absent} are absent there (199 groups and 2 classes), ${differs.length} names differ: ` +
    `${differs.map((r) => r['code']).join(' ')} → status SECONDARY for those, VERIFIED_SECONDARY for the rest`);
  const treeRows = [...tree].map(([code, n]) => [code, n.level, n.parent, n.name, cross.has(code) ? 'SECONDARY' : 'VERIFIED_SECONDARY']);
  const nTree = writeCsv(join(ctx.bundledDir, 'classif', 'gbt4754.csv'), ['code', 'level', 'parent', 'name_zh', 'status'], treeRows);

  // ---- recorded checks: which category names were seen on public pages ----
  const checks = readCsvObjects(join(dir, 'checks.csv'));
  const confirmed = new Map<string, Map<string, number>>(); // tag → path prefix → depth confirmed
  for (const c of checks.filter((r) => r['kind'] === 'category')) {
    const depth = Number((c['level_confirmed'] ?? '').replace('l', ''));
    const key = cleanPath(c['key'] ?? '');
    if (key.split(' > ').length !== depth) throw new Error(`checks.csv: ${key} is not ${depth} levels deep`);
    if (!(c['evidence_url'] ?? '').trim()) throw new Error(`checks.csv: ${key} has no evidence`);
    const m = confirmed.get(c['tag'] ?? '') ?? new Map<string, number>();
    m.set(key, depth);
    confirmed.set(c['tag'] ?? '', m);
  }
  /** The deepest prefix of `path` whose every level was seen on a public page (0 = none). */
  const confirmedDepth = (tag: string, path: string): number => {
    const parts = path.split(' > ');
    const m = confirmed.get(tag);
    let depth = 0;
    for (let d = 1; d <= parts.length; d++) {
      if (m?.get(parts.slice(0, d).join(' > ')) === d) depth = d;
      else break;
    }
    return depth;
  };
  const tagStatus = (depth: number): string => (depth === 0 ? 'unchecked' : `l${depth}_confirmed`);

  // ---- tag map ----
  const tagRaw = readCsvObjects(join(dir, 'gbt4754_tag_map_from_swifthu.csv'));
  const tagRows = new Map<string, { code: string; tag: string; partial: number; path: string }>();
  let dupes = 0;
  const codesPerTag = new Map<string, Set<string>>();
  for (const r of tagRaw) {
    const t = TAGS[r['tag'] ?? ''];
    if (t === undefined) throw new Error(`tag map: unknown tag ${r['tag']}`);
    const code = r['gbt4754_2017_code'] ?? '';
    const node = tree.get(code);
    if (node === undefined || node.level !== 'class') throw new Error(`tag map: ${code} is not a GB/T 4754-2017 class`);
    if (clean(r['gbt4754_name'] ?? '') !== node.name) throw new Error(`tag map: ${code} named ${r['gbt4754_name']}, tree says ${node.name}`);
    const partialRaw = r['partial_star'];
    if (partialRaw !== 'True' && partialRaw !== 'False') throw new Error(`tag map: ${code} partial_star ${partialRaw}`);
    const partial = partialRaw === 'True' ? 1 : 0;
    const path = cleanPath(r['category_path'] ?? '');
    const key = `${t.id}|${code}|${path}`;
    const prev = tagRows.get(key);
    if (prev !== undefined) {
      if (prev.partial !== partial) throw new Error(`tag map: ${key} listed as partial and as whole`);
      dupes++;
      continue;
    }
    tagRows.set(key, { code, tag: t.id, partial, path });
    const s = codesPerTag.get(t.id) ?? new Set<string>();
    s.add(code);
    codesPerTag.set(t.id, s);
  }
  for (const t of Object.values(TAGS)) {
    const n = codesPerTag.get(t.id)?.size ?? 0;
    if (t.expectCodes !== undefined && n !== t.expectCodes) throw new Error(`tag ${t.id}: ${n} classes, expected ${t.expectCodes}`);
  }
  log(`tags: ${tagRaw.length} source rows → ${tagRows.size} (class, tag, path) rows after dropping ${dupes} repeats (same ` +
    `class and path, different product lists); classes per tag: ${Object.values(TAGS).map((t) => `${t.id} ${codesPerTag.get(t.id)?.size ?? 0}`).join(', ')}`);
  const seiCodes = codesPerTag.get('strategic_emerging')?.size ?? 0;
  log(`tags: strategic_emerging covers ${seiCodes} classes; the NBS gives ${SEI_OFFICIAL_CLASS_COUNT} for SEI 2018 → ` +
    `${SEI_OFFICIAL_CLASS_COUNT - seiCodes} classes missing from the transcription (which ones is not known)`);
  const digital05 = [...tagRows.values()].filter((r) => r.tag === 'digital_economy' && r.path.startsWith('数字化效率提升业')).length;
  log(`tags: digital_economy has ${digital05} rows in 05 数字化效率提升业 (the official 05 spans most of the economy): the tag ` +
    'is in effect the digital-economy core industries 01–04');
  const statusCount = new Map<string, number>();
  const tagOut = [...tagRows.values()]
    .sort((a, b) => a.code.localeCompare(b.code) || a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path))
    .map((r) => {
      const status = tagStatus(confirmedDepth(r.tag, r.path));
      statusCount.set(`${r.tag}:${status}`, (statusCount.get(`${r.tag}:${status}`) ?? 0) + 1);
      return [r.code, r.tag, r.partial, r.path, status];
    });
  log(`tags: status (category names seen on a public page; the class→category link itself is never seen): ` +
    `${[...statusCount].sort().map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const c of checks.filter((r) => r['kind'] === 'spot_tag')) {
    const [code, path] = (c['key'] ?? '').split(' | ');
    const row = tagRows.get(`${c['tag']}|${code}|${path}`);
    if (row === undefined) throw new Error(`checks.csv spot check ${c['tag']} ${c['key']} is not in the tag map`);
    log(`tags: spot check ${c['tag']} ${code} ${path}: ${tagStatus(confirmedDepth(row.tag, row.path))}`);
  }
  const nTags = writeCsv(join(ctx.bundledDir, 'classif', 'gbt4754_tags.csv'), ['code', 'tag', 'partial', 'path', 'status'], tagOut);

  // ---- SEI 2018 ----
  const sei = JSON.parse(readFileSync(join(dir, 'sei2018_classification.json'), 'utf8')) as { areas: readonly SeiArea[] };
  if (sei.areas.length !== 9) throw new Error(`SEI 2018: ${sei.areas.length} areas, expected 9`);
  const strategicByPath = new Map<string, Set<string>>();
  for (const r of tagRows.values()) {
    if (r.tag !== 'strategic_emerging') continue;
    const s = strategicByPath.get(r.path) ?? new Set<string>();
    s.add(r.code);
    strategicByPath.set(r.path, s);
  }
  const codesUnder = (prefix: string): Set<string> => {
    const s = new Set<string>();
    for (const [p, cs] of strategicByPath) if (p === prefix || p.startsWith(`${prefix} > `)) for (const c of cs) s.add(c);
    return s;
  };
  const join_ = (s: Iterable<string>): string => [...s].sort().join(';');
  const seiRows: (string | number)[][] = [];
  let mids = 0;
  let l3 = 0;
  let l3Confirmed = 0;
  for (const a of sei.areas) {
    const areaName = clean(a.name);
    if (confirmedDepth('strategic_emerging', areaName) < 1) throw new Error(`SEI area ${areaName} not among the confirmed names`);
    const areaCodes = codesUnder(areaName);
    seiRows.push([a.code, 1, '', areaName, join_(areaCodes), 'VERIFIED']);
    for (const c of a.children) {
      mids++;
      const midName = clean(c.name);
      const midPath = `${areaName} > ${midName}`;
      if (!c.code.startsWith(`${a.code}.`)) throw new Error(`SEI ${c.code} is not under ${a.code}`);
      if (confirmedDepth('strategic_emerging', midPath) < 2) throw new Error(`SEI ${midPath} not among the confirmed names`);
      const midCodes = codesUnder(midPath);
      if (join_(midCodes) !== join_(c.gbt4754_2017_codes)) {
        throw new Error(`SEI ${c.code}: codes in the JSON differ from the tag map's paths`);
      }
      seiRows.push([c.code, 2, a.code, midName, join_(midCodes), 'VERIFIED_SECONDARY']);
      const names = [...c.level3_names_from_swifthu].map(clean);
      names.forEach((n, i) => {
        l3++;
        const path = `${midPath} > ${n}`;
        const codes = strategicByPath.get(path);
        if (codes === undefined) throw new Error(`SEI ${c.code} level 3 ${n}: no class in the tag map`);
        const ok = confirmedDepth('strategic_emerging', path) === 3;
        if (ok) l3Confirmed++;
        seiRows.push([`${c.code}.D${String(i + 1).padStart(2, '0')}`, 3, c.code, n, join_(codes), ok ? 'VERIFIED_SECONDARY' : 'DRAFT']);
      });
      const l3Union = new Set(names.flatMap((n) => [...(strategicByPath.get(`${midPath} > ${n}`) ?? [])]));
      if (join_(l3Union) !== join_(midCodes)) throw new Error(`SEI ${c.code}: level-3 classes do not add up to the mid category's`);
    }
    if (a.unplaced_gbt4754_codes !== undefined) {
      const unplaced = new Set(a.unplaced_gbt4754_codes);
      const direct = new Set([...strategicByPath].filter(([p]) => p.startsWith(`${areaName} > `) &&
        !a.children.some((c) => p.startsWith(`${areaName} > ${clean(c.name)}`))).flatMap(([, cs]) => [...cs]));
      if (join_(direct) !== join_(unplaced)) throw new Error(`SEI ${a.code}: unplaced classes differ from the tag map`);
      log(`SEI ${a.code} ${areaName}: ${a.children.length} mid categories named but the transcription flattened their ` +
        `sub-levels (${a.unplaced_level4_names_from_swifthu?.length ?? 0} names, ${unplaced.size} classes not placed under a ` +
        'mid category): the area row carries the classes, the mid-category rows carry none');
    }
  }
  if (mids !== 40) throw new Error(`SEI 2018: ${mids} mid categories, expected 40`);
  log(`SEI 2018: 9 areas (VERIFIED), ${mids} mid categories (VERIFIED_SECONDARY), ${l3} draft level-3 categories ` +
    `(${l3Confirmed} VERIFIED_SECONDARY by name, the rest DRAFT); level-3 codes are D-numbered in the transcription's ` +
    'order, not the official 1.1.1 numbering; every mid category\'s classes equal the union of its level-3 classes');
  for (const c of checks.filter((r) => r['kind'] === 'spot_sei3')) {
    const [mid, name] = (c['key'] ?? '').split(' | ');
    const row = seiRows.find((r) => r[2] === mid && r[3] === name);
    if (row === undefined) throw new Error(`checks.csv spot check SEI ${c['key']} is not a level-3 category`);
    log(`SEI spot check ${mid} ${name}: ${row[5]}`);
  }
  const nSei = writeCsv(join(ctx.bundledDir, 'classif', 'sei2018.csv'),
    ['code', 'level', 'parent', 'name_zh', 'gbt4754_codes', 'status'], seiRows);

  return [
    { name: 'classif.gbt4754', file: 'classif/gbt4754.csv', rows: nTree, sources: [SRC_TREE] },
    { name: 'classif.gbt4754_tags', file: 'classif/gbt4754_tags.csv', rows: nTags, sources: [SRC_TAGS, SRC_CHECKS] },
    { name: 'classif.sei2018', file: 'classif/sei2018.csv', rows: nSei, sources: [SRC_SEI, SRC_TAGS, SRC_CHECKS] },
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
