import { FtzError } from '../../core/errors.js';
import type { CbamProductGroup } from './cbamGoods.js';

/** The parts of CBAM law the calculation needs, each looked up by the caller from cited data. */
export interface CbamRules {
  /** Share of EU ETS free allocation still granted in a year (the "CBAM factor"), 0–1; undefined when not known. */
  readonly freeAllocationFactor: (year: number) => number | undefined;
  /** Mark-up on default values in percent for a product group and year; undefined when none is set. */
  readonly markupPct: (group: CbamProductGroup, year: number) => number | undefined;
  /** Annual cumulative mass per declarant at or below which imports are exempt (tonnes). */
  readonly deMinimisTonnes: number;
  /** Groups not counted towards, and not exempted by, the mass threshold. */
  readonly deMinimisExcluded: readonly CbamProductGroup[];
  /** Whether indirect emissions count for a good (they do not for the direct-only goods). */
  readonly countsIndirect: (group: CbamProductGroup, cn: string) => boolean;
}

/** One line of a shipment file, after lookup of its good and default values. */
export interface CbamLine {
  /** Row of the input file (for messages). */
  readonly row: number;
  readonly cn: string;
  readonly productGroup: CbamProductGroup;
  readonly quantityT: number;
  readonly year: number;
  /** Importer or authorised declarant: the threshold counts per declarant and year. */
  readonly declarant?: string;
  /** The installation's actual specific emissions, tCO2e per tonne (indirect may be left to the default). */
  readonly actual?: { readonly direct: number; readonly indirect?: number };
  /**
   * Default values for the origin (without mark-up), tCO2e per tonne; null when none applies. `total` is the
   * annex's total column, which the mark-up applies to (it can differ from direct + indirect by rounding);
   * without it, direct + indirect.
   */
  readonly defaults: { readonly direct: number; readonly indirect: number; readonly total?: number } | null;
  /** Carbon price effectively paid in the country of origin, EUR per tCO2e of embedded emissions. */
  readonly carbonPricePaidEurPerT?: number;
  /** Benchmark for the free-allocation adjustment, tCO2e per tonne of product. */
  readonly benchmarkTco2PerT?: number;
}

/**
 * `benchmark`: the obligation falls by quantity × benchmark × CBAM factor (what EU producers still get free);
 * `phase_in_share`: a common shortcut, embedded emissions × (1 − CBAM factor), which ignores how far the good's
 * emissions exceed the benchmark and so understates the obligation of above-benchmark producers;
 * `none`: no adjustment (an upper bound).
 */
export type FreeAllocationMethod = 'benchmark' | 'phase_in_share' | 'none';

export interface CbamOptions {
  /** Certificate price, EUR per tCO2e. */
  readonly certificatePriceEur: number;
  readonly freeAllocation: FreeAllocationMethod;
}

export type EmissionsBasis = 'actual' | 'default' | 'actual_direct_default_indirect';

export interface CbamLineResult {
  readonly row: number;
  readonly cn: string;
  readonly productGroup: CbamProductGroup;
  readonly year: number;
  readonly declarant: string;
  readonly quantityT: number;
  readonly basis: EmissionsBasis;
  /** Mark-up applied to default values (0 for actual values). */
  readonly markupPct: number;
  readonly directPerT: number;
  readonly indirectPerT: number;
  readonly countsIndirect: boolean;
  /** Specific embedded emissions counted, tCO2e per tonne. */
  readonly seePerT: number;
  readonly embeddedT: number;
  readonly freeAllocationAdjustmentT: number;
  readonly carbonPriceDeductionT: number;
  /** CBAM certificates (tCO2e) to surrender. */
  readonly certificates: number;
  readonly costEur: number;
  readonly exemptDeMinimis: boolean;
}

export interface CbamNote {
  readonly code: 'no_markup' | 'no_free_allocation_factor' | 'no_benchmark' | 'de_minimis_exempt' | 'de_minimis_exceeded' | 'carbon_price_needs_actual';
  readonly rows: readonly number[];
  readonly detail: string;
}

