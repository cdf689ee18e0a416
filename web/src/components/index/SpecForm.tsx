/** The index spec: framework, normalisation, weights, aggregation and the Monte Carlo runs, and the Run button. */
import type { ReactNode } from 'react';
import { useLang } from '../../lang.js';
import { FrameworkInfo } from './FrameworkInfo.js';
import type { Framework } from './framework.js';
import { labelOf } from './result.js';
import {
  AGGREGATIONS,
  MAX_REPLICATIONS,
  NORMALISATIONS,
  SCOPES,
  SHIFTS,
  WEIGHTS,
  aggKey,
  normKey,
  parseReplications,
  scopeKey,
  weightKey,
  type FormSpec,
} from './spec.js';

export interface SpecFormProps {
  readonly frameworks: readonly Framework[];
  readonly spec: FormSpec;
  readonly onChange: (spec: FormSpec) => void;
  readonly onRun: () => void;
  readonly running: boolean;
  readonly valid: boolean;
}

export function Field({ label, hint, children, wide }: { readonly label: string; readonly hint?: string; readonly children: ReactNode; readonly wide?: boolean }) {
  return (
    <label className={wide ? 'control spec-field spec-wide' : 'control spec-field'}>
      <span className="control-label">{label}</span>
      {children}
      {hint && <span className="spec-hint">{hint}</span>}
    </label>
  );
}

export function SpecForm({ frameworks, spec, onChange, onRun, running, valid }: SpecFormProps) {
  const { lang, t } = useLang();
  const framework = frameworks.find((f) => f.id === spec.framework);
  const set = <K extends keyof FormSpec>(key: K, value: FormSpec[K]) => onChange({ ...spec, [key]: value });
  const badReplications = parseReplications(spec.replications) === null;

  return (
    <form
      className="panel spec-form"
      data-testid="index-spec"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && !running) onRun();
      }}
    >
      <h2 className="panel-title">{t('index.spec')}</h2>
      <Field label={t('index.framework')} wide>
        <select className="select" data-testid="framework-select" value={spec.framework} onChange={(e) => set('framework', e.target.value)}>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {labelOf(f.name, lang)}
            </option>
          ))}
        </select>
      </Field>
      {framework && <FrameworkInfo framework={framework} />}

      <div className="spec-grid">
        <fieldset className="spec-group">
          <legend>{t('index.normalisation')}</legend>
          <Field label={t('index.normalisation')}>
            <select className="select" data-testid="norm-method" value={spec.normalisation} onChange={(e) => set('normalisation', e.target.value as FormSpec['normalisation'])}>
              {NORMALISATIONS.map((m) => (
                <option key={m} value={m}>
                  {t(normKey(m))}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('index.shift')} hint={t('index.shiftHint')}>
            <select className="select" data-testid="norm-shift" value={spec.shift} disabled={spec.normalisation !== 'minmax'} onChange={(e) => set('shift', Number(e.target.value))}>
              {SHIFTS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('index.scope')}>
            <select className="select" data-testid="norm-scope" value={spec.scope} onChange={(e) => set('scope', e.target.value as FormSpec['scope'])}>
              {SCOPES.map((s) => (
                <option key={s} value={s}>
                  {t(scopeKey(s))}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>

        <fieldset className="spec-group">
          <legend>{t('index.weights')} · {t('index.aggregation')}</legend>
          <Field label={t('index.weights')}>
            <select className="select" data-testid="weights-method" value={spec.weights} onChange={(e) => set('weights', e.target.value as FormSpec['weights'])}>
              {WEIGHTS.map((w) => (
                <option key={w} value={w}>
                  {t(weightKey(w))}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('index.aggregation')}>
            <select className="select" data-testid="aggregation-method" value={spec.aggregation} onChange={(e) => set('aggregation', e.target.value as FormSpec['aggregation'])}>
              {AGGREGATIONS.map((a) => (
                <option key={a} value={a}>
                  {t(aggKey(a))}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>

        <fieldset className="spec-group">
          <legend>{t('index.uncertaintyTitle')}</legend>
          <Field label={t('index.replications')} hint={t('index.replicationsHint')}>
            <input
              className="select input-number"
              data-testid="replications"
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_REPLICATIONS}
              step={1}
              value={spec.replications}
              aria-invalid={badReplications}
              onChange={(e) => set('replications', e.target.value)}
            />
          </Field>
          <Field label={t('index.seed')}>
            <input className="select input-number" data-testid="seed" type="number" step={1} value={spec.seed} onChange={(e) => set('seed', e.target.value)} />
          </Field>
        </fieldset>
      </div>

      <div className="spec-actions">
        <button type="submit" className="btn btn-primary" data-testid="index-run" disabled={!valid || running}>
          {running ? t('index.running') : t('index.run')}
        </button>
        {running && (
          <span className="state-inline" role="status" aria-live="polite" data-testid="index-running">
            <span className="spinner" aria-hidden="true" />
            {t('index.running')}
          </span>
        )}
        {badReplications && (
          <span className="form-error" role="alert">
            {t('index.badReplications')}
          </span>
        )}
      </div>
    </form>
  );
}
