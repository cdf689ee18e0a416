import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { packageVersion } from '../../core/version.js';
import { zodIssues } from '../../core/zodIssues.js';
import { complexityMatrix, rcaPresence } from '../../methods/structure/complexityMatrix.js';
import { economicComplexity, fitnessComplexity } from '../../methods/structure/economicComplexity.js';
import { complexityOutlook, productProximity, relatednessDensity } from '../../methods/structure/productSpace.js';
import { readPanelColumns } from '../../store/panelFile.js';
import { sha256File } from '../did/fileDigest.js';

export const complexitySpecSchema = z.object({
  data: z.string().min(1),
  region: z.string().min(1),
  product: z.string().min(1),
  value: z.string().min(1),
  method: z.enum(['eigen', 'reflections', 'fitness']).default('eigen'),
  rcaThreshold: z.number().positive().default(1),
  /** Conventions of py-ecomplexity (default) or of the R package economiccomplexity. */
  convention: z.enum(['py-ecomplexity', 'economiccomplexity']).default('py-ecomplexity'),
  /** Also return density and COG for each region's top products it does not yet export with RCA ≥ threshold. */
  opportunities: z.number().int().min(0).max(50).default(0),
});

/**
 * Economic complexity of a long region × product file (CSV or Parquet): RCA and presence, diversity and
 * ubiquity, ECI and PCI (eigenvector or reflections) or fitness and complexity, the complexity outlook index of
 * each region, and optionally each region's best opportunities (highest COG among products it does not yet
 * export competitively, with their density).
 */
export type ComplexityFileOutput = Awaited<ReturnType<typeof complexityFile>>;

/** NaN (an index not defined for a unit, e.g. COI of a region that exports nothing with RCA ≥ 1) as null. */
const num = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

export async function complexityFile(input: unknown) {
  const parsed = complexitySpecSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const s = parsed.data;
  const path = resolve(s.data);
  const cols = await readPanelColumns(path, [{ name: s.region, type: 'code' }, { name: s.product, type: 'code' }, { name: s.value, type: 'double' }]);
  const digest = sha256File(path);
  digest.catch(() => undefined);
  const rl = cols.labels.get(s.region) as readonly string[];
  const pl = cols.labels.get(s.product) as readonly string[];
  const rc = cols.columns.get(s.region) as Int32Array;
  const pc = cols.columns.get(s.product) as Int32Array;
  const m = complexityMatrix({ region: Array.from(rc, (c) => rl[c] as string), product: Array.from(pc, (c) => pl[c] as string), value: cols.columns.get(s.value) as Float64Array }, { duplicates: s.convention === 'economiccomplexity' ? 'sum' : 'first' });
  const p = rcaPresence(m, { threshold: s.rcaThreshold, convention: s.convention });
  const standardise = s.convention;
  const ec = s.method === 'fitness' ? null : economicComplexity(p, { method: s.method === 'eigen' ? 'eigenvector' : 'reflections', standardise });
  const fit = s.method === 'fitness' ? fitnessComplexity(p) : null;
  const prox = productProximity(p);
  // py-ecomplexity's COI and COG are defined on the eigenvector ECI/PCI whatever index is reported; the R
  // package's use the product complexity of the chosen method.
  const outlookBasis = s.convention === 'py-ecomplexity'
    ? (ec && ec.method === 'eigenvector' ? ec : economicComplexity(p, { method: 'eigenvector', standardise }))
    : (ec ? ec.pci : (fit as NonNullable<typeof fit>).complexity);
  const outlook = complexityOutlook(p, prox, outlookBasis, { convention: s.convention });
  const density = s.opportunities > 0 ? relatednessDensity(p, prox) : null;
  const R = p.regions.length;
  const P = p.products.length;
  const regionIndex = p.regions.map((region, i) => ({
    region, diversity: p.diversity[i] as number,
    ...(ec ? { eci: num(ec.eci[i]) } : { fitness: num((fit as NonNullable<typeof fit>).fitness[i]) }),
    coi: num(outlook.coi[i]),
    ...(density ? {
      opportunities: Array.from({ length: P }, (_, k) => k)
        .filter((k) => p.mcp[i * P + k] === 0)
        .sort((a, b) => (num(outlook.cog[i * P + b]) ?? -Infinity) - (num(outlook.cog[i * P + a]) ?? -Infinity))
        .slice(0, s.opportunities)
        .map((k) => ({ product: p.products[k] as string, cog: num(outlook.cog[i * P + k]), density: num(density[i * P + k]) })),
    } : {}),
  }));
  const productIndex = p.products.map((product, k) => ({
    product, ubiquity: p.ubiquity[k] as number,
    ...(ec ? { pci: num(ec.pci[k]) } : { complexity: num((fit as NonNullable<typeof fit>).complexity[k]) }),
  }));
  return {
    kind: 'structure.complexity' as const, spec: s, regions: regionIndex, products: productIndex,
    dropped: { regions: m.droppedRegions, products: m.droppedProducts },
    identified: ec ? ec.identified : true,
    counts: { regions: R, products: P, rows: cols.rows },
    provenance: { package: { name: 'ftzlab' as const, version: packageVersion() }, inputs: [{ name: basename(path), sha256: await digest }], options: s, createdAt: new Date().toISOString() },
  };
}
