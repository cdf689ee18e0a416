/** The FTZ-effect spec as the form edits it, its defaults and the JSON body `api/did/ftz-effect` takes. */
import type { FtzEffectSpecInput } from '../../../../src/analyses/did/ftzEffectSpec.js';

export const LEVELS = ['province', 'city'] as const;
export const RULES = ['batch_year', 'approval_year', 'launch_year', 'first_full_year'] as const;
export const ESTIMATORS = ['twfe', 'event_study', 'cs', 'sunab', 'impute'] as const;
export const CONTROLS = ['notyet', 'never'] as const;
export const METHODS = ['reg', 'ipw', 'dr'] as const;
export const PLACEBO_MODES = ['mixed', 'individual', 'timing'] as const;
export const GROUPINGS = ['batch', 'location'] as const;

export type Level = (typeof LEVELS)[number];
export type Rule = (typeof RULES)[number];
export type Estimator = (typeof ESTIMATORS)[number];
export type Control = (typeof CONTROLS)[number];
export type CsMethod = (typeof METHODS)[number];
export type PlaceboMode = (typeof PLACEBO_MODES)[number];
export type Grouping = (typeof GROUPINGS)[number];

/** The server's placebo seed (`ftzEffectSpec.ts`); a fixed seed makes the fake assignments reproducible. */
export const DEFAULT_SEED = 20240101;
export const MAX_PLACEBO_DRAWS = 2000;

/** Innovation output is the outcome most FTZ studies start from; patents are counts, so in logs. */
export const DEFAULT_OUTCOME = 'patent_grant_invention';

export interface EffectForm {
  readonly outcome: string;
  readonly log: boolean;
  readonly covariates: readonly string[];
  readonly level: Level;
  readonly rule: Rule;
  /** kept as typed (blank = all years of the data); validated before a run */
  readonly from: string;
  readonly to: string;
  readonly estimators: readonly Estimator[];
  readonly control: Control;
  readonly method: CsMethod;
  readonly pre: string;
  readonly post: string;
  /** placebo test: fake assignments as typed (0 or blank = none), how they are drawn, and the seed */
  readonly placeboDraws: string;
  readonly placeboMode: PlaceboMode;
  readonly placeboSeed: string;
  /** heterogeneity of the TWFE effect by these groupings */
  readonly heterogeneity: readonly Grouping[];
  /** mechanism channels: indicator codes, logged or not as the outcome is */
  readonly mediators: readonly string[];
}

/** The body the API takes: every field explicit, so what was run is what the page shows. */
export interface EffectRequest {
  readonly outcome: string;
  readonly log: boolean;
  readonly covariates: readonly string[];
  readonly level: Level;
  readonly rule: Rule;
  readonly from?: number;
  readonly to?: number;
  readonly estimators: readonly Estimator[];
  readonly control: Control;
  readonly method: CsMethod;
  readonly window: readonly [number, number];
  /** left out when no placebo test is asked for, so that mode and seed alone do not make a new request */
  readonly placebo?: { readonly draws: number; readonly mode: PlaceboMode; readonly seed: number };
  readonly heterogeneity: readonly Grouping[];
  readonly mediators: readonly string[];
}

// the API's input type must accept every request the form makes
const _accepts: (r: EffectRequest) => FtzEffectSpecInput = (r) => ({
  ...r,
  covariates: [...r.covariates],
  estimators: [...r.estimators],
  window: [r.window[0], r.window[1]],
  ...(r.placebo ? { placebo: { ...r.placebo } } : {}),
  heterogeneity: [...r.heterogeneity],
  mediators: [...r.mediators],
});
void _accepts;

/** The server's own defaults (`ftzEffectSpec.ts`), with the outcome in logs. */
export function defaultForm(outcome: string): EffectForm {
  return {
    outcome,
    log: true,
    covariates: [],
    level: 'province',
    rule: 'batch_year',
    from: '',
    to: '',
    estimators: [...ESTIMATORS],
    control: 'notyet',
    method: 'reg',
    pre: '-5',
    post: '5',
    placeboDraws: '0',
    placeboMode: 'mixed',
    placeboSeed: String(DEFAULT_SEED),
    heterogeneity: [],
    mediators: [],
  };
}

function intOrNull(s: string): number | null {
  const v = Number(s.trim());
  return s.trim() !== '' && Number.isInteger(v) ? v : null;
}

/** What is wrong with the form, as message keys; empty when it can run. */
export type FormProblem = 'effect.badWindow' | 'effect.badYears' | 'effect.noEstimator' | 'effect.noOutcome' | 'effect.badPlacebo' | 'effect.badSeed';

/** Placebo draws as typed: blank counts as 0 (no test); null when not a whole number in 0–2000. */
export function placeboDrawsOf(form: EffectForm): number | null {
  if (form.placeboDraws.trim() === '') return 0;
  const v = intOrNull(form.placeboDraws);
  return v !== null && v >= 0 && v <= MAX_PLACEBO_DRAWS ? v : null;
}

export function problemsOf(form: EffectForm): FormProblem[] {
  const out: FormProblem[] = [];
  if (!form.outcome) out.push('effect.noOutcome');
  const pre = intOrNull(form.pre);
  const post = intOrNull(form.post);
  if (pre === null || post === null || pre > -1 || pre < -20 || post < 0 || post > 20) out.push('effect.badWindow');
  const from = form.from.trim() === '' ? undefined : intOrNull(form.from);
  const to = form.to.trim() === '' ? undefined : intOrNull(form.to);
  const yearOk = (y: number | null | undefined) => y === undefined || (y !== null && y >= 1990 && y <= 2100);
  if (!yearOk(from) || !yearOk(to) || (typeof from === 'number' && typeof to === 'number' && from > to)) out.push('effect.badYears');
  if (form.estimators.length === 0) out.push('effect.noEstimator');
  const draws = placeboDrawsOf(form);
  if (draws === null) out.push('effect.badPlacebo');
  else if (draws > 0 && (intOrNull(form.placeboSeed) === null || Math.abs(Number(form.placeboSeed)) > Number.MAX_SAFE_INTEGER)) out.push('effect.badSeed');
  return out;
}

export function requestOf(form: EffectForm): EffectRequest | null {
  if (problemsOf(form).length > 0) return null;
  const from = intOrNull(form.from);
  const to = intOrNull(form.to);
  const draws = placeboDrawsOf(form) as number;
  return {
    outcome: form.outcome,
    log: form.log,
    covariates: [...form.covariates],
    level: form.level,
    rule: form.rule,
    ...(from !== null ? { from } : {}),
    ...(to !== null ? { to } : {}),
    // in the API's order, so that the same choices make the same request
    estimators: ESTIMATORS.filter((e) => form.estimators.includes(e)),
    control: form.control,
    method: form.method,
    window: [intOrNull(form.pre) as number, intOrNull(form.post) as number],
    ...(draws > 0 ? { placebo: { draws, mode: form.placeboMode, seed: intOrNull(form.placeboSeed) as number } } : {}),
    heterogeneity: GROUPINGS.filter((g) => form.heterogeneity.includes(g)),
    mediators: form.mediators.filter((m) => m !== form.outcome),
  };
}
