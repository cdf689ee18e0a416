/** Hash routing (`#/`, `#/zone/SH`, `#/explorer?indicator=…`, `#/index`, `#/effect`, `#/cbam`, `#/budget`, `#/structure/profile?zone=SH`, `#/neglist/simulator?edition=…`, `#/scorecard/SH`, `#/compare`, `#/sources`): no server-side routes are needed. */
import { useEffect, useState } from 'react';

/** The views of the industrial-structure section, in tab order. */
export const STRUCTURE_TABS = ['profile', 'competition', 'partners', 'chain', 'complexity'] as const;
export type StructureTab = (typeof STRUCTURE_TABS)[number];

/** The views of the negative-list section, in tab order. */
export const NEGLIST_TABS = ['editions', 'compare', 'scores', 'simulator'] as const;
export type NeglistTab = (typeof NEGLIST_TABS)[number];

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'zone'; readonly id: string }
  | { readonly page: 'explorer'; readonly indicator: string | null; readonly regions: readonly string[] | null }
  | { readonly page: 'sources' }
  | { readonly page: 'index' }
  | { readonly page: 'effect' }
  | { readonly page: 'cbam' }
  | { readonly page: 'budget' }
  | { readonly page: 'structure'; readonly tab: StructureTab; readonly zone: string | null }
  | { readonly page: 'neglist'; readonly tab: NeglistTab; readonly edition: string | null }
  | { readonly page: 'scorecard'; readonly zone: string | null }
  | { readonly page: 'compare' }
  | { readonly page: 'notFound'; readonly hash: string };

/** Parse a location hash such as `#/explorer?indicator=rd_expenditure&regions=310000,440000`. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'home' };
  if (parts[0] === 'zone' && parts[1]) return { page: 'zone', id: parts[1] };
  if (parts[0] === 'explorer') {
    const regions = params.get('regions');
    return {
      page: 'explorer',
      indicator: params.get('indicator'),
      regions: regions === null ? null : regions.split(',').filter(Boolean),
    };
  }
  if (parts[0] === 'sources') return { page: 'sources' };
  if (parts[0] === 'index') return { page: 'index' };
  if (parts[0] === 'effect') return { page: 'effect' };
  if (parts[0] === 'cbam') return { page: 'cbam' };
  if (parts[0] === 'budget') return { page: 'budget' };
  if (parts[0] === 'structure') {
    const tab = parts[1] ?? 'profile';
    const known = STRUCTURE_TABS.find((x) => x === tab);
    if (known && parts.length <= 2) return { page: 'structure', tab: known, zone: params.get('zone') };
  }
  if (parts[0] === 'neglist') {
    const tab = parts[1] ?? 'editions';
    const known = NEGLIST_TABS.find((x) => x === tab);
    if (known && parts.length <= 2) return { page: 'neglist', tab: known, edition: params.get('edition') };
  }
  // zone ids are upper case in the registry and the API; a hand-typed `#/scorecard/sh` means the same zone
  if (parts[0] === 'scorecard' && parts.length <= 2) return { page: 'scorecard', zone: parts[1] ? parts[1].toUpperCase() : null };
  if (parts[0] === 'compare' && parts.length === 1) return { page: 'compare' };
  return { page: 'notFound', hash: raw };
}

/** The hash for a route, the inverse of {@link parseHash}. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'zone':
      return `#/zone/${encodeURIComponent(route.id)}`;
    case 'explorer': {
      const params = new URLSearchParams();
      if (route.indicator) params.set('indicator', route.indicator);
      if (route.regions) params.set('regions', route.regions.join(','));
      const q = params.toString().replace(/%2C/g, ',');
      return q ? `#/explorer?${q}` : '#/explorer';
    }
    case 'sources':
      return '#/sources';
    case 'index':
      return '#/index';
    case 'effect':
      return '#/effect';
    case 'cbam':
      return '#/cbam';
    case 'budget':
      return '#/budget';
    case 'structure':
      return `#/structure/${route.tab}${route.zone ? `?zone=${encodeURIComponent(route.zone)}` : ''}`;
    case 'neglist':
      return `#/neglist/${route.tab}${route.edition ? `?edition=${encodeURIComponent(route.edition)}` : ''}`;
    case 'scorecard':
      return route.zone ? `#/scorecard/${encodeURIComponent(route.zone)}` : '#/scorecard';
    case 'compare':
      return '#/compare';
    case 'notFound':
      return `#${route.hash}`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Record explorer choices in the address bar without adding a history entry per click. */
export function replaceRoute(route: Route): void {
  const next = hrefOf(route);
  if (window.location.hash !== next) window.history.replaceState(null, '', next);
}
