import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import type { DenseMatrix } from '../carbon/inputOutput.js';
import { checkMatrix, leontiefInverse, multiply } from '../carbon/inputOutput.js';
import { columnTotals, rowTotals } from './specialisation.js';

// Inter-industry linkages of a single-region input–output table (Miller & Blair 2009, Input–Output Analysis,
// 2nd ed., ch. 12): how much a sector pulls from its suppliers (backward) and pushes to its customers
// (forward), which sectors are key, and the weights of a sector's supply-chain links.

/**
 * Ghosh allocation (output) coefficients B = diag(x)⁻¹ Z (Ghosh 1958; Miller & Blair 2009 §12.1): b_ij is
 * the share of sector i's output sold to sector j. Rows of sectors whose output is 0 are 0, as A's columns
 * are in `technicalCoefficients`.
 *
 * Throws `carbon.bad_matrix` for a non-square Z, non-finite entries, or an output vector of the wrong length
 * or with negative entries.
 *
 * @example
 * allocationCoefficients(denseMatrix([[150, 500], [200, 100]]), [1000, 2000]).values; // [0.15, 0.5, 0.1, 0.05]
 */
export function allocationCoefficients(Z: DenseMatrix, x: ArrayLike<number>): DenseMatrix {
  const n = squareSize(Z, 'intermediate flows Z');
  if (x.length !== n) throw new FtzError('carbon.bad_matrix', { what: 'total output x', detail: `it has ${x.length} entries, expected ${n}` });
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    if (!(Number.isFinite(xi) && xi >= 0)) throw new FtzError('carbon.bad_matrix', { what: 'total output x', detail: `sector ${i + 1} has output ${xi}; outputs must be finite and ≥ 0` });
    const inv = xi === 0 ? 0 : 1 / xi;
    for (let j = 0; j < n; j++) values[i * n + j] = (Z.values[i * n + j] as number) * inv;
  }
  return { rows: n, cols: n, values };
}

/**
 * The Ghosh inverse G = (I − B)⁻¹ (Miller & Blair 2009 §12.1), by the same LU factorisation as the
 * Leontief inverse. When A and B come from one table, G = diag(x)⁻¹ L diag(x) (ibid.).
 *
 * Throws `carbon.bad_matrix` for a non-square or non-finite B and `carbon.singular_leontief` when I − B
 * cannot be inverted.
 *
 * @example
 * ghoshInverse(allocationCoefficients(Z, x));
 */
export function ghoshInverse(B: DenseMatrix): DenseMatrix {
  squareSize(B, 'allocation coefficients B');
  try {
    return leontiefInverse(B);
  } catch (e) {
    if (e instanceof FtzError && e.code === 'carbon.singular_leontief') {
      const { detail } = e.params as { detail: string };
      throw new FtzError('carbon.singular_leontief', { detail: `Ghosh inverse (I − B)⁻¹: ${detail}` }, { cause: e });
    }
    throw e;
  }
}

/** Options of {@link ioLinkages}. */
export interface IoLinkageOptions {
  /**
   * What the forward index sums: `'leontief'` (default), the rows of L, as Rasmussen (1956) defined the index
   * of sensitivity of dispersion and as the Chinese 感应度系数 is usually computed; or `'ghosh'`, the rows
   * of the Ghosh inverse G, which Miller & Blair (2009 §12.2) recommend as the supply-side measure. Needs B.
   */
  forward?: 'leontief' | 'ghosh';
  /** Allocation coefficients B (from {@link allocationCoefficients}); required for `forward: 'ghosh'`. */
  B?: DenseMatrix;
  /**
   * Domestic technical coefficients A_d (domestic inputs only) when the table splits domestic and imported
   * inputs; adds {@link IoLinkages.domestic} and {@link IoLinkages.importContent}. With `forward: 'ghosh'`,
   * pass the domestic allocation coefficients as `Bd`.
   */
  Ad?: DenseMatrix;
  /** Domestic allocation coefficients B_d = diag(x)⁻¹ Z_d, for `forward: 'ghosh'` with `Ad`. */
  Bd?: DenseMatrix;
}

