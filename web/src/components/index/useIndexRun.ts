/**
 * Running an index spec on the server. The last run outlives the page, so returning to `#/index` shows it
 * again; an error message follows the UI language by asking again in the new language.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../../src/server/apiTypes.js';
import { ApiError, postJson } from '../../api.js';
import { useLang } from '../../lang.js';
import type { Result } from './result.js';
import type { IndexRequest } from './spec.js';

export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly request: IndexRequest; readonly previous: Done | null }
  | { readonly status: 'ok'; readonly request: IndexRequest; readonly result: Result }
  | { readonly status: 'error'; readonly request: IndexRequest; readonly error: ApiError; readonly lang: Lang };

type Done = Extract<RunState, { status: 'ok' }>;

let remembered: Done | null = null;

export function useIndexRun(): { readonly state: RunState; readonly run: (request: IndexRequest) => void } {
  const { lang } = useLang();
  const [state, setState] = useState<RunState>(() => remembered ?? { status: 'idle' });
  const ctrlRef = useRef<AbortController | null>(null);

  const run = useCallback(
    (request: IndexRequest) => {
      ctrlRef.current?.abort();
      const ctrl = new AbortController();
      ctrlRef.current = ctrl;
      setState((s) => ({ status: 'running', request, previous: s.status === 'ok' ? s : s.status === 'running' ? s.previous : null }));
      postJson<Result>('api/index/run', request, lang, ctrl.signal).then(
        (result) => {
          if (ctrl.signal.aborted) return;
          remembered = { status: 'ok', request, result };
          setState(remembered);
        },
        (e: unknown) => {
          if (ctrl.signal.aborted) return;
          const error = e instanceof ApiError ? e : new ApiError(String(e), 'client.unknown', 0);
          setState({ status: 'error', request, error, lang });
        },
      );
    },
    [lang],
  );

  useEffect(() => () => ctrlRef.current?.abort(), []);

  // the server words its errors in the request's language: ask again when the page's language changes
  const staleError = state.status === 'error' && state.lang !== lang ? state.request : null;
  useEffect(() => {
    if (staleError) run(staleError);
  }, [staleError, run]);

  return { state, run };
}
