/**
 * The 22 zones compared: the comparison table (sortable, each zone linked to its scorecard), the index map and
 * one radar per zone, all from the all-zones scorecard Result.
 */
import { PageTitle } from '../components/PageTitle.js';
import { ErrorBox } from '../components/States.js';
import { CompareTable } from '../components/scorecard/CompareTable.js';
import { ScorecardChart } from '../components/scorecard/ScorecardChart.js';
import { RESULT_PATH, type Result } from '../components/scorecard/scorecard.js';
import { useBasemap } from '../components/scorecard/useBasemap.js';
import { ZoneRadars } from '../components/scorecard/ZoneRadars.js';
import { usePost } from '../components/structure/usePost.js';
import { useLang } from '../lang.js';
import '../components/scorecard/scorecard.css';

// every zone: the request names none
const ALL_ZONES = {};

function CompareBody({ result }: { readonly result: Result }) {
  const { t } = useLang();
  const { basemap, state: basemapState } = useBasemap();
  return (
    <>
      <section className="panel" data-testid="compare-table-panel">
        <h2 className="panel-title">{t('compare.tableTitle')}</h2>
        <CompareTable result={result} />
      </section>
      <section className="panel">
        {basemapState.status === 'error' ? (
          <ErrorBox error={basemapState.error} onRetry={basemapState.retry} />
        ) : (
          <ScorecardChart result={result} figure="index_map" height={560} testId="compare-map" basemap={basemap} fileName="scorecard-zones-index_map" />
        )}
      </section>
      <section className="panel" data-testid="compare-radars">
        <h2 className="panel-title">{t('compare.radarsTitle')}</h2>
        <ZoneRadars result={result} />
      </section>
    </>
  );
}

export function ComparePage() {
  const { t } = useLang();
  const all = usePost<Result>(RESULT_PATH, ALL_ZONES);
  return (
    <div className="page sc-page" data-testid="compare-page">
      <PageTitle title={t('compare.title')} />
      <p className="lead">{t('compare.lead')}</p>
      {all.status === 'error' && <ErrorBox error={all.error} onRetry={all.retry} />}
      {all.status === 'loading' && (
        <div className="state state-loading" role="status" aria-live="polite" data-testid="compare-loading">
          <span className="spinner" aria-hidden="true" />
          {t('scorecard.loading')}
        </div>
      )}
      {all.status === 'ok' && <CompareBody result={all.data} />}
    </div>
  );
}
