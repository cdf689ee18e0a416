/** A weight as a number with a bar behind it, so the table reads like a chart. */
import { formatPercent } from '../../format.js';
import { useLang } from '../../lang.js';

export function WeightBar({ value, max }: { readonly value: number; readonly max: number }) {
  const { lang } = useLang();
  const width = max > 0 ? Math.max(0, Math.min(1, value / max)) * 100 : 0;
  return (
    <span className="weight-bar">
      <span className="weight-bar-track" aria-hidden="true">
        <span className="weight-bar-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="weight-bar-value">{formatPercent(value, lang, 2)}</span>
    </span>
  );
}
