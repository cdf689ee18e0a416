import { FtzError } from '../../core/errors.js';
import { frameworkLeaves, type Framework } from './frameworkSchema.js';
import type { SeriesPanel } from './panel.js';

/**
 * The framework's indicators computed from stored series for every region–year: a series as it is, or a
 * ratio (NaN when either part is missing or the denominator is 0, never a filled value).
 */
export interface LeafPanel {
  readonly regions: readonly string[];
  readonly years: readonly number[];
  readonly codes: readonly string[];
  /** leaf code → region × year values */
  readonly values: ReadonlyMap<string, Float64Array>;
  /** leaf code → source ids of the series it uses */
  readonly sources: ReadonlyMap<string, readonly string[]>;
}

export function computeLeaves(framework: Framework, panel: SeriesPanel): LeafPanel {
  const leaves = frameworkLeaves(framework).map((l) => l.leaf);
  const cells = panel.regions.length * panel.years.length;
  const values = new Map<string, Float64Array>();
  const sources = new Map<string, readonly string[]>();
  const series = (code: string): Float64Array => {
    const v = panel.values.get(code);
    if (!v || panel.unknown.includes(code)) throw new FtzError('index.unknown_indicator', { framework: framework.id, code });
    return v;
  };
  for (const leaf of leaves) {
    const out = new Float64Array(cells);
    const f = leaf.formula;
    if (f.op === 'value') {
      out.set(series(f.of));
      sources.set(leaf.code, panel.sources.get(f.of) ?? []);
    } else {
      const num = series(f.num);
      const den = series(f.den);
      for (let i = 0; i < cells; i++) {
        const d = den[i] as number;
        out[i] = d === 0 ? Number.NaN : ((num[i] as number) / d) * f.scale;
      }
      sources.set(leaf.code, [...new Set([...(panel.sources.get(f.num) ?? []), ...(panel.sources.get(f.den) ?? [])])].sort());
    }
    values.set(leaf.code, out);
  }
  return { regions: panel.regions, years: panel.years, codes: leaves.map((l) => l.code), values, sources };
}

export interface MissingCell {
  readonly region: string;
  readonly year: number;
  readonly indicators: readonly string[];
}

/** Region–years lacking at least one indicator, with the indicators they lack. */
export function missingCells(p: LeafPanel): MissingCell[] {
  const out: MissingCell[] = [];
  p.regions.forEach((region, r) => {
    p.years.forEach((year, t) => {
      const i = r * p.years.length + t;
      const lacking = p.codes.filter((c) => Number.isNaN((p.values.get(c) as Float64Array)[i] as number));
      if (lacking.length > 0) out.push({ region, year, indicators: lacking });
    });
  });
  return out;
}
