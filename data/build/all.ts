import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { build as buildRegions } from './regions.js';
import { build as buildTechme } from './techme.js';
import { build as buildMacro } from './macro.js';
import { build as buildCeads } from './ceads.js';
import { build as buildHs } from './hs.js';
import { build as buildGeo } from './geo.js';
import { build as buildZones } from './zones.js';
import { build as buildCbam } from './cbam.js';
import { build as buildFta } from './fta.js';
import { build as buildNeglist } from './neglist.js';
import { build as buildClassif } from './classif.js';
import { build as buildIo } from './io.js';
import { build as buildPositioning } from './positioning.js';

/**
 * Rebuilds `data/bundled` from `data/sources`: runs each group's script in dependency order (regions
 * first: the others map names to its codes), merges the groups' source records and writes the manifest
 * the store uses to notice a changed bundle.
 */
const STEPS: readonly [string, (ctx: BuildContext) => Promise<BuiltTable[]>][] = [
  ['regions', buildRegions],
  ['techme', buildTechme],
  ['macro', buildMacro],
  ['ceads', buildCeads],
  ['hs', buildHs],
  ['geo', buildGeo],
  ['zones', buildZones],
  ['cbam', buildCbam],
  ['classif', buildClassif],
  ['io', buildIo],
  ['positioning', buildPositioning],
  ['fta', buildFta],
  ['neglist', buildNeglist],
];

export async function buildAll(root: string): Promise<void> {
  const ctx: BuildContext = {
    sourcesDir: join(root, 'data', 'sources'),
    bundledDir: join(root, 'data', 'bundled'),
    log: (m) => process.stderr.write(`${m}\n`),
  };
  mkdirSync(ctx.bundledDir, { recursive: true });
  const tables: BuiltTable[] = [];
  for (const [name, step] of STEPS) {
    ctx.log(`== ${name}`);
    tables.push(...(await step(ctx)));
  }

  const sources: SourceRecord[] = [];
  const seen = new Set<string>();
  for (const group of readdirSync(ctx.sourcesDir).sort()) {
    const file = join(ctx.sourcesDir, group, 'sources.json');
    if (!existsSync(file)) continue;
    for (const s of JSON.parse(readFileSync(file, 'utf8')) as SourceRecord[]) {
      if (seen.has(s.id)) throw new Error(`source id ${s.id} appears twice (in ${group})`);
      seen.add(s.id);
      sources.push(s);
    }
  }
  writeFileSync(join(ctx.bundledDir, 'sources.json'), JSON.stringify(sources, null, 2) + '\n');

  for (const t of tables) {
    for (const id of t.sources) if (!seen.has(id)) throw new Error(`table ${t.name} cites unknown source ${id}`);
  }
  const manifest = {
    version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string,
    tables: tables.map((t) => ({
      ...t,
      sha256: createHash('sha256').update(readFileSync(join(ctx.bundledDir, t.file))).digest('hex'),
    })),
    sources: createHash('sha256').update(readFileSync(join(ctx.bundledDir, 'sources.json'))).digest('hex'),
  };
  writeFileSync(join(ctx.bundledDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  ctx.log(`wrote ${tables.length} tables and ${sources.length} sources`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
}
