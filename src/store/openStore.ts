import { bundledDir, defaultDbPath } from '../core/paths.js';
import { ensureBundle } from './bundle.js';
import { Store } from './duckdb.js';
import { migrate } from './schema.js';

export interface OpenStoreOptions {
  /** database file; default FTZLAB_DB or the user data directory */
  readonly path?: string;
  /** folder with the bundled tables; default the package's `data/bundled` */
  readonly bundle?: string;
  readonly log?: (message: string) => void;
}

/** Opens (creating if needed) the user's database, migrates it and loads the bundled data on first run. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const store = await Store.open(options.path ?? defaultDbPath());
  try {
    await migrate(store);
    await ensureBundle(store, options.bundle ?? bundledDir(), options.log);
  } catch (e) {
    store.close();
    throw e;
  }
  return store;
}
