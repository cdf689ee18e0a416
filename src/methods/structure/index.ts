// public API of methods/structure: specialisation, relatedness, similarity, trade indices, IO linkages,
// economic complexity (RCA, ECI/PCI, fitness), product space, PRODY/EXPY
export type { LocationQuotientOptions, KrugmanOptions } from './specialisation.js';
export { bilateralKrugman, krugmanSpecialisation, locationQuotient } from './specialisation.js';
export type { EconGeoRelatednessMethod } from './relatedness.js';
export { econGeoCoOccurrence, econGeoRelatedness, econGeoRelatednessDensity } from './relatedness.js';
export type { CodeSet, Dendrogram, Merge, SimilarityMeasure } from './structureSimilarity.js';
export { averageLinkage, codeSetMatrix, cosineSimilarity, cutDendrogram, jaccardSimilarity, similarityMatrix, unidoSimilarity } from './structureSimilarity.js';
export type { DrysdaleIntensity, TradeComplementarityOptions, TradeFlows } from './tradeIndices.js';
export { drysdaleIntensity, exportSimilarity, tradeComplementarity, tradeFlowsFromBilateral, tradeIntensity } from './tradeIndices.js';
export type { ChainLink, IoLinkageOptions, IoLinkages, SectorLinkages, SectorLinks, SectorLinksOptions } from './ioLinkages.js';
export { allocationCoefficients, ghoshInverse, ioLinkages, sectorLinks } from './ioLinkages.js';
// economic complexity
export type { ComplexityMatrix, ComplexityMatrixOptions, LongValues, Presence, RcaPresence, RcaPresenceOptions } from './complexityMatrix.js';
export { balassaRca, complexityMatrix, complexityMatrixFromDense, presenceFromBinary, rcaPresence } from './complexityMatrix.js';
export type {
  ComplexityMethod, ComplexityStandardisation, EconomicComplexity, EconomicComplexityOptions, FitnessComplexity, FitnessOptions,
} from './economicComplexity.js';
export { economicComplexity, fitnessComplexity, reflectionIterates } from './economicComplexity.js';
export type { ComplexityOutlook, ComplexityOutlookOptions, ProximityOptions } from './productSpace.js';
export { complexityOutlook, productProximity, relatednessDensity } from './productSpace.js';
export type { ProdyExpy, RegionValues } from './prody.js';
export { prody } from './prody.js';
