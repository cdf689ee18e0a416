/** Loading, error and missing-value displays shared by every page. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';
import { useLang } from '../lang.js';

export function Loading() {
  const { t } = useLang();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('state.loading')}
    </div>
  );
}

export function ErrorBox({ error, onRetry, title }: { readonly error: ApiError; readonly onRetry?: () => void; readonly title?: string }) {
  const { t } = useLang();
  return (
    <div className="state state-error" role="alert">
      <strong>{title ?? t('state.error')}</strong>
      <span className="state-message">{error.message}</span>
      {error.code && <code className="state-code">{error.code}</code>}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** A gap in the data: a dash with a tooltip, never a zero. */
export function NoData() {
  const { t } = useLang();
  const label = t('state.noData');
  return (
    <span className="na" title={label} aria-label={label}>
      —
    </span>
  );
}

/** A registry field whose value has not been verified: said in words, never left blank. */
export function NotVerified() {
  const { t } = useLang();
  return <span className="not-verified">{t('state.notVerified')}</span>;
}

/** Render `children` with the data once `state` has it; loading and error states otherwise. */
export function Await<T>({ state, children }: { readonly state: { readonly status: 'loading' | 'ok' | 'error'; readonly data: T | null; readonly error: ApiError | null; readonly retry?: () => void }; readonly children: (data: T) => ReactNode }) {
  if (state.status === 'error' && state.error) return <ErrorBox error={state.error} {...(state.retry ? { onRetry: state.retry } : {})} />;
  if (state.status === 'ok' && state.data !== null) return <>{children(state.data)}</>;
  return <Loading />;
}
