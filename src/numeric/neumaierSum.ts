/**
 * Compensated summation (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54, eq. for the improved Kahan–Babuška sum). Unlike plain Kahan summation it stays exact
 * when a term is larger in magnitude than the running sum, which happens with mixed-sign indicator data.
 *
 * Reads `count` terms starting at `offset`, `stride` apart, so a column of a row-major matrix can be summed
 * without copying it.
 *
 * @example
 * neumaierSum([1, 1e100, 1, -1e100]); // 2 (a naive loop gives 0)
 */
export function neumaierSum(values: ArrayLike<number>, offset = 0, count = values.length - offset, stride = 1): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0, k = offset; i < count; i++, k += stride) {
    const x = values[k] as number;
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
    else compensation += x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * A running compensated sum for loops that produce their terms one at a time (same algorithm as
 * {@link neumaierSum}).
 *
 * @example
 * const acc = new NeumaierAccumulator();
 * for (const x of [0.1, 0.2, 0.3]) acc.add(x);
 * acc.value; // 0.6
 */
export class NeumaierAccumulator {
  private sum = 0;
  private compensation = 0;

  add(x: number): void {
    const t = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.compensation += this.sum - t + x;
    else this.compensation += x - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
