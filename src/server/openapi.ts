import { z } from 'zod';
import { importSpecSchema } from '../analyses/datasets.js';
import { observationQuerySchema } from '../analyses/catalog.js';
import { budgetSpecSchema } from '../analyses/carbon/carbonBudgets.js';
import { mrioFileSchema } from '../analyses/carbon/mrioAccounts.js';
import { chainSpecSchema } from '../analyses/structure/industryChain.js';
import { partnerSpecSchema } from '../analyses/structure/zonePartners.js';
import { similaritySpecSchema } from '../analyses/structure/zoneSimilarity.js';
import { ftzEffectSpecSchema } from '../analyses/did/ftzEffectSpec.js';
import { cbamQuery, embodiedBody, reportBody, sectorQuery } from './carbonRoutes.js';
import { indexSpecSchema } from '../analyses/nqpf/indexSpec.js';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
      required: ['code', 'message'],
    },
  },
} as const;

function queryParams(schema: z.ZodObject): object[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name, in: 'query', required: (json.required ?? []).includes(name), schema: s,
  }));
}

const ok = (description: string): object => ({
  200: { description, content: { 'application/json': { schema: { type: 'object' } } } },
  default: { description: 'error', content: { 'application/json': { schema: errorSchema } } },
});

/** The OpenAPI 3.1 document of the HTTP API, built from the same zod schemas that validate requests. */
export function openApiDocument(version: string): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'ftzlab API',
      version,
      description:
        'Pilot Free Trade Zones and new quality productive forces: bundled, sourced data and user datasets. ' +
        'Errors are { error: { code, message, details } } with the message in the Accept-Language locale (zh-CN or en).',
    },
    paths: {
      '/api/meta': { get: { summary: 'Version, base-map status and counts', responses: ok('meta') } },
      '/api/zones': { get: { summary: 'The 22 Pilot FTZs with batch, dates, area and location type', responses: ok('zones') } },
      '/api/zones/{id}': {
        get: {
          summary: 'One zone with its sub-areas; every field with status and sources',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', example: 'SH' } }],
          responses: ok('zone'),
        },
      },
      '/api/regions': {
        get: {
          summary: 'Provinces and prefecture cities (GB/T 2260)',
          parameters: [{ name: 'level', in: 'query', schema: { enum: ['province', 'prefecture'] } }],
          responses: ok('regions'),
        },
      },
      '/api/indicators': { get: { summary: 'Bundled and user indicators with coverage', responses: ok('indicators') } },
      '/api/observations': {
        get: { summary: 'Values of one indicator by region and year', parameters: queryParams(observationQuerySchema), responses: ok('observations') },
      },
      '/api/sources': { get: { summary: 'Every data source with licence and citation', responses: ok('sources') } },
      '/api/basemap': { get: { summary: 'Province boundaries (GeoJSON) used by the dashboard map', responses: ok('GeoJSON') } },
      '/api/datasets': {
        get: { summary: 'User datasets (current versions)', responses: ok('datasets') },
        post: {
          summary: 'Import a file (CSV, XLSX, Parquet, NBS export) as a new dataset version',
          parameters: [
            ...queryParams(importSpecSchema),
            { name: 'file_name', in: 'query', required: true, schema: { type: 'string', example: 'gdp.csv' } },
          ],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: ok('the imported dataset version and warnings'),
        },
      },
      '/api/datasets/{name}': {
        get: {
          summary: 'Rows of a dataset version (default: newest)',
          parameters: [
            { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'version', in: 'query', schema: { type: 'integer', minimum: 1 } },
          ],
          responses: ok('dataset'),
        },
      },
      '/api/index/frameworks': { get: { summary: 'The shipped NQPF indicator frameworks', responses: ok('frameworks') } },
      '/api/index/run': {
        post: {
          summary: 'Run an NQPF composite index (framework + options) and its disparity, dynamics and spatial analyses',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(indexSpecSchema, { io: 'input' }) } } },
          responses: ok('a Result { kind, spec, tables, figures, warnings, provenance }'),
        },
      },
      '/api/index/export': {
        post: {
          summary: 'The tables of an index run as an XLSX workbook or a Word document of three-line tables',
          parameters: [
            { name: 'format', in: 'query', required: true, schema: { enum: ['xlsx', 'docx'] } },
            { name: 'lang', in: 'query', schema: { enum: ['zh', 'en'] } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(indexSpecSchema, { io: 'input' }) } } },
          responses: { 200: { description: 'the file' } },
        },
      },
      '/api/did/ftz-effect': {
        post: {
          summary: 'The FTZ policy-evaluation study on a bundled or imported indicator (TWFE, event study, Callaway–Sant\'Anna, Sun–Abraham, imputation, placebo, heterogeneity, mechanisms)',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(ftzEffectSpecSchema, { io: 'input' }) } } },
          responses: ok('a Result'),
        },
      },
      ...Object.fromEntries(['cs', 'twfe', 'event', 'sunab', 'impute', 'placebo', 'mediate'].map((e) => [`/api/did/${e}`, {
        post: {
          summary: `did ${e} on a dataset uploaded with POST /api/datasets: { dataset, version?, id, time, group, outcome, … } as the CLI's options`,
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['dataset', 'id', 'time', 'group', 'outcome'] } } } },
          responses: ok('the estimates, as `ftzlab did ' + e + ' --json` prints them'),
        },
      }])),
      ...Object.fromEntries(['sc', 'sdid'].map((e) => [`/api/synth/${e}`, {
        post: {
          summary: `synth ${e} on a dataset uploaded with POST /api/datasets: { dataset, unit, time, outcome, treated, from, … }`,
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['dataset', 'unit', 'time', 'outcome', 'treated', 'from'] } } } },
          responses: ok('the estimate, weights and inference'),
        },
      }])),
      '/api/carbon/cbam': {
        post: {
          summary: 'CBAM exposure of a shipment file (the body: CSV or XLSX bytes with cn_code, origin, quantity_t, year; optional direct_tco2_per_t, indirect_tco2_per_t, carbon_price_paid_eur_per_t, benchmark_tco2_per_t, declarant)',
          parameters: queryParams(cbamQuery),
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: ok('lines with the default value used and its legal citation, by product, totals, threshold, the law rows used and left out, warnings, provenance'),
        },
      },
      '/api/carbon/law': { get: { summary: 'The bundled CBAM law rows (goods, default values, mark-ups, rules), each with citation and status (verified | secondary | recalled)', responses: ok('law tables') } },
      '/api/carbon/mrio': {
        post: {
          summary: 'MRIO emission accounts (production, consumption, import, export based), multipliers and region-to-region embodied flows',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(mrioFileSchema, { io: 'input' }) } } },
          responses: ok('accounts'),
        },
      },
      '/api/carbon/embodied': {
        post: {
          summary: 'Emissions embodied in trade flows: the bundled HS → ISIC Rev.4 concordance × the intensity table (files as base64)',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(embodiedBody, { io: 'input' }) } } },
          responses: ok('rows, by ISIC class, by partner, unmatched codes, missing intensities'),
        },
      },
      '/api/carbon/budgets': {
        get: { summary: 'Carbon budgets and their versions', responses: ok('budgets') },
        post: {
          summary: 'Create a carbon budget (a new version when the name exists) from annual values or a reduction path',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(budgetSpecSchema, { io: 'input' }) } } },
          responses: { 201: { description: 'name, version and annual budgets' } },
        },
      },
      '/api/carbon/budgets/{name}': {
        get: {
          summary: 'A budget tracked against the CEADs inventory of its scope',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }, { name: 'version', in: 'query', schema: { type: 'integer' } }],
          responses: ok('budget report'),
        },
      },
      '/api/carbon/budgets/{name}/report': {
        post: {
          summary: 'A budget tracked against the inventory plus your estimates for later years',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(reportBody, { io: 'input' }) } } },
          responses: ok('budget report'),
        },
      },
      '/api/carbon/sectors': { get: { summary: 'CO2 by CEADs sector for a province and year', parameters: queryParams(sectorQuery), responses: ok('sectors') } },
      '/api/structure/profile/{zone}': {
        get: {
          summary: "A zone's industry positioning by sub-area (status and source of every item), mapped to SEI 2018 and GB/T 4754, with the digital share",
          parameters: [{ name: 'zone', in: 'path', required: true, schema: { type: 'string' } }, { name: 'include_unverified', in: 'query', schema: { enum: ['true', 'false'] } }],
          responses: ok('profile'),
        },
      },
      '/api/structure/similarity': {
        post: { summary: 'The duplicate-competition matrix of the 22 zones, with average-linkage clusters', requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(similaritySpecSchema, { io: 'input' }) } } }, responses: ok('matrix') },
      },
      '/api/structure/partners': {
        post: { summary: 'Partner zones ranked by IO-chain links and unlike positionings, with reasons', requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(partnerSpecSchema, { io: 'input' }) } } }, responses: ok('partners') },
      },
      '/api/structure/chain': {
        post: { summary: 'Chain map of an industry (suppliers, customers, linkages) and the links a zone covers', requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(chainSpecSchema, { io: 'input' }) } } }, responses: ok('chain') },
      },
      '/api/structure/complexity': {
        post: { summary: 'Economic complexity of a long region × product dataset uploaded with POST /api/datasets: { dataset, version?, region, product, value, method?, rcaThreshold?, convention?, opportunities? }', requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['dataset', 'region', 'product', 'value'] } } } }, responses: ok('per-region and per-product indices') },
      },
      '/api/structure/io-sectors': { get: { summary: 'The sectors of the latest bundled national input–output table', responses: ok('sectors') } },
      '/api/neglist/editions': { get: { summary: 'Every edition of the negative lists with its official count and transcribed measures, then imported lists', responses: ok('editions') } },
      '/api/neglist/editions/{id}': {
        get: { summary: 'One edition: every measure number, with text and source where transcribed', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'version', in: 'query', schema: { type: 'integer' } }], responses: ok('edition') },
      },
      '/api/neglist/diff': { get: { summary: 'Two editions compared measure by measure (links proposed from the texts; relaxed, tightened, equal, incomparable; uncertain where an edition is partial)', parameters: [{ name: 'from', in: 'query', required: true, schema: { type: 'string' } }, { name: 'to', in: 'query', required: true, schema: { type: 'string' } }], responses: ok('diff') } },
      '/api/neglist/ratchet': { get: { summary: 'The ratchet (standstill) check over editions in order', parameters: [{ name: 'editions', in: 'query', required: true, schema: { type: 'string', description: 'comma-separated edition ids, earliest first' } }], responses: ok('ratchet result') } },
      '/api/neglist/score/{id}': { get: { summary: 'STRI-style restrictiveness by GB/T 4754 section and the FDI equity score, beside the row count; by sensitivity tier with ?tiers=NAME', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'tiers', in: 'query', schema: { type: 'string' } }], responses: ok('scores') } },
      '/api/neglist/gap/{id}': { get: { summary: 'What each entry lacks against CPTPP Annex I entry elements, as a draft schedule', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok('gap') } },
      '/api/neglist/simulate': { post: { summary: 'What-if: remove or relax measures of an edition; scores before and after, each measure\'s contribution', requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['edition'] } } } }, responses: ok('simulation') } },
      '/api/neglist/scenarios': { get: { summary: 'Saved what-if scenarios (versions)', responses: ok('scenarios') } },
      '/api/neglist/scenarios/{name}': { post: { summary: 'Save a scenario as a new version', parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }], responses: { 201: { description: 'name and version' } } } },
      '/api/neglist/tiers': { get: { summary: 'Sensitivity tier sets (versions)', responses: ok('tier sets') } },
      '/api/neglist/tiers/{name}': { post: { summary: 'Save sensitivity tiers [{section, tier, note?}] as a new version', parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }], responses: { 201: { description: 'name and version' } } } },
      '/api/neglist/import': {
        post: {
          summary: 'Import an official list text (plain text, GBK or HTML; body = the file) as a new version',
          parameters: ['file_name', 'id', 'title', 'kind', 'jurisdiction', 'effective', 'count'].map((name) => ({ name, in: 'query', required: name === 'file_name' || name === 'id', schema: { type: 'string' } })),
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { 201: { description: 'id, version, measures, sections' } },
        },
      },
      '/api/scorecard': {
        get: { summary: 'The "one base, two wings, three focal points" scorecards of the 22 zones under the default settings', responses: ok('scorecards: spec, zones, index, effects, warnings, provenance') },
        post: { summary: 'The scorecards under a spec: { zone?, year?, index?: { framework, normalisation, weights: { method, dimensions? }, aggregation, replications, seed }, effects?: { estimator, control, rule, innovation|upgrading|green: { outcome, log } }, scenario?: { name, version? } }', requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok('scorecards') },
      },
      '/api/scorecard/{zone}': { get: { summary: 'The scorecards with one zone in focus (every zone is computed: ranks compare across them)', parameters: [{ name: 'zone', in: 'path', required: true, schema: { type: 'string' } }], responses: ok('scorecards') } },
      '/api/scorecard/result': { post: { summary: 'The scorecard as a Result (tables and figure specs); with "whatIf": true, the changes against the baseline (default index options, no scenario) in a what_if table', requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok('Result') } },
      '/api/report': {
        get: {
          summary: 'A zone\'s scorecard report under the default settings: Word, PDF, HTML, or an Excel workbook of every table',
          parameters: [
            { name: 'zone', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'lang', in: 'query', schema: { type: 'string', enum: ['zh', 'en'] } },
            { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['docx', 'xlsx', 'html', 'pdf'] } },
          ],
          responses: { 200: { description: 'the report file' }, 503: { description: 'PDF asked for but no headless Chromium installed' } },
        },
        post: { summary: 'The report under a spec: { ...scorecard spec with zone, lang, format }', requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['zone', 'format'] } } } }, responses: { 200: { description: 'the report file' } } },
      },
      '/api/datasets/{name}/versions': {
        get: {
          summary: 'Every version of a dataset',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: ok('versions'),
        },
      },
    },
  };
}
