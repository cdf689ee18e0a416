/** Classification codes of a positioning item as chips: the code and its name in the UI language. */
import type { Label } from '../../../../src/core/result.js';
import { useLang } from '../../lang.js';
import { codeName, type CodeLevel } from './labels.js';

export function CodeChips({ level, codes, testId }: { readonly level: CodeLevel; readonly codes: readonly { readonly code: string; readonly name: Label; readonly items?: number }[]; readonly testId?: string }) {
  const { lang, t } = useLang();
  return (
    <span className="code-chips" {...(testId ? { 'data-testid': testId } : {})}>
      {codes.map((c) => {
        const name = codeName(level, c.code, c.name, lang, t);
        return (
          <span key={c.code} className={`chip code-chip code-chip-${level}`} data-code={c.code} title={name.fallback ? t('structure.noEnglishName') : undefined}>
            <span className="code-chip-code">{c.code}</span> <span {...(name.fallback ? { lang: 'zh-CN' } : {})}>{name.text}</span>
            {c.items !== undefined && <span className="code-chip-count"> × {c.items}</span>}
          </span>
        );
      })}
    </span>
  );
}
