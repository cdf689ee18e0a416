import { basename } from 'node:path';
import { FtzError } from '../../core/errors.js';
import { buildProvenance } from '../../core/provenance.js';
import type { Label, Provenance } from '../../core/result.js';
import { tradeEmbodiedEmissions, type TradeEmbodiedResult } from '../../methods/carbon/tradeEmbodied.js';
import { listSources } from '../../store/catalog.js';
import type { Db } from '../../store/duckdb.js';
import { readRawTable } from '../../store/import/importFile.js';
import type { RawTable } from '../../store/import/rawTable.js';
import { isMissing, parseNumber } from '../../store/import/shape.js';

export interface TradeEmbodiedOutput extends Omit<TradeEmbodiedResult, 'rows'> {
  readonly kind: 'carbon.embodied';
  readonly unit: string;
  readonly rows: readonly (TradeEmbodiedResult['rows'][number] & { line: number })[];
  readonly warnings: readonly { code: string; message: Label }[];
  readonly provenance: Provenance;
}

function column(raw: RawTable, file: string, names: readonly string[], layout: string): number {
  const header = raw.header.map((h) => h.trim().toLowerCase());
  const i = header.findIndex((h) => names.includes(h));
  if (i < 0) throw new FtzError('import.missing_column', { file, column: names[0] as string, layout, found: [...raw.header] });
  return i;
}

function amountAt(raw: RawTable, r: number, c: number, file: string, name: string): number {
  const cell = raw.rows[r]?.[c] ?? null;
  const row = raw.rowNumbers[r] as number;
  if (isMissing(cell)) throw new FtzError('carbon.bad_quantity', { file, row, column: name, value: cell ?? '', reason: 'missing' });
  const v = parseNumber(cell as string);
  if (v === undefined) throw new FtzError('import.non_numeric', { file, row, column: name, value: cell as string });
  if (v < 0) throw new FtzError('carbon.bad_quantity', { file, row, column: name, value: cell as string, reason: 'negative' });
  return v;
}

/**
 * Emissions embodied in trade flows: a trade file (`hs_code, partner, amount`) split over ISIC Rev.4 classes by
 * the bundled HS → ISIC concordance (equal shares where an HS code maps to several classes; HS8/HS10 lines use
 * their HS6 code) and multiplied by the user's intensity table (`isic4, intensity`, emissions per unit of
 * amount). Trade that finds no concordance line or no intensity is listed, never dropped.
 */
export async function tradeEmbodied(store: Db, trade: { bytes: Uint8Array; fileName: string }, intensities: { bytes: Uint8Array; fileName: string }): Promise<TradeEmbodiedOutput> {
  const tFile = basename(trade.fileName);
  const iFile = basename(intensities.fileName);
  const t = (await readRawTable(trade.bytes, { fileName: trade.fileName, encoding: 'auto' })).raw;
  const it = (await readRawTable(intensities.bytes, { fileName: intensities.fileName, encoding: 'auto' })).raw;
  const hsCol = column(t, tFile, ['hs_code', 'hs', 'hs6'], 'trade flows (hs_code, partner, amount)');
  const partnerCol = column(t, tFile, ['partner', 'partner_country'], 'trade flows (hs_code, partner, amount)');
  const amountCol = column(t, tFile, ['amount', 'value', 'quantity'], 'trade flows (hs_code, partner, amount)');
  const isicCol = column(it, iFile, ['isic4', 'isic'], 'intensities (isic4, intensity, unit)');
  const intensityCol = column(it, iFile, ['intensity'], 'intensities (isic4, intensity, unit)');
  const unitCol = it.header.findIndex((h) => h.trim().toLowerCase() === 'unit');
  const rows = t.rows.map((cells, r) => ({ hs: (cells[hsCol] ?? '').trim(), partner: (cells[partnerCol] ?? '').trim(), amount: amountAt(t, r, amountCol, tFile, t.header[amountCol] as string) }));
  const table = new Map<string, number>();
  it.rows.forEach((cells, r) => {
    const code = (cells[isicCol] ?? '').trim();
    if (table.has(code)) throw new FtzError('import.duplicate_key', { file: iFile, row: it.rowNumbers[r] as number, firstRow: 0, key: code });
    table.set(code, amountAt(it, r, intensityCol, iFile, 'intensity'));
  });
  const units = new Set(unitCol < 0 ? [] : it.rows.map((c) => (c[unitCol] ?? '').trim()).filter(Boolean));
  const concordance = await store.all<{ hs: string; isic: string }>('SELECT DISTINCT hs6 AS hs, isic4 AS isic FROM hs_isic4 ORDER BY hs, isic');
  const r = tradeEmbodiedEmissions(rows, concordance, table, { prefixMatch: true });
  const warnings: { code: string; message: Label }[] = [
    { code: 'embodied.equal_split', message: { zh: '一个 HS 编码对应多个 ISIC 类别时按等份分摊（对照表未给出权重）', en: 'an HS code mapped to several ISIC classes is split equally (the concordance gives no weights)' } },
  ];
  if (r.unmatchedHs.length) warnings.push({ code: 'embodied.unmatched_hs', message: { zh: `${r.unmatchedHs.length} 个 HS 编码不在对照表中，其贸易额未计排放`, en: `${r.unmatchedHs.length} HS code(s) are not in the concordance: their trade carries no emissions` } });
  if (r.missingIntensities.length) warnings.push({ code: 'embodied.missing_intensity', message: { zh: `${r.missingIntensities.length} 个 ISIC 类别缺少排放强度，相应贸易额未计排放`, en: `${r.missingIntensities.length} ISIC class(es) have no intensity: the trade assigned to them carries no emissions` } });
  if (units.size > 1) warnings.push({ code: 'embodied.mixed_units', message: { zh: `强度表含多个单位：${[...units].join('、')}`, en: `the intensity table mixes units: ${[...units].join(', ')}` } });
  const sourceIds = new Set(['hs.concordance_hs_isic4']);
  const sources = (await listSources(store)).filter((s) => sourceIds.has(s.id)).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence }));
  return {
    kind: 'carbon.embodied', unit: [...units].join(', '),
    ...r, rows: r.rows.map((row) => ({ ...row, line: t.rowNumbers[row.index] as number })),
    warnings, provenance: await buildProvenance(store, { sources, options: { trade: tFile, intensities: iFile, prefixMatch: true } }),
  };
}
