import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import type { Presence } from './complexityMatrix.js';
import { checkPresence } from './complexityMatrix.js';
import type { EconomicComplexity } from './economicComplexity.js';

export interface ProximityOptions {
  /**
   * `false` (default): φ_pp' = min{P(p | p'), P(p' | p)}, symmetric, the Product Space's proximity.
   * `true`: py-ecomplexity's `asymmetric=True`, φ_pp' = P(p' | p) = C_pp' / k_p,0 (row p conditions on p).
   */
  readonly asymmetric?: boolean;
}

/**
 * Product proximity (Hidalgo, Klinger, Barabási & Hausmann 2007, "The product space conditions the
 * development of nations", Science 317(5837), p. 483): with co-occurrence C_pp' = Σ_c M_cp M_cp',
 *
 *   φ_pp' = min{C_pp'/k_p,0, C_pp'/k_p',0} = C_pp' / max(k_p,0, k_p',0),
 *
 * the form economiccomplexity computes and py-ecomplexity's `calc_discrete_proximity`; the diagonal is 1 in
 * both and is kept (density sums include it). A product no region has (ubiquity 0) gets proximity 0 to
 * everything, itself included, where both libraries would produce 0/0 = NaN and spread it through density.
 * Row-major products × products.
 *
 * @example
 * productProximity(presence)[p * presence.products.length + q]; // φ between products p and q
 */
export function productProximity(presence: Presence, options: ProximityOptions = {}): Float64Array {
  const { mcp, ubiquity: u } = checkPresence(presence);
  const nP = u.length;
  const nR = presence.regions.length;
  const co = new Float64Array(nP * nP);
  for (let r = 0; r < nR; r++) {
    const have: number[] = [];
    for (let p = 0; p < nP; p++) if (mcp[r * nP + p] === 1) have.push(p);
    for (const p of have) for (const q of have) co[p * nP + q] = (co[p * nP + q] as number) + 1;
  }
  const phi = new Float64Array(nP * nP);
  for (let p = 0; p < nP; p++) {
    for (let q = 0; q < nP; q++) {
      const c = co[p * nP + q] as number;
      if (c === 0) continue;
      const denominator = options.asymmetric === true ? (u[p] as number) : Math.max(u[p] as number, u[q] as number);
      phi[p * nP + q] = c / denominator;
    }
  }
  return phi;
}

/**
 * Relatedness density (Hidalgo et al. 2007; Hausmann et al. 2014, Atlas p. 50): the share of product p's
 * proximity mass that region c already has, ω_cp = Σ_p' M_cp' φ_pp' / Σ_p' φ_pp', in [0, 1] for the
 * symmetric proximity. py-ecomplexity's `calc_density` and economiccomplexity's `density` (1 − distance)
 * compute the same. NaN for a product with no proximity at all. Row-major regions × products.
 *
 * @example
 * relatednessDensity(presence, productProximity(presence));
 */
export function relatednessDensity(presence: Presence, proximity: Float64Array): Float64Array {
  const { mcp } = checkPresence(presence);
  const nP = presence.products.length;
  const nR = presence.regions.length;
  checkProximity(proximity, nP);
  const rowSum = new Float64Array(nP);
  for (let p = 0; p < nP; p++) rowSum[p] = neumaierSum(proximity, p * nP, nP);
  const density = new Float64Array(nR * nP);
  const acc = new Float64Array(nP);
  for (let r = 0; r < nR; r++) {
    acc.fill(0);
    // Σ_p' M_cp' φ_pp', summed over the products the region has (φ is read by column p')
    for (let q = 0; q < nP; q++) {
      if (mcp[r * nP + q] !== 1) continue;
      for (let p = 0; p < nP; p++) acc[p] = (acc[p] as number) + (proximity[p * nP + q] as number);
    }
    for (let p = 0; p < nP; p++) density[r * nP + p] = (acc[p] as number) / (rowSum[p] as number);
  }
  return density;
}

export interface ComplexityOutlookOptions {
  /**
   * `'py-ecomplexity'` (default): uses the raw eigenvector kp of an eigenvector-method result (unit norm, sign
   * applied), standardises COI (population sd) and divides COG by the population sd of kc, as
   * `ecomplexity()` does after `calc_coi_cog`. `'economiccomplexity'`: uses the PCI it is given as it is
   * (any method, e.g. fitness complexity) and leaves COI and COG unscaled, as `complexity_outlook()` does.
   */
  readonly convention?: 'py-ecomplexity' | 'economiccomplexity';
  /** Density already computed from the same presence and proximity (saves a pass). */
  readonly density?: Float64Array;
}

export interface ComplexityOutlook {
  /** COI per region; NaN for a region excluded from the complexity result (py-ecomplexity convention). */
  readonly coi: Float64Array;
  /** COG, row-major regions × products; 0 where the region already has the product. */
  readonly cog: Float64Array;
}

