import { createHash } from 'node:crypto';
import { packageVersion } from '../core/version.js';
import type { Db } from './duckdb.js';

/** JSON with object keys sorted, so that equal specs hash equally whatever order their keys were written in. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** How many results of one kind are kept; older ones are dropped first. */
const KEEP_PER_KIND = 64;
const memory = new Map<string, unknown>();
const MEMORY_ENTRIES = 32;

/**
 * A computed value reused while its inputs are unchanged: the key is the SHA-256 of the kind, the package
 * version, the bundled data's hash and the spec, so a new bundle, a new release or any changed option
 * recomputes. Specs that read user data must name the dataset versions they read in `spec`. Values live in
 * the database (table `result_cache`) and, for the running process, in memory.
 */
export async function cachedValue<T>(store: Db, kind: string, spec: unknown, compute: () => Promise<T>): Promise<{ value: T; hit: boolean; key: string }> {
  const bundle = await store.one<{ value: string }>("SELECT value FROM meta WHERE key = 'bundle_sha256'");
  const key = createHash('sha256').update(canonicalJson({ kind, version: packageVersion(), bundle: bundle?.value ?? null, spec })).digest('hex');
  if (memory.has(key)) return { value: memory.get(key) as T, hit: true, key };
  const row = await store.one<{ body: string }>('SELECT body FROM result_cache WHERE key = ?', [key]);
  if (row) {
    const value = JSON.parse(row.body) as T;
    remember(key, value);
    return { value, hit: true, key };
  }
  const value = await compute();
  remember(key, value);
  try {
    await store.transaction(async (tx) => {
      await tx.run('INSERT OR REPLACE INTO result_cache VALUES (?, ?, ?, ?)', [key, kind, new Date().toISOString(), JSON.stringify(value)]);
      await tx.run(
        'DELETE FROM result_cache WHERE kind = ? AND key NOT IN (SELECT key FROM result_cache WHERE kind = ? ORDER BY created_at DESC LIMIT ?)',
        [kind, kind, KEEP_PER_KIND],
      );
    });
  } catch {
    // A store opened read-only cannot keep the value; the result itself is still correct, only not reused.
  }
  return { value, hit: false, key };
}

function remember(key: string, value: unknown): void {
  memory.set(key, value);
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
}

/** Drops every cached value (e.g. after a user dataset a spec reads was replaced). */
export async function clearResultCache(store: Db): Promise<number> {
  const n = await store.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM result_cache');
  await store.run('DELETE FROM result_cache');
  memory.clear();
  return n?.n ?? 0;
}
