import { FtzError } from '../../core/errors.js';
import { checkPanel, isNeverTreated, type EventTimeEstimates, type EventTimeOptions, type StaggeredPanel } from './eventStudy.js';
import { feols, type FeolsFit } from './feols.js';
import { SSC_FIXEST, vcov } from './vcov.js';

export interface SunAbrahamOptions extends EventTimeOptions {
  /** Control cohort: never-treated units, or the last-treated cohort (its treated periods are dropped). Default 'never'. */
  readonly control?: 'never' | 'last' | undefined;
  /** Excluded relative period for every cohort. Default −1. */
  readonly reference?: number | undefined;
}

/** One cohort × relative-period coefficient δ_{c,e} and its weight in the event-time aggregate. */
export interface SunAbrahamCells {
  readonly cohort: Float64Array;
  readonly eventTime: Int32Array;
  readonly estimate: Float64Array;
  readonly standardError: Float64Array;
  /** Pr(E = c | E ∈ C_e): cohort c's share of the treated-cohort observations at relative time e. */
  readonly weight: Float64Array;
}

export interface SunAbrahamResult extends EventTimeEstimates {
  readonly cells: SunAbrahamCells;
  /** The cohort used as control (NaN for never-treated). */
  readonly controlCohort: number;
  readonly fit: FeolsFit;
}

/**
 * The interaction-weighted estimator of Sun & Abraham (2021, "Estimating dynamic treatment effects in event
 * studies with heterogeneous treatment effects", J. Econometrics 225(2)): (1) saturate the TWFE regression
 * with cohort × relative-period dummies, y_it = α_i + λ_t + Σ_{c∉C} Σ_{e≠ref} δ_{c,e} 1{E_i = c, t − c = e}
 * + ε_it (eq. 20), with the never-treated or the last-treated cohort C as control; (2) aggregate
 * ν̂_e = Σ_c Pr̂(E = c | E ∈ C_e) δ̂_{c,e} (eq. 22), where the weight is cohort c's share of the estimation
 * sample's observations at relative time e among the interacted cohorts (as fixest's `sunab`; in a balanced
 * panel this equals the unit share). Var(ν̂) = W V W' treats the shares as fixed (fixest's choice; SA's
 * Prop. 6 adds a term for their estimation, ignored here).
 *
 * @example
 * const sa = sunAbraham({ unit: county, time: year, y: lemp, cohort: firstTreat });
 * sa.eventTimes; // [-4, -3, -2, 0, 1, 2, 3] on mpdta
 */
export function sunAbraham(panel: StaggeredPanel, options: SunAbrahamOptions = {}): SunAbrahamResult {
  const n = checkPanel(panel);
  const reference = options.reference ?? -1;
  const control = options.control ?? 'never';
  let last = -Infinity;
  let anyNever = false;
  for (let i = 0; i < n; i++) {
    const c = panel.cohort[i] as number;
    if (isNeverTreated(c)) anyNever = true;
    else if (c > last) last = c;
  }
  if (!Number.isFinite(last)) throw new FtzError('causal.bad_panel', { detail: 'no treated unit' });
  if (control === 'never' && !anyNever) throw new FtzError('causal.no_control_units', { control: 'never-treated', detail: 'every unit is eventually treated' });
  const controlCohort = control === 'last' ? last : Number.NaN;

  // Sample: with a last-treated control, periods from its first treatment on are dropped.
  const sample = new Uint8Array(n);
  for (let i = 0; i < n; i++) sample[i] = control === 'last' && (panel.time[i] as number) >= last ? 0 : 1;

  const cellOf = new Map<string, { cohort: number; e: number; values: Float64Array }>();
  for (let i = 0; i < n; i++) {
    if (!sample[i]) continue;
    const c = panel.cohort[i] as number;
    if (isNeverTreated(c) || c === controlCohort) continue;
    const e = (panel.time[i] as number) - c;
    if (e === reference) continue;
    const key = `${c}:${e}`;
    let cell = cellOf.get(key);
    if (!cell) {
      cell = { cohort: c, e, values: new Float64Array(n) };
      cellOf.set(key, cell);
    }
    cell.values[i] = 1;
  }
  const cells = [...cellOf.entries()].sort(([, a], [, b]) => a.cohort - b.cohort || a.e - b.e);
  if (cells.length === 0) throw new FtzError('causal.bad_panel', { detail: 'no cohort × relative-period cell to estimate' });

  const fit = feols({
    y: panel.y,
    regressors: [...cells.map(([name, c]) => ({ name, values: c.values })), ...(panel.covariates ?? [])],
    fixedEffects: [{ name: 'unit', values: panel.unit }, { name: 'time', values: panel.time }],
    weights: panel.weights,
    sample,
    tolerance: options.tolerance,
  });
  const v = vcov(fit, options.vcov ?? { type: 'cluster', clusters: [{ name: 'unit', values: panel.unit }] }, options.ssc ?? SSC_FIXEST);
  const k = fit.names.length;
  const m = cells.length;

  // Cell sizes in the estimation sample (weighted if weights are given).
  const size = new Float64Array(m);
  cells.forEach(([, c], j) => {
    let s = 0;
    fit.rows.forEach((i, r) => {
      if (c.values[i] === 1) s += fit.weights ? (fit.weights[r] as number) : 1;
    });
    size[j] = s;
  });
  const eventTimes = [...new Set(cells.map(([, c]) => c.e))].sort((a, b) => a - b);
  const W = new Float64Array(eventTimes.length * m);
  const weight = new Float64Array(m);
  eventTimes.forEach((e, a) => {
    let total = 0;
    cells.forEach(([, c], j) => {
      if (c.e === e) total += size[j] as number;
    });
    cells.forEach(([, c], j) => {
      if (c.e === e) {
        W[a * m + j] = (size[j] as number) / total;
        weight[j] = (size[j] as number) / total;
      }
    });
  });
  const q = eventTimes.length;
  const estimates = new Float64Array(q);
  const WV = new Float64Array(q * m);
  for (let a = 0; a < q; a++) {
    for (let j = 0; j < m; j++) {
      estimates[a] = (estimates[a] as number) + (W[a * m + j] as number) * (fit.coefficients[j] as number);
      let s = 0;
      for (let l = 0; l < m; l++) s += (W[a * m + l] as number) * (v.matrix[l * k + j] as number);
      WV[a * m + j] = s;
    }
  }
  const cov = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = a; b < q; b++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += (WV[a * m + j] as number) * (W[b * m + j] as number);
    cov[a * q + b] = s;
    cov[b * q + a] = s;
  }
  return {
    method: 'sun_abraham',
    eventTimes: Int32Array.from(eventTimes),
    estimates,
    standardErrors: Float64Array.from(eventTimes, (_, a) => Math.sqrt(cov[a * q + a] as number)),
    vcov: cov,
    referencePeriod: reference,
    nobs: fit.nobs,
    dropped: fit.singletons,
    dfT: v.dfT,
    cells: {
      cohort: Float64Array.from(cells, ([, c]) => c.cohort),
      eventTime: Int32Array.from(cells, ([, c]) => c.e),
      estimate: fit.coefficients.slice(0, m),
      standardError: v.standardErrors.slice(0, m),
      weight,
    },
    controlCohort,
    fit,
  };
}
