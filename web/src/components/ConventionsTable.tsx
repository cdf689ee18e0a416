/**
 * A Result's `conventions` table (option, value, note in the UI language), the option named through the message
 * keys under `prefix` where one exists. Shared by every page that shows the settings a run used.
 */
import { isMessageKey, type MessageKey } from '../i18n.js';
import { useLang } from '../lang.js';

export interface ConventionRow {
  readonly option: string;
  readonly value: string;
  readonly note_zh: string;
  readonly note_en: string;
}

export function ConventionsTable({ rows, prefix, headers, testId }: {
  readonly rows: readonly ConventionRow[];
  /** message-key prefix of the option names, e.g. `index.opt` */
  readonly prefix: string;
  readonly headers: readonly [MessageKey, MessageKey, MessageKey];
  readonly testId?: string;
}) {
  const { lang, t } = useLang();
  const optionLabel = (option: string): string => {
    const key = `${prefix}.${option.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
    return isMessageKey(key) ? t(key) : option;
  };
  return (
    <div className="table-scroll table-wide-nomax" {...(testId ? { 'data-testid': testId } : {})}>
      <table className="table conventions">
        <thead>
          <tr>{headers.map((h) => <th key={h}>{t(h)}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.option}>
              <th scope="row">{optionLabel(r.option)}</th>
              <td className="wrap mono-ish">{r.value}</td>
              <td className="wrap">{lang === 'zh' ? r.note_zh : r.note_en}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
