import { FtzError } from '../../core/errors.js';
import type { DenseMatrix, LeontiefModel } from './inputOutput.js';
import { checkMatrix, multiply, sumFinalDemandCategories, technicalCoefficients } from './inputOutput.js';

/** One emission account, per industry column and per region. */
export interface EmissionAccount {
  /** k stressors × n industry columns (pymrio `D_cba`, `D_pba`, `D_imp` or `D_exp`); see each account for what a column means. */
  readonly bySector: DenseMatrix;
  /** k stressors × regions (pymrio `D_…_reg`): the sum of a region's columns, plus F_Y for the consumption and production accounts. */
  readonly byRegion: DenseMatrix;
}

/** The four accounts of pymrio's `calc_accounts`, with the intensities and multipliers they come from. */
export interface EmissionAccounts {
  /** Direct intensities S = F · diag(x)⁻¹ (k × n; pymrio `calc_S`). */
  readonly S: DenseMatrix;
  /** Total (direct + upstream) multipliers M = S · L (k × n; pymrio `calc_M`). */
  readonly M: DenseMatrix;
  /**
   * Consumption-based (footprint, pymrio `D_cba`): column (r, j) is what final demand of region r for products
   * of sector j (from every origin region) emits worldwide, Σ_o M[(o,j)] · Y[(o,j), r]. By region, plus F_Y.
   */
  readonly consumption: EmissionAccount;
  /**
   * Production-based (territorial, pymrio `D_pba`): column (o, i) is S[(o,i)] · (L·Y·1)[(o,i)], the emissions of
   * industry (o, i) with output recomputed from L and Y as pymrio does. By region, plus F_Y.
   */
  readonly production: EmissionAccount;
  /**
   * Import-based (pymrio `D_imp`): column (r, j) is the part of the consumption column (r, j) emitted outside r.
   * Columns are demanding region × product sector, like `consumption`.
   */
  readonly imports: EmissionAccount;
  /**
   * Export-based (pymrio `D_exp`): column (o, i) is what industry (o, i) emits for final demand of regions other
   * than o. Columns are producing region × producing sector, like `production`.
   */
  readonly exports: EmissionAccount;
  /** Direct final-demand emissions F_Y summed per region (k × regions; zeros when not given). */
  readonly finalDemandEmissions: DenseMatrix;
  /**
   * Industries (0-based) with zero output but non-zero emissions in F. S cannot express them per unit output, so
   * they drop out of S, M and every account, as in pymrio; callers should report them.
   */
  readonly unattributed: readonly number[];
}

/** Options of {@link emissionAccounts}. */
export interface EmissionAccountsOptions {
  /**
   * Direct emissions of final demand F_Y (households burning fuel, driving): k × (regions × categories), columns in
   * the layout of the model's Y. Added to the consumption and production accounts per region, as pymrio does.
   */
  readonly FY?: DenseMatrix;
}

/**
 * Production-, consumption-, import- and export-based emission accounts of an MRIO, exactly as pymrio computes
 * them (IndEcol/pymrio `pymrio/tools/iomath.py` `calc_accounts`; regional totals and F_Y as in
 * `pymrio/core/mriosystem.py` `Extension.calc_system`). With Ŷ the final demand diagonalised per sector block,
 * x̂ = L·Ŷ, S = F·diag(x)⁻¹:
 *
 *   D_cba = S·x̂,   D_pba = S ⊙ (x̂·1)ᵀ,   D_imp = S·x̂_trade,   D_exp = S ⊙ (x̂_trade·1)ᵀ,
 *
 * where x̂_trade is x̂ with the domestic blocks (origin region = demanding region) set to 0. Per region
 * cba = pba + imp − exp (the balance of Peters 2008, Ecol. Econ. 65, 13–23, with trade counted via final demand).
 *
 * Two pymrio conventions differ from the textbook: the production account uses x̂·1 = L·Y·1 rather than the
 * given x (the same when x = Z·1 + Y·1), and the consumption and import accounts are indexed by the *product*
 * sector bought by final demand, not by the emitting sector.
 *
 * Throws `carbon.bad_matrix` when F or F_Y has the wrong shape or non-finite entries.
 *
 * @example
 * const model = leontiefModel({ Z, Y, regions: 2 });
 * const acc = emissionAccounts(model, F, { FY });
 * acc.consumption.byRegion; // k × 2 footprints
 */
