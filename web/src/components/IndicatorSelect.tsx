/** Indicator picker grouped by topic, with user-imported indicators in a group of their own, last. */
import type { ApiIndicator } from '../../../src/server/apiTypes.js';
import { indicatorName, indicatorUnit } from '../format.js';
import { isMessageKey } from '../i18n.js';
import { useLang } from '../lang.js';

const TOPIC_ORDER = ['innovation', 'talent', 'digital', 'industry', 'economy', 'openness', 'green'];

function groupKey(ind: ApiIndicator): string {
  return ind.namespace === 'user' ? 'user' : ind.topic || 'other';
}

function rank(key: string): number {
  if (key === 'user') return 1000;
  const i = TOPIC_ORDER.indexOf(key);
  return i < 0 ? 500 : i;
}

export interface IndicatorSelectProps {
  readonly indicators: readonly ApiIndicator[];
  readonly value: string;
  readonly onChange: (code: string) => void;
  readonly id: string;
  readonly testId?: string;
  /** an empty first option with this text (a picker that adds to a list rather than holds a value) */
  readonly placeholder?: string;
  /** codes not offered */
  readonly exclude?: readonly string[];
}

export function IndicatorSelect({ indicators, value, onChange, id, testId = 'indicator-select', placeholder, exclude }: IndicatorSelectProps) {
  const { lang, t } = useLang();
  const groups = new Map<string, ApiIndicator[]>();
  for (const ind of indicators) {
    if (exclude?.includes(ind.code)) continue;
    const key = groupKey(ind);
    const list = groups.get(key) ?? [];
    list.push(ind);
    groups.set(key, list);
  }
  const ordered = [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
  return (
    <select id={id} className="select" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {ordered.map(([key, list]) => {
        const labelKey = `topic.${key}`;
        return (
          <optgroup key={key} label={isMessageKey(labelKey) ? t(labelKey) : key}>
            {list.map((ind) => {
              const unit = indicatorUnit(ind, lang);
              const label = `${indicatorName(ind, lang)}${unit ? ` (${unit})` : ''}`;
              return (
                <option key={ind.code} value={ind.code}>
                  {ind.namespace === 'user' ? `${ind.dataset} · ${label}` : label}
                </option>
              );
            })}
          </optgroup>
        );
      })}
    </select>
  );
}
