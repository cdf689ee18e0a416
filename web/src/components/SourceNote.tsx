/** The source line under a chart or map: publisher, title, licence and URL; a long licence or citation folds. */
import type { ApiSource } from '../../../src/server/apiTypes.js';
import { useLang } from '../lang.js';

// Licence terms and citations can run to a paragraph; past this length the line shows the start and folds the rest.
const INLINE_LIMIT = 120;

function clip(text: string): string {
  return text.length <= INLINE_LIMIT ? text : `${text.slice(0, INLINE_LIMIT).trimEnd()}…`;
}

function SourceLine({ source }: { readonly source: ApiSource }) {
  const { t } = useLang();
  const link = /^https?:\/\//.test(source.url);
  const longLicence = source.licence.length > INLINE_LIMIT;
  return (
    <div className="source-note-item">
      <span className="label">{t('source.indicatorSource')}</span> {source.publisher}
      {source.title && (
        <>
          {', '}
          <cite>{source.title}</cite>
        </>
      )}
      {source.licence && (
        <>
          {' · '}
          <span className="label">{t('source.licence')}</span> {clip(source.licence)}
        </>
      )}
      {link && (
        <>
          {' · '}
          <a className="break" href={source.url} target="_blank" rel="noopener noreferrer">
            {source.url}
          </a>
        </>
      )}
      {(longLicence || source.citation) && (
        <details className="source-note-more">
          <summary>{t('source.licenceCitation')}</summary>
          {longLicence && (
            <p>
              <span className="label">{t('source.licence')}</span> {source.licence}
            </p>
          )}
          {source.citation && (
            <p>
              <span className="label">{t('source.citation')}</span> {source.citation}
            </p>
          )}
        </details>
      )}
    </div>
  );
}

export function SourceNote({ sources, unit }: { readonly sources: readonly ApiSource[]; readonly unit?: string }) {
  const { t } = useLang();
  return (
    <div className="source-note">
      {unit !== undefined && unit !== '' && (
        <div>
          <span className="label">{t('explorer.unit')}</span> {unit}
        </div>
      )}
      {sources.map((s) => (
        <SourceLine key={s.id} source={s} />
      ))}
    </div>
  );
}