export function emissionAccounts(model: LeontiefModel, F: DenseMatrix, options: EmissionAccountsOptions = {}): EmissionAccounts {
  const { regions: R, sectors: m } = model;
  const n = R * m;
  const k = checkStressors(F, n);
  const finalDemandEmissions = options.FY === undefined
    ? { rows: k, cols: R, values: new Float64Array(k * R) }
    : finalDemandByRegion(options.FY, k, R, model.categories);
  const S = technicalCoefficients(F, model.x, 'stressor matrix F');
  const M = multiply(S, model.L);
  const xByDestination = multiply(model.L, model.Y);
  const Y = model.Y.values;

  // Emissions in origin region o for final demand of region r on products of sector j:
  // E[o, r, j] = Σ_p B_o[(p,j)] · Y[(p,j), r], with B_o = S restricted to region o's rows, times L.
  const cba = new Float64Array(k * n);
  const imp = new Float64Array(k * n);
  const block = new Float64Array(n);
  for (let s = 0; s < k; s++) {
    for (let o = 0; o < R; o++) {
      block.fill(0);
      for (let i = 0; i < m; i++) {
        const sOi = S.values[s * n + o * m + i] as number;
        if (sOi === 0) continue;
        const lRow = (o * m + i) * n;
        for (let c = 0; c < n; c++) block[c] = (block[c] as number) + sOi * (model.L.values[lRow + c] as number);
      }
      for (let r = 0; r < R; r++) {
        for (let j = 0; j < m; j++) {
          let e = 0;
          for (let p = 0; p < R; p++) e += (block[p * m + j] as number) * (Y[(p * m + j) * R + r] as number);
          const col = s * n + r * m + j;
          cba[col] = (cba[col] as number) + e;
          if (o !== r) imp[col] = (imp[col] as number) + e;
        }
      }
    }
  }

  const pba = new Float64Array(k * n);
  const exp = new Float64Array(k * n);
  for (let o = 0; o < R; o++) {
    for (let i = 0; i < m; i++) {
      const row = (o * m + i) * R;
      let total = 0;
      let abroad = 0;
      for (let r = 0; r < R; r++) {
        const v = xByDestination.values[row + r] as number;
        total += v;
        if (r !== o) abroad += v;
      }
      for (let s = 0; s < k; s++) {
        const sOi = S.values[s * n + o * m + i] as number;
        pba[s * n + o * m + i] = sOi * total;
        exp[s * n + o * m + i] = sOi * abroad;
      }
    }
  }

  const account = (values: Float64Array, withFinalDemand: boolean): EmissionAccount => {
    const bySector = { rows: k, cols: n, values };
    const byRegion = new Float64Array(k * R);
    for (let s = 0; s < k; s++) {
      for (let r = 0; r < R; r++) {
        let sum = withFinalDemand ? (finalDemandEmissions.values[s * R + r] as number) : 0;
        for (let j = 0; j < m; j++) sum += values[s * n + r * m + j] as number;
        byRegion[s * R + r] = sum;
      }
    }
    return { bySector, byRegion: { rows: k, cols: R, values: byRegion } };
  };

  const unattributed: number[] = [];
  for (let j = 0; j < n; j++) {
    if (model.x[j] !== 0) continue;
    for (let s = 0; s < k; s++) {
      if (F.values[s * n + j] !== 0) {
        unattributed.push(j);
        break;
      }
    }
  }

  return {
    S,
    M,
    consumption: account(cba, true),
    production: account(pba, true),
    imports: account(imp, false),
    exports: account(exp, false),
    finalDemandEmissions,
    unattributed,
  };
}

