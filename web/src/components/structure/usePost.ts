/**
 * Reading a POST answer as `useApi` reads a GET: the request is made whenever its body changes, answers are
 * kept for the session (the structure analyses are pure functions of the spec and the bundled data), and a
 * failed request is repeated when the language changes so that its message follows the UI language.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../../src/server/apiTypes.js';
import { ApiError, postJson } from '../../api.js';
import { useLang } from '../../lang.js';
import type { ApiState } from '../../useApi.js';

const answers = new Map<string, unknown>();
const MAX_ANSWERS = 48;

function remember(key: string, value: unknown): void {
  answers.set(key, value);
  if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
}

interface Settled<T> {
  readonly key: string;
  readonly lang: Lang;
  readonly value: ApiState<T>;
}

const LOADING = { status: 'loading', data: null, error: null } as const;

export function usePost<T>(path: string, body: unknown): ApiState<T> & { readonly retry: () => void } {
  const { lang } = useLang();
  const key = body === null || body === undefined ? null : `${path} ${JSON.stringify(body)}`;
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const cached = key !== null && answers.has(key) ? (answers.get(key) as T) : undefined;
  const missing = key !== null && cached === undefined;

  useEffect(() => {
    if (key === null || !missing) return undefined;
    const ctrl = new AbortController();
    const requestLang = langRef.current;
    setSettled(null);
    postJson<T>(path, body, requestLang, ctrl.signal).then(
      (data) => {
        remember(key, data);
        setSettled({ key, lang: requestLang, value: { status: 'ok', data, error: null } });
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(String(e), 'client.unknown', 0);
        setSettled({ key, lang: requestLang, value: { status: 'error', data: null, error } });
      },
    );
    return () => ctrl.abort();
    // the body is part of the key
  }, [key, missing, attempt, path]);

  const staleError = settled !== null && settled.key === key && settled.value.status === 'error' && settled.lang !== lang;
  useEffect(() => {
    if (staleError) setAttempt((n) => n + 1);
  }, [staleError]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (key === null) return { ...LOADING, retry };
  if (cached !== undefined) return { status: 'ok', data: cached, error: null, retry };
  if (settled === null || settled.key !== key) return { ...LOADING, retry };
  return { ...settled.value, retry };
}
