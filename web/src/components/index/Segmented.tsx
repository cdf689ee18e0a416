/** A row of mutually exclusive buttons: a switch between a few views. */
export interface SegmentedOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

export function Segmented<T extends string>({ options, value, onChange, label, testId }: { readonly options: readonly SegmentedOption<T>[]; readonly value: T; readonly onChange: (value: T) => void; readonly label: string; readonly testId?: string }) {
  return (
    <div className="segmented" role="group" aria-label={label} {...(testId ? { 'data-testid': testId } : {})}>
      {options.map((o) => (
        <button key={o.value} type="button" className={o.value === value ? 'segmented-item active' : 'segmented-item'} aria-pressed={o.value === value} data-value={o.value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
