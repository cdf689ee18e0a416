/**
 * Economic complexity of the user's own long file (region, product, value): upload it as a dataset, choose the
 * three columns from its header, choose the method, run, and read the ranking and the product space.
 */
import { useState } from 'react';
import type { DatasetSummary } from '../../../../src/server/apiTypes.js';
import { saveFile } from '../../api.js';
import { useLang } from '../../lang.js';
import { useRun } from '../../useRun.js';
import { Segmented } from '../index/Segmented.js';
import { Field } from '../index/SpecForm.js';
import { ErrorBox, Loading } from '../States.js';
import { ComplexityResults } from './ComplexityResults.js';
import { DEFAULT_COMPLEXITY_FORM, METHODS, columnsOf, problemsOf, requestOf, sampleCsv, type ComplexityForm, type ComplexityOutput, type ComplexityRequest } from './complexitySpec.js';
import { useUpload } from './useUpload.js';

let rememberedForm: ComplexityForm = DEFAULT_COMPLEXITY_FORM;

function ColumnSelect({ dataset, value, onChange, label, testId }: { readonly dataset: DatasetSummary; readonly value: string; readonly onChange: (v: string) => void; readonly label: string; readonly testId: string }) {
  const { t } = useLang();
  return (
    <Field label={label}>
      <select className="select" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('structure.cx.chooseColumn')}</option>
        {dataset.columns.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name} ({t(c.type === 'number' || c.type === 'integer' ? 'structure.cx.numeric' : 'structure.cx.text')})
          </option>
        ))}
      </select>
    </Field>
  );
}

