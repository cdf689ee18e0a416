import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import { bipartiteEigen } from './bipartiteEigen.js';
import type { Presence } from './complexityMatrix.js';
import { checkPresence } from './complexityMatrix.js';

/** `'eigenvector'`: λ2's eigenvectors (py-ecomplexity, economiccomplexity `"eigenvalues"`); `'reflections'`: a fixed number of reflections. */
export type ComplexityMethod = 'eigenvector' | 'reflections';

/**
 * - `'py-ecomplexity'`: ECI = (kc − mean kc) / sd(kc) with the population sd (numpy's default ddof = 0), and PCI
 *   standardised with the *ECI's* mean and sd, which keeps ECI_c equal to the mean PCI of c's products (as the
 *   Atlas's Stata package does).
 * - `'economiccomplexity'`: each index standardised with its own mean and the sample sd (R's `sd`, n − 1).
 * - `'none'`: kc and kp as they are.
 */
export type ComplexityStandardisation = 'py-ecomplexity' | 'economiccomplexity' | 'none';

export interface EconomicComplexityOptions {
  /** Default `'eigenvector'`. */
  readonly method?: ComplexityMethod;
  /**
   * Reflections (and the `'reflections'` sign rule): economiccomplexity's count, the starting vectors
   * included, so ECI is k_c at order iterations − 2 and PCI k_p at order iterations − 1. Even and ≥ 2 (the
   * R package raises an odd count by one; here it is an error, so the count used is the count asked for).
   * Default 20.
   */
  readonly iterations?: number;
  /**
   * Eigenvector sign, which an eigensolver leaves arbitrary. `'diversity'` (default, py-ecomplexity): ECI
   * correlates positively with diversity. `'reflections'` (economiccomplexity): ECI and PCI each correlate
   * positively with the reflections result.
   */
  readonly sign?: 'diversity' | 'reflections';
  /** Default `'py-ecomplexity'` for the eigenvector method, `'economiccomplexity'` for reflections. */
  readonly standardise?: ComplexityStandardisation;
}

export interface EconomicComplexity {
  readonly regions: readonly string[];
  readonly products: readonly string[];
  readonly method: ComplexityMethod;
  readonly standardise: ComplexityStandardisation;
  /** Economic complexity index per region; NaN for an excluded region. */
  readonly eci: Float64Array;
  /** Product complexity index per product; NaN for an excluded product. */
  readonly pci: Float64Array;
  /**
   * Before standardisation, sign applied. Eigenvector: kp is M̃_pp's unit-norm eigenvector and kc = D⁻¹M kp,
   * py-ecomplexity's scale, which its COI and COG use. Reflections: the last iterates, centred and scaled.
   */
  readonly kc: Float64Array;
  readonly kp: Float64Array;
  /** Eigenvector method: the largest eigenvalues of M̃_cc (λ1 = 1, λ2, λ3); empty for reflections. */
  readonly eigenvalues: Float64Array;
  /**
   * False when the second eigenvector is not unique: λ2 = λ1 = 1 (the region–product network falls apart into
   * separate components) or λ2 = λ3. The indices are then one arbitrary vector of the eigenspace and differ
   * between solvers (py-ecomplexity's numbers follow LAPACK's choice); do not interpret them.
   */
  readonly identified: boolean;
  /** Regions with diversity 0 and products with ubiquity 0: left out and given NaN (economiccomplexity drops them; py-ecomplexity turns every index NaN). */
  readonly excludedRegions: readonly string[];
  readonly excludedProducts: readonly string[];
}

/**
 * Economic and product complexity indices (Hidalgo & Hausmann 2009, "The building blocks of economic
 * complexity", PNAS 106(26); Hausmann et al. 2014, The Atlas of Economic Complexity, pp. 24–25): PCI is the
 * eigenvector of M̃_pp for its second largest eigenvalue, ECI the corresponding eigenvector of M̃_cc; or the
 * method of reflections, which iterates k_c,N = Σ_p M_cp k_p,N−1 / k_c,0 and k_p,N = Σ_c M_cp k_c,N−1 / k_p,0
 * and converges to the eigenvector result at a rate λ3/λ2 per two steps. See {@link bipartiteEigen} for the
 * solver. Reflections start from diversity, so they reach λ2's eigenvector only through diversity's component
 * along it; a symmetric matrix can make that component 0, and the iteration then converges to λ3's.
 *
 * The reflections are centred and scaled at every step. That changes nothing in exact arithmetic (the
 * iteration maps a constant vector to itself, so an affine change at one step is an affine change at the end,
 * which the final standardisation removes) but avoids the cancellation that the raw iterates suffer as they
 * converge to a constant, so many iterations stay accurate.
 *
 * Throws `disparity.length_mismatch` when fewer than two regions or products have a product or exporter,
 * `disparity.option_invalid` for a bad option.
 *
 * @example
 * const presence = rcaPresence(complexityMatrix(long));
 * economicComplexity(presence).eci; // py-ecomplexity's ECI
 * economicComplexity(presence, { sign: 'reflections', standardise: 'economiccomplexity' }).eci; // R "eigenvalues"
 * economicComplexity(presence, { method: 'reflections', iterations: 20 }).eci; // R "reflections"
 */
