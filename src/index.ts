// Public API of the ftzlab package. What is not listed here is internal and may change.
export { FtzError, isFtzError } from './core/errors.js';
export type { ErrorCode, ErrorParams } from './core/errorCodes.js';
export type { Locale } from './core/locale.js';
export type { Result, Table, Column, Figure, Warning, Provenance, Label } from './core/result.js';
export { openStore, type OpenStoreOptions } from './store/openStore.js';
export type { Store, Db } from './store/duckdb.js';
export type { ZoneRecord, ZoneAreaRecord, SourcedField, SourceRef, VerificationStatus } from './store/zoneTypes.js';
export { zonesOverview, zoneDetail, observations } from './analyses/catalog.js';
export { importDataset, importDatasetFile, exportDataset, showDataset, type ImportSpec, type ImportOutcome } from './analyses/datasets.js';
export { listIndicators, listRegions, listSources } from './store/catalog.js';
