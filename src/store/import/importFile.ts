import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { FtzError } from '../../core/errors.js';
import type { Warning } from '../../core/result.js';
import { parseDelimited } from './csvParse.js';
import { decodeText, type EncodingOption } from './decode.js';
import { isNbsExport, parseNbsExport } from './nbsLayout.js';
import { readParquet } from './parquetRead.js';
import type { RawTable } from './rawTable.js';
import type { RegionMatcher } from './regionMatcher.js';
import { shapeTable, type Layout, type ShapedTable } from './shape.js';
import { readXlsx } from './xlsxRead.js';

export interface ImportLimits {
  /** bytes of the file itself */
  readonly maxFileBytes: number;
  /** characters in one cell */
  readonly maxCell: number;
  /** declared unpacked bytes of an XLSX */
  readonly maxUnpacked: number;
  readonly maxHeapMb: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  maxCell: 32 * 1024,
  maxUnpacked: 200 * 1024 * 1024,
  maxHeapMb: 1024,
};

export interface ParseFileOptions {
  readonly fileName: string;
  /** where the bytes came from on disk, when they did (Parquet is read from the path) */
  readonly path?: string;
  readonly dataset: string;
  readonly matcher: RegionMatcher;
  readonly encoding: EncodingOption;
  readonly sheet?: string;
  readonly layout?: Layout | 'auto';
  readonly regionCol?: string;
  readonly yearCol?: string;
  readonly indicatorCol?: string;
  readonly valueCol?: string;
  readonly limits?: Partial<ImportLimits>;
  readonly onProgress?: (stage: string) => void;
}

export interface ParsedFile {
  readonly shaped: ShapedTable;
  readonly encoding: string;
  readonly sha256: string;
  readonly warnings: readonly Warning[];
}

const TEXT_EXT = new Set(['.csv', '.tsv', '.txt']);

export interface RawFile {
  readonly raw: RawTable;
  readonly encoding: string;
  /** the unit an NBS export states in its preamble */
  readonly nbsUnit?: string;
  readonly layout?: Layout | 'auto';
}

/**
 * The untyped table in a file: size check, format by content and extension, decoding (UTF-8 / GBK / GB18030)
 * and parsing of CSV, TSV, XLSX (in a heap-capped worker) or Parquet. Problems throw coded FtzErrors.
 */
export async function readRawTable(bytes: Uint8Array, options: Pick<ParseFileOptions, 'fileName' | 'path' | 'encoding' | 'sheet' | 'layout' | 'limits' | 'onProgress'>): Promise<RawFile> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const file = basename(options.fileName);
  const progress = options.onProgress ?? (() => {});
  if (bytes.length > limits.maxFileBytes) {
    throw new FtzError('import.file_too_large', { file, size: bytes.length, limit: limits.maxFileBytes });
  }
  if (bytes.length === 0) throw new FtzError('import.empty_file', { file });
  const ext = extname(file).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isParquet = bytes.length >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) === 'PAR1';
  if (ext === '.xlsx' || (isZip && ext !== '.parquet')) {
    progress('reading workbook');
    const raw = await readXlsx(bytes, {
      file, sheet: options.sheet ?? null, maxCell: limits.maxCell, maxUnpacked: limits.maxUnpacked,
      maxHeapMb: limits.maxHeapMb,
    });
    return { raw, encoding: 'binary', ...(options.layout !== undefined ? { layout: options.layout } : {}) };
  }
  if (ext === '.parquet' || isParquet) {
    if (!options.path) throw new FtzError('import.parquet_invalid', { file, reason: 'Parquet is read from a file path' });
    progress('reading Parquet');
    return { raw: await readParquet(options.path, file), encoding: 'binary', ...(options.layout !== undefined ? { layout: options.layout } : {}) };
  }
  if (!TEXT_EXT.has(ext)) throw new FtzError('import.unsupported_format', { file, extension: ext || '(none)' });
  progress('decoding');
  const decoded = decodeText(bytes, options.encoding, file);
  if (decoded.text.trim() === '') throw new FtzError('import.empty_file', { file });
  progress('parsing');
  const layout = options.layout;
  if (isNbsExport(decoded.text) && (layout === undefined || layout === 'auto' || layout === 'nbs')) {
    const grid = parseDelimited(decoded.text, { file, maxCell: limits.maxCell, ragged: true, delimiter: ',' });
    const nbs = parseNbsExport(grid, file);
    return { raw: nbs.table, encoding: decoded.encoding, layout: 'nbs', ...(nbs.unit !== undefined ? { nbsUnit: nbs.unit } : {}) };
  }
  const raw = parseDelimited(decoded.text, { file, maxCell: limits.maxCell, ...(ext === '.tsv' ? { delimiter: '\t' } : {}) });
  return { raw, encoding: decoded.encoding, ...(layout !== undefined ? { layout } : {}) };
}

/**
 * Everything an import does before touching the database: reading the raw table ({@link readRawTable}),
 * then layout and types. Any problem throws a coded FtzError, so nothing is written.
 */
export async function parseImportFile(bytes: Uint8Array, options: ParseFileOptions): Promise<ParsedFile> {
  const file = basename(options.fileName);
  const progress = options.onProgress ?? (() => {});
  const { raw, encoding, nbsUnit, layout } = await readRawTable(bytes, options);
  progress(`typing ${raw.rows.length} rows`);
  const shaped = shapeTable(raw, options.matcher, {
    file, dataset: options.dataset,
    ...(layout !== undefined ? { layout } : {}),
    ...(options.regionCol !== undefined ? { regionCol: options.regionCol } : {}),
    ...(options.yearCol !== undefined ? { yearCol: options.yearCol } : {}),
    ...(options.indicatorCol !== undefined ? { indicatorCol: options.indicatorCol } : {}),
    ...(options.valueCol !== undefined ? { valueCol: options.valueCol } : {}),
  });
  const shapedWithUnit: ShapedTable =
    nbsUnit !== undefined
      ? { ...shaped, indicators: shaped.indicators.map((i) => ({ ...i, unit: i.unit || nbsUnit })) }
      : shaped;
  return {
    shaped: shapedWithUnit,
    encoding,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    warnings: shaped.warnings,
  };
}
