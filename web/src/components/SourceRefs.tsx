/** The pages behind one registry field, folded away until the reader asks for them. */
import type { SourceRef, SourcedField } from '../../../src/store/zoneTypes.js';
import { formatDate } from '../format.js';
import { isMessageKey } from '../i18n.js';
import { useLang } from '../lang.js';

function isLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function SourceItem({ source }: { readonly source: SourceRef }) {
  const { lang, t } = useLang();
  const kindKey = `kind.${source.kind}`;
  return (
    <li className="source-ref">
      <div className="source-ref-head">
        {isLink(source.url) ? (
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {source.doc || source.url}
          </a>
        ) : (
          <span>{source.doc || source.url}</span>
        )}
        {source.kind && <span className="chip">{isMessageKey(kindKey) ? t(kindKey) : source.kind}</span>}
        {source.date && <span className="muted">{formatDate(source.date, lang)}</span>}
      </div>
      {source.quote && <blockquote className="quote">{source.quote}</blockquote>}
      {!isLink(source.url) && source.url && source.url !== source.doc && <div className="muted small">{source.url}</div>}
    </li>
  );
}

export interface SourceRefsProps<T> {
  readonly field: SourcedField<T>;
  /** how to show an alternative reading of a conflicting field */
  readonly renderValue: (value: T) => string;
}

export function SourceRefs<T>({ field, renderValue }: SourceRefsProps<T>) {
  const { t } = useLang();
  const count = field.sources.length;
  const alternatives = field.alternatives ?? [];
  if (count === 0 && !field.note && alternatives.length === 0) {
    return <span className="muted small">{t('source.none')}</span>;
  }
  return (
    <details className="sources">
      <summary>{count > 0 ? `${t('source.sources')} (${count})` : t('source.note')}</summary>
      {count > 0 && (
        <ul className="source-list">
          {field.sources.map((s, i) => (
            <SourceItem key={`${s.url}-${i}`} source={s} />
          ))}
        </ul>
      )}
      {alternatives.length > 0 && (
        <div className="alternatives">
          <div className="label">{t('source.alternatives')}</div>
          {alternatives.map((alt, i) => (
            <div key={i} className="alternative">
              <strong>{renderValue(alt.value)}</strong>
              <ul className="source-list">
                {alt.sources.map((s, j) => (
                  <SourceItem key={`${s.url}-${j}`} source={s} />
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {field.note && (
        <p className="field-note">
          <span className="label">{t('source.note')}</span> {field.note}
        </p>
      )}
    </details>
  );
}
