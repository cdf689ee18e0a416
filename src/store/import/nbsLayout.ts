import { FtzError } from '../../core/errors.js';
import type { RawTable } from './rawTable.js';

/**
 * The NBS data portal (data.stats.gov.cn, 分省年度数据) exports a CSV with three preamble lines
 * (数据库：…, 指标：name(unit), 时间：…), a header `地区,2024年,2023年,…`, one row per region, and
 * footnotes (注：…, 数据来源：国家统计局). This turns it into long rows `地区, 年份, 指标, 单位, 值`.
 */
export function isNbsExport(text: string): boolean {
  return /^\s*数据库[:：]/.test(text.slice(0, 200));
}

export interface NbsParsed {
  readonly table: RawTable;
  readonly indicator: string;
  readonly unit: string;
  readonly database: string;
}

export function parseNbsExport(grid: RawTable, file: string): NbsParsed {
  // The generic CSV parser saw line 1 as header; the NBS preamble is rebuilt from header + rows.
  const lines: { line: number; cells: readonly (string | null)[] }[] = [
    { line: grid.headerRow, cells: grid.header },
    ...grid.rows.map((cells, i) => ({ line: grid.rowNumbers[i] as number, cells })),
  ];
  let database = '';
  let indicatorRaw = '';
  let headerAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const first = (lines[i]?.cells[0] ?? '').trim();
    if (/^数据库[:：]/.test(first)) database = first.replace(/^数据库[:：]/, '').trim();
    else if (/^指标[:：]/.test(first)) indicatorRaw = first.replace(/^指标[:：]/, '').trim();
    else if (first === '地区' || first === '地区名称') { headerAt = i; break; }
  }
  if (headerAt < 0) {
    throw new FtzError('import.nbs_layout', { file, line: grid.headerRow, reason: 'no header row starting with 地区 was found' });
  }
  if (!indicatorRaw) {
    throw new FtzError('import.nbs_layout', { file, line: grid.headerRow, reason: 'the 指标： line is missing' });
  }
  const m = /^(.*?)[(（]([^()（）]*)[)）]\s*$/.exec(indicatorRaw);
  const indicator = (m ? m[1] : indicatorRaw)?.trim() ?? indicatorRaw;
  const unit = m ? (m[2] ?? '').trim() : '';
  const head = lines[headerAt] as { line: number; cells: readonly (string | null)[] };
  const years: { col: number; year: string }[] = [];
  head.cells.forEach((c, col) => {
    const y = /^(\d{4})年?$/.exec((c ?? '').trim());
    if (col > 0 && y) years.push({ col, year: y[1] as string });
  });
  if (years.length === 0) {
    throw new FtzError('import.nbs_layout', { file, line: head.line, reason: 'the header has no year columns such as 2023年' });
  }
  const rows: (string | null)[][] = [];
  const rowNumbers: number[] = [];
  for (const l of lines.slice(headerAt + 1)) {
    const region = (l.cells[0] ?? '').trim();
    if (region === '' || /^(注|数据来源)[:：]/.test(region)) continue;
    for (const { col, year } of years) {
      const v = (l.cells[col] ?? '').trim();
      if (v === '') continue; // the portal leaves unpublished cells empty: a gap, not a zero
      rows.push([region, year, indicator, unit, v]);
      rowNumbers.push(l.line);
    }
  }
  return {
    table: { header: ['地区', '年份', '指标', '单位', '值'], rows, rowNumbers, headerRow: head.line },
    indicator, unit, database,
  };
}
