/**
 * Industrial structure of the Pilot FTZs, one view per tab: a zone's positioning profile, duplicate competition
 * among the 22 zones, partner zones along the input–output chain, a sector's chain map with the advice to
 * strengthen, complete and extend it, and the economic complexity of a file of the user's own.
 */
import type { ZonesResponse } from '../../../src/server/apiTypes.js';
import { ChainTab } from '../components/structure/ChainTab.js';
import { CompetitionTab } from '../components/structure/CompetitionTab.js';
import { ComplexityTab } from '../components/structure/ComplexityTab.js';
import { PartnersTab } from '../components/structure/PartnersTab.js';
import { ProfileTab } from '../components/structure/ProfileTab.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorBox, Loading } from '../components/States.js';
import { useLang } from '../lang.js';
import { hrefOf, STRUCTURE_TABS, type Route, type StructureTab } from '../route.js';
import { useApi } from '../useApi.js';
import '../components/carbon/carbon.css';
import '../components/structure/structure.css';

type StructureRoute = Extract<Route, { page: 'structure' }>;

// the zone chosen on one tab is the zone of the others, and of the next visit
let rememberedZone: string | null = null;

const ZONE_TABS: readonly StructureTab[] = ['profile', 'partners', 'chain'];

export function StructurePage({ route }: { readonly route: StructureRoute }) {
  const { t } = useLang();
  const zones = useApi<ZonesResponse>('api/zones');
  const list = zones.status === 'ok' ? zones.data.zones : [];
  const zone = route.zone ?? rememberedZone ?? list[0]?.id ?? '';
  if (route.zone) rememberedZone = route.zone;
  // a new zone replaces the address rather than adding a history entry per choice
  const onZone = (id: string) => {
    rememberedZone = id;
    window.location.replace(hrefOf({ page: 'structure', tab: route.tab, zone: id }));
  };
  const usesZone = ZONE_TABS.includes(route.tab);

  return (
    <div className="page" data-testid="structure-page" data-tab={route.tab}>
      <PageTitle title={`${t(`structure.tab.${route.tab}`)} · ${t('structure.title')}`}>{t('structure.title')}</PageTitle>
      <p className="lead">{t('structure.lead')}</p>
      <nav className="structure-tabs" aria-label={t('structure.tabsLabel')} data-testid="structure-tabs">
        {STRUCTURE_TABS.map((tab) => (
          <a
            key={tab}
            href={hrefOf({ page: 'structure', tab, zone: ZONE_TABS.includes(tab) && zone ? zone : null })}
            className={tab === route.tab ? 'structure-tab active' : 'structure-tab'}
            aria-current={tab === route.tab ? 'page' : undefined}
            data-testid={`structure-tab-${tab}`}
          >
            {t(`structure.tab.${tab}`)}
          </a>
        ))}
      </nav>
      <p className="muted structure-tab-lead" data-testid="structure-tab-lead">
        {t(`structure.tabLead.${route.tab}`)}
      </p>
      {zones.status === 'error' ? (
        <ErrorBox error={zones.error} onRetry={zones.retry} />
      ) : zones.status !== 'ok' || (usesZone && !zone) ? (
        <Loading />
      ) : (
        <>
          {route.tab === 'profile' && <ProfileTab zones={list} zone={zone} onZone={onZone} />}
          {route.tab === 'competition' && <CompetitionTab zones={list} />}
          {route.tab === 'partners' && <PartnersTab zones={list} zone={zone} onZone={onZone} />}
          {route.tab === 'chain' && <ChainTab zones={list} zone={zone} onZone={onZone} />}
          {route.tab === 'complexity' && <ComplexityTab />}
        </>
      )}
    </div>
  );
}
