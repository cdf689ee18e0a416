/**
 * The CBAM calculator's inputs: the shipment file (with a sample template to download), the certificate price,
 * the year, how free allocation is deducted, and whether law values not yet checked in the Official Journal may
 * be used (off by default).
 */
import { saveFile } from '../../api.js';
import { useLang } from '../../lang.js';
import { Field } from '../index/SpecForm.js';
import { FREE_ALLOCATION, problemsOf, sampleCsv, type CbamForm } from './cbamSpec.js';

export interface CbamSpecFormProps {
  readonly form: CbamForm;
  readonly onChange: (form: CbamForm) => void;
  readonly onRun: () => void;
  readonly running: boolean;
}

export function CbamSpecForm({ form, onChange, onRun, running }: CbamSpecFormProps) {
  const { t } = useLang();
  const set = <K extends keyof CbamForm>(key: K, value: CbamForm[K]) => onChange({ ...form, [key]: value });
  const problems = problemsOf(form);
  // a missing file is said by the disabled button; the other problems are input errors worth naming
  const shown = problems.filter((p) => p !== 'cbam.noFile');

  return (
    <form
      className="panel spec-form"
      data-testid="cbam-spec"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0 && !running) onRun();
      }}
    >
      <h2 className="panel-title">{t('cbam.spec')}</h2>

      <div className="control spec-field">
        <label className="control-label" htmlFor="cbam-file">
          {t('cbam.file')}
        </label>
        <span className="cbam-file-row">
          <input id="cbam-file" type="file" accept=".csv,.txt,.xlsx" data-testid="cbam-file" onChange={(e) => set('file', e.target.files?.[0] ?? null)} />
          {/* the form outlives the page, the file input's own display does not */}
          {form.file && <span className="chip" data-testid="cbam-chosen">{t('cbam.chosen', { name: form.file.name })}</span>}
        </span>
        <span className="spec-hint">{t('cbam.fileHint')}</span>
        <span className="cbam-template">
          <button
            type="button"
            className="btn btn-small"
            data-testid="cbam-template"
            onClick={() => saveFile({ blob: new Blob([sampleCsv()], { type: 'text/csv;charset=utf-8' }), fileName: 'cbam-shipments-template-illustrative.csv' })}
          >
            ⤓ {t('cbam.template')}
          </button>
          <span className="spec-hint">{t('cbam.templateHint')}</span>
        </span>
      </div>

      <div className="spec-grid">
        <fieldset className="spec-group">
          <legend>{t('cbam.price')}</legend>
          <Field label={t('cbam.price')} hint={t('cbam.priceHint')}>
            <input
              className="select input-number"
              data-testid="cbam-price"
              type="number"
              inputMode="decimal"
              min={0}
              max={10_000}
              step="any"
              placeholder={t('cbam.pricePlaceholder')}
              aria-invalid={problems.includes('cbam.badPrice')}
              value={form.price}
              onChange={(e) => set('price', e.target.value)}
            />
          </Field>
          <Field label={t('cbam.year')} hint={t('cbam.yearHint')}>
            <input
              className="select input-number"
              data-testid="cbam-year"
              type="number"
              inputMode="numeric"
              min={2026}
              max={2100}
              step={1}
              placeholder={t('cbam.yearAll')}
              aria-invalid={problems.includes('cbam.badYear')}
              value={form.year}
              onChange={(e) => set('year', e.target.value)}
            />
          </Field>
        </fieldset>

        <fieldset className="spec-group" data-testid="cbam-fa">
          <legend>{t('cbam.fa')}</legend>
          {FREE_ALLOCATION.map((m) => (
            <label key={m} className="radio-option">
              <input type="radio" name="cbam-fa" value={m} checked={form.freeAllocation === m} onChange={() => set('freeAllocation', m)} />
              <span>
                <span className="radio-label">{t(`cbam.fa.${m}`)}</span>
                <span className="spec-hint block">{t(`cbam.faHint.${m}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </div>

      <label className="check cbam-unverified">
        <input type="checkbox" data-testid="cbam-allow-unverified" checked={form.allowUnverified} onChange={(e) => set('allowUnverified', e.target.checked)} />
        <span>
          <span className="radio-label">{t('cbam.allowUnverified')}</span>
          <span className="spec-hint block" data-testid="cbam-unverified-hint">
            {t('cbam.allowUnverifiedHint')}
          </span>
        </span>
      </label>

      <div className="spec-actions">
        <button type="submit" className="btn btn-primary" data-testid="cbam-run" disabled={problems.length > 0 || running}>
          {running ? t('cbam.running') : t('cbam.run')}
        </button>
        {running && (
          <span className="state-inline" role="status" aria-live="polite" data-testid="cbam-running">
            <span className="spinner" aria-hidden="true" />
            {t('cbam.running')}
          </span>
        )}
        {shown.map((p) => (
          <span key={p} className="form-error" role="alert">
            {t(p)}
          </span>
        ))}
      </div>
    </form>
  );
}
