import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { packageVersion } from '../../core/version.js';
import { zodIssues } from '../../core/zodIssues.js';
import { denseMatrix, leontiefModel, matrixRows } from '../../methods/carbon/inputOutput.js';
import { bilateralEmbodiedEmissions, emissionAccounts } from '../../methods/carbon/emissionAccounts.js';

const matrix = z.array(z.array(z.number()));

/**
 * The input-output file `ftzlab carbon mrio --io FILE` reads (JSON): labels, Z (n × n, n = regions × sectors,
 * region-major), Y (n × regions·categories), F (stressors × n), optional F_Y (stressors × regions·categories)
 * and x. `Y_by_region` is accepted for Y (pymrio's test-system naming).
 */
export const mrioFileSchema = z.object({
  regions: z.array(z.string().min(1)).min(1),
  sectors: z.array(z.string().min(1)).min(1),
  categories: z.array(z.string().min(1)).min(1).optional(),
  stressors: z.array(z.string().min(1)).optional(),
  unit: z.string().optional(),
  Z: matrix,
  Y: matrix.optional(),
  Y_by_region: matrix.optional(),
  F: matrix,
  F_Y: matrix.optional(),
  x: z.array(z.number()).optional(),
});

export interface MrioAccountsOutput {
  readonly kind: 'carbon.mrio';
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  readonly stressors: readonly string[];
  readonly unit: string;
  /** Per stressor, per region: production-, consumption-, import- and export-based totals (pymrio D_pba, D_cba, D_imp, D_exp). */
  readonly accounts: readonly { stressor: string; region: string; production: number; consumption: number; imports: number; exports: number; balance: number }[];
  /** Multipliers M = S·L (stressor per unit of final demand) and intensities S = F·diag(1/x), per industry. */
  readonly industries: readonly { region: string; sector: string; output: number; intensity: number[]; multiplier: number[] }[];
  /** Emissions of origin region caused by final demand of destination region, summed over sectors. */
  readonly embodied_flows: readonly { stressor: string; origin: string; destination: string; value: number }[];
  readonly unattributed_industries: readonly string[];
  readonly provenance: { package: { name: 'ftzlab'; version: string }; inputs: { name: string; sha256: string }[]; createdAt: string };
}

/**
 * Emission accounts of a multi-regional input-output system: the Leontief model, intensities and multipliers,
 * and the four accounts per region (production, consumption, imports, exports, with consumption =
 * production + imports − exports), plus the region-to-region flows of embodied emissions.
 */
export function mrioAccounts(text: string, fileName: string): MrioAccountsOutput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FtzError('carbon.bad_matrix', { what: `input-output file ${fileName}`, detail: `not JSON (${(e as Error).message})` });
  }
  const parsed = mrioFileSchema.safeParse(json);
  if (!parsed.success) throw new FtzError('carbon.bad_matrix', { what: `input-output file ${fileName}`, detail: zodIssues(parsed.error) });
  const f = parsed.data;
  const Yraw = f.Y ?? f.Y_by_region;
  if (!Yraw) throw new FtzError('carbon.bad_matrix', { what: `input-output file ${fileName}`, detail: 'final demand Y is missing' });
  const R = f.regions.length;
  const S = f.sectors.length;
  const n = R * S;
  const categories = f.categories?.length ?? 1;
  if (f.Z.length !== n) throw new FtzError('carbon.bad_matrix', { what: 'intermediate flows Z', detail: `${f.Z.length} rows for ${R} regions × ${S} sectors = ${n}` });
  const model = leontiefModel({ Z: denseMatrix(f.Z, 'intermediate flows Z'), Y: denseMatrix(Yraw, 'final demand Y'), regions: R, categories, ...(f.x ? { x: f.x } : {}) });
  const F = denseMatrix(f.F, 'stressor matrix F');
  const stressors = f.stressors ?? f.F.map((_, k) => `stressor ${k + 1}`);
  if (stressors.length !== F.rows) throw new FtzError('carbon.bad_matrix', { what: 'stressor names', detail: `${stressors.length} names for ${F.rows} rows of F` });
  const acc = emissionAccounts(model, F, f.F_Y ? { FY: denseMatrix(f.F_Y, 'final-demand emissions F_Y') } : {});
  const flows = bilateralEmbodiedEmissions(model, F);
  const at = (m: { cols: number; values: Float64Array }, i: number, j: number): number => m.values[i * m.cols + j] as number;
  const accounts = stressors.flatMap((stressor, k) => f.regions.map((region, r) => {
    const production = at(acc.production.byRegion, k, r);
    const consumption = at(acc.consumption.byRegion, k, r);
    const imports = at(acc.imports.byRegion, k, r);
    const exports = at(acc.exports.byRegion, k, r);
    return { stressor, region, production, consumption, imports, exports, balance: consumption - (production + imports - exports) };
  }));
  const Srows = matrixRows(acc.S);
  const Mrows = matrixRows(acc.M);
  const industries = Array.from({ length: n }, (_, i) => ({
    region: f.regions[Math.floor(i / S)] as string, sector: f.sectors[i % S] as string, output: model.x[i] as number,
    intensity: Srows.map((row) => row[i] as number), multiplier: Mrows.map((row) => row[i] as number),
  }));
  const embodied = stressors.flatMap((stressor, k) => f.regions.flatMap((origin, o) => f.regions.map((destination, d) => ({
    stressor, origin, destination, value: flows.pairs[(k * R + o) * R + d] as number,
  }))));
  return {
    kind: 'carbon.mrio', regions: f.regions, sectors: f.sectors, stressors, unit: f.unit ?? '', accounts, industries, embodied_flows: embodied,
    unattributed_industries: acc.unattributed.map((i) => `${f.regions[Math.floor(i / S)]}/${f.sectors[i % S]}`),
    provenance: { package: { name: 'ftzlab', version: packageVersion() }, inputs: [{ name: fileName, sha256: createHash('sha256').update(text).digest('hex') }], createdAt: new Date().toISOString() },
  };
}
