/**
 * A registry value with its status and sources. An unverified value is said to be unverified: the draft that
 * may sit beside it is never shown as fact.
 */
import type { ReactNode } from 'react';
import type { SourcedField } from '../../../src/store/zoneTypes.js';
import { SourceRefs } from './SourceRefs.js';
import { NotVerified } from './States.js';
import { StatusBadge } from './StatusBadge.js';

export interface SourcedValueProps<T> {
  readonly field: SourcedField<T>;
  readonly render: (value: T) => ReactNode;
  /** plain-text form for alternatives of a conflicting field */
  readonly text: (value: T) => string;
}

export function SourcedValue<T>({ field, render, text }: SourcedValueProps<T>) {
  return (
    <div className="sourced">
      <div className="sourced-line">
        <span className="sourced-value">{field.value === null ? <NotVerified /> : render(field.value)}</span>
        <StatusBadge status={field.status} />
      </div>
      <SourceRefs field={field} renderValue={text} />
    </div>
  );
}
