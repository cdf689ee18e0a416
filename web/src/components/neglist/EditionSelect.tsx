/** A chooser of negative-list editions, in order of publication. */
import { useLang } from '../../lang.js';
import { Field } from '../index/SpecForm.js';
import { editionOption } from './labels.js';
import type { EditionSummary } from './types.js';

export function EditionSelect({ editions, value, onChange, testId, label }: { readonly editions: readonly EditionSummary[]; readonly value: string; readonly onChange: (id: string) => void; readonly testId: string; readonly label?: string }) {
  const { t } = useLang();
  return (
    <Field label={label ?? t('neglist.edition')}>
      <select className="select neglist-select" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {editions.map((e) => (
          <option key={`${e.origin}-${e.id}`} value={e.id}>
            {editionOption(e)}
          </option>
        ))}
      </select>
    </Field>
  );
}