export function economicComplexity(presence: Presence, options: EconomicComplexityOptions = {}): EconomicComplexity {
  const method = options.method ?? 'eigenvector';
  if (method !== 'eigenvector' && method !== 'reflections') {
    throw new FtzError('disparity.option_invalid', { option: 'method', value: String(method), reason: "use 'eigenvector' or 'reflections'" });
  }
  const iterations = checkIterations(options.iterations ?? 20);
  const standardise = options.standardise ?? (method === 'eigenvector' ? 'py-ecomplexity' : 'economiccomplexity');
  if (!['py-ecomplexity', 'economiccomplexity', 'none'].includes(standardise)) {
    throw new FtzError('disparity.option_invalid', { option: 'standardise', value: String(standardise), reason: "use 'py-ecomplexity', 'economiccomplexity' or 'none'" });
  }
  if (method === 'reflections' && standardise === 'py-ecomplexity') {
    throw new FtzError('disparity.option_invalid', {
      option: 'standardise',
      value: standardise,
      reason: "py-ecomplexity has no reflections method; ECI and PCI come from different orders, so use 'economiccomplexity' or 'none'",
    });
  }
  const sign = options.sign ?? 'diversity';
  if (sign !== 'diversity' && sign !== 'reflections') {
    throw new FtzError('disparity.option_invalid', { option: 'sign', value: String(sign), reason: "use 'diversity' or 'reflections'" });
  }
  const sub = connectedPart(presence);

  let kc: Float64Array;
  let kp: Float64Array;
  let eigenvalues: Float64Array = new Float64Array(0);
  let identified: boolean;
  if (method === 'reflections') {
    ({ kc, kp } = reflections(sub, iterations));
    identified = Number.isFinite(kc[0]) && Number.isFinite(kp[0]);
  } else {
    const eig = bipartiteEigen(sub.mcp, sub.nR, sub.nP, sub.diversity, sub.ubiquity);
    ({ kc, kp } = eig);
    eigenvalues = eig.values;
    const [l1 = 0, l2 = 0, l3 = 0] = eigenvalues;
    const tol = 1e-10;
    identified = Number.isFinite(kc[0]) && l1 - l2 > tol && (eigenvalues.length < 3 || l2 - l3 > tol);
    if (sign === 'diversity') {
      if (covariance(sub.diversity, kc) < 0) {
        kc = kc.map((v) => -v);
        kp = kp.map((v) => -v);
      }
    } else {
      const reference = reflections(sub, iterations);
      if (covariance(reference.kc, kc) < 0) kc = kc.map((v) => -v);
      if (covariance(reference.kp, kp) < 0) kp = kp.map((v) => -v);
    }
  }

  const { eci, pci } = standardised(kc, kp, standardise);
  return {
    regions: presence.regions,
    products: presence.products,
    method,
    standardise,
    eci: sub.expandRegions(eci),
    pci: sub.expandProducts(pci),
    kc: sub.expandRegions(kc),
    kp: sub.expandProducts(kp),
    eigenvalues,
    identified,
    excludedRegions: sub.excludedRegions,
    excludedProducts: sub.excludedProducts,
  };
}

/**
 * The raw method of reflections (Hidalgo & Hausmann 2009, eqs. 1–2) for orders 0…`order`: k_c,0 = diversity,
 * k_p,0 = ubiquity, k_c,1 = mean ubiquity of c's products, and so on, unscaled, as in the paper's figures and
 * EconGeo's `MORc`/`MORt`. Regions or products with degree 0 get NaN. The raw iterates converge to a
 * constant; use {@link economicComplexity} for an index.
 *
 * @example
 * reflectionIterates(presence, 2).regions[1]; // k_c,1: average ubiquity of each region's products
 */