export interface CbamResult {
  readonly lines: readonly CbamLineResult[];
  readonly totals: { readonly quantityT: number; readonly embeddedT: number; readonly certificates: number; readonly costEur: number };
  /** Cumulative mass per declarant and year counted towards the threshold. */
  readonly thresholdMass: readonly { declarant: string; year: number; tonnes: number; exempt: boolean }[];
  readonly notes: readonly CbamNote[];
}

const finiteNonNegative = (v: number | undefined): boolean => v === undefined || (Number.isFinite(v) && v >= 0);

/**
 * The CBAM obligation of a set of import lines in the definitive period (Regulation (EU) 2023/956):
 * specific embedded emissions from actual values where given, else default values raised by the mark-up
 * for the year; indirect emissions counted only outside the direct-only goods (Article 7(1), Annex II);
 * embedded emissions = quantity × specific emissions; certificates = embedded − free-allocation adjustment
 * − deduction for a carbon price paid at origin on actual values (as certificate equivalents,
 * min(paid, price) / price per tonne), never below zero; cost = certificates × price. Lines of a declarant whose annual mass (outside the excluded groups)
 * stays at or below the threshold are exempt.
 */
export function cbamObligation(lines: readonly CbamLine[], rules: CbamRules, options: CbamOptions): CbamResult {
  const price = options.certificatePriceEur;
  if (!(Number.isFinite(price) && price >= 0)) throw new FtzError('carbon.option_invalid', { option: 'price', value: String(price), reason: 'the certificate price must be a non-negative number of euros per tCO2e' });
  const notes = new Map<CbamNote['code'], { rows: number[]; detail: string }>();
  const note = (code: CbamNote['code'], row: number, detail: string): void => {
    const n = notes.get(code) ?? { rows: [], detail };
    n.rows.push(row);
    notes.set(code, n);
  };

  // The threshold: cumulative mass per declarant and year, outside the excluded groups.
  const mass = new Map<string, { declarant: string; year: number; tonnes: number }>();
  for (const l of lines) {
    if (rules.deMinimisExcluded.includes(l.productGroup)) continue;
    const key = `${l.declarant ?? ''}\u0000${l.year}`;
    const m = mass.get(key) ?? { declarant: l.declarant ?? '', year: l.year, tonnes: 0 };
    m.tonnes += l.quantityT;
    mass.set(key, m);
  }
  const exempt = (l: CbamLine): boolean => {
    if (rules.deMinimisExcluded.includes(l.productGroup)) return false;
    return (mass.get(`${l.declarant ?? ''}\u0000${l.year}`)?.tonnes ?? 0) <= rules.deMinimisTonnes;
  };

  const out = lines.map((l): CbamLineResult => {
    for (const [what, v] of [['quantity', l.quantityT], ['actual direct', l.actual?.direct], ['actual indirect', l.actual?.indirect], ['carbon price paid', l.carbonPricePaidEurPerT], ['benchmark', l.benchmarkTco2PerT]] as const) {
      if (!finiteNonNegative(v)) throw new FtzError('carbon.option_invalid', { option: `${what} (row ${l.row})`, value: String(v), reason: 'must be a finite, non-negative number' });
    }
    const countsIndirect = rules.countsIndirect(l.productGroup, l.cn);
    let basis: EmissionsBasis;
    let markupPct = 0;
    let direct: number;
    let indirect: number;
    const markup = (): number => {
      const m = rules.markupPct(l.productGroup, l.year);
      if (m === undefined) {
        note('no_markup', l.row, `no mark-up is set for ${l.productGroup} in ${l.year}; default values used without one`);
        return 0;
      }
      return m;
    };
    if (l.actual) {
      direct = l.actual.direct;
      if (l.actual.indirect !== undefined || !countsIndirect) {
        basis = 'actual';
        indirect = l.actual.indirect ?? 0;
      } else {
        if (!l.defaults) throw new FtzError('carbon.no_default_value', { file: '', row: l.row, cn: l.cn, good: l.cn, origin: '', status: '', candidates: [], reason: 'no_indirect_default' });
        basis = 'actual_direct_default_indirect';
        markupPct = markup();
        indirect = l.defaults.indirect * (1 + markupPct / 100);
      }
    } else {
      if (!l.defaults) throw new FtzError('carbon.no_default_value', { file: '', row: l.row, cn: l.cn, good: l.cn, origin: '', status: '', candidates: [], reason: 'not_listed' });
      basis = 'default';
      markupPct = markup();
      direct = l.defaults.direct * (1 + markupPct / 100);
      indirect = l.defaults.indirect * (1 + markupPct / 100);
    }
    // On default values the annex's total column (raised by the mark-up) is what counts where indirect
    // emissions count; the two parts are reported for information.
    const seePerT = basis === 'default' && countsIndirect && l.defaults?.total !== undefined
      ? l.defaults.total * (1 + markupPct / 100)
      : direct + (countsIndirect ? indirect : 0);
    const embeddedT = l.quantityT * seePerT;
    const isExempt = exempt(l);
    let faT = 0;
    if (options.freeAllocation !== 'none') {
      const factor = rules.freeAllocationFactor(l.year);
      if (factor === undefined) note('no_free_allocation_factor', l.row, `no CBAM factor is known for ${l.year}; no free-allocation adjustment`);
      else if (options.freeAllocation === 'phase_in_share') faT = embeddedT * factor;
      else if (l.benchmarkTco2PerT === undefined) note('no_benchmark', l.row, 'no benchmark given: no free-allocation adjustment, so the obligation is an upper bound');
      else faT = Math.min(embeddedT, l.quantityT * l.benchmarkTco2PerT * factor);
    }
    const afterFa = embeddedT - faT;
    // A carbon price paid abroad reduces the obligation only for emissions determined from actual values
    // (Article 9(1)); with default values only through default carbon prices the Commission has not published.
    let paid = l.carbonPricePaidEurPerT ?? 0;
    if (paid > 0 && basis !== 'actual') {
      note('carbon_price_needs_actual', l.row, 'a carbon price paid at origin is deducted only from emissions determined on actual values (Article 9(1)); no deduction on default values');
      paid = 0;
    }
    const deductionT = price > 0 ? Math.min(afterFa, (embeddedT * Math.min(paid, price)) / price) : 0;
    const certificates = isExempt ? 0 : Math.max(0, afterFa - deductionT);
    if (isExempt) note('de_minimis_exempt', l.row, `the declarant's ${l.year} imports stay within ${rules.deMinimisTonnes} t`);
    return {
      row: l.row, cn: l.cn, productGroup: l.productGroup, year: l.year, declarant: l.declarant ?? '', quantityT: l.quantityT,
      basis, markupPct, directPerT: direct, indirectPerT: indirect, countsIndirect, seePerT, embeddedT,
      freeAllocationAdjustmentT: faT, carbonPriceDeductionT: deductionT, certificates, costEur: certificates * price, exemptDeMinimis: isExempt,
    };
  });
  const thresholdMass = [...mass.values()].map((m) => ({ ...m, exempt: m.tonnes <= rules.deMinimisTonnes }));
  for (const m of thresholdMass) {
    if (!m.exempt) {
      const rows = out.filter((l) => l.year === m.year && l.declarant === m.declarant && !rules.deMinimisExcluded.includes(l.productGroup)).map((l) => l.row);
      for (const r of rows) note('de_minimis_exceeded', r, `${m.tonnes} t in ${m.year} exceeds ${rules.deMinimisTonnes} t: every tonne counts`);
    }
  }
  const sum = (f: (l: CbamLineResult) => number): number => out.reduce((s, l) => s + f(l), 0);
  return {
    lines: out,
    totals: { quantityT: sum((l) => l.quantityT), embeddedT: sum((l) => l.embeddedT), certificates: sum((l) => l.certificates), costEur: sum((l) => l.costEur) },
    thresholdMass,
    notes: [...notes.entries()].map(([code, n]) => ({ code, rows: n.rows, detail: n.detail })),
  };
}
