import { FtzError } from '../../core/errors.js';
import { factorize } from './demean.js';
import { feols, type FeolsFit, type NamedColumn } from './feols.js';
import { SSC_FIXEST, vcov, type SmallSampleCorrection, type VcovSpec } from './vcov.js';

/**
 * A staggered-adoption panel as columns. `cohort` is the first treated period of the row's unit; 0, NaN or
 * ±Infinity mark never-treated units (mpdta's `first.treat = 0`). Treatment is absorbing.
 */
export interface StaggeredPanel {
  readonly unit: ArrayLike<number>;
  readonly time: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly cohort: ArrayLike<number>;
  readonly covariates?: readonly NamedColumn[] | undefined;
  readonly weights?: ArrayLike<number> | undefined;
}

/** Options shared by the event-time estimators. */
export interface EventTimeOptions {
  /** Variance; default clustered by unit. */
  readonly vcov?: VcovSpec | undefined;
  /** Small-sample correction; default fixest's. */
  readonly ssc?: SmallSampleCorrection | undefined;
  readonly tolerance?: number | undefined;
}

/** The common output of the event study, Sun–Abraham and the imputation estimator. */
export interface EventTimeEstimates {
  readonly method: 'event_study' | 'sun_abraham' | 'imputation';
  /** Event times (periods relative to first treatment) with an estimate, ascending. */
  readonly eventTimes: Int32Array;
  readonly estimates: Float64Array;
  readonly standardErrors: Float64Array;
  /** Row-major covariance of the estimates. */
  readonly vcov: Float64Array;
  /** Normalised period (estimate 0 by construction), or null. */
  readonly referencePeriod: number | null;
  /** Observations used. */
  readonly nobs: number;
  /** Observations dropped as singletons (or, for imputation, treated ones that could not be imputed). */
  readonly dropped: number;
  /** Degrees of freedom for t tests (Infinity: normal). */
  readonly dfT: number;
}

/** Whether a cohort value marks a never-treated unit. */
export function isNeverTreated(cohort: number): boolean {
  return cohort === 0 || !Number.isFinite(cohort);
}

/** Checks lengths and that the cohort is constant within unit; returns n. */
export function checkPanel(p: StaggeredPanel): number {
  const n = p.y.length;
  for (const [name, col] of [['unit', p.unit], ['time', p.time], ['cohort', p.cohort]] as const) {
    if (col.length !== n) throw new FtzError('causal.bad_panel', { detail: `column ${name} has ${col.length} rows, the outcome ${n}` });
  }
  const u = factorize(p.unit);
  const seen = new Float64Array(u.levels).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const c = p.cohort[i] as number;
    const key = isNeverTreated(c) ? 0 : c;
    const s = seen[u.codes[i] as number] as number;
    if (Number.isNaN(s)) seen[u.codes[i] as number] = key;
    else if (s !== key) throw new FtzError('causal.bad_panel', { detail: `unit ${p.unit[i] as number} has two treatment cohorts (${s} and ${key})` });
  }
  return n;
}

export interface EventStudyOptions extends EventTimeOptions {
  /** Event-time window [lo, hi]; relative times outside are binned into the end points. Default: observed range. */
  readonly window?: readonly [number, number] | undefined;
  /** Omitted (normalised) event time. Default −1. */
  readonly reference?: number | undefined;
}

/**
 * Dynamic TWFE event study: y_it = α_i + λ_t + Σ_{k ≠ ref} β_k 1{t − E_i = k} + X_it'γ + ε_it, with the end
 * points binned (k ≤ lo pooled into lo, k ≥ hi into hi) and never-treated units carrying no dummies, so they
 * and the not-yet-treated periods identify λ_t (Borusyak, Jaravel & Spiess 2024, §2, eq. 3; Sun & Abraham
 * 2021, eq. 4). Under heterogeneous effects β_k mixes cohorts with possibly negative weights (SA 2021,
 * Prop. 1): prefer {@link sunAbraham} or {@link imputation} for estimation, use this as the familiar baseline.
 *
 * @example
 * const es = eventStudy({ unit: county, time: year, y: lemp, cohort: firstTreat }, { window: [-4, 3] });
 * es.eventTimes; // [-4, -3, -2, 0, 1, 2, 3]
 */
export function eventStudy(panel: StaggeredPanel, options: EventStudyOptions = {}): EventTimeEstimates & { readonly fit: FeolsFit } {
  const n = checkPanel(panel);
  const reference = options.reference ?? -1;
  const rel = new Float64Array(n).fill(Number.NaN);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const c = panel.cohort[i] as number;
    if (isNeverTreated(c)) continue;
    const e = (panel.time[i] as number) - c;
    rel[i] = e;
    if (e < lo) lo = e;
    if (e > hi) hi = e;
  }
  if (!Number.isFinite(lo)) throw new FtzError('causal.bad_panel', { detail: 'no treated unit' });
  if (options.window) [lo, hi] = options.window;
  if (!(lo <= reference && reference <= hi)) throw new FtzError('causal.bad_panel', { detail: `reference period ${reference} is outside the window [${lo}, ${hi}]` });
  const times: number[] = [];
  for (let k = lo; k <= hi; k++) if (k !== reference) times.push(k);
  const dummies = times.map((k) => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const e = rel[i] as number;
      if (Number.isNaN(e)) continue;
      const b = Math.min(Math.max(e, lo), hi);
      if (b === k) v[i] = 1;
    }
    return { name: `rel:${k}`, values: v };
  });
  const present = dummies.filter((d) => d.values.some((v) => v !== 0));
  const fit = feols({
    y: panel.y,
    regressors: [...present, ...(panel.covariates ?? [])],
    fixedEffects: [{ name: 'unit', values: panel.unit }, { name: 'time', values: panel.time }],
    weights: panel.weights,
    tolerance: options.tolerance,
  });
  const v = vcov(fit, options.vcov ?? { type: 'cluster', clusters: [{ name: 'unit', values: panel.unit }] }, options.ssc ?? SSC_FIXEST);
  const m = present.length;
  const k = fit.names.length;
  const cov = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cov[a * m + b] = v.matrix[a * k + b] as number;
  return {
    method: 'event_study',
    eventTimes: Int32Array.from(present, (d) => Number(d.name.slice(4))),
    estimates: fit.coefficients.slice(0, m),
    standardErrors: v.standardErrors.slice(0, m),
    vcov: cov,
    referencePeriod: reference,
    nobs: fit.nobs,
    dropped: fit.singletons,
    dfT: v.dfT,
    fit,
  };
}
