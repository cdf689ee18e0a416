import { FtzError } from '../../core/errors.js';
import { neumaierSum } from '../../numeric/neumaierSum.js';
import type { DenseMatrix } from '../carbon/inputOutput.js';
import { columnTotals, nonNegativeVector, requireNonNegativeMatrix, rowTotals } from './specialisation.js';

// Bilateral trade indices between the n countries (or regions) of a trade table: how well one's exports fit
// another's imports (complementarity), how much more they trade than their weight in world trade predicts
// (intensity, with Drysdale's split into complementarity and bias), and how alike their exports are. Every
// bilateral result is an n × n matrix, row = exporter i, column = importer j; the diagonal (a country with
// itself) is NaN, and so is any pair where the exporter exports nothing or the importer imports nothing.

/** A trade table: exports and imports by country and product, and optionally the bilateral totals. */
export interface TradeFlows {
  /** X_ik: exports of country i in product k (countries × products). */
  readonly exports: DenseMatrix;
  /** M_jk: imports of country j in product k (countries × products, same order). */
  readonly imports: DenseMatrix;
  /** X_ij: exports of i to j over all products (countries × countries); needed by the intensity indices. */
  readonly bilateral?: DenseMatrix;
  /** World exports by product when the countries are not the whole world; default Σ_i X_ik. */
  readonly worldExports?: ArrayLike<number>;
  /** World imports by product when the countries are not the whole world; default Σ_j M_jk. */
  readonly worldImports?: ArrayLike<number>;
}

/**
 * A {@link TradeFlows} from bilateral flows by product, x[i][j][k] = exports of i to j in product k: X_ik =
 * Σ_j x_ijk, M_jk = Σ_i x_ijk, X_ij = Σ_k x_ijk. In such a closed table world exports equal world imports.
 *
 * Throws `carbon.bad_matrix` for a ragged array or an entry that is not finite and ≥ 0.
 *
 * @example
 * tradeFlowsFromBilateral(fixture.bilateral_exports_X_ijk).exports; // 3 × 4
 */
export function tradeFlowsFromBilateral(x: readonly (readonly (readonly number[])[])[]): Required<Pick<TradeFlows, 'exports' | 'imports' | 'bilateral'>> {
  const n = x.length;
  const m = x[0]?.[0]?.length ?? 0;
  const exports = new Float64Array(n * m);
  const imports = new Float64Array(n * m);
  const bilateral = new Float64Array(n * n);
  x.forEach((byPartner, i) => {
    if (byPartner.length !== n) throw new FtzError('carbon.bad_matrix', { what: 'bilateral flows x[i][j][k]', detail: `exporter ${i + 1} has ${byPartner.length} partners, expected ${n}` });
    byPartner.forEach((byProduct, j) => {
      if (byProduct.length !== m) throw new FtzError('carbon.bad_matrix', { what: 'bilateral flows x[i][j][k]', detail: `flow ${i + 1} → ${j + 1} has ${byProduct.length} products, expected ${m}` });
      byProduct.forEach((v, k) => {
        if (!(Number.isFinite(v) && v >= 0)) throw new FtzError('carbon.bad_matrix', { what: 'bilateral flows x[i][j][k]', detail: `flow ${i + 1} → ${j + 1} of product ${k + 1} is ${v}; flows must be finite and ≥ 0` });
        exports[i * m + k] = (exports[i * m + k] as number) + v;
        imports[j * m + k] = (imports[j * m + k] as number) + v;
        bilateral[i * n + j] = (bilateral[i * n + j] as number) + v;
      });
    });
  });
  return { exports: { rows: n, cols: m, values: exports }, imports: { rows: n, cols: m, values: imports }, bilateral: { rows: n, cols: n, values: bilateral } };
}

