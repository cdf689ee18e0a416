import type { CbamGood, CbamProductGroup } from '../../methods/carbon/cbamGoods.js';
import type { CbamRules } from '../../methods/carbon/cbamObligation.js';
import type { Db } from '../../store/duckdb.js';

/** `verified`: seen in the official text; `secondary`: a transcription or non-official page; `recalled`: unchecked. */
export type LawStatus = 'verified' | 'secondary' | 'recalled';

export interface DefaultValue {
  readonly origin: string;
  readonly cn: string;
  readonly direct: number;
  readonly indirect: number | null;
  readonly total: number;
  readonly route: string;
  readonly status: LawStatus;
  readonly citation: string;
  readonly checkedAgainst: string;
  readonly sourceId: string;
}

export interface LawRow {
  readonly rule: string;
  readonly key: string;
  readonly value: number;
  readonly unit: string;
  readonly citation: string;
  readonly status: LawStatus;
  readonly note: string;
  readonly sourceId: string;
}

export interface MarkupRow {
  readonly productGroup: string;
  /** the mark-up holds from this year until a later row replaces it */
  readonly fromYear: number;
  readonly markupPct: number;
  readonly status: LawStatus;
  readonly citation: string;
  readonly sourceId: string;
}

/** The bundled CBAM law tables. */
export interface CbamLaw {
  readonly goods: readonly (CbamGood & { level: number; description: string; headingOnly: boolean })[];
  readonly defaults: ReadonlyMap<string, DefaultValue>;
  readonly markups: readonly MarkupRow[];
  readonly rules: readonly LawRow[];
}

export async function loadCbamLaw(store: Db): Promise<CbamLaw> {
  const goods = await store.all<{ cn: string; level: number; product_group: string; description_abridged_en: string; heading_only: boolean }>('SELECT * FROM cbam_good ORDER BY cn');
  const defaults = await store.all<{ origin: string; cn: string; direct: number; indirect: number | null; total: number; route: string | null; status: LawStatus; citation: string; checked_against: string | null; source_id: string }>('SELECT * FROM cbam_default');
  const markups = await store.all<{ product_group: string; from_year: number; markup_pct: number; status: LawStatus; citation: string; source_id: string }>('SELECT * FROM cbam_markup ORDER BY product_group, from_year');
  const rules = await store.all<{ rule: string; key: string; value: number; unit: string | null; citation: string; status: LawStatus; note: string | null; source_id: string }>('SELECT * FROM cbam_rule ORDER BY rule, key');
  return {
    goods: goods.map((g) => ({ cn: g.cn, level: g.level, productGroup: g.product_group as CbamProductGroup, description: g.description_abridged_en, headingOnly: g.heading_only })),
    defaults: new Map(defaults.map((d) => [`${d.origin}:${d.cn}`, { origin: d.origin, cn: d.cn, direct: d.direct, indirect: d.indirect, total: d.total, route: d.route ?? '', status: d.status, citation: d.citation, checkedAgainst: d.checked_against ?? '', sourceId: d.source_id }])),
    markups: markups.map((m) => ({ productGroup: m.product_group, fromYear: m.from_year, markupPct: m.markup_pct, status: m.status, citation: m.citation, sourceId: m.source_id })),
    rules: rules.map((r) => ({ rule: r.rule, key: r.key, value: r.value, unit: r.unit ?? '', citation: r.citation, status: r.status, note: r.note ?? '', sourceId: r.source_id })),
  };
}

/** What the calculation may use: verified rows, or every row when the user accepts unverified ones. */
export function usable(status: LawStatus, allowUnverified: boolean): boolean {
  return status === 'verified' || allowUnverified;
}

/**
 * The rules of {@link CbamRules} from the law tables, each row used only when {@link usable}. A rule left out
 * makes the calculation conservative and says so: no free-allocation adjustment, no threshold exemption,
 * indirect emissions counted for every group; a missing mark-up is reported on each line it affects.
 */
export function rulesFrom(law: CbamLaw, allowUnverified: boolean): { rules: CbamRules; used: LawRow[]; unusable: LawRow[] } {
  const used: LawRow[] = [];
  const unusable: LawRow[] = [];
  const take = (r: LawRow): boolean => {
    (usable(r.status, allowUnverified) ? used : unusable).push(r);
    return usable(r.status, allowUnverified);
  };
  const factors = new Map<number, number>();
  const excluded: CbamProductGroup[] = [];
  const directOnly: CbamProductGroup[] = [];
  const indirectCns: string[] = [];
  let threshold = 0;
  for (const r of law.rules) {
    if (!take(r)) continue;
    if (r.rule === 'free_allocation_factor') factors.set(Number(r.key), r.value);
    else if (r.rule === 'de_minimis_tonnes') threshold = r.value;
    else if (r.rule === 'de_minimis_excluded' && r.value === 1) excluded.push(r.key as CbamProductGroup);
    else if (r.rule === 'direct_only' && r.value === 1) directOnly.push(r.key as CbamProductGroup);
    else if (r.rule === 'counts_indirect_cn' && r.value === 1) indirectCns.push(r.key);
  }
  const markups: MarkupRow[] = [];
  for (const m of law.markups) {
    const row: LawRow = { rule: 'markup_pct', key: `${m.productGroup} from ${m.fromYear}`, value: m.markupPct, unit: '%', citation: m.citation, status: m.status, note: '', sourceId: m.sourceId };
    if (take(row)) markups.push(m);
  }
  // The row with the latest start at or before the year ("30 % for the year 2028 and onwards").
  const markupPct = (g: CbamProductGroup, y: number): number | undefined => {
    let best: MarkupRow | undefined;
    for (const m of markups) if (m.productGroup === g && m.fromYear <= y && (!best || m.fromYear > best.fromYear)) best = m;
    return best?.markupPct;
  };
  return {
    rules: {
      freeAllocationFactor: (y) => factors.get(y),
      markupPct,
      // Without a usable threshold nothing is exempt (a threshold of 0 t exempts no positive quantity).
      deMinimisTonnes: threshold,
      deMinimisExcluded: threshold > 0 ? excluded : [],
      countsIndirect: (g, cn) => !directOnly.includes(g) || indirectCns.some((c) => cn.startsWith(c)),
    },
    used,
    unusable,
  };
}
