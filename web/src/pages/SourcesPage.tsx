/** Every data source with publisher, URL, licence and citation, and the datasets the user imported. */
import type { ApiSource, DatasetsResponse } from '../../../src/server/apiTypes.js';
import { PageTitle } from '../components/PageTitle.js';
import { Await, NoData } from '../components/States.js';
import { formatDate, formatNumber } from '../format.js';
import type { MessageKey } from '../i18n.js';
import { useLang } from '../lang.js';
import { useApi } from '../useApi.js';

// Source ids are `<group>.<name>`; the groups named here get a heading, others show their raw prefix.
const GROUP_KEYS: Readonly<Record<string, MessageKey>> = {
  techme: 'sources.group.techme',
  ceads: 'sources.group.ceads',
  ftz: 'sources.group.ftz',
  regions: 'sources.group.regions',
  geo: 'sources.group.geo',
  hs: 'sources.group.hs',
  user: 'sources.group.user',
};

function groupOf(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

function SourceCard({ source }: { readonly source: ApiSource }) {
  const { lang, t } = useLang();
  const link = /^https?:\/\//.test(source.url);
  return (
    <article className="source-card" id={`source-${source.id}`}>
      <div className="source-card-head">
        <h3 className="source-card-title">{source.title}</h3>
        <code className="source-id">{source.id}</code>
      </div>
      <dl className="source-facts">
        <div>
          <dt>{t('source.publisher')}</dt>
          <dd>{source.publisher || <NoData />}</dd>
        </div>
        <div>
          <dt>{t('source.retrieved')}</dt>
          <dd>{source.retrieved ? formatDate(source.retrieved, lang) : <NoData />}</dd>
        </div>
        <div className="wide">
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
        <div className="wide">
          <dt>{t('source.licence')}</dt>
          <dd>{source.licence || <NoData />}</dd>
        </div>
      </dl>
      {(source.citation || source.note) && (
        <details className="source-more">
          <summary>{source.citation ? (source.note ? t('source.citationNote') : t('source.citation')) : t('source.note')}</summary>
          {source.citation && <p className="citation">{source.citation}</p>}
          {source.note && (
            <p>
              <span className="label">{t('source.note')}</span> {source.note}
            </p>
          )}
        </details>
      )}
    </article>
  );
}

function SourceGroups({ sources }: { readonly sources: readonly ApiSource[] }) {
  const { t } = useLang();
  const groups = new Map<string, ApiSource[]>();
  for (const s of [...sources].sort((a, b) => a.id.localeCompare(b.id))) {
    const g = groupOf(s.id);
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }
  return (
    <>
      {[...groups.entries()].map(([g, list]) => {
        const key = GROUP_KEYS[g];
        return (
          <section key={g} className="source-group">
            <h2 className="section-title">
              {key ? t(key) : g} <span className="muted small">{t('sources.count', { n: list.length })}</span>
            </h2>
            <div className="source-list-cards">
              {list.map((s) => (
                <SourceCard key={s.id} source={s} />
              ))}
            </div>
          </section>
        );
      })}
    </>
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
            <SourceGroups sources={d.sources} />
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