/** Options of {@link tradeComplementarity}. */
export interface TradeComplementarityOptions {
  /**
   * `'michaely'` (default; Michaely 1996, the World Bank WITS form): TC_ij = 100 · (1 − Σ_k |m_jk − x_ik| / 2),
   * with x_ik = X_ik / X_i and m_jk = M_jk / M_j, from 0 (no overlap) to 100 (export shares equal import
   * shares). `'rca'` (the RCA-product form common in the Chinese literature, e.g. 于津平 2003): C_ij =
   * Σ_k RCA^x_ik · RCA^m_jk · W_k / W, with Balassa's export RCA of i and the import RCA of j; 1 is the
   * neutral value.
   */
  form?: 'michaely' | 'rca';
  /** For `'rca'`: whether W_k / W is product k's share of world exports (default) or of world imports. */
  worldWeights?: 'exports' | 'imports';
}

/**
 * Trade complementarity of every exporter i with every importer j (see {@link TradeComplementarityOptions}
 * for the two forms). In a closed table (world exports = world imports) the `'rca'` weights do not matter.
 *
 * Throws `carbon.bad_matrix` for shapes that disagree or cells that are not finite and ≥ 0,
 * `disparity.length_mismatch` / `disparity.option_invalid` for world totals of the wrong length or smaller
 * than the countries' own, and `disparity.option_invalid` for an unknown form.
 *
 * @example
 * const flows = tradeFlowsFromBilateral(x);
 * tradeComplementarity(flows).values[0 * 3 + 1]; // A's exports vs B's imports, 0–100
 */
export function tradeComplementarity(flows: TradeFlows, options: TradeComplementarityOptions = {}): DenseMatrix {
  const form = options.form ?? 'michaely';
  if (form !== 'michaely' && form !== 'rca') throw new FtzError('disparity.option_invalid', { option: 'form', value: String(form), reason: "must be 'michaely' or 'rca'" });
  const weights = options.worldWeights ?? 'exports';
  if (weights !== 'exports' && weights !== 'imports') throw new FtzError('disparity.option_invalid', { option: 'worldWeights', value: String(weights), reason: "must be 'exports' or 'imports'" });
  const t = checkedFlows(flows);
  const { n, m } = t;
  const out = new Float64Array(n * n).fill(Number.NaN);
  const terms = new Float64Array(m);
  const wx = t.worldExportTotal;
  const wm = t.worldImportTotal;
  const share = weights === 'exports' ? t.worldExports : t.worldImports;
  const shareTotal = weights === 'exports' ? wx : wm;
  for (let i = 0; i < n; i++) {
    const xi = t.exportTotals[i] as number;
    for (let j = 0; j < n; j++) {
      const mj = t.importTotals[j] as number;
      if (i === j || !(xi > 0 && mj > 0)) continue;
      for (let k = 0; k < m; k++) {
        const xs = (t.X[i * m + k] as number) / xi;
        const ms = (t.M[j * m + k] as number) / mj;
        if (form === 'michaely') {
          terms[k] = Math.abs(ms - xs);
        } else {
          const wxk = t.worldExports[k] as number;
          const wmk = t.worldImports[k] as number;
          // A product nobody exports (imports) has X_ik = 0 (M_jk = 0): its term is 0, not 0/0.
          terms[k] = xs === 0 || ms === 0 ? 0 : (xs / (wxk / wx)) * (ms / (wmk / wm)) * ((share[k] as number) / shareTotal);
        }
      }
      const sum = neumaierSum(terms);
      out[i * n + j] = form === 'michaely' ? 100 * (1 - sum / 2) : sum;
    }
  }
  return { rows: n, cols: n, values: out };
}

/**
 * Trade intensity index of every exporter i with every importer j: the share of j in i's exports over j's
 * share of the imports i could have supplied.
 *
 * - `'world'` (default; Brown 1949, Kojima 1964, the WITS form): TII_ij = (X_ij / X_i) / (M_j / M_w);
 * - `'excludingOwnImports'` (Drysdale 1967, Anderson & Norheim 1993): TII_ij = (X_ij / X_i) / (M_j / (M_w −
 *   M_i)), since i cannot export to itself.
 *
 * M_j is read from `imports` (j's imports equal world exports to j in a closed table) and M_w from the world
 * imports. Needs `bilateral`.
 *
 * Throws as {@link tradeComplementarity}, and `disparity.option_invalid` when `bilateral` is missing.
 *
 * @example
 * tradeIntensity(flows, { denominator: 'excludingOwnImports' });
 */
