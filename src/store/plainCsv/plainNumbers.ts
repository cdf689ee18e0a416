/** Thrown by the plain-CSV scan when a cell is not in the plain form it reads; the caller takes DuckDB's path. */
export class NotPlain extends Error {}
export const notPlain = new NotPlain();

const PLUS = 0x2b, MINUS = 0x2d, DOT = 0x2e, ZERO = 0x30, NINE = 0x39;
const POW10 = Float64Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Where the last parse stopped (the byte after the number). */
export let cursor = 0;

/**
 * A decimal number in plain notation (`-12`, `3.25`, `.5`, `1e-3`) from `s` up to the first byte that cannot
 * continue it (left in `cursor`), as the nearest double. With at most 15 significant digits and a power of
 * ten up to 10^22 both operands are exact, so one multiplication or division rounds correctly (Clinger 1990);
 * longer numbers go through `Number()`, which rounds correctly too.
 */
export function parseDouble(buf: Uint8Array, s: number): number {
  let i = s;
  let neg = false;
  if (buf[i] === MINUS || buf[i] === PLUS) neg = buf[i++] === MINUS;
  let mant = 0, sig = 0, digits = 0, scale = 0;
  for (;; i++) {
    const b = buf[i] as number;
    if (b < ZERO || b > NINE) break;
    digits++;
    if (sig > 0 || b !== ZERO) {
      if (sig < 15) mant = mant * 10 + (b - ZERO);
      else scale++;
      sig++;
    }
  }
  if (buf[i] === DOT) {
    for (i++; ; i++) {
      const b = buf[i] as number;
      if (b < ZERO || b > NINE) break;
      digits++;
      if (sig > 0 || b !== ZERO) {
        if (sig < 15) { mant = mant * 10 + (b - ZERO); scale--; }
        sig++;
      } else scale--;
    }
  }
  if (digits === 0) throw notPlain;
  if (buf[i] === 0x65 || buf[i] === 0x45) {
    i++;
    let eneg = false;
    if (buf[i] === MINUS || buf[i] === PLUS) eneg = buf[i++] === MINUS;
    let ex = 0, ed = 0;
    for (;; i++) {
      const b = buf[i] as number;
      if (b < ZERO || b > NINE) break;
      if (ex < 1e6) ex = ex * 10 + (b - ZERO);
      ed++;
    }
    if (ed === 0) throw notPlain;
    scale += eneg ? -ex : ex;
  }
  cursor = i;
  if (sig > 15 || scale > 22 || scale < -22) {
    let text = '';
    for (let j = s; j < i; j++) text += String.fromCharCode(buf[j] as number);
    return Number(text);
  }
  const v = scale >= 0 ? mant * (POW10[scale] as number) : mant / (POW10[-scale] as number);
  return neg ? -v : v;
}

/** A decimal integer that fits 32 bits (`-3`, `+7`, `2013`) from `s`, stopping as {@link parseDouble} does. */
export function parseInt32(buf: Uint8Array, s: number): number {
  let i = s;
  let neg = false;
  if (buf[i] === MINUS || buf[i] === PLUS) neg = buf[i++] === MINUS;
  const first = i;
  let v = 0;
  for (;; i++) {
    const b = buf[i] as number;
    if (b < ZERO || b > NINE) break;
    v = v * 10 + (b - ZERO);
  }
  if (i === first || i - first > 10) throw notPlain;
  v = neg ? -v : v;
  if (v > 2147483647 || v < -2147483648) throw notPlain;
  cursor = i;
  return v;
}
