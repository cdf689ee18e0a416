/**
 * CBAM exposure of a shipment file: the file and the options, a calculation on the server, and the results with
 * the legal source and verification status of every default value used.
 */
import { useState } from 'react';
import { CbamResults } from '../components/carbon/CbamResults.js';
import { CbamSpecForm } from '../components/carbon/CbamSpecForm.js';
import { DEFAULT_FORM, requestOf, sameRequest, type CbamForm } from '../components/carbon/cbamSpec.js';
import { useCbamRun } from '../components/carbon/useCbamRun.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorBox, Loading } from '../components/States.js';
import { useLang } from '../lang.js';
import '../components/carbon/carbon.css';

// the form outlives a visit to another page, as the last result does
let rememberedForm: CbamForm = DEFAULT_FORM;

export function CbamPage() {
  const { t } = useLang();
  const [form, setFormState] = useState<CbamForm>(() => rememberedForm);
  const setForm = (next: CbamForm) => {
    rememberedForm = next;
    setFormState(next);
  };
  const { state, run } = useCbamRun();
  const request = requestOf(form);
  const running = state.status === 'running';
  const shown = state.status === 'ok' ? state : state.status === 'running' ? state.previous : null;
  const stale = shown !== null && request !== null && !sameRequest(request, shown.request);

  return (
    <div className="page" data-testid="cbam-page">
      <PageTitle title={t('cbam.title')} />
      <p className="lead">{t('cbam.lead')}</p>
      <CbamSpecForm form={form} onChange={setForm} onRun={() => request && run(request)} running={running} />
      {state.status === 'error' && (
        <div data-testid="cbam-error">
          <ErrorBox error={state.error} title={t('cbam.runFailed')} />
        </div>
      )}
      {state.status === 'idle' && <p className="panel empty-state">{t('cbam.empty')}</p>}
      {running && !shown && (
        <div className="panel map-placeholder">
          <Loading />
        </div>
      )}
      {shown && stale && !running && <p className="notice">{t('cbam.stale')}</p>}
      {shown && <CbamResults result={shown.result} busy={running} />}
    </div>
  );
}