export function tradeIntensity(flows: TradeFlows, options: { denominator?: 'world' | 'excludingOwnImports' } = {}): DenseMatrix {
  const denominator = options.denominator ?? 'world';
  if (denominator !== 'world' && denominator !== 'excludingOwnImports') {
    throw new FtzError('disparity.option_invalid', { option: 'denominator', value: String(denominator), reason: "must be 'world' or 'excludingOwnImports'" });
  }
  const t = checkedFlows(flows);
  const bilateral = requireBilateral(flows, t.n);
  const out = new Float64Array(t.n * t.n).fill(Number.NaN);
  for (let i = 0; i < t.n; i++) {
    const xi = t.exportTotals[i] as number;
    const base = denominator === 'world' ? t.worldImportTotal : t.worldImportTotal - (t.importTotals[i] as number);
    for (let j = 0; j < t.n; j++) {
      const mj = t.importTotals[j] as number;
      if (i === j || !(xi > 0 && mj > 0)) continue;
      out[i * t.n + j] = ((bilateral.values[i * t.n + j] as number) / xi) / (mj / base);
    }
  }
  return { rows: t.n, cols: t.n, values: out };
}

/** Drysdale's decomposition of trade intensity, each an n × n matrix (exporter × importer). */
export interface DrysdaleIntensity {
  /** c_ij = Σ_k (X_ik / X_i) · (M_jk / (M_wk − M_ik)) · ((M_w − M_i) / M_j): how well the structures fit. */
  readonly complementarity: DenseMatrix;
  /** b_ij = I_ij / c_ij: the complementarity-weighted mean of the product biases (X_ijk / X_ik) / (M_jk / (M_wk − M_ik)). */
  readonly bias: DenseMatrix;
  /** I_ij = c_ij · b_ij, the intensity excluding own imports (see {@link tradeIntensity}). */
  readonly intensity: DenseMatrix;
}

/**
 * Drysdale's (1967; Drysdale & Garnaut 1982, Hitotsubashi Journal of Economics 22(2)) split of the trade
 * intensity (excluding own imports) into commodity complementarity c_ij and country bias b_ij, I_ij = c_ij ·
 * b_ij. The bias is computed as I_ij / c_ij, which equals the complementarity-weighted mean of the product
 * biases and needs no bilateral data by product; it is NaN when c_ij = 0. Needs `bilateral`.
 *
 * Throws as {@link tradeIntensity}.
 *
 * @example
 * drysdaleIntensity(flows).bias.values[0 * 3 + 1]; // A's bias towards B
 */
export function drysdaleIntensity(flows: TradeFlows): DrysdaleIntensity {
  const t = checkedFlows(flows);
  const { n, m } = t;
  const intensity = tradeIntensity(flows, { denominator: 'excludingOwnImports' });
  const c = new Float64Array(n * n).fill(Number.NaN);
  const b = new Float64Array(n * n).fill(Number.NaN);
  const terms = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const xi = t.exportTotals[i] as number;
    const rest = t.worldImportTotal - (t.importTotals[i] as number);
    for (let j = 0; j < n; j++) {
      const mj = t.importTotals[j] as number;
      if (i === j || !(xi > 0 && mj > 0)) continue;
      for (let k = 0; k < m; k++) {
        const mjk = t.M[j * m + k] as number;
        const xik = t.X[i * m + k] as number;
        // M_wk − M_ik ≥ M_jk (checked world totals), so it is 0 only when M_jk is 0 too: the term is 0.
        terms[k] = mjk === 0 || xik === 0 ? 0 : (xik / xi) * (mjk / ((t.worldImports[k] as number) - (t.M[i * m + k] as number)));
      }
      const cij = neumaierSum(terms) * (rest / mj);
      c[i * n + j] = cij;
      b[i * n + j] = (intensity.values[i * n + j] as number) / cij;
    }
  }
  return { complementarity: { rows: n, cols: n, values: c }, bias: { rows: n, cols: n, values: b }, intensity };
}

