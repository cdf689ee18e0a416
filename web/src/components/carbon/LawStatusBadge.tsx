/**
 * How far a CBAM law value has been checked: read in the Official Journal, a transcription not yet checked
 * there, or recalled. Shown beside every default value and rule the calculation used.
 */
import type { LawStatus } from '../../../../src/analyses/carbon/cbamLaw.js';
import { isMessageKey } from '../../i18n.js';
import { useLang } from '../../lang.js';

export function LawStatusBadge({ status }: { readonly status: LawStatus | string }) {
  const { t } = useLang();
  const key = `law.${status}`;
  const title = `law.${status}.title`;
  return (
    <span className={`badge badge-law-${status}`} data-status={status} title={isMessageKey(title) ? t(title) : undefined}>
      {isMessageKey(key) ? t(key) : status}
    </span>
  );
}