/** Rasmussen's linkage indices of one coefficient matrix. */
export interface SectorLinkages {
  /** The Leontief inverse L = (I − A)⁻¹. */
  readonly L: DenseMatrix;
  /** The Ghosh inverse G = (I − B)⁻¹, when B was given. */
  readonly G?: DenseMatrix;
  /** Output multipliers Σ_i l_ij (Miller & Blair 2009 §6.2): total output in all sectors per unit of j's final demand. */
  readonly outputMultipliers: Float64Array;
  /** Row sums of L (or of G with `forward: 'ghosh'`): total forward linkage. */
  readonly forwardTotals: Float64Array;
  /** Power of dispersion (影响力系数): n · Σ_i l_ij / Σ_ij l_ij; averages 1. */
  readonly backward: Float64Array;
  /** Sensitivity of dispersion (感应度系数): n · Σ_j l_ij / Σ_ij l_ij (or with G); averages 1. */
  readonly forward: Float64Array;
  /** Key sectors: backward > 1 and forward > 1. */
  readonly keySector: readonly boolean[];
}

/** Linkages of the whole table and, with A_d, of domestic inputs only. */
export interface IoLinkages {
  readonly total: SectorLinkages;
  readonly domestic?: SectorLinkages;
  /**
   * Imported inputs, direct and indirect, per unit of each sector's final demand: 1ᵀ (A − A_d) L_d. With
   * value added v_j = 1 − Σ_i a_ij, v L_d + importContent = 1 for every sector.
   */
  readonly importContent?: Float64Array;
}

/**
 * Backward and forward linkage indices of Rasmussen (1956, Studies in Inter-Sectoral Relations, ch. 8):
 * power of dispersion U_j = (1/n) Σ_i l_ij / ((1/n²) Σ_ij l_ij) and sensitivity of dispersion U_i =
 * (1/n) Σ_j l_ij / ((1/n²) Σ_ij l_ij), both normalised by their average so that a value above 1 means an
 * above-average linkage; key sectors have both above 1 (Miller & Blair 2009 §12.2). Also returns the
 * output multipliers, and with a domestic matrix A_d the same indices on L_d = (I − A_d)⁻¹, which leave out
 * the pull that leaks abroad through imported inputs.
 *
 * Throws `carbon.bad_matrix` for non-square, non-finite or mismatched matrices, `carbon.singular_leontief`
 * when I − A (I − B) cannot be inverted, and `disparity.option_invalid` for an unknown `forward` or
 * `forward: 'ghosh'` without B.
 *
 * @example
 * const A = technicalCoefficients(Z, x);
 * const { total } = ioLinkages(A);
 * total.backward; // Miller & Blair's 2-sector table: [46/45, 44/45]
 */
export function ioLinkages(A: DenseMatrix, options: IoLinkageOptions = {}): IoLinkages {
  const forward = options.forward ?? 'leontief';
  if (forward !== 'leontief' && forward !== 'ghosh') throw new FtzError('disparity.option_invalid', { option: 'forward', value: String(forward), reason: "must be 'leontief' or 'ghosh'" });
  const n = squareSize(A, 'technical coefficients A');
  const total = sectorLinkages(A, options.B, forward, n, '');
  if (options.Ad === undefined) {
    if (options.Bd !== undefined) throw new FtzError('disparity.option_invalid', { option: 'Bd', value: 'given', reason: 'domestic allocation coefficients need the domestic technical coefficients Ad' });
    return { total };
  }
  const Ad = options.Ad;
  if (squareSize(Ad, 'domestic technical coefficients A_d') !== n) {
    throw new FtzError('carbon.bad_matrix', { what: 'domestic technical coefficients A_d', detail: `it is ${Ad.rows} × ${Ad.cols}, A is ${n} × ${n}` });
  }
  const domestic = sectorLinkages(Ad, options.Bd, forward, n, 'domestic ');
  const imported = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) imported[k] = (A.values[k] as number) - (Ad.values[k] as number);
  const importContent = columnTotals(multiply({ rows: n, cols: n, values: imported }, domestic.L));
  return { total, domestic, importContent };
}

/** A link of a sector's supply chain: the other sector and its weight. */
export interface ChainLink {
  readonly sector: number;
  readonly weight: number;
}

/** Options of {@link sectorLinks}. */
export interface SectorLinksOptions {
  /** Keep the sector's purchases from and sales to itself; default false (a chain map draws other sectors). */
  includeSelf?: boolean;
  /** Drop links with weight below this; default 0 (zero links are always dropped). */
  minWeight?: number;
  /** Keep at most this many links on each side, the heaviest; default all. */
  top?: number;
}

/** The direct supply-chain neighbours of one sector. */
export interface SectorLinks {
  /** Column j of A: inputs bought from each sector per unit of j's output. */
  readonly upstream: Float64Array;
  /** Row j of B: the share of j's output sold to each sector. */
  readonly downstream: Float64Array;
  /** Suppliers ranked by a_ij, heaviest first (ties: lower sector index first). */
  readonly suppliers: readonly ChainLink[];
  /** Customers ranked by b_jk, heaviest first (ties: lower sector index first). */
  readonly customers: readonly ChainLink[];
}

