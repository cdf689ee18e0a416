/**
 * The settings a scorecard was computed with, folded away until asked for, with the warnings it raised (shown
 * above the results as well when there are any).
 */
import { isMessageKey } from '../../i18n.js';
import { useLang } from '../../lang.js';
import { WarningList } from '../index/WarningList.js';
import { tableRows, text, type Result } from './scorecard.js';

const optionKey = (option: string): string => `scorecard.opt.${option.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;

export function ScorecardWarnings({ result }: { readonly result: Result }) {
  const { t } = useLang();
  return <WarningList warnings={result.warnings} testId="sc-warnings" empty={t('scorecard.noWarnings')} />;
}

export function ConventionsDetails({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const rows = tableRows(result, 'conventions');
  if (rows.length === 0) return null;
  return (
    <details className="panel sc-conventions" data-testid="sc-conventions">
      <summary className="panel-title">{t('scorecard.conventions')}</summary>
      <ScorecardWarnings result={result} />
      <div className="table-scroll table-wide-nomax">
        <table className="table conventions">
          <thead>
            <tr>
              <th>{t('scorecard.col.option')}</th>
              <th>{t('scorecard.col.setting')}</th>
              <th>{t('scorecard.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const option = text(r['option']);
              const key = optionKey(option);
              return (
                <tr key={option}>
                  <th scope="row">{isMessageKey(key) ? t(key) : option}</th>
                  <td className="wrap mono-ish">{text(r['value'])}</td>
                  <td className="wrap">{text(lang === 'zh' ? r['note_zh'] : r['note_en'])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
