/** The province base map, read once per session (the answer is cached like any other `api/...` read). */
import { useMemo } from 'react';
import { readBasemap, type BasemapInfo } from '../../basemap.js';
import { useApi, type ApiState } from '../../useApi.js';

export function useBasemap(): { readonly basemap: BasemapInfo | null; readonly state: ApiState<unknown> & { readonly retry: () => void } } {
  const state = useApi<unknown>('api/basemap');
  const basemap = useMemo(() => (state.status === 'ok' ? readBasemap(state.data) : null), [state.status, state.data]);
  return { basemap, state };
}
