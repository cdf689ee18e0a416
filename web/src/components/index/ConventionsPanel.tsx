/** Every convention the run used, with a note in the UI language, and the warnings it raised. */
import { isMessageKey } from '../../i18n.js';
import { useLang } from '../../lang.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, rowsOf, text, type Result } from './result.js';
import { WarningList } from './WarningList.js';

function optionKey(option: string): string {
  return `index.opt.${option.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
}

export function ConventionsPanel({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'conventions');
  const rows = table ? rowsOf(table) : [];
  const optionLabel = (option: string) => {
    const key = optionKey(option);
    return isMessageKey(key) ? t(key) : option;
  };
  return (
    <ResultPanel title={t('index.conventionsTitle')} testId="conventions-panel">
      <WarningList warnings={result.warnings} testId="index-warnings" empty={t('index.noWarnings')} />
      {table && (
        <div className="table-scroll table-wide-nomax" data-testid="conventions-table">
          <table className="table conventions">
            <thead>
              <tr>
                <th>{t('index.option')}</th>
                <th>{t('index.value')}</th>
                <th>{t('index.note')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const option = text(r['option']);
                return (
                  <tr key={option}>
                    <th scope="row">{optionLabel(option)}</th>
                    <td className="wrap mono-ish">{text(r['value'])}</td>
                    <td className="wrap">{text(lang === 'zh' ? r['note_zh'] : r['note_en'])}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </ResultPanel>
  );
}
