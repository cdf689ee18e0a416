/**
 * The negative lists, one view per tab: the editions with their official and transcribed rows, the comparison
 * of two editions with the ratchet check, the restrictiveness scores, and the what-if simulator.
 */
import { CompareTab } from '../components/neglist/CompareTab.js';
import { EditionsTab } from '../components/neglist/EditionsTab.js';
import { byDate } from '../components/neglist/labels.js';
import { ScoresTab } from '../components/neglist/ScoresTab.js';
import { SimulatorTab } from '../components/neglist/SimulatorTab.js';
import type { EditionsResponse } from '../components/neglist/types.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorBox, Loading } from '../components/States.js';
import { useLang } from '../lang.js';
import { hrefOf, NEGLIST_TABS, type Route } from '../route.js';
import { useApi } from '../useApi.js';
import '../components/carbon/carbon.css';
import '../components/structure/structure.css';
import '../components/neglist/neglist.css';

type NeglistRoute = Extract<Route, { page: 'neglist' }>;

// the edition chosen on the scores or simulator tab is the edition of the other, and of the next visit
let rememberedEdition: string | null = null;
const DEFAULT_EDITION = 'cn-fdi-national-2021';

export function NeglistPage({ route }: { readonly route: NeglistRoute }) {
  const { t } = useLang();
  const editions = useApi<EditionsResponse>('api/neglist/editions');
  const list = editions.status === 'ok' ? byDate(editions.data.editions) : [];
  const scored = list.filter((e) => e.transcribed > 0);
  if (route.edition) rememberedEdition = route.edition;
  const fallback = scored.find((e) => e.id === DEFAULT_EDITION)?.id ?? scored.at(-1)?.id ?? '';
  const edition = route.edition ?? (route.tab === 'editions' ? null : (rememberedEdition ?? fallback));
  const onEdition = (id: string | null) => {
    if (id) rememberedEdition = id;
    window.location.replace(hrefOf({ page: 'neglist', tab: route.tab, edition: id }));
  };

  return (
    <div className="page" data-testid="neglist-page" data-tab={route.tab}>
      <PageTitle title={`${t(`neglist.tab.${route.tab}`)} · ${t('neglist.title')}`}>{t('neglist.title')}</PageTitle>
      <p className="lead">{t('neglist.lead')}</p>
      <nav className="structure-tabs" aria-label={t('neglist.tabsLabel')} data-testid="neglist-tabs">
        {NEGLIST_TABS.map((tab) => (
          <a
            key={tab}
            href={hrefOf({ page: 'neglist', tab, edition: tab === 'scores' || tab === 'simulator' ? (rememberedEdition ?? null) : null })}
            className={tab === route.tab ? 'structure-tab active' : 'structure-tab'}
            aria-current={tab === route.tab ? 'page' : undefined}
            data-testid={`neglist-tab-${tab}`}
          >
            {t(`neglist.tab.${tab}`)}
          </a>
        ))}
      </nav>
      <p className="muted structure-tab-lead" data-testid="neglist-tab-lead">
        {t(`neglist.tabLead.${route.tab}`)}
      </p>
      {editions.status === 'error' ? (
        <ErrorBox error={editions.error} onRetry={editions.retry} />
      ) : editions.status !== 'ok' ? (
        <Loading />
      ) : (
        <>
          {route.tab === 'editions' && <EditionsTab editions={list} edition={edition} onEdition={onEdition} />}
          {route.tab === 'compare' && <CompareTab editions={scored} />}
          {route.tab === 'scores' && edition && <ScoresTab editions={scored} edition={edition} onEdition={onEdition} />}
          {route.tab === 'simulator' && edition && <SimulatorTab key={edition} editions={scored} edition={edition} onEdition={onEdition} />}
        </>
      )}
    </div>
  );
}
