import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { zodIssues } from '../../core/zodIssues.js';
import type { ComponentKind, Measure } from '../../methods/neglist/components.js';
import { striScore, type StriResult } from '../../methods/neglist/restrictiveness.js';
import type { Db } from '../../store/duckdb.js';
import { editionVersion } from './editionAnalysis.js';

const KINDS = ['prohibition', 'equity_cap', 'management_nationality', 'local_presence', 'licence_or_quota', 'performance_requirement'] as const;

export const scenarioSchema = z.object({
  edition: z.string().min(1).max(64),
  /** Measures taken off the list (ids as `edition#number`). */
  remove: z.array(z.string().min(1)).max(1000).default([]),
  /** Component kinds dropped from a measure (the rest of the measure stays). */
  relax: z.array(z.object({ measure: z.string().min(1), kinds: z.array(z.enum(KINDS)).min(1) })).max(1000).default([]),
});
export type Scenario = z.output<typeof scenarioSchema>;

export interface SimulationOutput {
  readonly scenario: Scenario;
  readonly baseline: StriResult;
  readonly simulated: StriResult;
  /** Per measure: its sector and how much the total falls when it alone is removed from the official list. */
  readonly contributions: readonly { measure: string; sector: string; text: string; components: readonly string[]; reviewed: boolean; total: number }[];
  readonly unknownMeasures: readonly string[];
}

function apply(measures: readonly Measure[], s: Scenario): Measure[] {
  const removed = new Set(s.remove);
  const relax = new Map(s.relax.map((r) => [r.measure, new Set<ComponentKind>(r.kinds)]));
  return measures.filter((m) => !removed.has(m.id)).map((m) => {
    const drop = relax.get(m.id);
    return drop ? { ...m, components: m.components.filter((c) => !drop.has(c.kind)) } : m;
  });
}

/**
 * The what-if simulator (as the OECD STRI simulator does it): remove measures or relax their components and
 * see the score by sector and in total change, beside each measure's own contribution. The official list is
 * never changed; a scenario is only a description of edits.
 */
export async function simulateEdition(store: Db, input: unknown): Promise<SimulationOutput> {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const s = parsed.data;
  const e = await editionVersion(store, s.edition);
  const measures = e.version.measures;
  const ids = new Set(measures.map((m) => m.id));
  const sectors = [...new Set(measures.map((m) => m.scope.sector).filter(Boolean))].sort();
  const baseline = striScore(measures, { sectors });
  return {
    scenario: s, baseline, simulated: striScore(apply(measures, s), { sectors }),
    contributions: measures.map((m) => ({
      measure: m.id, sector: m.scope.sector, text: m.text, components: m.components.map((c) => c.kind), reviewed: m.reviewed,
      total: baseline.total - striScore(measures.filter((x) => x.id !== m.id), { sectors }).total,
    })),
    unknownMeasures: [...s.remove, ...s.relax.map((r) => r.measure)].filter((id) => !ids.has(id)),
  };
}

/** Saves a scenario as a new version under a name; the official data are never touched. */
export async function saveScenario(store: Db, name: string, input: unknown, now = new Date()): Promise<{ name: string; version: number }> {
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(name)) throw new FtzError('api.bad_request', { issues: 'scenario name: up to 64 letters, digits, _ or -' });
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  return store.transaction(async (tx) => {
    const last = await tx.one<{ v: number | null }>('SELECT max(version)::INTEGER AS v FROM neglist_scenario WHERE name = ?', [name]);
    const version = (last?.v ?? 0) + 1;
    await tx.run('INSERT INTO neglist_scenario VALUES (?, ?, ?, ?, ?)', [name, version, parsed.data.edition, JSON.stringify(parsed.data), now.toISOString()]);
    return { name, version };
  });
}

export async function listScenarios(store: Db): Promise<{ name: string; version: number; edition: string; scenario: Scenario; createdAt: string }[]> {
  const rows = await store.all<{ name: string; version: number; edition: string; spec: string; created_at: string }>('SELECT * FROM neglist_scenario ORDER BY name, version');
  return rows.map((r) => ({ name: r.name, version: r.version, edition: r.edition, scenario: JSON.parse(r.spec) as Scenario, createdAt: r.created_at }));
}
