/** The weights-and-what-if form as the user fills it, and the request it stands for. */
import { AGGREGATIONS, NORMALISATIONS, WEIGHTS, type Aggregation, type Normalisation, type ScorecardRequest, type WeightMethod } from './scorecard.js';

export interface WhatIfForm {
  readonly weights: WeightMethod;
  readonly normalisation: Normalisation;
  readonly aggregation: Aggregation;
  /** one entry per top-level dimension, as typed; null while untouched, which means no hand-set weights */
  readonly dimensions: readonly string[] | null;
  /** `name@version` of a saved negative-list scenario, or '' for none */
  readonly scenario: string;
}

export const DEFAULT_FORM: WhatIfForm = {
  weights: WEIGHTS[0],
  normalisation: NORMALISATIONS[0],
  aggregation: AGGREGATIONS[0],
  dimensions: null,
  scenario: '',
};

export function scenarioValue(name: string, version: number): string {
  return `${name}@${version}`;
}

function parseScenario(value: string): { name: string; version: number } | null {
  const at = value.lastIndexOf('@');
  if (at <= 0) return null;
  const version = Number(value.slice(at + 1));
  return Number.isInteger(version) && version >= 1 ? { name: value.slice(0, at), version } : null;
}

/** The typed dimension weights as numbers, or null when one is not a non-negative number or all are zero. */
export function parseDimensions(dimensions: readonly string[]): number[] | null {
  const values = dimensions.map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
  if (values.some((v) => !Number.isFinite(v) || v < 0)) return null;
  return values.some((v) => v > 0) ? values : null;
}

/** The what-if request for `zone`, or null while the dimension weights cannot be read. */
export function whatIfRequest(form: WhatIfForm, zone: string): ScorecardRequest | null {
  const dimensions = form.dimensions ? parseDimensions(form.dimensions) : undefined;
  if (dimensions === null) return null;
  const scenario = form.scenario ? parseScenario(form.scenario) : null;
  return {
    zone,
    index: {
      weights: { method: form.weights, ...(dimensions ? { dimensions } : {}) },
      normalisation: { method: form.normalisation },
      aggregation: { method: form.aggregation },
    },
    ...(scenario ? { scenario } : {}),
    whatIf: true,
  };
}
