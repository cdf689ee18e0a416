import type { DatasetColumn, DatasetSummary } from '../server/apiTypes.js';
import { FtzError } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import { checkDatasetName } from './datasetName.js';
import { ident, type Db } from './duckdb.js';
import type { ShapedTable } from './import/shape.js';
import { writeTypedTable } from './typedTable.js';

interface DatasetRow {
  name: string;
  version: number;
  table_name: string;
  imported_at: string;
  file_name: string;
  file_sha256: string;
  encoding: string;
  layout: string;
  rows: number;
  columns: string;
  warnings: string;
}

/**
 * Writes a parsed import as a new version of a dataset, in one transaction: the typed table, the catalogue
 * row, and the region–year observations. Earlier versions are kept; the newest is the current one.
 */
export async function saveDatasetVersion(
  store: Db,
  meta: { name: string; fileName: string; sha256: string; encoding: string; warnings: readonly Warning[]; now: Date },
  shaped: ShapedTable,
): Promise<DatasetSummary> {
  const name = checkDatasetName(meta.name);
  return store.transaction(async (tx) => {
    const last = await tx.one<{ v: number | null }>('SELECT max(version)::INTEGER AS v FROM dataset WHERE name = ?', [name]);
    const version = (last?.v ?? 0) + 1;
    const seq = await tx.one<{ n: number }>("SELECT nextval('dataset_table_seq')::INTEGER AS n");
    const table = `ds_${seq?.n ?? 0}`;
    await writeTypedTable(tx, table, shaped.columns, shaped.rows, '__row__');
    const columns: DatasetColumn[] = shaped.columns.map((c) => ({
      name: c.name, type: c.type, role: c.role === 'unit' ? 'other' : c.role,
    }));
    const importedAt = meta.now.toISOString();
    await tx.run('INSERT INTO dataset VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      name, version, table, importedAt, meta.fileName, meta.sha256, meta.encoding, shaped.layout,
      shaped.rows.length, JSON.stringify(columns), JSON.stringify(meta.warnings),
    ]);
    for (const ind of shaped.indicators) {
      await tx.run('INSERT INTO user_indicator VALUES (?, ?, ?, ?, ?)', [name, version, ind.code, ind.name, ind.unit]);
    }
    if (shaped.observations.length > 0) {
      const obs = await tx.appender('user_observation');
      for (const o of shaped.observations) {
        obs.appendVarchar(name);
        obs.appendInteger(version);
        obs.appendVarchar(o.region);
        obs.appendInteger(o.year);
        obs.appendVarchar(o.indicator);
        obs.appendDouble(o.value);
        obs.endRow();
      }
      obs.flushSync();
      obs.closeSync();
    }
    return {
      name, version, versions: version, rows: shaped.rows.length, columns, imported_at: importedAt,
      file_name: meta.fileName, encoding: meta.encoding, layout: shaped.layout,
    };
  });
}

function summary(row: DatasetRow, versions: number): DatasetSummary {
  return {
    name: row.name, version: row.version, versions, rows: row.rows,
    columns: JSON.parse(row.columns) as DatasetColumn[], imported_at: row.imported_at, file_name: row.file_name,
    encoding: row.encoding, layout: row.layout as DatasetSummary['layout'],
  };
}

/** The current (newest) version of every dataset. */
export async function listDatasets(store: Db): Promise<DatasetSummary[]> {
  const rows = await store.all<DatasetRow & { n: number }>(
    `SELECT d.*, c.n FROM dataset d JOIN (SELECT name, max(version) AS v, count(*)::INTEGER AS n FROM dataset GROUP BY name) c
       ON d.name = c.name AND d.version = c.v ORDER BY d.name`,
  );
  return rows.map((r) => summary(r, r.n));
}

async function findVersion(store: Db, name: string, version?: number): Promise<{ row: DatasetRow; versions: number[] }> {
  const all = await store.all<DatasetRow>('SELECT * FROM dataset WHERE name = ? ORDER BY version', [name]);
  if (all.length === 0) throw new FtzError('dataset.not_found', { name });
  const versions = all.map((r) => r.version);
  const row = version === undefined ? all[all.length - 1] : all.find((r) => r.version === version);
  if (!row) throw new FtzError('dataset.version_not_found', { name, version: version ?? 0, versions });
  return { row, versions };
}

export interface DatasetContent {
  readonly dataset: DatasetSummary;
  readonly rows: Record<string, string | number | null>[];
  readonly warnings: readonly Warning[];
}

/** The rows of one version (default: the newest), typed as imported. */
export async function readDataset(store: Db, name: string, version?: number): Promise<DatasetContent> {
  const { row, versions } = await findVersion(store, name, version);
  const dataset = summary(row, versions.length);
  const cols = dataset.columns.map((c) => (c.type === 'integer' ? `${ident(c.name)}::DOUBLE AS ${ident(c.name)}` : ident(c.name)));
  const rows = await store.all<Record<string, string | number | null>>(
    `SELECT ${cols.join(', ')} FROM ${ident(row.table_name)} ORDER BY __row__`,
  );
  return { dataset, rows, warnings: JSON.parse(row.warnings) as Warning[] };
}

/** Every version of a dataset, oldest first. */
export async function datasetHistory(store: Db, name: string): Promise<DatasetSummary[]> {
  const { versions } = await findVersion(store, name);
  const rows = await store.all<DatasetRow>('SELECT * FROM dataset WHERE name = ? ORDER BY version', [name]);
  return rows.map((r) => summary(r, versions.length));
}

/**
 * The current version and file hash of every user dataset that indicator codes of the form `<dataset>.<column>`
 * refer to: what a cached result read from user data must be keyed on, so a new version recomputes it.
 */
export async function datasetVersionsOf(store: Db, codes: readonly string[]): Promise<{ name: string; version: number; sha256: string }[]> {
  const names = [...new Set(codes.filter((c) => c.includes('.')).map((c) => c.slice(0, c.indexOf('.'))))].sort();
  const out: { name: string; version: number; sha256: string }[] = [];
  for (const name of names) {
    const row = await store.one<{ version: number; sha: string }>('SELECT version, file_sha256 AS sha FROM dataset WHERE name = ? ORDER BY version DESC LIMIT 1', [name]);
    if (row) out.push({ name, version: row.version, sha256: row.sha });
  }
  return out;
}
