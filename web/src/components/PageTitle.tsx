/** The page's h1, also used as the document title so tabs and history entries say where they lead. */
import { useEffect, type ReactNode } from 'react';
import { useLang } from '../lang.js';

export function PageTitle({ title, children }: { readonly title: string; readonly children?: ReactNode }) {
  const { t } = useLang();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <h1 className="page-title" data-testid="page-title">
      {children ?? title}
    </h1>
  );
}
