import { FtzError } from '../../core/errors.js';
import { NeumaierAccumulator } from '../../numeric/neumaierSum.js';

/** One trade flow: a commodity traded with a partner, in the unit the intensities are per (USD, tonnes…). */
export interface TradeRow {
  /** HS code as a string ("0101", "8504.40"): leading zeros matter; dots and spaces are ignored. */
  readonly hs: string;
  readonly partner: string;
  /** Trade value or quantity, ≥ 0, in the unit the intensity table is per. */
  readonly amount: number;
}

/** One line of an HS → ISIC concordance. */
export interface HsIsicLink {
  readonly hs: string;
  readonly isic: string;
  /** Share of the HS code's amount assigned to this ISIC code; give it for all lines of a code or for none. */
  readonly share?: number;
}

/** Options of {@link tradeEmbodiedEmissions}. */
export interface TradeEmbodiedOptions {
  /**
   * Match a code missing from the concordance to its longest prefix that is present (at least 2 characters), so
   * HS8/HS10 tariff lines use an HS6 concordance. Rows matched this way name the code used in `matchedHs`.
   * Default false: only exact codes match.
   */
  readonly prefixMatch?: boolean;
  /** Largest accepted |Σ shares − 1| for an HS code; default 1e-6. */
  readonly shareTolerance?: number;
}

/** The part of one trade row assigned to one ISIC code. */
export interface EmbodiedRowPart {
  readonly isic: string;
  readonly share: number;
  readonly amount: number;
  /** Emissions per unit of amount; null when the intensity table has no entry for the ISIC code. */
  readonly intensity: number | null;
  readonly emissions: number | null;
}

/**
 * `complete`: every part has an intensity; `partial`: some parts lack one; `no_intensity`: none has one;
 * `unmatched`: the HS code is not in the concordance.
 */
export type EmbodiedRowStatus = 'complete' | 'partial' | 'no_intensity' | 'unmatched';

export interface EmbodiedTradeRow {
  /** Position of the row in the input (0-based). */
  readonly index: number;
  /** The HS code after removing dots and spaces. */
  readonly hs: string;
  /** The concordance code used (differs from `hs` only with `prefixMatch`); null when unmatched. */
  readonly matchedHs: string | null;
  readonly partner: string;
  readonly amount: number;
  /** Amount of the parts that have an intensity: emissions cover only this much of the row. */
  readonly coveredAmount: number;
  /** Emissions of the covered parts. */
  readonly emissions: number;
  readonly status: EmbodiedRowStatus;
  readonly parts: readonly EmbodiedRowPart[];
}

/** A total over rows: `amount` is all trade in the group, `coveredAmount` the part with an intensity. */
export interface EmbodiedTotal {
  readonly key: string;
  readonly amount: number;
  readonly coveredAmount: number;
  readonly emissions: number;
}

/** Trade that could not be given emissions, with the rows (0-based) it came from. */
export interface UncoveredTrade {
  readonly code: string;
  readonly rows: readonly number[];
  readonly amount: number;
}

export interface TradeEmbodiedResult {
  readonly rows: readonly EmbodiedTradeRow[];
  /** Per ISIC code (sorted by code): matched trade assigned to it; unmatched trade is in `unmatchedHs` only. */
  readonly byIsic: readonly EmbodiedTotal[];
  /** Per partner (sorted by name), over all rows including the uncovered ones. */
  readonly byPartner: readonly EmbodiedTotal[];
  readonly total: Omit<EmbodiedTotal, 'key'>;
  /** HS codes with no concordance line (sorted), with their trade. */
  readonly unmatchedHs: readonly UncoveredTrade[];
  /** ISIC codes reached through the concordance but absent from the intensity table (sorted), with the trade assigned to them. */
  readonly missingIntensities: readonly UncoveredTrade[];
}

interface Split {
  readonly isic: string;
  readonly share: number;
}

