/**
 * A seeded pseudo-random generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom
 * number generators", ACM TOMS 47(4), 2021), a 128-bit state with period 2^128 − 1 and 32-bit outputs.
 *
 * Seed → stream: the seed is reduced to an unsigned 32-bit integer `s` (`seed >>> 0`), and the four state
 * words are the next four outputs of SplitMix32 started at `s` (a Weyl sequence `s += 0x9e3779b9` passed
 * through MurmurHash3's `fmix32` finaliser), so a seed never yields the all-zero state. The same seed gives
 * the same stream on every platform: all arithmetic is 32-bit integer (`Math.imul`, `>>>`).
 *
 * Not cryptographic. Streams are not numpy's or R's: permutation inference matches those libraries in
 * distribution only.
 *
 * @example
 * const rng = createRng(20240101);
 * const u = rng.uniform();         // [0, 1)
 * const k = rng.integer(10);       // 0..9, unbiased
 * const z = rng.normal();          // N(0, 1), Marsaglia polar method
 */
export interface Rng {
  /** The seed this generator was created with (as given). */
  readonly seed: number;
  /** The next raw 32-bit output, as an unsigned integer in [0, 2^32). */
  nextUint32(): number;
  /** A double uniform on [0, 1) with 53 random bits (two outputs). */
  uniform(): number;
  /** An integer uniform on [0, n) for 1 ≤ n ≤ 2^32, unbiased by rejection (no modulo bias). */
  integer(n: number): number;
  /** An integer uniform on [lo, hi] (inclusive). */
  integerInRange(lo: number, hi: number): number;
  /** A standard normal draw by Marsaglia & Bray's (1964) polar method; the second variate is cached. */
  normal(): number;
  /** Shuffles `a` in place by Fisher–Yates (Durstenfeld 1964) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T;
  /** A uniformly random permutation of 0..n−1. */
  permutation(n: number): Int32Array;
  /**
   * k distinct integers drawn uniformly from [0, n) without replacement, in draw order (a partial
   * Fisher–Yates on a scratch array; `scratch` of length ≥ n may be passed to avoid allocation).
   */
  sampleWithoutReplacement(n: number, k: number, scratch?: Int32Array): Int32Array;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

function splitMix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Creates a generator; see {@link Rng} for the seed → stream rule. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be a finite number. Value: ${seed}`);
  const sm = { s: Math.trunc(seed) >>> 0 };
  let s0 = splitMix32(sm);
  let s1 = splitMix32(sm);
  let s2 = splitMix32(sm);
  let s3 = splitMix32(sm);
  let spare: number | undefined;

  function nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  }

  function uniform(): number {
    const a = nextUint32() >>> 5; // 27 bits
    const b = nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / TWO_POW_53;
  }

  function integer(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RangeError(`Rng.integer: n must be an integer in [1, 2^32]. Value: ${n}`);
    }
    // Accept only draws below the largest multiple of n, so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const r = nextUint32();
      if (r < limit) return r % n;
    }
  }

  function normal(): number {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  }

  function shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = integer(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }

  return {
    seed,
    nextUint32,
    uniform,
    integer,
    integerInRange: (lo, hi) => lo + integer(hi - lo + 1),
    normal,
    shuffle,
    permutation(n) {
      const p = new Int32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      return shuffle(p);
    },
    sampleWithoutReplacement(n, k, scratch) {
      if (k > n) throw new RangeError(`Rng.sampleWithoutReplacement: k (${k}) exceeds n (${n}).`);
      const a = scratch !== undefined && scratch.length >= n ? scratch : new Int32Array(n);
      for (let i = 0; i < n; i++) a[i] = i;
      const out = new Int32Array(k);
      for (let i = 0; i < k; i++) {
        const j = i + integer(n - i);
        const tmp = a[i] as number;
        a[i] = a[j] as number;
        a[j] = tmp;
        out[i] = a[i] as number;
      }
      return out;
    },
  };
}
