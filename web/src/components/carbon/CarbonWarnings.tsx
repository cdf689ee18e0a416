/** The warnings of a carbon calculation: code, message in the UI language and, where given, the file rows. */
import type { Label } from '../../../../src/core/result.js';
import { useLang } from '../../lang.js';

export interface CarbonWarning {
  readonly code: string;
  readonly message: Label;
  readonly rows?: readonly number[];
}

export function CarbonWarnings({ warnings, testId }: { readonly warnings: readonly CarbonWarning[]; readonly testId?: string }) {
  const { lang, t } = useLang();
  return (
    <div className="warnings" {...(testId ? { 'data-testid': testId } : {})}>
      <div className="table-title">{t('cbam.warningsTitle')}</div>
      {warnings.length === 0 ? (
        <p className="muted small">{t('cbam.noWarnings')}</p>
      ) : (
        <ul className="warning-list">
          {warnings.map((w, i) => (
            <li key={`${w.code}-${i}`} className="notice" data-code={w.code}>
              <code className="state-code">{w.code}</code> {lang === 'zh' ? w.message.zh : w.message.en}
              {w.rows && w.rows.length > 0 && <span className="muted small"> · {t('cbam.rows', { rows: w.rows.join(lang === 'zh' ? '、' : ', ') })}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
