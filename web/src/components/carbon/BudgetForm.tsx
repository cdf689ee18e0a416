/**
 * A new carbon budget: its name, the scope (a Pilot FTZ on its host province or host cities, or a province),
 * the reduction path, base and target years and the cut by the target year. Posting it saves a new version.
 */
import { useState } from 'react';
import type { ApiRegion, ZoneSummary } from '../../../../src/server/apiTypes.js';
import { ApiError, postJson } from '../../api.js';
import { regionName } from '../../format.js';
import { useLang } from '../../lang.js';
import { Field } from '../index/SpecForm.js';
import { Segmented } from '../index/Segmented.js';
import { ErrorBox } from '../States.js';
import { BASES, PATH_KINDS, SCOPE_KINDS, nameOf, problemsOf, requestOf, suggestedName, type BudgetForm as Form } from './budgetSpec.js';

interface Created {
  readonly name: string;
  readonly version: number;
  readonly years: readonly { year: number; budget: number }[];
}

export interface BudgetFormProps {
  readonly zones: readonly ZoneSummary[];
  readonly provinces: readonly ApiRegion[];
  readonly form: Form;
  readonly onChange: (form: Form) => void;
  readonly onCreated: (name: string, version: number) => void;
}

export function BudgetForm({ zones, provinces, form: raw, onChange, onCreated }: BudgetFormProps) {
  const { lang, t } = useLang();
  // the first zone and province stand in until the user picks one
  const form: Form = { ...raw, zone: raw.zone || (zones[0]?.id ?? ''), province: raw.province || (provinces[0]?.code ?? '') };
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Created | null>(null);
  const problems = problemsOf(form);
  const request = requestOf(form);

  const submit = async () => {
    if (!request || busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const created = await postJson<Created>('api/carbon/budgets', request, lang);
      setDone(created);
      onCreated(created.name, created.version);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 'client.unknown', 0));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel spec-form budget-form"
      data-testid="budget-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 className="panel-title">{t('budget.formTitle')}</h2>
      <Field label={t('budget.name')} hint={t('budget.nameHint')}>
        <input
          className="select"
          type="text"
          maxLength={64}
          data-testid="budget-name"
          value={nameOf(form)}
          placeholder={suggestedName(form)}
          aria-invalid={problems.includes('budget.badName')}
          onChange={(e) => onChange({ ...form, name: e.target.value, nameTouched: true })}
        />
      </Field>

      <div className="spec-grid">
        <fieldset className="spec-group">
          <legend>{t('budget.scopeKind')}</legend>
          <Segmented label={t('budget.scopeKind')} testId="budget-scope-kind" value={form.scopeKind} onChange={(v) => set('scopeKind', v)} options={SCOPE_KINDS.map((k) => ({ value: k, label: t(`budget.scope.${k}`) }))} />
          {form.scopeKind === 'zone' ? (
            <>
              <Field label={t('budget.zone')}>
                <select className="select" data-testid="budget-zone" value={form.zone} onChange={(e) => set('zone', e.target.value)}>
                  {zones.map((z) => (
                    <option key={z.id} value={z.id}>
                      {lang === 'zh' ? z.name_zh : z.name_en}
                    </option>
                  ))}
                </select>
              </Field>
              <div className="control spec-field" data-testid="budget-basis" role="radiogroup" aria-label={t('budget.basis')}>
                <span className="control-label">{t('budget.basis')}</span>
                {BASES.map((b) => (
                  <label key={b} className="radio-option">
                    <input type="radio" name="budget-basis" value={b} checked={form.basis === b} onChange={() => set('basis', b)} />
                    <span>
                      <span className="radio-label">{t(`budget.basis.${b}`)}</span>
                      <span className="spec-hint block">{t(`budget.basisHint.${b}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </>
          ) : (
            <Field label={t('budget.province')}>
              <select className="select" data-testid="budget-province" value={form.province} onChange={(e) => set('province', e.target.value)}>
                {provinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {regionName(p, p.code, lang)}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </fieldset>

        <fieldset className="spec-group" data-testid="budget-path-kind">
          <legend>{t('budget.pathKind')}</legend>
          {PATH_KINDS.map((k) => (
            <label key={k} className="radio-option">
              <input type="radio" name="budget-path-kind" value={k} checked={form.pathKind === k} onChange={() => set('pathKind', k)} />
              <span>
                <span className="radio-label">{t(`budget.path.${k}`)}</span>
                <span className="spec-hint block">{t(`budget.pathHint.${k}`)}</span>
              </span>
            </label>
          ))}
          <div className="input-pair budget-years">
            <Field label={t('budget.baseYear')}>
              <input className="select input-number" type="number" step={1} min={1990} max={2100} data-testid="budget-base-year" aria-invalid={problems.includes('budget.badYears')} value={form.baseYear} onChange={(e) => set('baseYear', e.target.value)} />
            </Field>
            <Field label={t('budget.targetYear')}>
              <input className="select input-number" type="number" step={1} min={1991} max={2100} data-testid="budget-target-year" aria-invalid={problems.includes('budget.badYears')} value={form.targetYear} onChange={(e) => set('targetYear', e.target.value)} />
            </Field>
          </div>
          <span className="spec-hint">{t('budget.baseYearHint')}</span>
          <Field label={t('budget.reduction')}>
            <input className="select input-number" type="number" step="any" min={0} max={100} data-testid="budget-reduction" aria-invalid={problems.includes('budget.badReduction')} value={form.reduction} onChange={(e) => set('reduction', e.target.value)} />
          </Field>
        </fieldset>
      </div>

      <div className="spec-actions">
        <button type="submit" className="btn btn-primary" data-testid="budget-create" disabled={problems.length > 0 || busy}>
          {busy ? t('budget.creating') : t('budget.create')}
        </button>
        {problems.map((p) => (
          <span key={p} className="form-error" role="alert">
            {t(p)}
          </span>
        ))}
        {done && (
          <span className="state-inline" role="status" data-testid="budget-created">
            {t('budget.created', { name: done.name, version: done.version, from: done.years[0]?.year ?? '—', to: done.years.at(-1)?.year ?? '—' })}
          </span>
        )}
      </div>
      {error && (
        <div data-testid="budget-create-error">
          <ErrorBox error={error} title={t('budget.createFailed')} />
        </div>
      )}
    </form>
  );
}
