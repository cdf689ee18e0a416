import { FtzError } from '../../core/errors.js';

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** `linear`: equal absolute steps; `constant_rate`: the same percentage cut every year. */
export type PathKind = 'linear' | 'constant_rate';

/**
 * Emissions path from a base year's level to a target year's level, one value per year (both ends included).
 * The constant-rate path cuts by r = 1 − (target / base)^(1 / (T − t0)) a year, so it needs both levels
 * positive.
 */
export function reductionPath(kind: PathKind, base: YearValue, target: YearValue): YearValue[] {
  const span = target.year - base.year;
  if (!Number.isInteger(base.year) || !Number.isInteger(target.year) || span <= 0) {
    throw new FtzError('carbon.bad_budget', { detail: `the target year (${target.year}) must be a whole year after the base year (${base.year})` });
  }
  if (!(Number.isFinite(base.value) && base.value >= 0 && Number.isFinite(target.value) && target.value >= 0)) {
    throw new FtzError('carbon.bad_budget', { detail: 'base and target emissions must be finite and non-negative' });
  }
  if (kind === 'constant_rate' && !(base.value > 0 && target.value > 0)) {
    throw new FtzError('carbon.bad_budget', { detail: 'a constant-rate path needs positive base and target emissions (a constant rate never reaches zero); use a linear path' });
  }
  const out: YearValue[] = [];
  const ratio = target.value / base.value;
  for (let k = 0; k <= span; k++) {
    const value = kind === 'linear' ? base.value + ((target.value - base.value) * k) / span : base.value * ratio ** (k / span);
    out.push({ year: base.year + k, value: k === span ? target.value : value });
  }
  return out;
}

/** Annual rate of a constant-rate path, as a positive share for a cut (0.05 = 5 % a year). */
export function constantRate(base: YearValue, target: YearValue): number {
  return 1 - (target.value / base.value) ** (1 / (target.year - base.year));
}

export interface BudgetTrackingOptions {
  /** Actual years fitted by the trend (the last ones); default 5. */
  readonly trendYears?: number;
  /** Last year the trend is projected to when looking for exhaustion; default 2100. */
  readonly horizon?: number;
}

export interface BudgetYearRow {
  readonly year: number;
  readonly budget: number | null;
  readonly emissions: number | null;
  /** Trend projection for years after the last observed one. */
  readonly projected: number | null;
  readonly cumulativeBudget: number | null;
  readonly cumulativeEmissions: number | null;
  readonly overshoot: boolean;
}

export interface BudgetTracking {
  readonly rows: readonly BudgetYearRow[];
  readonly totalBudget: number;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Observed emissions within the budget period so far, and what is left of the total. */
  readonly usedToDate: number;
  readonly remaining: number;
  readonly lastObservedYear: number | null;
  /** Least-squares line through the last observed years: value = intercept + slope · year. */
  readonly trend: { readonly slope: number; readonly intercept: number; readonly years: readonly number[] } | null;
  /** First year in which cumulative emissions, observed then on the trend, exceed the total budget. */
  readonly exhaustionYear: number | null;
  /** Last year searched for exhaustion. */
  readonly horizon: number;
  readonly warnings: readonly { code: 'few_points_for_trend' | 'overshoot' | 'exhausted'; detail: string }[];
}

/**
 * Compares emissions with an annual carbon budget: cumulative budget and emissions, remaining budget, years
 * over budget, and the year the budget runs out if emissions follow the linear trend of the last observed
 * years. Years without an observation are left empty, never filled.
 */
