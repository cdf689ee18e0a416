import { FtzError } from '../../core/errors.js';
import type { Measure, RestrictionComponent } from './components.js';

/** The five policy categories of the OECD Services Trade Restrictiveness Index (STRI). */
export type StriCategory = 'foreign_entry' | 'movement_of_people' | 'other_discrimination' | 'barriers_to_competition' | 'transparency';

export const STRI_CATEGORIES: readonly StriCategory[] = ['foreign_entry', 'movement_of_people', 'other_discrimination', 'barriers_to_competition', 'transparency'];

export interface StriOptions {
  /**
   * Category weights (non-negative, not all zero). Default 0.25 for each of the four categories that list
   * components can show and 0 for transparency, which no component describes (procedures, publication, appeal):
   * weighting it without data would only cap every sector below 1.
   */
  readonly categoryWeights?: Partial<Record<StriCategory, number>>;
  /**
   * Equity thresholds in percent (default [50, 100]): one binary measure per threshold T, "foreign equity cannot
   * reach T %" (cap below T, or at T with an exclusive bound).
   */
  readonly equityThresholds?: readonly number[];
  /** Sectors to score even without measures (they score 0 and count in the total). */
  readonly sectors?: readonly string[];
  /** Sector weights for the total (default 1 each); a listed sector without a weight is an error. */
  readonly sectorWeights?: Readonly<Record<string, number>>;
}

export interface SectorScore {
  readonly sector: string;
  /** 0 (open) to 1 (closed). */
  readonly score: number;
  /** True when a prohibition set the sector to the maximum. */
  readonly gated: boolean;
  readonly categories: Readonly<Record<StriCategory, number>>;
  /** Binary measures found, as `category/measure`. */
  readonly present: readonly string[];
}

export interface StriResult {
  readonly sectors: readonly SectorScore[];
  readonly total: number;
  /** The weights and binary measures used, to be printed with the scores. */
  readonly weights: Readonly<Record<StriCategory, number>>;
  readonly measures: Readonly<Record<StriCategory, readonly string[]>>;
  readonly sectorWeights: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}

function binaryMeasures(thresholds: readonly number[]): Record<StriCategory, string[]> {
  return {
    foreign_entry: [
      ...thresholds.map((t) => `foreign_equity_below_${t}`),
      'chinese_partner_required',
      'single_investor_cap',
      'local_presence_required',
    ],
    movement_of_people: ['senior_management_nationality', 'board_nationality', 'legal_representative_nationality'],
    other_discrimination: ['performance_requirement'],
    barriers_to_competition: ['licence_or_quota'],
    transparency: [],
  };
}

/** The binary measures one component answers "yes" to. */
function answers(c: RestrictionComponent, thresholds: readonly number[]): string[] {
  switch (c.kind) {
    case 'prohibition':
      return [];
    case 'equity_cap': {
      if (c.holder === 'single_foreign_investor') return ['foreign_entry/single_investor_cap'];
      const out = thresholds
        .filter((t) => c.maxForeignShare < t || (c.maxForeignShare === t && c.exclusive))
        .map((t) => `foreign_entry/foreign_equity_below_${t}`);
      if (c.form !== 'cap') out.push('foreign_entry/chinese_partner_required');
      return out;
    }
    case 'management_nationality':
      return [`movement_of_people/${c.role}_nationality`];
    case 'local_presence':
      return ['foreign_entry/local_presence_required'];
    case 'performance_requirement':
      return ['other_discrimination/performance_requirement'];
    case 'licence_or_quota':
      return ['barriers_to_competition/licence_or_quota'];
  }
}

function bad(option: string, value: unknown, reason: string): FtzError {
  return new FtzError('disparity.option_invalid', { option, value: String(value), reason });
}

/**
 * An STRI-style restrictiveness score per GB/T 4754 sector and in total, after the OECD Services Trade
 * Restrictiveness Index (Geloso Grosso et al. 2015, "Services Trade Restrictiveness Index (STRI): Scoring and
 * Weighting Methodology", OECD Trade Policy Papers 177): binary measures grouped in five categories, each
 * category the (equally weighted) share of its measures present, the sector the weighted mean of categories.
 * As in the STRI, a complete prohibition is a gate: the sector scores 1 whatever else applies. The total is the
 * sector-weighted mean. These are our binary measures, not the OECD's questionnaire: the score ranks editions
 * of the Chinese lists against each other and is not comparable with published STRI values.
 *
 * Removing a component never raises a score: every binary measure is a "yes" some component gives.
 *
 * @example
 * striScore([{ id: '6', text: '出版物印刷须由中方控股。', scope: { sector: 'C' }, reviewed: true, components: [control] }]).total
 * // 0.25 × 3/5 = 0.15 with default weights and thresholds [50, 100] (below 50, below 100, Chinese partner)
 */
