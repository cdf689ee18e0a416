/**
 * Weights and what-if: the index's normalisation, weighting and aggregation, hand-set dimension weights and a
 * saved negative-list scenario. Apply asks the server for the what-if against the baseline; Reset returns to it.
 */
import { useLang } from '../../lang.js';
import type { ApiState } from '../../useApi.js';
import { Field } from '../index/SpecForm.js';
import { AGGREGATIONS, NORMALISATIONS, WEIGHTS, aggKey, normKey, weightKey, type ScenariosResponse } from './scorecard.js';
import { parseDimensions, scenarioValue, type WhatIfForm } from './whatIfForm.js';

export interface Dimension {
  readonly code: string;
  readonly name: string;
  readonly weight: number;
}

export interface WhatIfPanelProps {
  readonly form: WhatIfForm;
  readonly onChange: (form: WhatIfForm) => void;
  readonly dimensions: readonly Dimension[];
  readonly scenarios: ApiState<ScenariosResponse>;
  readonly onApply: () => void;
  readonly onReset: () => void;
  readonly running: boolean;
  readonly applied: boolean;
}

// three decimals show a weight well enough to edit; the server rescales whatever is typed
const shownWeight = (w: number): string => (Number.isFinite(w) ? String(Math.round(w * 1000) / 1000) : '');

export function WhatIfPanel({ form, onChange, dimensions, scenarios, onApply, onReset, running, applied }: WhatIfPanelProps) {
  const { t } = useLang();
  const set = <K extends keyof WhatIfForm>(key: K, value: WhatIfForm[K]) => onChange({ ...form, [key]: value });
  const typed = form.dimensions ?? dimensions.map((d) => shownWeight(d.weight));
  const setDimension = (i: number, value: string) => set('dimensions', typed.map((v, k) => (k === i ? value : v)));
  const badWeights = form.dimensions !== null && parseDimensions(form.dimensions) === null;
  const saved = scenarios.status === 'ok' ? scenarios.data.scenarios : [];

  return (
    <form
      className="panel spec-form sc-whatif-form"
      data-testid="sc-whatif-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!badWeights && !running) onApply();
      }}
    >
      <h2 className="panel-title">{t('scorecard.whatIf.title')}</h2>
      <p className="muted small">{t('scorecard.whatIf.lead')}</p>
      <div className="spec-grid">
        <fieldset className="spec-group">
          <legend>{t('index.normalisation')} · {t('index.weights')} · {t('index.aggregation')}</legend>
          <Field label={t('index.normalisation')}>
            <select className="select" data-testid="sc-norm-method" value={form.normalisation} onChange={(e) => set('normalisation', e.target.value as WhatIfForm['normalisation'])}>
              {NORMALISATIONS.map((m) => (
                <option key={m} value={m}>
                  {t(normKey(m))}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('index.weights')}>
            <select className="select" data-testid="sc-weights-method" value={form.weights} onChange={(e) => set('weights', e.target.value as WhatIfForm['weights'])}>
              {WEIGHTS.map((w) => (
                <option key={w} value={w}>
                  {t(weightKey(w))}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('index.aggregation')}>
            <select className="select" data-testid="sc-agg-method" value={form.aggregation} onChange={(e) => set('aggregation', e.target.value as WhatIfForm['aggregation'])}>
              {AGGREGATIONS.map((a) => (
                <option key={a} value={a}>
                  {t(aggKey(a))}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>

        <fieldset className="spec-group" data-testid="sc-dimensions">
          <legend>
            {t('scorecard.whatIf.dimensions')}
            {form.dimensions !== null && <span className="chip sc-handset">{t('scorecard.whatIf.handSet')}</span>}
          </legend>
          {dimensions.map((d, i) => (
            <Field key={d.code} label={d.name}>
              <input
                className="select input-number"
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                data-testid="sc-dim-weight"
                data-code={d.code}
                value={typed[i] ?? ''}
                aria-invalid={badWeights}
                onChange={(e) => setDimension(i, e.target.value)}
              />
            </Field>
          ))}
          <span className="spec-hint">{t('scorecard.whatIf.dimensionsHint')}</span>
        </fieldset>

        <fieldset className="spec-group">
          <legend>{t('scorecard.whatIf.scenario')}</legend>
          <Field label={t('scorecard.whatIf.scenario')} {...(scenarios.status === 'ok' && saved.length === 0 ? { hint: t('scorecard.whatIf.noScenarios') } : {})}>
            <select className="select" data-testid="sc-scenario" value={form.scenario} disabled={scenarios.status !== 'ok'} onChange={(e) => set('scenario', e.target.value)}>
              <option value="">{t('scorecard.whatIf.noScenario')}</option>
              {saved.map((s) => (
                <option key={scenarioValue(s.name, s.version)} value={scenarioValue(s.name, s.version)}>
                  {t('scorecard.whatIf.scenarioOption', { name: s.name, version: s.version, edition: s.edition })}
                </option>
              ))}
            </select>
          </Field>
          {scenarios.status === 'error' && <span className="form-error">{scenarios.error.message}</span>}
        </fieldset>
      </div>

      <div className="spec-actions">
        <button type="submit" className="btn btn-primary" data-testid="sc-apply" disabled={badWeights || running}>
          {t('scorecard.whatIf.apply')}
        </button>
        <button type="button" className="btn" data-testid="sc-reset" disabled={running && !applied} onClick={onReset}>
          {t('scorecard.whatIf.reset')}
        </button>
        {running && (
          <span className="state-inline" role="status" aria-live="polite" data-testid="sc-whatif-running">
            <span className="spinner" aria-hidden="true" />
            {t('scorecard.whatIf.running')}
          </span>
        )}
        {!running && applied && <span className="chip sc-active">{t('scorecard.whatIf.active')}</span>}
        {badWeights && (
          <span className="form-error" role="alert">
            {t('scorecard.whatIf.badWeights')}
          </span>
        )}
      </div>
    </form>
  );
}