/** Emissions embodied in trade between every pair of regions, by emitting sector. */
export interface BilateralEmbodiedEmissions {
  readonly stressors: number;
  readonly regions: number;
  readonly sectors: number;
  /**
   * values[((s · regions + origin) · regions + destination) · sectors + i]: stressor s emitted by sector i of
   * `origin` for final demand of `destination`. The origin = destination entries are domestic, not trade.
   */
  readonly values: Float64Array;
  /** The same summed over sectors: pairs[(s · regions + origin) · regions + destination]. */
  readonly pairs: Float64Array;
}

/**
 * Emissions embodied in bilateral trade, by the region and sector that emit them: the emissions of industry
 * (o, i) caused by final demand of region d, S[(o,i)] · (L · Y_d)[(o,i)] (the "emissions embodied in
 * bilateral trade via final demand" of the MRIO approach; Peters 2008, Ecol. Econ. 65, 13–23; Wiedmann 2009,
 * Ecol. Econ. 69, 211–222). It splits pymrio's accounts by partner: summed over d ≠ o it is `exports.bySector` of
 * (o, i); summed over o ≠ d and i it is `imports.byRegion` of d. This is not the EEBT method, which multiplies
 * gross bilateral exports by domestic multipliers and so counts intermediate trade where it crosses a border.
 *
 * Throws `carbon.bad_matrix` when F has the wrong shape or non-finite entries.
 *
 * @example
 * const t = bilateralEmbodiedEmissions(model, F);
 * t.pairs[(0 * t.regions + 0) * t.regions + 1]; // stressor 0 emitted in region 0 for final demand of region 1
 */
export function bilateralEmbodiedEmissions(model: LeontiefModel, F: DenseMatrix): BilateralEmbodiedEmissions {
  const { regions: R, sectors: m } = model;
  const n = R * m;
  const k = checkStressors(F, n);
  const S = technicalCoefficients(F, model.x, 'stressor matrix F');
  const xByDestination = multiply(model.L, model.Y);
  const values = new Float64Array(k * R * R * m);
  const pairs = new Float64Array(k * R * R);
  for (let s = 0; s < k; s++) {
    for (let o = 0; o < R; o++) {
      for (let d = 0; d < R; d++) {
        let sum = 0;
        for (let i = 0; i < m; i++) {
          const v = (S.values[s * n + o * m + i] as number) * (xByDestination.values[(o * m + i) * R + d] as number);
          values[((s * R + o) * R + d) * m + i] = v;
          sum += v;
        }
        pairs[(s * R + o) * R + d] = sum;
      }
    }
  }
  return { stressors: k, regions: R, sectors: m, values, pairs };
}

function checkStressors(F: DenseMatrix, n: number): number {
  checkMatrix(F, 'stressor matrix F');
  if (F.rows < 1) throw new FtzError('carbon.bad_matrix', { what: 'stressor matrix F', detail: 'it has no stressor rows' });
  if (F.cols !== n) throw new FtzError('carbon.bad_matrix', { what: 'stressor matrix F', detail: `it has ${F.cols} columns, the model has ${n} industries` });
  return F.rows;
}

function finalDemandByRegion(FY: DenseMatrix, k: number, regions: number, categories: number): DenseMatrix {
  const what = 'final-demand emissions F_Y';
  checkMatrix(FY, what);
  if (FY.rows !== k) throw new FtzError('carbon.bad_matrix', { what, detail: `it has ${FY.rows} rows, F has ${k} stressors` });
  // F_Y has the shape of Yᵀ: summing its columns per region is the same grouping as for Y.
  return sumFinalDemandCategories(FY, regions, categories, k, what);
}
