/** Running an index spec on the server (`api/index/run`); the last run outlives the page (see `useRun`). */
import { useRun, type RunState as GenericRunState } from '../../useRun.js';
import type { Result } from './result.js';
import type { IndexRequest } from './spec.js';

export type RunState = GenericRunState<IndexRequest, Result>;

export function useIndexRun(): { readonly state: RunState; readonly run: (request: IndexRequest) => void } {
  return useRun<IndexRequest, Result>('api/index/run');
}
