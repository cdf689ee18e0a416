import { z } from 'zod';
import { indexSpecSchema } from '../nqpf/indexSpec.js';

const outcome = (code: string, log: boolean) => z.object({ outcome: z.string().min(1).max(200), log: z.boolean() }).default({ outcome: code, log });

/**
 * What a scorecard is computed from: the zone (or all 22), the NQPF index options (framework, normalisation,
 * weights — dimension weights can be set by hand — aggregation, uncertainty runs), the estimator of the FTZ
 * effect on each focal task and its outcome, and the what-if inputs (a saved negative-list scenario, a trade
 * file for the FTA wing). Every choice is recorded with the Result, so a report replays from it.
 */
export const scorecardSpecSchema = z.object({
  /** a zone id such as `SH`; absent: all 22 zones */
  zone: z.string().regex(/^[A-Z]{2,3}$/, 'a zone id such as SH').optional(),
  /** task indicators are read for the latest year at or before this one that the zone's host has (default: its latest year) */
  year: z.number().int().min(1990).max(2100).optional(),
  index: z.object({
    framework: z.string().min(1).default('nqpf-tech-green-digital'),
    normalisation: indexSpecSchema.shape.normalisation,
    weights: indexSpecSchema.shape.weights,
    aggregation: indexSpecSchema.shape.aggregation,
    /** Monte Carlo runs for the rank interval (0 = none) */
    replications: z.number().int().min(0).max(5000).default(200),
    seed: z.number().int().default(20240101),
  }).prefault({}),
  effects: z.object({
    estimator: z.enum(['cs', 'twfe', 'impute']).default('cs'),
    control: z.enum(['never', 'notyet']).default('notyet'),
    rule: z.enum(['batch_year', 'approval_year', 'launch_year', 'first_full_year']).default('batch_year'),
    innovation: outcome('rd_intensity', false),
    upgrading: outcome('hitech_revenue', true),
    green: outcome('co2_total', true),
  }).prefault({}),
  /** what-if: a saved negative-list scenario (`ftzlab neglist simulate --save NAME`), latest version unless given */
  scenario: z.object({ name: z.string().min(1).max(64), version: z.number().int().min(1).optional() }).optional(),
  /** a bilateral trade file in CEPII BACI's layout, for the FTA wing (China's trade: not the zone's own) */
  trade: z.object({ file: z.string().min(1), countries: z.string().min(1).optional(), year: z.number().int().optional() }).optional(),
});

export type ScorecardSpec = z.output<typeof scorecardSpecSchema>;
export type ScorecardSpecInput = z.input<typeof scorecardSpecSchema>;