/**
 * Complexity outlook index and gain (Hausmann et al. 2014, The Atlas of Economic Complexity, pp. 51–52):
 *
 *   COI_c = Σ_p ω_cp (1 − M_cp) PCI_p,
 *   COG_cp = (1 − M_cp) Σ_p' (1 − M_cp') φ_p'p PCI_p' / Σ_p'' φ_p'p'',
 *
 * the forms of py-ecomplexity's `calc_coi_cog` and economiccomplexity's `complexity_outlook`; the two differ
 * only in which PCI goes in and how the result is scaled (see {@link ComplexityOutlookOptions}). With the
 * py-ecomplexity convention the numbers are not those of the formula with the standardised PCI: kp is shifted
 * by mean(kc)/sd(kc) relative to it, and the shift does not cancel. Products with NaN PCI contribute nothing.
 *
 * @example
 * const phi = productProximity(presence);
 * complexityOutlook(presence, phi, economicComplexity(presence)).coi; // py-ecomplexity's coi
 */
export function complexityOutlook(
  presence: Presence,
  proximity: Float64Array,
  complexity: EconomicComplexity | Float64Array,
  options: ComplexityOutlookOptions = {},
): ComplexityOutlook {
  const { mcp } = checkPresence(presence);
  const nP = presence.products.length;
  const nR = presence.regions.length;
  checkProximity(proximity, nP);
  const convention = options.convention ?? 'py-ecomplexity';
  let pci: Float64Array;
  let scale = 1;
  if (convention === 'py-ecomplexity') {
    if (complexity instanceof Float64Array || complexity.method !== 'eigenvector') {
      throw new FtzError('disparity.option_invalid', {
        option: 'convention',
        value: convention,
        reason: "py-ecomplexity's COI and COG need the raw eigenvector: pass the result of economicComplexity with method 'eigenvector'",
      });
    }
    pci = complexity.kp;
    const kc = complexity.kc.filter((v) => !Number.isNaN(v));
    const mean = neumaierSum(kc) / kc.length;
    scale = 1 / Math.sqrt(neumaierSum(kc.map((v) => (v - mean) ** 2)) / kc.length);
  } else if (convention === 'economiccomplexity') {
    pci = complexity instanceof Float64Array ? complexity : complexity.pci;
  } else {
    throw new FtzError('disparity.option_invalid', { option: 'convention', value: String(convention), reason: "use 'py-ecomplexity' or 'economiccomplexity'" });
  }
  if (pci.length !== nP) throw new FtzError('disparity.length_mismatch', { what: 'PCI', expected: nP, found: pci.length });
  const density = options.density ?? relatednessDensity(presence, proximity);
  if (density.length !== nR * nP) throw new FtzError('disparity.length_mismatch', { what: 'density (regions × products)', expected: nR * nP, found: density.length });

  const coi = new Float64Array(nR);
  for (let r = 0; r < nR; r++) {
    let s = 0;
    for (let p = 0; p < nP; p++) {
      const term = (density[r * nP + p] as number) * (pci[p] as number);
      if (mcp[r * nP + p] === 0 && !Number.isNaN(term)) s += term;
    }
    coi[r] = s;
  }
  // B_p'p = φ_p'p PCI_p' / Σ_p'' φ_p'p''; COG = (1 − M) ∘ ((1 − M) B), with (1 − M) B = 1ᵀB − M B
  const b = new Float64Array(nP * nP);
  const colSum = new Float64Array(nP);
  for (let q = 0; q < nP; q++) {
    const weight = (pci[q] as number) / neumaierSum(proximity, q * nP, nP);
    if (!Number.isFinite(weight)) continue;
    for (let p = 0; p < nP; p++) {
      const v = (proximity[q * nP + p] as number) * weight;
      b[q * nP + p] = v;
      colSum[p] = (colSum[p] as number) + v;
    }
  }
  const cog = new Float64Array(nR * nP);
  const acc = new Float64Array(nP);
  for (let r = 0; r < nR; r++) {
    acc.set(colSum);
    for (let q = 0; q < nP; q++) {
      if (mcp[r * nP + q] !== 1) continue;
      for (let p = 0; p < nP; p++) acc[p] = (acc[p] as number) - (b[q * nP + p] as number);
    }
    for (let p = 0; p < nP; p++) cog[r * nP + p] = mcp[r * nP + p] === 1 ? 0 : (acc[p] as number) * scale;
  }

  if (convention === 'py-ecomplexity') {
    const excluded = new Set((complexity as EconomicComplexity).excludedRegions);
    presence.regions.forEach((region, r) => {
      if (excluded.has(region)) coi[r] = Number.NaN;
    });
    const kept = coi.filter((v) => !Number.isNaN(v));
    const mean = neumaierSum(kept) / kept.length;
    const sd = Math.sqrt(neumaierSum(kept.map((v) => (v - mean) ** 2)) / kept.length);
    for (let r = 0; r < nR; r++) coi[r] = ((coi[r] as number) - mean) / sd;
  }
  return { coi, cog };
}

function checkProximity(proximity: Float64Array, nP: number): void {
  if (proximity.length !== nP * nP) throw new FtzError('disparity.length_mismatch', { what: 'proximity (products × products)', expected: nP * nP, found: proximity.length });
}
