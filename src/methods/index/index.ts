// public API of methods/index: composite-index construction (normalise → weight → aggregate → diagnose)
export type { DataMatrix, Direction } from './dataMatrix.js';
export { dataMatrix } from './dataMatrix.js';
export type { NormaliseMethod, NormaliseOptions } from './normalise.js';
export { normalise } from './normalise.js';

export type { EntropyWeights } from './entropyWeights.js';
export { entropyWeights } from './entropyWeights.js';
export type { CriticWeights } from './criticWeights.js';
export { criticWeights } from './criticWeights.js';
export type { PcaWeights, PcaWeightsOptions } from './pcaWeights.js';
export { pcaWeights } from './pcaWeights.js';
export type { AhpOptions, AhpWeights } from './ahpWeights.js';
export { ahpWeights, SAATY_RANDOM_INDEX } from './ahpWeights.js';
export { equalWeights } from './equalWeights.js';
export { userWeights } from './userWeights.js';
export type { CombineWeightsOptions } from './combineWeights.js';
export { combineWeights } from './combineWeights.js';

export type { AggregateOptions } from './aggregateArithmetic.js';
export { aggregateArithmetic } from './aggregateArithmetic.js';
export { aggregateGeometric } from './aggregateGeometric.js';
export type { TopsisOptions, TopsisResult } from './topsis.js';
export { topsis } from './topsis.js';
export type { IndexNode } from './indexTree.js';
export type { AggregateHierarchyOptions, AggregationMethod, HierarchyScores } from './aggregateHierarchy.js';
export { aggregateHierarchy } from './aggregateHierarchy.js';
export { effectiveWeights } from './effectiveWeights.js';

export type { CouplingCoordination, CouplingCoordinationOptions } from './couplingCoordination.js';
export { couplingCoordination } from './couplingCoordination.js';
export type { CoordinationClass } from './coordinationClass.js';
export { COORDINATION_CLASSES, coordinationClass } from './coordinationClass.js';
export type { ObstacleDegree, ObstacleDegreeOptions } from './obstacleDegree.js';
export { obstacleDegree } from './obstacleDegree.js';
