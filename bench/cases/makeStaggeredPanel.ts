import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRng } from '../../src/numeric/rng.js';

/**
 * Benchmark data (timing only, never shipped): a balanced staggered-adoption panel as a CSV with columns
 * `id, period, first_treat, cluster, x, y` — periods 1..10; cohorts never (first_treat = 0) / 4 / 6 / 8 with
 * shares 0.4 / 0.2 / 0.2 / 0.2; 50 clusters (time-invariant, assigned to units at random); a time-invariant
 * covariate x ~ N(0, 1); and
 *
 *   y_it = α_i + λ_t + 0.1·x_i·t + 1{t ≥ g}·c_g·(1 + 0.5·(t − g)) + ε_it,   c_4 = 1, c_6 = 1.5, c_8 = 2,
 *
 * with α_i ~ N(0, 1) + 0.5·x_i, λ_t = 0.3·t and ε_it ~ N(0, 1). Cohorts are drawn independently of x, so
 * parallel trends hold unconditionally and conditionally on x. Everything comes from `createRng(seed)`.
 *
 * Run as a script: `tsx bench/cases/makeStaggeredPanel.ts <out.csv> <units> [seed]`.
 */
export const PERIODS = 10;
export const CLUSTERS = 50;
const COHORTS = [0, 4, 6, 8] as const;
const SCALE: Record<number, number> = { 4: 1, 6: 1.5, 8: 2 };

export function effect(g: number, t: number): number {
  return g > 0 && t >= g ? (SCALE[g] as number) * (1 + 0.5 * (t - g)) : 0;
}

/** Writes the panel to `path` (rows ordered by unit, then period) and returns the number of rows. */
export function makeStaggeredPanel(path: string, units: number, seed = 20240101): number {
  const rng = createRng(seed);
  const fd = openSync(path, 'w');
  const parts: string[] = ['id,period,first_treat,cluster,x,y\n'];
  let pending = parts[0]!.length;
  const flush = (): void => {
    writeSync(fd, parts.join(''));
    parts.length = 0;
    pending = 0;
  };
  try {
    for (let i = 1; i <= units; i++) {
      const u = rng.uniform();
      const g = u < 0.4 ? COHORTS[0] : u < 0.6 ? COHORTS[1] : u < 0.8 ? COHORTS[2] : COHORTS[3];
      const cluster = 1 + rng.integer(CLUSTERS);
      const x = rng.normal();
      const alpha = rng.normal() + 0.5 * x;
      const xs = x.toFixed(5);
      const prefix = `${i},`;
      const mid = `,${g},${cluster},${xs},`;
      for (let t = 1; t <= PERIODS; t++) {
        const y = alpha + 0.3 * t + 0.1 * x * t + effect(g, t) + rng.normal();
        const line = prefix + t + mid + y.toFixed(5) + '\n';
        parts.push(line);
        pending += line.length;
      }
      if (pending > 1 << 22) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return units * PERIODS;
}

/** The population ATT(g, t) cells and the simple aggregate (cohort-share-weighted mean over post cells). */
export function trueSimpleAtt(): number {
  let num = 0;
  let den = 0;
  for (const g of [4, 6, 8]) for (let t = g; t <= PERIODS; t++) { num += effect(g, t); den += 1; }
  return num / den; // equal cohort shares (0.2 each), so the weights are equal per post cell
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, units, seed] = process.argv.slice(2);
  if (!out || !units) {
    process.stderr.write('usage: tsx bench/cases/makeStaggeredPanel.ts <out.csv> <units> [seed]\n');
    process.exit(2);
  }
  const t0 = performance.now();
  const rows = makeStaggeredPanel(out, Number(units), seed === undefined ? undefined : Number(seed));
  process.stderr.write(`${rows} rows written to ${out} in ${(performance.now() - t0).toFixed(0)} ms\n`);
}
