import { FtzError } from '../../core/errors.js';
import type { ListVersion, Measure, RestrictionComponent } from './components.js';

/**
 * How a later set of components stands to an earlier one under the "no less conforming" order of the ratchet
 * (TPP/CPTPP Art. 9.12.1(c) and 10.7.1(c): an amendment may not decrease the conformity of the measure as it
 * existed immediately before). The order is partial: a change that relaxes one dimension and tightens another
 * is `incomparable`, and no single score decides it.
 */
export type Verdict = 'relaxed' | 'tightened' | 'equal' | 'incomparable';

/**
 * Restrictiveness of one dimension as a number, larger = more restrictive.
 *
 * Equity limits sit on one scale by the foreign share they permit: 2·(100 − maxForeignShare), plus 1 when the
 * bound is exclusive. So 中方股比不低于34% (foreign ≤ 66) = 68, 中方控股 (foreign < 50) = 101, a JV requirement
 * (foreign < 100) = 1, no limit (foreign ≤ 100) = 0, and a prohibition is above every cap. This puts a JV
 * requirement below every numeric cap under 100 %, since it forbids only full foreign ownership; a cap of 25 %
 * is above Chinese control, since it permits less.
 */
function equityLevel(maxForeignShare: number, exclusive: boolean): number {
  return 2 * (100 - maxForeignShare) + (exclusive ? 1 : 0);
}
const PROHIBITED = 1000;

/** The dimension a component restricts; components in one dimension are compared by level. */
export function dimensionOf(c: RestrictionComponent): string {
  switch (c.kind) {
    case 'prohibition':
      return 'entry';
    case 'equity_cap':
      return c.holder === 'all_foreign' ? 'entry' : 'equity_single_investor';
    case 'management_nationality':
      return `nationality_${c.role}`;
    default:
      return c.kind;
  }
}

/** Restrictiveness level of one component within its dimension (see {@link dimensionOf}). */
export function componentLevel(c: RestrictionComponent): number {
  switch (c.kind) {
    case 'prohibition':
      return PROHIBITED;
    case 'equity_cap':
      return equityLevel(c.maxForeignShare, c.exclusive);
    case 'management_nationality':
      return c.requirement === 'all' ? 2 : 1;
    default:
      return 1;
  }
}

function describe(c: RestrictionComponent | undefined): string {
  if (c === undefined) return 'none';
  switch (c.kind) {
    case 'equity_cap':
      return `${c.form} (foreign ${c.exclusive ? '<' : '≤'} ${c.maxForeignShare}%${c.holder === 'single_foreign_investor' ? ' per investor' : ''})`;
    case 'management_nationality':
      return `${c.role} ${c.requirement === 'all' ? 'must be' : 'majority must be'} Chinese nationals`;
    default:
      return c.kind;
  }
}

export interface DimensionChange {
  readonly dimension: string;
  readonly before: string;
  readonly after: string;
  readonly verdict: Verdict;
}

export interface ComponentComparison {
  readonly verdict: Verdict;
  readonly dimensions: readonly DimensionChange[];
  readonly reason: string;
}

function validateComponents(cs: readonly RestrictionComponent[], option: string): void {
  for (const c of cs) {
    if (c.kind === 'equity_cap' && !(Number.isFinite(c.maxForeignShare) && c.maxForeignShare >= 0 && c.maxForeignShare <= 100)) {
      throw new FtzError('disparity.option_invalid', { option, value: String(c.maxForeignShare), reason: 'maxForeignShare must be a percentage between 0 and 100' });
    }
  }
}

/** Most restrictive component per dimension (several caps in one dimension bind at the tightest). */
function strongest(cs: readonly RestrictionComponent[]): Map<string, RestrictionComponent> {
  const out = new Map<string, RestrictionComponent>();
  for (const c of cs) {
    const d = dimensionOf(c);
    const cur = out.get(d);
    if (cur === undefined || componentLevel(c) > componentLevel(cur)) out.set(d, c);
  }
  return out;
}