/**
 * Upstream and downstream link weights of sector j (0-based) for a chain map: what j buys (its column of the
 * technical coefficients A, the demand-side view) and where its output goes (its row of the allocation
 * coefficients B, the supply-side view; Miller & Blair 2009 §12.1). Both are direct links; the inverses L and
 * G hold the indirect ones.
 *
 * Throws `carbon.bad_matrix` for matrices that are not square and of one size, and
 * `disparity.option_invalid` for a sector out of range or a bad `minWeight` / `top`.
 *
 * @example
 * sectorLinks(A, B, 2, { top: 5 }).suppliers; // the five largest direct suppliers of sector 3
 */
export function sectorLinks(A: DenseMatrix, B: DenseMatrix, sector: number, options: SectorLinksOptions = {}): SectorLinks {
  const n = squareSize(A, 'technical coefficients A');
  if (squareSize(B, 'allocation coefficients B') !== n) throw new FtzError('carbon.bad_matrix', { what: 'allocation coefficients B', detail: `it is ${B.rows} × ${B.cols}, A is ${n} × ${n}` });
  if (!(Number.isInteger(sector) && sector >= 0 && sector < n)) throw new FtzError('disparity.option_invalid', { option: 'sector', value: String(sector), reason: `must be an integer from 0 to ${n - 1}` });
  const minWeight = options.minWeight ?? 0;
  if (!Number.isFinite(minWeight)) throw new FtzError('disparity.option_invalid', { option: 'minWeight', value: String(minWeight), reason: 'must be a finite number' });
  const top = options.top ?? n;
  if (!(Number.isInteger(top) && top >= 0)) throw new FtzError('disparity.option_invalid', { option: 'top', value: String(top), reason: 'must be an integer ≥ 0' });
  const upstream = new Float64Array(n);
  for (let i = 0; i < n; i++) upstream[i] = A.values[i * n + sector] as number;
  const downstream = Float64Array.from(B.values.subarray(sector * n, (sector + 1) * n));
  const ranked = (w: Float64Array): ChainLink[] => {
    const links: ChainLink[] = [];
    w.forEach((weight, s) => {
      if ((s !== sector || options.includeSelf === true) && weight !== 0 && weight >= minWeight) links.push({ sector: s, weight });
    });
    return links.sort((p, q) => q.weight - p.weight || p.sector - q.sector).slice(0, top);
  };
  return { upstream, downstream, suppliers: ranked(upstream), customers: ranked(downstream) };
}

function sectorLinkages(A: DenseMatrix, B: DenseMatrix | undefined, forward: 'leontief' | 'ghosh', n: number, prefix: string): SectorLinkages {
  if (B !== undefined && squareSize(B, `${prefix}allocation coefficients B`) !== n) {
    throw new FtzError('carbon.bad_matrix', { what: `${prefix}allocation coefficients B`, detail: `it is ${B.rows} × ${B.cols}, A is ${n} × ${n}` });
  }
  if (forward === 'ghosh' && B === undefined) {
    throw new FtzError('disparity.option_invalid', { option: prefix === '' ? 'B' : 'Bd', value: 'missing', reason: "forward: 'ghosh' needs the allocation coefficients" });
  }
  const L = leontiefInverse(A);
  const G = B === undefined ? undefined : ghoshInverse(B);
  const outputMultipliers = columnTotals(L);
  const forwardTotals = forward === 'ghosh' ? rowTotals(G as DenseMatrix) : rowTotals(L);
  const backward = normaliseByAverage(outputMultipliers);
  const forwardIndex = normaliseByAverage(forwardTotals);
  const keySector = Array.from(backward, (u, j) => u > 1 && (forwardIndex[j] as number) > 1);
  return { L, ...(G === undefined ? {} : { G }), outputMultipliers, forwardTotals, backward, forward: forwardIndex, keySector };
}

/** v_j / mean(v): Rasmussen's normalisation (n · v_j / Σ v). */
function normaliseByAverage(v: Float64Array): Float64Array {
  const mean = neumaierSum(v) / v.length;
  return v.map((x) => x / mean);
}

function squareSize(m: DenseMatrix, what: string): number {
  checkMatrix(m, what);
  if (m.rows !== m.cols) throw new FtzError('carbon.bad_matrix', { what, detail: `it is ${m.rows} × ${m.cols}, not square` });
  if (m.rows === 0) throw new FtzError('carbon.bad_matrix', { what, detail: 'it has no sectors' });
  return m.rows;
}
