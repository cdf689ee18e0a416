import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { packageVersion } from '../../core/version.js';
import { zodIssues } from '../../core/zodIssues.js';
import { estimateSyntheticControl, mediation, placeboTest } from '../../methods/causal/index.js';
import { readPanelColumns } from '../../store/panelFile.js';
import { panelSpecSchema } from './panelEstimators.js';

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new FtzError('api.bad_request', { issues: zodIssues(r.error) });
  return r.data;
}

async function provenance(path: string, options: unknown, seed: number | null) {
  return {
    package: { name: 'ftzlab' as const, version: packageVersion() },
    inputs: [{ name: path, sha256: createHash('sha256').update(await readFile(path)).digest('hex') }],
    options, seed, createdAt: new Date().toISOString(),
  };
}

function codes(values: readonly (string | null)[]): Int32Array {
  const map = new Map<string, number>();
  return Int32Array.from(values, (v) => {
    const k = v ?? '';
    if (!map.has(k)) map.set(k, map.size);
    return map.get(k) as number;
  });
}

async function columns(s: z.output<typeof panelSpecSchema>, extra: string[] = []) {
  const c = await readPanelColumns(s.data, [
    { name: s.id, type: 'text' }, { name: s.time, type: 'int' }, { name: s.group, type: 'int' }, { name: s.outcome, type: 'double' },
    ...[...s.covariates, ...extra].map((x) => ({ name: x, type: 'double' as const, optional: extra.includes(x) })),
    ...(s.cluster ? [{ name: s.cluster, type: 'text' as const }] : []),
  ]);
  const unit = codes(c.columns.get(s.id) as (string | null)[]);
  return {
    unit, time: c.columns.get(s.time) as Int32Array, cohort: c.columns.get(s.group) as Int32Array, y: c.columns.get(s.outcome) as Float64Array,
    covariates: s.covariates.map((x) => ({ name: x, values: c.columns.get(x) as Float64Array })),
    extra: new Map(extra.map((x) => [x, c.columns.get(x) as Float64Array])),
    cluster: s.cluster ? codes(c.columns.get(s.cluster) as (string | null)[]) : unit,
  };
}

export const placeboSpecSchema = panelSpecSchema.extend({
  draws: z.number().int().min(1).max(100_000).default(1000),
  mode: z.enum(['individual', 'timing', 'mixed']).default('mixed'),
  seed: z.number().int().default(20240101),
});

/** Placebo test of the TWFE treatment effect with seeded fake assignments. */
export async function placeboDid(input: unknown, onProgress?: (done: number, total: number) => void) {
  const s = parse(placeboSpecSchema, input);
  const p = await columns(s);
  const r = placeboTest(
    { unit: p.unit, time: p.time, y: p.y, cohort: p.cohort, covariates: p.covariates.length ? p.covariates : undefined, cluster: p.cluster },
    { mode: s.mode, draws: s.draws, seed: s.seed, onProgress },
  );
  return {
    mode: r.mode, draws: r.draws, seed: r.seed, real: r.real, p: r.pValue, t_p: r.tPValue, mean: r.mean, sd: r.sd, failed: r.failed,
    estimates: [...r.estimates], density: r.density ? { x: [...r.density.x], density: [...r.density.density], bandwidth: r.density.bandwidth } : null,
    provenance: await provenance(s.data, s, s.seed),
  };
}

export const mediateSpecSchema = panelSpecSchema.extend({
  mediator: z.string().min(1),
  draws: z.number().int().min(0).max(100_000).default(999),
  seed: z.number().int().default(20240101),
});

/** Stepwise mediation of the TWFE treatment effect through one mediator, with its limits stated. */
export async function mediateDid(input: unknown) {
  const s = parse(mediateSpecSchema, input);
  const p = await columns(s, [s.mediator]);
  const d = Float64Array.from(p.y, (_, i) => ((p.cohort[i] as number) > 0 && (p.time[i] as number) >= (p.cohort[i] as number) ? 1 : 0));
  const r = mediation(
    { y: p.y, treatment: { name: 'treat_post', values: d }, mediator: { name: s.mediator, values: p.extra.get(s.mediator) as Float64Array },
      covariates: p.covariates.length ? p.covariates : undefined, fixedEffects: [{ name: 'unit', values: p.unit }, { name: 'time', values: p.time }],
      cluster: { name: 'cluster', values: p.cluster } },
    { seed: s.seed, draws: s.draws },
  );
  return { ...r, provenance: await provenance(s.data, s, s.seed) };
}

