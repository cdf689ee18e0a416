/**
 * Reusable work arrays for the ATT(g, t) engine. Each 2×2 comparison needs some twenty arrays as long as its
 * sample; allocating them afresh for every cell of a million-unit panel costs more in allocation and garbage
 * collection than the arithmetic. While the engine holds a scratch pool, {@link f64} hands out zero-filled
 * views of pooled buffers, which go back to the pool at {@link scratchRelease}. Outside a pool (a 2×2
 * estimator called on its own) {@link f64} is `new Float64Array(n)`.
 */
interface Pool {
  /** Buffer sizes, ascending; a request takes the smallest that fits (larger ones are allocated). */
  readonly sizes: readonly number[];
  readonly free: Float64Array<ArrayBuffer>[][];
  readonly taken: Float64Array<ArrayBuffer>[];
}

let pool: Pool | null = null;

/** A zero-filled array of length n: pooled while a scratch pool is open, else newly allocated. */
export function f64(n: number): Float64Array<ArrayBuffer> {
  const p = pool;
  if (p === null) return new Float64Array(n);
  let c = 0;
  while (c < p.sizes.length && (p.sizes[c] as number) < n) c++;
  if (c === p.sizes.length) return new Float64Array(n);
  const buf = (p.free[c] as Float64Array<ArrayBuffer>[]).pop() ?? new Float64Array(p.sizes[c] as number);
  p.taken.push(buf);
  const view = buf.subarray(0, n);
  view.fill(0);
  return view;
}

/** A mark for {@link scratchRelease}: the arrays handed out after it are the ones released. */
export function scratchMark(): number {
  return pool === null ? 0 : pool.taken.length;
}

/** Returns every array handed out since `mark` to the pool: none of them may be used afterwards. */
export function scratchRelease(mark: number): void {
  const p = pool;
  if (p === null) return;
  while (p.taken.length > mark) {
    const buf = p.taken.pop() as Float64Array<ArrayBuffer>;
    (p.free[p.sizes.indexOf(buf.length)] as Float64Array<ArrayBuffer>[]).push(buf);
  }
}

/** Runs `fn` with a scratch pool of buffers of the given sizes (numbers of entries). */
export function withScratch<T>(sizes: readonly number[], fn: () => T): T {
  const outer = pool;
  const s = [...new Set(sizes.filter((v) => v > 0))].sort((a, b) => a - b);
  pool = { sizes: s, free: s.map(() => []), taken: [] };
  try {
    return fn();
  } finally {
    pool = outer;
  }
}
