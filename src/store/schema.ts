import type { Db } from './duckdb.js';

/**
 * Migrations, applied in order and recorded in `meta.schema_version`. Append a new entry to change the
 * schema; never edit a published one, because users' database files were built with it.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
  CREATE TABLE source (id VARCHAR PRIMARY KEY, publisher VARCHAR, title VARCHAR, url VARCHAR, licence VARCHAR,
    retrieved VARCHAR, citation VARCHAR, note VARCHAR);
  CREATE TABLE region (code VARCHAR PRIMARY KEY, level VARCHAR NOT NULL, parent VARCHAR, name_zh VARCHAR NOT NULL,
    short_zh VARCHAR, name_en VARCHAR, macro_region VARCHAR, location_type VARCHAR, coastal BOOLEAN, border BOOLEAN,
    source_id VARCHAR);
  CREATE TABLE indicator (code VARCHAR PRIMARY KEY, name_zh VARCHAR, name_en VARCHAR, unit_zh VARCHAR, unit_en VARCHAR,
    direction VARCHAR, namespace VARCHAR NOT NULL, dataset VARCHAR, topic VARCHAR, source_id VARCHAR, note VARCHAR);
  CREATE TABLE observation (region VARCHAR NOT NULL, year INTEGER NOT NULL, indicator VARCHAR NOT NULL,
    value DOUBLE NOT NULL, source_id VARCHAR, note VARCHAR);
  CREATE TABLE zone_doc (id VARCHAR PRIMARY KEY, ord INTEGER, record VARCHAR);
  CREATE TABLE zone (id VARCHAR PRIMARY KEY, name_zh VARCHAR, name_en VARCHAR, province_code VARCHAR, batch INTEGER,
    batch_year INTEGER, approved VARCHAR, launched VARCHAR, area_km2 DOUBLE, location_type VARCHAR);
  CREATE TABLE zone_area (id VARCHAR PRIMARY KEY, zone VARCHAR, name_zh VARCHAR, name_en VARCHAR, city_code VARCHAR,
    area_km2 DOUBLE, added VARCHAR, positioning VARCHAR);
  CREATE TABLE hs2022 (code VARCHAR PRIMARY KEY, level INTEGER, parent VARCHAR, description_en VARCHAR, section VARCHAR);
  CREATE TABLE hs_isic4 (hs6 VARCHAR, isic4 VARCHAR);
  CREATE TABLE dataset (name VARCHAR NOT NULL, version INTEGER NOT NULL, table_name VARCHAR NOT NULL,
    imported_at VARCHAR NOT NULL, file_name VARCHAR, file_sha256 VARCHAR, encoding VARCHAR, layout VARCHAR,
    rows INTEGER, columns VARCHAR, warnings VARCHAR, PRIMARY KEY (name, version));
  CREATE TABLE user_indicator (dataset VARCHAR, version INTEGER, code VARCHAR, name VARCHAR, unit VARCHAR);
  CREATE TABLE user_observation (dataset VARCHAR NOT NULL, version INTEGER NOT NULL, region VARCHAR NOT NULL,
    year INTEGER NOT NULL, indicator VARCHAR NOT NULL, value DOUBLE NOT NULL);
  CREATE SEQUENCE dataset_table_seq START 1;
  `,
  `
  CREATE TABLE cbam_good (cn VARCHAR PRIMARY KEY, level INTEGER, product_group VARCHAR, description_abridged_en VARCHAR,
    heading_only BOOLEAN, good_key VARCHAR);
  CREATE TABLE cbam_default (origin VARCHAR, cn VARCHAR, direct DOUBLE, indirect DOUBLE, total DOUBLE, route VARCHAR,
    status VARCHAR, citation VARCHAR, checked_against VARCHAR, source_id VARCHAR, PRIMARY KEY (origin, cn));
  CREATE TABLE cbam_markup (product_group VARCHAR, from_year INTEGER, markup_pct DOUBLE, status VARCHAR, citation VARCHAR,
    note VARCHAR, source_id VARCHAR, PRIMARY KEY (product_group, from_year));
  CREATE TABLE cbam_rule (rule VARCHAR, key VARCHAR, value DOUBLE, unit VARCHAR, citation VARCHAR, status VARCHAR,
    note VARCHAR, source_id VARCHAR, PRIMARY KEY (rule, key));
  CREATE TABLE carbon_budget (name VARCHAR NOT NULL, version INTEGER NOT NULL, created_at VARCHAR NOT NULL,
    scope_kind VARCHAR NOT NULL, scope_code VARCHAR NOT NULL, unit VARCHAR NOT NULL, spec VARCHAR NOT NULL, note VARCHAR,
    PRIMARY KEY (name, version));
  CREATE TABLE carbon_budget_year (name VARCHAR NOT NULL, version INTEGER NOT NULL, year INTEGER NOT NULL,
    budget DOUBLE NOT NULL, PRIMARY KEY (name, version, year));
  `,
  `
  CREATE TABLE gbt4754 (code VARCHAR PRIMARY KEY, level VARCHAR, parent VARCHAR, name_zh VARCHAR, status VARCHAR);
  CREATE TABLE gbt4754_tag (code VARCHAR, tag VARCHAR, partial BOOLEAN, path VARCHAR, status VARCHAR);
  CREATE TABLE sei2018 (code VARCHAR PRIMARY KEY, level INTEGER, parent VARCHAR, name_zh VARCHAR, gbt4754_codes VARCHAR, status VARCHAR);
  CREATE TABLE positioning (zone VARCHAR, area_id VARCHAR, item_zh VARCHAR, item_en VARCHAR, mapping VARCHAR, sei_codes VARCHAR,
    gbt4754_codes VARCHAR, io42_sectors VARCHAR, digital BOOLEAN, positioning_status VARCHAR, source_url VARCHAR);
  CREATE TABLE io_sector (year INTEGER, code VARCHAR, name_en VARCHAR, name_zh VARCHAR, PRIMARY KEY (year, code));
  CREATE TABLE io_flow (year INTEGER, row_code VARCHAR, col_code VARCHAR, origin VARCHAR, value DOUBLE);
  CREATE TABLE io_final (year INTEGER, row_code VARCHAR, category VARCHAR, origin VARCHAR, value DOUBLE);
  CREATE TABLE io_total (year INTEGER, code VARCHAR, total_output DOUBLE, intermediate_input DOUBLE, value_added DOUBLE,
    va_compensation DOUBLE, va_net_taxes_on_production DOUBLE, va_depreciation DOUBLE, va_operating_surplus DOUBLE, imports DOUBLE);
  CREATE TABLE io42_gbt4754 (io_code VARCHAR PRIMARY KEY, io_name_zh VARCHAR, gbt4754_divisions VARCHAR, basis VARCHAR);
  CREATE TABLE neglist_edition (id VARCHAR PRIMARY KEY, kind VARCHAR, jurisdiction VARCHAR, scope VARCHAR, edition VARCHAR,
    title_zh VARCHAR, title_en VARCHAR, issuer VARCHAR, doc_number VARCHAR, published VARCHAR, effective VARCHAR, date_note VARCHAR,
    official_count INTEGER, transcribed INTEGER, transcribed_zh_full INTEGER, status VARCHAR, texts_completeness VARCHAR,
    source_url VARCHAR, texts_source_urls VARCHAR, note VARCHAR, source_ids VARCHAR);
  CREATE TABLE neglist_measure (edition_id VARCHAR, number INTEGER, number_basis VARCHAR, section_letter VARCHAR, section_title_zh VARCHAR,
    text_zh VARCHAR, text_zh_status VARCHAR, text_en VARCHAR, text_en_status VARCHAR, status VARCHAR, source_url VARCHAR, note VARCHAR,
    source_id VARCHAR, reviewed BOOLEAN, review_note VARCHAR);
  CREATE TABLE neglist_note (edition_id VARCHAR, paragraph_no INTEGER, text_zh VARCHAR, text_zh_status VARCHAR, text_en VARCHAR,
    text_en_status VARCHAR, source_url VARCHAR, source_url_en VARCHAR, source_id VARCHAR);
  CREATE TABLE neglist_user_edition (id VARCHAR NOT NULL, version INTEGER NOT NULL, imported_at VARCHAR NOT NULL, title VARCHAR,
    kind VARCHAR, jurisdiction VARCHAR, effective VARCHAR, file_name VARCHAR, file_sha256 VARCHAR, notes VARCHAR, PRIMARY KEY (id, version));
  CREATE TABLE neglist_user_measure (id VARCHAR NOT NULL, version INTEGER NOT NULL, number INTEGER NOT NULL, section_letter VARCHAR,
    text_zh VARCHAR, text_en VARCHAR, line INTEGER, PRIMARY KEY (id, version, number));
  CREATE TABLE neglist_scenario (name VARCHAR NOT NULL, version INTEGER NOT NULL, edition VARCHAR NOT NULL, spec VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL, PRIMARY KEY (name, version));
  CREATE TABLE neglist_tiers (name VARCHAR NOT NULL, version INTEGER NOT NULL, created_at VARCHAR NOT NULL, spec VARCHAR NOT NULL,
    PRIMARY KEY (name, version));
  CREATE TABLE fta_member (agreement VARCHAR, iso3 VARCHAR, name_en VARCHAR, name_zh VARCHAR, in_force VARCHAR, status VARCHAR,
    source_url VARCHAR, source_id VARCHAR, PRIMARY KEY (agreement, iso3));
  `,
  // 4: computed Results kept for reuse (keyed by the hash of their spec and inputs; safe to delete).
  `
  CREATE TABLE result_cache (key VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, created_at VARCHAR NOT NULL, body VARCHAR NOT NULL);
  `,
];

export async function migrate(store: Db): Promise<void> {
  const hasMeta = await store.one<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'meta'",
  );
  let version = 0;
  if (hasMeta && hasMeta.n > 0) {
    const row = await store.one<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
    version = row ? Number(row.value) : 0;
  }
  for (let i = version; i < MIGRATIONS.length; i++) {
    await store.transaction(async (tx) => {
      await tx.run(MIGRATIONS[i] as string);
      await tx.run("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [String(i + 1)]);
    });
  }
}

/** Tables refilled from `data/bundled` whenever the bundle changes; user tables are never touched. */
export const BUNDLED_TABLES = ['source', 'region', 'indicator', 'observation', 'zone_doc', 'zone', 'zone_area',
  'hs2022', 'hs_isic4', 'cbam_good', 'cbam_default', 'cbam_markup', 'cbam_rule', 'gbt4754', 'gbt4754_tag', 'sei2018',
  'positioning', 'io_sector', 'io_flow', 'io_final', 'io_total', 'io42_gbt4754', 'fta_member', 'neglist_edition', 'neglist_measure', 'neglist_note'] as const;
