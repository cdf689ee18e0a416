/** Every data source with publisher, URL, licence and citation, and the datasets the user imported. */
import type { ApiSource, DatasetsResponse } from '../../../src/server/apiTypes.js';
import { PageTitle } from '../components/PageTitle.js';
import { Await, NoData } from '../components/States.js';
import { formatDate, formatNumber } from '../format.js';
import { useLang } from '../lang.js';
import { useApi } from '../useApi.js';

function SourceCard({ source }: { readonly source: ApiSource }) {
  const { lang, t } = useLang();
  const link = /^https?:\/\//.test(source.url);
  return (
    <article className="source-card" id={`source-${source.id}`}>
      <h3 className="source-card-title">{source.title}</h3>
      <dl className="facts facts-compact">
        <div className="fact">
          <dt>{t('source.publisher')}</dt>
          <dd>{source.publisher || <NoData />}</dd>
        </div>
        <div className="fact">
          <dt>{t('source.url')}</dt>
          <dd className="break">
            {link ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.url}
              </a>
            ) : (
              source.url || <NoData />
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('source.licence')}</dt>
          <dd>{source.licence || <NoData />}</dd>
        </div>
        <div className="fact">
          <dt>{t('source.retrieved')}</dt>
          <dd>{source.retrieved ? formatDate(source.retrieved, lang) : <NoData />}</dd>
        </div>
        {source.citation && (
          <div className="fact">
            <dt>{t('source.citation')}</dt>
            <dd>{source.citation}</dd>
          </div>
        )}
        {source.note && (
          <div className="fact">
            <dt>{t('source.note')}</dt>
            <dd>{source.note}</dd>
          </div>
        )}
      </dl>
      <code className="source-id">{source.id}</code>
    </article>
  );
}

function Datasets({ data }: { readonly data: DatasetsResponse }) {
  const { lang, t } = useLang();
  if (data.datasets.length === 0) return <p className="muted">{t('sources.noDatasets')}</p>;
  return (
    <div className="table-scroll table-wide">
      <table className="table">
        <thead>
          <tr>
            <th>{t('sources.dsName')}</th>
            <th className="num">{t('sources.dsVersion')}</th>
            <th className="num">{t('sources.dsRows')}</th>
            <th>{t('sources.dsFile')}</th>
            <th>{t('sources.dsLayout')}</th>
            <th>{t('sources.dsImported')}</th>
          </tr>
        </thead>
        <tbody>
          {data.datasets.map((d) => (
            <tr key={d.name}>
              <td>
                <code>{d.name}</code>
              </td>
              <td className="num">
                {d.version} / {d.versions}
              </td>
              <td className="num">{formatNumber(d.rows, lang)}</td>
              <td>
                {d.file_name} <span className="muted small">({d.encoding})</span>
              </td>
              <td>{d.layout}</td>
              <td>{d.imported_at ? formatDate(d.imported_at.slice(0, 10), lang) : <NoData />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SourcesPage() {
  const { t } = useLang();
  const sources = useApi<{ sources: ApiSource[] }>('api/sources');
  const datasets = useApi<DatasetsResponse>('api/datasets');
  return (
    <div className="page">
      <PageTitle title={t('sources.title')} />
      <p className="lead">{t('sources.lead')}</p>
      <Await state={sources}>
        {(d) => (
          <>
            <p className="muted small">{t('sources.count', { n: d.sources.length })}</p>
            <div className="source-grid">
              {[...d.sources]
                .sort((a, b) => a.id.localeCompare(b.id))
                .map((s) => (
                  <SourceCard key={s.id} source={s} />
                ))}
            </div>
          </>
        )}
      </Await>
      <section className="section">
        <h2 className="section-title">{t('sources.datasets')}</h2>
        <p className="muted">{t('sources.datasetsLead')}</p>
        <Await state={datasets}>{(d) => <Datasets data={d} />}</Await>
      </section>
    </div>
  );
}
