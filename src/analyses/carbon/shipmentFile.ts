import { FtzError } from '../../core/errors.js';
import type { RawTable } from '../../store/import/rawTable.js';
import { isMissing, parseNumber } from '../../store/import/shape.js';

/** A shipment row as read and checked, before the law is applied. */
export interface ShipmentRow {
  readonly row: number;
  readonly cn: string;
  /** ISO 3166-1 alpha-3 where recognised, else the text as given */
  readonly origin: string;
  readonly quantityT: number;
  readonly year: number;
  readonly declarant?: string;
  readonly directPerT?: number;
  readonly indirectPerT?: number;
  readonly carbonPricePaidEurPerT?: number;
  readonly benchmarkPerT?: number;
}

const REQUIRED = ['cn_code', 'origin', 'quantity_t', 'year'] as const;
const OPTIONAL = ['direct_tco2_per_t', 'indirect_tco2_per_t', 'carbon_price_paid_eur_per_t', 'benchmark_tco2_per_t', 'declarant'] as const;
/** Columns that say the quantity is in another unit: the file needs converting, not guessing. */
const OTHER_QUANTITY_UNITS: Readonly<Record<string, string>> = { quantity_kg: 'kg', quantity: 'unstated', quantity_lb: 'lb', net_mass_kg: 'kg', quantity_mt: 'ambiguous (tonnes or million tonnes?)' };
/** A specific emission above this many tCO2e per tonne is almost surely kg per tonne (the largest defaults are ~20). */
const MAX_PLAUSIBLE_PER_T = 100;

const ORIGINS: Readonly<Record<string, string>> = {
  chn: 'CHN', cn: 'CHN', china: 'CHN', '中国': 'CHN', "people's republic of china": 'CHN', prc: 'CHN', '中华人民共和国': 'CHN',
};

/**
 * Reads a shipment table (columns `cn_code, origin, quantity_t, year`, optionally `direct_tco2_per_t,
 * indirect_tco2_per_t, carbon_price_paid_eur_per_t, benchmark_tco2_per_t, declarant`). Every problem is a
 * coded error naming the file, the row and the column: a missing column or quantity, a negative or
 * non-numeric number, a unit that is not tonnes (a `quantity_kg` column, a cell such as `1200 kg`, an
 * intensity in kg per tonne).
 */
export function readShipments(raw: RawTable, file: string): ShipmentRow[] {
  const header = raw.header.map((h) => h.trim().toLowerCase());
  for (const col of REQUIRED) {
    if (header.includes(col)) continue;
    if (col === 'quantity_t') {
      const other = header.find((h) => h in OTHER_QUANTITY_UNITS);
      if (other) throw new FtzError('carbon.bad_unit', { file, row: raw.headerRow, column: other, value: other, expected: 'a quantity_t column in tonnes (divide kilograms by 1,000)' });
    }
    throw new FtzError('import.missing_column', { file, column: col, layout: 'CBAM shipments', found: [...raw.header] });
  }
  const at = (name: string): number => header.indexOf(name);
  const out: ShipmentRow[] = [];
  raw.rows.forEach((cells, i) => {
    const row = raw.rowNumbers[i] as number;
    const cell = (name: string): string | null => {
      const j = at(name);
      return j < 0 ? null : (cells[j] ?? null);
    };
    const number = (name: string, required: boolean, unit: string): number | undefined => {
      const v = cell(name);
      if (isMissing(v)) {
        if (required) throw new FtzError('carbon.bad_quantity', { file, row, column: name, value: v ?? '', reason: 'missing; every shipment needs it' });
        return undefined;
      }
      const text = (v as string).trim();
      const parsed = parseNumber(text);
      if (parsed === undefined) {
        if (/\d\s*(kg|公斤|千克|lb|g)\s*$/i.test(text)) throw new FtzError('carbon.bad_unit', { file, row, column: name, value: text, expected: unit });
        throw new FtzError('import.non_numeric', { file, row, column: name, value: text });
      }
      if (parsed < 0) throw new FtzError('carbon.bad_quantity', { file, row, column: name, value: text, reason: 'negative; quantities, emissions and prices cannot be below zero' });
      return parsed;
    };
    const cnText = (cell('cn_code') ?? '').trim();
    if (cnText === '') throw new FtzError('carbon.bad_quantity', { file, row, column: 'cn_code', value: '', reason: 'missing; every shipment needs its CN code' });
    const yearText = (cell('year') ?? '').trim();
    const year = Number(yearText.replace(/年$/, ''));
    if (!/^\d{4}(年)?$/.test(yearText) || year < 2000 || year > 2100) throw new FtzError('import.bad_year', { file, row, column: 'year', value: yearText });
    const quantityT = number('quantity_t', true, 'tonnes (t); divide kilograms by 1,000') as number;
    const perT = (name: string): number | undefined => {
      const v = number(name, false, 'tCO2e per tonne of good');
      if (v !== undefined && v > MAX_PLAUSIBLE_PER_T) throw new FtzError('carbon.bad_unit', { file, row, column: name, value: String(v), expected: `tCO2e per tonne (values above ${MAX_PLAUSIBLE_PER_T} look like kgCO2e per tonne: divide by 1,000)` });
      return v;
    };
    const directPerT = perT('direct_tco2_per_t');
    const indirectPerT = perT('indirect_tco2_per_t');
    const benchmarkPerT = perT('benchmark_tco2_per_t');
    if (indirectPerT !== undefined && directPerT === undefined) {
      throw new FtzError('carbon.bad_quantity', { file, row, column: 'direct_tco2_per_t', value: '', reason: 'an actual indirect value needs the actual direct value of the same installation' });
    }
    const carbonPricePaidEurPerT = number('carbon_price_paid_eur_per_t', false, 'EUR per tCO2e');
    const originText = (cell('origin') ?? '').trim();
    if (originText === '') throw new FtzError('carbon.bad_quantity', { file, row, column: 'origin', value: '', reason: 'missing; default values depend on the country of origin' });
    const declarant = (cell('declarant') ?? '').trim();
    out.push({
      row, cn: cnText, origin: ORIGINS[originText.toLowerCase()] ?? originText.toUpperCase(), quantityT, year,
      ...(declarant ? { declarant } : {}),
      ...(directPerT !== undefined ? { directPerT } : {}), ...(indirectPerT !== undefined ? { indirectPerT } : {}),
      ...(carbonPricePaidEurPerT !== undefined ? { carbonPricePaidEurPerT } : {}), ...(benchmarkPerT !== undefined ? { benchmarkPerT } : {}),
    });
  });
  if (out.length === 0) throw new FtzError('import.no_rows', { file });
  return out;
}

export const SHIPMENT_COLUMNS = { required: REQUIRED, optional: OPTIONAL };
