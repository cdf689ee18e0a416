import { moran } from '../../src/methods/disparity/index.js';
import { knnWeights, transformWeights } from '../../src/methods/spatial/index.js';
import { createRng } from '../../src/numeric/rng.js';

/** Benchmark case: global Moran's I with 9,999 permutations on 3,000 regions (6 nearest neighbours, synthetic). */
const N = 3000;
const rng = createRng(7);
const lon = Float64Array.from({ length: N }, () => 75 + 60 * rng.uniform());
const lat = Float64Array.from({ length: N }, () => 18 + 35 * rng.uniform());
const y = Float64Array.from({ length: N }, (_, i) => (lon[i] as number) * 0.05 + rng.normal());
const ids = Array.from({ length: N }, (_, i) => `r${i}`);
const t0 = performance.now();
const w = transformWeights(knnWeights(ids, lon, lat, 6), 'row');
const t1 = performance.now();
const r = moran(y, w, { permutations: 9999, seed: 1 });
const t2 = performance.now();
process.stderr.write(`weights ${(t1 - t0).toFixed(0)} ms; Moran I ${r.I.toFixed(4)} with 9,999 permutations ${(t2 - t1).toFixed(0)} ms\n`);
