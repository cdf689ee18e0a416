import { createRng } from '../../../src/numeric/rng.js';
import type { EventTimeEstimates, StaggeredPanel } from '../../../src/methods/causal/eventStudy.js';

/**
 * A balanced staggered panel with a known homogeneous effect: y_it = α_i + λ_t + τ·1{t ≥ E_i} + 0.3·x_it + ε_it,
 * 400 units × 10 periods (1..10), cohorts never (40 %), 4, 6 and 8 (20 % each), ε ~ N(0, 1), α_i ~ N(0, 1),
 * λ_t = 0.2 t, x_it ~ N(0, 1) independent of treatment. Seeded via src/numeric/rng.ts.
 */
export function simulateStaggered(seed: number, units = 400, periods = 10): { panel: StaggeredPanel & { readonly x: Float64Array }; effect: number } {
  const rng = createRng(seed);
  const effect = 0.5;
  const n = units * periods;
  const unit = new Int32Array(n);
  const time = new Int32Array(n);
  const cohort = new Int32Array(n);
  const y = new Float64Array(n);
  const x = new Float64Array(n);
  for (let u = 0; u < units; u++) {
    const r = rng.uniform();
    const c = r < 0.4 ? 0 : r < 0.6 ? 4 : r < 0.8 ? 6 : 8;
    const alpha = rng.normal();
    for (let t = 1; t <= periods; t++) {
      const i = u * periods + t - 1;
      unit[i] = u + 1;
      time[i] = t;
      cohort[i] = c;
      x[i] = rng.normal();
      const treated = c > 0 && t >= c ? 1 : 0;
      y[i] = alpha + 0.2 * t + effect * treated + 0.3 * x[i]! + rng.normal();
    }
  }
  return { panel: { unit, time, y, cohort, x }, effect };
}

/** Mean of the estimates at event times ≥ 0 and its standard error from the returned vcov. */
export function postAverage(es: EventTimeEstimates): { estimate: number; se: number } {
  const idx = Array.from(es.eventTimes.keys()).filter((j) => (es.eventTimes[j] as number) >= 0);
  const k = es.eventTimes.length;
  const w = 1 / idx.length;
  let est = 0;
  let v = 0;
  for (const a of idx) {
    est += w * (es.estimates[a] as number);
    for (const b of idx) v += w * w * (es.vcov[a * k + b] as number);
  }
  return { estimate: est, se: Math.sqrt(v) };
}
