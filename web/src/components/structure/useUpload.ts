/**
 * Uploading the complexity file as a dataset. The last upload outlives the page; a failed upload is sent again
 * when the UI language changes, so that its coded message (with the row number) follows the language. A failed
 * import leaves the store untouched, so sending it again is safe.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetSummary, Lang } from '../../../../src/server/apiTypes.js';
import { ApiError, postFile } from '../../api.js';
import { useLang } from '../../lang.js';
import { useInvalidate } from '../../useApi.js';
import { uploadPath } from './complexitySpec.js';

interface UploadAnswer {
  readonly dataset: DatasetSummary;
  readonly warnings: readonly { readonly code: string; readonly message: { readonly zh: string; readonly en: string } }[];
}

export type UploadState =
  | { readonly status: 'idle' }
  | { readonly status: 'uploading'; readonly file: File }
  | { readonly status: 'ok'; readonly file: File; readonly answer: UploadAnswer }
  | { readonly status: 'error'; readonly file: File; readonly error: ApiError; readonly lang: Lang };

let remembered: Extract<UploadState, { status: 'ok' }> | null = null;

export function useUpload(): { readonly state: UploadState; readonly upload: (file: File) => void } {
  const { lang } = useLang();
  const invalidate = useInvalidate();
  const [state, setState] = useState<UploadState>(() => remembered ?? { status: 'idle' });
  const seq = useRef(0);

  const upload = useCallback(
    (file: File) => {
      const mine = ++seq.current;
      setState({ status: 'uploading', file });
      postFile<UploadAnswer>(uploadPath(file), file, lang).then(
        (answer) => {
          if (mine !== seq.current) return;
          const done = { status: 'ok' as const, file, answer };
          remembered = done;
          invalidate(['api/datasets']);
          setState(done);
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setState({ status: 'error', file, error: e instanceof ApiError ? e : new ApiError(String(e), 'client.unknown', 0), lang });
        },
      );
    },
    [lang, invalidate],
  );

  useEffect(() => () => {
    seq.current++;
  }, []);

  const staleError = state.status === 'error' && state.lang !== lang ? state.file : null;
  useEffect(() => {
    if (staleError) upload(staleError);
  }, [staleError, upload]);

  return { state, upload };
}
