/**
 * Did the Pilot FTZs work? A staggered difference-in-differences evaluation of an outcome: the spec form, a run
 * on the server, and the estimates of TWFE beside the heterogeneity-robust estimators, the event study, the
 * parallel-trends pre-test, the treatment timing and every convention used.
 */
import { useState } from 'react';
import type { ApiIndicator } from '../../../src/server/apiTypes.js';
import { EffectResults } from '../components/effect/EffectResults.js';
import { EffectSpecForm } from '../components/effect/EffectSpecForm.js';
import { DEFAULT_OUTCOME, defaultForm, requestOf, type EffectForm, type EffectRequest } from '../components/effect/spec.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorBox, Loading } from '../components/States.js';
import { defaultIndicator } from '../indicators.js';
import { useLang } from '../lang.js';
import { useApi } from '../useApi.js';
import { useRun } from '../useRun.js';

// the form outlives a visit to another page, as the last run does
let rememberedForm: EffectForm | null = null;

function EffectBody({ indicators }: { readonly indicators: readonly ApiIndicator[] }) {
  const { t } = useLang();
  const [form, setFormState] = useState<EffectForm>(() => {
    if (rememberedForm && indicators.some((i) => i.code === rememberedForm?.outcome)) return rememberedForm;
    const outcome = indicators.find((i) => i.code === DEFAULT_OUTCOME) ?? defaultIndicator(indicators);
    return defaultForm(outcome?.code ?? '');
  });
  const setForm = (next: EffectForm) => {
    rememberedForm = next;
    setFormState(next);
  };
  const { state, run } = useRun<EffectRequest>('api/did/ftz-effect');
  const request = requestOf(form);
  const running = state.status === 'running';
  const shown = state.status === 'ok' ? state : state.status === 'running' ? state.previous : null;
  const stale = shown !== null && request !== null && JSON.stringify(request) !== JSON.stringify(shown.request);

  return (
    <>
      <EffectSpecForm indicators={indicators} form={form} onChange={setForm} onRun={() => request && run(request)} running={running} />
      {state.status === 'error' && (
        <div data-testid="effect-error">
          <ErrorBox error={state.error} title={t('effect.runFailed')} />
        </div>
      )}
      {state.status === 'idle' && <p className="panel empty-state">{t('effect.empty')}</p>}
      {running && !shown && (
        <div className="panel map-placeholder">
          <Loading />
        </div>
      )}
      {shown && stale && !running && <p className="notice">{t('effect.stale')}</p>}
      {shown && <EffectResults result={shown.result} request={shown.request} indicators={indicators} busy={running} />}
    </>
  );
}

export function EffectPage() {
  const { t } = useLang();
  const indicators = useApi<{ indicators: ApiIndicator[] }>('api/indicators');
  return (
    <div className="page" data-testid="effect-page">
      <PageTitle title={t('effect.title')} />
      <p className="lead">{t('effect.lead')}</p>
      {indicators.status === 'error' ? (
        <ErrorBox error={indicators.error} onRetry={indicators.retry} />
      ) : indicators.status === 'ok' ? (
        <EffectBody indicators={indicators.data.indicators} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
