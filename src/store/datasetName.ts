import { FtzError } from '../core/errors.js';

/** Dataset names appear in indicator codes (`name.column`) and URLs, so they are kept short and plain. */
export function checkDatasetName(name: string): string {
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(name)) throw new FtzError('dataset.name_invalid', { name });
  return name;
}
