/** The verification status of a registry field, as a coloured badge with its meaning on hover. */
import type { VerificationStatus } from '../../../src/store/zoneTypes.js';
import { useLang } from '../lang.js';

export function StatusBadge({ status }: { readonly status: VerificationStatus }) {
  const { t } = useLang();
  return (
    <span className={`badge badge-${status.toLowerCase()}`} title={t(`status.${status}.title`)}>
      {t(`status.${status}`)}
    </span>
  );
}
