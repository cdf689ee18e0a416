import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { zodIssues } from '../../core/zodIssues.js';
import type { Db } from '../../store/duckdb.js';
import { GBT4754_SECTIONS } from '../../store/import/neglistText.js';

/** Sensitivity tiers of GB/T 4754 sections (1 = most sensitive), set by the user and kept in versions. */
export const tiersSchema = z.array(z.object({
  section: z.string().refine((s) => s in GBT4754_SECTIONS, 'a GB/T 4754 section letter A–T'),
  tier: z.number().int().min(1).max(5),
  note: z.string().max(500).default(''),
})).min(1).max(20).refine((rows) => new Set(rows.map((r) => r.section)).size === rows.length, 'each section once');
export type Tiers = z.output<typeof tiersSchema>;

export async function saveTiers(store: Db, name: string, input: unknown, now = new Date()): Promise<{ name: string; version: number }> {
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(name)) throw new FtzError('api.bad_request', { issues: 'tier set name: up to 64 letters, digits, _ or -' });
  const parsed = tiersSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  return store.transaction(async (tx) => {
    const last = await tx.one<{ v: number | null }>('SELECT max(version)::INTEGER AS v FROM neglist_tiers WHERE name = ?', [name]);
    const version = (last?.v ?? 0) + 1;
    await tx.run('INSERT INTO neglist_tiers VALUES (?, ?, ?, ?)', [name, version, now.toISOString(), JSON.stringify(parsed.data)]);
    return { name, version };
  });
}

export async function getTiers(store: Db, name: string, version?: number): Promise<{ name: string; version: number; tiers: Tiers }> {
  const versions = (await store.all<{ version: number }>('SELECT version FROM neglist_tiers WHERE name = ? ORDER BY version', [name])).map((r) => r.version);
  if (versions.length === 0) throw new FtzError('dataset.not_found', { name });
  const v = version ?? (versions.at(-1) as number);
  if (!versions.includes(v)) throw new FtzError('dataset.version_not_found', { name, version: v, versions });
  const row = await store.one<{ spec: string }>('SELECT spec FROM neglist_tiers WHERE name = ? AND version = ?', [name, v]);
  return { name, version: v, tiers: JSON.parse(row?.spec ?? '[]') as Tiers };
}

export async function listTiers(store: Db): Promise<{ name: string; version: number; createdAt: string; sections: number }[]> {
  const rows = await store.all<{ name: string; version: number; created_at: string; spec: string }>('SELECT * FROM neglist_tiers ORDER BY name, version');
  return rows.map((r) => ({ name: r.name, version: r.version, createdAt: r.created_at, sections: (JSON.parse(r.spec) as Tiers).length }));
}
