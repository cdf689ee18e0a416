/** The sources behind the run's numbers, one line each: title (linked), publisher, and the licence folded. */
import type { SourceCitation } from '../../../../src/core/result.js';
import { useLang } from '../../lang.js';

export function ProvenanceSources({ sources, testId = 'index-sources' }: { readonly sources: readonly SourceCitation[]; readonly testId?: string }) {
  const { t } = useLang();
  if (sources.length === 0) return null;
  return (
    <div className="provenance-sources" data-testid={testId}>
      <div className="table-title">{t('index.dataSources', { n: sources.length })}</div>
      <ol className="provenance-list">
        {sources.map((s) => (
          <li key={s.id}>
            <div>
              {/^https?:\/\//.test(s.url) ? (
                <a className="break" href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.title || s.url}
                </a>
              ) : (
                <span>{s.title || s.url}</span>
              )}{' '}
              <span className="source-id">{s.id}</span>
            </div>
            <div className="muted">{s.publisher}</div>
            {s.licence && (
              <details className="source-note-more">
                <summary>{t('source.licence')}</summary>
                <p>{s.licence}</p>
              </details>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
