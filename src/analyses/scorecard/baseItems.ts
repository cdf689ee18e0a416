import { FtzError } from '../../core/errors.js';
import type { Db } from '../../store/duckdb.js';
import { annexGap } from '../neglist/annexGap.js';
import { scoreEdition } from '../neglist/editionAnalysis.js';
import { listEditions, type EditionSummary } from '../neglist/lists.js';
import { listScenarios, simulateEdition } from '../neglist/simulate.js';
import type { ScorecardSpec } from './scorecardSpec.js';
import { L, item, missingItem, type ScorecardItem } from './scorecardTypes.js';

/** The foreign-investment lists that apply in a zone: the FTZ list, and Hainan's or Shanghai's own where they exist. */
function applies(e: EditionSummary, zoneId: string): boolean {
  if (e.kind !== 'fdi') return false;
  return e.jurisdiction === 'ftz' || (zoneId === 'HI' && e.jurisdiction === 'hainan') || (zoneId === 'SH' && e.jurisdiction === 'shanghai_ftz');
}

export interface BaseContext {
  readonly editions: readonly EditionSummary[];
  readonly scenario: { readonly name: string; readonly version: number; readonly result: Awaited<ReturnType<typeof simulateEdition>> } | null;
}

export async function baseContext(store: Db, spec: ScorecardSpec): Promise<BaseContext> {
  const editions = await listEditions(store);
  if (!spec.scenario) return { editions, scenario: null };
  const saved = await listScenarios(store);
  const mine = saved.filter((s) => s.name === spec.scenario?.name);
  const pick = spec.scenario.version === undefined ? mine.at(-1) : mine.find((s) => s.version === spec.scenario?.version);
  if (!pick) throw new FtzError('neglist.scenario_not_found', { name: spec.scenario.name, version: spec.scenario.version ?? null, known: [...new Set(saved.map((s) => s.name))] });
  return { editions, scenario: { name: pick.name, version: pick.version, result: await simulateEdition(store, pick.scenario) } };
}

/**
 * The base, institutional opening: the rows of the list that applies and their fall since the first FTZ list,
 * the restrictiveness score and the gap to a CPTPP Annex I schedule where the applicable list is fully
 * transcribed (an imported official text counts), and a saved what-if scenario's score when one is given.
 */
export async function baseItems(store: Db, zoneId: string, ctx: BaseContext): Promise<ScorecardItem[]> {
  // Editions are ordered by publication (else entry into force); one with neither date cannot be placed and is left out.
  const dated = (e: EditionSummary): string => e.published ?? e.effective ?? '';
  const bundled = ctx.editions.filter((e) => e.origin === 'bundled' && applies(e, zoneId) && dated(e) !== '').sort((a, b) => dated(a).localeCompare(dated(b)));
  const latest = bundled.at(-1);
  const first = bundled[0];
  const timeline = { kind: 'data' as const, ids: ['neglist.timeline'] };
  if (!latest) return [missingItem('list_rows', L('适用负面清单', 'applicable negative list'), 'rows', timeline, L('没有适用的清单版本', 'no applicable edition'))];
  const year = (e: EditionSummary): number | null => Number(dated(e).slice(0, 4)) || null;
  const out: ScorecardItem[] = [
    item({ key: 'list_rows', label: L('适用负面清单条目数', 'measures on the applicable negative list'), value: latest.officialCount, unit: 'rows', year: year(latest), source: timeline, note: L(`清单：${latest.id}`, `list: ${latest.id}`) }),
  ];
  if (first && first !== latest && first.officialCount && latest.officialCount) {
    out.push(item({
      key: 'list_change', label: L(`条目数较首个适用清单（${year(first)}）的变化`, `change in rows since the first applicable list (${year(first)})`),
      value: (100 * (latest.officialCount - first.officialCount)) / first.officialCount, unit: '%', year: year(latest), source: timeline,
      note: L(`${first.officialCount} → ${latest.officialCount} 条；条目数不等于限制程度`, `${first.officialCount} → ${latest.officialCount} rows; rows are not restrictiveness`),
    }));
  }
  // A score needs every measure of the list: an imported official text of the same jurisdiction, else the bundled one if complete.
  const imported = ctx.editions.filter((e) => e.origin === 'imported' && applies(e, zoneId)).at(-1);
  const complete = imported ?? (latest.transcribed > 0 && latest.transcribed === latest.officialCount ? latest : undefined);
  const scoreLabel = L('限制性指数（类 STRI，0–1）', 'restrictiveness (STRI-style, 0–1)');
  if (complete) {
    const s = await scoreEdition(store, complete.id);
    out.push(item({ key: 'restrictiveness', label: scoreLabel, value: s.stri.total, unit: '0–1', year: year(complete), source: { kind: 'analysis', name: `neglist score ${complete.id}`, ids: ['neglist.timeline'] } }));
    const g = await annexGap(store, complete.id);
    out.push(item({
      key: 'cptpp_gap', label: L('缺少 CPTPP 附件一要素的措施数', 'measures lacking CPTPP Annex I entry elements'),
      value: g.entries.filter((x) => x.missing.length > 0).length, unit: 'measures', year: year(complete),
      source: { kind: 'analysis', name: `neglist gap ${complete.id}`, ids: ['neglist.timeline'] },
    }));
  } else {
    const why = L(
      `${latest.id} 仅录入 ${latest.transcribed}/${latest.officialCount ?? '?'} 条，无法评分（导入官方文本后计算）`,
      `${latest.id} has ${latest.transcribed} of ${latest.officialCount ?? '?'} measures transcribed: no score (import the official text)`,
    );
    out.push(missingItem('restrictiveness', scoreLabel, '0–1', { kind: 'analysis', name: `neglist score ${latest.id}`, ids: ['neglist.timeline'] }, why));
    out.push(missingItem('cptpp_gap', L('与 CPTPP 附件一的差距', 'gap to a CPTPP Annex I schedule'), 'measures', { kind: 'analysis', name: `neglist gap ${latest.id}`, ids: ['neglist.timeline'] }, why));
  }
  if (ctx.scenario) {
    const { name, version, result } = ctx.scenario;
    const partial = result.contributions.length;
    out.push(item({
      key: 'scenario_restrictiveness', label: L(`情景“${name}”下的限制性指数`, `restrictiveness under scenario "${name}"`),
      value: result.simulated.total, unit: '0–1', source: { kind: 'analysis', name: `scorecard --zone ${zoneId} --scenario ${name}@${version} --what-if`, ids: ['neglist.timeline'] },
      note: L(
        `${result.scenario.edition}：基准 ${result.baseline.total.toFixed(3)} → 情景 ${result.simulated.total.toFixed(3)}（按已录入的 ${partial} 条措施计算）`,
        `${result.scenario.edition}: baseline ${result.baseline.total.toFixed(3)} → scenario ${result.simulated.total.toFixed(3)} (on the ${partial} transcribed measures)`,
      ),
    }));
  }
  return out;
}
