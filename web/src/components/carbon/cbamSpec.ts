/**
 * The CBAM calculator's form and the request it makes: the shipment file is the body of
 * `POST api/carbon/cbam`, the options go in the query, as for the dataset import.
 */
import type { MessageKey } from '../../i18n.js';

export const FREE_ALLOCATION = ['benchmark', 'phase_in_share', 'none'] as const;
export type FreeAllocation = (typeof FREE_ALLOCATION)[number];

export interface CbamForm {
  readonly file: File | null;
  /** as typed; empty means not priced */
  readonly price: string;
  /** as typed; empty means every year */
  readonly year: string;
  readonly freeAllocation: FreeAllocation;
  readonly allowUnverified: boolean;
}

export interface CbamRequest {
  readonly file: File;
  readonly price: number | null;
  readonly year: number | null;
  readonly freeAllocation: FreeAllocation;
  readonly allowUnverified: boolean;
}

export const DEFAULT_FORM: CbamForm = { file: null, price: '', year: '', freeAllocation: 'benchmark', allowUnverified: false };

function parsePrice(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const v = Number(text);
  return Number.isFinite(v) && v >= 0 && v <= 10_000 ? v : undefined;
}

function parseYear(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const v = Number(text);
  return Number.isInteger(v) && v >= 2026 && v <= 2100 ? v : undefined;
}

/** What keeps the form from being sent, as labels; empty when it can be. */
export function problemsOf(form: CbamForm): MessageKey[] {
  const out: MessageKey[] = [];
  if (!form.file) out.push('cbam.noFile');
  if (parsePrice(form.price) === undefined) out.push('cbam.badPrice');
  if (parseYear(form.year) === undefined) out.push('cbam.badYear');
  return out;
}

export function requestOf(form: CbamForm): CbamRequest | null {
  const price = parsePrice(form.price);
  const year = parseYear(form.year);
  if (!form.file || price === undefined || year === undefined) return null;
  return { file: form.file, price, year, freeAllocation: form.freeAllocation, allowUnverified: form.allowUnverified };
}

export function sameRequest(a: CbamRequest, b: CbamRequest): boolean {
  return a.file === b.file && a.price === b.price && a.year === b.year && a.freeAllocation === b.freeAllocation && a.allowUnverified === b.allowUnverified;
}

/** `api/carbon/cbam?file_name=…&…` for a request. */
export function cbamPath(r: CbamRequest): string {
  const q = new URLSearchParams({ file_name: r.file.name, free_allocation: r.freeAllocation, allow_unverified: String(r.allowUnverified) });
  if (r.price !== null) q.set('price', String(r.price));
  if (r.year !== null) q.set('year', String(r.year));
  return `api/carbon/cbam?${q}`;
}

/**
 * A sample shipment file with every column the calculator reads. The quantities, the declarant and the actual
 * emission values are made up (the declarant says so); the CN codes are real CBAM goods so that the file runs.
 */
export function sampleCsv(): string {
  const rows = [
    ['cn_code', 'origin', 'quantity_t', 'year', 'direct_tco2_per_t', 'indirect_tco2_per_t', 'carbon_price_paid_eur_per_t', 'benchmark_tco2_per_t', 'declarant'],
    ['72071111', 'CHN', '120', '2026', '', '', '', '', 'ILLUSTRATIVE-declarant-A'],
    ['25232900', 'CHN', '300', '2026', '', '', '', '', 'ILLUSTRATIVE-declarant-A'],
    ['76011000', 'CHN', '40', '2026', '', '', '', '', 'ILLUSTRATIVE-declarant-A'],
    ['31021019', 'CHN', '80', '2026', '', '', '', '', 'ILLUSTRATIVE-declarant-B'],
    ['25232900', 'CHN', '150', '2026', '0.70', '0.05', '10', '0.60', 'ILLUSTRATIVE-declarant-B'],
  ];
  return `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}
