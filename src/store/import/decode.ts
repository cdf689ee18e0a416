import iconv from 'iconv-lite';
import { FtzError } from '../../core/errors.js';

export type EncodingOption = 'auto' | 'utf8' | 'gbk' | 'gb18030';

export interface Decoded {
  readonly text: string;
  /** what was used: `utf-8`, `utf-8-bom`, `utf-16le`, `gb18030` */
  readonly encoding: string;
}

const ENCODINGS: Record<string, EncodingOption> = {
  auto: 'auto', utf8: 'utf8', 'utf-8': 'utf8', gbk: 'gbk', gb2312: 'gbk', gb18030: 'gb18030', cp936: 'gbk',
};

export function parseEncodingOption(value: string | undefined): EncodingOption {
  const key = (value ?? 'auto').toLowerCase();
  const found = ENCODINGS[key];
  if (!found) throw new FtzError('import.encoding_unknown', { encoding: value ?? '' });
  return found;
}

/**
 * Turns the bytes of a text file into a string. Chinese Excel saves CSV as GBK (GB18030 is its superset),
 * and DuckDB cannot decode it here, so decoding happens in Node. `auto` trusts a BOM, then strict UTF-8,
 * then GB18030: a GBK file is almost never valid UTF-8, while a UTF-8 file is always "valid" GBK, so the
 * order matters.
 */
export function decodeText(bytes: Uint8Array, option: EncodingOption, file: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    if (option === 'gbk' || option === 'gb18030') return gb(bytes);
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (option === 'gbk' || option === 'gb18030') return gb(bytes);
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (option === 'utf8') {
    throw new FtzError('import.encoding_invalid', {
      file, encoding: 'UTF-8', byteOffset: bad, line: lineAt(bytes, bad),
    });
  }
  return gb(bytes);
}

function gb(bytes: Uint8Array): Decoded {
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629), or -1 when the whole buffer is valid. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
