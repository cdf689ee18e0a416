/**
 * The carbon-budget form and the spec it posts to `api/carbon/budgets`: a scope (a Pilot FTZ on its host
 * province or host cities, or a province) and a reduction path from a base year's inventory value.
 */
import type { listBudgets, sectorEmissions } from '../../../../src/analyses/carbon/carbonBudgets.js';
import type { MessageKey } from '../../i18n.js';

export type BudgetSummary = Awaited<ReturnType<typeof listBudgets>>[number];
export type SectorEmissions = Awaited<ReturnType<typeof sectorEmissions>>;

export const SCOPE_KINDS = ['zone', 'province'] as const;
export const BASES = ['province', 'cities'] as const;
export const PATH_KINDS = ['linear', 'constant_rate'] as const;

export interface BudgetForm {
  readonly name: string;
  /** false while the name is the suggested one, which then follows the scope and target year */
  readonly nameTouched: boolean;
  readonly scopeKind: (typeof SCOPE_KINDS)[number];
  readonly zone: string;
  readonly province: string;
  readonly basis: (typeof BASES)[number];
  readonly pathKind: (typeof PATH_KINDS)[number];
  readonly baseYear: string;
  readonly targetYear: string;
  /** percent cut by the target year, as typed */
  readonly reduction: string;
}

export const DEFAULT_BUDGET_FORM: BudgetForm = {
  name: '', nameTouched: false, scopeKind: 'zone', zone: '', province: '', basis: 'province', pathKind: 'linear', baseYear: '2019', targetYear: '2030', reduction: '20',
};

export interface BudgetRequest {
  readonly name: string;
  readonly scope: { readonly kind: 'zone' | 'province'; readonly code: string; readonly basis?: 'province' | 'cities' };
  readonly path: { readonly kind: 'linear' | 'constant_rate'; readonly baseYear: number; readonly targetYear: number; readonly targetReduction: number };
}

const NAME = /^[\p{L}\p{N}_-]{1,64}$/u;

function year(text: string): number | null {
  const v = Number(text);
  return text.trim() !== '' && Number.isInteger(v) && v >= 1990 && v <= 2100 ? v : null;
}

export function scopeCode(form: BudgetForm): string {
  return form.scopeKind === 'zone' ? form.zone : form.province;
}

/** The name offered until the user types one: scope and target year, e.g. `SH-2030`. */
export function suggestedName(form: BudgetForm): string {
  const code = scopeCode(form);
  return code ? `${code}${form.scopeKind === 'zone' && form.basis === 'cities' ? '-cities' : ''}-${form.targetYear.trim() || 'budget'}` : '';
}

export function nameOf(form: BudgetForm): string {
  return form.nameTouched ? form.name.trim() : suggestedName(form);
}

export function problemsOf(form: BudgetForm): MessageKey[] {
  const out: MessageKey[] = [];
  if (!NAME.test(nameOf(form))) out.push('budget.badName');
  if (!scopeCode(form)) out.push('budget.noScope');
  const base = year(form.baseYear);
  const target = year(form.targetYear);
  if (base === null || target === null || target <= base) out.push('budget.badYears');
  const r = Number(form.reduction);
  if (form.reduction.trim() === '' || !Number.isFinite(r) || r < 0 || r > 100) out.push('budget.badReduction');
  return out;
}

export function requestOf(form: BudgetForm): BudgetRequest | null {
  if (problemsOf(form).length > 0) return null;
  const code = scopeCode(form);
  return {
    name: nameOf(form),
    scope: form.scopeKind === 'zone' ? { kind: 'zone', code, basis: form.basis } : { kind: 'province', code },
    path: { kind: form.pathKind, baseYear: Number(form.baseYear), targetYear: Number(form.targetYear), targetReduction: Number(form.reduction) / 100 },
  };
}
