/** Multi-select of regions as toggle chips, grouped (macro-region, or province for cities), with presets. */
import { useLang } from '../lang.js';

export interface RegionOption {
  readonly code: string;
  readonly label: string;
  readonly hasData: boolean;
}

export interface RegionGroup {
  readonly key: string;
  readonly label: string;
  readonly items: readonly RegionOption[];
}

export function RegionPicker({
  groups,
  selected,
  onChange,
  presets,
  legend,
}: {
  readonly groups: readonly RegionGroup[];
  readonly selected: readonly string[];
  readonly onChange: (codes: string[]) => void;
  readonly presets: readonly { readonly label: string; readonly codes: readonly string[] }[];
  readonly legend: string;
}) {
  const { t } = useLang();
  const toggle = (code: string) => onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  return (
    <fieldset className="region-picker">
      <legend>
        {legend} <span className="muted small">{t('explorer.selected', { n: selected.length })}</span>
      </legend>
      <div className="preset-row">
        {presets.map((p) => (
          <button key={p.label} type="button" className="btn btn-small" disabled={p.codes.length === 0} onClick={() => onChange([...p.codes])}>
            {p.label}
          </button>
        ))}
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange([])}>
          {t('explorer.clear')}
        </button>
      </div>
      <div className="region-groups">
        {groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <div key={g.key} className="region-group">
              <div className="region-group-label">{g.label}</div>
              <div className="region-options">
                {g.items.map((o) => (
                  <label key={o.code} className={`region-option${selected.includes(o.code) ? ' checked' : ''}${o.hasData ? '' : ' no-data'}`} title={o.hasData ? undefined : t('state.noData')}>
                    <input type="checkbox" checked={selected.includes(o.code)} onChange={() => toggle(o.code)} />
                    {o.label}
                  </label>
                ))}
              </div>
            </div>
          ))}
      </div>
    </fieldset>
  );
}

