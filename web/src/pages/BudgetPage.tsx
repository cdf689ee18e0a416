/**
 * Carbon budgets: the saved budgets, a form for a new one, and the chosen version's report against the CEADs
 * inventory, whose boundary (a whole province or city, not a zone's own area) is stated first.
 */
import { useRef, useState } from 'react';
import type { ApiRegion, ZonesResponse } from '../../../src/server/apiTypes.js';
import { BudgetForm } from '../components/carbon/BudgetForm.js';
import { BudgetList } from '../components/carbon/BudgetList.js';
import { BudgetReportView } from '../components/carbon/BudgetReportView.js';
import { DEFAULT_BUDGET_FORM, type BudgetForm as Form, type BudgetSummary } from '../components/carbon/budgetSpec.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorBox, Loading } from '../components/States.js';
import { useLang } from '../lang.js';
import { useApi, useInvalidate } from '../useApi.js';
import '../components/carbon/carbon.css';

interface Selected {
  readonly name: string;
  readonly version: number;
}

// the form and the chosen budget outlive a visit to another page
let rememberedForm: Form = DEFAULT_BUDGET_FORM;
let rememberedSelection: Selected | null = null;

/** The most recently created version, shown when nothing is chosen yet. */
function newest(budgets: readonly BudgetSummary[]): Selected | null {
  const b = [...budgets].sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
  return b ? { name: b.name, version: b.version } : null;
}

export function BudgetPage() {
  const { t } = useLang();
  const invalidate = useInvalidate();
  const list = useApi<{ budgets: BudgetSummary[] }>('api/carbon/budgets');
  const zones = useApi<ZonesResponse>('api/zones');
  const provinces = useApi<{ regions: ApiRegion[] }>('api/regions?level=province');
  const [form, setFormState] = useState<Form>(() => rememberedForm);
  const setForm = (next: Form) => {
    rememberedForm = next;
    setFormState(next);
  };
  const [chosen, setChosenState] = useState<Selected | null>(() => rememberedSelection);
  const setChosen = (next: Selected) => {
    rememberedSelection = next;
    setChosenState(next);
  };

  // the list is fetched again after a budget is created; the page keeps the last one meanwhile
  const lastBudgets = useRef<readonly BudgetSummary[] | null>(null);
  if (list.status === 'ok') lastBudgets.current = list.data.budgets;
  const budgets = lastBudgets.current ?? [];
  const listed = chosen !== null && (list.status !== 'ok' || budgets.some((b) => b.name === chosen.name && b.version === chosen.version));
  const selected = listed ? chosen : newest(budgets);
  const loadError = list.status === 'error' ? list : zones.status === 'error' ? zones : provinces.status === 'error' ? provinces : null;
  const ready = lastBudgets.current !== null && zones.status === 'ok' && provinces.status === 'ok';
  const names = { zones: zones.status === 'ok' ? zones.data.zones : [], provinces: provinces.status === 'ok' ? provinces.data.regions : [] };

  return (
    <div className="page" data-testid="budget-page">
      <PageTitle title={t('budget.title')} />
      <p className="lead">{t('budget.lead')}</p>
      <p className="notice" data-testid="budget-scenario-note">
        {t('budget.scenarioNote')}
      </p>
      {loadError?.error ? (
        <ErrorBox error={loadError.error} onRetry={loadError.retry} />
      ) : !ready ? (
        <Loading />
      ) : (
        <>
          <div className="budget-layout">
            <BudgetList budgets={budgets} names={names} selected={selected} onSelect={(name, version) => setChosen({ name, version })} />
            <BudgetForm
              zones={names.zones}
              provinces={names.provinces}
              form={form}
              onChange={setForm}
              onCreated={(name, version) => {
                setChosen({ name, version });
                invalidate(['api/carbon/budgets']);
              }}
            />
          </div>
          {selected ? <BudgetReportView key={`${selected.name}@${selected.version}`} name={selected.name} version={selected.version} names={names} /> : <p className="panel empty-state">{t('budget.pick')}</p>}
        </>
      )}
    </div>
  );
}
