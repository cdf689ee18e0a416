/** The CBAM product groups of Annex I of Regulation (EU) 2023/956 (electricity has no tonnes and no CN goods here). */
export type CbamProductGroup = 'Cement' | 'Fertilisers' | 'Iron and steel' | 'Aluminium' | 'Hydrogen' | 'Electricity';

/** A covered good as the annex lists it: a CN code at 4, 6, 8 or 10 digits. */
export interface CbamGood {
  readonly cn: string;
  readonly productGroup: CbamProductGroup;
}

/** How a declared CN code relates to the goods list. */
export type CnMatch =
  | { readonly kind: 'covered'; readonly good: CbamGood }
  /** A code shorter than the annex entries under it: which one applies cannot be told. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly CbamGood[] }
  | { readonly kind: 'not_covered' };

/** Digits only: CN codes are written `7208 51 20`, `7208.51.20` or `72085120`. */
export function normaliseCn(code: string): string {
  return code.replace(/[\s.]/g, '');
}

/**
 * Looks CN codes up in the goods list. A declared code is covered by the most specific annex entry that is a
 * prefix of it (an 8-digit code under a listed 4-digit heading is covered by the heading); a declared code
 * that is itself a prefix of several entries is ambiguous, because only some goods under it may be covered.
 */
export class CnIndex {
  private readonly byCode = new Map<string, CbamGood>();

  constructor(goods: readonly CbamGood[]) {
    for (const g of goods) this.byCode.set(normaliseCn(g.cn), g);
  }

  match(code: string): CnMatch {
    const cn = normaliseCn(code);
    if (!/^\d{4,10}$/.test(cn)) return { kind: 'not_covered' };
    for (let len = cn.length; len >= 4; len--) {
      const good = this.byCode.get(cn.slice(0, len));
      if (good) return { kind: 'covered', good };
    }
    const candidates = [...this.byCode.entries()].filter(([k]) => k.startsWith(cn)).map(([, g]) => g);
    return candidates.length > 0 ? { kind: 'ambiguous', candidates } : { kind: 'not_covered' };
  }
}
