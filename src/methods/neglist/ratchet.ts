import { FtzError } from '../../core/errors.js';
import type { ListVersion, ReservationType } from './components.js';
import { diffVersions, type MeasureLink, type Verdict } from './compare.js';

export type RatchetStatus = 'compliant' | 'backsliding' | 'incomparable';

export interface RatchetFinding {
  readonly status: RatchetStatus;
  readonly verdict: Verdict;
  readonly link: MeasureLink;
  readonly reason: string;
}

export interface RatchetStep {
  readonly from: string;
  readonly to: string;
  readonly findings: readonly RatchetFinding[];
}

export interface RatchetResult {
  readonly steps: readonly RatchetStep[];
  /** Findings that are not compliant, across all steps, in order. */
  readonly violations: readonly (RatchetFinding & { readonly from: string; readonly to: string })[];
  readonly compliant: boolean;
}

export interface RatchetOptions {
  /**
   * Links per consecutive pair: `links[i]` links version i to version i + 1; a missing entry means links are
   * proposed by text similarity.
   */
  readonly links?: readonly (readonly MeasureLink[] | undefined)[];
  /**
   * Reservation types under which a new or tightened measure is allowed (default `['annex_ii']`: TPP/CPTPP
   * Art. 9.12.2 lets a party adopt more restrictive measures in Annex II sectors; Annex I entries are bound).
   */
  readonly allowTighteningUnder?: readonly ReservationType[];
}

/**
 * Ratchet (standstill plus lock-in of liberalisation) check over a sequence of list versions: each linked
 * measure must be no less conforming in the later version than in the earlier (TPP/CPTPP Art. 9.12.1(c),
 * 10.7.1(c)). Relaxed, equal and removed measures are compliant; tightened and newly added restrictive measures
 * are backsliding unless every later measure involved carries an allowed reservation type; a change that
 * relaxes one dimension and tightens another is reported `incomparable` for a person to judge.
 *
 * China's negative lists are unilateral and bind no ratchet; the check measures whether successive editions
 * behaved as if they did.
 *
 * @example
 * checkRatchet([v2019, v2020, v2021], { links: [links1920, undefined] }).violations
 */
export function checkRatchet(versions: readonly ListVersion[], options: RatchetOptions = {}): RatchetResult {
  if (versions.length < 2) {
    throw new FtzError('disparity.option_invalid', { option: 'versions', value: String(versions.length), reason: 'at least two versions are needed' });
  }
  if (options.links !== undefined && options.links.length > versions.length - 1) {
    throw new FtzError('disparity.option_invalid', { option: 'links', value: String(options.links.length), reason: `at most ${versions.length - 1} link sets for ${versions.length} versions` });
  }
  const allowed = new Set(options.allowTighteningUnder ?? ['annex_ii']);
  const steps: RatchetStep[] = [];
  for (let i = 0; i + 1 < versions.length; i++) {
    const before = versions[i]!;
    const after = versions[i + 1]!;
    const reservations = new Map(after.measures.map((m) => [m.id, m.reservation]));
    const diff = diffVersions(before, after, options.links?.[i]);
    const findings = diff.changes.map((c): RatchetFinding => {
      if (c.verdict === 'relaxed' || c.verdict === 'equal') return { status: 'compliant', verdict: c.verdict, link: c.link, reason: c.reason };
      const reserved = c.link.to.length > 0 && c.link.to.every((id) => {
        const r = reservations.get(id);
        return r !== undefined && allowed.has(r);
      });
      if (reserved) return { status: 'compliant', verdict: c.verdict, link: c.link, reason: `${c.reason}; allowed by reservation` };
      return { status: c.verdict === 'tightened' ? 'backsliding' : 'incomparable', verdict: c.verdict, link: c.link, reason: c.reason };
    });
    steps.push({ from: before.id, to: after.id, findings });
  }
  const violations = steps.flatMap((s) => s.findings.filter((f) => f.status !== 'compliant').map((f) => ({ ...f, from: s.from, to: s.to })));
  return { steps, violations, compliant: violations.length === 0 };
}