/**
 * Emissions embodied in trade flows from a user-supplied intensity table (the "emissions embodied in
 * bilateral trade" bookkeeping of e.g. Peters 2008, Ecol. Econ. 65, 13–23, with intensities taken as given):
 * each row's amount is split over ISIC codes through an HS → ISIC concordance and multiplied by each code's
 * intensity, then summed by ISIC code, by partner and in total.
 *
 * Split rule: an HS code with lines that all give `share` uses those shares, which must be finite, ≥ 0 and sum
 * to 1 within `shareTolerance` (they are then rescaled to sum to exactly 1, so no trade is created or lost); an
 * HS code whose lines give no share is split equally. Mixing the two for one code, or repeating an (HS, ISIC)
 * pair, is an error because either could silently double-count. Nothing is dropped silently: rows whose HS code
 * is not in the concordance are listed in `unmatchedHs`, trade reaching an ISIC code with no intensity in
 * `missingIntensities`, and every total reports `coveredAmount` next to `amount`.
 *
 * Throws `carbon.bad_matrix` for a negative or non-finite amount or intensity (a negative intensity is more often a
 * "missing" sentinel such as −999 than a real removal) and for an inconsistent concordance;
 * `carbon.option_invalid` for a bad tolerance.
 *
 * @example
 * tradeEmbodiedEmissions(
 *   [{ hs: '720851', partner: 'DE', amount: 100 }],
 *   [{ hs: '720851', isic: '2410' }],
 *   { '2410': 1.9 },
 * ).total.emissions; // 190
 */
export function tradeEmbodiedEmissions(
  rows: readonly TradeRow[],
  concordance: readonly HsIsicLink[],
  intensities: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
  options: TradeEmbodiedOptions = {},
): TradeEmbodiedResult {
  const tolerance = options.shareTolerance ?? 1e-6;
  if (!(tolerance >= 0 && tolerance < 1)) {
    throw new FtzError('carbon.option_invalid', { option: 'shareTolerance', value: String(tolerance), reason: 'must be in [0, 1)' });
  }
  const splits = concordanceSplits(concordance, tolerance);
  const intensity = intensityTable(intensities);
  const prefixMatch = options.prefixMatch ?? false;

  const isicTotals = new Map<string, Totals>();
  const partnerTotals = new Map<string, Totals>();
  const grand = new Totals();
  const unmatched = new Map<string, Uncovered>();
  const missing = new Map<string, Uncovered>();

  const out = rows.map((row, index): EmbodiedTradeRow => {
    const hs = normaliseHs(row.hs);
    const partner = row.partner.trim();
    const amount = row.amount;
    if (!Number.isFinite(amount) || amount < 0) {
      throw new FtzError('carbon.bad_matrix', { what: `trade row ${index + 1} (HS ${hs}, partner ${partner})`, detail: `amount ${amount} must be finite and non-negative` });
    }
    const matchedHs = matchCode(hs, splits, prefixMatch);
    const partnerTotal = totalsFor(partnerTotals, partner);
    partnerTotal.amount.add(amount);
    grand.amount.add(amount);
    if (matchedHs === null) {
      uncoveredFor(unmatched, hs).add(index, amount);
      return { index, hs, matchedHs, partner, amount, coveredAmount: 0, emissions: 0, status: 'unmatched', parts: [] };
    }
    let covered = 0;
    let emissions = 0;
    let withIntensity = 0;
    const split = splits.get(matchedHs) ?? [];
    const parts = split.map(({ isic, share }): EmbodiedRowPart => {
      const partAmount = amount * share;
      const isicTotal = totalsFor(isicTotals, isic);
      isicTotal.amount.add(partAmount);
      const e = intensity.get(isic);
      if (e === undefined) {
        uncoveredFor(missing, isic).add(index, partAmount);
        return { isic, share, amount: partAmount, intensity: null, emissions: null };
      }
      const partEmissions = partAmount * e;
      withIntensity++;
      covered += partAmount;
      emissions += partEmissions;
      isicTotal.covered.add(partAmount);
      isicTotal.emissions.add(partEmissions);
      return { isic, share, amount: partAmount, intensity: e, emissions: partEmissions };
    });
    partnerTotal.covered.add(covered);
    partnerTotal.emissions.add(emissions);
    grand.covered.add(covered);
    grand.emissions.add(emissions);
    const status: EmbodiedRowStatus = withIntensity === parts.length ? 'complete' : withIntensity === 0 ? 'no_intensity' : 'partial';
    return { index, hs, matchedHs, partner, amount, coveredAmount: covered, emissions, status, parts };
  });

  return {
    rows: out,
    byIsic: sortedTotals(isicTotals),
    byPartner: sortedTotals(partnerTotals),
    total: grand.result(),
    unmatchedHs: sortedUncovered(unmatched),
    missingIntensities: sortedUncovered(missing),
  };
}

/** Removes the dots and spaces that tariff schedules print inside codes ("8504.40 10" → "85044010"). */
function normaliseHs(code: string): string {
  return code.replace(/[.\s]/g, '');
}