export function ComplexityTab() {
  const { lang, t } = useLang();
  const [form, setFormState] = useState<ComplexityForm>(rememberedForm);
  const setForm = (next: ComplexityForm) => {
    rememberedForm = next;
    setFormState(next);
  };
  const set = <K extends keyof ComplexityForm>(key: K, value: ComplexityForm[K]) => setForm({ ...form, [key]: value });
  const { state: upload, upload: send } = useUpload();
  const { state, run } = useRun<ComplexityRequest, ComplexityOutput>('api/structure/complexity');
  const dataset = upload.status === 'ok' ? upload.answer.dataset : null;
  const cols = columnsOf(form, dataset);
  const problems = problemsOf(form, dataset);
  const request = requestOf(form, dataset);
  const running = state.status === 'running';
  const shown = state.status === 'ok' ? state : state.status === 'running' ? state.previous : null;
  // results stay on screen while the form or the file changes; they are marked as from the previous run
  const stale = shown !== null && (request === null || JSON.stringify(request) !== JSON.stringify(shown.request));
  const uploading = upload.status === 'uploading';

  const doUpload = () => {
    if (!form.file || uploading) return;
    send(form.file);
  };

  return (
    <>
      <p className="notice" data-testid="complexity-note">
        {t('structure.cx.note')}
      </p>
      <form
        className="panel spec-form"
        data-testid="complexity-spec"
        onSubmit={(e) => {
          e.preventDefault();
          if (request && !running) run(request);
        }}
      >
        <h2 className="panel-title">{t('structure.cx.spec')}</h2>
        <div className="control spec-field">
          <label className="control-label" htmlFor="complexity-file">
            {t('structure.cx.file')}
          </label>
          <span className="cbam-file-row">
            <input
              id="complexity-file"
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,.parquet"
              data-testid="complexity-file"
              onChange={(e) => setForm({ ...form, file: e.target.files?.[0] ?? null, region: null, product: null, value: null })}
            />
            <button type="button" className="btn" data-testid="complexity-upload" disabled={!form.file || uploading} onClick={doUpload}>
              {uploading ? t('structure.cx.uploading') : t('structure.cx.upload')}
            </button>
          </span>
          <span className="spec-hint">{t('structure.cx.fileHint')}</span>
          <span className="cbam-template">
            <button
              type="button"
              className="btn btn-small"
              data-testid="complexity-template"
              onClick={() => saveFile({ blob: new Blob([sampleCsv()], { type: 'text/csv;charset=utf-8' }), fileName: 'complexity-sample-illustrative.csv' })}
            >
              ⤓ {t('structure.cx.template')}
            </button>
            <span className="spec-hint">{t('structure.cx.templateHint')}</span>
          </span>
        </div>

        {upload.status === 'error' && (
          <div data-testid="complexity-upload-error">
            <ErrorBox error={upload.error} title={t('structure.cx.uploadFailed')} />
          </div>
        )}
        {dataset && upload.status === 'ok' && (
          <p className="state-inline" role="status" data-testid="complexity-uploaded">
            {t('structure.cx.uploaded', { file: upload.file.name, name: dataset.name, version: dataset.version, rows: dataset.rows, columns: dataset.columns.length })}
            {upload.answer.warnings.map((w) => (
              <span key={w.code + w.message.en} className="muted small structure-upload-warning">
                {lang === 'zh' ? w.message.zh : w.message.en}
              </span>
            ))}
          </p>
        )}

        {dataset && (
          <div className="spec-grid">
            <fieldset className="spec-group" data-testid="complexity-columns">
              <legend>{t('structure.cx.columns')}</legend>
              <ColumnSelect dataset={dataset} label={t('structure.cx.regionCol')} value={cols.region} onChange={(v) => set('region', v)} testId="complexity-region-col" />
              <ColumnSelect dataset={dataset} label={t('structure.cx.productCol')} value={cols.product} onChange={(v) => set('product', v)} testId="complexity-product-col" />
              <ColumnSelect dataset={dataset} label={t('structure.cx.valueCol')} value={cols.value} onChange={(v) => set('value', v)} testId="complexity-value-col" />
            </fieldset>
            <fieldset className="spec-group structure-method-group">
              <legend>{t('structure.cx.method')}</legend>
              <Segmented label={t('structure.cx.method')} testId="complexity-method" value={form.method} onChange={(v) => set('method', v)} options={METHODS.map((m) => ({ value: m, label: t(`structure.cx.method.${m}`) }))} />
              <span className="spec-hint">{t(`structure.cx.methodHint.${form.method}`)}</span>
              <Field label={t('structure.cx.rca')} hint={t('structure.cx.rcaHint')}>
                <input className="select input-number" type="number" min={0} step="any" data-testid="complexity-rca" aria-invalid={problems.includes('structure.cx.badRca')} value={form.rcaThreshold} onChange={(e) => set('rcaThreshold', e.target.value)} />
              </Field>
              <Field label={t('structure.cx.opportunities')} hint={t('structure.cx.opportunitiesHint')}>
                <input className="select input-number" type="number" min={0} max={50} step={1} data-testid="complexity-opportunities-n" aria-invalid={problems.includes('structure.cx.badOpportunities')} value={form.opportunities} onChange={(e) => set('opportunities', e.target.value)} />
              </Field>
            </fieldset>
          </div>
        )}

        <div className="spec-actions">
          <button type="submit" className="btn btn-primary" data-testid="complexity-run" disabled={request === null || running}>
            {running ? t('structure.cx.running') : t('structure.cx.run')}
          </button>
          {running && (
            <span className="state-inline" role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" />
              {t('structure.cx.running')}
            </span>
          )}
          {dataset &&
            problems.map((p) => (
              <span key={p} className="form-error" role="alert">
                {t(p)}
              </span>
            ))}
        </div>
      </form>

      {state.status === 'error' && (
        <div data-testid="complexity-error">
          <ErrorBox error={state.error} title={t('structure.cx.runFailed')} />
        </div>
      )}
      {state.status === 'idle' && <p className="panel empty-state">{t('structure.cx.empty')}</p>}
      {running && !shown && (
        <div className="panel map-placeholder">
          <Loading />
        </div>
      )}
      {shown && stale && !running && <p className="notice">{t('structure.cx.stale')}</p>}
      {shown && <ComplexityResults result={shown.result} request={shown.request} busy={running} />}
    </>
  );
}
