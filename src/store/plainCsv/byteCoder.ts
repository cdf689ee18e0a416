import { notPlain } from './plainNumbers.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a coder hands over from a worker thread: its labels and their bytes. */
export interface CoderState {
  readonly labels: readonly string[];
  readonly arena: Uint8Array;
  /** start and length of label c's bytes in `arena` */
  readonly start: Int32Array;
  readonly length: Int32Array;
}

const grow32 = (a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> => {
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
};

/**
 * Dense codes of a text column in order of first appearance, keyed by the cell's bytes, so that only the first
 * occurrence of each value becomes a JS string. Labels must be valid UTF-8 (else the scan is not plain).
 */
export class ByteCoder {
  readonly labels: string[] = [];
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** code + 1 per slot (0: empty) */
  private slots = new Int32Array(1 << 12);
  private prev = -1;

  /** The code of the bytes buf[s, e), a new one (with its label decoded) when first seen. */
  code(buf: Uint8Array, s: number, e: number, label?: string): number {
    const len = e - s;
    // A unit's rows usually follow each other: compare with the previous row's value before hashing.
    const p = this.prev;
    if (p >= 0 && this.length[p] === len && this.same(p, buf, s, len)) return p;
    let h = 0x811c9dc5 ^ len;
    for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    h ^= h >>> 15;
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const c = (this.slots[slot] as number) - 1;
      if (c < 0) break;
      if (this.hashes[c] === h && this.length[c] === len && this.same(c, buf, s, len)) return (this.prev = c);
      slot = (slot + 1) & mask;
    }
    const c = this.add(buf, s, e, h, label ?? decode(buf, s, e));
    this.slots[slot] = c + 1;
    if (2 * this.labels.length > this.slots.length) this.rehash();
    return (this.prev = c);
  }

  state(): CoderState {
    const n = this.labels.length;
    return { labels: this.labels, arena: this.arena.subarray(0, this.arenaUsed), start: this.start.subarray(0, n), length: this.length.subarray(0, n) };
  }

  /**
   * Takes in the labels another coder met (in its order of first appearance, after this coder's) and returns
   * the code here of each of its codes.
   */
  absorb(other: CoderState): Int32Array {
    const map = new Int32Array(other.labels.length);
    for (let c = 0; c < map.length; c++) {
      const s = other.start[c] as number;
      map[c] = this.code(other.arena, s, s + (other.length[c] as number), other.labels[c]);
    }
    return map;
  }

  private same(c: number, buf: Uint8Array, s: number, len: number): boolean {
    const a = this.arena;
    const o = this.start[c] as number;
    for (let i = 0; i < len; i++) if (a[o + i] !== buf[s + i]) return false;
    return true;
  }

  private add(buf: Uint8Array, s: number, e: number, h: number, label: string): number {
    const len = e - s;
    const c = this.labels.length;
    if (c === this.start.length) {
      this.start = grow32(this.start, c + 1);
      this.length = grow32(this.length, c + 1);
      this.hashes = grow32(this.hashes, c + 1);
    }
    if (this.arenaUsed + len > this.arena.length) {
      const b = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      b.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = b;
    }
    this.arena.set(buf.subarray(s, e), this.arenaUsed);
    this.start[c] = this.arenaUsed;
    this.length[c] = len;
    this.hashes[c] = h;
    this.arenaUsed += len;
    this.labels.push(label);
    return c;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 4);
    const mask = slots.length - 1;
    for (let c = 0; c < this.labels.length; c++) {
      let slot = (this.hashes[c] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = c + 1;
    }
    this.slots = slots;
  }
}

/** A cell's text: short ASCII cells by hand (cheaper than the decoder's call for millions of ids), else UTF-8. */
function decode(buf: Uint8Array, s: number, e: number): string {
  if (e - s <= 32) {
    let label = '';
    let i = s;
    for (; i < e; i++) {
      const b = buf[i] as number;
      if (b >= 0x80) break;
      label += String.fromCharCode(b);
    }
    if (i === e) return label;
  }
  try {
    return utf8.decode(buf.subarray(s, e));
  } catch {
    throw notPlain; // not UTF-8 (a GBK file): DuckDB's path decodes it first
  }
}