export function trackBudget(budget: readonly YearValue[], emissions: readonly YearValue[], options: BudgetTrackingOptions = {}): BudgetTracking {
  if (budget.length === 0) throw new FtzError('carbon.bad_budget', { detail: 'it has no years' });
  const byYear = new Map<number, number>();
  for (const b of budget) {
    if (byYear.has(b.year)) throw new FtzError('carbon.bad_budget', { detail: `year ${b.year} appears twice` });
    if (!(Number.isFinite(b.value) && b.value >= 0)) throw new FtzError('carbon.bad_budget', { detail: `the budget of ${b.year} is ${b.value}; it must be finite and non-negative` });
    byYear.set(b.year, b.value);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const firstYear = years[0] as number;
  const lastYear = years[years.length - 1] as number;
  for (let y = firstYear; y <= lastYear; y++) if (!byYear.has(y)) throw new FtzError('carbon.bad_budget', { detail: `year ${y} is missing between ${firstYear} and ${lastYear}` });
  const totalBudget = years.reduce((s, y) => s + (byYear.get(y) as number), 0);
  const observed = new Map<number, number>();
  for (const e of emissions) if (Number.isFinite(e.value)) observed.set(e.year, e.value);
  const obsYears = [...observed.keys()].sort((a, b) => a - b);
  const lastObservedYear = obsYears.length ? (obsYears[obsYears.length - 1] as number) : null;
  const warnings: { code: 'few_points_for_trend' | 'overshoot' | 'exhausted'; detail: string }[] = [];

  const k = options.trendYears ?? 5;
  const fitYears = obsYears.slice(-k);
  let trend: BudgetTracking['trend'] = null;
  if (fitYears.length >= 2) {
    const mx = fitYears.reduce((s, y) => s + y, 0) / fitYears.length;
    const my = fitYears.reduce((s, y) => s + (observed.get(y) as number), 0) / fitYears.length;
    let sxy = 0, sxx = 0;
    for (const y of fitYears) {
      sxy += (y - mx) * ((observed.get(y) as number) - my);
      sxx += (y - mx) ** 2;
    }
    const slope = sxy / sxx;
    trend = { slope, intercept: my - slope * mx, years: fitYears };
  } else warnings.push({ code: 'few_points_for_trend', detail: `${fitYears.length} observed year(s): no trend, no exhaustion year` });
  const onTrend = (y: number): number => (trend ? Math.max(0, trend.intercept + trend.slope * y) : Number.NaN);

  const rows: BudgetYearRow[] = [];
  let cumB = 0, cumE = 0, usedToDate = 0;
  let cumKnown = true;
  for (let y = firstYear; y <= lastYear; y++) {
    const b = byYear.get(y) as number;
    cumB += b;
    const e = observed.get(y) ?? null;
    const projected = e === null && lastObservedYear !== null && y > lastObservedYear && trend ? onTrend(y) : null;
    const used = e ?? projected;
    if (used === null) cumKnown = false;
    else cumE += used;
    if (e !== null) usedToDate += e;
    const overshoot = e !== null && e > b;
    if (overshoot) warnings.push({ code: 'overshoot', detail: `${y}: emissions ${e} exceed the budget ${b}` });
    rows.push({ year: y, budget: b, emissions: e, projected, cumulativeBudget: cumB, cumulativeEmissions: cumKnown ? cumE : null, overshoot });
  }

  // Exhaustion: cumulative emissions within the budget period (observed, then on the trend) against the total.
  let exhaustionYear: number | null = null;
  const horizon = options.horizon ?? 2100;
  if (trend && lastObservedYear !== null) {
    let cum = 0;
    for (let y = firstYear; y <= Math.max(horizon, lastYear); y++) {
      const v = observed.get(y) ?? (y > lastObservedYear ? onTrend(y) : Number.NaN);
      if (Number.isNaN(v)) continue;
      cum += v;
      if (cum > totalBudget) {
        exhaustionYear = y;
        break;
      }
    }
    if (exhaustionYear !== null && exhaustionYear <= lastYear) warnings.push({ code: 'exhausted', detail: `on the current trend the budget is used up in ${exhaustionYear}, within its period (to ${lastYear})` });
  }
  return { rows, totalBudget, firstYear, lastYear, usedToDate, remaining: totalBudget - usedToDate, lastObservedYear, trend, exhaustionYear, horizon, warnings };
}

/** How far a path's cumulative emissions exceed the budget over the years both cover (≤ 0: within it). */
export function pathOvershoot(path: readonly YearValue[], budget: readonly YearValue[]): number {
  const pathByYear = new Map(path.map((p) => [p.year, p.value]));
  let over = 0;
  for (const b of budget) {
    const v = pathByYear.get(b.year);
    if (v !== undefined) over += v - b.value;
  }
  return over;
}
