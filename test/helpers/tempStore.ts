import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/store/duckdb.js';
import { openStore } from '../../src/store/openStore.js';

export interface TempStore {
  readonly store: Store;
  readonly dir: string;
  readonly path: string;
  cleanup(): void;
}

/** A database in a fresh temporary folder, with the bundled data loaded as on a user's first run. */
export async function tempStore(): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'ftzlab-test-'));
  const path = join(dir, 'ftzlab.duckdb');
  const store = await openStore({ path });
  return {
    store, dir, path,
    cleanup: () => {
      try { store.close(); } catch { /* already closed */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` and returns the FtzError it throws, so a test can check code and parameters together. */
export async function caught(fn: () => Promise<unknown>): Promise<{ code: string; params: Record<string, unknown>; message: string }> {
  try {
    await fn();
  } catch (e) {
    const err = e as { code?: string; params?: Record<string, unknown>; message: string };
    return { code: err.code ?? 'none', params: err.params ?? {}, message: err.message };
  }
  throw new Error('expected an error, none was thrown');
}
