/** The saved budgets, every version, newest first within a name; a click opens a version's report. */
import { useLang } from '../../lang.js';
import type { BudgetSummary } from './budgetSpec.js';
import { scopeName, type ScopeNames } from './scopeLabel.js';

export interface BudgetListProps {
  readonly budgets: readonly BudgetSummary[];
  readonly names: ScopeNames;
  readonly selected: { readonly name: string; readonly version: number } | null;
  readonly onSelect: (name: string, version: number) => void;
}

export function BudgetList({ budgets, names, selected, onSelect }: BudgetListProps) {
  const { lang, t } = useLang();
  return (
    <section className="panel budget-list" data-testid="budget-list">
      <h2 className="panel-title">{t('budget.listTitle')}</h2>
      {budgets.length === 0 ? (
        <p className="muted small">{t('budget.listEmpty')}</p>
      ) : (
        <div className="table-scroll table-compact">
          <table className="table">
            <thead>
              <tr>
                <th>{t('budget.col.name')}</th>
                <th className="num">{t('budget.col.version')}</th>
                <th>{t('budget.col.scope')}</th>
                <th>{t('budget.col.years')}</th>
              </tr>
            </thead>
            <tbody>
              {budgets.map((b) => {
                const on = selected?.name === b.name && selected.version === b.version;
                return (
                  <tr key={`${b.name}|${b.version}`} className={on ? 'selected' : undefined} data-budget={`${b.name}@${b.version}`} onClick={() => onSelect(b.name, b.version)}>
                    <td>
                      <button type="button" className="link-button" aria-pressed={on} onClick={(e) => { e.stopPropagation(); onSelect(b.name, b.version); }}>
                        {b.name}
                      </button>
                    </td>
                    <td className="num">{b.version}</td>
                    <td className="wrap">
                      {t(`budget.scope.${b.scopeKind === 'zone' || b.scopeKind === 'province' ? b.scopeKind : 'city'}`)} · {scopeName(b.scopeKind, b.scopeCode, names, lang)}
                    </td>
                    <td>{b.years}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
