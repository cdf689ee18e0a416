import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FtzError } from '../core/errors.js';
import type { Db } from './duckdb.js';
import { BUNDLED_TABLES } from './schema.js';
import type { ZoneRecord } from './zoneTypes.js';

export interface BundleManifest {
  readonly version: string;
  readonly tables: readonly { name: string; file: string; rows: number; sha256: string; sources: string[] }[];
}

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

const COLUMNS = {
  region: {
    code: 'VARCHAR', level: 'VARCHAR', parent: 'VARCHAR', name_zh: 'VARCHAR', short_zh: 'VARCHAR', name_en: 'VARCHAR',
    macro_region: 'VARCHAR', location_type: 'VARCHAR', coastal: 'BOOLEAN', border: 'BOOLEAN', source_id: 'VARCHAR',
  },
  indicator: {
    code: 'VARCHAR', name_zh: 'VARCHAR', name_en: 'VARCHAR', unit_zh: 'VARCHAR', unit_en: 'VARCHAR',
    direction: 'VARCHAR', dataset: 'VARCHAR', topic: 'VARCHAR', source_id: 'VARCHAR', note: 'VARCHAR',
  },
  observation: {
    region: 'VARCHAR', year: 'INTEGER', indicator: 'VARCHAR', value: 'DOUBLE', source_id: 'VARCHAR', note: 'VARCHAR',
  },
  hs2022: { code: 'VARCHAR', level: 'INTEGER', parent: 'VARCHAR', description_en: 'VARCHAR', section: 'VARCHAR' },
  hs_isic4: { hs6: 'VARCHAR', isic4: 'VARCHAR' },
  cbam_good: { cn: 'VARCHAR', level: 'INTEGER', product_group: 'VARCHAR', description_abridged_en: 'VARCHAR', heading_only: 'BOOLEAN', good_key: 'VARCHAR' },
  cbam_default: {
    origin: 'VARCHAR', cn: 'VARCHAR', direct: 'DOUBLE', indirect: 'DOUBLE', total: 'DOUBLE', route: 'VARCHAR', status: 'VARCHAR',
    citation: 'VARCHAR', checked_against: 'VARCHAR', source_id: 'VARCHAR',
  },
  cbam_markup: { product_group: 'VARCHAR', from_year: 'INTEGER', markup_pct: 'DOUBLE', status: 'VARCHAR', citation: 'VARCHAR', note: 'VARCHAR', source_id: 'VARCHAR' },
  gbt4754: { code: 'VARCHAR', level: 'VARCHAR', parent: 'VARCHAR', name_zh: 'VARCHAR', status: 'VARCHAR' },
  gbt4754_tag: { code: 'VARCHAR', tag: 'VARCHAR', partial: 'BOOLEAN', path: 'VARCHAR', status: 'VARCHAR' },
  sei2018: { code: 'VARCHAR', level: 'INTEGER', parent: 'VARCHAR', name_zh: 'VARCHAR', gbt4754_codes: 'VARCHAR', status: 'VARCHAR' },
  positioning: {
    zone: 'VARCHAR', area_id: 'VARCHAR', item_zh: 'VARCHAR', item_en: 'VARCHAR', mapping: 'VARCHAR', sei_codes: 'VARCHAR', gbt4754_codes: 'VARCHAR',
    io42_sectors: 'VARCHAR', digital: 'BOOLEAN', positioning_status: 'VARCHAR', source_url: 'VARCHAR',
  },
  io_sector: { code: 'VARCHAR', name_en: 'VARCHAR', name_zh: 'VARCHAR' },
  io_flow: { row_code: 'VARCHAR', col_code: 'VARCHAR', origin: 'VARCHAR', value: 'DOUBLE' },
  io_final: { row_code: 'VARCHAR', category: 'VARCHAR', origin: 'VARCHAR', value: 'DOUBLE' },
  io_total: {
    code: 'VARCHAR', total_output: 'DOUBLE', intermediate_input: 'DOUBLE', value_added: 'DOUBLE', va_compensation: 'DOUBLE',
    va_net_taxes_on_production: 'DOUBLE', va_depreciation: 'DOUBLE', va_operating_surplus: 'DOUBLE', imports: 'DOUBLE',
  },
  neglist_edition: {
    id: 'VARCHAR', kind: 'VARCHAR', jurisdiction: 'VARCHAR', scope: 'VARCHAR', edition: 'VARCHAR', title_zh: 'VARCHAR', title_en: 'VARCHAR',
    issuer: 'VARCHAR', doc_number: 'VARCHAR', published: 'VARCHAR', effective: 'VARCHAR', date_note: 'VARCHAR', official_count: 'INTEGER',
    transcribed: 'INTEGER', transcribed_zh_full: 'INTEGER', status: 'VARCHAR', texts_completeness: 'VARCHAR', source_url: 'VARCHAR',
    texts_source_urls: 'VARCHAR', note: 'VARCHAR', source_ids: 'VARCHAR',
  },
  neglist_measure: {
    edition_id: 'VARCHAR', number: 'INTEGER', number_basis: 'VARCHAR', section_letter: 'VARCHAR', section_title_zh: 'VARCHAR', text_zh: 'VARCHAR',
    text_zh_status: 'VARCHAR', text_en: 'VARCHAR', text_en_status: 'VARCHAR', status: 'VARCHAR', source_url: 'VARCHAR', note: 'VARCHAR', source_id: 'VARCHAR',
    reviewed: 'BOOLEAN', review_note: 'VARCHAR',
  },
  neglist_note: {
    edition_id: 'VARCHAR', paragraph_no: 'INTEGER', text_zh: 'VARCHAR', text_zh_status: 'VARCHAR', text_en: 'VARCHAR', text_en_status: 'VARCHAR',
    source_url: 'VARCHAR', source_url_en: 'VARCHAR', source_id: 'VARCHAR',
  },
  fta_member: { agreement: 'VARCHAR', iso3: 'VARCHAR', name_en: 'VARCHAR', name_zh: 'VARCHAR', in_force: 'VARCHAR', status: 'VARCHAR', source_url: 'VARCHAR', source_id: 'VARCHAR' },
  io42_gbt4754: { io_code: 'VARCHAR', io_name_zh: 'VARCHAR', gbt4754_divisions: 'VARCHAR', basis: 'VARCHAR' },
  cbam_rule: { rule: 'VARCHAR', key: 'VARCHAR', value: 'DOUBLE', unit: 'VARCHAR', citation: 'VARCHAR', status: 'VARCHAR', note: 'VARCHAR', source_id: 'VARCHAR' },
} as const;

