/**
 * The FTZ-effect spec: outcome (in logs or levels) and covariates from the indicator list, the level and years
 * of the panel, how treatment is dated from the FTZ registry, the estimators and their options, the optional
 * robustness checks (placebo test, heterogeneity, mechanism channels), and Run.
 */
import type { ApiIndicator } from '../../../../src/server/apiTypes.js';
import { indicatorName } from '../../format.js';
import { useLang } from '../../lang.js';
import { IndicatorSelect } from '../IndicatorSelect.js';
import { Segmented } from '../index/Segmented.js';
import { Field } from '../index/SpecForm.js';
import { estimatorColour, estimatorKey, ruleHintKey, ruleKey } from './estimators.js';
import { RobustnessFields } from './RobustnessFields.js';
import { CONTROLS, ESTIMATORS, LEVELS, METHODS, RULES, problemsOf, type EffectForm } from './spec.js';

export interface EffectSpecFormProps {
  readonly indicators: readonly ApiIndicator[];
  readonly form: EffectForm;
  readonly onChange: (form: EffectForm) => void;
  readonly onRun: () => void;
  readonly running: boolean;
}

export function EffectSpecForm({ indicators, form, onChange, onRun, running }: EffectSpecFormProps) {
  const { lang, t } = useLang();
  const set = <K extends keyof EffectForm>(key: K, value: EffectForm[K]) => onChange({ ...form, [key]: value });
  const problems = problemsOf(form);
  const outcome = indicators.find((i) => i.code === form.outcome);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const badWindow = problems.includes('effect.badWindow');
  const badYears = problems.includes('effect.badYears');

  return (
    <form
      className="panel spec-form"
      data-testid="effect-spec"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0 && !running) onRun();
      }}
    >
      <h2 className="panel-title">{t('effect.spec')}</h2>

      <div className="effect-outcome-row">
        <Field label={t('effect.outcome')} wide {...(outcome?.first_year && outcome.last_year ? { hint: t('effect.outcomeCoverage', { from: outcome.first_year, to: outcome.last_year, n: outcome.regions }) } : {})}>
          <IndicatorSelect id="effect-outcome" testId="effect-outcome" indicators={indicators} value={form.outcome} onChange={(code) => onChange({ ...form, outcome: code, covariates: form.covariates.filter((c) => c !== code), mediators: form.mediators.filter((c) => c !== code) })} />
        </Field>
        <label className="check effect-log">
          <input type="checkbox" data-testid="effect-log" checked={form.log} onChange={(e) => set('log', e.target.checked)} />
          <span>
            {t('effect.log')}
            <span className="spec-hint block">{t('effect.logHint')}</span>
          </span>
        </label>
      </div>

      <div className="control spec-field" data-testid="effect-covariates">
        <span className="control-label">{t('effect.covariates')}</span>
        <div className="covariate-row">
          {form.covariates.length === 0 && <span className="muted small">{t('effect.noCovariates')}</span>}
          {form.covariates.map((code) => {
            const ind = byCode.get(code);
            return (
              <span key={code} className="chip covariate-chip" data-code={code}>
                {ind ? indicatorName(ind, lang) : code}
                <button type="button" className="chip-remove" aria-label={t('effect.removeCovariate', { name: ind ? indicatorName(ind, lang) : code })} onClick={() => set('covariates', form.covariates.filter((c) => c !== code))}>
                  ×
                </button>
              </span>
            );
          })}
          <IndicatorSelect
            id="effect-covariate-add"
            testId="effect-covariate-add"
            indicators={indicators}
            value=""
            placeholder={t('effect.addCovariate')}
            exclude={[form.outcome, ...form.covariates]}
            onChange={(code) => code && set('covariates', [...form.covariates, code])}
          />
        </div>
        <span className="spec-hint">{t('effect.covariatesHint')}</span>
      </div>

      <div className="spec-grid effect-spec-grid">
        <fieldset className="spec-group">
          <legend>{t('effect.sample')}</legend>
          <div className="control spec-field">
            <span className="control-label">{t('effect.level')}</span>
            <Segmented label={t('effect.level')} testId="effect-level" value={form.level} onChange={(v) => set('level', v)} options={LEVELS.map((l) => ({ value: l, label: t(`effect.level.${l}`) }))} />
            <span className="spec-hint">{t(form.level === 'city' ? 'effect.levelHint.city' : 'effect.levelHint.province')}</span>
          </div>
          <div className="control spec-field">
            <span className="control-label">{t('effect.years')}</span>
            <div className="input-pair">
              <input
                className="select input-number"
                data-testid="effect-from"
                type="number"
                step={1}
                placeholder={outcome?.first_year ? String(outcome.first_year) : t('effect.yearAll')}
                aria-label={t('effect.yearFrom')}
                aria-invalid={badYears}
                value={form.from}
                onChange={(e) => set('from', e.target.value)}
              />
              <span aria-hidden="true">–</span>
              <input
                className="select input-number"
                data-testid="effect-to"
                type="number"
                step={1}
                placeholder={outcome?.last_year ? String(outcome.last_year) : t('effect.yearAll')}
                aria-label={t('effect.yearTo')}
                aria-invalid={badYears}
                value={form.to}
                onChange={(e) => set('to', e.target.value)}
              />
            </div>
            <span className="spec-hint">{t('effect.yearsHint')}</span>
          </div>
        </fieldset>

        <fieldset className="spec-group" data-testid="effect-rule">
          <legend>{t('effect.rule')}</legend>
          {RULES.map((r) => (
            <label key={r} className="radio-option">
              <input type="radio" name="effect-rule" value={r} checked={form.rule === r} onChange={() => set('rule', r)} />
              <span>
                <span className="radio-label">{t(ruleKey(r))}</span>
                <span className="spec-hint block">{t(ruleHintKey(r))}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset className="spec-group">
          <legend>{t('effect.estimation')}</legend>
          <div className="control spec-field" data-testid="effect-estimators">
            <span className="control-label">{t('effect.estimators')}</span>
            <div className="estimator-checks">
              {ESTIMATORS.map((e) => {
                const key = estimatorKey(e);
                return (
                  <label key={e} className="check">
                    <input
                      type="checkbox"
                      value={e}
                      checked={form.estimators.includes(e)}
                      onChange={(ev) => set('estimators', ev.target.checked ? [...form.estimators, e] : form.estimators.filter((x) => x !== e))}
                    />
                    <span className="swatch-dot" style={{ background: estimatorColour(e) }} aria-hidden="true" />
                    {key ? t(key) : e}
                  </label>
                );
              })}
            </div>
          </div>
          <div className="control spec-field">
            <span className="control-label">{t('effect.control')}</span>
            <Segmented label={t('effect.control')} testId="effect-control" value={form.control} onChange={(v) => set('control', v)} options={CONTROLS.map((c) => ({ value: c, label: t(`effect.control.${c}`) }))} />
          </div>
          <Field label={t('effect.method')}>
            <select className="select" data-testid="effect-method" value={form.method} onChange={(e) => set('method', e.target.value as EffectForm['method'])}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`effect.method.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <span className="spec-hint">{t('effect.csOnly')}</span>
          <div className="control spec-field">
            <span className="control-label">{t('effect.window')}</span>
            <div className="input-pair">
              <input className="select input-number" data-testid="effect-window-pre" type="number" step={1} max={-1} min={-20} aria-label={t('effect.windowPre')} aria-invalid={badWindow} value={form.pre} onChange={(e) => set('pre', e.target.value)} />
              <span aria-hidden="true">…</span>
              <input className="select input-number" data-testid="effect-window-post" type="number" step={1} min={0} max={20} aria-label={t('effect.windowPost')} aria-invalid={badWindow} value={form.post} onChange={(e) => set('post', e.target.value)} />
            </div>
            <span className="spec-hint">{t('effect.windowHint')}</span>
          </div>
        </fieldset>
      </div>

      <RobustnessFields indicators={indicators} form={form} onChange={onChange} />

      <div className="spec-actions">
        <button type="submit" className="btn btn-primary" data-testid="effect-run" disabled={problems.length > 0 || running}>
          {running ? t('effect.running') : t('effect.run')}
        </button>
        {running && (
          <span className="state-inline" role="status" aria-live="polite" data-testid="effect-running">
            <span className="spinner" aria-hidden="true" />
            {t('effect.running')}
          </span>
        )}
        {problems.map((p) => (
          <span key={p} className="form-error" role="alert">
            {t(p)}
          </span>
        ))}
      </div>
    </form>
  );
}
