import { FtzError } from '../core/errors.js';
import type { Db } from './duckdb.js';

export interface StoredBudget {
  readonly name: string;
  readonly version: number;
  readonly createdAt: string;
  readonly scopeKind: 'zone' | 'province' | 'city';
  readonly scopeCode: string;
  readonly unit: string;
  /** The spec the budget was made from (JSON), so a version can be rebuilt and explained. */
  readonly spec: unknown;
  readonly note: string;
  readonly years: readonly { year: number; budget: number }[];
}

/** Saves a budget as a new version (earlier versions stay); returns the version number. */
export async function saveBudgetVersion(store: Db, b: Omit<StoredBudget, 'version'>): Promise<number> {
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(b.name)) throw new FtzError('carbon.budget_name_invalid', { name: b.name });
  const name = b.name;
  return store.transaction(async (tx) => {
    const last = await tx.one<{ v: number | null }>('SELECT max(version)::INTEGER AS v FROM carbon_budget WHERE name = ?', [name]);
    const version = (last?.v ?? 0) + 1;
    await tx.run('INSERT INTO carbon_budget VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [name, version, b.createdAt, b.scopeKind, b.scopeCode, b.unit, JSON.stringify(b.spec), b.note]);
    for (const y of b.years) await tx.run('INSERT INTO carbon_budget_year VALUES (?, ?, ?, ?)', [name, version, y.year, y.budget]);
    return version;
  });
}

interface BudgetRow { name: string; version: number; created_at: string; scope_kind: StoredBudget['scopeKind']; scope_code: string; unit: string; spec: string; note: string | null }

/** A budget version (the newest when no version is given). */
export async function getBudget(store: Db, name: string, version?: number): Promise<StoredBudget> {
  const versions = (await store.all<{ version: number }>('SELECT version FROM carbon_budget WHERE name = ? ORDER BY version', [name])).map((r) => r.version);
  if (versions.length === 0) {
    const known = (await store.all<{ name: string }>('SELECT DISTINCT name FROM carbon_budget ORDER BY name')).map((r) => r.name);
    throw new FtzError('carbon.budget_not_found', { name, known });
  }
  const v = version ?? (versions[versions.length - 1] as number);
  if (!versions.includes(v)) throw new FtzError('carbon.budget_version_not_found', { name, version: v, versions });
  const row = (await store.one<BudgetRow>('SELECT * FROM carbon_budget WHERE name = ? AND version = ?', [name, v])) as BudgetRow;
  const years = await store.all<{ year: number; budget: number }>('SELECT year, budget FROM carbon_budget_year WHERE name = ? AND version = ? ORDER BY year', [name, v]);
  return { name: row.name, version: row.version, createdAt: row.created_at, scopeKind: row.scope_kind, scopeCode: row.scope_code, unit: row.unit, spec: JSON.parse(row.spec) as unknown, note: row.note ?? '', years };
}

/** Every budget with its versions, newest first within a name. */
export async function listBudgets(store: Db): Promise<{ name: string; version: number; createdAt: string; scopeKind: string; scopeCode: string; years: string }[]> {
  const rows = await store.all<{ name: string; version: number; created_at: string; scope_kind: string; scope_code: string; first: number; last: number }>(
    `SELECT b.name, b.version, b.created_at, b.scope_kind, b.scope_code, min(y.year)::INTEGER AS first, max(y.year)::INTEGER AS last
       FROM carbon_budget b JOIN carbon_budget_year y USING (name, version)
      GROUP BY ALL ORDER BY b.name, b.version DESC`,
  );
  return rows.map((r) => ({ name: r.name, version: r.version, createdAt: r.created_at, scopeKind: r.scope_kind, scopeCode: r.scope_code, years: `${r.first}–${r.last}` }));
}
