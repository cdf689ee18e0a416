/**
 * Restriction components: the pieces one negative-list measure is made of, in a form two editions of a list can
 * be compared on. A measure such as "公共航空运输公司须由中方控股，且一家外商及其关联企业投资比例不得超过25%，法定代表人须由中国籍
 * 公民担任" is three components (Chinese control, a per-investor cap, a nationality rule for the legal
 * representative); the ratchet is judged per component, not per sentence.
 *
 * The obligation tags follow the reservation schedules of modern agreements (TPP/CPTPP Annex I entries name
 * "National Treatment (Article 9.4)", "Market Access (Article 10.5)", "Senior Management and Boards of Directors
 * (Article 9.11)", "Performance Requirements (Article 9.10)", "Local Presence (Article 10.6)"), so a component can
 * be mapped onto a reservation without a second vocabulary.
 */

/** The treaty obligation a component departs from. */
export type Obligation =
  | 'national_treatment'
  | 'market_access'
  | 'mfn'
  | 'senior_management_boards'
  | 'performance_requirements'
  | 'local_presence';

/**
 * How an equity limit is phrased. `chinese_control` (中方控股) and `joint_venture` (限于合资、合作) carry no
 * number in the text; they are encoded on the same foreign-share scale as numeric caps so that all equity limits
 * are ordered by one number.
 */
export type EquityForm = 'cap' | 'chinese_control' | 'joint_venture';

/** Whose holding the cap limits: all foreign investors together, or one foreign investor with its affiliates. */
export type EquityHolder = 'all_foreign' | 'single_foreign_investor';

export type ManagementRole = 'senior_management' | 'legal_representative' | 'board';

/** `all`: the role (or every holder of it) must be a Chinese national; `majority`: more than half of them. */
export type NationalityRequirement = 'all' | 'majority';

/** Fields every component carries. */
interface ComponentBase {
  readonly obligation: Obligation;
  /** The part of the measure's activity the component applies to, when narrower than the measure (e.g. 小麦新品种选育). */
  readonly subSector?: string;
}

export interface Prohibition extends ComponentBase {
  readonly kind: 'prohibition';
}

/**
 * Foreign equity limited to `maxForeignShare` percent (0–100). `exclusive` means the foreign share must stay
 * strictly below the bound: 中方控股 is foreign < 50 (Chinese control), a JV requirement is foreign < 100, while
 * 中方股比不低于34% is foreign ≤ 66 (inclusive).
 */
export interface EquityCap extends ComponentBase {
  readonly kind: 'equity_cap';
  readonly form: EquityForm;
  readonly maxForeignShare: number;
  readonly exclusive: boolean;
  readonly holder: EquityHolder;
}

export interface ManagementNationality extends ComponentBase {
  readonly kind: 'management_nationality';
  readonly role: ManagementRole;
  readonly requirement: NationalityRequirement;
}

/** Establishment or residence required in China before a service may be supplied (TPP Art. 10.6). */
export interface LocalPresence extends ComponentBase {
  readonly kind: 'local_presence';
}

/** A licence, approval or quantitative limit applied to foreign suppliers only. */
export interface LicenceOrQuota extends ComponentBase {
  readonly kind: 'licence_or_quota';
}

/** Export share, local content, technology transfer and similar conditions (TPP Art. 9.10). */
export interface PerformanceRequirement extends ComponentBase {
  readonly kind: 'performance_requirement';
}

export type RestrictionComponent =
  | Prohibition
  | EquityCap
  | ManagementNationality
  | LocalPresence
  | LicenceOrQuota
  | PerformanceRequirement;

export type ComponentKind = RestrictionComponent['kind'];

/** Where a measure applies. */
export interface MeasureScope {
  /** GB/T 4754 section letter (A–T), the unit the lists are grouped and scored by. */
  readonly sector: string;
  /** The sector or activity as the list words it. */
  readonly sectorText?: string;
  readonly subSector?: string;
  /** `national`, `ftz`, `hainan`, or a named zone. */
  readonly territory?: string;
}

/**
 * TPP/CPTPP reservation types: Annex I entries bind existing measures and are subject to the ratchet
 * (Art. 9.12.1(c)); Annex II entries reserve the right to adopt more restrictive measures (Art. 9.12.2).
 */
export type ReservationType = 'annex_i' | 'annex_ii';

export interface Measure {
  readonly id: string;
  readonly text: string;
  readonly scope: MeasureScope;
  readonly components: readonly RestrictionComponent[];
  /** False while components are machine proposals nobody has checked against the text. */
  readonly reviewed: boolean;
  readonly reservation?: ReservationType;
}

/** One edition of a list. */
export interface ListVersion {
  readonly id: string;
  readonly measures: readonly Measure[];
}