export function reflectionIterates(presence: Presence, order: number): { regions: Float64Array[]; products: Float64Array[] } {
  if (!Number.isInteger(order) || order < 0) {
    throw new FtzError('disparity.option_invalid', { option: 'order', value: String(order), reason: 'must be an integer ≥ 0' });
  }
  const { mcp, diversity: d, ubiquity: u } = checkPresence(presence);
  const nR = d.length;
  const nP = u.length;
  const regions = [d.slice()];
  const products = [u.slice()];
  for (let n = 1; n <= order; n++) {
    const prevR = regions[n - 1] as Float64Array;
    const prevP = products[n - 1] as Float64Array;
    const kc = new Float64Array(nR);
    const kp = new Float64Array(nP);
    for (let r = 0; r < nR; r++) {
      for (let p = 0; p < nP; p++) {
        if (mcp[r * nP + p] === 1) {
          kc[r] = (kc[r] as number) + (prevP[p] as number);
          kp[p] = (kp[p] as number) + (prevR[r] as number);
        }
      }
    }
    regions.push(kc.map((v, r) => v / (d[r] as number)));
    products.push(kp.map((v, p) => v / (u[p] as number)));
  }
  return { regions, products };
}

export interface FitnessOptions {
  /** economiccomplexity's count, the starting vector included: iterations − 1 updates. Even, ≥ 2; default 20. */
  readonly iterations?: number;
  /** γ of the generalised update Q_p = (Σ_c M_cp F_c^-γ)^(-1/γ); 1 is Tacchella et al.'s metric. Default 1. */
  readonly extremality?: number;
}

export interface FitnessComplexity {
  readonly regions: readonly string[];
  readonly products: readonly string[];
  /** Region fitness F_c, mean 1 over included regions; NaN for an excluded region. */
  readonly fitness: Float64Array;
  /** Product complexity Q_p, mean 1 over included products; NaN for an excluded product. */
  readonly complexity: Float64Array;
  readonly excludedRegions: readonly string[];
  readonly excludedProducts: readonly string[];
}

/**
 * Fitness and complexity (Tacchella, Cristelli, Caldarelli, Gabrielli & Pietronero 2012, "A new metrics for
 * countries' fitness and products' complexity", Sci. Rep. 2:723, eq. 1), with the extremality parameter of
 * Mariani, Vidmer, Medo & Zhang (2015, EPJ B 88:293), following economiccomplexity's `complexity_measures`
 * (`method = "fitness"`): start from F = Q = 1, then update both from the previous step,
 *
 *   F̃_c = Σ_p M_cp Q_p,   Q̃_p = 1 / (Σ_c M_cp F_c^-γ)^(1/γ),   F = F̃ / mean(F̃),   Q = Q̃ / mean(Q̃),
 *
 * `iterations − 1` times, and report the last step unstandardised. The map has no fixed point for
 * non-nested matrices (the fitness of some regions and the complexity of some products decay towards 0), so
 * the number of iterations is part of the result, as it is in the R package.
 *
 * @example
 * fitnessComplexity(presence).fitness; // economiccomplexity's default complexity_index_country
 */
export function fitnessComplexity(presence: Presence, options: FitnessOptions = {}): FitnessComplexity {
  const iterations = checkIterations(options.iterations ?? 20);
  const gamma = options.extremality ?? 1;
  if (!Number.isFinite(gamma) || gamma <= 0) {
    throw new FtzError('disparity.option_invalid', { option: 'extremality', value: String(gamma), reason: 'must be a finite number > 0' });
  }
  const sub = connectedPart(presence);
  const { mcp, nR, nP } = sub;
  let f = new Float64Array(nR).fill(1);
  let q = new Float64Array(nP).fill(1);
  for (let step = 1; step < iterations; step++) {
    const fNext = new Float64Array(nR);
    const sums = new Float64Array(nP);
    for (let r = 0; r < nR; r++) {
      const inv = (f[r] as number) ** -gamma;
      for (let p = 0; p < nP; p++) {
        if (mcp[r * nP + p] === 1) {
          fNext[r] = (fNext[r] as number) + (q[p] as number);
          sums[p] = (sums[p] as number) + inv;
        }
      }
    }
    const qNext = sums.map((s) => 1 / s ** (1 / gamma));
    const meanF = neumaierSum(fNext) / nR;
    const meanQ = neumaierSum(qNext) / nP;
    f = fNext.map((v) => v / meanF);
    q = qNext.map((v) => v / meanQ);
  }
  return {
    regions: presence.regions,
    products: presence.products,
    fitness: sub.expandRegions(f),
    complexity: sub.expandProducts(q),
    excludedRegions: sub.excludedRegions,
    excludedProducts: sub.excludedProducts,
  };
}

interface SubPresence {
  mcp: Uint8Array;
  nR: number;
  nP: number;
  diversity: Float64Array;
  ubiquity: Float64Array;
  excludedRegions: string[];
  excludedProducts: string[];
  expandRegions(v: Float64Array): Float64Array;
  expandProducts(v: Float64Array): Float64Array;
}

