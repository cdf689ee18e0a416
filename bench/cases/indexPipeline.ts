import type { Framework } from '../../src/analyses/nqpf/frameworkSchema.js';
import type { IndexSpec } from '../../src/analyses/nqpf/indexSpec.js';
import { runPipeline } from '../../src/analyses/nqpf/pipeline.js';
import { rankUncertainty } from '../../src/analyses/nqpf/uncertainty.js';
import type { DataMatrix, Direction } from '../../src/methods/index/index.js';
import { createRng } from '../../src/numeric/rng.js';

/**
 * Benchmark case: the full index pipeline on 300 regions × 20 years × 40 indicators (synthetic lognormal
 * panel from a fixed seed — timing only, never shipped as data), with 1,000 uncertainty replications.
 */
const R = 300, T = 20, M = 40, REPS = Number(process.env.BENCH_REPS ?? 1000);
const rng = createRng(42);
const n = R * T;
const values = new Float64Array(n * M);
for (let i = 0; i < values.length; i++) values[i] = Math.exp(rng.normal() * 0.8 + 2);
const codes = Array.from({ length: M }, (_, j) => `x${j + 1}`);
const raw: DataMatrix = { n, m: M, values, units: Array.from({ length: n }, (_, i) => `u${i}`), indicators: codes };
const directions: Direction[] = codes.map((_, j) => (j % 7 === 6 ? -1 : 1));
const groups = Int32Array.from({ length: n }, (_, i) => 2000 + (i % T));
const leaf = (code: string) => ({ code, name: { zh: code, en: code }, unit: { zh: '', en: '' }, direction: '+' as const, formula: { op: 'value' as const, of: code } });
const framework: Framework = {
  id: 'bench', version: 1, name: { zh: 'b', en: 'b' }, description: { zh: 'b', en: 'b' },
  reference: { citation: 'synthetic benchmark', adaptation: { zh: 'b', en: 'b' } }, missing_published: [],
  tree: [0, 1, 2, 3].map((d) => ({ code: `D${d}`, name: { zh: `D${d}`, en: `D${d}` }, children: codes.slice(d * 10, d * 10 + 10).map(leaf) })),
};
const spec = {
  framework: 'bench', data: { regions: 'provinces', missing: 'error' },
  normalisation: { method: 'minmax', shift: 0.01, scope: 'pooled' }, weights: { method: 'entropy' },
  aggregation: { method: 'arithmetic', topsisNormalisation: 'vector' }, uncertainty: { replications: REPS, seed: 1 },
} as IndexSpec;
const t0 = performance.now();
runPipeline(raw, directions, groups, framework, spec);
const t1 = performance.now();
const u = rankUncertainty(raw, directions, groups, framework, spec, Array.from(groups), 2000 + T - 1, () => {});
const t2 = performance.now();
process.stderr.write(`pipeline ${(t1 - t0).toFixed(0)} ms; ${u.used} replications ${(t2 - t1).toFixed(0)} ms\n`);
