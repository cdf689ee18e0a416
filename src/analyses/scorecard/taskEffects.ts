import { FtzError, isFtzError } from '../../core/errors.js';
import type { Label, Result, Warning } from '../../core/result.js';
import type { Db } from '../../store/duckdb.js';
import { datasetVersionsOf } from '../../store/datasets.js';
import { getIndicator } from '../../store/catalog.js';
import { cachedValue } from '../../store/resultCache.js';
import { ftzEffect } from '../did/ftzEffect.js';
import type { ScorecardSpec } from './scorecardSpec.js';

export type Task = 'innovation' | 'upgrading' | 'green';
export const TASKS: readonly Task[] = ['innovation', 'upgrading', 'green'];

export interface TaskEffect {
  readonly task: Task;
  readonly outcome: string;
  /** the outcome indicator's name */
  readonly outcomeName: Label;
  readonly log: boolean;
  readonly estimator: string;
  readonly estimatorLabel: Label;
  /** null when the estimation could not run; `error` says why */
  readonly att: number | null;
  readonly se: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly p: number | null;
  readonly n: number | null;
  readonly from: number | null;
  readonly to: number | null;
  readonly sourceIds: readonly string[];
  readonly warnings: readonly Warning[];
  readonly error: Label | null;
  readonly command: string;
}

const get = (r: Result, table: string, col: string): readonly (string | number | boolean | null)[] =>
  r.tables.find((t) => t.name === table)?.columns.find((c) => c.name === col)?.values ?? [];

/**
 * The estimated effect of the Pilot FTZs on each focal task's outcome (province panel, treatment dated from the
 * registry): the average effect on the treated host provinces with its 95 % interval, by the chosen estimator.
 * Each run is cached. An estimation that cannot run (e.g. a singular design) is kept as missing with its reason.
 */
export async function taskEffects(store: Db, spec: ScorecardSpec['effects']): Promise<readonly TaskEffect[]> {
  const out: TaskEffect[] = [];
  for (const task of TASKS) {
    const o = spec[task];
    const effectSpec = { outcome: o.outcome, log: o.log, level: 'province' as const, rule: spec.rule, control: spec.control, estimators: [spec.estimator] };
    const command = `ftz-effect --outcome ${o.outcome}${o.log ? ' --log' : ''} --rule ${spec.rule} --control ${spec.control}`;
    let outcomeName: Label = { zh: o.outcome, en: o.outcome };
    try {
      const ind = await getIndicator(store, o.outcome);
      outcomeName = { zh: ind.name_zh, en: ind.name_en };
      const datasets = await datasetVersionsOf(store, [o.outcome]);
      const { value: r } = await cachedValue(store, 'scorecard.effect', { effectSpec, datasets }, async (): Promise<Result> => {
        const full = await ftzEffect(store, effectSpec);
        return { ...full, tables: full.tables.filter((t) => t.name === 'estimates' || t.name === 'conventions') };
      });
      const row = (get(r, 'estimates', 'estimator') as string[]).indexOf(spec.estimator);
      if (row < 0) throw new FtzError('causal.bad_panel', { detail: `the ${spec.estimator} estimator returned no overall effect` });
      const num = (c: string): number | null => {
        const v = get(r, 'estimates', c)[row];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      };
      const opt = (name: string): string => String(get(r, 'conventions', 'value')[(get(r, 'conventions', 'option') as string[]).indexOf(name)] ?? '');
      const span = /(\d{4})\D+(\d{4})/.exec(opt('years'));
      out.push({
        task, outcome: o.outcome, outcomeName, log: o.log, estimator: spec.estimator,
        estimatorLabel: { zh: String(get(r, 'estimates', 'label_zh')[row]), en: String(get(r, 'estimates', 'label_en')[row]) },
        att: num('att'), se: num('se'), ciLow: num('ci_low'), ciHigh: num('ci_high'), p: num('p'), n: num('n'),
        from: span ? Number(span[1]) : null, to: span ? Number(span[2]) : null,
        sourceIds: r.provenance.sources.map((s) => s.id), warnings: r.warnings, error: null, command,
      });
    } catch (e) {
      if (!isFtzError(e)) throw e;
      out.push({
        task, outcome: o.outcome, outcomeName, log: o.log, estimator: spec.estimator, estimatorLabel: { zh: spec.estimator, en: spec.estimator },
        att: null, se: null, ciLow: null, ciHigh: null, p: null, n: null, from: null, to: null, sourceIds: [], warnings: [],
        error: { zh: e.localized('zh-CN'), en: e.localized('en') }, command,
      });
    }
  }
  return out;
}
