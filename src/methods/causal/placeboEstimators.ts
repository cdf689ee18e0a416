import { FtzError } from '../../core/errors.js';
import { callawaySantAnna, type CallawaySantAnnaOptions } from './callawaySantAnna.js';
import { isNeverTreated } from './eventStudy.js';
import type { PlaceboEstimator, PlaceboPanel } from './placebo.js';

function integers(name: string, values: ArrayLike<number>): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isInteger(v)) throw new FtzError('causal.bad_panel', { detail: `column ${name} must hold integers for Callaway–Sant'Anna, row ${i + 1} has ${v}` });
    out[i] = v;
  }
  return out;
}

/**
 * A {@link PlaceboEstimator} returning the simple (overall) ATT of Callaway & Sant'Anna (2021, eq. 3.10
 * with θ^O_W weights, R did's `aggte(type = "simple")`) and its analytic standard error, for
 * {@link placeboTest} when the TWFE coefficient is suspect under staggered timing. Unit ids, periods and
 * cohorts must be integers; the panel must be balanced. Fake cohorts at the first period are dropped by
 * `callawaySantAnna` (no pre-period); a fake cohort of one unit makes the draw fail (`causal.small_cohort`).
 * About 7 ms per draw on mpdta (outcome regression, no covariates).
 *
 * @example
 * placeboTest(panel, { seed: 1, draws: 200, estimator: callawaySantAnnaPlaceboEstimator({ estMethod: 'reg' }) });
 */
export function callawaySantAnnaPlaceboEstimator(options: Omit<CallawaySantAnnaOptions, 'bootstrap'> = {}): PlaceboEstimator {
  return (panel: PlaceboPanel) => {
    const group = new Int32Array(panel.cohort.length);
    for (let i = 0; i < group.length; i++) {
      const c = panel.cohort[i] as number;
      group[i] = isNeverTreated(c) ? 0 : c;
    }
    const r = callawaySantAnna(
      {
        id: integers('unit', panel.unit),
        time: integers('time', panel.time),
        group,
        y: Float64Array.from(panel.y),
        ...(panel.covariates ? { covariates: panel.covariates.map((c) => Float64Array.from(c.values)) } : {}),
        ...(panel.weights ? { weights: Float64Array.from(panel.weights) } : {}),
        ...(panel.cluster ? { cluster: integers('cluster', panel.cluster) } : {}),
      },
      options,
    );
    return { estimate: r.aggregations.simple.overall.att, standardError: r.aggregations.simple.overall.se };
  };
}
