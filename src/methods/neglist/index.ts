// public API of methods/neglist: China's foreign-investment negative lists as restriction components, their
// comparison across editions (ratchet), and restrictiveness scores
export type {
  ComponentKind, EquityCap, EquityForm, EquityHolder, LicenceOrQuota, ListVersion, LocalPresence, ManagementNationality, ManagementRole,
  Measure, MeasureScope, NationalityRequirement, Obligation, PerformanceRequirement, Prohibition, ReservationType, RestrictionComponent,
} from './components.js';
export type { ComponentProposal, ParseResult, TextSpan } from './parseComponents.js';
export { COMPONENT_PATTERNS, parseComponents, proposeMeasure } from './parseComponents.js';
export type { ComponentComparison, DimensionChange, LinkKind, MeasureChange, MeasureLink, ProposeLinksOptions, Verdict, VersionDiff } from './compare.js';
export { bigramJaccard, compareComponents, componentLevel, diffVersions, dimensionOf, proposeLinks } from './compare.js';
export type { RatchetFinding, RatchetOptions, RatchetResult, RatchetStatus, RatchetStep } from './ratchet.js';
export { checkRatchet } from './ratchet.js';
export type { FdiEquityResult, SectorScore, StriCategory, StriOptions, StriResult } from './restrictiveness.js';
export { FDI_EQUITY_SCHEDULE, STRI_CATEGORIES, fdiEquityScore, striScore } from './restrictiveness.js';
