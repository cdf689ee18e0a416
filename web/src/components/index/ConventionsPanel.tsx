/** Every convention the run used, with a note in the UI language, and the warnings it raised. */
import { useLang } from '../../lang.js';
import { ConventionsTable } from '../ConventionsTable.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, rowsOf, text, type Result } from './result.js';
import { WarningList } from './WarningList.js';

export function ConventionsPanel({ result }: { readonly result: Result }) {
  const { t } = useLang();
  const table = findTable(result, 'conventions');
  return (
    <ResultPanel title={t('index.conventionsTitle')} testId="conventions-panel">
      <WarningList warnings={result.warnings} testId="index-warnings" empty={t('index.noWarnings')} />
      {table && (
        <ConventionsTable
          testId="conventions-table"
          prefix="index.opt"
          headers={['index.option', 'index.value', 'index.note']}
          rows={rowsOf(table).map((r) => ({ option: text(r['option']), value: text(r['value']), note_zh: text(r['note_zh']), note_en: text(r['note_en']) }))}
        />
      )}
    </ResultPanel>
  );
}