function combine(verdicts: readonly Verdict[]): Verdict {
  const up = verdicts.includes('tightened');
  const down = verdicts.includes('relaxed');
  if (verdicts.includes('incomparable') || (up && down)) return 'incomparable';
  if (up) return 'tightened';
  if (down) return 'relaxed';
  return 'equal';
}

/**
 * Compares the components of one measure before and after an amendment, dimension by dimension.
 *
 * A prohibition dominates: where either side prohibits entry, the other conditions are moot (no foreign investor
 * can be subject to them), so only the entry dimension is compared. Sub-sectors are not told apart within one
 * measure: when parts of an item move differently, link the parts as a split so each is compared on its own.
 *
 * @example
 * compareComponents([{ kind: 'prohibition', obligation: 'market_access' }],
 *   [{ kind: 'equity_cap', form: 'joint_venture', maxForeignShare: 100, exclusive: true, holder: 'all_foreign', obligation: 'national_treatment' }]).verdict
 * // 'relaxed'
 */
export function compareComponents(before: readonly RestrictionComponent[], after: readonly RestrictionComponent[]): ComponentComparison {
  validateComponents(before, 'before');
  validateComponents(after, 'after');
  const b = strongest(before);
  const a = strongest(after);
  const prohibitedB = b.get('entry')?.kind === 'prohibition';
  const prohibitedA = a.get('entry')?.kind === 'prohibition';
  const dims = prohibitedA || prohibitedB ? ['entry'] : [...new Set([...b.keys(), ...a.keys()])].sort();
  const dimensions: DimensionChange[] = dims.map((dimension) => {
    const cb = b.get(dimension);
    const ca = a.get(dimension);
    const lb = cb === undefined ? 0 : componentLevel(cb);
    const la = ca === undefined ? 0 : componentLevel(ca);
    const verdict: Verdict = la > lb ? 'tightened' : la < lb ? 'relaxed' : 'equal';
    return { dimension, before: describe(cb), after: describe(ca), verdict };
  });
  const verdict = combine(dimensions.map((d) => d.verdict));
  const changed = dimensions.filter((d) => d.verdict !== 'equal');
  const reason = changed.length === 0
    ? prohibitedA && prohibitedB ? 'prohibition in both; other conditions are moot' : 'no dimension changed'
    : changed.map((d) => `${d.dimension}: ${d.before} → ${d.after} (${d.verdict})`).join('; ');
  return { verdict, dimensions, reason };
}

// ---------------------------------------------------------------------------------------------------------------
// Lineage between two versions

export type LinkKind = 'same' | 'reworded' | 'split' | 'merged' | 'moved' | 'removed' | 'added';

/** A link between measures of two versions: ids in the earlier (`from`) and later (`to`) version. */
export interface MeasureLink {
  readonly kind: LinkKind;
  readonly from: readonly string[];
  readonly to: readonly string[];
  /** Bigram Jaccard similarity when the link was proposed by text. */
  readonly similarity?: number;
}

export interface MeasureChange {
  readonly link: MeasureLink;
  readonly verdict: Verdict;
  readonly reason: string;
}

export interface VersionDiff {
  readonly from: string;
  readonly to: string;
  readonly changes: readonly MeasureChange[];
}

const ARITY: Record<LinkKind, (f: number, t: number) => boolean> = {
  same: (f, t) => f === 1 && t === 1,
  reworded: (f, t) => f === 1 && t === 1,
  moved: (f, t) => f === 1 && t === 1,
  split: (f, t) => f === 1 && t >= 2,
  merged: (f, t) => f >= 2 && t === 1,
  removed: (f, t) => f === 1 && t === 0,
  added: (f, t) => f === 0 && t === 1,
};

function byId(v: ListVersion): Map<string, Measure> {
  const m = new Map<string, Measure>();
  for (const x of v.measures) {
    if (m.has(x.id)) throw new FtzError('disparity.option_invalid', { option: `${v.id}.measures`, value: x.id, reason: 'duplicate measure id' });
    m.set(x.id, x);
  }
  return m;
}

