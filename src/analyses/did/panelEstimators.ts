import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { packageVersion } from '../../core/version.js';
import { zodIssues } from '../../core/zodIssues.js';
import { normalSf } from '../../numeric/distributions.js';
import {
  estimateSyntheticDid, eventStudy, feols, imputation, sunAbraham, syntheticDidStandardError, vcov, type EventTimeEstimates,
} from '../../methods/causal/index.js';
import { readPanelColumns } from '../../store/panelFile.js';
import { sha256File } from './fileDigest.js';

/** Columns of a staggered panel file, shared by the TWFE-family commands. */
export const panelSpecSchema = z.object({
  data: z.string().min(1),
  id: z.string().min(1),
  time: z.string().min(1),
  group: z.string().min(1),
  outcome: z.string().min(1),
  covariates: z.array(z.string().min(1)).default([]),
  cluster: z.string().min(1).optional(),
  window: z.tuple([z.number().int(), z.number().int()]).optional(),
});
export type PanelSpec = z.output<typeof panelSpecSchema>;

interface Provenance { package: { name: 'ftzlab'; version: string }; inputs: { name: string; sha256: string }[]; options: unknown; createdAt: string }

async function provenance(path: string, options: unknown, digest?: Promise<string>): Promise<Provenance> {
  return {
    package: { name: 'ftzlab', version: packageVersion() },
    inputs: [{ name: path, sha256: await (digest ?? sha256File(path)) }],
    options,
    createdAt: new Date().toISOString(),
  };
}

/** Starts hashing the input now; a failure surfaces only where the digest is awaited. */
function startDigest(path: string): Promise<string> {
  const p = sha256File(path);
  p.catch(() => undefined);
  return p;
}

async function loadStaggered(s: PanelSpec) {
  // Unit and cluster ids come as dense integer codes in order of first appearance (NULL coded as ''): no
  // per-row JS strings.
  const cols = await readPanelColumns(s.data, [
    { name: s.id, type: 'code' }, { name: s.time, type: 'int' }, { name: s.group, type: 'int' }, { name: s.outcome, type: 'double' },
    ...s.covariates.map((c) => ({ name: c, type: 'double' as const })),
    ...(s.cluster && s.cluster !== s.id ? [{ name: s.cluster, type: 'code' as const }] : []),
  ]);
  const unit = cols.columns.get(s.id) as Int32Array;
  const cluster = s.cluster ? (cols.columns.get(s.cluster) as Int32Array) : unit;
  return {
    panel: {
      unit, time: cols.columns.get(s.time) as Int32Array, cohort: cols.columns.get(s.group) as Int32Array,
      y: cols.columns.get(s.outcome) as Float64Array,
      ...(s.covariates.length ? { covariates: s.covariates.map((c) => ({ name: c, values: cols.columns.get(c) as Float64Array })) } : {}),
    },
    cluster,
  };
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new FtzError('api.bad_request', { issues: zodIssues(r.error) });
  return r.data;
}

const eventRows = (r: EventTimeEstimates): { e: number; att: number; se: number }[] =>
  [...r.eventTimes].map((e, i) => ({ e, att: r.estimates[i] as number, se: r.standardErrors[i] as number }));

/** Static TWFE: y = α_i + λ_t + β·1{t ≥ g} (+ X), clustered by unit (or the given cluster). */
export async function twfeDid(input: unknown) {
  const s = parse(panelSpecSchema, input);
  const { panel, cluster } = await loadStaggered(s);
  // Hashed while the model is fitted (the read itself uses both cores).
  const digest = startDigest(s.data);
  const n = panel.y.length;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = panel.cohort[i] as number;
    d[i] = g > 0 && (panel.time[i] as number) >= g ? 1 : 0;
  }
  const fit = feols({ y: panel.y, regressors: [{ name: 'treat_post', values: d }, ...(panel.covariates ?? [])], fixedEffects: [{ name: 'unit', values: panel.unit }, { name: 'time', values: panel.time }] });
  const v = vcov(fit, { type: 'cluster', clusters: [{ name: 'cluster', values: cluster }] });
  return {
    coefficients: fit.names.map((name, k) => ({ term: name, estimate: fit.coefficients[k] as number, se: v.standardErrors[k] as number, t: v.tStatistics[k] as number, p: v.pValues[k] as number })),
    nobs: fit.nobs, singletons: fit.singletons, clusters: v.clusterCounts, dfT: v.dfT,
    provenance: await provenance(s.data, s, digest),
  };
}

