import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset } from '../../store/datasets.js';
import type { Db } from '../../store/duckdb.js';
import { exportDataset } from '../../store/export/exportDataset.js';

/**
 * Runs a panel-file estimator on a user dataset of the store (the API's way in: over HTTP, data comes from
 * datasets uploaded with POST /api/datasets, never from server-side paths). The dataset version is written
 * to a temporary Parquet file, read by the same code as the CLI, and removed.
 */
export async function withDatasetFile<T>(store: Db, dataset: string, version: number | undefined, run: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'ftzlab-ds-'));
  try {
    const path = join(dir, `${dataset.replace(/[^\p{L}\p{N}_-]/gu, '_')}.parquet`);
    await exportDataset(await readDataset(store, dataset, version), path);
    return await run(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