function concordanceSplits(concordance: readonly HsIsicLink[], tolerance: number): Map<string, Split[]> {
  const what = 'HS→ISIC concordance';
  const lines = new Map<string, { isic: string; share: number | undefined }[]>();
  concordance.forEach((link, i) => {
    const hs = normaliseHs(link.hs);
    const isic = link.isic.trim();
    if (hs === '' || isic === '') throw new FtzError('carbon.bad_matrix', { what, detail: `line ${i + 1} has an empty HS or ISIC code` });
    if (link.share !== undefined && !(Number.isFinite(link.share) && link.share >= 0)) {
      throw new FtzError('carbon.bad_matrix', { what, detail: `line ${i + 1} (HS ${hs} → ISIC ${isic}) has share ${link.share}; shares must be finite and non-negative` });
    }
    const list = lines.get(hs) ?? [];
    if (list.some((l) => l.isic === isic)) throw new FtzError('carbon.bad_matrix', { what, detail: `HS ${hs} → ISIC ${isic} appears more than once (line ${i + 1})` });
    list.push({ isic, share: link.share });
    lines.set(hs, list);
  });
  const splits = new Map<string, Split[]>();
  for (const [hs, list] of lines) {
    const given = list.filter((l) => l.share !== undefined).length;
    if (given === 0) {
      splits.set(hs, list.map((l) => ({ isic: l.isic, share: 1 / list.length })));
      continue;
    }
    if (given !== list.length) {
      throw new FtzError('carbon.bad_matrix', { what, detail: `HS ${hs} gives shares on ${given} of its ${list.length} lines; give them on all or none` });
    }
    const sum = list.reduce((a, l) => a + (l.share as number), 0);
    if (!(Math.abs(sum - 1) <= tolerance)) {
      throw new FtzError('carbon.bad_matrix', { what, detail: `the shares of HS ${hs} sum to ${sum}, not 1 (tolerance ${tolerance})` });
    }
    splits.set(hs, list.map((l) => ({ isic: l.isic, share: (l.share as number) / sum })));
  }
  return splits;
}

function intensityTable(intensities: ReadonlyMap<string, number> | Readonly<Record<string, number>>): Map<string, number> {
  const entries: [string, number][] = intensities instanceof Map ? [...(intensities as ReadonlyMap<string, number>)] : Object.entries(intensities);
  const table = new Map<string, number>();
  for (const [code, value] of entries) {
    const isic = code.trim();
    if (!Number.isFinite(value) || value < 0) {
      throw new FtzError('carbon.bad_matrix', { what: 'emission intensities', detail: `ISIC ${isic} has intensity ${value}; intensities must be finite and non-negative` });
    }
    if (table.has(isic)) throw new FtzError('carbon.bad_matrix', { what: 'emission intensities', detail: `ISIC ${isic} is given twice` });
    table.set(isic, value);
  }
  return table;
}

function matchCode(hs: string, splits: ReadonlyMap<string, Split[]>, prefixMatch: boolean): string | null {
  if (splits.has(hs)) return hs;
  if (!prefixMatch) return null;
  for (let len = hs.length - 1; len >= 2; len--) {
    const prefix = hs.slice(0, len);
    if (splits.has(prefix)) return prefix;
  }
  return null;
}

class Totals {
  readonly amount = new NeumaierAccumulator();
  readonly covered = new NeumaierAccumulator();
  readonly emissions = new NeumaierAccumulator();

  result(): Omit<EmbodiedTotal, 'key'> {
    return { amount: this.amount.value, coveredAmount: this.covered.value, emissions: this.emissions.value };
  }
}

class Uncovered {
  readonly rows: number[] = [];
  readonly amount = new NeumaierAccumulator();

  add(row: number, amount: number): void {
    if (this.rows[this.rows.length - 1] !== row) this.rows.push(row);
    this.amount.add(amount);
  }
}

function totalsFor(map: Map<string, Totals>, key: string): Totals {
  let t = map.get(key);
  if (t === undefined) {
    t = new Totals();
    map.set(key, t);
  }
  return t;
}

function uncoveredFor(map: Map<string, Uncovered>, key: string): Uncovered {
  let u = map.get(key);
  if (u === undefined) {
    u = new Uncovered();
    map.set(key, u);
  }
  return u;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortedTotals(map: Map<string, Totals>): EmbodiedTotal[] {
  return [...map.keys()].sort(byKey).map((key) => ({ key, ...(map.get(key) as Totals).result() }));
}

function sortedUncovered(map: Map<string, Uncovered>): UncoveredTrade[] {
  return [...map.keys()].sort(byKey).map((code) => {
    const u = map.get(code) as Uncovered;
    return { code, rows: u.rows, amount: u.amount.value };
  });
}
