import { z } from 'zod';
import { FtzError, renderMessage } from '../../core/errors.js';
import { packageVersion } from '../../core/version.js';
import { zodIssues } from '../../core/zodIssues.js';
import { callawaySantAnna } from '../../methods/causal/callawaySantAnna.js';
import { readPanelColumns, type PanelColumnSpec } from '../../store/panelFile.js';
import { sha256File } from './fileDigest.js';

export const csSpecSchema = z.object({
  data: z.string().min(1),
  id: z.string().min(1),
  time: z.string().min(1),
  group: z.string().min(1),
  outcome: z.string().min(1),
  covariates: z.array(z.string().min(1)).default([]),
  control: z.enum(['never', 'notyet']).default('never'),
  method: z.enum(['reg', 'ipw', 'dr']).default('dr'),
  base: z.enum(['varying', 'universal']).default('varying'),
  anticipation: z.number().int().min(0).max(20).default(0),
  cluster: z.string().min(1).optional(),
  weights: z.string().min(1).optional(),
  bootstrap: z.number().int().min(0).max(100_000).default(0),
  seed: z.number().int().default(20240101),
  /** balanced panel (default), unbalanced panel, or repeated cross sections (the id column is then ignored) */
  panel: z.enum(['balanced', 'unbalanced', 'repeated_cross_section']).default('balanced'),
  balanceE: z.number().int().min(0).optional(),
  minE: z.number().int().optional(),
  maxE: z.number().int().optional(),
});

export type CsSpec = z.output<typeof csSpecSchema>;

interface Est { readonly att: number; readonly se: number | null }
const est = (att: number, se: number): Est => ({ att, se: Number.isFinite(se) ? se : null });

/** The JSON document `ftzlab did cs --json` prints (shape fixed by the issue). */
export interface CsDidOutput {
  readonly att_gt: readonly { group: number; time: number; att: number; se: number | null }[];
  readonly aggregates: {
    readonly simple: Est;
    readonly dynamic: { overall: Est; by_e: readonly { e: number; att: number; se: number | null }[]; vcov: readonly number[] | null };
    readonly group: { overall: Est; by_group: readonly { group: number; att: number; se: number | null }[] };
    readonly calendar: { overall: Est; by_time: readonly { time: number; att: number; se: number | null }[] };
  };
  readonly pretest: { stat: number; df: number; p: number } | null;
  readonly warnings: readonly { code: string; message: { zh: string; en: string }; details: unknown }[];
  readonly provenance: { package: { name: 'ftzlab'; version: string }; inputs: { name: string; sha256: string }[]; options: CsSpec; seed: number | null; createdAt: string };
}

/**
 * Staggered DID of Callaway & Sant'Anna (2021) on a panel file: reads the named columns (CSV in UTF-8 or
 * GBK, or Parquet), estimates ATT(g,t), the four aggregations and the pre-test, and returns the documented
 * JSON shape with every option echoed in the provenance.
 */
export async function csDid(input: unknown): Promise<CsDidOutput> {
  const parsed = csSpecSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const s = parsed.data;
  const specs: PanelColumnSpec[] = [
    { name: s.id, type: 'code' }, { name: s.time, type: 'int' }, { name: s.group, type: 'int' }, { name: s.outcome, type: 'double' },
    ...s.covariates.map((c) => ({ name: c, type: 'double' as const })),
    ...(s.weights ? [{ name: s.weights, type: 'double' as const }] : []),
    ...(s.cluster ? [{ name: s.cluster, type: 'code' as const }] : []),
  ];
  // Ids and clusters arrive as dense codes (clusters numbered in order of first appearance, NULL as '').
  const cols = await readPanelColumns(s.data, specs);
  // The file is hashed for the provenance while the estimation runs (after the read, which uses both cores).
  const shaPromise = sha256File(s.data);
  shaPromise.catch(() => undefined);
  const cluster = s.cluster ? (cols.columns.get(s.cluster) as Int32Array) : undefined;
  const r = callawaySantAnna(
    {
      id: cols.columns.get(s.id) as Int32Array,
      idLabels: cols.labels.get(s.id) as readonly string[],
      time: cols.columns.get(s.time) as Int32Array,
      group: cols.columns.get(s.group) as Int32Array,
      y: cols.columns.get(s.outcome) as Float64Array,
      ...(s.covariates.length ? { covariates: s.covariates.map((c) => cols.columns.get(c) as Float64Array) } : {}),
      ...(s.weights ? { weights: cols.columns.get(s.weights) as Float64Array } : {}),
      ...(cluster ? { cluster } : {}),
    },
    {
      estMethod: s.method,
      controlGroup: s.control === 'never' ? 'nevertreated' : 'notyettreated',
      basePeriod: s.base,
      anticipation: s.anticipation,
      panel: s.panel,
      ...(s.bootstrap > 0 ? { bootstrap: { seed: s.seed, draws: s.bootstrap } } : {}),
      aggregation: {
        ...(s.balanceE !== undefined ? { balanceE: s.balanceE } : {}),
        ...(s.minE !== undefined ? { minE: s.minE } : {}),
        ...(s.maxE !== undefined ? { maxE: s.maxE } : {}),
      },
    },
  );
  const a = r.aggregations;
  const by = <K extends string>(agg: typeof a.dynamic, key: K): ({ [P in K]: number } & { att: number; se: number | null })[] =>
    [...agg.levels].map((level, i) => ({ [key]: level, att: agg.att[i] as number, se: Number.isFinite(agg.se[i]) ? (agg.se[i] as number) : null }) as { [P in K]: number } & { att: number; se: number | null });
  const sha = await shaPromise;
  return {
    att_gt: [...r.attGt.group].map((g, i) => ({ group: g, time: r.attGt.time[i] as number, att: r.attGt.att[i] as number, se: Number.isFinite(r.attGt.se[i]) ? (r.attGt.se[i] as number) : null })),
    aggregates: {
      simple: est(a.simple.overall.att, a.simple.overall.se),
      dynamic: { overall: est(a.dynamic.overall.att, a.dynamic.overall.se), by_e: by(a.dynamic, 'e'), vcov: a.dynamic.vcov ? [...a.dynamic.vcov] : null },
      group: { overall: est(a.group.overall.att, a.group.overall.se), by_group: by(a.group, 'group') },
      calendar: { overall: est(a.calendar.overall.att, a.calendar.overall.se), by_time: by(a.calendar, 'time') },
    },
    pretest: r.waldPretest.statistic === null ? null : { stat: r.waldPretest.statistic, df: r.waldPretest.df, p: r.waldPretest.p },
    warnings: r.warnings.map((w) => ({
      code: w.code,
      message: { zh: renderMessage(w.code, w.params as never, 'zh-CN'), en: renderMessage(w.code, w.params as never, 'en') },
      details: w.params,
    })),
    provenance: {
      package: { name: 'ftzlab', version: packageVersion() },
      inputs: [{ name: s.data, sha256: sha }],
      options: s,
      seed: s.bootstrap > 0 ? s.seed : null,
      createdAt: new Date().toISOString(),
    },
  };
}
