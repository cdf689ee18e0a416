import { FtzError } from '../../core/errors.js';

/** A level of the coupling coordination scheme. */
export interface CoordinationClass {
  /** 1 (extreme imbalance) … 10 (quality coordination). */
  level: number;
  /** Lower bound (inclusive) of D for this class. */
  lower: number;
  /** Upper bound (exclusive, except 1 for level 10). */
  upper: number;
  zh: string;
  en: string;
}

/**
 * The common 10-level classification of the coupling coordination degree D in equal steps of 0.1
 * (e.g. 廖重斌 1999, 热带地理 19(2); widely used since): [0, 0.1) 极度失调 … [0.9, 1] 优质协调.
 */
export const COORDINATION_CLASSES: readonly CoordinationClass[] = [
  { level: 1, lower: 0, upper: 0.1, zh: '极度失调', en: 'extreme imbalance' },
  { level: 2, lower: 0.1, upper: 0.2, zh: '严重失调', en: 'serious imbalance' },
  { level: 3, lower: 0.2, upper: 0.3, zh: '中度失调', en: 'moderate imbalance' },
  { level: 4, lower: 0.3, upper: 0.4, zh: '轻度失调', en: 'mild imbalance' },
  { level: 5, lower: 0.4, upper: 0.5, zh: '濒临失调', en: 'on the verge of imbalance' },
  { level: 6, lower: 0.5, upper: 0.6, zh: '勉强协调', en: 'barely coordinated' },
  { level: 7, lower: 0.6, upper: 0.7, zh: '初级协调', en: 'primary coordination' },
  { level: 8, lower: 0.7, upper: 0.8, zh: '中级协调', en: 'intermediate coordination' },
  { level: 9, lower: 0.8, upper: 0.9, zh: '良好协调', en: 'good coordination' },
  { level: 10, lower: 0.9, upper: 1, zh: '优质协调', en: 'quality coordination' },
];

/**
 * The class of a coupling coordination degree D ∈ [0, 1]. Boundaries belong to the upper class (D = 0.5 is
 * 勉强协调); a tolerance of 1e-12 keeps values like 0.30000000000000004 and 0.29999999999999993 in the class a
 * reader expects. Throws `index.out_of_range` outside [0, 1].
 *
 * @example
 * coordinationClass(0.65).zh; // '初级协调'
 */
export function coordinationClass(d: number): CoordinationClass {
  if (!(d >= 0 && d <= 1)) throw new FtzError('index.out_of_range', { what: 'coupling coordination degree D', unit: '-', value: d, min: 0, max: 1 });
  const level = Math.min(10, Math.floor(d * 10 + 1e-12) + 1);
  return COORDINATION_CLASSES[level - 1] as CoordinationClass;
}
