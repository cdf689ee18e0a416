/**
 * Running an analysis spec on the server (`POST path` with the spec as JSON). The last successful run of each
 * path outlives the page, so returning to it shows the results again; an error message follows the UI language
 * by asking again in the new language.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../src/core/result.js';
import type { Lang } from '../../src/server/apiTypes.js';
import { ApiError, postJson } from './api.js';
import { useLang } from './lang.js';

export type RunState<Req, Res = Result> =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly request: Req; readonly previous: RunDone<Req, Res> | null }
  | { readonly status: 'ok'; readonly request: Req; readonly result: Res }
  | { readonly status: 'error'; readonly request: Req; readonly error: ApiError; readonly lang: Lang };

export type RunDone<Req, Res = Result> = Extract<RunState<Req, Res>, { status: 'ok' }>;

const remembered = new Map<string, unknown>();

export function useRun<Req, Res = Result>(path: string): { readonly state: RunState<Req, Res>; readonly run: (request: Req) => void } {
  const { lang } = useLang();
  const [state, setState] = useState<RunState<Req, Res>>(() => (remembered.get(path) as RunDone<Req, Res> | undefined) ?? { status: 'idle' });
  const ctrlRef = useRef<AbortController | null>(null);

  const run = useCallback(
    (request: Req) => {
      ctrlRef.current?.abort();
      const ctrl = new AbortController();
      ctrlRef.current = ctrl;
      setState((s) => ({ status: 'running', request, previous: s.status === 'ok' ? s : s.status === 'running' ? s.previous : null }));
      postJson<Res>(path, request, lang, ctrl.signal).then(
        (result) => {
          if (ctrl.signal.aborted) return;
          const done: RunDone<Req, Res> = { status: 'ok', request, result };
          remembered.set(path, done);
          setState(done);
        },
        (e: unknown) => {
          if (ctrl.signal.aborted) return;
          const error = e instanceof ApiError ? e : new ApiError(String(e), 'client.unknown', 0);
          setState({ status: 'error', request, error, lang });
        },
      );
    },
    [lang, path],
  );

  useEffect(() => () => ctrlRef.current?.abort(), []);

  // the server words its errors in the request's language: ask again when the page's language changes
  const staleError = state.status === 'error' && state.lang !== lang ? state.request : null;
  useEffect(() => {
    if (staleError) run(staleError);
  }, [staleError, run]);

  return { state, run };
}
