/** A titled section of the results, with an optional line of explanation under the title. */
import type { ReactNode } from 'react';

export function ResultPanel({ title, lead, testId, actions, children }: { readonly title: string; readonly lead?: string; readonly testId?: string; readonly actions?: ReactNode; readonly children: ReactNode }) {
  return (
    <section className="panel result-panel" {...(testId ? { 'data-testid': testId } : {})}>
      <div className="result-head">
        <h2 className="panel-title">{title}</h2>
        {actions && <div className="result-actions">{actions}</div>}
      </div>
      {lead && <p className="muted small result-lead">{lead}</p>}
      {children}
    </section>
  );
}
