/** The warnings of a structure analysis: code and message in the UI language. */
import type { Label } from '../../../../src/core/result.js';
import { useLang } from '../../lang.js';

export function StructureWarnings({ warnings, testId }: { readonly warnings: readonly { readonly code: string; readonly message: Label }[]; readonly testId: string }) {
  const { lang, t } = useLang();
  if (warnings.length === 0) return null;
  return (
    <div className="warnings" data-testid={testId}>
      <div className="table-title">{t('structure.warningsTitle')}</div>
      <ul className="warning-list">
        {warnings.map((w, i) => (
          <li key={`${w.code}-${i}`} className="notice" data-code={w.code}>
            <code className="state-code">{w.code}</code> {lang === 'zh' ? w.message.zh : w.message.en}
          </li>
        ))}
      </ul>
    </div>
  );
}
