import { FtzError } from '../../core/errors.js';
import type { Label, Table } from '../../core/result.js';
import { zodIssues } from '../../core/zodIssues.js';
import type { Db } from '../../store/duckdb.js';
import { column as col, table } from '../nqpf/tables.js';
import { scorecardSpecSchema, type ScorecardSpecInput } from './scorecardSpec.js';
import { L, PARTS, type ScorecardPart } from './scorecardTypes.js';
import { scorecards, type Scorecards } from './zoneScorecard.js';

/** Equal, or numbers equal to 12 significant digits (a reweighted mean may differ in the last bits only). */
function sameValue(a: number | string | null | undefined, b: number | string | null | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

export interface WhatIfChange {
  readonly zone: string;
  readonly part: ScorecardPart;
  readonly key: string;
  readonly label: Label;
  readonly unit: string;
  readonly baseline: number | string | null;
  readonly whatIf: number | string | null;
  readonly rankBaseline: number | null;
  readonly rankWhatIf: number | null;
  readonly trendBaseline: number | null;
  readonly trendWhatIf: number | null;
  readonly intervalBaseline: readonly [number, number] | null;
  readonly intervalWhatIf: readonly [number, number] | null;
}

/**
 * The what-if: the scorecards under a spec (a saved negative-list scenario, other index weights, normalisation
 * or aggregation) beside the baseline — the same zone, year, effects and trade data with the default index
 * options and no scenario — and every item whose value or rank differs.
 */
export async function scorecardWhatIf(store: Db, input: ScorecardSpecInput | unknown): Promise<{ baseline: Scorecards; whatIf: Scorecards; changes: readonly WhatIfChange[] }> {
  const parsed = scorecardSpecSchema.safeParse(input ?? {});
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const alt = parsed.data;
  const baselineSpec = scorecardSpecSchema.parse({ ...(alt.zone ? { zone: alt.zone } : {}), ...(alt.year ? { year: alt.year } : {}), effects: alt.effects, ...(alt.trade ? { trade: alt.trade } : {}), index: { replications: alt.index.replications, seed: alt.index.seed } });
  const baseline = await scorecards(store, baselineSpec);
  const whatIf = await scorecards(store, alt);
  const changes: WhatIfChange[] = [];
  for (const card of whatIf.zones) {
    if (alt.zone && card.zone.id !== alt.zone) continue;
    const before = baseline.zones.find((c) => c.zone.id === card.zone.id);
    for (const p of PARTS) {
      for (const it of card.parts[p.key]) {
        const b = before?.parts[p.key].find((x) => x.key === it.key);
        const same = b !== undefined && sameValue(b.value, it.value) && (b.rank?.rank ?? null) === (it.rank?.rank ?? null)
          && sameValue(b.trend?.perYear ?? null, it.trend?.perYear ?? null)
          && sameValue(b.interval?.low ?? null, it.interval?.low ?? null) && sameValue(b.interval?.high ?? null, it.interval?.high ?? null);
        if (same) continue;
        changes.push({
          zone: card.zone.id, part: p.key, key: it.key, label: it.label, unit: it.unit, baseline: b?.value ?? null, whatIf: it.value,
          rankBaseline: b?.rank?.rank ?? null, rankWhatIf: it.rank?.rank ?? null, trendBaseline: b?.trend?.perYear ?? null, trendWhatIf: it.trend?.perYear ?? null,
          intervalBaseline: b?.interval ? [b.interval.low, b.interval.high] : null, intervalWhatIf: it.interval ? [it.interval.low, it.interval.high] : null,
        });
      }
    }
  }
  return { baseline, whatIf, changes };
}

export function whatIfTable(changes: readonly WhatIfChange[]): Table {
  const n = (v: number | string | null): number | null => (typeof v === 'number' ? v : null);
  const t = (v: number | string | null): string | null => (typeof v === 'string' ? v : null);
  return table('what_if', L('假设情景与基准的差异', 'What-if against the baseline'), [
    col('zone', 'text', '自贸试验区', 'zone', changes.map((c) => c.zone)),
    col('part', 'text', '部分', 'part', changes.map((c) => c.part)),
    col('key', 'text', '指标代码', 'item code', changes.map((c) => c.key)),
    col('item_zh', 'text', '指标', 'item (zh)', changes.map((c) => c.label.zh)),
    col('item_en', 'text', '指标（英文）', 'item', changes.map((c) => c.label.en)),
    col('baseline', 'number', '基准值', 'baseline', changes.map((c) => n(c.baseline))),
    col('what_if', 'number', '情景值', 'what-if', changes.map((c) => n(c.whatIf))),
    col('change', 'number', '变化', 'change', changes.map((c) => (typeof c.baseline === 'number' && typeof c.whatIf === 'number' ? c.whatIf - c.baseline : null))),
    col('baseline_text', 'text', '基准（文字）', 'baseline (text)', changes.map((c) => t(c.baseline))),
    col('what_if_text', 'text', '情景（文字）', 'what-if (text)', changes.map((c) => t(c.whatIf))),
    col('rank_baseline', 'integer', '基准位次', 'baseline rank', changes.map((c) => c.rankBaseline)),
    col('rank_what_if', 'integer', '情景位次', 'what-if rank', changes.map((c) => c.rankWhatIf)),
    col('unit', 'text', '单位', 'unit', changes.map((c) => c.unit || null)),
    col('trend_baseline', 'number', '基准年均变化', 'baseline change per year', changes.map((c) => c.trendBaseline)),
    col('trend_what_if', 'number', '情景年均变化', 'what-if change per year', changes.map((c) => c.trendWhatIf)),
    col('low_baseline', 'number', '基准区间下限', 'baseline interval low', changes.map((c) => c.intervalBaseline?.[0] ?? null)),
    col('high_baseline', 'number', '基准区间上限', 'baseline interval high', changes.map((c) => c.intervalBaseline?.[1] ?? null)),
    col('low_what_if', 'number', '情景区间下限', 'what-if interval low', changes.map((c) => c.intervalWhatIf?.[0] ?? null)),
    col('high_what_if', 'number', '情景区间上限', 'what-if interval high', changes.map((c) => c.intervalWhatIf?.[1] ?? null)),
  ]);
}