export const scSpecSchema = z.object({
  data: z.string().min(1),
  unit: z.string().min(1),
  time: z.string().min(1),
  outcome: z.string().min(1),
  treated: z.string().min(1),
  from: z.number().int(),
  /** predictors as `column@from-to` (mean over the years) or `column@year`; default: the outcome in every pre-period */
  predictors: z.array(z.string().regex(/^[^@]+@\d{4}(-\d{4})?$/)).default([]),
  placebo: z.boolean().default(false),
});

/** Synthetic control (Abadie, Diamond & Hainmueller 2010) on a panel file, with placebo-in-space inference. */
export async function syntheticControl(input: unknown) {
  const s = parse(scSpecSchema, input);
  const predictorColumns = [...new Set(s.predictors.map((p) => p.split('@')[0] as string))].filter((c) => c !== s.outcome);
  const cols = await readPanelColumns(s.data, [
    { name: s.unit, type: 'text' }, { name: s.time, type: 'int' }, { name: s.outcome, type: 'double' },
    ...predictorColumns.map((c) => ({ name: c, type: 'double' as const, optional: true })),
  ]);
  const unitText = (cols.columns.get(s.unit) as (string | null)[]).map((v) => v ?? '');
  const time = cols.columns.get(s.time) as Int32Array;
  const units = [...new Set(unitText)].sort();
  const periods = [...new Set(time)].sort((a, b) => a - b);
  if (!units.includes(s.treated)) throw new FtzError('causal.bad_panel', { detail: `no unit ${s.treated} in column ${s.unit}` });
  const grid = (col: string): Float64Array => {
    const v = cols.columns.get(col) as Float64Array;
    const out = new Float64Array(units.length * periods.length).fill(Number.NaN);
    const uIdx = new Map(units.map((u, i) => [u, i]));
    const tIdx = new Map(periods.map((t, i) => [t, i]));
    unitText.forEach((u, i) => { out[(uIdx.get(u) as number) * periods.length + (tIdx.get(time[i] as number) as number)] = v[i] as number; });
    return out;
  };
  const pre = periods.filter((t) => t < s.from);
  const predictors = s.predictors.length
    ? s.predictors.map((p) => {
      const [variable, range] = p.split('@') as [string, string];
      const [a, b] = range.split('-').map(Number) as [number, number | undefined];
      return { variable, periods: periods.filter((t) => t >= a && t <= (b ?? a)), name: p };
    })
    : pre.map((t) => ({ variable: s.outcome, periods: [t], name: `${s.outcome}@${t}` }));
  const fit = estimateSyntheticControl(
    { units, periods, outcome: grid(s.outcome), covariates: { ...Object.fromEntries(predictorColumns.map((c) => [c, grid(c)])), [s.outcome]: grid(s.outcome) } },
    { treated: s.treated, treatmentPeriod: s.from, predictors, placebo: s.placebo },
  );
  return {
    treated: fit.treated,
    weights: fit.controls.map((u, k) => ({ unit: u, w: fit.w[k] as number })).filter((x) => x.w > 1e-6).sort((a, b) => b.w - a.w),
    predictor_weights: fit.predictorNames.map((n, k) => ({ predictor: n, v: fit.v[k] as number, treated: fit.balance.treated[k] as number, synthetic: fit.balance.synthetic[k] as number })),
    path: fit.periods.map((t, k) => ({ time: t, treated: fit.treatedPath[k] as number, synthetic: fit.syntheticPath[k] as number, gap: fit.gaps[k] as number })),
    pre_rmspe: fit.preRmspe, post_rmspe: fit.postRmspe,
    placebo: fit.placebo ? { p: fit.placebo.pValue, rank: fit.placebo.rank, units: fit.placebo.units.length } : null,
    provenance: await provenance(s.data, s, null),
  };
}
