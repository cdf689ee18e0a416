import type { Label } from '../../core/result.js';
import { diffVersions, proposeLinks, type VersionDiff } from '../../methods/neglist/compare.js';
import type { ListVersion, Measure } from '../../methods/neglist/components.js';
import { proposeMeasure } from '../../methods/neglist/parseComponents.js';
import { checkRatchet, type RatchetResult } from '../../methods/neglist/ratchet.js';
import { fdiEquityScore, striScore, type FdiEquityResult } from '../../methods/neglist/restrictiveness.js';
import type { Db } from '../../store/duckdb.js';
import { showEdition } from './lists.js';
import { getTiers } from './tiers.js';

export interface EditionVersion {
  readonly version: ListVersion;
  /** Measures whose components were proposed from the text and not yet reviewed by a person. */
  readonly unreviewed: number;
  readonly unparsed: readonly string[];
  /** Official measure numbers without a transcribed text: comparisons leave them out. */
  readonly notTranscribed: number;
  readonly officialCount: number | null;
}

/** An edition as the methods see it: its transcribed measures with components proposed from their text. */
export async function editionVersion(store: Db, id: string): Promise<EditionVersion> {
  const e = await showEdition(store, id);
  const measures: (Measure & { unparsed: boolean })[] = e.measures
    .filter((m) => m.status === 'transcribed' && (m.textZh || m.textEn))
    .map((m) => ({ ...proposeMeasure(`${id}#${m.number}`, m.textZh || m.textEn, { sector: m.section }), reviewed: m.reviewed }));
  return {
    version: { id, measures },
    unreviewed: measures.filter((m) => !m.reviewed).length,
    unparsed: measures.filter((m) => m.unparsed).map((m) => m.id),
    notTranscribed: e.measures.filter((m) => m.status !== 'transcribed').length,
    officialCount: e.edition.officialCount,
  };
}

function coverageWarnings(eds: readonly EditionVersion[]): { code: string; message: Label }[] {
  const out: { code: string; message: Label }[] = [];
  for (const e of eds) {
    if (e.notTranscribed > 0) out.push({ code: 'neglist.partial_edition', message: { zh: `${e.version.id}：${e.notTranscribed} 条措施未录入，比较只覆盖已录入的条目`, en: `${e.version.id}: ${e.notTranscribed} measures not transcribed; the comparison covers the transcribed ones only` } });
    if (e.unreviewed > 0) out.push({ code: 'neglist.unreviewed_components', message: { zh: `${e.version.id}：${e.unreviewed} 条措施的限制要素由文本自动识别，尚未人工复核`, en: `${e.version.id}: the components of ${e.unreviewed} measures are proposed from the text and not yet reviewed` } });
    if (e.unparsed.length > 0) out.push({ code: 'neglist.unparsed', message: { zh: `${e.version.id}：${e.unparsed.length} 条措施未识别出限制要素`, en: `${e.version.id}: no component recognised in ${e.unparsed.length} measures` } });
  }
  return out;
}

/**
 * Two editions compared measure by measure: links proposed from the texts, each change classified with its
 * reason. Where an edition is only partly transcribed, an "added" measure may be among the earlier edition's
 * missing texts (and a "removed" one among the later's): those changes are marked `uncertain`.
 */
export async function diffEditions(store: Db, from: string, to: string): Promise<{ diff: Omit<VersionDiff, 'changes'> & { changes: readonly (VersionDiff['changes'][number] & { uncertain: boolean })[] }; warnings: readonly { code: string; message: Label }[] }> {
  const a = await editionVersion(store, from);
  const b = await editionVersion(store, to);
  const diff = diffVersions(a.version, b.version, proposeLinks(a.version, b.version));
  const changes = diff.changes.map((c) => ({ ...c, uncertain: (c.link.kind === 'added' && a.notTranscribed > 0) || (c.link.kind === 'removed' && b.notTranscribed > 0) }));
  return { diff: { ...diff, changes }, warnings: coverageWarnings([a, b]) };
}

/**
 * The ratchet (standstill) check over editions in order: compliant, backsliding or incomparable, with the
 * measures. A measure "added" after a partly transcribed edition may only be missing from its text, so such
 * findings (and "removed" before a partial one) are marked `uncertain`.
 */
export async function ratchetEditions(store: Db, ids: readonly string[]) {
  const eds = await Promise.all(ids.map((id) => editionVersion(store, id)));
  const partial = new Map(eds.map((e) => [e.version.id, e.notTranscribed > 0]));
  const result: RatchetResult = checkRatchet(eds.map((e) => e.version));
  const uncertain = (kind: string, from: string, to: string): boolean => (kind === 'added' && partial.get(from) === true) || (kind === 'removed' && partial.get(to) === true);
  return {
    result: { ...result, violations: result.violations.map((v) => ({ ...v, uncertain: uncertain(v.link.kind, v.from, v.to) })) },
    warnings: coverageWarnings(eds),
  };
}

/**
 * Restrictiveness of an edition: the STRI-style score by GB/T 4754 section and the FDI equity score, with the row
 * count beside them; with a tier set, the mean section score per sensitivity tier (sections the set leaves out
 * are listed, not guessed).
 */
export async function scoreEdition(store: Db, id: string, options: { tiers?: string | undefined } = {}) {
  const e = await editionVersion(store, id);
  const measures = e.version.measures;
  const stri = striScore(measures);
  let byTier: { tierSet: string; version: number; tiers: { tier: number; sections: string[]; meanScore: number | null }[]; untiered: string[] } | null = null;
  if (options.tiers) {
    const t = await getTiers(store, options.tiers);
    const tierOf = new Map(t.tiers.map((r) => [r.section, r.tier]));
    const tiers = [...new Set(t.tiers.map((r) => r.tier))].sort((a, b) => a - b).map((tier) => {
      const secs = stri.sectors.filter((s) => tierOf.get(s.sector) === tier);
      return { tier, sections: secs.map((s) => s.sector), meanScore: secs.length ? secs.reduce((x, s) => x + s.score, 0) / secs.length : null };
    });
    byTier = { tierSet: t.name, version: t.version, tiers, untiered: stri.sectors.filter((s) => !tierOf.has(s.sector)).map((s) => s.sector) };
  }
  return { id, rows: e.officialCount, transcribed: measures.length, stri, fdiEquity: fdiEquityScore(measures) as FdiEquityResult, byTier, warnings: coverageWarnings([e]) };
}
