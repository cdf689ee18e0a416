import { z } from 'zod';

/**
 * What `ftzlab index run --spec FILE` reads: framework, data, and every convention choice. Defaults are the
 * most common choices in the Chinese NQPF literature (pooled min-max with a 0.01 shift, entropy weights,
 * arithmetic aggregation) and are printed with the results, never applied silently.
 */
export const indexSpecSchema = z.object({
  /** a shipped framework id, or a path to a framework JSON file */
  framework: z.string().min(1),
  data: z
    .object({
      /** `provinces` = the 31 provinces; or a list of GB/T 2260 codes */
      regions: z.union([z.literal('provinces'), z.array(z.string().regex(/^\d{6}$/)).min(3)]).default('provinces'),
      from: z.number().int().min(1990).max(2100).optional(),
      to: z.number().int().min(1990).max(2100).optional(),
      /**
       * What to do with a region–year that lacks an indicator: `error` (default) names the gaps; `drop`
       * leaves such region–years out of the run and lists them. Nothing is imputed.
       */
      missing: z.enum(['error', 'drop']).default('error'),
      /**
       * a CSV/XLSX/Parquet file to import first (as a new version of dataset `dataset`, default the file's
       * name); framework indicators then refer to its columns as `<dataset>.<column>`
       */
      file: z.string().min(1).optional(),
      dataset: z.string().min(1).max(64).optional(),
    })
    .default({ regions: 'provinces', missing: 'error' }),
  normalisation: z
    .object({
      method: z.enum(['minmax', 'zscore', 'vector', 'rank', 'dist2max']).default('minmax'),
      /** the literature's shift added after min-max so that entropy's ln p is defined: 0.0001, 0.001 or 0.01 */
      shift: z.number().min(0).max(1).default(0.01),
      /** `pooled` normalises all region–years together (k = 1/ln(N·T)); `year` normalises each year */
      scope: z.enum(['pooled', 'year']).default('pooled'),
    })
    .default({ method: 'minmax', shift: 0.01, scope: 'pooled' }),
  weights: z
    .object({
      method: z.enum(['entropy', 'critic', 'pca', 'equal', 'framework', 'ahp']).default('entropy'),
      /** AHP pairwise comparison matrix over the framework's top-level dimensions (Saaty 1–9 scale) */
      ahp: z.array(z.array(z.number().positive())).optional(),
      /** combine with a second method: w = α·w1 + (1−α)·w2 */
      combine: z.object({ method: z.enum(['entropy', 'critic', 'pca', 'equal', 'framework']), alpha: z.number().min(0).max(1) }).optional(),
      /**
       * weights set by hand for the top-level dimensions, in framework order (rescaled to sum to 1): each
       * dimension's indicators keep the relative weights the method gave them
       */
      dimensions: z.array(z.number().min(0)).min(1).optional(),
    })
    .default({ method: 'entropy' }),
  aggregation: z
    .object({
      method: z.enum(['arithmetic', 'geometric', 'topsis']).default('arithmetic'),
      topsisNormalisation: z.enum(['minmax', 'vector']).default('vector'),
    })
    .default({ method: 'arithmetic', topsisNormalisation: 'vector' }),
  spatial: z
    .object({
      /** `queen` contiguity from the boundaries, or `inverse_distance` between province centres (km^−power) */
      weights: z.enum(['queen', 'inverse_distance']).default('queen'),
      power: z.number().positive().max(4).default(1),
      cutoffKm: z.number().positive().optional(),
      /** local Moran scaling: esda (n−1)·z_i·lag/Σz², or spdep n·z_i·lag/Σz² */
      localScaling: z.enum(['esda', 'spdep']).default('esda'),
      permutations: z.number().int().min(0).max(99_999).default(999),
    })
    .default({ weights: 'queen', power: 1, localScaling: 'esda', permutations: 999 }),
  dynamics: z
    .object({ markovClasses: z.number().int().min(2).max(7).default(4) })
    .default({ markovClasses: 4 }),
  uncertainty: z
    .object({
      replications: z.number().int().min(0).max(100_000).default(0),
      seed: z.number().int().default(20240101),
    })
    .default({ replications: 0, seed: 20240101 }),
});

export type IndexSpec = z.output<typeof indexSpecSchema>;
export type IndexSpecInput = z.input<typeof indexSpecSchema>;
