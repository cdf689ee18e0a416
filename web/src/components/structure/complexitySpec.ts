/**
 * The economic-complexity form: a long region × product file is uploaded as a dataset (POST api/datasets, in
 * the table layout, so that region names need not be provinces), its columns are chosen from the header the
 * import reports, and the complexity run reads that dataset version.
 */
import type { complexityFile } from '../../../../src/analyses/structure/complexityFile.js';
import type { DatasetColumn, DatasetSummary } from '../../../../src/server/apiTypes.js';
import type { MessageKey } from '../../i18n.js';

export type ComplexityOutput = Awaited<ReturnType<typeof complexityFile>>;

export const METHODS = ['eigen', 'reflections', 'fitness'] as const;
export type ComplexityMethod = (typeof METHODS)[number];

export interface ComplexityForm {
  readonly file: File | null;
  /** chosen columns; null follows the guess from the header the upload reports */
  readonly region: string | null;
  readonly product: string | null;
  readonly value: string | null;
  readonly method: ComplexityMethod;
  /** as typed */
  readonly rcaThreshold: string;
  /** as typed: how many opportunities per region */
  readonly opportunities: string;
}

export const DEFAULT_COMPLEXITY_FORM: ComplexityForm = { file: null, region: null, product: null, value: null, method: 'eigen', rcaThreshold: '1', opportunities: '10' };

export interface ComplexityRequest {
  readonly dataset: string;
  readonly version: number;
  readonly region: string;
  readonly product: string;
  readonly value: string;
  readonly method: ComplexityMethod;
  readonly rcaThreshold: number;
  readonly opportunities: number;
}

/** A dataset name the server accepts, from a file name: letters, digits, CJK, _ and - only. */
export function datasetNameOf(file: string): string {
  const base = file.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '');
  return `complexity_${base || 'data'}`.slice(0, 64);
}

/** `api/datasets?…` for an upload: the table layout keeps every column as it is (no province matching). */
export function uploadPath(file: File): string {
  const q = new URLSearchParams({ dataset: datasetNameOf(file.name), file_name: file.name, layout: 'table' });
  return `api/datasets?${q}`;
}

const numeric = (c: DatasetColumn) => c.type === 'number' || c.type === 'integer';

function pick(columns: readonly DatasetColumn[], pattern: RegExp, ok: (c: DatasetColumn) => boolean, taken: readonly string[]): string {
  const free = columns.filter((c) => ok(c) && !taken.includes(c.name));
  return (free.find((c) => pattern.test(c.name)) ?? free[0])?.name ?? '';
}

/** Columns offered for a freshly uploaded file: names that say region, product and value, else text, text, number. */
export function guessColumns(columns: readonly DatasetColumn[]): { readonly region: string; readonly product: string; readonly value: string } {
  const value = pick(columns, /value|export|trade|amount|出口|金额|贸易|值/i, numeric, []);
  const region = pick(columns, /region|country|location|exporter|province|city|地区|国家|省|市|区域/i, (c) => !numeric(c), [value]);
  const product = pick(columns, /product|hs|sitc|industry|sector|commodity|产品|商品|行业|产业/i, (c) => !numeric(c), [value, region]);
  return { region, product, value };
}

function positive(text: string): number | null {
  const v = Number(text);
  return text.trim() !== '' && Number.isFinite(v) && v > 0 ? v : null;
}

function count(text: string): number | null {
  const v = Number(text);
  return text.trim() !== '' && Number.isInteger(v) && v >= 0 && v <= 50 ? v : null;
}

/** The columns in use: the user's picks where made (and still in the file), the guess otherwise. */
export function columnsOf(form: ComplexityForm, dataset: DatasetSummary | null): { readonly region: string; readonly product: string; readonly value: string } {
  if (!dataset) return { region: '', product: '', value: '' };
  const guess = guessColumns(dataset.columns);
  const pickOr = (v: string | null, g: string) => (v === null ? g : v === '' || dataset.columns.some((c) => c.name === v) ? v : g);
  return { region: pickOr(form.region, guess.region), product: pickOr(form.product, guess.product), value: pickOr(form.value, guess.value) };
}

export function problemsOf(form: ComplexityForm, dataset: DatasetSummary | null): MessageKey[] {
  const out: MessageKey[] = [];
  if (!dataset) return ['structure.cx.noDataset'];
  const cols = columnsOf(form, dataset);
  if (!cols.region || !cols.product || !cols.value) out.push('structure.cx.noColumns');
  else if (new Set([cols.region, cols.product, cols.value]).size < 3) out.push('structure.cx.sameColumn');
  if (positive(form.rcaThreshold) === null) out.push('structure.cx.badRca');
  if (count(form.opportunities) === null) out.push('structure.cx.badOpportunities');
  return out;
}

export function requestOf(form: ComplexityForm, dataset: DatasetSummary | null): ComplexityRequest | null {
  if (!dataset || problemsOf(form, dataset).length > 0) return null;
  const cols = columnsOf(form, dataset);
  return {
    dataset: dataset.name,
    version: dataset.version,
    region: cols.region,
    product: cols.product,
    value: cols.value,
    method: form.method,
    rcaThreshold: positive(form.rcaThreshold) as number,
    opportunities: count(form.opportunities) as number,
  };
}

/**
 * A sample long file: six made-up regions and eight made-up products with a nested export pattern, so that the
 * ranking is well defined. Every name says ILLUSTRATIVE; the numbers are invented.
 */
export function sampleCsv(): string {
  const regions = ['ILLUSTRATIVE-R1', 'ILLUSTRATIVE-R2', 'ILLUSTRATIVE-R3', 'ILLUSTRATIVE-R4', 'ILLUSTRATIVE-R5', 'ILLUSTRATIVE-R6'];
  const products = ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08'];
  const rows = [['region', 'product', 'export_value']];
  regions.forEach((r, i) => {
    products.forEach((p, k) => {
      // region i exports products 0…(7 − i) strongly and the rest a little: a nested pattern
      const strong = k <= products.length - 1 - i;
      const v = strong ? 100 + 37 * ((i * 3 + k * 5) % 7) : 2 + ((i + k) % 3);
      rows.push([r, `ILLUSTRATIVE-${p}`, String(v)]);
    });
  });
  return `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}
