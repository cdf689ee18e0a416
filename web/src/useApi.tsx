/** Loading state for API reads, with a per-app cache so moving between pages does not refetch static data. */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Lang } from '../../src/server/apiTypes.js';
import { ApiError, getJson } from './api.js';
import { useLang } from './lang.js';

export type ApiState<T> =
  | { readonly status: 'loading'; readonly data: null; readonly error: null }
  | { readonly status: 'ok'; readonly data: T; readonly error: null }
  | { readonly status: 'error'; readonly data: null; readonly error: ApiError };

type Cache = Map<string, unknown>;
const CacheContext = createContext<Cache | null>(null);

export function ApiCacheProvider({ children }: { readonly children: ReactNode }) {
  const cache = useMemo<Cache>(() => new Map(), []);
  return <CacheContext.Provider value={cache}>{children}</CacheContext.Provider>;
}

function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(String(e), 'client.unknown', 0);
}

const LOADING: ApiState<never> = { status: 'loading', data: null, error: null };

interface Settled<T> {
  readonly path: string;
  readonly lang: Lang;
  readonly value: ApiState<T>;
}

/**
 * Fetch `path` (or nothing while it is null). Successful answers are cached for the session; errors are not,
 * and a failed request is repeated when the language changes so that its message follows the UI language.
 */
export function useApi<T>(path: string | null): ApiState<T> & { readonly retry: () => void } {
  const { lang } = useLang();
  const cache = useContext(CacheContext);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  // read inside the effect without making every language switch refetch successful data
  const langRef = useRef(lang);
  langRef.current = lang;
  const cached = path !== null && cache?.has(path) ? (cache.get(path) as T) : undefined;
  const missing = path !== null && cached === undefined;

  useEffect(() => {
    if (path === null || !missing) return undefined;
    const ctrl = new AbortController();
    const requestLang = langRef.current;
    setSettled(null);
    getJson<T>(path, requestLang, ctrl.signal).then(
      (data) => {
        cache?.set(path, data);
        setSettled({ path, lang: requestLang, value: { status: 'ok', data, error: null } });
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setSettled({ path, lang: requestLang, value: { status: 'error', data: null, error: toApiError(e) } });
      },
    );
    return () => ctrl.abort();
  }, [path, missing, attempt, cache]);

  const staleError = settled !== null && settled.path === path && settled.value.status === 'error' && settled.lang !== lang;
  useEffect(() => {
    if (staleError) setAttempt((n) => n + 1);
  }, [staleError]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (path === null) return { ...LOADING, retry };
  if (cached !== undefined) return { status: 'ok', data: cached, error: null, retry };
  if (settled === null || settled.path !== path) return { ...LOADING, retry };
  return { ...settled.value, retry };
}
