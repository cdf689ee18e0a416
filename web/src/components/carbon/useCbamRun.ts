/**
 * Posting a shipment file to the CBAM calculator. The last result outlives the page, as an index run does; an
 * error is asked for again when the UI language changes, so that its message (with the row number) follows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CbamExposureOutput } from '../../../../src/analyses/carbon/cbamExposure.js';
import type { Lang } from '../../../../src/server/apiTypes.js';
import { ApiError, postFile } from '../../api.js';
import { useLang } from '../../lang.js';
import { cbamPath, type CbamRequest } from './cbamSpec.js';

export type CbamRunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly request: CbamRequest; readonly previous: CbamDone | null }
  | { readonly status: 'ok'; readonly request: CbamRequest; readonly result: CbamExposureOutput }
  | { readonly status: 'error'; readonly request: CbamRequest; readonly error: ApiError; readonly lang: Lang };

export type CbamDone = Extract<CbamRunState, { status: 'ok' }>;

let remembered: CbamDone | null = null;

export function useCbamRun(): { readonly state: CbamRunState; readonly run: (request: CbamRequest) => void } {
  const { lang } = useLang();
  const [state, setState] = useState<CbamRunState>(() => remembered ?? { status: 'idle' });
  // a newer run supersedes an answer still on its way
  const seq = useRef(0);

  const run = useCallback(
    (request: CbamRequest) => {
      const mine = ++seq.current;
      setState((s) => ({ status: 'running', request, previous: s.status === 'ok' ? s : s.status === 'running' ? s.previous : null }));
      postFile<CbamExposureOutput>(cbamPath(request), request.file, lang).then(
        (result) => {
          if (mine !== seq.current) return;
          const done: CbamDone = { status: 'ok', request, result };
          remembered = done;
          setState(done);
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          const error = e instanceof ApiError ? e : new ApiError(String(e), 'client.unknown', 0);
          setState({ status: 'error', request, error, lang });
        },
      );
    },
    [lang],
  );

  useEffect(() => () => {
    seq.current++;
  }, []);

  const staleError = state.status === 'error' && state.lang !== lang ? state.request : null;
  useEffect(() => {
    if (staleError) run(staleError);
  }, [staleError, run]);

  return { state, run };
}
