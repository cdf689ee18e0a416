import type { Db } from '../store/duckdb.js';
import type { Provenance, SourceCitation } from './result.js';
import { packageVersion } from './version.js';

/**
 * The provenance of a Result: the package version, the SHA-256 of the bundled data and of every user dataset
 * version it read, the sources it cites, the options and the seed — enough to replay the same numbers.
 */
export async function buildProvenance(
  store: Db,
  input: {
    readonly sources: readonly SourceCitation[];
    readonly datasets?: readonly { name: string; version: number }[];
    readonly options?: Readonly<Record<string, unknown>>;
    readonly seed?: number | null;
    readonly now?: Date;
  },
): Promise<Provenance> {
  const bundle = await store.one<{ sha: string | null; version: string | null }>(
    `SELECT max(CASE WHEN key = 'bundle_sha256' THEN value END) AS sha, max(CASE WHEN key = 'bundle_version' THEN value END) AS version FROM meta`,
  );
  const inputs: { name: string; sha256: string }[] = [];
  if (bundle?.sha) inputs.push({ name: `bundled data ${bundle.version ?? ''}`.trim(), sha256: bundle.sha });
  for (const d of input.datasets ?? []) {
    const row = await store.one<{ sha: string }>('SELECT file_sha256 AS sha FROM dataset WHERE name = ? AND version = ?', [d.name, d.version]);
    if (row) inputs.push({ name: `dataset ${d.name} v${d.version}`, sha256: row.sha });
  }
  return {
    package: { name: 'ftzlab', version: packageVersion() },
    inputs,
    sources: input.sources,
    options: input.options ?? {},
    seed: input.seed ?? null,
    createdAt: (input.now ?? new Date()).toISOString(),
  };
}
