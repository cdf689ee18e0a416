/** The answers of the negative-list API, as the server's analyses type them. */
import type { diffEditions, ratchetEditions, scoreEdition } from '../../../../src/analyses/neglist/editionAnalysis.js';
import type { EditionSummary, showEdition } from '../../../../src/analyses/neglist/lists.js';
import type { Scenario, SimulationOutput } from '../../../../src/analyses/neglist/simulate.js';

export type { EditionSummary, Scenario, SimulationOutput };
export interface EditionsResponse {
  readonly editions: readonly EditionSummary[];
}
export type EditionDetail = Awaited<ReturnType<typeof showEdition>>;
export type DiffResponse = Awaited<ReturnType<typeof diffEditions>>;
export type RatchetResponse = Awaited<ReturnType<typeof ratchetEditions>>;
export type ScoreResponse = Awaited<ReturnType<typeof scoreEdition>>;
export interface SavedScenario {
  readonly name: string;
  readonly version: number;
  readonly edition: string;
  readonly scenario: Scenario;
  readonly createdAt: string;
}
export interface ScenariosResponse {
  readonly scenarios: readonly SavedScenario[];
}

/** The component kinds a measure can carry, in the order the simulator shows them. */
export const COMPONENT_KINDS = ['prohibition', 'equity_cap', 'management_nationality', 'local_presence', 'licence_or_quota', 'performance_requirement'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export const STRI_CATEGORY_KEYS = ['foreign_entry', 'movement_of_people', 'other_discrimination', 'barriers_to_competition', 'transparency'] as const;
export type StriCategoryKey = (typeof STRI_CATEGORY_KEYS)[number];
export const VERDICTS = ['relaxed', 'tightened', 'equal', 'incomparable'] as const;