/** Links, checked, with measures no link names completed as removed / added. */
function completeLinks(before: ListVersion, after: ListVersion, links: readonly MeasureLink[]): MeasureLink[] {
  const mb = byId(before);
  const ma = byId(after);
  const usedB = new Set<string>();
  const usedA = new Set<string>();
  const out: MeasureLink[] = [];
  for (const l of links) {
    if (!ARITY[l.kind](l.from.length, l.to.length)) {
      throw new FtzError('disparity.option_invalid', { option: 'links', value: `${l.kind} [${l.from.join(',')}] → [${l.to.join(',')}]`, reason: 'wrong number of measures for this kind of link' });
    }
    for (const [ids, map, used, v] of [[l.from, mb, usedB, before], [l.to, ma, usedA, after]] as const) {
      for (const id of ids) {
        if (!map.has(id)) throw new FtzError('disparity.option_invalid', { option: 'links', value: id, reason: `no measure with this id in version ${v.id}` });
        if (used.has(id)) throw new FtzError('disparity.option_invalid', { option: 'links', value: id, reason: `measure linked twice in version ${v.id}` });
        used.add(id);
      }
    }
    out.push(l);
  }
  for (const m of before.measures) if (!usedB.has(m.id)) out.push({ kind: 'removed', from: [m.id], to: [] });
  for (const m of after.measures) if (!usedA.has(m.id)) out.push({ kind: 'added', from: [], to: [m.id] });
  return out;
}

function gather(ids: readonly string[], map: Map<string, Measure>): RestrictionComponent[] {
  return ids.flatMap((id) => [...(map.get(id)?.components ?? [])]);
}

/**
 * Classifies every change between two versions of a list along explicit links (or links from
 * {@link proposeLinks}). A split is judged on the union of its parts' components, a merge on the union of its
 * sources', so a measure split in two without changing any condition is `equal`. A removed measure is `relaxed`
 * (its restrictions are gone) and an added one `tightened`, unless it has no components.
 *
 * @example
 * diffVersions(v2019, v2021, [{ kind: 'reworded', from: ['2019-6'], to: ['2021-6'] }]).changes
 */
export function diffVersions(before: ListVersion, after: ListVersion, links?: readonly MeasureLink[]): VersionDiff {
  const all = completeLinks(before, after, links ?? proposeLinks(before, after));
  const mb = byId(before);
  const ma = byId(after);
  const changes = all.map((link): MeasureChange => {
    const cmp = compareComponents(gather(link.from, mb), gather(link.to, ma));
    const prefix = `${link.kind} [${link.from.join(', ')}] → [${link.to.join(', ')}]`;
    return { link, verdict: cmp.verdict, reason: `${prefix}: ${cmp.reason}` };
  });
  return { from: before.id, to: after.id, changes };
}

// ---------------------------------------------------------------------------------------------------------------
// Proposed links by text similarity

/** Punctuation, spaces and brackets carry no meaning for matching; the numbers in caps do, and stay. */
function normalise(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = Array.from(normalise(text));
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0] ?? '');
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return out;
}

/**
 * Jaccard similarity of the character-bigram sets of two texts after removing punctuation and spaces; 1 for two
 * empty texts. Bigrams, not words, because Chinese is not space-delimited and a word segmenter would add a
 * dependency and nondeterminism across versions.
 *
 * @example
 * bigramJaccard('出版物印刷须由中方控股。', '出版物印刷须由中方控股') // 1
 */
export function bigramJaccard(a: string, b: string): number {
  return setJaccard(bigrams(a), bigrams(b));
}

function setJaccard(A: ReadonlySet<string>, B: ReadonlySet<string>): number {
  if (A.size === 0 && B.size === 0) return 1;
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return inter / (A.size + B.size - inter);
}

/** Share of `part`'s bigrams found in `whole` (how much of a split piece comes from the old text). */
function containment(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let inter = 0;
  for (const x of part) if (whole.has(x)) inter++;
  return inter / part.size;
}