/** The regions with diversity > 0 and products with ubiquity > 0; needs at least two of each. */
function connectedPart(presence: Presence): SubPresence {
  const { mcp, diversity, ubiquity } = checkPresence(presence);
  const nP = ubiquity.length;
  const rows = [...diversity.keys()].filter((r) => (diversity[r] as number) > 0);
  const cols = [...ubiquity.keys()].filter((p) => (ubiquity[p] as number) > 0);
  if (rows.length < 2) throw new FtzError('disparity.length_mismatch', { what: 'regions with diversity > 0 (at least 2)', expected: 2, found: rows.length });
  if (cols.length < 2) throw new FtzError('disparity.length_mismatch', { what: 'products with ubiquity > 0 (at least 2)', expected: 2, found: cols.length });
  const sub = new Uint8Array(rows.length * cols.length);
  rows.forEach((r, i) => cols.forEach((p, j) => {
    sub[i * cols.length + j] = mcp[r * nP + p] as number;
  }));
  const expand = (size: number, keep: number[]) => (v: Float64Array): Float64Array => {
    const out = new Float64Array(size).fill(Number.NaN);
    keep.forEach((k, i) => {
      out[k] = v[i] as number;
    });
    return out;
  };
  return {
    mcp: sub,
    nR: rows.length,
    nP: cols.length,
    diversity: Float64Array.from(rows, (r) => diversity[r] as number),
    ubiquity: Float64Array.from(cols, (p) => ubiquity[p] as number),
    excludedRegions: presence.regions.filter((_, r) => !((diversity[r] as number) > 0)),
    excludedProducts: presence.products.filter((_, p) => !((ubiquity[p] as number) > 0)),
    expandRegions: expand(diversity.length, rows),
    expandProducts: expand(nP, cols),
  };
}

/** economiccomplexity's reflections: ECI from k_c at order iterations − 2, PCI from k_p at order iterations − 1 (both in the chain that starts from diversity). */
function reflections(sub: SubPresence, iterations: number): { kc: Float64Array; kp: Float64Array } {
  const { mcp, nR, nP, diversity: d, ubiquity: u } = sub;
  let kc: Float64Array = centred(d.slice());
  let kp: Float64Array = new Float64Array(nP);
  for (let order = 1; order < iterations; order++) {
    if (order % 2 === 1) {
      const next = new Float64Array(nP);
      for (let r = 0; r < nR; r++) {
        const v = kc[r] as number;
        for (let p = 0; p < nP; p++) if (mcp[r * nP + p] === 1) next[p] = (next[p] as number) + v;
      }
      kp = centred(next.map((s, p) => s / (u[p] as number)));
    } else {
      const next = new Float64Array(nR);
      for (let r = 0; r < nR; r++) {
        let s = 0;
        for (let p = 0; p < nP; p++) if (mcp[r * nP + p] === 1) s += kp[p] as number;
        next[r] = s / (d[r] as number);
      }
      kc = centred(next);
    }
  }
  return { kc, kp };
}

/** (v − mean) / population sd; NaN everywhere once the iterates have become constant (nothing left to rank). */
function centred(v: Float64Array): Float64Array {
  const { mean, sd } = moments(v, 0);
  return v.map((x) => (x - mean) / sd);
}

function moments(v: Float64Array, ddof: 0 | 1): { mean: number; sd: number } {
  const mean = neumaierSum(v) / v.length;
  const sd = Math.sqrt(neumaierSum(v.map((x) => (x - mean) ** 2)) / (v.length - ddof));
  return { mean, sd };
}

function covariance(a: Float64Array, b: Float64Array): number {
  const ma = neumaierSum(a) / a.length;
  const mb = neumaierSum(b) / b.length;
  return neumaierSum(a.map((x, i) => (x - ma) * ((b[i] as number) - mb)));
}

function standardised(kc: Float64Array, kp: Float64Array, how: ComplexityStandardisation): { eci: Float64Array; pci: Float64Array } {
  if (how === 'none') return { eci: kc.slice(), pci: kp.slice() };
  if (how === 'py-ecomplexity') {
    const { mean, sd } = moments(kc, 0);
    return { eci: kc.map((x) => (x - mean) / sd), pci: kp.map((x) => (x - mean) / sd) };
  }
  const c = moments(kc, 1);
  const p = moments(kp, 1);
  return { eci: kc.map((x) => (x - c.mean) / c.sd), pci: kp.map((x) => (x - p.mean) / p.sd) };
}

function checkIterations(iterations: number): number {
  if (!Number.isInteger(iterations) || iterations < 2 || iterations % 2 !== 0) {
    throw new FtzError('disparity.option_invalid', {
      option: 'iterations',
      value: String(iterations),
      reason: 'must be an even integer ≥ 2 (economiccomplexity silently uses iterations + 1 for an odd count)',
    });
  }
  return iterations;
}
