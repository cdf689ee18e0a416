/** A compact year chooser for a result panel's header. */
import { useLang } from '../../lang.js';

export function YearSelect({ years, value, onChange, testId }: { readonly years: readonly number[]; readonly value: number; readonly onChange: (year: number) => void; readonly testId?: string }) {
  const { t } = useLang();
  return (
    <label className="control control-inline">
      <span className="control-label">{t('index.year')}</span>
      <select className="select select-small" value={value} onChange={(e) => onChange(Number(e.target.value))} {...(testId ? { 'data-testid': testId } : {})}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
