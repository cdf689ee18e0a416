/** The warnings a run raised, each with its code and its message in the UI language. */
import type { Warning } from '../../../../src/core/result.js';
import { useLang } from '../../lang.js';

export function WarningList({ warnings, testId, empty }: { readonly warnings: readonly Warning[]; readonly testId?: string; readonly empty: string }) {
  const { lang, t } = useLang();
  return (
    <div className="warnings" {...(testId ? { 'data-testid': testId } : {})}>
      <div className="table-title">{t('index.warnings')}</div>
      {warnings.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="warning-list">
          {warnings.map((w, i) => (
            <li key={`${w.code}-${i}`} className="notice">
              <code className="state-code">{w.code}</code> {lang === 'zh' ? w.message.zh : w.message.en}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
