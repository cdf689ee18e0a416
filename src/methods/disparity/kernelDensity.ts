import { FtzError } from '../../core/errors.js';
import { bandwidth } from './bandwidth.js';
import { finiteValues } from './checks.js';

export type Kernel = 'gaussian' | 'epanechnikov';

export interface KernelDensityOptions {
  /** `gaussian` (default) or `epanechnikov` K(u) = ¾(1 − u²) on |u| ≤ 1 (h is the support half-width). */
  kernel?: Kernel;
  /** A bandwidth h > 0 or a rule; default `silverman` (see {@link bandwidth}). */
  bandwidth?: number | 'silverman' | 'scott';
  /** Grid start; default min − 3h. */
  from?: number;
  /** Grid end; default max + 3h. */
  to?: number;
  /** Number of equally spaced grid points; default 512. */
  points?: number;
}

export interface KernelDensityResult {
  readonly kernel: Kernel;
  readonly bandwidth: number;
  readonly x: Float64Array;
  readonly density: Float64Array;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Kernel density estimate f̂(x) = (1/(n h)) Σ_i K((x − y_i)/h) on an equally spaced grid (Rosenblatt 1956;
 * Parzen 1962; Silverman 1986 eq. 2.2a). Direct summation, O(n × points).
 *
 * @example
 * const kde = kernelDensity(gdpPerCapita2020, { bandwidth: 'silverman', points: 256 });
 */
export function kernelDensity(values: ArrayLike<number>, options: KernelDensityOptions = {}): KernelDensityResult {
  const y = finiteValues('kernel density', values, 2);
  const kernel = options.kernel ?? 'gaussian';
  const bw = options.bandwidth ?? 'silverman';
  const h = typeof bw === 'number' ? bw : bandwidth(y, bw);
  if (!(h > 0) || !Number.isFinite(h)) throw new FtzError('disparity.option_invalid', { option: 'bandwidth', value: String(bw), reason: 'must be a positive number' });
  const points = options.points ?? 512;
  if (!Number.isInteger(points) || points < 2) throw new FtzError('disparity.option_invalid', { option: 'points', value: String(points), reason: 'must be an integer ≥ 2' });
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of y) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const from = options.from ?? lo - 3 * h;
  const to = options.to ?? hi + 3 * h;
  if (!(to > from)) throw new FtzError('disparity.option_invalid', { option: 'to', value: String(to), reason: `must exceed from (${from})` });
  const x = new Float64Array(points);
  const density = new Float64Array(points);
  const step = (to - from) / (points - 1);
  const scale = 1 / (y.length * h);
  for (let g = 0; g < points; g++) {
    const xg = from + g * step;
    x[g] = xg;
    let s = 0;
    for (let i = 0; i < y.length; i++) {
      const u = (xg - (y[i] as number)) / h;
      if (kernel === 'gaussian') s += INV_SQRT_2PI * Math.exp(-0.5 * u * u);
      else if (u > -1 && u < 1) s += 0.75 * (1 - u * u);
    }
    density[g] = s * scale;
  }
  return { kernel, bandwidth: h, x, density };
}

export interface KernelDensityCurve {
  readonly label: string | number;
  readonly bandwidth: number;
  readonly density: Float64Array;
}

/**
 * One density curve per period (e.g. per year) on a common grid spanning all periods, so the curves can be
 * drawn together (the usual "dynamic evolution" figure). Each period gets its own bandwidth from the rule,
 * unless a number is given.
 *
 * @example
 * const { x, curves } = kernelDensityCurves([{ label: 2015, values: y2015 }, { label: 2020, values: y2020 }]);
 */
export function kernelDensityCurves(
  series: ReadonlyArray<{ label: string | number; values: ArrayLike<number> }>,
  options: KernelDensityOptions = {},
): { x: Float64Array; kernel: Kernel; curves: KernelDensityCurve[] } {
  if (series.length === 0) throw new FtzError('disparity.too_few_units', { method: 'kernel density curves', n: 0, min: 1 });
  const bw = options.bandwidth ?? 'silverman';
  const hs = series.map((s) => (typeof bw === 'number' ? bw : bandwidth(s.values, bw)));
  let lo = Infinity;
  let hi = -Infinity;
  series.forEach((s, k) => {
    for (let i = 0; i < s.values.length; i++) {
      lo = Math.min(lo, (s.values[i] as number) - 3 * (hs[k] as number));
      hi = Math.max(hi, (s.values[i] as number) + 3 * (hs[k] as number));
    }
  });
  const from = options.from ?? lo;
  const to = options.to ?? hi;
  let x: Float64Array = new Float64Array(0);
  const curves = series.map((s, k) => {
    const r = kernelDensity(s.values, { ...options, bandwidth: hs[k] as number, from, to });
    x = r.x; // identical for every curve: same from, to and points
    return { label: s.label, bandwidth: r.bandwidth, density: r.density };
  });
  return { x, kernel: options.kernel ?? 'gaussian', curves };
}
