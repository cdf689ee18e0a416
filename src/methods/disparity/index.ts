// Regional disparity and spatial statistics: pure methods on typed arrays.
export { gini, type GiniOptions } from './gini.js';
export { dagumGini, type DagumGiniResult } from './dagumGini.js';
export { theilT, theilL, type TheilOptions } from './theil.js';
export { theilDecomposition, type TheilDecompositionOptions, type TheilDecompositionResult } from './theilDecomposition.js';
export { bandwidth } from './bandwidth.js';
export { kernelDensity, kernelDensityCurves, type Kernel, type KernelDensityOptions, type KernelDensityResult, type KernelDensityCurve } from './kernelDensity.js';
export { quantileSorted, quantileClasses, classify, type QuantileClassesResult } from './quantileClasses.js';
export { markovChain, transitionProbabilities, type MarkovChainResult } from './markovChain.js';
export { quantileMarkov, type QuantileMarkovOptions, type QuantileMarkovResult } from './quantileMarkov.js';
export { steadyState, chainStructure, type ChainStructure } from './steadyState.js';
export { markovHomogeneity, type MarkovHomogeneityResult } from './markovHomogeneity.js';
export { spatialMarkov, type SpatialMarkovOptions, type SpatialMarkovResult } from './spatialMarkov.js';
export { moran, type MoranOptions, type MoranResult, type MoranInference, type MoranPermutationResult } from './moran.js';
export { localMoran, type LocalMoranOptions, type LocalMoranResult, type LisaQuadrant } from './localMoran.js';
export { moranScatter, type MoranScatterData } from './moranScatter.js';
export { sigmaConvergence, type SigmaConvergencePoint } from './sigmaConvergence.js';
export { betaConvergence, type BetaConvergenceResult } from './betaConvergence.js';
export { ols, type OlsResult } from './ols.js';
