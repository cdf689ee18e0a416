import { FtzError } from '../core/errors.js';
import type { Label } from '../core/result.js';

/** One estimated coefficient as the estimator reported it. */
export interface RegressionCoefficientSpec {
  readonly term: string;
  /** a non-finite estimate is printed as a blank cell (never 0) */
  readonly estimate: number;
  /** standard error; `null` when not reported */
  readonly se: number | null;
  /** two-sided p-value; when absent or `null` it is computed from estimate/se under the normal distribution */
  readonly p?: number | null | undefined;
}

export type RegressionStatKey = 'n' | 'r2' | 'r2_within' | 'r2_adj' | 'clusters' | (string & {});

/** A row under the coefficients: N, R², within R², clusters, or any other number or text. */
export interface RegressionStatSpec {
  readonly key: RegressionStatKey;
  /** `null` is a blank cell */
  readonly value: number | string | null;
}

export type RegressionIndicatorKey = 'controls' | 'unit_fe' | 'time_fe' | 'cluster' | (string & {});

/** A yes/no (or short text) row: controls, fixed effects, clustering level. */
export interface RegressionIndicatorSpec {
  readonly key: RegressionIndicatorKey;
  /** `true` → 是/Yes, `false` → 否/No, text as given (a Label picks the table's language), `null` blank */
  readonly value: boolean | string | Label | null;
}

/** One column of the table: one estimated model. */
export interface RegressionModelSpec {
  readonly name: Label;
  readonly estimator: Label;
  /** overrides the table's dependent variable for this column (mechanism tests, other outcomes) */
  readonly dependentVariable?: Label | undefined;
  readonly coefficients: readonly RegressionCoefficientSpec[];
  readonly stats: readonly RegressionStatSpec[];
  readonly indicators: readonly RegressionIndicatorSpec[];
}

/**
 * A publication regression table: columns are models, rows are coefficients (standard error below in
 * parentheses, significance stars), then indicator rows (controls, fixed effects, clustering), statistics
 * (N, R², within R², clusters) and the estimator.
 */
export interface RegressionTableSpec {
  readonly title: Label;
  readonly models: readonly RegressionModelSpec[];
  /** printed names of the terms; a term without one is printed as its name, with a warning */
  readonly termLabels: Readonly<Record<string, Label>>;
  /** names of stat and indicator keys beyond (or replacing) the built-in ones (n, r2, controls, unit_fe …) */
  readonly statLabels?: Readonly<Record<string, Label>> | undefined;
  /** extra note lines, printed after the standard note on parentheses and stars */
  readonly notes?: readonly Label[] | undefined;
  /** p-value thresholds for *, **, ***, strictly decreasing in (0, 1); default [0.1, 0.05, 0.01]. A star needs p < threshold. */
  readonly stars?: readonly [number, number, number] | undefined;
  /** decimals of coefficients and standard errors; default 4 */
  readonly decimals?: number | undefined;
  /** decimals of non-integer statistics (R², within R² …); default 3 */
  readonly statDecimals?: number | undefined;
  readonly dependentVariable?: Label | undefined;
  /** which terms to print, in this order; default every term, in order of appearance, the constant last */
  readonly terms?: readonly string[] | undefined;
  /** what goes in parentheses under a coefficient: the standard error (default) or t = estimate/se */
  readonly inParentheses?: 'se' | 't' | undefined;
  /** which standard errors these are, for the note; default 'clustered' */
  readonly standardErrors?: 'clustered' | 'robust' | 'conventional' | undefined;
}

export const DEFAULT_STARS: readonly [number, number, number] = [0.1, 0.05, 0.01];

function bad(issues: string): FtzError {
  return new FtzError('api.bad_request', { issues });
}

function checkDecimals(name: string, d: number | undefined): void {
  if (d !== undefined && !(Number.isInteger(d) && d >= 0 && d <= 10)) throw bad(`${name} must be an integer in 0..10, not ${d}`);
}

function checkUnique(where: string, what: string, keys: readonly string[]): void {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw bad(`${where} lists ${what} "${k}" twice`);
    seen.add(k);
  }
}

/**
 * Rejects a spec that cannot be printed unambiguously (`api.bad_request`, naming the model, term and value).
 * Merely incomplete input (a missing standard error, an unlabelled term) is not an error: it is printed blank
 * or as is, and {@link buildRegressionTable} warns.
 */
export function validateRegressionSpec(spec: RegressionTableSpec): void {
  if (spec.models.length === 0) throw bad('a regression table needs at least one model');
  const stars = spec.stars ?? DEFAULT_STARS;
  if (stars.length !== 3 || !stars.every((s) => Number.isFinite(s) && s > 0 && s < 1) || !(stars[0] > stars[1] && stars[1] > stars[2])) {
    throw bad(`stars must be three p-value thresholds in (0, 1), strictly decreasing, not [${stars.join(', ')}]`);
  }
  checkDecimals('decimals', spec.decimals);
  checkDecimals('statDecimals', spec.statDecimals);
  if (spec.terms) checkUnique('terms', 'term', spec.terms);
  spec.models.forEach((m, j) => {
    const model = j + 1;
    for (const c of m.coefficients) {
      if (typeof c.term !== 'string' || c.term === '') throw bad(`model (${model}) has a coefficient without a term name`);
      if (typeof c.estimate !== 'number') throw bad(`model (${model}) term "${c.term}": estimate must be a number, not ${JSON.stringify(c.estimate)}`);
      if (c.se !== null && typeof c.se !== 'number') throw bad(`model (${model}) term "${c.term}": se must be a number or null, not ${JSON.stringify(c.se)}`);
      if (typeof c.se === 'number' && c.se < 0) throw bad(`model (${model}) term "${c.term}": se must not be negative, not ${c.se}`);
      if (c.p !== undefined && c.p !== null && !(typeof c.p === 'number' && c.p >= 0 && c.p <= 1)) {
        throw bad(`model (${model}) term "${c.term}": p must be in [0, 1], not ${JSON.stringify(c.p)}`);
      }
    }
    checkUnique(`model (${model})`, 'term', m.coefficients.map((c) => c.term));
    checkUnique(`model (${model})`, 'statistic', m.stats.map((s) => s.key));
    checkUnique(`model (${model})`, 'indicator', m.indicators.map((s) => s.key));
  });
}
