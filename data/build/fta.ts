/**
 * Builds `fta_members.csv`: the parties to RCEP and CPTPP with their entry-into-force dates where a page
 * states them, each row with its source page and quote (data/sources/fta/members.csv).
 */
import { join } from 'node:path';
import type { BuildContext, BuiltTable } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';

const EXPECTED: Readonly<Record<string, number>> = { RCEP: 15, CPTPP: 12 };

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const rows = readCsvObjects(join(ctx.sourcesDir, 'fta', 'members.csv'));
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r['agreement']}:${r['iso3']}`;
    if (seen.has(key)) throw new Error(`fta: ${key} listed twice`);
    seen.add(key);
    if (!/^[A-Z]{3}$/.test(r['iso3'] ?? '')) throw new Error(`fta: bad ISO3 ${r['iso3']}`);
    if (r['in_force'] && !/^\d{4}-\d{2}-\d{2}$/.test(r['in_force'])) throw new Error(`fta: bad date ${r['in_force']}`);
    if (!(r['source_url'] ?? '').startsWith('http') || !(r['quote'] ?? '')) throw new Error(`fta: ${key} has no source or quote`);
  }
  for (const [a, n] of Object.entries(EXPECTED)) {
    const got = rows.filter((r) => r['agreement'] === a).length;
    if (got !== n) throw new Error(`fta: ${a} has ${got} members, expected ${n}`);
  }
  const out = rows.map((r) => [r['agreement'] ?? '', r['iso3'] ?? '', r['name_en'] ?? '', r['name_zh'] ?? '', r['in_force'] ?? '', r['status'] ?? '', r['source_url'] ?? '', 'fta.members']);
  const n = writeCsv(join(ctx.bundledDir, 'fta_members.csv'), ['agreement', 'iso3', 'name_en', 'name_zh', 'in_force', 'status', 'source_url', 'source_id'], out);
  ctx.log(`fta: ${n} memberships (RCEP ${EXPECTED['RCEP']}, CPTPP ${EXPECTED['CPTPP']}), ${rows.filter((r) => r['in_force']).length} with a date`);
  return [{ name: 'fta_members', file: 'fta_members.csv', rows: n, sources: ['fta.members'] }];
}
