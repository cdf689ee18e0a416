import { z } from 'zod';

/**
 * What `ftzlab ftz-effect` reads: the outcome, how treatment is dated from the registry, and the estimators.
 * Every choice is printed with the results.
 */
export const ftzEffectSpecSchema = z.object({
  /** an indicator code (bundled or imported), e.g. `rd_expenditure` or `mydata.gdp` */
  outcome: z.string().min(1).max(200),
  /** take the natural log of the outcome (most DID studies of FTZs use logs of levels) */
  log: z.boolean().default(false),
  covariates: z.array(z.string().min(1)).default([]),
  level: z.enum(['province', 'city']).default('province'),
  rule: z.enum(['batch_year', 'approval_year', 'launch_year', 'first_full_year']).default('batch_year'),
  from: z.number().int().min(1990).max(2100).optional(),
  to: z.number().int().min(1990).max(2100).optional(),
  estimators: z.array(z.enum(['twfe', 'event_study', 'cs', 'sunab', 'impute'])).min(1).default(['twfe', 'event_study', 'cs', 'sunab', 'impute']),
  control: z.enum(['never', 'notyet']).default('notyet'),
  method: z.enum(['reg', 'ipw', 'dr']).default('reg'),
  window: z.tuple([z.number().int().max(-1), z.number().int().min(0)]).default([-5, 5]),
  /** placebo test of the TWFE estimate: fake assignments drawn with a seed (0 = none) */
  placebo: z
    .object({ draws: z.number().int().min(0).max(10_000).default(0), mode: z.enum(['individual', 'timing', 'mixed']).default('mixed'), seed: z.number().int().default(20240101) })
    .default({ draws: 0, mode: 'mixed', seed: 20240101 }),
  /** heterogeneity of the TWFE effect by FTZ batch or by the zone's location type (coastal / inland / border) */
  heterogeneity: z.array(z.enum(['batch', 'location'])).default([]),
  /** mechanism channels: indicator codes used as mediators (stepwise, with a cluster bootstrap of α·β) */
  mediators: z.array(z.string().min(1)).default([]),
  mediationDraws: z.number().int().min(0).max(10_000).default(499),
});

export type FtzEffectSpec = z.output<typeof ftzEffectSpecSchema>;
export type FtzEffectSpecInput = z.input<typeof ftzEffectSpecSchema>;
