/**
 * Reads a ZIP's central directory and adds up the declared uncompressed sizes, without inflating anything.
 * An 839 KB XLSX can unpack to 211 MB and drive exceljs past 1.5 GB, so this runs before any parser does.
 */
export interface ZipSummary {
  readonly entries: number;
  readonly unpacked: number;
  readonly names: readonly string[];
}

export function inspectZip(buf: Uint8Array): ZipSummary | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let unpacked = 0;
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (offset + 46 > buf.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    let size = view.getUint32(offset + 24, true);
    const nameLen = view.getUint16(offset + 28, true);
    const extraLen = view.getUint16(offset + 30, true);
    const commentLen = view.getUint16(offset + 32, true);
    // ZIP64 stores the real size in an extra field; count it as huge rather than trust 0xffffffff.
    if (size === 0xffffffff) size = Number.MAX_SAFE_INTEGER / 2;
    unpacked += size;
    names.push(decoder.decode(buf.subarray(offset + 46, offset + 46 + nameLen)));
    offset += 46 + nameLen + extraLen + commentLen;
  }
  return { entries: count, unpacked, names };
}
