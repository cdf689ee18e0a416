/** The region fields needed to recognise a region written by a user. */
export interface RegionName {
  readonly code: string;
  readonly level: string;
  readonly name_zh: string;
  readonly short_zh: string | null;
  readonly name_en: string | null;
}

const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

function key(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').toLowerCase();
}

/**
 * Matches what users write for a region (310000, 上海市, 上海, Shanghai) to its GB/T 2260 code. Provinces
 * win over prefectures on a tie, because 吉林 alone means the province far more often than the city.
 */
export class RegionMatcher {
  private readonly index = new Map<string, string>();

  constructor(regions: readonly RegionName[]) {
    const ordered = [...regions].sort((a, b) => (a.level === 'province' ? 0 : 1) - (b.level === 'province' ? 0 : 1));
    for (const r of ordered) {
      const names = [r.code, r.name_zh, r.short_zh ?? '', r.name_en ?? ''];
      let stripped = r.name_zh;
      for (const s of SUFFIXES) if (stripped.endsWith(s) && stripped.length > s.length + 1) { stripped = stripped.slice(0, -s.length); break; }
      names.push(stripped);
      for (const n of names) {
        const k = key(n);
        if (k && !this.index.has(k)) this.index.set(k, r.code);
      }
    }
  }

  match(text: string): string | undefined {
    const k = key(text);
    if (!k) return undefined;
    const direct = this.index.get(k);
    if (direct) return direct;
    // Codes typed as numbers lose nothing, but 4-digit city codes (3101) are common in Chinese tables.
    if (/^\d{4}$/.test(k)) return this.index.get(`${k}00`);
    if (/^\d{2}$/.test(k)) return this.index.get(`${k}0000`);
    return undefined;
  }
}
