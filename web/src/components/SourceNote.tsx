/** The source line under a chart or map: publisher and title with link; licence and citation on demand. */
import type { ApiSource } from '../../../src/server/apiTypes.js';
import { useLang } from '../lang.js';

// Licence terms and citations can run to a paragraph; beyond this they fold away under the chart.
const INLINE_LIMIT = 90;

function SourceLine({ source }: { readonly source: ApiSource }) {
  const { t } = useLang();
  const inlineLicence = source.licence !== '' && source.licence.length <= INLINE_LIMIT;
  const folded = (source.licence !== '' && !inlineLicence) || Boolean(source.citation);
  return (
    <div className="source-note-item">
      <span className="label">{t('source.indicatorSource')}</span> {source.publisher}
      {source.title && (
        <>
          {', '}
          {/^https?:\/\//.test(source.url) ? (
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.title}
            </a>
          ) : (
            <cite>{source.title}</cite>
          )}
        </>
      )}
      {inlineLicence && (
        <>
          {' · '}
          <span className="label">{t('source.licence')}</span> {source.licence}
        </>
      )}
      {folded && (
        <details className="source-note-more">
          <summary>{t('source.licenceCitation')}</summary>
          {!inlineLicence && source.licence && (
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
