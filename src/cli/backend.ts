import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { zoneDetail, zonesOverview, observations, type ObservationQueryInput } from '../analyses/catalog.js';
import { exportDataset, importDatasetFile, showDataset, type ImportOutcome, type ImportSpec } from '../analyses/datasets.js';
import { budgetReport, createBudget, listBudgets, sectorEmissions, type BudgetReport } from '../analyses/carbon/carbonBudgets.js';
import { cbamExposure, type CbamExposureOutput } from '../analyses/carbon/cbamExposure.js';
import { loadCbamLaw, type CbamLaw } from '../analyses/carbon/cbamLaw.js';
import { tradeEmbodied, type TradeEmbodiedOutput } from '../analyses/carbon/tradeEmbodied.js';
import { ftzEffect } from '../analyses/did/ftzEffect.js';
import { annexGap } from '../analyses/neglist/annexGap.js';
import { scorecardResult } from '../analyses/scorecard/scorecardResult.js';
import { scorecardWhatIf } from '../analyses/scorecard/whatIf.js';
import { scorecards, type Scorecards } from '../analyses/scorecard/zoneScorecard.js';
import { diffEditions, ratchetEditions, scoreEdition } from '../analyses/neglist/editionAnalysis.js';
import { importEdition, listEditions, showEdition, type EditionSummary } from '../analyses/neglist/lists.js';
import { listScenarios, saveScenario } from '../analyses/neglist/simulate.js';
import { saveTiers } from '../analyses/neglist/tiers.js';
import { ftaIndices, type FtaIndicesOutput } from '../analyses/structure/ftaIndices.js';
import { industryChain, type IndustryChainOutput } from '../analyses/structure/industryChain.js';
import { zonePartners, type ZonePartnersOutput } from '../analyses/structure/zonePartners.js';
import { zoneProfile, type ZoneProfileOutput } from '../analyses/structure/zoneProfile.js';
import { zoneSimilarity, type ZoneSimilarityOutput } from '../analyses/structure/zoneSimilarity.js';
import { runIndex } from '../analyses/nqpf/runIndex.js';
import { FtzError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { Locale } from '../core/locale.js';
import { defaultDbPath } from '../core/paths.js';
import type {
  ApiErrorBody, ApiIndicator, ApiRegion, ApiSource, DatasetSummary, ObservationsResponse, ZoneResponse, ZonesResponse,
} from '../server/apiTypes.js';
import { listIndicators, listRegions, listSources } from '../store/catalog.js';
import { datasetHistory, listDatasets, type DatasetContent } from '../store/datasets.js';
import type { Store } from '../store/duckdb.js';
import { exportDataset as writeExport } from '../store/export/exportDataset.js';
import { openStore } from '../store/openStore.js';

/**
 * What the CLI asks of ftzlab. Two implementations: straight on the database, or, when a running
 * `ftzlab serve` holds the database (DuckDB allows one writer), through that server's API, so the CLI keeps
 * working beside the dashboard and an import shows up in it at once.
 */
export interface Backend {
  readonly via: 'store' | 'server';
  zones(): Promise<ZonesResponse>;
  zone(id: string): Promise<ZoneResponse>;
  regions(level?: 'province' | 'prefecture'): Promise<ApiRegion[]>;
  indicators(): Promise<ApiIndicator[]>;
  observations(q: ObservationQueryInput): Promise<ObservationsResponse>;
  sources(): Promise<ApiSource[]>;
  datasets(): Promise<DatasetSummary[]>;
  dataset(name: string, version?: number): Promise<DatasetContent>;
  history(name: string): Promise<DatasetSummary[]>;
  importFile(path: string, spec: ImportSpec, onProgress: (stage: string) => void): Promise<ImportOutcome>;
  exportDataset(name: string, out: string, version?: number): Promise<{ format: string; rows: number }>;
  runIndex(spec: unknown, onProgress: (done: number, total: number, stage: string) => void): Promise<Result>;
  ftzEffect(spec: unknown): Promise<Result>;
  cbam(path: string, spec: CbamCliSpec): Promise<CbamExposureOutput>;
  cbamLaw(): Promise<CbamLawView>;
  budgets(): Promise<Awaited<ReturnType<typeof listBudgets>>>;
  createBudget(spec: unknown): Promise<Awaited<ReturnType<typeof createBudget>>>;
  budgetReport(name: string, options: BudgetOptions): Promise<BudgetReport>;
  sectors(province: string, year?: number): Promise<Awaited<ReturnType<typeof sectorEmissions>>>;
  embodied(tradePath: string, intensitiesPath: string): Promise<TradeEmbodiedOutput>;
  structureProfile(zone: string, includeUnverified: boolean): Promise<ZoneProfileOutput>;
  structureSimilarity(spec: unknown): Promise<ZoneSimilarityOutput>;
  structurePartners(spec: unknown): Promise<ZonePartnersOutput>;
  structureChain(spec: unknown): Promise<IndustryChainOutput>;
  structureFta(spec: unknown): Promise<FtaIndicesOutput>;
  neglistEditions(): Promise<EditionSummary[]>;
  neglistShow(id: string, version?: number): Promise<Awaited<ReturnType<typeof showEdition>>>;
  neglistImport(path: string, spec: Record<string, unknown>): Promise<Awaited<ReturnType<typeof importEdition>>>;
  neglistDiff(from: string, to: string): Promise<Awaited<ReturnType<typeof diffEditions>>>;
  neglistRatchet(ids: readonly string[]): Promise<Awaited<ReturnType<typeof ratchetEditions>>>;
  neglistScore(id: string, tiers?: string): Promise<Awaited<ReturnType<typeof scoreEdition>>>;
  neglistSaveTiers(name: string, tiers: unknown): Promise<{ name: string; version: number }>;
  neglistSaveScenario(name: string, scenario: unknown): Promise<{ name: string; version: number }>;
  neglistScenarios(): Promise<Awaited<ReturnType<typeof listScenarios>>>;
  neglistGap(id: string): Promise<Awaited<ReturnType<typeof annexGap>>>;
  scorecards(spec: unknown): Promise<Scorecards>;
  /** the scorecards as a Result; with `whatIf`, beside the baseline with the changes */
  scorecardResult(spec: unknown, whatIf: boolean): Promise<Result>;
  close(): void;
}

export interface CbamCliSpec {
  readonly price?: number;
  readonly year?: number;
  readonly freeAllocation?: 'benchmark' | 'phase_in_share' | 'none';
  readonly allowUnverified?: boolean;
  readonly sheet?: string;
}
export interface BudgetOptions {
  readonly version?: number;
  readonly trendYears?: number;
  readonly estimates?: readonly { year: number; value: number }[];
}
export type CbamLawView = Omit<CbamLaw, 'defaults'> & { defaults: CbamLaw['defaults'] extends ReadonlyMap<string, infer V> ? V[] : never };

async function readShipmentFile(path: string): Promise<Uint8Array> {
  if (!existsSync(path)) throw new FtzError('import.file_not_found', { file: path });
  return new Uint8Array(await readFile(path));
}

class StoreBackend implements Backend {
  readonly via = 'store' as const;
  constructor(private readonly store: Store) {}
  zones() { return zonesOverview(this.store); }
  zone(id: string) { return zoneDetail(this.store, id); }
  regions(level?: 'province' | 'prefecture') { return listRegions(this.store, level); }
  indicators() { return listIndicators(this.store); }
  observations(q: ObservationQueryInput) { return observations(this.store, q); }
  sources() { return listSources(this.store); }
  datasets() { return listDatasets(this.store); }
  dataset(name: string, version?: number) { return showDataset(this.store, name, version); }
  history(name: string) { return datasetHistory(this.store, name); }
  importFile(path: string, spec: ImportSpec, onProgress: (stage: string) => void) {
    return importDatasetFile(this.store, path, spec, { onProgress });
  }
  exportDataset(name: string, out: string, version?: number) { return exportDataset(this.store, name, out, version); }
  runIndex(spec: unknown, onProgress: (done: number, total: number, stage: string) => void) {
    return runIndex(this.store, spec, { onProgress });
  }
  ftzEffect(spec: unknown) { return ftzEffect(this.store, spec); }
  async cbam(path: string, spec: CbamCliSpec) {
    const { sheet, ...rest } = spec;
    return cbamExposure(this.store, { bytes: await readShipmentFile(path), fileName: basename(path), path, ...(sheet ? { sheet } : {}) }, rest);
  }
  async cbamLaw() {
    const l = await loadCbamLaw(this.store);
    return { ...l, defaults: [...l.defaults.values()] };
  }
  budgets() { return listBudgets(this.store); }
  createBudget(spec: unknown) { return createBudget(this.store, spec); }
  budgetReport(name: string, options: BudgetOptions) { return budgetReport(this.store, name, options); }
  sectors(province: string, year?: number) { return sectorEmissions(this.store, province, year); }
  async embodied(tradePath: string, intensitiesPath: string) {
    return tradeEmbodied(this.store, { bytes: await readShipmentFile(tradePath), fileName: tradePath }, { bytes: await readShipmentFile(intensitiesPath), fileName: intensitiesPath });
  }
  structureProfile(zone: string, includeUnverified: boolean) { return zoneProfile(this.store, zone, { includeUnverified }); }
  structureSimilarity(spec: unknown) { return zoneSimilarity(this.store, spec); }
  structurePartners(spec: unknown) { return zonePartners(this.store, spec); }
  structureChain(spec: unknown) { return industryChain(this.store, spec); }
  structureFta(spec: unknown) { return ftaIndices(this.store, spec); }
  neglistEditions() { return listEditions(this.store); }
  neglistShow(id: string, version?: number) { return showEdition(this.store, id, version); }
  async neglistImport(path: string, spec: Record<string, unknown>) {
    return importEdition(this.store, { bytes: await readShipmentFile(path), fileName: path }, spec);
  }
  neglistDiff(from: string, to: string) { return diffEditions(this.store, from, to); }
  neglistRatchet(ids: readonly string[]) { return ratchetEditions(this.store, ids); }
  neglistScore(id: string, tiers?: string) { return scoreEdition(this.store, id, { tiers }); }
  neglistSaveTiers(name: string, tiers: unknown) { return saveTiers(this.store, name, tiers); }
  neglistSaveScenario(name: string, scenario: unknown) { return saveScenario(this.store, name, scenario); }
  neglistScenarios() { return listScenarios(this.store); }
  neglistGap(id: string) { return annexGap(this.store, id); }
  scorecards(spec: unknown) { return scorecards(this.store, spec); }
  async scorecardResult(spec: unknown, whatIf: boolean) {
    if (!whatIf) return scorecardResult(await scorecards(this.store, spec));
    const w = await scorecardWhatIf(this.store, spec);
    return scorecardResult(w.whatIf, w.changes);
  }
  close() { this.store.close(); }
}

class ServerBackend implements Backend {
  readonly via = 'server' as const;
  constructor(private readonly base: string, private readonly locale: Locale) {}

  private async call<T>(path: string, init?: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.base), {
        ...init, headers: { 'accept-language': this.locale, ...(init?.headers ?? {}) },
      });
    } catch (e) {
      throw new FtzError('internal.unexpected', { reason: `the server at ${this.base} did not answer` }, { cause: e });
    }
    const body = (await res.json()) as T | ApiErrorBody;
    if (!res.ok) {
      const err = (body as ApiErrorBody).error;
      const known = err.code as ConstructorParameters<typeof FtzError>[0];
      throw new FtzError(known, err.details as never);
    }
    return body as T;
  }

  zones() { return this.call<ZonesResponse>('api/zones'); }
  zone(id: string) { return this.call<ZoneResponse>(`api/zones/${encodeURIComponent(id)}`); }
  async regions(level?: 'province' | 'prefecture') {
    return (await this.call<{ regions: ApiRegion[] }>(`api/regions${level ? `?level=${level}` : ''}`)).regions;
  }
  async indicators() { return (await this.call<{ indicators: ApiIndicator[] }>('api/indicators')).indicators; }
  observations(q: ObservationQueryInput) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, String(v));
    return this.call<ObservationsResponse>(`api/observations?${p}`);
  }
  async sources() { return (await this.call<{ sources: ApiSource[] }>('api/sources')).sources; }
  async datasets() { return (await this.call<{ datasets: DatasetSummary[] }>('api/datasets')).datasets; }
  dataset(name: string, version?: number) {
    return this.call<DatasetContent>(`api/datasets/${encodeURIComponent(name)}${version ? `?version=${version}` : ''}`);
  }
  async history(name: string) {
    return (await this.call<{ versions: DatasetSummary[] }>(`api/datasets/${encodeURIComponent(name)}/versions`)).versions;
  }
  async importFile(path: string, spec: ImportSpec, onProgress: (stage: string) => void) {
    if (!existsSync(path)) throw new FtzError('import.file_not_found', { file: path });
    onProgress(`sending ${basename(path)} to the running server`);
    const p = new URLSearchParams({ file_name: basename(path) });
    for (const [k, v] of Object.entries(spec)) if (v !== undefined) p.set(k, String(v));
    const bytes = await readFile(path);
    return this.call<ImportOutcome>(`api/datasets?${p}`, {
      method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' },
    });
  }
  async exportDataset(name: string, out: string, version?: number) {
    return writeExport(await this.dataset(name, version), out);
  }
  runIndex(spec: unknown, onProgress: (done: number, total: number, stage: string) => void) {
    onProgress(0, 1, 'sending the spec to the running server');
    return this.call<Result>('api/index/run', {
      method: 'POST', body: JSON.stringify(spec), headers: { 'content-type': 'application/json' },
    });
  }
  ftzEffect(spec: unknown) {
    return this.call<Result>('api/did/ftz-effect', { method: 'POST', body: JSON.stringify(spec), headers: { 'content-type': 'application/json' } });
  }
  async cbam(path: string, spec: CbamCliSpec) {
    const p = new URLSearchParams({ file_name: basename(path) });
    if (spec.price !== undefined) p.set('price', String(spec.price));
    if (spec.year !== undefined) p.set('year', String(spec.year));
    if (spec.freeAllocation) p.set('free_allocation', spec.freeAllocation);
    if (spec.allowUnverified !== undefined) p.set('allow_unverified', String(spec.allowUnverified));
    if (spec.sheet) p.set('sheet', spec.sheet);
    return this.call<CbamExposureOutput>(`api/carbon/cbam?${p}`, { method: 'POST', body: Buffer.from(await readShipmentFile(path)), headers: { 'content-type': 'application/octet-stream' } });
  }
  cbamLaw() { return this.call<CbamLawView>('api/carbon/law'); }
  async budgets() { return (await this.call<{ budgets: Awaited<ReturnType<typeof listBudgets>> }>('api/carbon/budgets')).budgets; }
  createBudget(spec: unknown) {
    return this.call<Awaited<ReturnType<typeof createBudget>>>('api/carbon/budgets', { method: 'POST', body: JSON.stringify(spec), headers: { 'content-type': 'application/json' } });
  }
  budgetReport(name: string, options: BudgetOptions) {
    return this.call<BudgetReport>(`api/carbon/budgets/${encodeURIComponent(name)}/report`, { method: 'POST', body: JSON.stringify(options), headers: { 'content-type': 'application/json' } });
  }
  sectors(province: string, year?: number) {
    return this.call<Awaited<ReturnType<typeof sectorEmissions>>>(`api/carbon/sectors?province=${province}${year ? `&year=${year}` : ''}`);
  }
  async embodied(tradePath: string, intensitiesPath: string) {
    const file = async (p: string) => ({ file_name: basename(p), base64: Buffer.from(await readShipmentFile(p)).toString('base64') });
    return this.call<TradeEmbodiedOutput>('api/carbon/embodied', { method: 'POST', body: JSON.stringify({ trade: await file(tradePath), intensities: await file(intensitiesPath) }), headers: { 'content-type': 'application/json' } });
  }
  structureProfile(zone: string, includeUnverified: boolean) {
    return this.call<ZoneProfileOutput>(`api/structure/profile/${encodeURIComponent(zone)}${includeUnverified ? '?include_unverified=true' : ''}`);
  }
  private post<T>(path: string, spec: unknown) {
    return this.call<T>(path, { method: 'POST', body: JSON.stringify(spec), headers: { 'content-type': 'application/json' } });
  }
  structureSimilarity(spec: unknown) { return this.post<ZoneSimilarityOutput>('api/structure/similarity', spec); }
  structurePartners(spec: unknown) { return this.post<ZonePartnersOutput>('api/structure/partners', spec); }
  structureChain(spec: unknown) { return this.post<IndustryChainOutput>('api/structure/chain', spec); }
  structureFta(): Promise<FtaIndicesOutput> {
    // The trade file is read from this machine's disk; a running server would have to be sent gigabytes.
    throw new FtzError('api.bad_request', { issues: '`structure fta` reads the trade file directly: stop `ftzlab serve` (it holds the database) and run it again' });
  }
  async neglistEditions() { return (await this.call<{ editions: EditionSummary[] }>('api/neglist/editions')).editions; }
  neglistShow(id: string, version?: number) {
    return this.call<Awaited<ReturnType<typeof showEdition>>>(`api/neglist/editions/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}`);
  }
  async neglistImport(path: string, spec: Record<string, unknown>) {
    const p = new URLSearchParams({ file_name: basename(path) });
    for (const [k, v] of Object.entries(spec)) if (v !== undefined) p.set(k, String(v));
    return this.call<Awaited<ReturnType<typeof importEdition>>>(`api/neglist/import?${p}`, { method: 'POST', body: Buffer.from(await readShipmentFile(path)), headers: { 'content-type': 'application/octet-stream' } });
  }
  neglistDiff(from: string, to: string) {
    return this.call<Awaited<ReturnType<typeof diffEditions>>>(`api/neglist/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  }
  neglistRatchet(ids: readonly string[]) {
    return this.call<Awaited<ReturnType<typeof ratchetEditions>>>(`api/neglist/ratchet?editions=${ids.map(encodeURIComponent).join(',')}`);
  }
  neglistScore(id: string, tiers?: string) { return this.call<Awaited<ReturnType<typeof scoreEdition>>>(`api/neglist/score/${encodeURIComponent(id)}${tiers ? `?tiers=${encodeURIComponent(tiers)}` : ''}`); }
  neglistSaveScenario(name: string, scenario: unknown) { return this.post<{ name: string; version: number }>(`api/neglist/scenarios/${encodeURIComponent(name)}`, scenario); }
  async neglistScenarios() { return (await this.call<{ scenarios: Awaited<ReturnType<typeof listScenarios>> }>('api/neglist/scenarios')).scenarios; }
  neglistSaveTiers(name: string, tiers: unknown) {
    return this.call<{ name: string; version: number }>(`api/neglist/tiers/${encodeURIComponent(name)}`, { method: 'POST', body: JSON.stringify(tiers), headers: { 'content-type': 'application/json' } });
  }
  neglistGap(id: string) { return this.call<Awaited<ReturnType<typeof annexGap>>>(`api/neglist/gap/${encodeURIComponent(id)}`); }
  scorecards(spec: unknown) { return this.post<Scorecards>('api/scorecard', spec); }
  scorecardResult(spec: unknown, whatIf: boolean) { return this.post<Result>('api/scorecard/result', { ...(spec as object), ...(whatIf ? { whatIf: true } : {}) }); }
  close() {}
}

/** Opens the database, or falls back to the server that holds it. */
export async function openBackend(locale: Locale, log: (m: string) => void): Promise<Backend> {
  const path = defaultDbPath();
  try {
    return new StoreBackend(await openStore({ path, log }));
  } catch (e) {
    if (e instanceof FtzError && e.code === 'store.locked') {
      const info = `${path}.server.json`;
      if (existsSync(info)) {
        const { url } = JSON.parse(readFileSync(info, 'utf8')) as { url: string };
        log(locale === 'zh-CN' ? `数据库由 ${url} 的服务器占用，改经其 API 访问。` : `the database is held by the server at ${url}; using its API.`);
        return new ServerBackend(url, locale);
      }
    }
    throw e;
  }
}