/** Event-time estimators on a panel file: TWFE event study, Sun–Abraham, or the imputation estimator. */
export async function eventTimeDid(kind: 'event_study' | 'sunab' | 'impute', input: unknown) {
  const s = parse(panelSpecSchema, input);
  const { panel, cluster } = await loadStaggered(s);
  const vc = { type: 'cluster' as const, clusters: [{ name: 'cluster', values: cluster }] };
  if (kind === 'impute') {
    const r = imputation(panel, { cluster });
    return { method: r.method, overall: { att: r.overall.estimate, se: r.overall.standardError, p: r.overall.pValue }, by_e: eventRows(r), nobs: r.nobs, not_imputable: r.notImputable, provenance: await provenance(s.data, s) };
  }
  const r = kind === 'sunab' ? sunAbraham(panel, { vcov: vc }) : eventStudy(panel, { vcov: vc, ...(s.window ? { window: s.window } : {}) });
  return { method: r.method, reference: r.referencePeriod, by_e: eventRows(r), vcov: [...r.vcov], nobs: r.nobs, dropped: r.dropped, provenance: await provenance(s.data, s) };
}

export const sdidSpecSchema = z.object({
  data: z.string().min(1),
  unit: z.string().min(1),
  time: z.string().min(1),
  outcome: z.string().min(1),
  treated: z.array(z.string().min(1)).min(1),
  from: z.number().int(),
  estimator: z.enum(['sdid', 'sc', 'did']).default('sdid'),
  se: z.enum(['placebo', 'bootstrap', 'jackknife']).default('placebo'),
  replications: z.number().int().min(2).max(10_000).default(200),
  seed: z.number().int().default(20240101),
});

/** Synthetic DID (block design) on a balanced panel file: estimate, standard error and the weights. */
export async function syntheticDid(input: unknown) {
  const s = parse(sdidSpecSchema, input);
  const cols = await readPanelColumns(s.data, [{ name: s.unit, type: 'text' }, { name: s.time, type: 'int' }, { name: s.outcome, type: 'double' }]);
  const unitText = (cols.columns.get(s.unit) as (string | null)[]).map((v) => v ?? '');
  const time = cols.columns.get(s.time) as Int32Array;
  const y = cols.columns.get(s.outcome) as Float64Array;
  const units = [...new Set(unitText)].sort();
  const periods = [...new Set(time)].sort((a, b) => a - b);
  const missingTreated = s.treated.filter((t) => !units.includes(t));
  if (missingTreated.length) throw new FtzError('causal.bad_panel', { detail: `no unit ${missingTreated.join(', ')} in column ${s.unit}` });
  const grid = new Float64Array(units.length * periods.length).fill(Number.NaN);
  const uIdx = new Map(units.map((u, i) => [u, i]));
  const tIdx = new Map(periods.map((t, i) => [t, i]));
  unitText.forEach((u, i) => { grid[(uIdx.get(u) as number) * periods.length + (tIdx.get(time[i] as number) as number)] = y[i] as number; });
  const gap = grid.findIndex((v) => Number.isNaN(v));
  if (gap >= 0) throw new FtzError('causal.bad_panel', { detail: `the panel is not balanced: ${units[Math.floor(gap / periods.length)]} has no ${s.outcome} in ${periods[gap % periods.length]}` });
  const prePeriods = periods.filter((t) => t < s.from).length;
  const fit = estimateSyntheticDid({ outcome: grid, units: units.length, periods: periods.length, treated: units.map((u) => s.treated.includes(u)), prePeriods }, { estimator: s.estimator });
  const se = syntheticDidStandardError(fit, { method: s.se, replications: s.replications, seed: s.seed });
  return {
    estimator: s.estimator, estimate: fit.estimate, se: Number.isFinite(se.se) ? se.se : null,
    p: Number.isFinite(se.se) && se.se > 0 ? 2 * normalSf(Math.abs(fit.estimate / se.se)) : null,
    se_method: se.method, replications: se.replications, seed: se.seed,
    unit_weights: [...fit.controlUnits].map((u, k) => ({ unit: units[u] as string, omega: fit.omega[k] as number })).filter((w) => w.omega > 0).sort((a, b) => b.omega - a.omega),
    time_weights: periods.slice(0, prePeriods).map((t, k) => ({ time: t, lambda: fit.lambda[k] as number })).filter((w) => w.lambda > 0),
    effect_by_period: periods.slice(prePeriods).map((t, k) => ({ time: t, effect: fit.effectCurve[k] as number })),
    provenance: await provenance(s.data, s),
  };
}
