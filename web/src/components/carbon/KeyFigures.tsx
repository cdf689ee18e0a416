/** A row of headline numbers, each with its label, unit and an optional line of explanation. */
import type { ReactNode } from 'react';

export interface KeyFigure {
  readonly key: string;
  readonly label: string;
  readonly value: ReactNode;
  readonly unit?: string;
  readonly hint?: string;
}

export function KeyFigures({ figures, testId }: { readonly figures: readonly KeyFigure[]; readonly testId?: string }) {
  return (
    <dl className="key-figures" {...(testId ? { 'data-testid': testId } : {})}>
      {figures.map((f) => (
        <div key={f.key} className="key-figure" data-figure={f.key}>
          <dt>{f.label}</dt>
          <dd>
            <span className="key-figure-value">{f.value}</span>
            {f.unit && <span className="key-figure-unit"> {f.unit}</span>}
          </dd>
          {f.hint && <dd className="key-figure-hint">{f.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
