// Policy evaluation: pure estimators on typed columns.

// Regression engine: fixed effects, OLS, variance.
export { demean, dropSingletons, factorize, fixedEffectCoefficients, type FactorCodes, type DemeanOptions, type DemeanResult } from './demean.js';
export { feols, type FeolsInput, type FeolsFit, type NamedColumn, type AbsorbedFactor } from './feols.js';
export { vcov, SSC_FIXEST, SSC_LM_SANDWICH, type VcovSpec, type VcovResult, type SmallSampleCorrection } from './vcov.js';

// Event-time estimators (one output schema: EventTimeEstimates).
export { eventStudy, type StaggeredPanel, type EventStudyOptions, type EventTimeEstimates, type EventTimeOptions } from './eventStudy.js';
export { sunAbraham, type SunAbrahamOptions, type SunAbrahamResult, type SunAbrahamCells } from './sunAbraham.js';
export { imputation, type ImputationOptions, type ImputationResult } from './imputation.js';

// Staggered DID of Callaway & Sant'Anna with DRDID 2×2 building blocks.
export { callawaySantAnna, type CallawaySantAnnaOptions, type CallawaySantAnnaResult, type LongPanel } from './callawaySantAnna.js';

// Synthetic control (Abadie et al.) and synthetic DID (Arkhangelsky et al. 2021).
export { estimateSyntheticControl, syntheticControlWeights, type SyntheticControlPanel, type SyntheticControlSpec, type SyntheticControlFit } from './syntheticControl.js';
export { estimateSyntheticDid, syntheticDidStandardError, type SyntheticDidInput, type SyntheticDidOptions, type SyntheticDidFit, type SyntheticDidSe } from './syntheticDid.js';

// Robustness and mechanism: placebo (randomisation) tests, stepwise mediation, heterogeneity by group.
export { placeboTest, type PlaceboMode, type PlaceboPanel, type PlaceboEstimate, type PlaceboEstimator, type PlaceboOptions, type PlaceboResult } from './placebo.js';
export { callawaySantAnnaPlaceboEstimator } from './placeboEstimators.js';
export { twfeTreatmentEngine, type TwfeTreatmentData, type TwfeTreatmentEngine, type TwfeTreatmentEstimate } from './twfeTreatmentEngine.js';
export { mediation, type MediationInput, type MediationOptions, type MediationResult, type MediationCoefficient } from './mediation.js';
export { MEDIATION_LIMITATIONS, type MediationLimitation } from './mediationLimitations.js';
export { heterogeneity, type HeterogeneityInput, type HeterogeneityOptions, type HeterogeneityResult, type HeterogeneityGroup } from './heterogeneity.js';
