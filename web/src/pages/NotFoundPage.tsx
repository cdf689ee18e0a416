import { PageTitle } from '../components/PageTitle.js';
import { useLang } from '../lang.js';
import { hrefOf } from '../route.js';

export function NotFoundPage() {
  const { t } = useLang();
  return (
    <div className="page">
      <PageTitle title={t('app.notFound')} />
      <p>
        <a href={hrefOf({ page: 'home' })}>← {t('zone.back')}</a>
      </p>
    </div>
  );
}