/**
 * Export similarity index (Finger & Kreinin 1979, Economic Journal 89): ESI_ij = 100 · Σ_k min(s_ik, s_jk),
 * with s the product shares of each row, from 0 (no product in common) to 100 (identical structures). It
 * equals 100 · (1 − K_ij / 2) with K the bilateral Krugman index. Pass exports to one market (a third
 * country, the world) as the rows. NaN where a row is all zero; the diagonal is 100.
 *
 * Throws `carbon.bad_matrix` for cells that are not finite and ≥ 0.
 *
 * @example
 * exportSimilarity(flows.exports);
 */
export function exportSimilarity(exports: DenseMatrix): DenseMatrix {
  requireNonNegativeMatrix(exports, 'exports by product');
  const { rows: n, cols: m, values } = exports;
  const totals = rowTotals(exports);
  const out = new Float64Array(n * n).fill(Number.NaN);
  const terms = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const ti = totals[i] as number;
      const tj = totals[j] as number;
      if (!(ti > 0 && tj > 0)) continue;
      for (let k = 0; k < m; k++) terms[k] = Math.min((values[i * m + k] as number) / ti, (values[j * m + k] as number) / tj);
      const v = i === j ? 100 : 100 * neumaierSum(terms);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, values: out };
}

interface CheckedFlows {
  n: number;
  m: number;
  X: Float64Array;
  M: Float64Array;
  exportTotals: Float64Array;
  importTotals: Float64Array;
  worldExports: Float64Array;
  worldImports: Float64Array;
  worldExportTotal: number;
  worldImportTotal: number;
}

function checkedFlows(flows: TradeFlows): CheckedFlows {
  requireNonNegativeMatrix(flows.exports, 'exports by product');
  requireNonNegativeMatrix(flows.imports, 'imports by product');
  const n = flows.exports.rows;
  const m = flows.exports.cols;
  if (flows.imports.rows !== n || flows.imports.cols !== m) {
    throw new FtzError('carbon.bad_matrix', { what: 'imports by product', detail: `it is ${flows.imports.rows} × ${flows.imports.cols}, exports are ${n} × ${m}` });
  }
  const worldExports = worldTotals(flows.worldExports, columnTotals(flows.exports), 'worldExports');
  const worldImports = worldTotals(flows.worldImports, columnTotals(flows.imports), 'worldImports');
  return {
    n, m, X: flows.exports.values, M: flows.imports.values, exportTotals: rowTotals(flows.exports), importTotals: rowTotals(flows.imports),
    worldExports, worldImports, worldExportTotal: neumaierSum(worldExports), worldImportTotal: neumaierSum(worldImports),
  };
}

/** World totals by product, given or summed; given totals may not fall below the listed countries' sum. */
function worldTotals(given: ArrayLike<number> | undefined, own: Float64Array, option: string): Float64Array {
  if (given === undefined) return own;
  if (given.length !== own.length) throw new FtzError('disparity.length_mismatch', { what: `${option} (one per product)`, expected: own.length, found: given.length });
  const out = nonNegativeVector(given, option);
  for (let k = 0; k < out.length; k++) {
    const w = out[k] as number;
    const s = own[k] as number;
    if (w < s * (1 - 1e-12)) throw new FtzError('disparity.option_invalid', { option: `${option}[${k}]`, value: String(w), reason: `it is below the ${s} of the listed countries` });
  }
  return out;
}

function requireBilateral(flows: TradeFlows, n: number): DenseMatrix {
  const b = flows.bilateral;
  if (b === undefined) throw new FtzError('disparity.option_invalid', { option: 'bilateral', value: 'missing', reason: 'trade intensity needs the bilateral totals X_ij' });
  requireNonNegativeMatrix(b, 'bilateral exports');
  if (b.rows !== n || b.cols !== n) throw new FtzError('carbon.bad_matrix', { what: 'bilateral exports', detail: `it is ${b.rows} × ${b.cols}, expected ${n} × ${n}` });
  return b;
}