/** `read_csv` with every column typed up front: no sniffing, so codes such as `0101` keep their zeros. */
function readCsv(file: string, columns: Record<string, string>): string {
  const spec = Object.entries(columns)
    .map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`)
    .join(', ');
  return `read_csv(${sqlString(file)}, header = true, columns = {${spec}}, quote = '"', escape = '"', ` +
    `nullstr = '', auto_detect = false, delim = ',')`;
}

export function readManifest(dir: string): { manifest: BundleManifest; sha256: string } {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new FtzError('store.bundle_missing', { path });
  const text = readFileSync(path);
  return {
    manifest: JSON.parse(text.toString('utf8')) as BundleManifest,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

/**
 * Loads `data/bundled` into the store when the database is new or the bundle changed since the last load.
 * The reload is one transaction over the bundled tables only, so user datasets survive an upgrade.
 * Returns true when it (re)loaded.
 */
export async function ensureBundle(store: Db, dir: string, log: (m: string) => void = () => {}): Promise<boolean> {
  const { manifest, sha256 } = readManifest(dir);
  const current = await store.one<{ value: string }>("SELECT value FROM meta WHERE key = 'bundle_sha256'");
  if (current?.value === sha256) return false;
  log(`loading bundled data ${manifest.version} (${manifest.tables.length} tables)…`);
  await store.transaction(async (tx) => {
    for (const t of BUNDLED_TABLES) await tx.run(`DELETE FROM ${t}`);
    const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as Record<string, string | null>[];
    for (const s of sources) {
      await tx.run('INSERT INTO source VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        s.id ?? null, s.publisher ?? null, s.title ?? null, s.url ?? null, s.licence ?? null, s.retrieved ?? null,
        s.citation ?? null, s.note ?? null,
      ]);
    }
    await tx.run(`INSERT INTO region SELECT * FROM ${readCsv(join(dir, 'regions.csv'), COLUMNS.region)}`);
    for (const file of csvFiles(join(dir, 'indicators'))) {
      await tx.run(
        `INSERT INTO indicator SELECT code, name_zh, name_en, unit_zh, unit_en, coalesce(direction, ''), 'bundled',
           dataset, topic, source_id, note FROM ${readCsv(file, COLUMNS.indicator)}`,
      );
    }
    for (const file of csvFiles(join(dir, 'observations'))) {
      await tx.run(`INSERT INTO observation SELECT * FROM ${readCsv(file, COLUMNS.observation)}`);
    }
    await tx.run(`INSERT INTO hs2022 SELECT * FROM ${readCsv(join(dir, 'hs2022.csv'), COLUMNS.hs2022)}`);
    await tx.run(`INSERT INTO hs_isic4 SELECT * FROM ${readCsv(join(dir, 'hs_isic4.csv'), COLUMNS.hs_isic4)}`);
    for (const [table, file] of [['cbam_good', 'goods'], ['cbam_default', 'defaults'], ['cbam_markup', 'markups'], ['cbam_rule', 'rules']] as const) {
      await tx.run(`INSERT INTO ${table} SELECT * FROM ${readCsv(join(dir, 'cbam', `${file}.csv`), COLUMNS[table])}`);
    }
    for (const [table, file] of [['gbt4754', 'classif/gbt4754'], ['gbt4754_tag', 'classif/gbt4754_tags'], ['sei2018', 'classif/sei2018'], ['positioning', 'positioning'], ['io42_gbt4754', 'io/io42_gbt4754'], ['fta_member', 'fta_members'], ['neglist_edition', 'neglist/editions'], ['neglist_measure', 'neglist/measures'], ['neglist_note', 'neglist/notes']] as const) {
      await tx.run(`INSERT INTO ${table} SELECT * FROM ${readCsv(join(dir, `${file}.csv`), COLUMNS[table])}`);
    }
    // One set of IO files per table year (io/io_<year>_<part>.csv).
    const ioYears = [...new Set(readdirSync(join(dir, 'io')).map((f) => /^io_(\d{4})_/.exec(f)?.[1]).filter((y): y is string => y !== undefined))].sort();
    for (const y of ioYears) {
      for (const [table, part] of [['io_sector', 'sectors'], ['io_flow', 'z'], ['io_final', 'final'], ['io_total', 'totals']] as const) {
        await tx.run(`INSERT INTO ${table} SELECT ${Number(y)}, * FROM ${readCsv(join(dir, 'io', `io_${y}_${part}.csv`), COLUMNS[table])}`);
      }
    }
    const zones = JSON.parse(readFileSync(join(dir, 'zones.json'), 'utf8')) as ZoneRecord[];
    await insertZones(tx, zones);
    await tx.run("INSERT OR REPLACE INTO meta VALUES ('bundle_sha256', ?), ('bundle_version', ?)", [
      sha256, manifest.version,
    ]);
  });
  log('bundled data loaded');
  return true;
}

function csvFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(dir, f));
}

async function insertZones(tx: Db, zones: readonly ZoneRecord[]): Promise<void> {
  let ord = 0;
  for (const z of zones) {
    await tx.run('INSERT INTO zone_doc VALUES (?, ?, ?)', [z.id, ord++, JSON.stringify(z)]);
    await tx.run('INSERT INTO zone VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      z.id, z.name_zh, z.name_en, z.province_code, z.batch.value, z.batch_year, z.approved.value, z.launched.value,
      z.area_km2.value, z.location_type.value,
    ]);
    for (const a of z.areas) {
      await tx.run('INSERT INTO zone_area VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        a.id, z.id, a.name_zh, a.name_en, a.host_city.value?.code ?? null, a.area_km2.value, a.added.value,
        a.positioning_zh.value ? a.positioning_zh.value.join('；') : null,
      ]);
    }
  }
}
