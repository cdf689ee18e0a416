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
interface CacheValue {
  readonly cache: Cache;
  /** bumps whenever entries are dropped, so readers of dropped paths fetch again */
  readonly version: number;
  invalidate(prefixes: readonly string[]): void;
}
const CacheContext = createContext<CacheValue | null>(null);

export function ApiCacheProvider({ children }: { readonly children: ReactNode }) {
  const cache = useMemo<Cache>(() => new Map(), []);
  const [version, setVersion] = useState(0);
  const invalidate = useCallback(
    (prefixes: readonly string[]) => {
      let dropped = false;
      for (const key of [...cache.keys()]) {
        if (prefixes.some((p) => key.startsWith(p))) {
          cache.delete(key);
          dropped = true;
        }
      }
      if (dropped) setVersion((v) => v + 1);
    },
    [cache],
  );
  const value = useMemo<CacheValue>(() => ({ cache, version, invalidate }), [cache, version, invalidate]);
  return <CacheContext.Provider value={value}>{children}</CacheContext.Provider>;
}

/**
 * Drops cached answers whose path starts with one of `prefixes`: user data changes under the page (an import
 * from this page, or from the CLI beside it), while the bundled data does not.
 */
export function useInvalidate(): (prefixes: readonly string[]) => void {
  const ctx = useContext(CacheContext);
  return ctx?.invalidate ?? (() => {});
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
  const ctx = useContext(CacheContext);
  const cache = ctx?.cache ?? null;
  const version = ctx?.version ?? 0;
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
  }, [path, missing, attempt, cache, version]);

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
