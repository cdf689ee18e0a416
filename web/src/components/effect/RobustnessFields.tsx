/**
 * The optional part of the FTZ-effect spec, folded away by default: the placebo test (fake assignments, how they
 * are drawn, seed), heterogeneity by FTZ batch or location type, and mechanism channels (mediators).
 */
import { useState } from 'react';
import type { ApiIndicator } from '../../../../src/server/apiTypes.js';
import { indicatorName } from '../../format.js';
import { useLang } from '../../lang.js';
import { IndicatorSelect } from '../IndicatorSelect.js';
import { GROUPINGS, MAX_PLACEBO_DRAWS, PLACEBO_MODES, placeboDrawsOf, problemsOf, type EffectForm } from './spec.js';

export interface RobustnessFieldsProps {
  readonly indicators: readonly ApiIndicator[];
  readonly form: EffectForm;
  readonly onChange: (form: EffectForm) => void;
}

export function RobustnessFields({ indicators, form, onChange }: RobustnessFieldsProps) {
  const { lang, t } = useLang();
  const set = <K extends keyof EffectForm>(key: K, value: EffectForm[K]) => onChange({ ...form, [key]: value });
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const problems = problemsOf(form);
  const draws = placeboDrawsOf(form);
  const chosen = [
    ...(draws !== null && draws > 0 ? [t('effect.placebo')] : []),
    ...(form.heterogeneity.length > 0 ? [t('effect.heterogeneity')] : []),
    ...(form.mediators.length > 0 ? [t('effect.mechanisms')] : []),
  ];
  // open when a remembered form already has something set, so that nothing chosen is hidden
  const [open, setOpen] = useState(chosen.length > 0 || problems.includes('effect.badPlacebo') || problems.includes('effect.badSeed'));
  const name = (code: string) => {
    const ind = byCode.get(code);
    return ind ? indicatorName(ind, lang) : code;
  };

  return (
    <details className="spec-more" data-testid="effect-robustness" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="effect-robustness-toggle">
        {t('effect.robustness')}
        {chosen.length > 0 && <span className="spec-more-on">{t('effect.robustnessOn', { list: chosen.join(lang === 'zh' ? '、' : ', ') })}</span>}
      </summary>
      <p className="spec-hint">{t('effect.robustnessHint')}</p>
      <div className="spec-grid effect-spec-grid">
        <fieldset className="spec-group" data-testid="effect-placebo">
          <legend>{t('effect.placebo')}</legend>
          <div className="control spec-field">
            <label className="control-label" htmlFor="effect-placebo-draws">
              {t('effect.placeboDraws')}
            </label>
            <input
              id="effect-placebo-draws"
              className="select input-number"
              data-testid="effect-placebo-draws"
              type="number"
              step={1}
              min={0}
              max={MAX_PLACEBO_DRAWS}
              aria-invalid={problems.includes('effect.badPlacebo')}
              value={form.placeboDraws}
              onChange={(e) => set('placeboDraws', e.target.value)}
            />
            <span className="spec-hint">{t('effect.placeboDrawsHint')}</span>
          </div>
          <div className="control spec-field" role="radiogroup" aria-label={t('effect.placeboMode')} data-testid="effect-placebo-mode">
            <span className="control-label">{t('effect.placeboMode')}</span>
            {PLACEBO_MODES.map((m) => (
              <label key={m} className="radio-option">
                <input type="radio" name="effect-placebo-mode" value={m} checked={form.placeboMode === m} onChange={() => set('placeboMode', m)} />
                <span>
                  <span className="radio-label">{t(`effect.placeboMode.${m}`)}</span>
                  <span className="spec-hint block">{t(`effect.placeboModeHint.${m}`)}</span>
                </span>
              </label>
            ))}
          </div>
          <div className="control spec-field">
            <label className="control-label" htmlFor="effect-placebo-seed">
              {t('effect.placeboSeed')}
            </label>
            <input
              id="effect-placebo-seed"
              className="select input-number"
              data-testid="effect-placebo-seed"
              type="number"
              step={1}
              aria-invalid={problems.includes('effect.badSeed')}
              value={form.placeboSeed}
              onChange={(e) => set('placeboSeed', e.target.value)}
            />
            <span className="spec-hint">{t('effect.placeboSeedHint')}</span>
          </div>
        </fieldset>

        <fieldset className="spec-group" data-testid="effect-heterogeneity">
          <legend>{t('effect.heterogeneity')}</legend>
          <div className="estimator-checks">
            {GROUPINGS.map((g) => (
              <label key={g} className="check">
                <input
                  type="checkbox"
                  value={g}
                  data-testid={`effect-het-${g}`}
                  checked={form.heterogeneity.includes(g)}
                  onChange={(ev) => set('heterogeneity', ev.target.checked ? [...form.heterogeneity, g] : form.heterogeneity.filter((x) => x !== g))}
                />
                {t(`effect.het.${g}`)}
              </label>
            ))}
          </div>
          <span className="spec-hint">{t('effect.hetHint')}</span>
        </fieldset>

        <fieldset className="spec-group" data-testid="effect-mediators">
          <legend>{t('effect.mechanisms')}</legend>
          <div className="control spec-field">
            <span className="control-label">{t('effect.mediators')}</span>
            <div className="covariate-row">
              {form.mediators.length === 0 && <span className="muted small">{t('effect.noCovariates')}</span>}
              {form.mediators.map((code) => (
                <span key={code} className="chip covariate-chip" data-code={code}>
                  {name(code)}
                  <button type="button" className="chip-remove" aria-label={t('effect.removeCovariate', { name: name(code) })} onClick={() => set('mediators', form.mediators.filter((c) => c !== code))}>
                    ×
                  </button>
                </span>
              ))}
            </div>
            <IndicatorSelect
              id="effect-mediator-add"
              testId="effect-mediator-add"
              indicators={indicators}
              value=""
              placeholder={t('effect.addMediator')}
              exclude={[form.outcome, ...form.mediators]}
              onChange={(code) => code && set('mediators', [...form.mediators, code])}
            />
          </div>
          <span className="spec-hint mediator-log" data-testid="effect-mediator-log">
            {t(form.log ? 'effect.mediatorLogOn' : 'effect.mediatorLogOff')}
          </span>
          <span className="spec-hint">{t('effect.mediatorHint')}</span>
        </fieldset>
      </div>
    </details>
  );
}