export function striScore(measures: readonly Measure[], options: StriOptions = {}): StriResult {
  const thresholds = options.equityThresholds ?? [50, 100];
  for (const t of thresholds) if (!(Number.isFinite(t) && t > 0 && t <= 100)) throw bad('equityThresholds', t, 'each threshold must be in (0, 100]');
  if (new Set(thresholds).size !== thresholds.length) throw bad('equityThresholds', thresholds.join(','), 'thresholds must be distinct');
  const defaults: Record<StriCategory, number> = { foreign_entry: 0.25, movement_of_people: 0.25, other_discrimination: 0.25, barriers_to_competition: 0.25, transparency: 0 };
  const weights = { ...defaults, ...options.categoryWeights };
  let wsum = 0;
  for (const c of STRI_CATEGORIES) {
    const w = weights[c];
    if (!(Number.isFinite(w) && w >= 0)) throw bad(`categoryWeights.${c}`, w, 'must be a non-negative number');
    wsum += w;
  }
  if (wsum <= 0) throw bad('categoryWeights', 0, 'at least one weight must be positive');
  const catalogue = binaryMeasures(thresholds);
  const warnings: string[] = [];
  if (weights.transparency > 0) warnings.push('transparency has weight but no binary measure is derivable from list components; it scores 0 in every sector');

  const bySector = new Map<string, Measure[]>();
  for (const s of options.sectors ?? []) bySector.set(s, []);
  for (const m of measures) {
    const list = bySector.get(m.scope.sector) ?? [];
    list.push(m);
    bySector.set(m.scope.sector, list);
  }

  const sectors: SectorScore[] = [...bySector.keys()].sort().map((sector) => {
    const ms = bySector.get(sector) ?? [];
    const comps = ms.flatMap((m) => [...m.components]);
    const present = [...new Set(comps.flatMap((c) => answers(c, thresholds)))].sort();
    const gated = comps.some((c) => c.kind === 'prohibition');
    const categories = {} as Record<StriCategory, number>;
    let acc = 0;
    for (const c of STRI_CATEGORIES) {
      const list = catalogue[c];
      const share = list.length === 0 ? 0 : list.filter((b) => present.includes(`${c}/${b}`)).length / list.length;
      categories[c] = share;
      acc += weights[c] * share;
    }
    return { sector, score: gated ? 1 : acc / wsum, gated, categories, present };
  });

  const sectorWeights: Record<string, number> = {};
  let num = 0;
  let den = 0;
  for (const s of sectors) {
    const w = options.sectorWeights === undefined ? 1 : options.sectorWeights[s.sector];
    if (w === undefined || !(Number.isFinite(w) && w >= 0)) throw bad(`sectorWeights.${s.sector}`, w, 'each scored sector needs a non-negative weight');
    sectorWeights[s.sector] = w;
    num += w * s.score;
    den += w;
  }
  if (sectors.length > 0 && den <= 0) throw bad('sectorWeights', 0, 'at least one sector weight must be positive');
  if (sectors.length === 0) warnings.push('no measures and no sectors: total is 0');
  return { sectors, total: den > 0 ? num / den : 0, weights, measures: catalogue, sectorWeights, warnings };
}

/**
 * The equity schedule used by {@link fdiEquityScore}, after the foreign-equity scores of the OECD FDI Regulatory
 * Restrictiveness Index (Kalinova, Palerm & Thomsen 2010, "OECD's FDI Restrictiveness Index: 2010 Update", OECD
 * Working Papers on International Investment 2010/03, doi:10.1787/5km91p02zj7g-en):
 * prohibition (no foreign equity) 1; foreign majority not allowed (cap ≤ 50 %, incl. 中方控股) 0.5;
 * cap above 50 % but below 100 %, or a joint venture required without a number 0.25; otherwise 0.
 * Per-investor caps are not scored (several foreign investors can still together hold the whole firm).
 */
export const FDI_EQUITY_SCHEDULE = { prohibition: 1, majorityNotAllowed: 0.5, capAbove50: 0.25, none: 0 } as const;

function equityScore(c: RestrictionComponent): number {
  if (c.kind === 'prohibition') return FDI_EQUITY_SCHEDULE.prohibition;
  if (c.kind !== 'equity_cap' || c.holder !== 'all_foreign') return FDI_EQUITY_SCHEDULE.none;
  if (c.maxForeignShare <= 50) return FDI_EQUITY_SCHEDULE.majorityNotAllowed;
  if (c.maxForeignShare < 100 || c.exclusive) return FDI_EQUITY_SCHEDULE.capAbove50;
  return FDI_EQUITY_SCHEDULE.none;
}

export interface FdiEquityResult {
  readonly sectors: readonly { readonly sector: string; readonly score: number; readonly measure: string | undefined }[];
  /** Sector-weighted mean (equal weights unless given). */
  readonly total: number;
  readonly schedule: typeof FDI_EQUITY_SCHEDULE;
}

/**
 * FDI-RRI-style equity score per sector: the most restrictive equity component among the sector's measures,
 * scored with {@link FDI_EQUITY_SCHEDULE} (the RRI scores a sector by its binding restriction), and the
 * sector-weighted mean. The OECD index adds screening, key-personnel and operational scores and caps the sum at
 * 1; only the equity part is computed here.
 *
 * @example
 * fdiEquityScore([{ id: '1', text: '…中方股比不低于34%', scope: { sector: 'A' }, reviewed: true, components: [cap66] }]).total // 0.25
 */
export function fdiEquityScore(measures: readonly Measure[], options: Pick<StriOptions, 'sectors' | 'sectorWeights'> = {}): FdiEquityResult {
  const best = new Map<string, { score: number; measure: string | undefined }>();
  for (const s of options.sectors ?? []) best.set(s, { score: 0, measure: undefined });
  for (const m of measures) {
    const cur = best.get(m.scope.sector) ?? { score: 0, measure: undefined };
    const s = Math.max(0, ...m.components.map(equityScore));
    best.set(m.scope.sector, s > cur.score ? { score: s, measure: m.id } : cur);
  }
  const sectors = [...best.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sector, v]) => ({ sector, ...v }));
  let num = 0;
  let den = 0;
  for (const s of sectors) {
    const w = options.sectorWeights === undefined ? 1 : options.sectorWeights[s.sector];
    if (w === undefined || !(Number.isFinite(w) && w >= 0)) throw bad(`sectorWeights.${s.sector}`, w, 'each scored sector needs a non-negative weight');
    num += w * s.score;
    den += w;
  }
  return { sectors, total: den > 0 ? num / den : 0, schedule: FDI_EQUITY_SCHEDULE };
}
