/** A Pilot FTZ chooser in registry order, with an optional "none" entry. */
import type { ZoneSummary } from '../../../../src/server/apiTypes.js';
import { useLang } from '../../lang.js';
import { Field } from '../index/SpecForm.js';
import { zoneLabel } from './labels.js';

export interface ZoneSelectProps {
  readonly zones: readonly ZoneSummary[];
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly testId: string;
  readonly label?: string;
  /** label of an empty choice; without it a zone must be chosen */
  readonly noneLabel?: string;
  readonly hint?: string;
}

export function ZoneSelect({ zones, value, onChange, testId, label, noneLabel, hint }: ZoneSelectProps) {
  const { lang, t } = useLang();
  return (
    <Field label={label ?? t('structure.zone')} {...(hint ? { hint } : {})}>
      <select className="select" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {noneLabel !== undefined && <option value="">{noneLabel}</option>}
        {zones.map((z) => (
          <option key={z.id} value={z.id}>
            {zoneLabel(z, lang)}
          </option>
        ))}
      </select>
    </Field>
  );
}
