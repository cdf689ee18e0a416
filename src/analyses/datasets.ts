import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { FtzError } from '../core/errors.js';
import { zodIssues } from '../core/zodIssues.js';
import type { Warning } from '../core/result.js';
import type { DatasetSummary } from '../server/apiTypes.js';
import { listRegions } from '../store/catalog.js';
import { checkDatasetName } from '../store/datasetName.js';
import { readDataset, saveDatasetVersion, type DatasetContent } from '../store/datasets.js';
import type { Db } from '../store/duckdb.js';
import { exportDataset as writeExport } from '../store/export/exportDataset.js';
import { parseEncodingOption } from '../store/import/decode.js';
import { parseImportFile, type ImportLimits } from '../store/import/importFile.js';
import { RegionMatcher } from '../store/import/regionMatcher.js';

export const importSpecSchema = z.object({
  dataset: z.string().refine((s) => /^[\p{L}\p{N}_-]{1,64}$/u.test(s), {
    message: 'dataset: 1–64 letters, digits, Chinese characters, "_" or "-"',
  }),
  encoding: z.enum(['auto', 'utf8', 'utf-8', 'gbk', 'gb18030']).default('auto'),
  sheet: z.string().min(1).max(100).optional(),
  layout: z.enum(['auto', 'long', 'wide', 'nbs', 'table']).default('auto'),
  regionCol: z.string().min(1).max(200).optional(),
  yearCol: z.string().min(1).max(200).optional(),
  indicatorCol: z.string().min(1).max(200).optional(),
  valueCol: z.string().min(1).max(200).optional(),
});

export type ImportSpec = z.input<typeof importSpecSchema>;

export interface ImportOutcome {
  readonly dataset: DatasetSummary;
  readonly warnings: readonly Warning[];
  readonly observations: number;
  readonly indicators: readonly string[];
}

/**
 * Imports a file's bytes as a new version of a dataset. Parsing and checks finish before the database is
 * touched; the write is one transaction. A failed import leaves the store exactly as it was.
 */
export async function importDataset(
  store: Db,
  bytes: Uint8Array,
  fileName: string,
  spec: ImportSpec,
  options: { path?: string; limits?: Partial<ImportLimits>; onProgress?: (stage: string) => void; now?: Date } = {},
): Promise<ImportOutcome> {
  checkDatasetName(spec.dataset);
  const parsedSpec = importSpecSchema.safeParse(spec);
  if (!parsedSpec.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsedSpec.error) });
  const s = parsedSpec.data;
  const matcher = new RegionMatcher(await listRegions(store));
  const parsed = await parseImportFile(bytes, {
    fileName, dataset: s.dataset, matcher, encoding: parseEncodingOption(s.encoding), layout: s.layout,
    ...(options.path !== undefined ? { path: options.path } : {}),
    ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
    ...(s.regionCol !== undefined ? { regionCol: s.regionCol } : {}),
    ...(s.yearCol !== undefined ? { yearCol: s.yearCol } : {}),
    ...(s.indicatorCol !== undefined ? { indicatorCol: s.indicatorCol } : {}),
    ...(s.valueCol !== undefined ? { valueCol: s.valueCol } : {}),
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  });
  options.onProgress?.(`writing ${parsed.shaped.rows.length} rows`);
  const dataset = await saveDatasetVersion(
    store,
    {
      name: s.dataset, fileName: basename(fileName), sha256: parsed.sha256, encoding: parsed.encoding,
      warnings: parsed.warnings, now: options.now ?? new Date(),
    },
    parsed.shaped,
  );
  return {
    dataset, warnings: parsed.warnings, observations: parsed.shaped.observations.length,
    indicators: parsed.shaped.indicators.map((i) => i.code),
  };
}

/** Imports a file from disk. */
export async function importDatasetFile(
  store: Db,
  path: string,
  spec: ImportSpec,
  options: { limits?: Partial<ImportLimits>; onProgress?: (stage: string) => void; now?: Date } = {},
): Promise<ImportOutcome> {
  const file = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new FtzError('import.file_not_found', { file: path });
  }
  const limit = options.limits?.maxFileBytes ?? 256 * 1024 * 1024;
  if (size > limit) throw new FtzError('import.file_too_large', { file, size, limit });
  options.onProgress?.(`reading ${file}`);
  const bytes = await readFile(path);
  return importDataset(store, bytes, file, spec, { ...options, path });
}

export async function showDataset(store: Db, name: string, version?: number): Promise<DatasetContent> {
  return readDataset(store, name, version);
}

export async function exportDataset(store: Db, name: string, out: string, version?: number): Promise<{ format: string; rows: number }> {
  return writeExport(await readDataset(store, name, version), out);
}
