/** The index spec as the form edits it, its defaults and the JSON body `api/index/run` takes. */
import type { MessageKey } from '../../i18n.js';

export const NORMALISATIONS = ['minmax', 'zscore', 'vector', 'rank', 'dist2max'] as const;
export const SHIFTS = [0.01, 0.001, 0.0001, 0] as const;
export const SCOPES = ['pooled', 'year'] as const;
export const WEIGHTS = ['entropy', 'critic', 'pca', 'equal', 'framework'] as const;
export const AGGREGATIONS = ['arithmetic', 'geometric', 'topsis'] as const;
export const MAX_REPLICATIONS = 1000;

export type Normalisation = (typeof NORMALISATIONS)[number];
export type Scope = (typeof SCOPES)[number];
export type WeightMethod = (typeof WEIGHTS)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];

export interface FormSpec {
  readonly framework: string;
  readonly normalisation: Normalisation;
  readonly shift: number;
  readonly scope: Scope;
  readonly weights: WeightMethod;
  readonly aggregation: Aggregation;
  /** kept as typed so that a half-typed number does not jump; validated before a run */
  readonly replications: string;
  readonly seed: string;
}

/** The literature's most common choices, as the server's own defaults (`indexSpec.ts`). */
export function defaultSpec(framework: string): FormSpec {
  return { framework, normalisation: 'minmax', shift: 0.01, scope: 'pooled', weights: 'entropy', aggregation: 'arithmetic', replications: '200', seed: '20240101' };
}

export function parseReplications(v: string): number | null {
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_REPLICATIONS ? n : null;
}

function parseSeed(v: string): number | null {
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isSafeInteger(n) ? n : null;
}

export interface IndexRequest {
  readonly framework: string;
  readonly normalisation: { readonly method: Normalisation; readonly shift: number; readonly scope: Scope };
  readonly weights: { readonly method: WeightMethod };
  readonly aggregation: { readonly method: Aggregation };
  readonly uncertainty: { readonly replications: number; readonly seed: number };
}

/** The request body, or null while a number field does not hold a valid number. */
export function requestOf(spec: FormSpec): IndexRequest | null {
  const replications = parseReplications(spec.replications);
  const seed = parseSeed(spec.seed);
  if (replications === null || seed === null) return null;
  return {
    framework: spec.framework,
    // the shift belongs to min-max only; other methods ignore it, so it is sent as the default
    normalisation: { method: spec.normalisation, shift: spec.normalisation === 'minmax' ? spec.shift : 0.01, scope: spec.scope },
    weights: { method: spec.weights },
    aggregation: { method: spec.aggregation },
    uncertainty: { replications, seed },
  };
}

export const normKey = (m: Normalisation): MessageKey => `index.norm.${m}`;
export const scopeKey = (s: Scope): MessageKey => `index.scope.${s}`;
export const weightKey = (w: WeightMethod): MessageKey => `index.w.${w}`;
export const aggKey = (a: Aggregation): MessageKey => `index.agg.${a}`;
