/** Labels of CBAM codes that the API gives in English only. */
import { isMessageKey } from '../../i18n.js';
import type { LangState } from '../../lang.js';

/** `Iron and steel` → 钢铁 / Iron and steel; an unknown group as given. */
export function productGroupLabel(group: string, t: LangState['t']): string {
  const key = `cbam.group.${group}`;
  return isMessageKey(key) ? t(key) : group;
}

/** The rule's name (`free_allocation_factor` → CBAM factor …); an unknown rule as given. */
export function ruleLabel(rule: string, t: LangState['t']): string {
  const key = `cbam.rule.${rule}`;
  return isMessageKey(key) ? t(key) : rule;
}
