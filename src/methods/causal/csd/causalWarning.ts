import type { ErrorCode, ErrorParams } from '../../../core/errorCodes.js';

/** A coded warning: render it with `renderMessage(code, params, locale)` like an FtzError. */
export interface CausalWarning<C extends ErrorCode = ErrorCode> {
  readonly code: C;
  readonly params: ErrorParams[C];
}

/** Builds a warning with its parameters type-checked against the code. */
export function causalWarning<C extends ErrorCode>(code: C, params: ErrorParams[C]): CausalWarning {
  return { code, params } as CausalWarning;
}