function union(sets: readonly ReadonlySet<string>[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}

export interface ProposeLinksOptions {
  /** Minimum similarity to link two measures (0–1, default 0.5); also the containment needed for a split/merge part. */
  readonly threshold?: number;
}

/**
 * Proposes links between two versions, deterministically.
 *
 * 1. One-to-one pairs: all pairs at or above the threshold, taken greedily by similarity (ties by position in
 *    the earlier, then the later version). Equal normalised text in the same GB/T section is `same`; a changed
 *    section is `moved`; otherwise `reworded`.
 * 2. Splits: an earlier measure with at least two later measures (unpaired, or its own partner) each at least
 *    `threshold` contained in it becomes a `split` when the union of their bigrams matches it better than its
 *    one-to-one partner did. Merges are the mirror case.
 * 3. The rest are left to {@link diffVersions}, which completes them as removed / added.
 *
 * Links are returned in the order of the earlier version. They are proposals for review: the verdicts are only
 * as good as the links.
 *
 * @example
 * proposeLinks(v2019, v2021, { threshold: 0.6 })
 */
export function proposeLinks(before: ListVersion, after: ListVersion, options: ProposeLinksOptions = {}): MeasureLink[] {
  const threshold = options.threshold ?? 0.5;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new FtzError('disparity.option_invalid', { option: 'threshold', value: String(threshold), reason: 'must be in (0, 1]' });
  }
  const B = before.measures;
  const A = after.measures;
  const gb = B.map((x) => bigrams(x.text));
  const ga = A.map((x) => bigrams(x.text));
  const pairs: { i: number; j: number; s: number }[] = [];
  gb.forEach((sb, i) => ga.forEach((sa, j) => {
    const s = setJaccard(sb, sa);
    if (s >= threshold) pairs.push({ i, j, s });
  }));
  pairs.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const partnerOfB = new Map<number, { j: number; s: number }>();
  const partnerOfA = new Map<number, { i: number; s: number }>();
  for (const p of pairs) {
    if (partnerOfB.has(p.i) || partnerOfA.has(p.j)) continue;
    partnerOfB.set(p.i, { j: p.j, s: p.s });
    partnerOfA.set(p.j, { i: p.i, s: p.s });
  }
  const grouped: { first: number; link: MeasureLink }[] = [];
  const takenB = new Set<number>();
  const takenA = new Set<number>();
  // Splits: earlier measure i, later parts j.
  gb.forEach((sb, i) => {
    const own = partnerOfB.get(i);
    const parts = ga.map((_, j) => j).filter((j) => !takenA.has(j) && (own?.j === j || !partnerOfA.has(j)) && containment(ga[j]!, sb) >= threshold);
    if (parts.length < 2 || setJaccard(sb, union(parts.map((j) => ga[j]!))) <= (own?.s ?? 0)) return;
    takenB.add(i);
    for (const j of parts) takenA.add(j);
    grouped.push({ first: i, link: { kind: 'split', from: [B[i]!.id], to: parts.map((j) => A[j]!.id) } });
  });
  // Merges: earlier parts i, later measure j.
  ga.forEach((sa, j) => {
    if (takenA.has(j)) return;
    const own = partnerOfA.get(j);
    const parts = gb.map((_, i) => i).filter((i) => !takenB.has(i) && (own?.i === i || !partnerOfB.has(i)) && containment(gb[i]!, sa) >= threshold);
    if (parts.length < 2 || setJaccard(sa, union(parts.map((i) => gb[i]!))) <= (own?.s ?? 0)) return;
    takenA.add(j);
    for (const i of parts) takenB.add(i);
    grouped.push({ first: parts[0]!, link: { kind: 'merged', from: parts.map((i) => B[i]!.id), to: [A[j]!.id] } });
  });
  for (const [i, { j, s }] of partnerOfB) {
    if (takenB.has(i) || takenA.has(j)) continue;
    const mb = B[i]!;
    const ma = A[j]!;
    const kind: LinkKind = mb.scope.sector !== ma.scope.sector ? 'moved' : normalise(mb.text) === normalise(ma.text) ? 'same' : 'reworded';
    grouped.push({ first: i, link: { kind, from: [mb.id], to: [ma.id], similarity: s } });
  }
  return grouped.sort((x, y) => x.first - y.first).map((g) => g.link);
}
