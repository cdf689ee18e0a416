/** A typed array that grows as chunks arrive (the row count of a CSV scan is not known in advance). */
export class Growable<T extends Float64Array | Int32Array> {
  length = 0;
  constructor(public data: T, private readonly make: (n: number) => T) {}
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    const next = this.make(Math.max(this.length + extra, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** The filled part; a view when little capacity is unused (no copy), else a trimmed copy. */
  done(): T {
    // (The row estimate from the first megabyte runs high when ids lengthen down the file: up to ~30% unused
    // capacity is kept rather than copying every column once more.)
    return (this.length >= 0.7 * this.data.length ? this.data.subarray(0, this.length) : this.data.slice(0, this.length)) as T;
  }
}
