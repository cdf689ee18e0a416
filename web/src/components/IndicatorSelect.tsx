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
}

export function IndicatorSelect({ indicators, value, onChange, id }: IndicatorSelectProps) {
  const { lang, t } = useLang();
  const groups = new Map<string, ApiIndicator[]>();
  for (const ind of indicators) {
    const key = groupKey(ind);
    const list = groups.get(key) ?? [];
    list.push(ind);
    groups.set(key, list);
  }
  const ordered = [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
  return (
    <select id={id} className="select" data-testid="indicator-select" value={value} onChange={(e) => onChange(e.target.value)}>
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
