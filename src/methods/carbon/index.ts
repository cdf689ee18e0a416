// public API of methods/carbon: input–output (MRIO) emission accounts and emissions embodied in trade
export type { DenseMatrix, LeontiefModel, MrioTables } from './inputOutput.js';
export { denseMatrix, leontiefInverse, leontiefModel, matrixRows, sumFinalDemandCategories, technicalCoefficients, totalOutput } from './inputOutput.js';
export type { BilateralEmbodiedEmissions, EmissionAccount, EmissionAccounts, EmissionAccountsOptions } from './emissionAccounts.js';
export { bilateralEmbodiedEmissions, emissionAccounts } from './emissionAccounts.js';
export type {
  EmbodiedRowPart, EmbodiedRowStatus, EmbodiedTotal, EmbodiedTradeRow, HsIsicLink, TradeEmbodiedOptions, TradeEmbodiedResult, TradeRow,
  UncoveredTrade,
} from './tradeEmbodied.js';
export { tradeEmbodiedEmissions } from './tradeEmbodied.js';
// CBAM: covered goods, embedded emissions of complex goods, the obligation; carbon budgets
export type { CbamGood, CbamProductGroup, CnMatch } from './cbamGoods.js';
export { CnIndex, normaliseCn } from './cbamGoods.js';
export type { Precursor, ProductionProcess, SpecificEmissions } from './complexGoods.js';
export { specificEmbeddedEmissions } from './complexGoods.js';
export type { CbamLine, CbamLineResult, CbamNote, CbamOptions, CbamResult, CbamRules, EmissionsBasis, FreeAllocationMethod } from './cbamObligation.js';
export { cbamObligation } from './cbamObligation.js';
export type { BudgetTracking, BudgetTrackingOptions, BudgetYearRow, PathKind, YearValue } from './carbonBudget.js';
export { constantRate, pathOvershoot, reductionPath, trackBudget } from './carbonBudget.js';
