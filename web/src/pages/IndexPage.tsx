/**
 * The NQPF composite index: a spec form (framework and measurement conventions), a run on the server, and the
 * results as maps, charts and tables, exportable as XLSX or DOCX.
 */
import { useMemo, useState } from 'react';
import { readBasemap } from '../basemap.js';
import { IndexResults } from '../components/index/IndexResults.js';
import { defaultFramework, type FrameworksResponse } from '../components/index/framework.js';
import { SpecForm } from '../components/index/SpecForm.js';
import { defaultSpec, requestOf, type FormSpec } from '../components/index/spec.js';
import { useIndexRun } from '../components/index/useIndexRun.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorBox, Loading } from '../components/States.js';
import { useLang } from '../lang.js';
import { useApi } from '../useApi.js';

// the form outlives a visit to another page, as the last run does
let rememberedForm: FormSpec | null = null;

function IndexBody({ frameworks }: { readonly frameworks: FrameworksResponse['frameworks'] }) {
  const { t } = useLang();
  const basemapRaw = useApi<unknown>('api/basemap');
  const basemap = useMemo(() => (basemapRaw.status === 'ok' ? readBasemap(basemapRaw.data) : null), [basemapRaw.status, basemapRaw.data]);
  const [spec, setSpecState] = useState<FormSpec>(() => rememberedForm ?? defaultSpec(defaultFramework(frameworks)));
  const setSpec = (next: FormSpec) => {
    rememberedForm = next;
    setSpecState(next);
  };
  const { state, run } = useIndexRun();
  const request = requestOf(spec);
  const running = state.status === 'running';
  const shown = state.status === 'ok' ? state : state.status === 'running' ? state.previous : null;
  const stale = shown !== null && request !== null && JSON.stringify(request) !== JSON.stringify(shown.request);

  return (
    <>
      <SpecForm frameworks={frameworks} spec={spec} onChange={setSpec} onRun={() => request && run(request)} running={running} valid={request !== null} />
      {state.status === 'error' && (
        <div data-testid="index-error">
          <ErrorBox error={state.error} title={t('index.runFailed')} />
        </div>
      )}
      {state.status === 'idle' && <p className="panel empty-state">{t('index.empty')}</p>}
      {running && !shown && (
        <div className="panel map-placeholder">
          <Loading />
        </div>
      )}
      {shown && stale && !running && <p className="notice">{t('index.stale')}</p>}
      {shown && basemapRaw.status === 'error' && <ErrorBox error={basemapRaw.error} onRetry={basemapRaw.retry} />}
      {shown && basemap && (
        <IndexResults result={shown.result} request={shown.request} framework={frameworks.find((f) => f.id === shown.request.framework)} basemap={basemap} busy={running} />
      )}
    </>
  );
}

export function IndexPage() {
  const { t } = useLang();
  const frameworks = useApi<FrameworksResponse>('api/index/frameworks');
  return (
    <div className="page" data-testid="index-page">
      <PageTitle title={t('index.title')} />
      <p className="lead">{t('index.lead')}</p>
      {frameworks.status === 'error' ? (
        <ErrorBox error={frameworks.error} onRetry={frameworks.retry} />
      ) : frameworks.status === 'ok' ? (
        <IndexBody frameworks={frameworks.data.frameworks} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
