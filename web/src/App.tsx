/** The page frame: header with product name, navigation and language toggle; the routed page; footer. */
import { useEffect } from 'react';
import type { MetaResponse } from '../../src/server/apiTypes.js';
import { useLang } from './lang.js';
import { BudgetPage } from './pages/BudgetPage.js';
import { CbamPage } from './pages/CbamPage.js';
import { ComparePage } from './pages/ComparePage.js';
import { EffectPage } from './pages/EffectPage.js';
import { ExplorerPage } from './pages/ExplorerPage.js';
import { HomePage } from './pages/HomePage.js';
import { IndexPage } from './pages/IndexPage.js';
import { NeglistPage } from './pages/NeglistPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ScorecardPage } from './pages/ScorecardPage.js';
import { SourcesPage } from './pages/SourcesPage.js';
import { StructurePage } from './pages/StructurePage.js';
import { ZonePage } from './pages/ZonePage.js';
import { hrefOf, useRoute, type Route } from './route.js';
import { useApi } from './useApi.js';

function NavLink({ route, current, testId, label }: { readonly route: Route; readonly current: Route; readonly testId: string; readonly label: string }) {
  // A zone page belongs to the map section: it is reached from there and links back to it.
  const active = route.page === current.page || (route.page === 'home' && current.page === 'zone');
  return (
    <a href={hrefOf(route)} data-testid={testId} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined}>
      {label}
    </a>
  );
}

export function App() {
  const { lang, setLang, t } = useLang();
  const route = useRoute();
  const meta = useApi<MetaResponse>('api/meta');

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route.page, route.page === 'zone' ? route.id : route.page === 'scorecard' ? route.zone : null]);

  return (
    <div className="app">
      <header className="header">
        <div className="header-inner">
          <a className="brand" href={hrefOf({ page: 'home' })}>
            <span className="brand-mark" aria-hidden="true">
              F
            </span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-sep" aria-hidden="true">
              ·
            </span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </a>
          <nav className="nav" aria-label="ftzlab">
            <NavLink route={{ page: 'home' }} current={route} testId="nav-home" label={t('nav.home')} />
            <NavLink route={{ page: 'explorer', indicator: null, regions: null }} current={route} testId="nav-explorer" label={t('nav.explorer')} />
            <NavLink route={{ page: 'index' }} current={route} testId="nav-index" label={t('nav.index')} />
            <NavLink route={{ page: 'effect' }} current={route} testId="nav-effect" label={t('nav.effect')} />
            <NavLink route={{ page: 'cbam' }} current={route} testId="nav-cbam" label={t('nav.cbam')} />
            <NavLink route={{ page: 'budget' }} current={route} testId="nav-budget" label={t('nav.budget')} />
            <NavLink route={{ page: 'structure', tab: 'profile', zone: null }} current={route} testId="nav-structure" label={t('nav.structure')} />
            <NavLink route={{ page: 'neglist', tab: 'editions', edition: null }} current={route} testId="nav-neglist" label={t('nav.neglist')} />
            <NavLink route={{ page: 'scorecard', zone: null }} current={route} testId="nav-scorecard" label={t('nav.scorecard')} />
            <NavLink route={{ page: 'compare' }} current={route} testId="nav-compare" label={t('nav.compare')} />
            <NavLink route={{ page: 'sources' }} current={route} testId="nav-sources" label={t('nav.sources')} />
          </nav>
          <button
            type="button"
            className="lang-toggle"
            data-testid="lang-toggle"
            title={t('app.langToggleTitle')}
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t('app.langToggle')}
          </button>
        </div>
      </header>
      <main className="main">
        {route.page === 'home' && <HomePage />}
        {route.page === 'zone' && <ZonePage key={route.id} id={route.id} />}
        {route.page === 'explorer' && <ExplorerPage route={route} />}
        {route.page === 'index' && <IndexPage />}
        {route.page === 'effect' && <EffectPage />}
        {route.page === 'cbam' && <CbamPage />}
        {route.page === 'budget' && <BudgetPage />}
        {route.page === 'structure' && <StructurePage route={route} />}
        {route.page === 'neglist' && <NeglistPage route={route} />}
        {route.page === 'scorecard' && <ScorecardPage route={route} />}
        {route.page === 'compare' && <ComparePage />}
        {route.page === 'sources' && <SourcesPage />}
        {route.page === 'notFound' && <NotFoundPage />}
      </main>
      <footer className="footer">
        <div className="footer-inner">
          <span>
            {t('app.name')}
            {meta.status === 'ok' ? ` ${meta.data.version}` : ''} · {t('app.footer')}
          </span>
          <a href={hrefOf({ page: 'sources' })}>{t('app.footerSources')}</a>
        </div>
      </footer>
    </div>
  );
}
