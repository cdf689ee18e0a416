/**
 * The run's tables as CSV files, made in the browser (the server exports index runs only): one file per table,
 * UTF-8 with a byte-order mark so that Excel reads the Chinese, headers in the UI language, numbers unrounded.
 */
import type { Lang } from '../../../../src/server/apiTypes.js';
import { saveFile } from '../../api.js';
import { useLang } from '../../lang.js';
import { headerText, labelOf, rowCount, type Result, type Table } from '../index/result.js';

const TABLES = ['estimates', 'event_study', 'pretest', 'placebo', 'placebo_density', 'heterogeneity_batch', 'heterogeneity_location', 'mechanisms', 'timing', 'conventions'] as const;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableCsv(table: Table, lang: Lang): string {
  const lines = [table.columns.map((c) => csvCell(headerText(c.label, lang))).join(',')];
  for (let i = 0; i < rowCount(table); i++) lines.push(table.columns.map((c) => csvCell(c.values[i])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function CsvExport({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const tables = TABLES.flatMap((name) => result.tables.filter((tb) => tb.name === name));
  return (
    <div className="export" data-testid="effect-export">
      <span className="control-label">{t('effect.exportCsv')}</span>
      {tables.map((tb) => (
        <button
          key={tb.name}
          type="button"
          className="btn btn-small"
          data-testid={`export-csv-${tb.name}`}
          title={labelOf(tb.title, lang)}
          onClick={() => saveFile({ blob: new Blob([tableCsv(tb, lang)], { type: 'text/csv;charset=utf-8' }), fileName: `ftz-effect-${tb.name}-${lang}.csv` })}
        >
          ⤓ {t(`effect.csv.${tb.name as (typeof TABLES)[number]}`)}
        </button>
      ))}
      <span className="muted small">{t('effect.exportHint')}</span>
    </div>
  );
}
